// Real-browser tests of prerender's output (headless Chromium through puppeteer-core): the test page
// test/prerender/site/index.html, prerendered, served with the built library (dist/) at /widgets/.
// With JavaScript off: every figure is on screen, styled. With JavaScript on: the widgets take over
// without duplicated text, layout shift, count-up or refetch, fire their events and stay live.
// Waits for conditions and events only. Every figure is fictitious.
//   node --test test/prerender/browser.test.mjs        (after npm run build:lib)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { prerenderFile } from 'iom-widgets/prerender';
import { launchChromium } from '../../scripts/browser.mjs';
import { PNG } from 'pngjs';
import { TAG_SELECTOR } from '../../scripts/tags.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SITE = join(ROOT, 'test/prerender/site');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv' };

const FIGURES = [
  'Nearly 2.5 million example people from attributes (fictitious)',
  '3,456 example figure from the data attribute (fictitious)',
  '98,765 example figure from an inline script (fictitious)',
  'Over 1.23 million example people assisted (fictitious)',
  'EUR 4,500,000 example funding raised (fictitious)',
  '7.65 million example people reached (fictitious)',
  'Example flood response (fictitious)',
  'Lima storm surge (fictitious)',
  'Example donor A (fictitious)',
];

let server;
let base;
let browser;
let prerendered;
// The same page prerendered with `styles` (stylesheet files, no inline style), served at /csp/
// under a strict Content-Security-Policy, the files from memory.
let cspPage;
const cspFiles = new Map();
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const requests = [];

before(async () => {
  prerendered = (await prerenderFile(join(SITE, 'index.html'))).html;
  const withStyles = await prerenderFile(join(SITE, 'index.html'), { styles: join(SITE, 'iom-styles') });
  cspPage = withStyles.html;
  for (const sheet of withStyles.stylesheets) cspFiles.set(`/iom-styles/${sheet.path.split(sep).pop()}`, sheet.css);
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(prerendered);
      return;
    }
    // The strict-CSP copy of the site: the page, its stylesheet files, and the rest as at /.
    const csp = path.startsWith('/csp/');
    if (csp) {
      path = path.slice(4);
      if (path === '/') return res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', 'content-security-policy': CSP }).end(cspPage);
      if (cspFiles.has(path)) {
        // Slow, so that a page painting before its widgets' styles are in would show it.
        setTimeout(() => res.writeHead(200, { 'content-type': TYPES['.css'], 'content-security-policy': CSP }).end(cspFiles.get(path)), 300);
        return;
      }
    }
    const [dir, rest] = path.startsWith('/widgets/') ? [join(ROOT, 'dist'), path.slice('/widgets/'.length)] : [SITE, path];
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(csp ? { 'content-security-policy': CSP } : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium(['--lang=en-US']);
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every text of the accessibility tree (names and static text), flattened. */
async function accessibleTexts(page) {
  const tree = await page.accessibility.snapshot({ interestingOnly: false });
  const out = [];
  const visit = (node) => {
    if (node.name && (node.role === 'StaticText' || node.role === 'text')) out.push(node.name);
    (node.children ?? []).forEach(visit);
  };
  visit(tree);
  return out.join(' ').replace(/\s+/g, ' ');
}
const occurrences = (haystack, needle) => haystack.split(needle).length - 1;

describe('prerendered page, JavaScript off', () => {
  let page;
  before(async () => {
    page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: 1024, height: 900 });
    requests.length = 0;
    await page.goto(`${base}/`, { waitUntil: 'load' });
  });
  after(() => page.close());

  it('shows every figure, once, in the accessibility tree', async () => {
    const texts = await accessibleTexts(page);
    for (const figure of FIGURES) {
      // A figure is written in the tree as pieces (value, label): look for its words in order.
      const words = figure.split(' ');
      assert.ok(words.every((w) => texts.includes(w)), `${figure} in ${texts.slice(0, 400)}…`);
    }
    assert.equal(occurrences(texts, 'example people from attributes (fictitious)'), 1);
    assert.equal(occurrences(texts, 'Example donor A (fictitious)'), 2, 'once in each of the two rankings');
  });

  it('styles the widgets from their declarative shadow roots, and hides the fallback', async () => {
    const style = await page.evaluate(() => {
      const el = document.querySelector('#relative');
      const value = el.shadowRoot?.querySelector('[part~="value"]');
      const fallback = el.querySelector('[slot="fallback"]');
      return {
        shadow: !!el.shadowRoot,
        defined: el.matches(':defined'),
        size: value && parseFloat(getComputedStyle(value).fontSize),
        host: parseFloat(getComputedStyle(el).fontSize),
        color: value && getComputedStyle(value).color,
        fallbackShown: fallback.getClientRects().length > 0,
      };
    });
    assert.equal(style.shadow, true);
    assert.equal(style.defined, false, 'no script ran');
    assert.ok(style.size >= style.host * 2, `value font ${style.size}px on a ${style.host}px host`);
    assert.equal(style.color, 'rgb(0, 51, 160)');
    assert.equal(style.fallbackShown, false);
  });

  it('loads no data file', () => {
    assert.deepEqual(requests.filter((r) => r.startsWith('/data/')), []);
  });
});

