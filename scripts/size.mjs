// Size budgets (gzip) for what a webmaster's page downloads. An entry's size counts every chunk it
// imports statically (what the browser must fetch before the element works); files reached only
// through import() (dist/iom-widgets.chart.js) are counted on their own. Fails when anything grows
// past its budget, when an entry imports the chart statically, or when the one-file build imports
// anything statically.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize } from 'node:path';

const KB = 1024;
const ENTRIES = [
  ['iom-widgets.js', 55 * KB, 'all four elements, with Lit and the data layer'],
  ['stat-counter.js', 40 * KB, 'one element, with Lit and the data layer'],
  ['emergency-list.js', 40 * KB, 'one element, with Lit and the data layer'],
  ['donor-ranking.js', 40 * KB, 'one element, without chart.js'],
  ['objective-card.js', 45 * KB, 'one element, with stat-counter'],
  ['iom-widgets.bundle.js', 55 * KB, 'the one-file build: all four elements, no static import'],
  ['react.js', 55 * KB, 'all four elements wrapped for React (React itself not counted)'],
];
// The one file a webmaster may upload alone: it must import nothing before it works.
const SINGLE_FILE = 'iom-widgets.bundle.js';
const CHART = /^iom-widgets\.chart\.js$/;
const CHART_BUDGET = 75 * KB;

if (!existsSync('dist/iom-widgets.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(join('dist', file))).length;
const STATIC = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;
const DYNAMIC = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

function graph(entry) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join('dist', file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC)) visit(normalize(join(dirname(file), spec)));
    for (const [, spec] of code.matchAll(DYNAMIC)) lazy.add(normalize(join(dirname(file), spec)));
  };
  visit(entry);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

let failed = 0;
const row = (over, name, size, budget, what) =>
  console.log(`${over ? 'OVER ' : '     '}${name.padEnd(40)} ${(size / KB).toFixed(1).padStart(6)} kB gzip (budget ${(budget / KB).toFixed(0)} kB: ${what})`);
const lazyChunks = new Set();
for (const [entry, budget, what] of ENTRIES) {
  if (!existsSync(join('dist', entry))) {
    console.error(`dist/${entry} is missing.`);
    failed++;
    continue;
  }
  const { files, lazy } = graph(entry);
  const eager = files.find((f) => CHART.test(f));
  if (eager) {
    console.error(`${entry} imports ${eager} statically: chart.js must load only when a chart is shown.`);
    failed++;
  }
  if (entry === SINGLE_FILE && files.length > 1) {
    console.error(`${entry} imports ${files.slice(1).join(', ')} statically: it must work as the only file uploaded.`);
    failed++;
  }
  lazy.forEach((f) => lazyChunks.add(f));
  const size = files.reduce((sum, f) => sum + gz(f), 0);
  const over = size > budget;
  if (over) failed++;
  row(over, `${entry} (+${files.length - 1} chunks)`, size, budget, what);
}
for (const chunk of lazyChunks) {
  const size = gz(chunk);
  const over = size > CHART_BUDGET;
  if (over) failed++;
  row(over, `${chunk} (loaded on demand)`, size, CHART_BUDGET, 'fetched only when a chart is shown');
}
if (failed) {
  console.error(`${failed} size problem(s).`);
  process.exit(1);
}
