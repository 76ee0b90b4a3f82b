// Benchmark: what rendering through the widgets costs over the same content built by hand.
//
//   node scripts/bench-render.mjs [--runs 7] [--throttle 1]      (after npm run build: reads dist/)
//   node scripts/bench-render.mjs --part list                    one kind alone, for a quick loop
//                                                                (counters, list or ranking)
//
// One page loads dist/iom-widgets.js (the library build, as a site gets it). Content: 100
// <stat-counter> (IOM's figures in en, fr, es and ar), a 200-item <emergency-list> and a 20-donor
// <donor-ranking> (generated, fictitious: scripts/bench-data.mjs), given as attributes and `data`
// properties (no network). Reduced motion, so counters render their final figure at once (the
// count-up is scripts/bench-stat-counter.mjs's subject).
//
// "By hand": the same DOM, built with createElement: after a warm-up render through the widgets,
// each widget's shadow tree is recorded (elements, attributes, text); the hand-built version puts
// that tree into a shadow root of a plain <div> with the widget's own adopted stylesheets. So both
// have the same elements, text, styles and layout (checked: every host box is compared), and the
// difference is the widgets' own work: Lit, data validation, formatting, layout computation. The
// hand-built side gets its strings ready-made.
//
// Timed: from creating the elements until every widget has rendered (loadComplete) and the page is
// laid out ("first"), and until the emergency list has filled in all 200 items (it renders 40 at
// once and the rest while idle) and is laid out ("complete"). The two sides alternate (ABBA) in
// one page, with a garbage collection and two frames between runs; one warm-up run each is not
// counted; medians of --runs.
//
// Then, where the time goes: a Chromium trace of one more run of each side (main-thread self time
// by kind: script, style, layout, paint, GC), and a JavaScript CPU profile of the first render of
// 100 counters in a fresh page, from an unminified esbuild bundle of src/ (so functions keep their
// names), summed by source module.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, counters, machine, makeDonors, makeEmergencies, median } from './bench-data.mjs';
import { ROOT, chromium, needBuilt, serveStatic } from './pages.mjs';

const RUNS = arg('runs', 7);
const THROTTLE = arg('throttle', 1);
const PART = arg('part', undefined, String);
needBuilt('dist/iom-widgets.js');
const dir = mkdtempSync(join(tmpdir(), 'bench-render-'));

