// Benchmark: how fast <emergency-list> answers the reader with 1,000 emergencies.
//
//   node scripts/bench-emergency-list.mjs [--runs 20] [--throttle 4]      (after npm run build:lib)
//
// Serves a page with 1,000 generated, fictitious emergencies, importing dist/emergency-list.js as a
// site does, opens it in headless Chromium (puppeteer-core) and times, for each kind of change
// (typing in the search box, a filter menu, the sort menu, "Show all"):
//   - work: from the change until Lit has rendered and the browser has laid the list out;
//   - paint: from the change until the next frame has been painted (this includes waiting for
//     the frame, so one frame at 60 Hz is at most ~16.7 ms).
// It runs every case twice: all 1,000 rendered (no limit) and limit="20", without and with CPU
// throttling (default 4x, roughly a mid-range phone; --throttle 1: unthrottled only, as
// `npm run bench` runs it). Medians and 95th percentiles, in ms.
// It also types into the search box with real key presses and reports the Event Timing API's
// view (input to next paint, as INP measures it), and times the first render of lists of 60 and
// 100 (below the progressive threshold: they render in one task) in a fresh element each time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { arg, machine, makeEmergencies } from './bench-data.mjs';
import { ROOT, chromium, needBuilt, serveStatic } from './pages.mjs';

needBuilt('dist/emergency-list.js');
const RUNS = arg('runs', 20);
const THROTTLE = arg('throttle', 4);
const COUNT = 1000;

const dir = mkdtempSync(join(tmpdir(), 'bench-emergency-list-'));

// The page: the element plus 1,000 generated emergencies, clearly fictitious.
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>emergency-list benchmark (fictitious data)</title></head>
<body>
<emergency-list searchable sortable filters="region level"></emergency-list>
<script type="module">
  import '/dist/emergency-list.js';
  window.makeData = ${makeEmergencies};
