// npm run bench: every benchmark, one after the other (after npm run build). Figures only, no
// pass or fail: BENCHMARKS.md says what each measures and keeps the latest figures.
//
//   node scripts/bench.mjs [--only sizes,bytes,render,counters,takeover,list,lighthouse]
//
//   sizes       gzip -9 of every JS file a page downloads from dist/ (the import graph of
//               scripts/size.mjs): a page of counters, all four elements, with a chart, the one-file build
//   bytes       scripts/bench-bytes.mjs: where a page's bytes come from, by source module (and CSS)
//   render      scripts/bench-render.mjs: widgets vs the same DOM built by hand, and where the time goes
//   counters    scripts/bench-stat-counter.mjs --throttle 1: 100 counters counting up, long tasks
//   takeover    scripts/bench-takeover.mjs: 100 prerendered counters taking over, long tasks
//   list        scripts/bench-emergency-list.mjs --throttle 1: search, filter, sort on 1,000
//   lighthouse  scripts/bench-lighthouse.mjs: Lighthouse mobile performance of the built demo
//
// The figures depend on the machine and on what else runs on it: each part prints the CPU and the
// load average when it starts.
import { spawnSync } from 'node:child_process';
import { loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { machine } from './bench-data.mjs';
import { ON_DEMAND, gzipSize, pageFiles } from './dist-graph.mjs';
import { ROOT, needBuilt } from './pages.mjs';

const PARTS = ['sizes', 'bytes', 'render', 'counters', 'takeover', 'list', 'lighthouse'];
const i = process.argv.indexOf('--only');
const only = i >= 0 ? process.argv[i + 1].split(',') : PARTS;
const unknown = only.filter((p) => !PARTS.includes(p));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}.`);
  process.exit(1);
}
needBuilt('dist/iom-widgets.js', 'dist-demo/index.html');
const load = () => loadavg().map((n) => n.toFixed(1)).join(' / ');
console.log(`Machine: ${machine()}, ${Math.round(totalmem() / 2 ** 30)} GB, ${process.platform}, Node ${process.version}`);

if (only.includes('sizes')) {
  const DIST = join(ROOT, 'dist');
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  // [what, entry, what it fetches on demand (each with its own imports)]
  const { reader, chart } = ON_DEMAND;
  const PAGES = [
    ['a page of counters (attributes)', 'stat-counter.js', []],
    ['a page of counters (data from src)', 'stat-counter.js', [reader]],
    ['all four elements, no chart shown', 'iom-widgets.js', [reader]],
    ['all four elements, a chart shown', 'iom-widgets.js', [reader, chart]],
    ['the one-file build, no chart shown', 'iom-widgets.bundle.js', []],
    ['the one-file build, a chart shown', 'iom-widgets.bundle.js', [chart]],
  ];
  console.log('\n== sizes: gzip -9 of every JS file the page downloads from dist/ (English; data given, so the reader loads) ==');
  for (const [what, entry, wanted] of PAGES) {
    const all = pageFiles(entry, wanted, DIST).files;
    const sizes = all.map((f) => [f, gzipSize(f, { dir: DIST, level: 9 })]);
    const total = sizes.reduce((s, [, n]) => s + n, 0);
    console.log(`  ${what.padEnd(36)} ${kB(total).padStart(8)}  (${sizes.map(([f, n]) => `${f} ${kB(n)}`).join(', ')})`);
  }
}

const SCRIPTS = {
  bytes: ['bench-bytes.mjs'],
  render: ['bench-render.mjs'],
  counters: ['bench-stat-counter.mjs', '--throttle', '1'],
  takeover: ['bench-takeover.mjs'],
  list: ['bench-emergency-list.mjs', '--throttle', '1', '--runs', '10'],
  lighthouse: ['bench-lighthouse.mjs'],
};
let failed = 0;
for (const part of PARTS.filter((p) => p !== 'sizes' && only.includes(p))) {
  const [script, ...args] = SCRIPTS[part];
  console.log(`\n== ${part}: node scripts/${[script, ...args].join(' ')} (load average ${load()}) ==`);
  const { status } = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`scripts/${script} exited with ${status}.`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