// For the profile only: src/ bundled without minifying, so functions keep their names and each
// module is marked (`// src/…`), with Lit's production build as the library build has it.
await build({
  entryPoints: [join(ROOT, 'src/index.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: false,
  outfile: join(dir, 'widgets.dev.js'),
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'error',
});
const page = (script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>render benchmark (fictitious data)</title>
<style>
  body { margin: 8px; font: 14px/1.4 system-ui, sans-serif; }
  .grid { display: grid; grid-template-columns: repeat(10, minmax(0, 1fr)); gap: 6px; font-size: 7px; }
</style></head>
<body><script type="module">${script}</script></body>
</html>`;
writeFileSync(join(dir, 'index.html'), page(`await import('/dist/iom-widgets.js'); window.__ready = true;`));
writeFileSync(join(dir, 'profile.html'), page(`await import('./widgets.dev.js'); window.__ready = true;`));

const CONTENT = { counters: counters(100), emergencies: makeEmergencies(200), donors: makeDonors(20) };

// ---- In the page --------------------------------------------------------------------------------

/** Installs the two ways of rendering the content, and what they share. */
function install(content) {
  const TAGS = ['stat-counter', 'emergency-list', 'donor-ranking'];
  const layout = (root) => root.getBoundingClientRect();
  // Each host's box, and its shadow tree's text and number of elements (the content).
  const hostBoxes = (hosts) => hosts.map((el) => {
    const r = el.getBoundingClientRect();
    return { box: `${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`, content: `${el.shadowRoot.querySelectorAll('*').length} ${el.shadowRoot.textContent}` };
  });
  const items = (list) => list.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
  // Resolves once the list holds `n` items (without polling: the list fills in while idle).
  const allItems = (list, n) =>
    new Promise((done) => {
      if (items(list) >= n) return done();
      const observer = new MutationObserver(() => {
        if (items(list) >= n) {
          observer.disconnect();
          done();
        }
      });
      observer.observe(list.shadowRoot, { childList: true, subtree: true });
    });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

  const bench = (window.__bench = {
    /** The counters, each in a cell of a grid (right to left where their language is). */
    counterGrid(counters) {
      const grid = document.createElement('div');
      grid.className = 'grid';
      const elements = counters.map(({ attrs, rtl }) => {
        const wrap = document.createElement('div');
        if (rtl) wrap.dir = 'rtl';
        const el = document.createElement('stat-counter');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
        wrap.append(el);
        grid.append(wrap);
        return el;
      });
      return { grid, elements };
    },
    async clear() {
      document.getElementById('bench-root')?.remove();
      window.gc?.();
      await frame();
      await frame();
    },
    async widgets({ keepBoxes } = {}) {
      const data = structuredClone({ emergencies: content.emergencies, donors: content.donors });
      // Each side starts in a task of its own (not inside the benchmark's own message).
      await new Promise((r) => setTimeout(r));
      performance.mark('bench:start');
      const t0 = performance.now();
      const root = document.createElement('div');
      root.id = 'bench-root';
      root.append(bench.counterGrid(content.counters).grid);
      // A part of the content may be left out (the per-widget ratios): no list, no ranking.
      let list;
      if (data.emergencies) {
        list = document.createElement('emergency-list');
        list.data = data.emergencies;
        root.append(list);
      }
      if (data.donors) {
        const ranking = document.createElement('donor-ranking');
        ranking.setAttribute('limit', '0');
        ranking.data = data.donors;
        root.append(ranking);
      }
      document.body.append(root);
      const hosts = [...root.querySelectorAll(TAGS.join(','))];
      await Promise.all(hosts.map((el) => el.loadComplete));
      layout(root);
      const first = performance.now() - t0;
      if (list) await allItems(list, content.emergencies.emergencies.length);
      layout(root);
      const complete = performance.now() - t0;
      performance.mark('bench:end');
      if (hosts.some((el) => el.status !== 'ready')) throw new Error(`not ready: ${hosts.filter((el) => el.status !== 'ready').map((el) => `${el.localName} ${el.status}`).join(', ')}`);
      if (keepBoxes) bench.widgetBoxes = hostBoxes(hosts);
      return { first, complete };
    },
    /** Records the rendered widgets' trees, for the hand-built side. */
    record() {
      const HTML = 'http://www.w3.org/1999/xhtml';
      const sheets = Object.fromEntries(TAGS.map((t) => [t, customElements.get(t).elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet))]));
      const node = (n) => {
        if (n.nodeType === Node.TEXT_NODE) return n.data;
        if (n.nodeType !== Node.ELEMENT_NODE) return null; // Lit's comment markers are not content
        return {
          ns: n.namespaceURI === HTML ? null : n.namespaceURI,
          tag: n.localName,
          attrs: [...n.attributes].map((a) => [a.name, a.value]),
          sheets: n.shadowRoot ? sheets[n.localName] : null,
          shadow: n.shadowRoot ? [...n.shadowRoot.childNodes].map(node).filter((c) => c !== null) : null,
          children: [...n.childNodes].map(node).filter((c) => c !== null),
        };
      };
      bench.tree = node(document.getElementById('bench-root'));
    },
    async hand({ keepBoxes } = {}) {
      const hosts = [];
      await new Promise((r) => setTimeout(r));
      performance.mark('bench:start');
      const t0 = performance.now();
      const make = (d) => {
        if (typeof d === 'string') return document.createTextNode(d);
        const el = d.ns ? document.createElementNS(d.ns, d.tag) : document.createElement(d.shadow ? 'div' : d.tag);
        for (const [k, v] of d.attrs) el.setAttribute(k, v);
        if (d.shadow) {
          const shadow = el.attachShadow({ mode: 'open' });
          shadow.adoptedStyleSheets = d.sheets;
          for (const c of d.shadow) shadow.append(make(c));
          hosts.push(el);
        }
        for (const c of d.children) el.append(make(c));
        return el;
      };
      const root = make(bench.tree);
      document.body.append(root);
      layout(root);
      const t = performance.now() - t0;
      performance.mark('bench:end');
      if (keepBoxes) bench.handBoxes = hostBoxes(hosts);
      return { first: t, complete: t };
    },
  });
}

// ---- In Node ------------------------------------------------------------------------------------

const ms = (n) => `${n.toFixed(1)} ms`;

/**
 * Main-thread CPU time between the page's `bench:start` and `bench:end` marks: the thread time of
 * every top-level task from the one that holds the start mark to the one that holds the end mark.
 * Unlike wall-clock time it leaves out the time the renderer waits for a CPU on a busy machine.
 */
function cpuTime(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const [start, end] = [mark('bench:start'), mark('bench:end')];
  if (!start || !end) return NaN;
  // The page's main thread: the one whose top-level task holds the start mark.
  const tasks = events.filter((e) => e.ph === 'X' && e.cat?.includes('toplevel') && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const holder = tasks.find((e) => e.ts <= start.ts && e.ts + e.dur >= start.ts && e.pid === start.pid && e.tid === start.tid);
  if (!holder) return NaN;
  let us = 0;
  let until = -Infinity;
  for (const e of tasks) {
    if (e.pid !== holder.pid || e.tid !== holder.tid || e.ts < holder.ts || e.ts > end.ts) continue;
    if (e.ts < until) continue; // nested in the task counted before
    until = e.ts + e.dur;
    us += e.tdur ?? e.dur;
  }
  return us / 1000;
}

/** Main-thread self time by kind, from a trace's complete events between two time stamps. */
function traceBreakdown(events) {
  const start = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:start');
  const end = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench:end');
  if (!start || !end) return null;
  const main = events.filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + e.dur >= start.ts && e.ts <= end.ts && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const KIND = [
    [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout)$/, 'style'],
    [/^(Layout|UpdateLayout|LayoutShift)$/, 'layout'],
    [/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|PaintImage|Commit|RasterTask)$/, 'paint'],
    [/GC|GarbageCollect|BlinkGC/, 'garbage collection'],
    [/^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EventDispatch|v8\.compile|v8\.run|CompileScript|CompileCode|ParseHTML|HTMLDocumentParser)/, 'script'],
  ];
  const kindOf = (name) => KIND.find(([re]) => re.test(name))?.[1];
  const self = {};
  const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    e.__self = e.dur;
    if (parent) parent.__self -= e.dur;
    stack.push(e);
  }
  for (const e of main) {
    // Time in a task outside any event of a kind above (task and message overhead): "other".
    const k = kindOf(e.name) ?? 'other';
    self[k] = (self[k] ?? 0) + Math.max(0, e.__self) / 1000;
  }
  return self;
}

/** JavaScript self time of a CPU profile, by source module of the unminified bundle. */
function profileByModule(profile, bundle) {
  // esbuild marks each module of a non-minified bundle with a `// path` line.
  const marks = [];
  bundle.split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) marks.push([i, m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')]);
  });
  const moduleAt = (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        found = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (dt[i + 1] ?? 0)));
  const modules = {};
  const functions = {};
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    let where;
    if (/widgets\.dev\.js/.test(f.url)) where = moduleAt(f.lineNumber);
    else if (f.url) where = f.url.replace(/^.*\//, '');
    else where = f.functionName.startsWith('(') ? f.functionName : `(native) ${f.functionName || 'anonymous'}`;
    modules[where] = (modules[where] ?? 0) + us / 1000;
    if (/widgets\.dev\.js/.test(f.url)) {
      const key = `${f.functionName || '(anonymous)'} (${where})`;
      functions[key] = (functions[key] ?? 0) + us / 1000;
    } else if (!f.url && !f.functionName.startsWith('(')) {
      const key = `(native) ${f.functionName || 'anonymous'}`;
      functions[key] = (functions[key] ?? 0) + us / 1000;
    }
  }
  return { modules, functions };
}

const server = await serveStatic({ '/bench/': dir, '/dist/': join(ROOT, 'dist') });
const browser = await chromium('--js-flags=--expose-gc');

async function openPage(file, content = CONTENT) {
  const p = await browser.newPage();
  await p.setViewport({ width: 1280, height: 900 });
  await p.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const cdp = await p.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await p.goto(`${server.base}/bench/${file}`, { waitUntil: 'load' });
  await p.waitForFunction(() => window.__ready === true);
  await p.evaluate(install, content);
  return { page: p, cdp };
}

/**
 * Opens a page with `content`, warms both sides up (one run each: the first builds Lit's
 * templates and the formatters), then times `runs` rounds of each side, alternating (ABBA), with
 * each run's main-thread CPU time from a trace.
 */
async function measure(content, runs) {
  const { page: p } = await openPage('index.html', content);
  const run = (side, options) => p.evaluate((s, o) => window.__bench[s](o), side, options ?? {});
  const clear = () => p.evaluate(() => window.__bench.clear());
  await run('widgets');
  await p.evaluate(() => window.__bench.record());
  await clear();
  await run('hand');
  await clear();
  const results = { widgets: [], hand: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['hand', 'widgets'] : ['widgets', 'hand'];
    for (const side of order) {
      await p.tracing.start({ categories: ['toplevel', 'blink.user_timing'] });
      const r = await run(side, { keepBoxes: i === 0 });
      r.cpu = cpuTime(JSON.parse(Buffer.from(await p.tracing.stop()).toString('utf8')).traceEvents);
      results[side].push(r);
      await clear();
    }
  }
  return { page: p, run, clear, results };
}

const top = (obj, n) =>
  Object.entries(obj)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

try {
  const version = await browser.version();
  console.log(`render: 100 <stat-counter> + <emergency-list> of 200 + <donor-ranking> of 20 (dist/iom-widgets.js), through the widgets vs the same DOM built with createElement`);
  console.log(`${version}, headless, CPU ${THROTTLE === 1 ? 'unthrottled' : `throttled ${THROTTLE}x`}, 1280×900, reduced motion; ${machine()}`);

  const { page: p, run, clear, results } = PART ? {} : await measure(CONTENT, RUNS);
  if (!PART) {
    const { widgetBoxes, handBoxes } = await p.evaluate(() => ({ widgetBoxes: window.__bench.widgetBoxes, handBoxes: window.__bench.handBoxes }));
    const sameContent = widgetBoxes.filter((b, i) => b.content === handBoxes[i]?.content).length;
    const otherBoxes = widgetBoxes.map((b, i) => (b.box === handBoxes[i]?.box ? null : `${b.box} by the widget, ${handBoxes[i]?.box} by hand`)).filter(Boolean);

    const med = (side, key) => median(results[side].map((r) => r[key]));
    const ratio = (key) => median(results.widgets.map((r, i) => r[key] / results.hand[i][key]));
    console.log(`\n${RUNS} runs of each after a warm-up, alternating; medians (min – max):`);
    const range = (side, key) => {
      const v = results[side].map((r) => r[key]);
      return `${ms(med(side, key))} (${Math.min(...v).toFixed(1)} – ${Math.max(...v).toFixed(1)})`;
    };
    console.log(`  widgets, rendered and laid out ("first"):          ${range('widgets', 'first')}`);
    console.log(`  widgets, all 200 list items in ("complete"):        ${range('widgets', 'complete')}`);
    console.log(`  by hand (createElement), rendered and laid out:     ${range('hand', 'first')}`);
    console.log(`  main-thread CPU time (trace), widgets to "complete":  ${range('widgets', 'cpu')}`);
    console.log(`  main-thread CPU time (trace), by hand:               ${range('hand', 'cpu')}`);
    console.log(`  ratio widgets / by hand, CPU time: ${(med('widgets', 'cpu') / med('hand', 'cpu')).toFixed(2)}× (median of per-round ratios ${ratio('cpu').toFixed(2)}×): the figure to read on a busy machine`);
    console.log(`  ratio widgets / by hand, wall clock: first ${(med('widgets', 'first') / med('hand', 'first')).toFixed(2)}×, complete ${(med('widgets', 'complete') / med('hand', 'complete')).toFixed(2)}× (median of per-round ratios: ${ratio('first').toFixed(2)}×, ${ratio('complete').toFixed(2)}×)`);
    console.log(`  same content: ${sameContent} of ${widgetBoxes.length} widgets with the same text and number of elements by hand; ${widgetBoxes.length - otherBoxes.length} of ${widgetBoxes.length} the same size${otherBoxes.length ? ` (${otherBoxes.join('; ')})` : ''}`);
    console.log('  (the list\'s items have content-visibility: auto, so its height counts off-screen items at their remembered or estimated size, which depends on the order they were laid out in)');
  }

  // Where the ratio comes from: each kind of widget alone, measured the same way.
  const PARTS = {
    counters: ['100 counters', { counters: CONTENT.counters }],
    list: ['the 200-item list', { counters: [], emergencies: CONTENT.emergencies }],
    ranking: ['the 20-donor ranking', { counters: [], donors: CONTENT.donors }],
  };
  if (PART && !PARTS[PART]) throw new Error(`--part: one of ${Object.keys(PARTS).join(', ')}`);
  console.log(`\nEach kind alone (${RUNS} runs of each, alternating, in a page of its own), main-thread CPU time, medians:`);
  for (const [name, part] of Object.entries(PARTS).filter(([key]) => !PART || key === PART).map(([, v]) => v)) {
    const m = await measure(part, RUNS);
    const cpu = (side) => median(m.results[side].map((r) => r.cpu));
    console.log(`  ${name.padEnd(22)} widgets ${ms(cpu('widgets')).padStart(9)}, by hand ${ms(cpu('hand')).padStart(9)}: ${(cpu('widgets') / cpu('hand')).toFixed(2)}× (median of per-round ratios ${median(m.results.widgets.map((r, i) => r.cpu / m.results.hand[i].cpu)).toFixed(2)}×)`);
    await m.page.close();
  }
  // Where the time goes: the rest, for the whole content (not with --part).
  if (!PART) {
    // Where the time goes (1): one traced run of each side, main-thread self time by kind.
    console.log('\nMain-thread self time of one more run of each (Chromium trace), by kind:');
    for (const side of ['widgets', 'hand']) {
      await p.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
      await p.evaluate(() => console.timeStamp('bench:start'));
      await run(side);
      await p.evaluate(() => console.timeStamp('bench:end'));
      const trace = JSON.parse(Buffer.from(await p.tracing.stop()).toString('utf8')).traceEvents;
      await clear();
      const kinds = traceBreakdown(trace);
      if (!kinds) console.log(`  ${side}: no trace`);
      else console.log(`  ${side === 'widgets' ? 'widgets' : 'by hand'}: ${top(kinds, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ms (total ${Object.values(kinds).reduce((a, b) => a + b, 0).toFixed(1)} ms)`);
    }
    await p.close();

    // Where the time goes (2): a JavaScript CPU profile of the first render of 100 counters in a
    // fresh page (templates not yet prepared, no formatter cached: what a reader's page does), then
    // of a second render in the same page; in PROFILES fresh pages, medians. The sampling profiler
    // counts wall time between samples, so on a busy machine a function can be charged for time the
    // renderer spent waiting for a CPU: the medians of several pages smooth that out.
    const PROFILES = 3;
    const bundle = readFileSync(join(dir, 'widgets.dev.js'), 'utf8');
    const renderCounters = async (content) => {
      document.getElementById('bench-root')?.remove();
      const t0 = performance.now();
      const { grid, elements: all } = window.__bench.counterGrid(content.counters);
      grid.id = 'bench-root';
      document.body.append(grid);
      await Promise.all(all.map((el) => el.loadComplete));
      grid.getBoundingClientRect();
      return performance.now() - t0;
    };
    const profiles = { first: [], second: [] };
    for (let i = 0; i < PROFILES; i++) {
      const { page: q, cdp } = await openPage('profile.html');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      for (const which of ['first', 'second']) {
        await cdp.send('Profiler.start');
        const t = await q.evaluate(renderCounters, CONTENT);
        const { profile } = await cdp.send('Profiler.stop');
        profiles[which].push({ t, ...profileByModule(profile, bundle) });
        await q.evaluate(() => window.__bench.clear());
      }
      await q.close();
    }
    const medians = (list, key) => {
      const keys = new Set(list.flatMap((p) => Object.keys(p[key])));
      return Object.fromEntries([...keys].map((k) => [k, median(list.map((p) => p[key][k] ?? 0))]));
    };
    for (const which of ['first', 'second']) {
      const list = profiles[which];
      const modules = medians(list, 'modules');
      const functions = medians(list, 'functions');
      const js = Object.entries(modules).filter(([k]) => !/^\((idle|program|garbage collector|root)\)$/.test(k)).reduce((a, [, v]) => a + v, 0);
      console.log(`\n${which === 'first' ? 'First render of 100 counters in a fresh page' : 'Second render of 100 counters in the same page'} (unminified bundle of src/): ${ms(median(list.map((p) => p.t)))} (median of ${PROFILES} pages); JavaScript CPU profile (sampled every 0.1 ms), median self time:`);
      console.log(`  by module: ${top(modules, 12).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ms (in JavaScript and the calls it makes: ${js.toFixed(1)} ms; "(program)" is the browser's own work outside JavaScript; style and layout forced by a script are charged to the call that forced them, such as getBoundingClientRect)`);
      console.log(`  by function: ${top(functions, 12).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ms`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
