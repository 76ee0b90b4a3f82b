// The widgets on real host pages, in headless Chromium (after npm run build: reads dist/):
// - under a strict Content-Security-Policy (default-src 'self'; script-src 'self'; style-src 'self'),
//   all four widgets, chart included, cause no violation;
// - under Bootstrap 5 and a hostile global theme sheet (test/host/hostile.css), every widget keeps
//   its clean-page size within 5 %.
//
//   node scripts/test-host-pages.mjs            (--keep writes screenshots to .capture/)
//
// Outcomes only: no frame counts, no durations.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
if (!existsSync(join(ROOT, 'dist/iom-widgets.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const chromium = findBrowser();
if (!chromium) {
  console.error('No Chrome or Chromium found: install Chromium or set CHROME_PATH.');
  process.exit(1);
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
// The same files under /csp/ come with the policy.
const server = await serveStatic({ '/': ROOT, '/csp/': ROOT }, (pathname) => (pathname.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}));
const { base } = server;

let passed = 0;
let failed = 0;
const pass = (what) => {
  passed++;
  console.log(`  ✓ ${what}`);
};
const fail = (what, why) => {
  failed++;
  console.log(`  ✗ ${what}\n      ${why}`);
};

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--headless=new', ...CHROMIUM_ARGS, '--hide-scrollbars', '--lang=en-US'] });

/** Opens the widgets page and waits until every widget (objective-card's counters too) is ready and the chart is drawn. */
async function open(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 3000, deviceScaleFactor: 1 });
  // Settled figures, so screenshots of the two pages can be compared by eye.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`), true);
  });
  const console_ = [];
  page.on('console', (m) => m.type() === 'error' && console_.push(m.text()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const all = [];
    const walk = (root) => root.querySelectorAll('*').forEach((el) => {
      if (/^(stat-counter|emergency-list|donor-ranking|objective-card)$/.test(el.localName)) all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    });
    walk(document);
    const chart = document.querySelector('#chart donor-ranking')?.shadowRoot?.querySelector('[part="chart"]');
    return all.length >= 7 && all.every((el) => el.status === 'ready') && chart?.getAttribute('data-state') === 'ready' && document.fonts.status === 'loaded';
  }, { timeout: 30_000 });
  // Two frames, so what was just laid out is painted.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return { page, console: console_ };
}

/** Each slot's widget: its box. */
const boxes = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.slot')].map((slot) => {
  const el = slot.querySelector('stat-counter, emergency-list, donor-ranking, objective-card');
  const r = el.getBoundingClientRect();
  return [slot.id, { width: r.width, height: r.height }];
})));

try {
  console.log(`Strict Content-Security-Policy (${CSP}):`);
  {
    const { page, console: errors } = await open(`${base}/csp/test/host/widgets.html`);
    const violations = await page.evaluate(() => window.__violations);
    const what = 'all four widgets, chart included, cause no violation';
    if (violations.length === 0) pass(`${what} (0 securitypolicyviolation events)`);
    else fail(what, `${violations.length} violations:\n      ${violations.join('\n      ')}`);
    // The sizes set through the CSSOM are there: bars, meters and columns are not collapsed.
    const sized = await page.evaluate(() => {
      const bar = document.querySelector('#table donor-ranking, #chart donor-ranking');
      const chartRows = document.querySelector('#chart donor-ranking').shadowRoot.querySelector('[part="chart"]').style.getPropertyValue('--_rows');
      const columns = document.querySelector('#card objective-card').shadowRoot.querySelector('[part="figures"]').style.getPropertyValue('--_columns');
      return { bar: !!bar, chartRows, columns };
    });
    const what2 = 'sizes set through the CSSOM apply under the policy (chart rows, card columns)';
    if (sized.chartRows && sized.columns) pass(`${what2}: --_rows ${sized.chartRows}, --_columns ${sized.columns}`);
    else fail(what2, JSON.stringify(sized));
    if (errors.length) fail('no console errors under the policy', errors.join('\n      '));
    else pass('no console errors under the policy');
    await page.close();
  }

  console.log('Bootstrap 5 and a hostile theme sheet (test/host/hostile.css) against the clean page:');
  {
    const clean = await open(`${base}/test/host/widgets.html`);
    const cleanBoxes = await boxes(clean.page);
    if (keep) writeFileSync(join(ROOT, '.capture/host-clean.png'), await clean.page.screenshot({ fullPage: true }));
    await clean.page.close();
    const hostile = await open(`${base}/test/host/widgets.html?hostile`);
    const applied = await hostile.page.evaluate(() => getComputedStyle(document.body).lineHeight);
    const hostileBoxes = await boxes(hostile.page);
    if (keep) {
      mkdirSync(join(ROOT, '.capture'), { recursive: true });
      writeFileSync(join(ROOT, '.capture/host-hostile.png'), await hostile.page.screenshot({ fullPage: true }));
    }
    await hostile.page.close();
    if (applied !== '48px') fail('the hostile sheet is applied', `body line-height is ${applied}, not 48px`);
    for (const [slot, a] of Object.entries(cleanBoxes)) {
      const b = hostileBoxes[slot];
      const dw = Math.abs(b.width - a.width) / a.width;
      const dh = Math.abs(b.height - a.height) / a.height;
      const what = `#${slot}: ${a.width.toFixed(0)}×${a.height.toFixed(0)} px clean, ${b.width.toFixed(0)}×${b.height.toFixed(0)} px hostile`;
      if (dw <= 0.05 && dh <= 0.05) pass(`${what} (within 5 %)`);
      else fail(what, `differs by ${(dw * 100).toFixed(1)} % in width and ${(dh * 100).toFixed(1)} % in height (budget 5 %)`);
    }
  }
} catch (error) {
  fail('host pages', error.stack ?? error.message);
} finally {
  await browser.close();
  await server.close();
}

console.log(`host pages: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
