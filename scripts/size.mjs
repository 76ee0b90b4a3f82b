// Size ceilings (gzip) for what a webmaster's page downloads, as guards against regressions, not
// targets. An entry's size counts every chunk it imports statically (what the browser must fetch
// before the element works); files reached only through import() are counted on their own.
// Also fails when:
// - an entry imports the chart statically, or the one-file build imports anything but the chart
//   file (on demand);
// - a file loaded on demand imports, statically, a file that not every element's page has already
//   loaded: a failed request for that file would stay failed in the browser, and the chunk with it;
// - the chart file holds a chart.js controller, element, scale or plugin that
//   src/donor-ranking/chart*.ts does not register (tree-shaking lost: see TREESHAKE in vite.config.ts).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ON_DEMAND, graph, gzipSize, pageFiles } from './dist-graph.mjs';
import { TAGS } from './tags.mjs';

const KB = 1024;
// Issue 27's ceilings: a counter page 22 kB, all four elements without a chart 52 kB, a page with a
// chart 98 kB, the one-file build 50 kB. The other entries: today's sizes and a little room. The
// counter page's went to 23 kB with issue 31 (+0.7 kB: first renders in turns, and prerendered
// widgets that wake when needed; BENCHMARKS.md).
// Raised by issue 30 (live data from the sector's APIs), with these reasons:
// - a counter page, 23 → 23.5 kB: every widget reads a publisher's address now, and the core every
//   page loads holds what each widget asks of it (`resource`, a counter's `hxl-value`, `hxl-filter`,
//   `hxl-aggregate`), the "as of" date of the source line in four languages, and the request the
//   data reader needs to read an API's response; the readers themselves are on demand;
// - the one-file build, 50 → 54.5 kB: it carries everything a page may need, the readers of the
//   six APIs (6.4 kB on demand in the library) included; leaving them out of it would make the
//   one-file build need a second file beside it, or read no API.
// - then 1.2 kB more on every page (a counter page 22.8 → 24.0 kB, measured by this script on the
//   two commits): `refresh` (when to read again, only on screen; the shared request's "newer than";
//   the last good figures kept, with the "could not update" note in four languages) and "Get the
//   data" (the CSV writer and each widget's table). Both are in the core because a widget's first
//   render needs them (a counter from attributes loads no reader, so the tables cannot wait for it).
//   With issue 29's chart tooltip, this put a donor ranking at 27.1 kB (27 → 27.5) and a page of
//   all four with a chart at 98.3 kB: issue 27's 98 kB ceiling raised to 98.5 for that reason.
// - the one-file build, 56.5 → 57 kB: it measured 56.5 kB exactly, so that a prerendered "Get the
//   data" line kept unseen (a class and one CSS rule, tens of bytes) tipped it over; 0.5 kB of room.
const ENTRIES = [
  ['stat-counter.js', 24.2, 'a page of counters: one element, with Lit and the core'],
  ['iom-widgets.js', 52, 'all four elements, without chart.js'],
  ['iom-widgets.bundle.js', 57, 'the one-file build: all four elements, no static import'],
  ['emergency-list.js', 28, 'one element, with Lit and the core'],
  ['donor-ranking.js', 27.5, 'one element, without chart.js'],
  ['objective-card.js', 29, 'one element, with stat-counter'],
  ['react.js', 53, 'all four elements wrapped for React (React itself not counted)'],
];
const CHART_PAGE = 98.5;
const LOADER = [1, 'the loader: finds the widgets of a page and fetches their files'];
const LOADER_COUNTER = [25.2, "the loader's page of counters (issue 31 asked for 22 kB; 23.5 before issue 30's live data, see above and BENCHMARKS.md)"];
const LOADER_ALL = [52, "the loader's page of all four elements, without chart.js"];
const ON_DEMAND_CEILINGS = [
  [ON_DEMAND.words, 3, 'the words of one language, fetched when a widget shows it'],
  [ON_DEMAND.reader, 9, 'the data reader (checking, JSON Pointers, CSV and HXL, the data shapes), fetched when a widget first has data to read'],
  [ON_DEMAND.apis, 8, "the readers of the sector's APIs (FTS, ReliefWeb, HXL Proxy, CKAN, DTM, Missing Migrants) and the words for a failed request, fetched by the data reader when a page reads one"],
  [ON_DEMAND.chart, 46, 'chart.js and the chart, fetched when a chart is first shown'],
];

