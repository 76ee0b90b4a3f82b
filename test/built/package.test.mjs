// What a user of the npm package, or a webmaster who self-hosts, gets. The package is packed as
// `npm publish` would, from the dist/ that `npm run build:lib` wrote, and installed into a new app
// with its dependencies from the registry; its command and Node API run there; esbuild and Vite
// bundle three ways of importing it; each bundle, the one-file build served alone (with and without
// the chart file) and a React 19 app of the wrappers render in Chromium; a TSX file type-checks
// against its types; its editor hints cover custom-elements.json. (That no entry imports the chart
// file statically, and that the one-file build imports nothing else: scripts/size.mjs.)
//   node --test test/built/package.test.mjs      (after npm run build:lib; IOM_KEEP=1 keeps the app)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { ROOT, chromium, needBuilt, openPage, serveStatic } from '../../scripts/pages.mjs';
import { TAGS } from '../../scripts/tags.mjs';
import { serveRecordedApis } from '../support/recorded-apis.mjs';

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// The React the app installs: the exact versions the repository develops against.
const REACT = ['react', 'react-dom', '@types/react', '@types/react-dom'].map((name) => `${name}@${PKG.devDependencies[name]}`);
const EDITOR_FILES = ['dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json', 'dist/web-types.json'];
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const ENTRIES = { all: `import 'iom-widgets';\n`, one: `import 'iom-widgets/stat-counter.js';\n`, named: `import { StatCounter } from 'iom-widgets';\nwindow.importedStatCounter = StatCounter;\n` };

