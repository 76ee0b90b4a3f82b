// Captures pages the way prerenderers, link-preview and PDF services and some crawlers do
// (headless Chromium with --virtual-time-budget: the page's clock runs ahead of its frames) and
// checks that every counter in view shows its final figure: each widget in the capture must be
// pixel-identical to the same widget on the page rendered with prefers-reduced-motion: reduce,
// where nothing ever counts (drawn by puppeteer in the same Chromium).
//
// Then, in a normal headless Chromium: while counters count, the only pixels that differ from the
// settled page are inside the final numbers' own boxes (the moving digits wrap with the final
// text and are never clipped or drawn over the words), and the layout does not move.
//
//   node scripts/test-capture.mjs            (after npm run build: reads dist/ and dist-demo/)
//   node scripts/test-capture.mjs --keep     keeps the PNGs in .capture/ to look at
//
// Then a long list below the first screenful, in a full-page capture drawn beyond the viewport
// (puppeteer's fullPage): once it has settled, every item is painted.
//
// Outcomes only: no frame counts, no durations.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, findBrowser, launchChromium } from './browser.mjs';
import { checks, serveStatic } from './static-server.mjs';
import { TAG_SELECTOR } from './tags.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const OUT = keep ? join(ROOT, '.capture') : mkdtempSync(join(tmpdir(), 'iom-capture-'));
mkdirSync(OUT, { recursive: true });

