// The donor chart in Firefox's forced colours (after npm run build:lib: reads dist/). The browser
// tests (test/donor-ranking-chart.test.ts) switch forced colours on in Chromium only, over the
// DevTools protocol; Firefox has no command for it, only a preference read at launch
// (browser.display.document_color_use = 2: Settings › Colours › Override the colours specified by
// the page: Always, which Windows' high contrast themes also turn on). So this file starts a Firefox
// of its own with it, opens the chart, and reads the canvas's pixels: a browser never recolours a
// canvas, so the chart must draw in system colours itself. WebKit has no forced colours mode (Safari
// does not have one; WebKitGTK neither), so there is nothing to check there.
//   node --test test/built/forced-colours.test.mjs      (after npm run build:lib)
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../../scripts/browser.mjs';
import { ROOT, needBuilt, openPage, serveStatic } from '../../scripts/pages.mjs';

let browser, server, pages;
before(async () => {
  needBuilt('dist/iom-widgets.js');
  pages = mkdtempSync(join(tmpdir(), 'iom-forced-'));
  // Three fictitious donors (USD 500M, 250M, 125M), the second highlighted.
  writeFileSync(join(pages, 'chart.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Donor chart, forced colours</title>
<script type="module" src="/dist/iom-widgets.js"></script></head><body>
<span id="canvas-text" style="color: CanvasText"></span><span id="highlight" style="color: Highlight"></span>
<donor-ranking id="chart" view="chart" highlight="Example donor B (fictitious)" src="/test/fixtures/donors-example.hxl.csv"></donor-ranking>
</body></html>`);
  server = await serveStatic({ '/': ROOT, '/pages/': pages });
  // Reduced motion too (the chart drawn at once): puppeteer's emulation of it speaks the DevTools protocol.
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: { 'browser.display.document_color_use': 2, 'ui.prefersReducedMotion': 1 } });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (pages) rmSync(pages, { recursive: true, force: true });
});

/**
 * In the page: the chart's bars as drawn, top to bottom: each band of canvas rows, 4 px tall or
 * more, that holds a run of at least 8 px in CanvasText or in Highlight, with its colour, its middle
 * row and the bar's length on that row (CSS px); and how many pixels are in the brand blue.
 */
function bars() {
  const rgb = (el) => getComputedStyle(el).color.match(/[\d.]+/g).slice(0, 3).map(Number);
  const system = { CanvasText: rgb(document.getElementById('canvas-text')), Highlight: rgb(document.getElementById('highlight')) };
  const canvas = document.getElementById('chart').shadowRoot.querySelector('canvas');
  const { width, height } = canvas;
  const scale = width / canvas.getBoundingClientRect().width;
  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const near = (i, c) => data[i + 3] >= 128 && Math.hypot(data[i] - c[0], data[i + 1] - c[1], data[i + 2] - c[2]) <= 48;
  /** The longest run of colour `c` on row y (of anything opaque when no colour is given), in device px. */
  const run = (y, c) => {
    let best = 0;
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      n = (c ? near(i, c) : data[i + 3] >= 128) ? n + 1 : 0;
      best = Math.max(best, n);
    }
    return best;
  };
  const found = [];
  let band;
  for (let y = 0; y <= height; y++) {
    const name = y < height ? Object.keys(system).find((k) => run(y, system[k]) >= 8 * scale) : undefined;
    if (band && name !== band.colour) {
      const mid = Math.floor((band.top + y - 1) / 2);
      // (Thinner bands are strokes of the names' letters, or the highlighted bar's outline.) The
      // length: the whole bar, the highlighted one's outline (smoothed into its fill) included.
      if (y - band.top >= 4 * scale) found.push({ colour: band.colour, y: mid / scale, length: run(mid) / scale });
      band = undefined;
    }
    if (name && !band) band = { colour: name, top: y };
  }
  let brand = 0;
  for (let i = 0; i < data.length; i += 4) if (near(i, [0, 51, 160])) brand++;
  const box = canvas.getBoundingClientRect();
  return { system, forced: matchMedia('(forced-colors: active)').matches, bars: found, brand, box: { left: box.left, top: box.top, width: box.width } };
}

it('Firefox: the chart draws its bars in CanvasText, the highlighted one in Highlight, each as long as its amount; its tooltip is legible', async () => {
  const page = await openPage(browser, `${server.base}/pages/chart.html`, { width: 800, height: 900, settle: 1, motion: true });
  const seen = await page.evaluate(bars);
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true, 'reduced motion: the bars are drawn at full length at once');
  assert.equal(seen.forced, true, 'forced colours are on');
  assert.notDeepEqual(seen.system.CanvasText, seen.system.Highlight, 'CanvasText and Highlight differ');
  assert.deepEqual(seen.bars.map((b) => b.colour), ['CanvasText', 'Highlight', 'CanvasText'], 'donor A, B (highlighted), fund C, top to bottom');
  const [a, b, c] = seen.bars.map((bar) => bar.length);
  assert.ok(Math.abs(b - a / 2) <= 2 && Math.abs(c - a / 4) <= 2, `bars as long as USD 500M, 250M and 125M: ${[a, b, c].map(Math.round).join(', ')} px`);
  assert.equal(seen.brand, 0, 'no pixel in the brand blue');

  // The mouse over the highlighted bar: its tooltip, text the browser gives system colours.
  const bar = seen.bars[1];
  await page.mouse.move(Math.round(seen.box.left + seen.box.width / 2), Math.round(seen.box.top + bar.y));
  const handle = await page.waitForFunction(() => {
    const tip = document.getElementById('chart').shadowRoot.querySelector('[part="tooltip"]');
    return !tip.hidden && { text: tip.innerText.replace(/\s+/g, ' ').trim(), colour: getComputedStyle(tip).color, background: getComputedStyle(tip).backgroundColor, border: getComputedStyle(tip).borderTopColor };
  }, { timeout: 10_000 });
  const tip = await handle.jsonValue();
  assert.match(tip.text, /^Example donor B \(fictitious\) USD 250M/);
  assert.notEqual(tip.colour, tip.background, 'the tooltip\'s text and background differ');
  assert.notEqual(tip.border, tip.background, 'the tooltip has a visible border');
  assert.deepEqual(page.problems, []);
  await page.close();
});
