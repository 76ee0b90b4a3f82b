// Size budgets (gzip) for what a webmaster's page downloads. An entry's size counts every chunk it
// imports statically (what the browser must fetch before the element works); files reached only
// through import() (dist/iom-widgets.chart.js) are counted on their own. Fails when anything grows
// past its budget, when an entry imports the chart statically, when the one-file build imports
// anything statically, or when the chart file holds a chart.js controller, element, scale or plugin
// that src/donor-ranking/chart*.ts does not register (tree-shaking lost: see TREESHAKE in
// vite.config.ts).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ON_DEMAND, graph, gzipSize, pageFiles } from './dist-graph.mjs';

const KB = 1024;
// Budgets at today's sizes plus a little room: a change that makes a page heavier fails here. The
// goals of issue 16 (a counter page 14 kB, all four 34 kB, a page with a chart 85 kB) are printed
// beside them until they are met.
const ENTRIES = [
  ['iom-widgets.js', 42 * KB, 'all four elements, with Lit and the data controller', 34 * KB],
  ['stat-counter.js', 21.25 * KB, 'one element, with Lit and the data controller', 14 * KB],
  ['emergency-list.js', 25 * KB, 'one element, with Lit and the data controller'],
  ['donor-ranking.js', 24 * KB, 'one element, without chart.js'],
  ['objective-card.js', 26 * KB, 'one element, with stat-counter'],
  ['iom-widgets.bundle.js', 48.5 * KB, 'the one-file build: all four elements, no static import'],
  ['react.js', 43 * KB, 'all four elements wrapped for React (React itself not counted)'],
];
// The one file a webmaster may upload alone: it must import nothing before it works.
const SINGLE_FILE = 'iom-widgets.bundle.js';
const CHART = ON_DEMAND.chart;
const CHART_BUDGET = 46 * KB;
// A page showing a chart: all four elements, the reader with donor-ranking's spec, and the chart file.
const CHART_PAGE_BUDGET = 95 * KB;
const CHART_PAGE_GOAL = 85 * KB;

if (!existsSync('dist/iom-widgets.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const gz = (file) => gzipSize(file);

let failed = 0;
const kB = (n) => `${(n / KB).toFixed(1).replace(/\.0$/, '')} kB`;
const row = (over, name, size, budget, what, goal) =>
  console.log(
    `${over ? 'OVER ' : '     '}${name.padEnd(40)} ${(size / KB).toFixed(1).padStart(6)} kB gzip (budget ${kB(budget)}: ${what})${goal && size > goal ? ` — issue 16's goal ${kB(goal)} not met yet` : ''}`,
  );
const lazyChunks = new Set();
/** Every file some entry imports statically. */
const eagerFiles = new Set();
for (const [entry, budget, what, goal] of ENTRIES) {
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
  files.forEach((f) => eagerFiles.add(f));
  const size = files.reduce((sum, f) => sum + gz(f), 0);
  const over = size > budget;
  if (over) failed++;
  row(over, `${entry} (+${files.length - 1} chunks)`, size, budget, what, goal);
}
// The words of French, Spanish and Arabic (src/i18n/strings/*.ts), each fetched when a widget first shows it.
const LANGUAGE = /(^|\/)(fr|es|ar)-[\w-]+\.js$/;
const LANGUAGE_BUDGET = 3 * KB;
// The CSV and HXL readers (src/data/tables.ts), fetched when a widget first reads a table.
const TABLES = /(^|\/)tables-[\w-]+\.js$/;
// The data layer's reader (src/data/reader.ts: validation, fetching, @lit/task) with what it
// imports, and each widget's data spec (src/*/*.spec.ts, its valibot schema), fetched when a widget
// first has data to read: never by a counter given plain attributes.
const READER = ON_DEMAND.reader;
const SPEC = ON_DEMAND.spec();
const READER_BUDGET = 7 * KB;
for (const chunk of lazyChunks) {
  const language = LANGUAGE.exec(chunk)?.[2];
  const tables = TABLES.test(chunk);
  const reader = READER.test(chunk);
  const spec = SPEC.exec(chunk)?.[2];
  // The reader counts with the chunks it imports that no entry loads (valibot, the shared schema pieces).
  const size = reader ? graph(chunk).files.filter((f) => !eagerFiles.has(f)).reduce((sum, f) => sum + gz(f), 0) : gz(chunk);
  const budget = language || tables ? LANGUAGE_BUDGET : reader || spec ? READER_BUDGET : CHART_BUDGET;
  const over = size > budget;
  if (over) failed++;
  const what = language
    ? `the ${language} words, fetched when a widget shows that language`
    : tables
      ? 'the CSV and HXL readers, fetched when a widget reads a table'
      : reader
        ? 'the data reader with valibot, fetched when a widget first has data to read'
        : spec
          ? `the data spec of <${spec}>, fetched when one first has data to read`
          : 'fetched only when a chart is shown';
  row(over, `${chunk} (loaded on demand)`, size, budget, what);
}
// A page of all four showing a chart (the issue's third page), as `npm run bench` counts it: what
// iom-widgets.js imports, the reader and the four data specs with what they import, the chart file.
{
  const { files, fetched } = pageFiles('iom-widgets.js', [READER, SPEC, CHART]);
  const size = files.reduce((sum, f) => sum + gz(f), 0);
  const over = size > CHART_PAGE_BUDGET;
  if (over) failed++;
  if (fetched.length !== 6) {
    console.error(`A page with a chart: expected the reader, four data specs and the chart file among iom-widgets.js's imports on demand, found ${fetched.join(', ') || 'none'}.`);
    failed++;
  }
  row(over, `a page of all four with a chart (${files.length} files)`, size, CHART_PAGE_BUDGET, 'iom-widgets.js, the reader and specs, the chart file', CHART_PAGE_GOAL);
}
// chart.js's parts in the chart file: each one's `id` appears there (`static id="bar"`, `id:"tooltip"`)
// exactly when the part is bundled.
{
  const chartjs = await import('chart.js');
  const sources = readdirSync('src/donor-ranking').filter((f) => /^chart.*\.ts$/.test(f));
  const names = sources.flatMap((f) => [...readFileSync(join('src/donor-ranking', f), 'utf8').matchAll(/\bChart\.register\(([^)]*)\)/g)].flatMap((m) => m[1].split(',').map((n) => n.trim()).filter(Boolean)));
  const registered = new Set(names.map((n) => chartjs[n]?.id).filter(Boolean));
  const parts = chartjs.registerables.flatMap((group) => Object.values(group));
  const code = readFileSync('dist/iom-widgets.chart.js', 'utf8');
  const inChunk = (id) => new RegExp(`\\bid\\s*[:=]\\s*(["'\`])${id}\\1`).test(code);
  if (!registered.size) {
    console.error('Found no Chart.register(…) of chart.js parts in src/donor-ranking/chart*.ts.');
    failed++;
  }
  const missing = [...registered].filter((id) => !inChunk(id));
  const extra = [...new Set(parts.map((p) => p.id))].filter((id) => !registered.has(id) && inChunk(id));
  if (missing.length) {
    console.error(`iom-widgets.chart.js: registered chart.js parts not found in it (${missing.join(', ')}): this check no longer reads the build.`);
    failed++;
  }
  if (extra.length) {
    console.error(`iom-widgets.chart.js holds chart.js parts that are never registered: ${extra.join(', ')}.`);
    failed++;
  } else if (!missing.length) console.log(`     iom-widgets.chart.js holds only the chart.js parts registered: ${[...registered].join(', ')}`);
}
if (failed) {
  console.error(`${failed} size problem(s).`);
  process.exit(1);
}
