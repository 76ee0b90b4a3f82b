// The embed builder (builder.html of the built demo, dist-demo/) in headless Chromium: for each of
// the four widgets it is driven as an editor would (widget, data, an attribute, a theme token); the
// HTML it hands out, pasted into a blank page served with the built dist/ and data/, renders the
// same as its preview (text and pixels) in both snippet forms (src and inline JSON); the fallback
// is what a page without JavaScript shows; the page address restores the configuration. Also:
// pasted CSV, the contrast warning, and axe on the builder (English; Arabic with a dark preview).
//   node --test test/built/builder.test.mjs      (after npm run build)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, axe, chromium, diffPixels, needBuilt, openPage, png, serveStatic } from '../../scripts/pages.mjs';

const TIMEOUT = 20_000;
let browser, server, blank;
before(async () => {
  needBuilt('dist-demo/builder.html', 'dist/iom-widgets.bundle.js');
  blank = mkdtempSync(join(tmpdir(), 'iom-builder-'));
  // As on a site that self-hosts the files (docs/pasting.md "Get the files"): the script at
  // /iom-widgets/, the data at /data/, which are the builder's default addresses.
  // /sources/: recorded responses of the sector's APIs (test/fixtures/sources/), as a saved copy serves them.
  server = await serveStatic({ '/': join(ROOT, 'dist-demo'), '/iom-widgets/': join(ROOT, 'dist'), '/blank/': blank, '/sources/': join(ROOT, 'test/fixtures/sources') });
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(blank, { recursive: true, force: true });
});

/** Waits for a widget and the counters inside it to have rendered their data or error, then two frames; its status. */
const widgetSettled = (page, widget) => page.evaluate(async (el) => {
  const settle = (w) => customElements.whenDefined(w.localName).then(() => w.loadComplete);
  await settle(el);
  await Promise.all([...(el.shadowRoot?.querySelectorAll('stat-counter') ?? [])].map(settle));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return el.status;
}, widget);

/** Waits until the builder shows a ready preview and its snippets carry their fallback content. */
async function builderSettled(page) {
  await page.waitForFunction(() => /slot="fallback"/.test(document.querySelector('#code-inline')?.textContent ?? '') && /ready|prête|prêt|lista|جاهزة/.test(document.querySelector('.preview-step .status')?.textContent ?? ''), { timeout: TIMEOUT, polling: 100 });
  await widgetSettled(page, await page.$('#preview-host > *'));
}

const builderOutput = (page) => page.evaluate(() => {
  const el = document.querySelector('#preview-host > *');
  const frame = document.querySelector('.preview-frame');
  return { tag: el.localName, src: document.querySelector('#code-src')?.textContent, inline: document.querySelector('#code-inline')?.textContent, preview: window.__iom.text(el), width: el.getBoundingClientRect().width, lang: frame.lang, dir: frame.dir, url: location.href };
});

const openBuilder = (query = '') => openPage(browser, `${server.base}/builder.html${query}`, { settle: false, timeout: TIMEOUT });

/**
 * Pastes `snippet` into a blank page (in the preview's language and direction, as wide as the
 * preview's widget) and checks that the widget there shows the preview's text (and pixels).
 */
async function pasteAndCompare(label, snippet, out, previewShot) {
  const name = `${label.replace(/[^a-z0-9]+/gi, '-')}.html`;
  writeFileSync(join(blank, name), `<!doctype html>\n<html lang="${out.lang}" dir="${out.dir}">\n<head><meta charset="utf-8"><title>Blank page</title></head>\n<body>\n${snippet}\n</body>\n</html>\n`);
  // The body's default 8 px margins on either side: the widget gets the preview's width.
  const page = await openPage(browser, `${server.base}/blank/${name}`, { width: Math.round(out.width) + 16, settle: false, timeout: TIMEOUT });
  const widget = await page.waitForSelector(out.tag, { timeout: TIMEOUT });
  assert.equal(await widgetSettled(page, widget), 'ready', `${label}: the pasted <${out.tag}> is ready`);
  assert.deepEqual(page.problems, [], `${label}: no console error`);
  const text = await page.evaluate((el) => window.__iom.text(el), widget);
  assert.ok(text.length > 0 && text === out.preview, `${label}: the same text as the preview\n pasted:  ${text.slice(0, 300)}\n preview: ${out.preview.slice(0, 300)}`);
  if (previewShot) {
    const d = diffPixels(previewShot, await png(widget.screenshot()), { near: true });
    assert.ok(d.share < 0.005, `${label}: ${d.count === Infinity ? d.box : `${(d.share * 100).toFixed(2)} % of the pixels`} differ from the preview's`);
  }
  await page.close();
  return name;
}