if (!existsSync('dist/iom-widgets.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
let failed = 0;
const fail = (message) => {
  console.error(message);
  failed++;
};
const kB = (n) => `${(n / KB).toFixed(1)} kB`;
const row = (name, size, ceiling, what) => {
  const over = size > ceiling * KB;
  if (over) failed++;
  console.log(`${over ? 'OVER ' : '     '}${name.padEnd(44)} ${kB(size).padStart(8)} gzip (ceiling ${ceiling} kB: ${what})`);
};
const sum = (files) => files.reduce((total, f) => total + gzipSize(f), 0);

const lazyFiles = new Set();
for (const [entry, ceiling, what] of ENTRIES) {
  if (!existsSync(join('dist', entry))) {
    fail(`dist/${entry} is missing.`);
    continue;
  }
  const { files, lazy } = graph(entry);
  const chart = files.find((f) => ON_DEMAND.chart.test(f));
  if (chart) fail(`${entry} imports ${chart} statically: chart.js must load only when a chart is shown.`);
  if (entry === 'iom-widgets.bundle.js' && (files.length > 1 || lazy.join() !== 'iom-widgets.chart.js')) fail(`${entry} imports ${[...files.slice(1), ...lazy].join(', ')}: it must work as the only file uploaded, the chart file beside it.`);
  if (entry !== 'iom-widgets.bundle.js') lazy.forEach((f) => lazyFiles.add(f));
  row(`${entry} (+${files.length - 1} chunks)`, sum(files), ceiling, what);
}

// What every element's page has loaded before it asks for anything on demand.
const everywhere = TAGS.map((tag) => new Set(graph(`${tag}.js`).files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));
// And what files loaded on demand load on demand in turn (the data reader, the APIs' readers).
for (const file of [...lazyFiles]) graph(file).lazy.forEach((f) => lazyFiles.add(f));
for (const file of lazyFiles) {
  const ceiling = ON_DEMAND_CEILINGS.find(([re]) => re.test(file));
  if (!ceiling) {
    fail(`${file} is loaded on demand but is none of the known files (the reader, the APIs' readers, a language, the chart): add it to ON_DEMAND in scripts/dist-graph.mjs.`);
    continue;
  }
  const imports = graph(file).files.slice(1);
  const late = imports.filter((f) => !everywhere.has(f));
  if (late.length) fail(`${file} imports ${late.join(', ')} statically, which not every element's page has loaded: a failed request for it would leave ${file} failed for good.`);
  row(`${file} (on demand)`, gzipSize(file), ceiling[1], ceiling[2]);
}

// A file loaded on demand must come as the module itself: once() (src/base/once.ts) asks for it
// again under a new address after a failure, and a bundler's wrapper (`import(…).then((m) => m.t)`)
// would not be repeated.
for (const file of readdirSync('dist', { recursive: true }).filter((f) => f.endsWith('.js'))) {
  const wrapped = /\bimport\(\s*["'`][^"'`]+["'`]\s*\)\s*\.then\(/.exec(readFileSync(join('dist', file), 'utf8'));
  if (wrapped) fail(`dist/${file}: ${wrapped[0]}… wraps a file loaded on demand: a retry of it under a new address would not be wrapped alike.`);
}

// The loader (dist/iom-widgets.loader.js): itself, imports nothing; with what it fetches for a page
// of counters, and for a page of all four elements (each element's file and its static imports).
{
  const loader = 'iom-widgets.loader.js';
  const { files, lazy } = graph(loader);
  if (files.length > 1) fail(`${loader} imports ${files.slice(1).join(', ')} statically: a page without widgets must fetch nothing but the loader.`);
  row(loader, gzipSize(loader), LOADER[0], LOADER[1]);
  const elementFiles = TAGS.map((tag) => `${tag}.js`);
  const unknown = lazy.filter((f) => !elementFiles.includes(f));
  if (unknown.length || lazy.length !== elementFiles.length) fail(`${loader} should load exactly the element files on demand (${elementFiles.join(', ')}), not ${lazy.join(', ')}.`);
  const page = (tags) => [...new Set([loader, ...tags.flatMap((tag) => graph(`${tag}.js`).files)])];
  row('the loader and a page of counters', sum(page(['stat-counter'])), LOADER_COUNTER[0], LOADER_COUNTER[1]);
  row('the loader and all four elements', sum(page(TAGS)), LOADER_ALL[0], LOADER_ALL[1]);
}

// A page of all four showing a chart: iom-widgets.js, the reader and the chart file.
{
  const { files, fetched } = pageFiles('iom-widgets.js', [ON_DEMAND.reader, ON_DEMAND.chart]);
  if (fetched.length !== 2) fail(`A page with a chart: expected the reader and the chart file among iom-widgets.js's imports on demand, found ${fetched.join(', ') || 'none'}.`);
  row(`a page of all four with a chart (${files.length} files)`, sum(files), CHART_PAGE, 'iom-widgets.js, the reader, the chart file');
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
  if (!registered.size) fail('Found no Chart.register(…) of chart.js parts in src/donor-ranking/chart*.ts.');
  const missing = [...registered].filter((id) => !inChunk(id));
  const extra = [...new Set(parts.map((p) => p.id))].filter((id) => !registered.has(id) && inChunk(id));
  if (missing.length) fail(`iom-widgets.chart.js: registered chart.js parts not found in it (${missing.join(', ')}): this check no longer reads the build.`);
  if (extra.length) fail(`iom-widgets.chart.js holds chart.js parts that are never registered: ${extra.join(', ')}.`);
  else if (!missing.length) console.log(`     iom-widgets.chart.js holds only the chart.js parts registered: ${[...registered].join(', ')}`);
}
if (failed) {
  console.error(`${failed} size problem(s).`);
  process.exit(1);
}
