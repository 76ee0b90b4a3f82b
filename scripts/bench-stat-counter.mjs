// Benchmark: 100 <stat-counter> elements counting up at once.
//
//   node scripts/bench-stat-counter.mjs [--runs 3] [--throttle 4] [--count 100]   (after npm run build:lib)
//
// Serves a page with 100 counters that are all in the viewport (so all 100 count at the same
// time: the worst case), importing dist/stat-counter.js as a site does, opens it in headless
// Chromium (puppeteer-core) and reports, for each run:
//   - first render: from importing the element until all counters have rendered their figure;
//   - frames while counting: the gaps between animation frames (p50, p95, max) from the first
//     count's start to the last count's end (60 Hz is ~16.7 ms);
//   - loop: time spent in the page's animation-frame callbacks per frame (the one shared loop that
//     draws all 100 counters), p50 and max;
//   - long tasks (PerformanceObserver 'longtask', >= 50 ms): during the first render (from importing
//     the element until all 100 have rendered), while counting, and over the whole page life;
//   - the main thread's CPU time, from a Chromium trace: per frame while counting, and the longest
//     task in CPU time. Wall-clock figures include time the renderer waits for a CPU when the
//     machine is busy; CPU time does not, so it shows the element's own cost.
// Two pages: the counters in the HTML, the module imported; and the module loaded first, then the
// counters appended at once by a script (?appended: a framework or a CMS script does that).
// Each run is done without and with CPU throttling (default 4x, roughly a mid-range phone;
// --throttle 1: unthrottled only, as `npm run bench` runs it). (That a counter's accessible text is
// its final figure before, during and after its count is a browser test: test/stat-counter.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { arg, counters as counterFigures, machine } from './bench-data.mjs';
import { ROOT, chromium, needBuilt, serveStatic } from './pages.mjs';

needBuilt('dist/stat-counter.js');
const RUNS = arg('runs', 3);
const THROTTLE = arg('throttle', 4);
const COUNT = arg('count', 100);

const dir = mkdtempSync(join(tmpdir(), 'bench-stat-counter-'));

// IOM's figures from the Annual Report 2023 (seed 000), in the four languages and each format,
// repeated to make 100 counters (scripts/bench-data.mjs).
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const counters = counterFigures(COUNT)
  .map(({ attrs, rtl }) => {
    const html = Object.entries(attrs)
      .map(([k, v]) => `${k}="${esc(v)}"`)
      .join(' ');
    return `<div${rtl ? ' dir="rtl"' : ''}><stat-counter ${html}>${esc(attrs.value)} ${esc(attrs.label)}</stat-counter></div>`;
  })
  .join('\n');

writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>stat-counter benchmark</title>
<style>
  body { margin: 8px; font: 7px/1.4 system-ui, sans-serif; }
  .grid { display: grid; grid-template-columns: repeat(10, minmax(0, 1fr)); gap: 6px; }
</style></head>
<body>
<div class="grid">
${counters}
</div>
<template id="later">${counters}</template>
<script type="module">
  // ?appended: the module loads first, then a script appends the counters at once (as a framework
  // or a CMS script does), and "first render" runs from the append.
  const appended = location.search === '?appended';
  if (appended) document.querySelector('.grid').replaceChildren();
  performance.mark('import-start');
  await import('/dist/stat-counter.js');
  if (appended) {
    await new Promise((r) => setTimeout(r, 100));
    performance.mark('import-start');
    document.querySelector('.grid').append(document.getElementById('later').content.cloneNode(true));
  }
  const all = [...document.querySelectorAll('.grid stat-counter')];
  await Promise.all(all.map((el) => el.updateComplete));
  window.__bench.watchStarts();
  performance.mark('rendered');
  const firstRender = performance.measure('first-render', 'import-start', 'rendered');
  window.__bench.rendered = firstRender.duration;
  window.__bench.renderWindow = [firstRender.startTime, firstRender.startTime + firstRender.duration];