describe('prerendered page, JavaScript on', () => {
  let page;
  let before_;
  before(async () => {
    page = await browser.newPage();
    await page.setViewport({ width: 1024, height: 900 });
    await page.evaluateOnNewDocument((tags) => {
      window.__events = [];
      for (const type of ['iom-load', 'iom-error', 'iom-count-end']) document.addEventListener(type, (e) => window.__events.push([type, e.composedPath()[0].id || e.composedPath()[0].localName]));
      window.__shifts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
      // What the page painted before any script ran: the box of each widget.
      document.addEventListener('DOMContentLoaded', () => {
        window.__boxes = [...document.querySelectorAll(tags)].map((el) => JSON.stringify(el.getBoundingClientRect()));
      });
    }, TAG_SELECTOR);
    requests.length = 0;
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.waitForFunction((tags) => [...document.querySelectorAll('section *')].filter((el) => el.matches(tags)).every((el) => el.matches(':defined') && el.hasUpdated), {}, TAG_SELECTOR);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('section > *')].map((el) => el.loadComplete)));
    before_ = await page.evaluate(() => window.__boxes);
  });
  after(() => page.close());

  it('takes over each widget: its figures once in the accessibility tree, none in innerText', async () => {
    const texts = await accessibleTexts(page);
    assert.equal(occurrences(texts, 'example people from attributes (fictitious)'), 1);
    assert.equal(occurrences(texts, 'example people reached (fictitious)'), 1);
    assert.equal(occurrences(texts, 'Example flood response (fictitious)'), 1);
    assert.equal(occurrences(texts, 'Example donor A (fictitious)'), 2);
    const inner = await page.evaluate(() => document.body.innerText);
    assert.equal(occurrences(inner, 'example people from attributes (fictitious)'), 0, 'the fallback is not rendered');
    // Each shadow root holds the live render only (no leftover of the prerendered one).
    const counts = await page.evaluate(() => [...document.querySelectorAll('section > *')].map((el) => el.shadowRoot.querySelectorAll('[part~="base"]').length));
    assert.ok(counts.every((n) => n === 1), JSON.stringify(counts));
  });

  it('fires iom-load for each widget with data, and no error', async () => {
    const events = await page.evaluate(() => window.__events);
    for (const id of ['attribute-json', 'inline', 'relative', 'root-relative', 'card', 'list', 'list-hxl', 'ranking', 'ranking-hxl']) {
      assert.ok(events.some(([type, target]) => type === 'iom-load' && target === id), `iom-load from #${id}: ${JSON.stringify(events)}`);
    }
    assert.deepEqual(events.filter(([type]) => type === 'iom-error'), []);
  });

  it('does not move: every box where the prerendered page drew it, no layout shift', async () => {
    const now = await page.evaluate((tags) => [...document.querySelectorAll(tags)].filter((el) => !el.closest('template')).map((el) => JSON.stringify(el.getBoundingClientRect())), TAG_SELECTOR);
    assert.deepEqual(now, before_.slice(0, now.length));
    assert.ok((await page.evaluate(() => window.__shifts)) < 0.01);
  });

  it('does not count up a prerendered figure, nor those of a prerendered card', async () => {
    // Two frames after taking over: a count would have started by now.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const counting = await page.evaluate(() => {
      const all = [...document.querySelectorAll('stat-counter')];
      for (const card of document.querySelectorAll('objective-card')) all.push(...card.shadowRoot.querySelectorAll('stat-counter'));
      return all.filter((el) => el.shadowRoot.querySelector('.value')?.hasAttribute('data-counting')).length;
    });
    assert.equal(counting, 0);
    assert.deepEqual((await page.evaluate(() => window.__events)).filter(([type]) => type === 'iom-count-end'), []);
  });

  it('reads its data from the page, fetching no data file', () => {
    assert.deepEqual(requests.filter((r) => r.startsWith('/data/')), []);
  });

  it('stays live: a new src loads and renders, with its iom-load', async () => {
    requests.length = 0;
    const text = await page.evaluate(async () => {
      const el = document.querySelector('#relative');
      const loaded = new Promise((ok) => el.addEventListener('iom-load', ok, { once: true }));
      el.src = 'data/report.json#/highlights/funding';
      await loaded;
      await el.updateComplete;
      return el.shadowRoot.querySelector('[part~="figure"]').textContent.replace(/\s+/g, ' ').trim();
    });
    assert.equal(text, 'EUR 4,500,000 example funding raised (fictitious)');
    assert.deepEqual(requests.filter((r) => r.startsWith('/data/')), ['/data/report.json']);
  });

  it('stays live: new data renders at once', async () => {
    const text = await page.evaluate(async () => {
      const el = document.querySelector('#ranking');
      el.data = { donors: [{ name: 'Example donor Z (fictitious)' }] };
      await el.updateComplete;
      return el.shadowRoot.querySelector('[part~="name"]').textContent.trim();
    });
    assert.equal(text, 'Example donor Z (fictitious)');
  });
});