/** The blank page `name` with JavaScript off shows the snippet's fallback content. */
async function checkFallback(label, name, snippet) {
  const fallback = /<div slot="fallback">([\s\S]*?)<\/div>\n?\s*<\/[a-z]+-[a-z-]+>\s*$/.exec(snippet)?.[1] ?? '';
  const words = fallback.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(`${server.base}/blank/${name}`, { waitUntil: 'load', timeout: TIMEOUT });
  const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
  await page.close();
  assert.ok(words.length > 10 && shown.includes(words.slice(0, 60)), `${label}: without JavaScript the page shows the fallback "${words.slice(0, 80)}"; it shows "${shown.slice(0, 200)}"`);
}

/** How an editor sets up each widget in the builder. */
const CASES = {
  'stat-counter': async (page) => {
    // Another figure in the tree, and a theme colour.
    const countries = await page.waitForSelector('xpath///button[contains(@class,"pick")][.//span[normalize-space()="countries"]]', { timeout: TIMEOUT });
    await countries.click();
    await page.waitForFunction(() => document.querySelector('#pointer').value === '/highlights/countries', { timeout: TIMEOUT });
    await page.type('#token--iom-color-primary', '#8a3b12');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#code-src')?.textContent.includes('--iom-color-primary: #8a3b12'), { timeout: TIMEOUT });
  },
  'objective-card': async (page) => {
    await page.select('#attr-variant', 'plain');
    await page.type('#attr-heading-level', '2');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /heading-level="2"/.test(document.querySelector('#code-src')?.textContent ?? '') && /variant="plain"/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
  },
  'emergency-list': async (page) => {
    await page.select('#data-file', 'iom-at-a-glance-2017.json');
    await page.waitForFunction(() => document.querySelector('#pointer')?.value === '/crisisResponses', { timeout: TIMEOUT });
    await page.select('#attr-layout', 'grid');
    await page.click('#attr-searchable');
    await page.waitForFunction(() => /layout="grid" searchable>/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
  },
  'donor-ranking': async (page) => {
    // The Arabic preview, right to left; a limit.
    await page.type('#attr-limit', '5');
    await page.keyboard.press('Tab');
    await page.select('#preview-lang', 'ar');
    await page.waitForFunction(() => document.querySelector('.preview-frame').dir === 'rtl' && /limit="5"/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
  },
};

describe('each widget, set up in the builder, pasted into a blank page', { concurrency: 2 }, () => {
  for (const [tag, drive] of Object.entries(CASES)) {
    it(`<${tag}>: both snippets render as the preview, the fallback shows without JavaScript, the address restores the HTML`, async () => {
      const page = await openBuilder();
      // The builder appears once the data reader, with the widgets' data shapes, has loaded (demo/builder/main.ts).
      await page.waitForSelector('input[name=widget]', { timeout: TIMEOUT });
      await page.click(`input[name=widget][value="${tag}"]`);
      await builderSettled(page);
      await drive(page);
      await builderSettled(page);
      const out = await builderOutput(page);
      assert.ok(out.tag === tag && out.src && out.inline, `its src and inline-JSON snippets: ${JSON.stringify(out).slice(0, 300)}`);
      assert.deepEqual(page.problems, [], 'no console error or warning in the builder');
      const previewShot = await png((await page.$('#preview-host > *')).screenshot());
      await page.close();

      const again = await openPage(browser, out.url, { settle: false, timeout: TIMEOUT });
      await builderSettled(again);
      const restored = await builderOutput(again);
      await again.close();
      assert.deepEqual([restored.src, restored.inline], [out.src, out.inline], `its address (${new URL(out.url).search.length} characters) restores the same HTML`);

      const srcPage = await pasteAndCompare(`${tag} src form`, out.src, out, previewShot);
      await pasteAndCompare(`${tag} inline-JSON form`, out.inline, out, previewShot);
      await checkFallback(`${tag} src form`, srcPage, out.src);
    });
  }
});

it('an API’s address (recorded OCHA FTS, ReliefWeb): read whole by the widget, checked by its readers, previewed, and its src snippet renders the same pasted', async () => {
  const settledSrc = (page) => page.waitForFunction(() => /slot="fallback"/.test(document.querySelector('#code-src')?.textContent ?? '') && /ready|prête|prêt|lista|جاهزة/.test(document.querySelector('.preview-step .status')?.textContent ?? ''), { timeout: TIMEOUT, polling: 100 });
  const page = await openBuilder('?widget=stat-counter');
  await page.waitForSelector('input[name=widget]', { timeout: TIMEOUT });
  await page.click('input[name=source][value="url"]');
  assert.deepEqual(await page.$$eval('#data-url ~ .hint button.link, form .hint button.link', (b) => b.map((x) => x.textContent.trim())), ['OCHA FTS', 'ReliefWeb', 'HDX (CKAN)', 'HXL Proxy', 'Missing Migrants Project'], 'the examples under "An address"');
  await page.$eval('#data-url', (el) => {
    el.value = '/sources/fts-flow-groupby-organization.fictitious.json';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click('#data-url + button');
  // A counter does not read FTS: the builder says what the widget would.
  await page.waitForFunction(() => /read by <donor-ranking>, not by <stat-counter>/.test(document.querySelector('#pointer-check')?.textContent ?? ''), { timeout: TIMEOUT, polling: 100 });
  assert.match(await page.$eval('#pointer-check', (el) => el.previousElementSibling.textContent), /an OCHA FTS response/);
  await page.click('input[name=widget][value="donor-ranking"]');
  await settledSrc(page);
  const out = await builderOutput(page);
  assert.match(out.src, /<donor-ranking src="\/sources\/fts-flow-groupby-organization\.fictitious\.json">/, 'the address, whole');
  assert.equal(out.inline, undefined, 'no inline form: an API is read from its address');
  assert.match(out.preview, /Government of Example A \(fictitious\)/);
  assert.deepEqual(page.problems, [], 'no console error or warning in the builder');
  await page.close();
  await pasteAndCompare('donor-ranking from FTS', out.src, out);

  const list = await openBuilder(`?widget=emergency-list&source=url&url=${encodeURIComponent('/sources/reliefweb-disasters-public-examples.json')}`);
  await settledSrc(list);
  const rw = await builderOutput(list);
  assert.match(rw.preview, /Tropical Cyclone Mekunu - May 2018/);
  await list.close();
  await pasteAndCompare('emergency-list from ReliefWeb', rw.src, rw);
});

it('pasted CSV gives only the inline form, which renders; a contrast below WCAG AA is warned about; axe finds nothing (English; Arabic, dark preview)', async () => {
  // An HXL table pasted as text: the inline form carries it as JSON rows, which the widget reads.
  const page = await openBuilder('?widget=donor-ranking');
  await builderSettled(page);
  await page.click('input[name=source][value="paste"]');
  await page.$eval('#data-paste', (el, text) => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, readFileSync(join(ROOT, 'data/hxl/top-donors-2023.hxl.csv'), 'utf8'));
  await page.click('#data-paste + button');
  await builderSettled(page);
  const out = await builderOutput(page);
  assert.ok(!out.src && /"#org\+name\+funder"/.test(out.inline ?? ''), `only the inline form, with the HXL rows as JSON: ${(out.inline ?? '').slice(0, 200)}`);
  await pasteAndCompare('donor-ranking pasted CSV', out.inline, out);

  // A pale muted text colour: the contrast warning names the pair.
  await page.type('#token--iom-color-text-muted', '#bbbbbb');
  await page.keyboard.press('Tab');
  await page.waitForSelector('.contrast .warning', { timeout: TIMEOUT });
  assert.match(await page.$eval('.contrast', (el) => el.textContent.replace(/\s+/g, ' ')), /--iom-color-text-muted.*AA|AA.*--iom-color-text-muted/);

  await page.goto(`${server.base}/builder.html?widget=emergency-list`, { waitUntil: 'load', timeout: TIMEOUT });
  await builderSettled(page);
  assert.deepEqual(await axe(page), [], 'axe, English, emergency-list');
  await page.select('#builder-lang', 'ar');
  await page.click('input[name=scheme][value="dark"]');
  await page.click('input[name=widget][value="objective-card"]');
  await builderSettled(page);
  const arabic = await page.evaluate(() => ({ dir: document.documentElement.dir, title: document.querySelector('h1').textContent }));
  assert.ok(arabic.dir === 'rtl' && /[\u0600-\u06FF]/.test(arabic.title), `the builder in Arabic is right to left: ${JSON.stringify(arabic)}`);
  assert.deepEqual(await axe(page), [], 'axe, Arabic, dark preview, objective-card');
  assert.deepEqual(page.problems, [], 'no console error or warning');
  await page.close();
});
