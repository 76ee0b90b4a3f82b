// Benchmark: Lighthouse's mobile performance audit of the built demo page (dist-demo/, the
// prerendered report page), served from 127.0.0.1 with gzip (level 9), as a production server
// would send it.
//
//   node scripts/bench-lighthouse.mjs [--runs 3]      (after npm run build)
//
// Lighthouse's default mobile settings: a Moto G Power–sized screen, simulated slow 4G and a CPU
// slowed 4x (its "simulated throttling" estimates the page's times on such a phone from one
// unthrottled load, so the score depends on this machine's speed and load too). Chromium is the
// benchmarks' (CHROME_PATH or the usual places), started by puppeteer-core; Lighthouse connects to
// it and needs no network. Prints each run and the median: score, FCP, LCP, TBT, CLS, Speed Index,
// the main thread's work by kind and the scripts that cost the most.
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { arg, machine, median } from './bench-data.mjs';
import { ROOT, chromium, needBuilt, serveStatic } from './pages.mjs';

const RUNS = arg('runs', 3);
needBuilt('dist-demo/index.html');

const server = await serveStatic({ '/': join(ROOT, 'dist-demo') }, { gzip: true });
const browser = await chromium();
const port = Number(new URL(browser.wsEndpoint()).port);

const runs = [];
try {
  const version = await browser.version();
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile (simulated slow 4G, CPU 4x), performance only, on ${server.base}/ (dist-demo/, gzip)`);
  console.log(`${version}, headless; ${machine()}`);
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(`${server.base}/`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const a = lhr.audits;
    const num = (id) => a[id]?.numericValue ?? NaN;
    const run = {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      si: num('speed-index'),
      work: (a['mainthread-work-breakdown']?.details?.items ?? []).map((it) => [it.groupLabel ?? it.group, it.duration]),
      scripts: (a['bootup-time']?.details?.items ?? []).map((it) => [it.url.replace(server.base, ''), it.scripting, it.total]),
      bytes: num('total-byte-weight'),
      longTasks: (a['long-tasks']?.details?.items ?? []).map((it) => [String(it.url).replace(server.base, '') || '/', it.startTime, it.duration]),
    };
    runs.push(run);
    console.log(
      `  run ${i + 1}: performance ${run.score}; FCP ${(run.fcp / 1000).toFixed(1)} s, LCP ${(run.lcp / 1000).toFixed(1)} s, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}, Speed Index ${(run.si / 1000).toFixed(1)} s; ${Math.round(run.bytes / 1024)} kB transferred`,
    );
    console.log(`         long tasks (simulated phone: start, duration, script): ${run.longTasks.map(([u, s, d]) => `${Math.round(s)} ms +${Math.round(d)} ms ${u}`).join('; ') || 'none'}`);
  }
  const m = (key) => median(runs.map((r) => r[key]));
  console.log(`  median of ${RUNS}: performance ${m('score')} (${Math.min(...runs.map((r) => r.score))}–${Math.max(...runs.map((r) => r.score))}); LCP ${(m('lcp') / 1000).toFixed(1)} s, TBT ${Math.round(m('tbt'))} ms (${Math.round(Math.min(...runs.map((r) => r.tbt)))}–${Math.round(Math.max(...runs.map((r) => r.tbt)))})`);
  const last = runs[runs.length - 1];
  console.log(`  main-thread work (last run, simulated phone): ${last.work.map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`);
  console.log(`  scripts by cost (last run: scripting / total ms): ${last.scripts.slice(0, 5).map(([u, s, t]) => `${u} ${Math.round(s)} / ${Math.round(t)}`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