describe('prerendered with stylesheet files (`styles`), under a strict Content-Security-Policy', () => {
  /** A page of the site with its console's policy violations counted. */
  async function open(path, { js }) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(js);
    await page.setViewport({ width: 1024, height: 900 });
    const violations = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text().slice(0, 200)));
    if (js) {
      await page.evaluateOnNewDocument(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
      });
    }
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    return { page, violations };
  }
  const pixels = async (page) => PNG.sync.read(await page.screenshot({ fullPage: true }));
  const boxes = (page) => page.evaluate((tags) => [...document.querySelectorAll(tags)].filter((el) => !el.closest('template')).map((el) => JSON.stringify(el.getBoundingClientRect())), TAG_SELECTOR);

  it('writes no inline style: no <style>, no style attribute, in any shadow root', () => {
    const shadows = cspPage.match(/<template shadowrootmode="open">[\s\S]*?<\/template>/g) ?? [];
    assert.ok(shadows.length >= 10, `${shadows.length} shadow roots`);
    assert.doesNotMatch(cspPage, /<style[\s>]/);
    assert.doesNotMatch(cspPage, /<[^>]+\sstyle="/);
  });

  it('with JavaScript off: no violation, painted only once styled, and pixel for pixel the page with inline styles', async () => {
    const csp = await open('/csp/', { js: false });
    const plain = await open('/', { js: false });
    try {
      assert.deepEqual(csp.violations, []);
      const [a, b] = [await pixels(csp.page), await pixels(plain.page)];
      assert.equal(`${a.width}×${a.height}`, `${b.width}×${b.height}`);
      let differ = 0;
      for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) differ++;
      assert.equal(differ, 0, 'pixels that differ from the page with inline styles');
      // The first paint waited for every stylesheet file: no flash of unstyled widgets.
      const { fcp, loaded } = await csp.page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        loaded: performance.getEntriesByType('resource').filter((r) => r.name.includes('/iom-styles/')).map((r) => r.responseEnd),
      }));
      assert.ok(loaded.length >= cspFiles.size, `${loaded.length} stylesheet files loaded, ${cspFiles.size} written`);
      assert.ok(fcp >= Math.max(...loaded), `first paint at ${fcp} ms, the last stylesheet file in at ${Math.max(...loaded)} ms`);
      // (The styles did apply: the figures are large, the fallback hidden.)
      const size = await csp.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#relative').shadowRoot.querySelector('[part~="value"]')).fontSize));
      assert.ok(size >= 30, `value font ${size}px`);
    } finally {
      await csp.page.close();
      await plain.page.close();
    }
  });

  it('with JavaScript on: no violation, the widgets take over where they were drawn, no layout shift', async () => {
    const { page, violations } = await open('/csp/', { js: true });
    try {
      const before_ = await boxes(page);
      await page.waitForFunction((tags) => [...document.querySelectorAll('section *')].filter((el) => el.matches(tags)).every((el) => el.matches(':defined') && el.hasUpdated), {}, TAG_SELECTOR);
      await page.evaluate(() => Promise.all([...document.querySelectorAll('section > *')].map((el) => el.loadComplete)));
      const statuses = await page.evaluate(() => [...document.querySelectorAll('section > *')].map((el) => `${el.id} ${el.status}`));
      assert.deepEqual(statuses.filter((s) => !s.endsWith(' ready')), []);
      assert.deepEqual(await boxes(page), before_);
      assert.ok((await page.evaluate(() => window.__shifts)) < 0.01);
      assert.deepEqual(violations, []);
    } finally {
      await page.close();
    }
  });
});