let work, app, installed, pack, browser, server;
const out = {}; // the folders served: each bundler's output, the self-hosted sites, the React app
before(async () => {
  needBuilt('dist/iom-widgets.js');
  work = mkdtempSync(join(tmpdir(), 'iom-widgets-package-'));
  app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  [pack] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'iom-widgets-test-app', version: '1.0.0', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, pack.filename), ...REACT], app);
  installed = join(app, 'node_modules/iom-widgets');
  for (const [name, code] of Object.entries(ENTRIES)) writeFileSync(join(app, 'src', `${name}.js`), code);
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (process.env.IOM_KEEP) console.log(`Kept ${work}`);
  else if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('packs dist/ (and `prepack` builds it for `npm publish`), with the license, the docs, the data, the types and the editor hints', () => {
    const files = new Set(pack.files.map((f) => f.path));
    assert.equal(PKG.scripts.prepack, 'npm run build:lib');
    const required = ['bin/iom-widgets.js', 'dist/cli.js', 'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'custom-elements.json', 'dist/iom-widgets.js', 'dist/types/index.d.ts', 'dist/iom-widgets.bundle.js', 'dist/iom-widgets.chart.js', 'data/annual-report-2023.json', 'dist/react.js', 'dist/types/react/index.d.ts', 'dist/types/react/jsx.d.ts', ...EDITOR_FILES];
    assert.deepEqual(required.filter((f) => !files.has(f)), [], 'missing from the tarball');
    assert.deepEqual([...files].filter((f) => f.endsWith('.map') || /^(src|test|stories)\//.test(f)), [], 'no source maps, src/, test/ or stories/');
    assert.ok(/^MIT License/.test(readFileSync(join(ROOT, 'LICENSE'), 'utf8')) && PKG.license === 'MIT', 'the MIT license, as package.json says');
    const paths = new Set();
    JSON.stringify(readJson(join(ROOT, 'custom-elements.json')), (key, value) => ((key === 'path' || key === 'module') && typeof value === 'string' && paths.add(value), value));
    assert.deepEqual([...paths].filter((p) => !files.has(p)), [], 'custom-elements.json: every module path is a file in the tarball');
  });
  it('dist/react.js imports react (the app\'s) and no other package', () => {
    assert.deepEqual([...readFileSync(join(ROOT, 'dist/react.js'), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]), ['react']);
  });
  it('installs into a new app with its dependencies', () => {
    assert.ok(existsSync(join(installed, 'dist/iom-widgets.js')));
    for (const dep of ['lit', '@lit/task', 'chart.js', 'valibot', 'react', 'react-dom']) assert.ok(existsSync(join(app, 'node_modules', dep, 'package.json')), dep);
  });
});

describe('in the app', () => {
  it('the installed `iom-widgets prerender` writes a widget into a page, and the Node API prerenders', () => {
    writeFileSync(join(app, 'page.html'), '<!doctype html><html lang="en"><body><stat-counter src="data.json#/f"></stat-counter></body></html>');
    writeFileSync(join(app, 'data.json'), JSON.stringify({ f: { value: 600000, label: 'people accessed regular migration pathways' } }));
    const page = run(process.execPath, [join(app, 'node_modules/.bin/iom-widgets'), 'prerender', 'page.html', '--strict'], app);
    assert.match(page, /<stat-counter src="data\.json#\/f"><template shadowrootmode="open">[\s\S]*600,000/);
    const api = run(process.execPath, ['--input-type=module', '-e', "import { prerender } from 'iom-widgets/prerender'; const r = await prerender('<stat-counter value=\"5\" label=\"x\"></stat-counter>', { file: 'x.html' }); process.stdout.write(String(r.widgets));"], app);
    assert.equal(api.trim(), '1');
  });

  it('the installed `iom-widgets fetch` reads an API into a report file (the recorded Missing Migrants Project)', async () => {
    const apis = await serveRecordedApis();
    try {
      // Not execFileSync: the recorded API answers from this process.
      const args = ['--import', join(ROOT, 'test/support/recorded-apis.mjs'), join(app, 'node_modules/.bin/iom-widgets'), 'fetch', 'https://missingmigrants.iom.int/global-figures/2024/json', '-o', 'data/live.json'];
      const env = { ...process.env, IOM_RECORDED_APIS: apis.base };
      const printed = await new Promise((ok, fail) => execFile(process.execPath, args, { cwd: app, env }, (error, stdout, stderr) => (error ? fail(new Error(stderr)) : ok(stderr))));
      assert.match(printed, /wrote data\/live\.json \(figure\)/);
      const report = readJson(join(app, 'data/live.json'));
      assert.equal(report.figure.source.title, 'Missing Migrants Project');
      assert.equal(report.figure.year, 2024);
    } finally {
      await apis.close();
    }
  });

  const fromTarball = (file) => file.startsWith(installed + sep) || file.startsWith(join('node_modules', 'iom-widgets') + sep);
  const fromRepo = (file) => resolve(app, file).startsWith(ROOT + sep);
  it('esbuild bundles import \'iom-widgets\', a single element and a named class from the tarball, with no warning', async () => {
    out.esbuild = join(app, 'out/esbuild');
    const result = await esbuild.build({ absWorkingDir: app, entryPoints: Object.keys(ENTRIES).map((n) => join(app, 'src', `${n}.js`)), bundle: true, splitting: true, format: 'esm', minify: true, outdir: out.esbuild, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(result.warnings.map((w) => w.text), []);
    assert.ok(inputs.some(fromTarball), 'iom-widgets came from the installed tarball');
    assert.deepEqual(inputs.filter(fromRepo), [], 'nothing came from the repository');
  });
  it('Vite bundles the same, with no warning', async () => {
    out.vite = join(app, 'out/vite');
    const warnings = [];
    const input = Object.fromEntries(Object.keys(ENTRIES).map((n) => [n, join(app, 'src', `${n}.js`)]));
    // The app is served below the site root (/vite/): its chunk URLs relative.
    const result = await viteBuild({ root: app, configFile: false, logLevel: 'silent', publicDir: false, base: './', build: { outDir: out.vite, emptyOutDir: true, rolldownOptions: { input, output: { entryFileNames: '[name].js' }, onwarn: (w) => warnings.push(w.message) } } });
    const modules = [result].flat().flatMap((r) => r.output).filter((o) => o.type === 'chunk').flatMap((c) => c.moduleIds).filter((id) => !id.startsWith('\0'));
    assert.deepEqual(warnings, []);
    assert.ok(modules.some(fromTarball), 'iom-widgets came from the installed tarball');
    assert.deepEqual(modules.filter(fromRepo), [], 'nothing came from the repository');
  });
  it('a React 19 app of the wrappers bundles with esbuild, with React from the app and iom-widgets/react from the tarball', async () => {
    // IOM's published figures as the package ships them, each widget given its data as an object.
    writeFileSync(join(app, 'src/react-app.jsx'), `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StatCounter, EmergencyList, DonorRanking, ObjectiveCard } from 'iom-widgets/react';
import report from 'iom-widgets/data/annual-report-2023.json';
window.iomLoads = [];
const loaded = (id) => (event) => window.iomLoads.push({ id, target: event.currentTarget?.id, keys: Object.keys(event.detail ?? {}) });
createRoot(document.getElementById('root')).render(<StrictMode>
  <StatCounter id="r-counter" data={report.highlights.regularPathways} start="none" onIomLoad={loaded('r-counter')} />
  <EmergencyList id="r-emergencies" data={report.emergencies} onIomLoad={loaded('r-emergencies')} />
  <DonorRanking id="r-donors" data={report.funding.topDonors} onIomLoad={loaded('r-donors')} />
  <ObjectiveCard id="r-objective" data={report.objectives[0]} onIomLoad={loaded('r-objective')} />
  <stat-counter id="r-tag" data={report.highlights.peopleReached} start="none" oniom-load={loaded('r-tag')}></stat-counter>
</StrictMode>);
`);
    out.react = join(app, 'out/react');
    // React's development build: its warnings (invalid props, bad hooks) are console errors, which fail the page.
    const result = await esbuild.build({ absWorkingDir: app, entryPoints: [join(app, 'src/react-app.jsx')], bundle: true, splitting: true, format: 'esm', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"development"' }, outdir: out.react, metafile: true, logLevel: 'silent' });
    writeFileSync(join(out.react, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React test</title></head><body><div id="root"></div><script type="module" src="./react-app.js"></script></body></html>');
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(result.warnings.map((w) => w.text), []);
    assert.ok(inputs.some((f) => fromTarball(f) && f.endsWith(`${sep}dist${sep}react.js`)) && inputs.some((f) => f.startsWith(join('node_modules', 'react-dom') + sep)), inputs.filter((f) => f.includes('react')).slice(0, 5).join(', '));
    assert.deepEqual(inputs.filter(fromRepo), []);
  });
  it('a React 19 TSX file type-checks against the installed types, and each wrongly typed prop is an error', () => {
    const elements = readJson(join(installed, 'custom-elements.json')).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase());
    const list = (items) => items.map((i) => `'${i}'`).join(', ');
    // Every property set by an attribute (and data), and every event, is a prop; each tag gives its class through HTMLElementTagNameMap.
    const keys = elements.map((el) => {
      const fields = ['data', ...(el.attributes ?? []).map((a) => a.fieldName).filter(Boolean)];
      const events = (el.events ?? []).map((e) => e.name);
      return `export const ${el.name}Props: (keyof ComponentProps<typeof ${el.name}>)[] = [${list([...fields, ...events.map((e) => `on${pascal(e)}`)])}];
export const ${el.name}TagProps: (keyof JSX.IntrinsicElements['${el.tagName}'])[] = [${list([...fields, ...events.map((e) => `on${e}`)])}];
export const ${el.name}FromTagMap: ${el.name}Class = document.createElement('${el.tagName}');`;
    });
    writeFileSync(join(app, 'src/consumer.tsx'), `import { useRef, type ComponentProps, type JSX } from 'react';
import type {} from 'iom-widgets/jsx';
import type { ${elements.map((el) => `${el.name} as ${el.name}Class`).join(', ')} } from 'iom-widgets';
import { ${elements.map((el) => el.name).join(', ')}, type StatCounterElement } from 'iom-widgets/react';

export function App() {
  const counter = useRef<StatCounterElement>(null);
  const card = useRef<ObjectiveCardClass>(null);
  return (
    <>
      <StatCounter ref={counter} value={600000} label="people accessed regular migration pathways" format="compact" start="none" onIomLoad={(event) => event.detail.label?.toUpperCase()} onIomError={(event) => event.detail.message} onIomCountEnd={(event) => event.detail.value.toFixed(0)} />
      <EmergencyList layout="grid" searchable limit={5} onIomLoad={(event) => event.detail.emergencies.length} onIomFilterChange={(event) => event.detail.visible} />
      <DonorRanking view="table" limit={0} groupByType onIomViewChange={(event) => event.detail.view} />
      <ObjectiveCard variant="banner" accent="2" headingLevel={2} data={{ number: 1, title: 'Example objective title (fictitious)' }} onIomCountEnd={(event) => event.detail.value} />
      <stat-counter value={600000} label="people accessed regular migration pathways" format="compact" valuePrefix="Over" class="figure" id="figure" style={{ fontSize: '1.5em' }} oniom-count-end={(event) => event.detail.value.toFixed(0)} />
      <emergency-list layout="list" sortable key="list" oniom-filter-change={(event) => event.detail.sort} />
      <donor-ranking view="chart" switchable className="donors" oniom-view-change={(event) => event.detail.view} />
      <objective-card ref={card} variant="card" subgrid data={{ number: 1, title: 'Example objective title (fictitious)' }}>
        <p slot="footer">Example footer</p>
      </objective-card>
    </>
  );
}

// Wrongly typed: each must be an error (tsc fails on an unused @ts-expect-error).
// @ts-expect-error value is a number, not a string
export const tagValueString = <stat-counter value="600000" />;
// @ts-expect-error format is standard, compact, percent or currency
export const tagFormatUnknown = <stat-counter format="big" />;
// @ts-expect-error view is list, chart or table
export const tagViewUnknown = <donor-ranking view="pie" />;
// @ts-expect-error prefix is Element's read-only namespace prefix (the counter's text is valuePrefix)
export const tagPrefix = <stat-counter prefix="Over" />;
// @ts-expect-error the detail of iom-count-end has no label
export const tagDetail = <stat-counter oniom-count-end={(event) => event.detail.label} />;
// @ts-expect-error value is a number, not a string
export const wrapperValueString = <StatCounter value="600000" />;
// @ts-expect-error an event of another element
export const wrapperForeignEvent = <EmergencyList onIomViewChange={() => undefined} />;
// @ts-expect-error the detail of onIomCountEnd has no label
export const wrapperDetail = <StatCounter onIomCountEnd={(event) => event.detail.label} />;
// @ts-expect-error status is read-only
export const wrapperReadOnly = <StatCounter status="ready" />;
// @ts-expect-error the ref is the element
export const wrapperRef = <DonorRanking ref={useRef<HTMLInputElement>(null)} />;

${keys.join('\n')}
`);
    // skipLibCheck, as in Vite's and Next.js's React templates. The package's types are still read:
    // a declaration that failed to resolve would make its props \`any\`, and the @ts-expect-error lines fail as unused.
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['src/consumer.tsx'] }));
    try {
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    } catch (error) {
      assert.fail(`${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n'));
    }
  });
  it('the editor hints hold every tag, attribute (with its values) and --iom-* custom property of custom-elements.json, described', () => {
    const elements = readJson(join(installed, 'custom-elements.json')).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    const [html, css, webTypes] = EDITOR_FILES.map((f) => readJson(join(installed, f)));
    assert.equal(readJson(join(installed, 'package.json'))['web-types'], './dist/web-types.json');
    assert.equal(elements.length, TAGS.length);
    const gaps = [];
    for (const el of elements) {
      const tag = html.tags.find((t) => t.name === el.tagName);
      const wt = webTypes.contributions.html.elements.find((e) => e.name === el.tagName);
      if (!tag?.description?.value || !wt?.description) gaps.push(`<${el.tagName}> undescribed`);
      for (const a of el.attributes ?? []) {
        const ha = tag?.attributes?.find((x) => x.name === a.name);
        const wa = wt?.attributes?.find((x) => x.name === a.name);
        if (!ha?.description?.value || !wa?.description) gaps.push(`<${el.tagName}> ${a.name} missing or undescribed`);
        // A type written as a union of string literals in the code: its values, exactly.
        if (/^'[^']*'(?: \| '[^']*')*(?: \| undefined)?$/.test(a.type?.text ?? '')) {
          const literal = [...a.type.text.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort().join();
          const values = [ha?.values, wa?.values].map((v) => (v ?? []).map((x) => x.name).sort().join());
          if (values.some((v) => v !== literal)) gaps.push(`<${el.tagName}> ${a.name}: values ${values.join(' / ')}, type ${a.type.text}`);
        }
      }
      for (const c of el.cssProperties ?? []) if (!css.properties.some((p) => p.name === c.name && p.description) || !wt?.css?.properties?.some((p) => p.name === c.name)) gaps.push(`${c.name} missing`);
      for (const e of el.events ?? []) if (!wt?.js?.events?.some((x) => x.name === e.name)) gaps.push(`<${el.tagName}> event ${e.name} missing`);
    }
    assert.deepEqual(gaps, []);
    assert.deepEqual(css.properties.filter((p) => !p.name.startsWith('--iom-')).map((p) => p.name), [], 'VS Code CSS data: only --iom-* properties');
  });
});

describe('in Chromium', () => {
  const report = () => readJson(join(installed, 'data/annual-report-2023.json'));
  before(async () => {
    // What a webmaster uploads, from the installed package: the one file (and the chart file) and a data file.
    for (const [name, chart] of [['single', false], ['with-chart', true]]) {
      out[name] = join(work, 'sites', name);
      mkdirSync(join(out[name], 'data'), { recursive: true });
      for (const file of ['dist/iom-widgets.bundle.js', ...(chart ? ['dist/iom-widgets.chart.js'] : [])]) copyFileSync(join(installed, file), join(out[name], file.slice(5)));
      copyFileSync(join(installed, 'data/annual-report-2023.json'), join(out[name], 'data/annual-report-2023.json'));
    }
    // For the loader: the .js files of dist/ uploaded as they are, in one folder, and a data file.
    out.loader = join(work, 'sites', 'loader');
    cpSync(join(installed, 'dist'), join(out.loader, 'iom-widgets'), { recursive: true, filter: (f) => !/[\\/](types|node|wordpress)$/.test(f) && !f.endsWith('.json') });
    mkdirSync(join(out.loader, 'data'), { recursive: true });
    copyFileSync(join(installed, 'data/annual-report-2023.json'), join(out.loader, 'data/annual-report-2023.json'));
    server = await serveStatic(Object.fromEntries(Object.entries(out).map(([name, dir]) => [`/${name}/`, dir])));
  });
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  const CHART = JSON.stringify({ currency: 'USD', donors: [{ name: 'Example donor A', amount: 500000000 }, { name: 'Example donor B', amount: 250000000 }, { name: 'Example donor C', amount: 125000000 }] });
  const COUNTERS = `<stat-counter id="attrs" value="31000000" format="compact" label="people reached by emergency response" start="none"></stat-counter>
<stat-counter id="json" data='${attr(JSON.stringify({ value: 600000, label: 'people on regular pathways' }))}' start="none"></stat-counter>`;
  const page = (name, script, body) => writeFileSync(join(out[name.split('/')[0]], `${name.split('/')[1]}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>package test</title></head><body>\n${body}\n<script type="module" src="./${script}"></script></body></html>`);
  /** Opens a page of the app; `text(id)` the shadow text of the ready widget #id. Every request must succeed but `allowMissing`. */
  async function visit(path, { widgets = 1, allowMissing = [] } = {}) {
    const failed = [];
    const p = await openPage(browser, `${server.base}${path}`, { settle: widgets, before: (p) => p.on('response', (r) => r.status() >= 400 && !allowMissing.some((m) => r.url().endsWith(m)) && failed.push(`${r.status()} ${r.url()}`)) });
    p.failed = failed;
    p.text = (id) => p.evaluate((id) => window.__iom.text(document.getElementById(id)), id);
    p.registered = () => p.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);
    // (A widget says when a file it loads on demand is missing: expected with `allowMissing`.)
    const expected = (m) => m.startsWith('console.error: Failed to load resource') || (allowMissing.length && /^console\.warn: <[a-z-]+>: /.test(m));
    p.ok = () => assert.deepEqual([...p.problems.filter((m) => !expected(m)), ...failed], [], 'no console error or warning, page error or failed request');
    return p;
  }
  const compact = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long' }).format(31000000);

  for (const bundler of ['esbuild', 'vite']) {
    it(`${bundler}: import 'iom-widgets' registers all four, each renders its data, and the chart is drawn (chart.js on demand through the app's bundle)`, async () => {
      page(`${bundler}/all`, 'all.js', `${COUNTERS}
<donor-ranking id="donors" data='${attr(JSON.stringify([{ name: 'Example donor A' }, { name: 'Example donor B' }]))}'></donor-ranking>
<emergency-list id="emergencies" data='${attr(JSON.stringify({ emergencies: [{ name: 'Example emergency A' }] }))}'></emergency-list>
<objective-card id="objective" data='${attr(JSON.stringify({ number: 1, title: 'Example objective title' }))}'></objective-card>
<donor-ranking id="chart" view="chart" data='${attr(CHART)}'></donor-ranking>`);
      const p = await visit(`/${bundler}/all.html`, { widgets: 6 });
      assert.deepEqual(await p.registered(), TAGS);
      assert.match(await p.text('attrs'), new RegExp(`${compact}.*people reached`));
      assert.match(await p.text('json'), /600,000.*people on regular pathways/);
      assert.match(await p.text('donors'), /Example donor A.*Example donor B/);
      assert.match(await p.text('emergencies'), /Example emergency A/);
      assert.match(await p.text('objective'), /Example objective title/);
      p.ok();
      await p.close();
    });
    for (const [name, what, expected] of [['one', "import 'iom-widgets/stat-counter.js' registers <stat-counter> only", ['stat-counter']], ['named', "import { StatCounter } from 'iom-widgets' gives the registered class", TAGS]]) {
      it(`${bundler}: ${what}, and the counters render`, async () => {
        page(`${bundler}/${name}`, `${name}.js`, COUNTERS);
        const p = await visit(`/${bundler}/${name}.html`, { widgets: 2 });
        assert.deepEqual(await p.registered(), expected);
        if (name === 'named') assert.ok(await p.evaluate(() => !!window.importedStatCounter && customElements.get('stat-counter') === window.importedStatCounter));
        assert.match(await p.text('json'), /600,000/);
        p.ok();
        await p.close();
      });
    }
  }

  it('React 19: each wrapper, and a bare <stat-counter>, renders its data prop (an object) and fires iom-load on the element', async () => {
    const p = await visit('/react/index.html', { widgets: 5 });
    const r = report();
    const shown = [
      ['r-counter', new Intl.NumberFormat('en').format(r.highlights.regularPathways.value), 'value'],
      ['r-emergencies', r.emergencies.emergencies[0].name, 'emergencies'],
      ['r-donors', r.funding.topDonors.donors[0].name, 'donors'],
      ['r-objective', r.objectives[0].title, 'title'],
      ['r-tag', r.highlights.peopleReached.label, 'value'],
    ];
    for (const [id, text] of shown) assert.ok((await p.text(id)).includes(text), `#${id} shows "${text}"`);
    await p.waitForFunction((ids) => ids.every((id) => window.iomLoads.some((l) => l.id === id)), { timeout: 15_000 }, shown.map(([id]) => id)).catch(() => undefined);
    const loads = await p.evaluate(() => window.iomLoads);
    for (const [id, , key] of shown) {
      const mine = loads.filter((l) => l.id === id);
      assert.ok(mine.length > 0 && mine.every((l) => l.target === id && l.keys.includes(key)), `#${id}: ${id === 'r-tag' ? 'oniom-load' : 'onIomLoad'} fired on the element with detail.${key}: ${JSON.stringify(mine)}`);
    }
    p.ok();
    await p.close();
  });

  const FROM_FILE = `<stat-counter id="counter" src="data/annual-report-2023.json#/highlights/peopleReached" start="none"></stat-counter>
<donor-ranking id="donors" src="data/annual-report-2023.json#/funding/topDonors"></donor-ranking>
<emergency-list id="emergencies" src="data/annual-report-2023.json#/emergencies"></emergency-list>
<objective-card id="objective" src="data/annual-report-2023.json#/objectives/0"></objective-card>`;
  const CHART_ONLY = `<donor-ranking id="chart" view="chart" data='${attr(CHART)}'></donor-ranking>`;

  it('self-hosted, only the one file and a data file uploaded: all four render from the file, and nothing else is fetched', async () => {
    page('single/widgets', 'iom-widgets.bundle.js', FROM_FILE);
    const p = await visit('/single/widgets.html', { widgets: 4 });
    const r = report();
    assert.deepEqual(await p.registered(), TAGS);
    for (const [id, text] of [['counter', r.highlights.peopleReached.label], ['donors', r.funding.topDonors.donors[1].name], ['emergencies', r.emergencies.emergencies[2].name], ['objective', r.objectives[0].title]]) assert.ok((await p.text(id)).includes(text), `#${id} shows "${text}"`);
    const fetched = await p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((path) => path !== '/favicon.ico'));
    assert.deepEqual([...new Set(fetched)].sort(), ['/single/data/annual-report-2023.json', '/single/iom-widgets.bundle.js'], 'only the bundle and the data file (no chart file without a chart)');
    p.ok();
    await p.close();
  });

  it('self-hosted without the chart file: a chart view shows its table and a note naming the missing file', async () => {
    page('single/chart', 'iom-widgets.bundle.js', CHART_ONLY);
    const p = await visit('/single/chart.html', { widgets: 0, allowMissing: ['/single/iom-widgets.chart.js'] });
    await p.waitForFunction(() => document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state === 'error', { timeout: 15_000 });
    const shown = await p.evaluate(() => {
      const root = document.getElementById('chart').shadowRoot;
      const table = root.querySelector('.table-wrap:not(.offscreen) table');
      return { note: root.querySelector('[part="note"]')?.textContent.replace(/\s+/g, ' ') ?? '', table: !!table && table.getBoundingClientRect().height > 0 && /Example donor A[\s\S]*Example donor C/.test(table.textContent) };
    });
    assert.ok(shown.table, 'the table is shown, with the donors');
    assert.ok(shown.note.includes(`${server.base}/single/iom-widgets.chart.js`), `the note names the missing file: "${shown.note}"`);
    p.ok();
    await p.close();
  });

  // The loader: what a page fetches, as a path list of its scripts.
  const scripts = (p) => p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((path) => path.endsWith('.js')));
  it('the loader, on a page of one counter: it renders, and only stat-counter.js and its chunks are fetched', async () => {
    page('loader/counter', 'iom-widgets/iom-widgets.loader.js', COUNTERS);
    const p = await visit('/loader/counter.html', { widgets: 2 });
    assert.deepEqual(await p.registered(), ['stat-counter']);
    assert.match(await p.text('attrs'), new RegExp(`${compact}.*people reached`));
    const fetched = await scripts(p);
    assert.ok(fetched.includes('/loader/iom-widgets/stat-counter.js'), fetched.join(', '));
    assert.deepEqual(fetched.filter((f) => /\/(emergency-list|donor-ranking|objective-card|iom-widgets|iom-widgets\.bundle|iom-widgets\.chart)\.js$/.test(f)), [], 'no other element, entry or the chart');
    p.ok();
    await p.close();
  });

  it('the loader, on a page of all four from a data file: each renders', async () => {
    page('loader/widgets', 'iom-widgets/iom-widgets.loader.js', FROM_FILE);
    const p = await visit('/loader/widgets.html', { widgets: 4 });
    const r = report();
    assert.deepEqual(await p.registered(), TAGS);
    for (const [id, text] of [['counter', r.highlights.peopleReached.label], ['donors', r.funding.topDonors.donors[1].name], ['emergencies', r.emergencies.emergencies[2].name], ['objective', r.objectives[0].title]]) assert.ok((await p.text(id)).includes(text), `#${id} shows "${text}"`);
    p.ok();
    await p.close();
  });

  it('the loader, on a page without widgets: nothing is fetched but the loader', async () => {
    page('loader/none', 'iom-widgets/iom-widgets.loader.js', '<p>A page without widgets.</p>');
    const p = await visit('/loader/none.html', { widgets: 0 });
    assert.deepEqual(await scripts(p), ['/loader/iom-widgets/iom-widgets.loader.js']);
    p.ok();
    await p.close();
  });

  it('the loader twice, beside the one-file build: every widget renders, with no error or warning', async () => {
    page('loader/twice', 'iom-widgets/iom-widgets.bundle.js', `${FROM_FILE}\n<script type="module" src="./iom-widgets/iom-widgets.loader.js"></script>\n<script type="module" src="./iom-widgets/iom-widgets.loader.js?again"></script>`);
    const p = await visit('/loader/twice.html', { widgets: 4 });
    assert.deepEqual(await p.registered(), TAGS);
    p.ok();
    await p.close();
  });

  it('self-hosted with the chart file: the chart is drawn, its file fetched once', async () => {
    page('with-chart/chart', 'iom-widgets.bundle.js', CHART_ONLY);
    const p = await visit('/with-chart/chart.html');
    const charts = await p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/iom-widgets.chart.js')).length);
    assert.equal(charts, 1);
    p.ok();
    await p.close();
  });
});
