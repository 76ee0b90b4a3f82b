// Node tests of iom-widgets/prerender (dist/prerender.js, after `npm run build:lib`) over the
// fixture pages in test/prerender/site/. Every figure in them is fictitious.
//   node --test test/prerender/prerender.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseFragment } from 'parse5';
import { prerender, prerenderFile } from 'iom-widgets/prerender';
import { TAGS } from '../../scripts/tags.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'test/prerender/site');
const BIN = join(ROOT, 'bin/iom-widgets.js');
const run = promisify(execFile);

// ---- helpers: read the output as a browser and as a script-less reader would ----

const isEl = (n) => n && 'tagName' in n;
/** Visits every node under `node`; into <template> content too unless `shallow`. */
function walk(node, visit, shallow = false) {
  for (const child of node.childNodes ?? []) {
    visit(child);
    walk(child, visit, shallow);
    if (child.content && !shallow) walk(child.content, visit);
  }
}
function byId(doc, id) {
  let found;
  walk(doc, (n) => {
    if (!found && isEl(n) && n.attrs.some((a) => a.name === 'id' && a.value === id)) found = n;
  });
  assert.ok(found, `#${id} in the output`);
  return found;
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
const text = (node) => (node.nodeName === '#text' ? node.value : [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].map(text).join('')).replace(/\s+/g, ' ');
/** What a reader that runs no script and ignores <template> gets: the text without <template>, <script> and <style>. */
function plainText(node) {
  if (node.nodeName === '#text') return node.value;
  if (isEl(node) && ['template', 'script', 'style'].includes(node.tagName)) return '';
  return (node.childNodes ?? []).map(plainText).join('');
}
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const shadowOf = (el) => el.childNodes.find((n) => isEl(n) && n.tagName === 'template' && attr(n, 'shadowrootmode') === 'open');
/** The text of the widget's declarative shadow root, nested counters' included, without styles. */
function shadowText(el) {
  const shadow = shadowOf(el);
  assert.ok(shadow, `<${el.tagName} id=${attr(el, 'id')}> has a declarative shadow root`);
  const visit = (n) => {
    if (n.nodeName === '#text') return n.value;
    if (isEl(n) && (n.tagName === 'style' || n.tagName === 'script')) return '';
    return [...(n.childNodes ?? []), ...(n.content ? [n.content] : [])].map(visit).join('');
  };
  return squash(visit(shadow.content));
}
const fallbackOf = (el) => el.childNodes.find((n) => isEl(n) && attr(n, 'slot') === 'fallback');
const snapshotOf = (el) => el.childNodes.find((n) => isEl(n) && n.tagName === 'script' && attr(n, 'data-prerendered-src') !== undefined);

let page;
let doc;
before(async () => {
  page = await prerenderFile(join(SITE, 'index.html'));
  doc = parse(page.html);
});

describe('prerender: every way a widget takes its data', () => {
  it('writes every widget of the page, and none inside <template> content', () => {
    assert.equal(page.widgets, 10);
    assert.deepEqual(page.problems, []);
    const inert = byId(doc, 'inert');
    assert.equal(shadowOf(inert.content.childNodes.find(isEl)), undefined);
  });

  const cases = [
    ['attributes', 'Nearly 2.5 million example people from attributes (fictitious)'],
    ['attribute-json', '3,456 example figure from the data attribute (fictitious)'],
    ['inline', '98,765 example figure from an inline script (fictitious)'],
    ['relative', 'Over 1.23 million example people assisted (fictitious)'],
    ['root-relative', 'EUR 4,500,000 example funding raised (fictitious)'],
  ];
  for (const [id, figure] of cases) {
    it(`stat-counter (${id}): its final figure, in the shadow root and in the fallback`, () => {
      const el = byId(doc, id);
      assert.ok(shadowText(el).includes(figure), shadowText(el));
      assert.ok(squash(plainText(fallbackOf(el))).includes(figure), squash(plainText(fallbackOf(el))));
    });
  }

  it('writes the styles into each shadow root', () => {
    const style = shadowOf(byId(doc, 'relative')).content.childNodes.find((n) => isEl(n) && n.tagName === 'style');
    assert.match(text(style), /--iom-stat-counter-value-size/);
    assert.match(text(style), /:host/);
  });

  it('embeds what it read at src (after the JSON Pointer), and only for src', () => {
    const snap = snapshotOf(byId(doc, 'relative'));
    assert.equal(attr(snap, 'data-prerendered-src'), 'data/report.json#/highlights/assisted');
    assert.equal(JSON.parse(text(snap)).value, 1234567);
    assert.equal(snapshotOf(byId(doc, 'inline')), undefined);
    assert.equal(snapshotOf(byId(doc, 'attributes')), undefined);
  });

  it('objective-card: its figures (nested counters) written out, the page content kept in its slot', () => {
    const card = byId(doc, 'card');
    const shadow = shadowText(card);
    for (const words of ['Objective 2', 'Example objective (fictitious)', '7.65 million example people reached (fictitious)', '42 example countries (fictitious)']) {
      assert.ok(shadow.includes(words), `${words} in ${shadow}`);
    }
    const fallback = squash(plainText(fallbackOf(card)));
    assert.ok(fallback.includes('7.65 million example people reached (fictitious)'), fallback);
    // The fallback holds no custom element (it would upgrade with no data).
    let custom = 0;
    walk(fallbackOf(card), (n) => isEl(n) && n.tagName.includes('-') && custom++);
    assert.equal(custom, 0);
    // The page's own content stays where it was, in the default slot.
    assert.ok(card.childNodes.some((n) => isEl(n) && n.tagName === 'p' && text(n) === 'Extra content written by the page.'));
    // ...and the card lays out that slot as filled, as the browser's first render does.
    let body;
    walk(shadowOf(card).content, (n) => isEl(n) && /\bbody\b/.test(attr(n, 'class') ?? '') && (body ??= n));
    assert.ok(body && !/is-empty/.test(attr(body, 'class')), attr(body, 'class'));
  });

  it('emergency-list from JSON and from HXL CSV, with their figures', () => {
    const list = shadowText(byId(doc, 'list'));
    assert.ok(list.includes('Example flood response (fictitious)'));
    assert.ok(list.includes('2.5 million'), list);
    assert.ok(list.includes('30% funded'), list);
    const hxl = byId(doc, 'list-hxl');
    assert.ok(shadowText(hxl).includes('Lima storm surge (fictitious)'));
    assert.ok(squash(plainText(fallbackOf(hxl))).includes('Mike "dry season" response (fictitious)'));
    // The snapshot is the data as the widget read and checked it, not the table it read it from.
    assert.equal(JSON.parse(text(snapshotOf(hxl))).emergencies[0].name, 'Lima storm surge (fictitious)');
  });

  it('donor-ranking from JSON and from HXL CSV', () => {
    const ranking = shadowText(byId(doc, 'ranking'));
    // As the browser writes it: Node 20's Intl pads a compact amount to the currency's digits unless told not to ("USD 500.0M").
    assert.ok(ranking.includes('Example donor A (fictitious)') && ranking.includes('USD 500M'), ranking);
    const hxl = squash(plainText(fallbackOf(byId(doc, 'ranking-hxl'))));
    // HXL rows are ranked by their #meta+rank column, as in the browser.
    assert.ok(hxl.indexOf('Example donor A (fictitious)') < hxl.indexOf('Example donor B (fictitious)'), hxl);
  });

  it('a reader that drops <template>, <script> and <style> still reads every figure', () => {
    const all = squash(plainText(doc));
    for (const figure of ['2.5 million', '3,456', '98,765', '1.23 million', 'EUR 4,500,000', '7.65 million', 'USD 500M', 'Lima storm surge (fictitious)']) {
      assert.ok(all.includes(figure), `${figure} in the page's text`);
    }
  });
});

describe('prerender: the page around the widgets', () => {
  it('keeps everything outside the widgets byte for byte', async () => {
    const input = readFileSync(join(SITE, 'index.html'), 'utf8');
    // Take out what was inserted (inside each widget's start and end tags): the input remains.
    const out = parse(page.html, { sourceCodeLocationInfo: true });
    let stripped = page.html;
    const widgets = [];
    walk(out, (n) => isEl(n) && TAGS.includes(n.tagName) && n.sourceCodeLocation?.startTag && widgets.push(n), true);
    for (const w of widgets.reverse()) {
      for (const child of [...w.childNodes].reverse()) {
        if (shadowOf({ childNodes: [child] }) || (isEl(child) && attr(child, 'slot') === 'fallback') || (isEl(child) && attr(child, 'data-prerendered-src') !== undefined)) {
          stripped = stripped.slice(0, child.sourceCodeLocation.startOffset) + stripped.slice(child.sourceCodeLocation.endOffset);
        }
      }
    }
    assert.equal(stripped, input);
  });

  it('passes unknown and malformed HTML through unchanged, and finds widgets whatever their case', async () => {
    const input = readFileSync(join(SITE, 'malformed.html'), 'utf8');
    const result = await prerenderFile(join(SITE, 'malformed.html'));
    assert.equal(result.widgets, 1);
    const at = input.indexOf('></STAT-COUNTER>') + 1;
    const inserted = result.html.slice(at, result.html.length - (input.length - at));
    assert.equal(result.html.slice(0, at), input.slice(0, at));
    assert.equal(result.html.slice(at + inserted.length), input.slice(at));
    assert.match(inserted, /^<template shadowrootmode="open">/);
    assert.ok(squash(plainText(parseFragment(inserted))).includes('77 example upper case (fictitious)'));
  });

  it('is idempotent: run on its own output, it replaces what it wrote', async () => {
    const again = await prerender(page.html, { file: join(SITE, 'index.html') });
    assert.equal(again.html, page.html);
  });

  it('replaces a hand-written fallback (slot="fallback") rather than adding a second one', async () => {
    const input = '<stat-counter value="12" label="example (fictitious)"><p slot="fallback">12 example (fictitious), by hand</p></stat-counter>';
    const { html } = await prerender(input, { file: join(SITE, 'x.html') });
    assert.ok(!html.includes('by hand'));
    assert.equal((html.match(/slot="fallback"/g) ?? []).length, 1);
  });

  it('writes "Get the data" (download) without its links, unseen, and leaves it out of the fallback: the browser makes them from the data', async () => {
    const { html, problems } = await prerender('<stat-counter id="d" download value="5" label="example things (fictitious)" start="none"></stat-counter>', { file: join(SITE, 'x.html') });
    assert.deepEqual(problems, []);
    const el = byId(parse(html), 'd');
    assert.ok(shadowText(el).endsWith('Get the data: CSV · JSON'), shadowText(el));
    assert.ok(!html.includes('data:text/csv'));
    assert.equal(squash(plainText(el)), '5 example things (fictitious)');
    // Without a script there is nothing to download: the line keeps its place, unseen and unread.
    assert.match(html, /<p class="download pending"[^>]*aria-hidden="true"/);
  });

  it('writes the HTML text it is given (a string in, a string out; an empty page stays empty)', async () => {
    assert.equal((await prerender('', { file: join(SITE, 'x.html') })).html, '');
    assert.equal((await prerender('<p>no widget</p>', { file: join(SITE, 'x.html') })).html, '<p>no widget</p>');
  });
});

describe('prerender: URLs, --root and <base>', () => {
  it('reads relative src from the page\'s folder and root-relative src from the root', async () => {
    const { html, problems } = await prerenderFile(join(SITE, 'sub/page.html'), { root: SITE });
    assert.deepEqual(problems, []);
    const d = parse(html);
    assert.ok(shadowText(byId(d, 'up')).includes('1,23 million'));
    assert.ok(shadowText(byId(d, 'root')).includes('4 500 000,00 €') || shadowText(byId(d, 'root')).includes('4 500 000'), shadowText(byId(d, 'root')));
  });

  it('without --root, the page\'s folder is the root', async () => {
    const { problems } = await prerenderFile(join(SITE, 'sub/page.html'));
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /^Could not load \.\.\/data\/report\.json: 404 Not Found$/);
  });

  it('honours <base href>', async () => {
    const input = '<base href="../"><stat-counter id="b" src="data/report.json#/highlights/assisted"></stat-counter>';
    const { html, problems } = await prerender(input, { file: join(SITE, 'sub/based.html'), root: SITE });
    assert.deepEqual(problems, []);
    assert.ok(shadowText(byId(parse(html), 'b')).includes('1.23 million'));
  });

  it('fetches http(s) URLs as the browser does (a local server)', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/figure.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"value": 321, "label": "example served figure (fictitious)"}');
      } else res.writeHead(404, 'Not Found').end();
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      const input = `<stat-counter id="h" src="${base}/figure.json"></stat-counter><stat-counter id="g" src="${base}/gone.json"></stat-counter>`;
      const { html, problems } = await prerender(input, { file: join(SITE, 'x.html') });
      assert.ok(shadowText(byId(parse(html), 'h')).includes('321 example served figure (fictitious)'));
      assert.equal(problems.length, 1);
      assert.equal(problems[0].message, `Could not load ${base}/gone.json: 404 Not Found`);
    } finally {
      server.close();
    }
  });

  it('refuses a page outside its root', async () => {
    await assert.rejects(prerenderFile(join(SITE, 'index.html'), { root: join(SITE, 'sub') }), /is not inside the root folder/);
  });
});

