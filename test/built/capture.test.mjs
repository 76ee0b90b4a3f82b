// Pages captured the way prerenderers, link-preview and PDF services and some crawlers do (headless
// Chromium's own --screenshot with --virtual-time-budget: the page's clock runs ahead of its
// frames): every widget in the capture must be pixel-identical to the same widget with reduced
// motion, where nothing counts. Then, in real time: the moving digits of a count are drawn only
// inside the final numbers' boxes; and a long list below the first screenful is painted whole in
// a full-page capture, moving nothing. Outcomes only: no frame counts, no durations.
//   node --test test/built/capture.test.mjs      (after npm run build: dist/ and dist-demo/)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browser.mjs';
import { ROOT, chromium, diffPixels, needBuilt, openPage, png, serveStatic } from '../../scripts/pages.mjs';
import { TAG_SELECTOR } from '../../scripts/tags.mjs';

let browser, server, work;
before(async () => {
  needBuilt('dist/iom-widgets.js', 'dist-demo/index.html');
  work = mkdtempSync(join(tmpdir(), 'iom-capture-'));
  server = await serveStatic({ '/': ROOT, '/demo/': join(ROOT, 'dist-demo') });
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A screenshot taken by Chromium's own command line, as capture tools take it. */
async function capture(url, { width, height, budget }) {
  const file = join(work, 'capture.png');
  const profile = mkdtempSync(join(work, 'profile-'));
  rmSync(file, { force: true });
  const args = ['--headless=new', ...CHROMIUM_ARGS, '--hide-scrollbars', '--force-device-scale-factor=1', '--lang=en-US', `--user-data-dir=${profile}`, `--window-size=${width},${height}`, `--virtual-time-budget=${budget}`, `--screenshot=${file}`, url];
  // Not spawnSync: this process serves the page Chromium loads.
  const stderr = await new Promise((done) => {
    const child = spawn(findBrowser(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', () => (clearTimeout(timer), done(err)));
  });
  if (!existsSync(file)) throw new Error(`Chromium wrote no screenshot for ${url}: ${stderr.slice(-500)}`);
  return png(readFileSync(file));
}

/** The first row from which `img` is one colour, that of its bottom-right pixel, down to its bottom edge. */
function blankFrom(img) {
  const last = img.data.subarray(img.data.length - 4, img.data.length - 1);
  for (let y = img.height - 1; y >= 0; y--) {
    for (let x = 0; x < img.width; x++) if (img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3).some((v, k) => v !== last[k])) return y + 1;
  }
  return 0;
}

describe('captured with virtual time, every widget shows its final figure (pixel-identical to the reduced-motion rendering)', () => {
  for (const [name, path, options] of [
    ['counters, 1280 px', '/test/capture/counters.html', { width: 1280, height: 900, budget: 10_000 }],
    ['counters, 1024 px', '/test/capture/counters.html', { width: 1024, height: 900, budget: 30_000 }],
    ['the built demo page, 1280 px', '/demo/', { width: 1280, height: 4000, budget: 10_000 }],
    ['the built demo page, 412 px', '/demo/', { width: 412, height: 3000, budget: 10_000 }],
  ]) {
    it(`${name} (budget ${options.budget} ms)`, async () => {
      // The reference: the same page settled in puppeteer (which waits for a whole new frame).
      const page = await openPage(browser, `${server.base}${path}`, { width: options.width, height: options.height });
      const boxes = await page.evaluate((tags) => [...document.querySelectorAll(tags)].map((el) => {
        const r = el.getBoundingClientRect();
        return { name: `${el.localName} ${el.getAttribute('src') ?? ''}`, x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
      }), TAG_SELECTOR).then((all) => all.filter((b) => b.y < options.height));
      const reference = await png(page.screenshot());
      await page.close();
      assert.ok(boxes.length > 0, 'no widget in the capture');
      // Chromium's --screenshot, on a loaded machine, now and then draws its image before the bottom of
      // the window is painted. A capture whose every differing pixel is in a blank band at its own
      // bottom is taken again (twice at most): a figure other than the final one is not blank.
      let d, differ;
      for (let taken = 1; ; taken++) {
        const captured = await capture(`${server.base}${path}`, options);
        d = diffPixels(captured, reference);
        differ = boxes.map((b) => ({ ...b, count: d.points.filter(([x, y]) => x >= Math.floor(b.x) && x < Math.ceil(b.x + b.width) && y >= Math.floor(b.y) && y < Math.ceil(b.y + b.height)).length })).filter((b) => b.count > 0 || d.count === Infinity);
        const cut = differ.length && d.points.length && blankFrom(captured);
        if (!cut || taken === 3 || !d.points.every(([, y]) => y >= cut)) break;
      }
      assert.deepEqual(differ.map((b) => `${b.name}: ${b.count} pixels differ`), [], d.box);
    });
  }
});

it('while counters count, the moving digits are drawn only inside the final numbers\' boxes', async () => {
  for (const width of [1280, 1024, 412]) {
    const page = await openPage(browser, `${server.base}/test/capture/counters.html`, {
      width,
      height: 2400,
      motion: true,
      settle: false,
      // Counts that last long enough to be caught mid-way: a duration set before the elements
      // upgrade, objective-card's counters (in its shadow root) included.
      before: (p) => p.evaluateOnNewDocument(() => {
        const slow = (records) => records.flatMap((r) => [...r.addedNodes]).filter((n) => n.nodeType === 1).forEach((n) => [n, ...n.querySelectorAll('stat-counter')].forEach((el) => el.localName === 'stat-counter' && el.setAttribute('duration', '3600000')));
        const observer = new MutationObserver(slow);
        observer.observe(document, { subtree: true, childList: true });
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const shadow = attach.call(this, init);
          observer.observe(shadow, { subtree: true, childList: true });
          return shadow;
        };
      }),
    });
    const counting = () => window.__iom.widgets().filter((el) => el.localName === 'stat-counter').map((el) => !!el.shadowRoot?.querySelector('.value')?.hasAttribute('data-counting'));
    await page.waitForFunction(`(${counting})().length >= 16 && (${counting})().every(Boolean)`, { timeout: 30_000 });
    const digits = await page.evaluate(() => window.__iom.widgets().flatMap((el) => [...(el.shadowRoot?.querySelector('.digits')?.getClientRects() ?? [])].map((r) => [r.x, r.y, r.width, r.height])));
    const moving = await png(page.screenshot());
    // Every count settled, as for a reader who switches to reduced motion; then the same pixels again.
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.waitForFunction(`!(${counting})().some(Boolean)`, { timeout: 30_000 });
    const d = diffPixels(moving, await png(page.screenshot()));
    await page.close();
    const inside = (x, y) => digits.some(([bx, by, bw, bh]) => x >= Math.floor(bx) - 1 && x <= Math.ceil(bx + bw) + 1 && y >= Math.floor(by) - 1 && y <= Math.ceil(by + bh) + 1);
    const outside = d.points.filter(([x, y]) => !inside(x, y));
    assert.ok(d.count > 0, `${width} px: no pixel moved: the counters did not draw moving digits`);
    assert.equal(outside.length, 0, `${width} px: ${outside.length} changed pixels outside the numbers' boxes, first at ${outside[0]}`);
  }
});

it('a long list below the first screenful is painted whole in a full-page capture, and moved nothing while filling in', async () => {
  const page = await openPage(browser, `${server.base}/test/capture/long-list.html`, {
    width: 600,
    height: 800,
    before: (p) => p.evaluateOnNewDocument(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => !e.hadRecentInput && (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
    }),
  });
  const items = await page.waitForFunction(() => {
    const all = [...(document.querySelector('emergency-list').shadowRoot.querySelectorAll('[part~="item"]') ?? [])];
    return all.length === 120 && all.map((item) => [item.getBoundingClientRect()].map((r) => [r.x, r.y + scrollY, r.width, r.height].map(Math.round))[0]);
  }, { timeout: 30_000, polling: 100 }).then((handle) => handle.jsonValue());
  const shot = await png(page.screenshot({ fullPage: true }));
  const shift = await page.evaluate(() => window.__shift);
  await page.close();
  // An item is painted when its box holds text: pixels far darker than the white page.
  const blank = items.map(([x, y, w, h], i) => {
    for (let py = y; py < Math.min(shot.height, y + h); py++) for (let px = x; px < Math.min(shot.width, x + w); px++) if (shot.data[(py * shot.width + px) * 4] < 128) return null;
    return i + 1;
  }).filter(Boolean);
  assert.deepEqual(blank, [], `blank items in a ${shot.width}×${shot.height} capture`);
  assert.ok(shift < 0.001, `cumulative layout shift ${shift}`);
});
