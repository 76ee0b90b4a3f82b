// Checks that minifying the widgets' css`…` stylesheets (scripts/minify-css-literals.ts) changes
// nothing the browser computes. Builds the demo page twice into temporary folders, with the
// stylesheets as written (IOM_CSS_MINIFY=0) and minified, opens each in headless Chromium in
// English and in Arabic (right to left), and compares, for every element of the page and of every
// shadow root in it (with its ::before and ::after): every computed style property, custom
// properties included, and its layout box. Reduced motion, so every figure is final.
//
//   node scripts/test-css.mjs      (npm run test:css; part of npm test)
//
// Custom properties (--_*) are left out of the comparison: they are untyped token lists that the
// browser keeps as written, so esbuild's `max(2px,.15em)` for `max(2px, 0.15em)` is another string
// for the same value. What they do is compared all the same, through every property that reads
// them, on every element (the chart's colours and type too: chart-controller.ts reads them from
// probe elements as computed colours and sizes). Every other property is compared as the browser
// serialises it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { checks, serveStatic } from './static-server.mjs';
import { TAG_SELECTOR } from './tags.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const chromium = findBrowser();
if (!chromium) {
  console.error('No Chrome or Chromium found: install Chromium or set CHROME_PATH.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'iom-test-css-'));
const VARIANTS = { raw: join(work, 'raw'), min: join(work, 'min') };
const { pass, fail, totals } = checks();

async function buildDemo(outDir, minify) {
  const before = process.env.IOM_CSS_MINIFY;
  process.env.IOM_CSS_MINIFY = minify ? '1' : '0';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, mode: 'demo', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.IOM_CSS_MINIFY;
    else process.env.IOM_CSS_MINIFY = before;
  }
}

/**
 * In the page: every element of the document and of each shadow root, in tree order, with a key
 * (its path), its box and a hash of its computed style (and of its ::before and ::after); with
 * `detail`, the computed styles themselves for the keys asked for.
 */
function snapshot(detail) {
  const styleOf = (el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    const out = [];
    for (let i = 0; i < cs.length; i++) if (!cs[i].startsWith('--')) out.push(`${cs[i]}:${cs.getPropertyValue(cs[i])}`);
    return out;
  };
  // cyrb53: a fast 53-bit string hash, enough to tell two style lists apart.
  const hash = (str) => {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < str.length; i++) {
      const ch = str.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  const t0 = performance.now();
  const rows = [];
  let shadowRoots = 0;
  const walk = (root, prefix) => {
    let i = 0;
    for (const el of root.querySelectorAll('*')) {
      const key = `${prefix}/${i++}:${el.localName}`;
      const r = el.getBoundingClientRect();
      const styles = { '': styleOf(el, null) };
      if (prefix) {
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(el, pseudo).content;
          if (content !== 'none' && content !== 'normal') styles[pseudo] = styleOf(el, pseudo);
        }
      }
      const text = Object.entries(styles)
        .map(([p, list]) => `${p}{${list.join(';')}}`)
        .join('');
      rows.push({
        key,
        box: [r.x + scrollX, r.y + scrollY, r.width, r.height].map((n) => Math.round(n * 1000) / 1000).join(' '),
        hash: hash(text),
        pseudo: Object.keys(styles).length - 1,
        ...(detail?.includes(key) ? { styles } : {}),
      });
      if (el.shadowRoot) {
        shadowRoots++;
        walk(el.shadowRoot, key);
      }
    }
  };
  walk(document, '');
  return { rows, shadowRoots, ms: performance.now() - t0 };
}

const server = await serveStatic({ '/raw/': VARIANTS.raw, '/min/': VARIANTS.min });
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--headless=new', ...CHROMIUM_ARGS, '--hide-scrollbars', '--lang=en-US'] });

async function open(variant, lang) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${server.base}/${variant}/index.html${lang === 'en' ? '' : `?lang=${lang}`}`);
  await page.waitForFunction((tags) => [...document.querySelectorAll(tags)].every((el) => el.status === 'ready'), { timeout: 30_000 }, TAG_SELECTOR);
  // The chart view loads chart.js on demand; fonts and a last frame settle the layout.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  return page;
}

try {
  await buildDemo(VARIANTS.raw, false);
  await buildDemo(VARIANTS.min, true);
  console.log('Minified css`…` stylesheets against the same stylesheets as written, on the demo page (1280×900, reduced motion):');
  for (const lang of ['en', 'ar']) {
    const what = `${lang === 'ar' ? 'Arabic (right to left)' : 'English'}: same computed styles and layout boxes`;
    const raw = await open('raw', lang);
    const min = await open('min', lang);
    try {
      const a = await raw.evaluate(snapshot);
      const b = await min.evaluate(snapshot);
      const problems = [];
      if (a.rows.length !== b.rows.length) problems.push(`${a.rows.length} elements as written, ${b.rows.length} minified`);
      const byKey = new Map(b.rows.map((r) => [r.key, r]));
      const styleDiffs = [];
      for (const r of a.rows) {
        const other = byKey.get(r.key);
        if (!other) problems.push(`${r.key} missing from the minified page`);
        else {
          if (other.box !== r.box) problems.push(`${r.key}: box ${r.box} as written, ${other.box} minified`);
          if (other.hash !== r.hash) styleDiffs.push(r.key);
        }
      }
      if (styleDiffs.length) {
        const keys = styleDiffs.slice(0, 5);
        const [da, db] = [await raw.evaluate(snapshot, keys), await min.evaluate(snapshot, keys)];
        for (const key of keys) {
          const sa = da.rows.find((r) => r.key === key).styles;
          const sb = db.rows.find((r) => r.key === key).styles;
          for (const pseudo of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
            const [la, lb] = [sa[pseudo] ?? [], sb[pseudo] ?? []];
            const setB = new Set(lb);
            const only = la.filter((d) => !setB.has(d)).slice(0, 3);
            const name = (d) => d.slice(0, d.indexOf(':') + 1);
            if (la.length !== lb.length) problems.push(`${key}${pseudo}: ${la.length} properties as written, ${lb.length} minified`);
            if (only.length) problems.push(`${key}${pseudo}: as written ${only.join('; ')} — minified ${only.map((d) => lb.find((e) => e.startsWith(name(d))) ?? '(none)').join('; ')}`);
          }
        }
        if (styleDiffs.length > keys.length) problems.push(`…and ${styleDiffs.length - keys.length} more elements with other styles`);
      }
      if (a.shadowRoots === 0) problems.push('no shadow root on the page');
      if (problems.length) fail(what, problems.slice(0, 12).join('\n      '));
      else pass(`${what} (${a.rows.length} elements, ${a.shadowRoots} shadow roots, ${b.rows.reduce((n, r) => n + r.pseudo, 0)} ::before/::after; ${Math.round(a.ms)} ms to read one page)`);
    } finally {
      await raw.close();
      await min.close();
    }
  }
} catch (error) {
  fail('the comparison ran', error.stack ?? error.message);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