describe('prerender: styles as stylesheet files (--styles), for a strict Content-Security-Policy', () => {
  let plain;
  let linked;
  const styles = join(SITE, 'iom-styles');
  before(async () => {
    plain = await prerenderFile(join(SITE, 'index.html'));
    linked = await prerenderFile(join(SITE, 'index.html'), { styles });
  });
  const shadows = (html) => html.match(/<template shadowrootmode="open">[\s\S]*?<\/template>/g) ?? [];

  it('writes no inline <style> and no style attribute; each shadow root links its widget\'s file', () => {
    assert.doesNotMatch(linked.html, /<style[\s>]/);
    assert.doesNotMatch(linked.html, /<[^>]+\sstyle="/);
    assert.equal(shadows(linked.html).length, shadows(plain.html).length);
    for (const shadow of shadows(linked.html)) assert.match(shadow, /^<template shadowrootmode="open"><link rel="stylesheet" href="iom-styles\/iom-[\w-]{12}\.css">/);
  });

  it('returns the files: one per distinct stylesheet, one for the style attributes, one the page links', () => {
    const names = linked.stylesheets.map((f) => f.path.slice(styles.length + 1)).sort();
    const distinct = new Set(plain.html.match(/<style>[\s\S]*?<\/style>/g)).size;
    assert.equal(names.filter((n) => /^iom-[\w-]{12}\.css$/.test(n)).length, distinct);
    assert.equal(names.filter((n) => n.startsWith('iom-props-')).length, 1);
    assert.equal(names.filter((n) => n.startsWith('iom-page-')).length, 1);
    // Each file's CSS is the inline <style> it replaces.
    for (const css of plain.html.match(/<style>([\s\S]*?)<\/style>/g).map((s) => s.slice(7, -8))) assert.ok(linked.stylesheets.some((f) => f.css === css));
    // A style attribute became a rule that wins as the attribute did.
    const props = linked.stylesheets.find((f) => f.path.includes('iom-props-')).css;
    assert.match(props, /^\[data-iom-style="[\w-]{12}"\]\{--_columns:3 !important\}$/m);
    assert.match(props, /\{--_pct:40% !important\}/);
  });

  it('links, in <head>, one file that imports the others for no medium (it holds the first paint without styling the page)', () => {
    const head = linked.html.slice(0, linked.html.indexOf('</head>'));
    const link = head.match(/<link rel="stylesheet" href="iom-styles\/(iom-page-[\w-]{12}\.css)" data-prerendered-styles>/);
    assert.ok(link, head);
    const page = linked.stylesheets.find((f) => f.path.endsWith(link[1])).css;
    assert.equal(page.trim().split('\n').length, linked.stylesheets.length - 1);
    for (const line of page.trim().split('\n')) assert.match(line, /^@import url\("iom-[\w-]+\.css"\) not all;$/);
  });

  it('writes the same page again from its own output (the <head> link replaced, not added)', async () => {
    const again = await prerender(linked.html, { file: join(SITE, 'index.html'), styles });
    assert.equal(again.html, linked.html);
  });

  it('goes back to inline styles when run again without --styles (its <head> link removed)', async () => {
    const back = await prerender(linked.html, { file: join(SITE, 'index.html') });
    assert.equal(back.html, plain.html);
    assert.deepEqual(back.stylesheets, []);
  });

  it('writes links relative to the page, and refuses a folder outside the root', async () => {
    const sub = await prerenderFile(join(SITE, 'sub/page.html'), { root: SITE, styles });
    assert.match(sub.html, /<link rel="stylesheet" href="\.\.\/iom-styles\/iom-[\w-]{12}\.css">/);
    await assert.rejects(prerenderFile(join(SITE, 'index.html'), { styles: tmpdir() }), /the styles folder .* is not inside the root folder/);
  });
});

describe('prerender: errors', () => {
  let result;
  let d;
  before(async () => {
    result = await prerenderFile(join(SITE, 'errors.html'));
    d = parse(result.html);
  });

  const expected = {
    missing: 'Could not load data/missing.json: 404 Not Found',
    broken: /^data\/broken\.json is not valid JSON \(/,
    pointer: '/highlights/nothing not found in data/report.json',
    invalid: 'value must be a number, got "31.6 million"',
    'bad-attribute': 'value attribute must be a number written with digits only, such as 31600000 or 2.5, got "31.6 million"',
    'bad-json': /^data attribute is not valid JSON \(/,
    'no-data': /emergency-list/,
  };
  for (const [id, message] of Object.entries(expected)) {
    it(`${id}: the error box the browser shows, and one problem naming the tag and the message`, () => {
      const el = byId(d, id);
      const line = readFileSync(join(SITE, 'errors.html'), 'utf8').split('\n').findIndex((l) => l.includes(`id="${id}"`)) + 1;
      const problem = result.problems.find((p) => p.line === line);
      assert.ok(problem, `a problem for #${id}`);
      assert.equal(problem.tag, el.tagName);
      if (typeof message === 'string') assert.equal(problem.message, message);
      else assert.match(problem.message, message);
      const shadow = shadowText(el);
      assert.ok(shadow.includes(problem.message), shadow);
      assert.ok(squash(plainText(fallbackOf(el))).includes(problem.message));
      assert.equal(snapshotOf(el), undefined, 'no snapshot of data that failed: the browser tries again');
    });
  }

  it('offers Retry in the box of a src that failed, as the browser does', () => {
    assert.match(readFileSync(join(SITE, 'errors.html'), 'utf8'), /missing/);
    const shadow = shadowOf(byId(d, 'missing'));
    let retry = false;
    walk(shadow.content, (n) => isEl(n) && n.tagName === 'button' && attr(n, 'part') === 'retry' && (retry = true));
    assert.ok(retry);
  });

  it('counts exactly the failing widgets', () => {
    assert.equal(result.widgets, 8);
    assert.equal(result.problems.length, 7);
  });
});

describe('prerender: languages and direction', () => {
  let d;
  before(async () => {
    d = parse((await prerenderFile(join(SITE, 'languages.html'))).html);
  });

  it('formats for the page\'s lang', () => {
    assert.ok(shadowText(byId(d, 'fr')).includes('1 234 567,5'), shadowText(byId(d, 'fr')));
  });

  it('formats and words for the nearest lang (Arabic inside a French page), direction left to the page', () => {
    const ar = shadowText(byId(d, 'ar'));
    assert.ok(/[\u0660-\u0669]/.test(ar) || ar.includes('1,234,567'), ar);
    assert.ok(ar.includes('2030') && ar.includes('زيادة'), ar);
    // dir="rtl" reaches the shadow root through CSS inheritance: nothing to write.
    assert.equal(attr(byId(d, 'ar'), 'dir'), undefined);
  });

  it('gives objective-card\'s counters the card\'s language', () => {
    const card = shadowText(byId(d, 'card-ar'));
    assert.ok(card.includes('مثال (رقم وهمي)'));
    assert.ok(!/2\.5 million/.test(card), card);
  });

  it('honours a widget\'s own locale', () => {
    assert.ok(shadowText(byId(d, 'es')).includes('1,23 millones'), shadowText(byId(d, 'es')));
  });
});

describe('the iom-widgets command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iom-prerender-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to -o, reports one line per failing widget (file, tag, message), exits 0 without --strict', async () => {
    const out = join(dir, 'out.html');
    const { stderr } = await run(process.execPath, [BIN, 'prerender', join(SITE, 'errors.html'), '-o', out], { cwd: ROOT });
    const lines = stderr.trim().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('test/prerender/site/errors.html:')).length, 7, stderr);
    assert.ok(lines.includes('test/prerender/site/errors.html:4:5 <stat-counter>: Could not load data/missing.json: 404 Not Found'), stderr);
    assert.match(readFileSync(out, 'utf8'), /shadowrootmode="open"/);
  });

  it('exits 1 with --strict when a widget fails, 0 when none does', async () => {
    await assert.rejects(run(process.execPath, [BIN, 'prerender', join(SITE, 'errors.html'), '--strict', '-o', join(dir, 'e.html')]), (error) => error.code === 1);
    const ok = await run(process.execPath, [BIN, 'prerender', 'index.html', '--strict', '--root', '.'], { cwd: SITE, maxBuffer: 1 << 26 });
    assert.match(ok.stdout, /^<!doctype html>/);
    assert.match(ok.stderr, /10 widgets written/);
  });

  it('writes the stylesheet files with --styles', async () => {
    const site = join(dir, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'in.html'), '<!doctype html><html><head><title>x</title></head><body><stat-counter value="9" label="example (fictitious)"></stat-counter></body></html>');
    const { stderr } = await run(process.execPath, [BIN, 'prerender', join(site, 'in.html'), '-o', join(site, 'in.html'), '--styles', join(site, 'css')]);
    assert.match(stderr, /1 widget written to .*, their styles in 2 files in /);
    const files = readdirSync(join(site, 'css')).sort();
    assert.equal(files.length, 2);
    const html = readFileSync(join(site, 'in.html'), 'utf8');
    for (const f of files) assert.ok(html.includes(`css/${f}`), f);
  });

  it('prerenders a file in place (-o IN.html) and explains its usage', async () => {
    const file = join(dir, 'in.html');
    writeFileSync(file, '<stat-counter value="9" label="example (fictitious)"></stat-counter>');
    await run(process.execPath, [BIN, 'prerender', file, '-o', file]);
    assert.match(readFileSync(file, 'utf8'), /^<stat-counter value="9" label="example \(fictitious\)"><template shadowrootmode="open">/);
    const help = await run(process.execPath, [BIN, '--help']);
    assert.match(help.stdout, /iom-widgets prerender IN\.html \[--root DIR\] \[-o OUT\.html\] \[--styles DIR\] \[--strict\]/);
    await assert.rejects(run(process.execPath, [BIN, 'prerender']), (error) => error.code === 2 && /no input file/.test(error.stderr));
  });
});