for (const need of ['dist/iom-widgets.js', 'dist-demo/index.html']) {
  if (!existsSync(join(ROOT, need))) {
    console.error(`${need} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const chromium = findBrowser();
if (!chromium) {
  console.error('No Chrome or Chromium found: install Chromium or set CHROME_PATH.');
  process.exit(1);
}

// A static server: the repository at /, the built demo page at /demo/.
const server = await serveStatic({ '/': ROOT, '/demo/': join(ROOT, 'dist-demo') });
const { base } = server;

const { pass, fail, totals } = checks();

/** A screenshot taken by Chromium's own command line, as capture tools take it. */
async function capture(name, url, { width, height, budget }) {
  const file = join(OUT, `${name}.png`);
  rmSync(file, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'iom-capture-profile-'));
  const args = [
    '--headless=new',
    ...CHROMIUM_ARGS,
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    '--lang=en-US',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
    `--virtual-time-budget=${budget}`,
    `--screenshot=${file}`,
    url,
  ];
  // Not spawnSync: this process serves the page Chromium loads.
  const stderr = await new Promise((done) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', () => {
      clearTimeout(timer);
      done(err);
    });
  });
  rmSync(profile, { recursive: true, force: true });
  if (!existsSync(file)) throw new Error(`Chromium wrote no screenshot for ${url}: ${stderr.slice(-500)}`);
  return PNG.sync.read(readFileSync(file));
}

/** The pixels that differ between two images of one size: how many, and the box around them. */
function diff(a, b) {
  if (a.width !== b.width || a.height !== b.height) return { count: Infinity, box: `sizes ${a.width}×${a.height} and ${b.width}×${b.height}` };
  let count = 0;
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  const points = [];
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2] || a.data[i + 3] !== b.data[i + 3]) {
        count++;
        points.push([x, y]);
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
    }
  }
  return { count, points, box: count ? `x ${x0}–${x1}, y ${y0}–${y1}` : '' };
}

/** The first row from which `img` is one colour, that of its bottom-right pixel, down to its bottom edge. */
function blankFrom(img) {
  const last = (img.width * img.height - 1) * 4;
  for (let y = img.height - 1; y >= 0; y--) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i] !== img.data[last] || img.data[i + 1] !== img.data[last + 1] || img.data[i + 2] !== img.data[last + 2]) return y + 1;
    }
  }
  return 0;
}

const browser = await launchChromium(['--hide-scrollbars', '--lang=en-US']);

/**
 * The page settled, with reduced motion (nothing counts), at `width`×`height`, in puppeteer: its
 * widgets' boxes (top-level tags) and its screenshot, taken once every widget is ready (puppeteer
 * waits for a whole new frame; the same Chromium's --screenshot draws the same pixels, but on a
 * loaded machine has drawn them before the bottom of the window was painted).
 */
async function settled(name, url, width, height) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(url);
    await page.waitForFunction((tags) => [...document.querySelectorAll(tags)].every((el) => el.status === 'ready'), { timeout: 30_000 }, TAG_SELECTOR);
    await page.evaluate(() => document.fonts.ready);
    const boxes = await page.evaluate((tags) => [...document.querySelectorAll(tags)].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: `${el.localName}${el.getAttribute('src') ? ` ${el.getAttribute('src')}` : ''}`, x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    }), TAG_SELECTOR);
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    return { boxes, image: PNG.sync.read(readFileSync(file)) };
  } finally {
    await page.close();
  }
}

/** The widgets whose pixels differ between two captures, with how many pixels. */
function widgetDiffs(d, boxes) {
  return boxes
    .map((b) => ({ ...b, count: d.points.filter(([x, y]) => x >= Math.floor(b.x) && x < Math.ceil(b.x + b.width) && y >= Math.floor(b.y) && y < Math.ceil(b.y + b.height)).length }))
    .filter((b) => b.count > 0);
}

// 1. Virtual-time captures against the settled (reduced-motion) rendering, widget by widget.
console.log('Captures with virtual time (headless Chromium --virtual-time-budget) against the reduced-motion rendering:');
const CASES = [
  ['counters-1280', `${base}/test/capture/counters.html`, { width: 1280, height: 900, budget: 10_000 }],
  ['counters-1024', `${base}/test/capture/counters.html`, { width: 1024, height: 900, budget: 30_000 }],
  ['demo-1280', `${base}/demo/`, { width: 1280, height: 4000, budget: 10_000 }],
  ['demo-412', `${base}/demo/`, { width: 412, height: 3000, budget: 10_000 }],
];
for (const [name, url, options] of CASES) {
  const what = `${name}: every figure in the capture is the final one (${options.width}×${options.height}, budget ${options.budget} ms)`;
  try {
    const reference = await settled(`${name}-reduced-motion`, url, options.width, options.height);
    const boxes = reference.boxes.filter((b) => b.y < options.height);
    let captured = await capture(`${name}-virtual-time`, url, options);
    // Chromium's --screenshot, on a loaded machine, now and then draws its image before the bottom
    // of the window is painted (seen from 763 of 900 px down, straight through a widget). A capture
    // whose every differing pixel is in a blank band at its own bottom is taken again (twice at
    // most). That never lets a wrong figure pass: a figure other than the final one is not blank.
    const retaken = [];
    let d, differ;
    for (;;) {
      d = diff(captured, reference.image);
      differ = d.count === Infinity ? boxes : widgetDiffs(d, boxes);
      const cut = differ.length && d.points && blankFrom(captured);
      if (!cut || retaken.length === 2 || !d.points.every(([, y]) => y >= cut)) break;
      retaken.push(cut);
      captured = await capture(`${name}-virtual-time`, url, options);
    }
    const again = retaken.length ? `; captured ${retaken.length + 1} times, blank from ${retaken.join(' and ')} px down before` : '';
    if (boxes.length === 0) fail(what, 'no widget in the capture');
    else if (differ.length === 0) pass(`${what}: ${boxes.length} widgets pixel-identical${d.count ? ` (${d.count} pixels of the page around them differ: ${d.box})` : ''}${again}`);
    else fail(what, `${differ.map((b) => `${b.name}: ${b.count} pixels`).join('; ')} differ from the settled rendering${again}; compare ${name}-virtual-time.png and ${name}-reduced-motion.png (run with --keep)`);
  } catch (error) {
    fail(what, error.message);
  }
}

/** In the page: whether each counter (objective-card's inner ones too) is counting. */
function countingStates() {
  const all = [];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
    if (el.localName === 'stat-counter') all.push(el);
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  return all.map((el) => !!el.shadowRoot?.querySelector('.value')?.hasAttribute('data-counting'));
}

// 2. While counting: the moving digits stay inside the final numbers' boxes; nothing moves.
console.log('While counting (headless Chromium, real time):');
try {
  for (const width of [1280, 1024, 412]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 2400, deviceScaleFactor: 1 });
    // Counts that last long enough to be caught mid-way: a duration set before the elements upgrade.
    // (objective-card's counters are in its shadow root: every shadow root is watched too.)
    await page.evaluateOnNewDocument(() => {
      const slow = (records) => {
        for (const r of records) for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          for (const el of [node, ...node.querySelectorAll('stat-counter')]) if (el.localName === 'stat-counter') el.setAttribute('duration', '3600000');
        }
      };
      const observer = new MutationObserver(slow);
      observer.observe(document, { subtree: true, childList: true });
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attach.call(this, init);
        observer.observe(shadow, { subtree: true, childList: true });
        return shadow;
      };
    });
    await page.goto(`${base}/test/capture/counters.html`);
    // Every counter on the page, objective-card's included, is counting (its value box says so).
    const state = () => page.evaluate(() => {
      const all = [];
      const walk = (root) => root.querySelectorAll('*').forEach((el) => {
        if (el.localName === 'stat-counter') all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      });
      walk(document);
      return all.map((el) => {
        const value = el.shadowRoot?.querySelector('.value');
        const digits = el.shadowRoot?.querySelector('.digits');
        const box = (r) => [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 100) / 100);
        return {
          counting: !!value?.hasAttribute('data-counting'),
          host: box(el.getBoundingClientRect()),
          lines: value ? [...value.getClientRects()].map(box) : [],
          digits: digits ? [...digits.getClientRects()].map(box) : [],
        };
      });
    });
    await page.waitForFunction(`(${countingStates})().length >= 16 && (${countingStates})().every(Boolean)`, { timeout: 30_000 });
    const during = await state();
    const moving = PNG.sync.read(await page.screenshot({ type: 'png' }));
    // Settle every count (as a reader switching to reduced motion does), then look again.
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.waitForFunction(`!(${countingStates})().some(Boolean)`);
    const after = await state();
    const settled = PNG.sync.read(await page.screenshot({ type: 'png' }));
    if (keep) {
      writeFileSync(join(OUT, `counting-${width}.png`), PNG.sync.write(moving));
      writeFileSync(join(OUT, `settled-${width}.png`), PNG.sync.write(settled));
    }
    await page.close();

    const what = `${width} px: ${during.length} counters keep their boxes and line breaks while counting`;
    if (JSON.stringify(during.map(({ counting: _, ...rest }) => rest)) === JSON.stringify(after.map(({ counting: _, ...rest }) => rest))) pass(what);
    else fail(what, 'a counter\'s box, value lines or number box differ between counting and settled');

    const d = diff(moving, settled);
    const inside = (x, y) => during.some((c) => c.digits.some(([bx, by, bw, bh]) => x >= Math.floor(bx) - 1 && x <= Math.ceil(bx + bw) + 1 && y >= Math.floor(by) - 1 && y <= Math.ceil(by + bh) + 1));
    const outside = d.points?.filter(([x, y]) => !inside(x, y)) ?? [];
    const what2 = `${width} px: the moving digits are drawn only inside the final numbers' boxes`;
    if (d.count === 0) fail(what2, 'no pixel moved: the counters did not draw moving digits');
    else if (outside.length) fail(what2, `${outside.length} changed pixels outside the numbers' boxes, first at ${outside[0].join(', ')}`);
    else pass(`${what2} (${d.count} pixels moving)`);
  }
} catch (error) {
  fail('while counting', error.stack ?? error.message);
}

// 3. Nothing moves while the built demo page loads: layout shifts over its first 6 seconds.
console.log('Layout shift of the built demo page (layout-shift PerformanceObserver, first 6 s):');
try {
  for (const [width, height] of [[412, 823], [1280, 900]]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.evaluateOnNewDocument(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__shifts.push({ value: e.value, at: Math.round(e.startTime), hadRecentInput: e.hadRecentInput, sources: (e.sources ?? []).map((s) => {
            const n = s.node;
            const name = n ? (n.nodeType === 1 ? n.localName + (n.id ? '#' + n.id : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/).join('.') : '') : n.nodeName) : '?';
            return `${name} ${JSON.stringify([s.previousRect.y, s.previousRect.height])}→${JSON.stringify([s.currentRect.y, s.currentRect.height])}`;
          }) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}/demo/`);
    // The spec's window: 6 seconds from navigation (the page's own clock, not a sleep of ours).
    await page.waitForFunction(() => performance.now() > 6000, { timeout: 60_000, polling: 200 });
    const shifts = await page.evaluate(() => window.__shifts);
    await page.close();
    const total = shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
    const what = `${width}×${height}: cumulative layout shift ${total.toFixed(4)} (budget < 0.01)`;
    if (total < 0.01) pass(what);
    else fail(what, shifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join('; ')}`).join('\n      '));
  }
  // 4. A full-page capture drawn beyond the viewport, without resizing it (puppeteer's fullPage):
  // once a long list has settled, every item is painted, and its filling in moved nothing on screen.
  console.log('A long list in a full-page capture (drawn beyond the viewport):');
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 600, height: 800, deviceScaleFactor: 1 });
    await page.evaluateOnNewDocument(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}/test/capture/long-list.html`);
    const items = await page.waitForFunction(
      () => {
        const list = document.querySelector('emergency-list');
        const all = [...(list?.shadowRoot?.querySelectorAll('[part~="item"]') ?? [])];
        const settled = all.length === 120 && all.every((item) => getComputedStyle(item).contentVisibility === 'visible');
        return settled && all.map((item) => {
          const r = item.getBoundingClientRect();
          return [Math.round(r.x), Math.round(r.y + window.scrollY), Math.round(r.width), Math.round(r.height)];
        });
      },
      { timeout: 60_000, polling: 100 },
    ).then((handle) => handle.jsonValue());
    const shot = PNG.sync.read(await page.screenshot({ fullPage: true }));
    const shift = await page.evaluate(() => window.__shift);
    await page.close();
    if (keep) writeFileSync(join(OUT, 'long-list-full-page.png'), PNG.sync.write(shot));
    // An item is painted when its box holds text: pixels far darker than the white page.
    const blank = items
      .map(([x, y, w, h], i) => {
        let dark = 0;
        for (let py = y; py < Math.min(shot.height, y + h); py++) for (let px = x; px < Math.min(shot.width, x + w); px++) if (shot.data[(py * shot.width + px) * 4] < 128) dark++;
        return dark ? null : i + 1;
      })
      .filter((n) => n !== null);
    const what = `all 120 items painted in a ${shot.width}×${shot.height} capture (the viewport is 800 px tall)`;
    if (blank.length === 0) pass(what);
    else fail(what, `items ${blank.slice(0, 10).join(', ')}${blank.length > 10 ? '…' : ''} (${blank.length} of 120) are blank`);
    const moved = `the list's filling in moved nothing on screen: cumulative layout shift ${shift.toFixed(4)}`;
    if (shift < 0.001) pass(moved);
    else fail(moved, 'budget < 0.001');
  } catch (error) {
    fail('a long list settles (all 120 items in and laid out for good)', error.message.split('\n')[0]);
  }
} catch (error) {
  fail('layout shift', error.stack ?? error.message);
} finally {
  await browser.close();
  await server.close();
  if (!keep) rmSync(OUT, { recursive: true, force: true });
}

console.log(`capture: ${totals.passed} passed, ${totals.failed} failed${keep ? ` (images in ${OUT})` : ''}`);
process.exit(totals.failed ? 1 : 0);
