// Benchmark: a prerendered page of 100 counters (IOM's figures in en, fr, es and ar, from
// scripts/bench-data.mjs, prerendered with iom-widgets/prerender) taking over when
// dist/iom-widgets.js loads: the long tasks of the takeover.
//
//   node scripts/bench-takeover.mjs [--runs 5]        (after npm run build:lib)
//
// Per page load (each in a new page, reduced motion): the long tasks (PerformanceObserver
// 'longtask', ≥ 50 ms wall clock, buffered from the start of the page), and how many counters had
// rendered after each task of a MessageChannel loop in the page that samples them once a task. The
// module is imported from a small inline module script, as a page's own script would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { arg, counters, machine } from './bench-data.mjs';
import { ROOT, chromium, needBuilt, serveStatic } from './pages.mjs';

const RUNS = arg('runs', 5);
needBuilt('dist/iom-widgets.js', 'dist/prerender.js');
const { prerender } = await import('../dist/prerender.js');

const body = counters(100)
  .map(({ attrs, rtl }) => `<div${rtl ? ' dir="rtl"' : ''}><stat-counter ${Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(' ')}></stat-counter></div>`)
  .join('\n');
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>takeover benchmark</title>
<script>window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => __long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });</script>
<script type="module">
  await import('/dist/iom-widgets.js');
  // Once a task: how many counters have rendered.
  const all = [...document.querySelectorAll('stat-counter')];
  const channel = new MessageChannel();
  window.__tasks = [];
  channel.port1.onmessage = () => {
    const n = all.filter((el) => el.hasUpdated).length;
    if (n !== window.__tasks.at(-1)) window.__tasks.push(n);
    if (n < all.length) channel.port2.postMessage(0);
    else window.__done = true;
  };
  channel.port2.postMessage(0);
</script></head>
<body><div style="display: grid; grid-template-columns: repeat(10, 1fr); font-size: 7px">${body}</div></body></html>`;
const { html } = await prerender(page, { file: join(ROOT, 'takeover.html') });

const dir = mkdtempSync(join(tmpdir(), 'bench-takeover-'));
writeFileSync(join(dir, 'index.html'), html);
const server = await serveStatic({ '/': dir, '/dist/': join(ROOT, 'dist') });
const browser = await chromium();
console.log(`Takeover of 100 prerendered counters (dist/iom-widgets.js), ${await browser.version()}, headless, CPU unthrottled, reduced motion; ${machine()}`);
try {
  for (let run = 1; run <= RUNS; run++) {
    const p = await browser.newPage();
    await p.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await p.goto(`${server.base}/index.html`, { waitUntil: 'load' });
    await p.waitForFunction(() => window.__done, { timeout: 60_000 });
    // Two frames more, so a long task at the end is reported too.
    const { long, tasks } = await p.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { long: window.__long, tasks: window.__tasks };
    });
    console.log(`  load ${run}: long tasks ${long.length ? long.map((d) => `${d} ms`).join(', ') : 'none'}; rendered after each task: ${tasks.join(' → ')} (${tasks.length} tasks)`);
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