</script>
</body>
</html>`,
);

const server = await serveStatic({ '/': dir, '/dist/': join(ROOT, 'dist') });
const url = `${server.base}/`;
const browser = await chromium();

// Runs in the page: times one change until laid out ("work") and until the next paint ("paint").
async function pageMeasure(runs, count, limit) {
  const el = document.querySelector('emergency-list');
  const sr = el.shadowRoot;
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const settle = async () => {
    await nextPaint();
    await nextPaint();
  };
  async function time(change) {
    const t0 = performance.now();
    change();
    await el.updateComplete;
    void sr.querySelector('.list, .no-match')?.getBoundingClientRect().height; // forces style and layout
    const work = performance.now() - t0;
    const paint = (await nextPaint()) - t0;
    await settle();
    return { work, paint };
  }
  const input = () => sr.querySelector('[part="search"]');
  const type = (value) => () => {
    input().value = value;
    input().dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  const select = (selector, value) => () => {
    const s = sr.querySelector(selector);
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  };

  // Long lists fill in progressively: how long until every item is in the page.
  const items = () => sr.querySelectorAll('[part~="item"]').length;
  async function whole(change, expected) {
    const t0 = performance.now();
    change();
    await el.updateComplete;
    while (items() !== expected) await nextPaint();
    const t = performance.now() - t0;
    await settle();
    return t;
  }

  if (limit) el.setAttribute('limit', String(limit));
  else el.removeAttribute('limit');
  const first = await time(() => {
    el.data = window.makeData(count);
  });
  const results = { 'first render (data set)': [first] };
  const complete = {};
  if (!limit) {
    while (items() !== count) await nextPaint();
    complete['after a sort'] = await whole(select('[part="sort"]', 'name'), count);
    complete['after clearing a search'] = await (async () => {
      await time(type('zzz'));
      return whole(type(''), count);
    })();
    await time(select('[part="sort"]', ''));
  }
  const add = (name, r) => (results[name] ??= []).push(r);
  for (let i = 0; i < runs; i++) {
    add('search: type 1st letter ("g")', await time(type('g')));
    add('search: type more ("ge 1")', await time(type('ge 1')));
    add('search: no match ("zzz")', await time(type('zzz')));
    add('search: clear', await time(type('')));
    add('filter: region', await time(select('select[data-filter="region"]', 'Example region East')));
    add('filter: back to all', await time(select('select[data-filter="region"]', '')));
    for (const sort of ['name', 'level', 'people', 'funding-gap', 'updated', '']) add(`sort: ${sort || 'order given'}`, await time(select('[part="sort"]', sort)));
    if (limit) {
      add('show all (limit to 1,000)', await time(() => sr.querySelector('[part="more"]').click()));
      add('show fewer (1,000 to limit)', await time(() => sr.querySelector('[part="more"]').click()));
    }
  }
  return { results, complete };
}

// Runs in the page: the first render of a fresh list of each size (data set until rendered and
// laid out), `runs` times each after a warm-up, in the page's own element-free body.
async function pageFirstRenders(sizes, runs) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const out = {};
  for (const size of sizes) {
    const data = window.makeData(size);
    for (let i = 0; i <= runs; i++) {
      const el = document.createElement('emergency-list');
      await frame();
      const t0 = performance.now();
      el.data = structuredClone(data);
      document.body.append(el);
      await el.updateComplete;
      el.getBoundingClientRect(); // forces style and layout
      const t = performance.now() - t0;
      if (i > 0) (out[size] ??= []).push(t);
      el.remove();
    }
  }
  return out;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
};
const ms = (n) => n.toFixed(1).padStart(6);

async function run(limit, throttle) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => customElements.get('emergency-list'));
  const { results, complete } = await page.evaluate(pageMeasure, RUNS, COUNT, limit);

  // Real key presses, seen through the Event Timing API (what INP measures). Events that finish
  // within 16 ms are below the API's threshold and are not recorded at all.
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.interactionId) window.__events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    const sr = document.querySelector('emergency-list').shadowRoot;
    sr.querySelector('[part="search"]').value = '';
    sr.querySelector('[part="search"]').dispatchEvent(new Event('input'));
  });
  const box = await page.evaluateHandle(() => document.querySelector('emergency-list').shadowRoot.querySelector('[part="search"]'));
  await box.focus();
  const typed = 'generated emergency 0 (fictitious)';
  for (const ch of typed) {
    await page.keyboard.type(ch);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  for (let i = 0; i < typed.length; i++) {
    await page.keyboard.press('Backspace');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await new Promise((r) => setTimeout(r, 300));
  const slow = await page.evaluate(() => window.__events);
  await page.close();
  return { results, complete, keys: typed.length * 2, slow };
}

const version = await browser.version();
console.log(`emergency-list benchmark: ${COUNT.toLocaleString('en')} generated fictitious emergencies, ${RUNS} runs per change`);
console.log(`${version}, headless; ${machine()} (other work on the machine inflates the figures)`);
console.log('times in ms; work = rendered and laid out; paint = next frame painted (includes waiting for the frame)\n');

try {
  // --throttle 1: unthrottled only.
  for (const throttle of [...new Set([1, THROTTLE])]) {
    for (const limit of [undefined, 20]) {
      const { results, complete, keys, slow } = await run(limit, throttle);
      console.log(`${limit ? `limit="${limit}"` : 'no limit (all 1,000 rendered)'}, CPU ${throttle === 1 ? 'unthrottled' : `throttled ${throttle}x`}`);
      console.log(`  ${'change'.padEnd(34)} ${'work med'.padStart(8)} ${'p95'.padStart(6)} ${'paint med'.padStart(9)} ${'p95'.padStart(6)} ${'max'.padStart(6)}`);
      for (const [name, rows] of Object.entries(results)) {
        const work = stats(rows.map((r) => r.work));
        const paint = stats(rows.map((r) => r.paint));
        console.log(`  ${name.padEnd(34)} ${ms(work.median).padStart(8)} ${ms(work.p95)} ${ms(paint.median).padStart(9)} ${ms(paint.p95)} ${ms(paint.max)}`);
      }
      for (const [name, t] of Object.entries(complete)) console.log(`  all 1,000 items in the page ${name}: ${t.toFixed(0)} ms (filled in while idle)`);
      const over = slow.filter((d) => d > 16).length;
      console.log(
        `  real key presses in the search box: ${keys}; Event Timing (INP) entries over 16 ms: ${over}${over ? ` (longest ${Math.max(...slow)} ms)` : ''}\n`,
      );
    }
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await (await page.createCDPSession()).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('emergency-list'));
    await page.evaluate(() => document.querySelector('emergency-list').remove());
    const firsts = await page.evaluate(pageFirstRenders, [60, 100], RUNS);
    await page.close();
    console.log(`first render of a fresh list, rendered and laid out in one task, CPU ${throttle === 1 ? 'unthrottled' : `throttled ${throttle}x`}:`);
    for (const [size, values] of Object.entries(firsts)) {
      const { median, p95 } = stats(values);
      console.log(`  ${size} emergencies: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    }
    console.log('');
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