</script>
</body>
</html>`,
);

const server = await serveStatic({ '/': dir, '/dist/': join(ROOT, 'dist') });
const url = `${server.base}/`;

// Installed before the page's own scripts: frame timestamps, time inside other rAF callbacks,
// long tasks, and when each count starts and ends.
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  const bench = (window.__bench = { frames: [], callbacks: [], longtasks: [], ends: [], starts: [] });
  const record = (t) => {
    bench.frames.push(t);
    raf(record);
  };
  raf(record);
  // Time spent per frame in every other rAF callback (the counters' shared loop).
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      const start = performance.now();
      try {
        cb(t);
      } finally {
        bench.callbacks.push([t, performance.now() - start]);
      }
    });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('iom-count-end', () => {
    bench.ends.push(performance.now());
    if (bench.ends.length === document.querySelectorAll('stat-counter').length) console.timeStamp('stat-counter:end');
  });
  // A count starts when a counter's value gets data-counting. Called once the counters have
  // rendered, before the first frame (so before any of them can start).
  bench.watchStarts = () => {
    for (const el of document.querySelectorAll('stat-counter')) {
      const value = el.shadowRoot?.querySelector('.value');
      if (!value) continue;
      new MutationObserver(() => {
        if (!value.hasAttribute('data-counting')) return;
        if (!bench.starts.length) console.timeStamp('stat-counter:start');
        bench.starts.push(performance.now());
      }).observe(value, { attributes: true, attributeFilter: ['data-counting'] });
    }
  };
}

const pct = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function run(browser, throttle, appended) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluateOnNewDocument(instrument);
  await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(appended ? `${url}?appended` : url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.rendered !== undefined);
  await page.waitForFunction((n) => window.__bench.ends.length >= n, { timeout: 60000, polling: 100 }, COUNT);
  await new Promise((r) => setTimeout(r, 200));
  const b = await page.evaluate(() => window.__bench);
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
  await page.close();

  // The page's main thread is the one that wrote our time stamps.
  const stamps = trace.filter((e) => e.name === 'TimeStamp' && /^stat-counter:/.test(e.args?.data?.message ?? ''));
  const main = stamps[0];
  const startTs = stamps.find((e) => e.args.data.message === 'stat-counter:start')?.ts ?? 0;
  const endTs = Math.max(...stamps.filter((e) => e.args.data.message === 'stat-counter:end').map((e) => e.ts));
  const tasks = trace.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main && e.pid === main.pid && e.tid === main.tid);
  const counting = tasks.filter((e) => e.ts + e.dur >= startTs && e.ts <= endTs);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;

  // The counting window: from the first count's start to the last one's end.
  const from = Math.min(...b.starts);
  const to = Math.max(...b.ends);
  const frames = b.frames.filter((t) => t >= from && t <= to + 17);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const perFrame = new Map();
  for (const [t, ms] of b.callbacks) if (t >= from && t <= to + 17) perFrame.set(t, (perFrame.get(t) ?? 0) + ms);
  const loop = [...perFrame.values()];
  const longest = b.longtasks.reduce((m, [, d]) => Math.max(m, d), 0);
  const inWindow = b.longtasks.filter(([s, d]) => s + d >= from && s <= to);
  const [r0, r1] = b.renderWindow;
  const inRender = b.longtasks.filter(([s, d]) => s + d >= r0 && s <= r1);
  return {
    rendered: b.rendered,
    window: to - from,
    frames: frames.length,
    p50: pct(gaps, 50),
    p95: pct(gaps, 95),
    max: Math.max(...gaps),
    loop50: pct(loop, 50),
    loopMax: Math.max(...loop),
    longtasks: b.longtasks.length,
    countingLongtasks: inWindow.length,
    countingLongest: inWindow.reduce((m, [, d]) => Math.max(m, d), 0),
    renderLongtasks: inRender.length,
    renderLongest: inRender.reduce((m, [, d]) => Math.max(m, d), 0),
    longest,
    cpuPerFrame: counting.reduce((sum, e) => sum + cpu(e), 0) / Math.max(1, frames.length),
    longestCpu: Math.max(0, ...tasks.map(cpu)),
    longestCountingCpu: Math.max(0, ...counting.map(cpu)),
    ends: b.ends.length,
  };
}

const browser = await chromium();

const results = [];
let version;
try {
  version = await browser.version();
  // --throttle 1: unthrottled only.
  for (const appended of [false, true]) {
    for (const throttle of [...new Set([1, THROTTLE])]) {
      for (let i = 0; i < RUNS; i++) results.push({ throttle, appended, run: i + 1, ...(await run(browser, throttle, appended)) });
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const rows = results.map((r) => [
  `${r.appended ? 'appended' : 'in the HTML'}, CPU ${r.throttle}x #${r.run}`,
  ms(r.rendered),
  `${(r.window / 1000).toFixed(2)} s`,
  String(r.frames),
  ms(r.p50),
  ms(r.p95),
  ms(r.max),
  `${ms(r.loop50)} / ${ms(r.loopMax)}`,
  ms(r.cpuPerFrame),
  `${r.renderLongtasks}${r.renderLongtasks ? ` (${ms(r.renderLongest)})` : ''}`,
  `${r.countingLongtasks}${r.countingLongtasks ? ` (${ms(r.countingLongest)})` : ''} / ${r.longtasks}`,
  `${r.longest ? ms(r.longest) : 'none'} / ${ms(r.longestCpu)}`,
  ms(r.longestCountingCpu),
]);
const head = ['run', 'first render', 'counting', 'frames', 'frame p50', 'frame p95', 'frame max', 'loop p50 / max', 'main CPU / frame', 'long tasks in first render (longest)', 'long tasks counting (longest) / all', 'longest task wall / CPU', 'longest while counting, CPU'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nstat-counter: ${COUNT} counters in view, all counting up at once (duration 1500 ms, ${version}, headless, --disable-gpu)`);
console.log(`machine: ${machine()}: other work on the machine slows every figure below\n`);
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
rows.forEach((r) => console.log(line(r)));
console.log(`\nEvery run: ${results.every((r) => r.ends === COUNT) ? `all ${COUNT} counts ended` : 'SOME COUNTS DID NOT END'}.`);
console.log(`"in the HTML": the counters are in the page and the module is imported; "first render" includes loading the module, and "longest task" over the whole page life includes it. "appended": the module is loaded, then a script appends the ${COUNT} counters at once; "first render" runs from the append.`);
console.log(`"long task": a task of 50 ms or more, wall clock (PerformanceObserver 'longtask').`);
console.log(`"loop": the shared animation-frame callback that draws all ${COUNT} counters. "main CPU / frame": the page's main-thread CPU time (script, style, layout, paint) per frame while counting.`);
