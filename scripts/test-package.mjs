// Installed-package test: what a user of the npm package, or a webmaster who self-hosts, gets.
//
// 1. Packs the package as `npm publish` would, from the dist/ that `npm run build:lib` wrote (npm
//    test builds it once; `prepack` builds it on publish); checks what is in the tarball.
// 2. Installs the tarball into a new app in a temporary folder, with its real dependencies from the
//    registry (`npm install`, as a user would).
// 3. Bundles `import 'iom-widgets'`, `import 'iom-widgets/stat-counter.js'` and a named class
//    import with esbuild and with Vite (the repo's own copies, run on the app: every import is
//    resolved from the app's node_modules, that is, from the installed tarball).
// 4. Opens each bundle in headless Chromium: the elements register and render data.
// 5. Serves the one-file build alone (dist/iom-widgets.bundle.js plus a data file): the elements
//    work; a chart view shows its table and a note naming the missing chart file; with the chart
//    file uploaded too, the chart is drawn.
// 6. React 19: installs react and react-dom beside the tarball, bundles a small app with esbuild
//    (jsx automatic) that renders each `iom-widgets/react` wrapper with an object `data` prop (and
//    a bare <stat-counter> tag), and checks in Chromium that each rendered its data and that each
//    onIomLoad fired. Type-checks a TSX consumer (the repo's tsc, @types/react 19) that uses the
//    wrappers, the tags (`iom-widgets/jsx`) and HTMLElementTagNameMap, with `@ts-expect-error`
//    lines that must each be an error (a wrongly typed attribute, an unknown event prop…).
// 7. The editor hints in the package (VS Code HTML and CSS custom data, web-types.json): valid JSON,
//    every tag, attribute and --iom-* custom property of custom-elements.json in them.
//
//   node scripts/test-package.mjs           run it all
//   node scripts/test-package.mjs --keep    keep the temporary app (its path is printed)
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, normalize, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { launchChromium } from './browser.mjs';
import { serveStatic } from './static-server.mjs';
import { TAGS as WIDGETS } from './tags.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// The React the test app installs: the exact versions the repository develops against.
const REACT_DEPS = ['react', 'react-dom', '@types/react', '@types/react-dom'].map((name) => `${name}@${PKG.devDependencies[name]}`);
const EDITOR_FILES = ['dist/vscode.html-custom-data.json', 'dist/vscode.css-custom-data.json', 'dist/web-types.json'];
const WAIT = { timeout: 15_000, polling: 50 };
const keep = process.argv.includes('--keep');
const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

let failures = 0;
/** One line per check: "ok" or "FAIL" and, on failure, why. */
function check(name, ok, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail}` : ''}`);
  if (!ok) failures++;
  return ok;
}
function stop(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const work = mkdtempSync(join(tmpdir(), 'iom-widgets-package-'));
const app = join(work, 'app');
mkdirSync(join(app, 'src'), { recursive: true });

try {
  // ---- 1. Pack ---------------------------------------------------------------------------------
  console.log('\n# The tarball');
  let t = performance.now();
  if (!existsSync(join(ROOT, 'dist/iom-widgets.js'))) stop('dist/ is missing: run `npm run build:lib` first');
  let packText;
  try {
    packText = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  } catch (error) {
    process.stdout.write(error.stdout ?? '');
    process.stderr.write(error.stderr ?? '');
    stop('npm pack failed');
  }
  // prepack's build output comes first on stdout; npm's JSON report is the last thing printed.
  const [pack] = JSON.parse(packText.startsWith('[') ? packText : packText.slice(packText.lastIndexOf('\n[') + 1));
  const tarball = join(work, pack.filename);
  const files = new Set(pack.files.map((f) => f.path));
  console.log(`     packed in ${seconds(t)} s: ${pack.filename}, ${(pack.size / 1000).toFixed(1)} kB packed, ${(pack.unpackedSize / 1000).toFixed(1)} kB unpacked, ${pack.entryCount} files`);
  check('npm pack packs dist/, and `prepack` builds it for `npm publish`', files.has('dist/iom-widgets.js') && files.has('dist/types/index.d.ts') && PKG.scripts.prepack === 'npm run build:lib');
  const required = [
    'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'custom-elements.json', 'dist/iom-widgets.bundle.js', 'dist/iom-widgets.chart.js', 'data/annual-report-2023.json',
    'dist/react.js', 'dist/types/react/index.d.ts', 'dist/types/react/jsx.d.ts', ...EDITOR_FILES,
  ];
  const missing = required.filter((f) => !files.has(f));
  check(`the tarball has ${required.join(', ')}`, missing.length === 0, `missing: ${missing.join(', ')}`);
  const maps = [...files].filter((f) => f.endsWith('.map'));
  check('no source maps in the tarball', maps.length === 0, maps.join(', '));
  const sources = [...files].filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('stories/'));
  check('no src/, test/ or stories/ in the tarball', sources.length === 0, sources.slice(0, 5).join(', '));
  const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  check('LICENSE is the MIT license, as package.json says', /^MIT License/.test(license) && JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license === 'MIT');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
  const paths = new Set();
  JSON.stringify(manifest, (key, value) => ((key === 'path' || key === 'module') && typeof value === 'string' && paths.add(value), value));
  const unshipped = [...paths].filter((p) => !files.has(p));
  check(`custom-elements.json: all ${paths.size} module paths are files in the tarball`, unshipped.length === 0, unshipped.slice(0, 5).join(', '));
  const bundleCode = readFileSync(join(ROOT, 'dist/iom-widgets.bundle.js'), 'utf8');
  const staticImports = [...bundleCode.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)].map((m) => m[1]);
  const dynamicImports = [...bundleCode.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  check('dist/iom-widgets.bundle.js has no static import', staticImports.length === 0, staticImports.join(', '));
  check('dist/iom-widgets.bundle.js imports only ./iom-widgets.chart.js, dynamically', dynamicImports.length === 1 && dynamicImports[0] === './iom-widgets.chart.js', dynamicImports.join(', '));
  const reactCode = readFileSync(join(ROOT, 'dist/react.js'), 'utf8');
  const reactBare = [...reactCode.matchAll(/(?:\bfrom|\bimport)\s*["']([^"'.][^"']*)["']/g)].map((m) => m[1]);
  check('dist/react.js imports react (the app\'s) and no other package', reactBare.join() === 'react', reactBare.join(', '));

  // ---- 2. Install into a new app ------------------------------------------------------------------
  console.log('\n# A new app that installs the tarball');
  t = performance.now();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'iom-widgets-test-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  try {
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...REACT_DEPS], app);
  } catch (error) {
    process.stderr.write(error.stderr ?? '');
    stop('npm install of the tarball failed');
  }
  const installed = join(app, 'node_modules/iom-widgets');
  const deps = ['lit', '@lit/task', 'chart.js', 'valibot', 'react', 'react-dom'];
  check(`npm install of the tarball and ${REACT_DEPS.join(', ')} (${seconds(t)} s) puts iom-widgets and its dependencies (${deps.join(', ')}) in the app`, existsSync(join(installed, 'dist/iom-widgets.js')) && deps.every((d) => existsSync(join(app, 'node_modules', d, 'package.json'))));

  // The command and the Node API, as an app's build runs them (npx iom-widgets prerender …).
  {
    writeFileSync(join(app, 'page.html'), '<!doctype html><html lang="en"><body><stat-counter src="data.json#/f"></stat-counter></body></html>');
    writeFileSync(join(app, 'data.json'), JSON.stringify({ f: { value: 600000, label: "people accessed regular migration pathways" } }));
    let out = '';
    try {
      out = run(process.execPath, [join(app, 'node_modules/.bin/iom-widgets'), 'prerender', 'page.html', '--strict'], app);
    } catch (error) {
      process.stderr.write(error.stderr ?? '');
    }
    check('the installed `iom-widgets prerender` writes a widget into the page', /<stat-counter src="data\.json#\/f"><template shadowrootmode="open">/.test(out) && /600,000/.test(out));
    let api = '';
    try {
      api = run(process.execPath, ['--input-type=module', '-e', "import { prerender } from 'iom-widgets/prerender'; const r = await prerender('<stat-counter value=\"5\" label=\"x\"></stat-counter>', { file: 'x.html' }); process.stdout.write(String(r.widgets));"], app);
    } catch (error) {
      process.stderr.write(error.stderr ?? '');
    }
    check("import { prerender } from 'iom-widgets/prerender' works in the app", api.trim() === '1', api);
  }

  const ENTRIES = {
    all: `import 'iom-widgets';\n`,
    one: `import 'iom-widgets/stat-counter.js';\n`,
    named: `import { StatCounter } from 'iom-widgets';\nwindow.importedStatCounter = StatCounter;\n`,
  };
  for (const [name, code] of Object.entries(ENTRIES)) writeFileSync(join(app, 'src', `${name}.js`), code);
  const entryPoints = Object.keys(ENTRIES).map((n) => join(app, 'src', `${n}.js`));
  const fromTarball = (file) => file.startsWith(installed + sep) || file.startsWith(join('node_modules', 'iom-widgets') + sep);
  const fromRepo = (file) => resolve(app, file).startsWith(ROOT + sep);

  // ---- 3. Bundle ----------------------------------------------------------------------------------
  console.log('\n# Bundling');
  t = performance.now();
  const esbuildOut = join(app, 'out/esbuild');
  const esb = await esbuild.build({
    absWorkingDir: app,
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: esbuildOut,
    metafile: true,
    write: true,
    logLevel: 'silent',
  });
  const esbInputs = Object.keys(esb.metafile.inputs);
  check(
    `esbuild ${esbuild.version} (${seconds(t)} s): no warnings`,
    esb.warnings.length === 0,
    esb.warnings.map((w) => w.text).join('; '),
  );
  check('esbuild: iom-widgets came from the installed tarball, nothing from the repo', esbInputs.some(fromTarball) && !esbInputs.some(fromRepo), esbInputs.filter(fromRepo).slice(0, 3).join(', '));
  for (const name of Object.keys(ENTRIES)) {
    // The entry and the chunks it imports statically: what its page loads before the elements work.
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !esb.metafile.outputs[file]) return;
      seen.add(file);
      for (const i of esb.metafile.outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(relative(app, join(esbuildOut, `${name}.js`)));
    const libraryBytes = [...seen].flatMap((f) => Object.entries(esb.metafile.outputs[f].inputs)).filter(([f]) => fromTarball(f)).reduce((n, [, v]) => n + v.bytesInOutput, 0);
    check(`esbuild: ${name}.js holds library code (${(libraryBytes / 1024).toFixed(1)} kB of iom-widgets with its chunks)`, libraryBytes > 10 * 1024);
  }

  t = performance.now();
  const viteOut = join(app, 'out/vite');
  const viteWarnings = [];
  const viteResult = await viteBuild({
    root: app,
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    // The app is served below the site root (/vite/): its chunk URLs (and Vite's preload hints) relative.
    base: './',
    build: {
      outDir: viteOut,
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(Object.keys(ENTRIES).map((n) => [n, join(app, 'src', `${n}.js`)])),
        output: { entryFileNames: '[name].js' },
        onwarn: (warning) => viteWarnings.push(warning.message),
      },
    },
  });
  const viteChunks = (Array.isArray(viteResult) ? viteResult : [viteResult]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const viteModules = [...new Set(viteChunks.flatMap((c) => c.moduleIds))].filter((id) => !id.startsWith('\0'));
  check(`Vite (${seconds(t)} s): no warnings`, viteWarnings.length === 0, viteWarnings.join('; '));
  check('Vite: iom-widgets came from the installed tarball, nothing from the repo', viteModules.some(fromTarball) && !viteModules.some(fromRepo), viteModules.filter(fromRepo).slice(0, 3).join(', '));
  for (const name of Object.keys(ENTRIES)) {
    const chunk = viteChunks.find((c) => c.isEntry && c.name === name);
    const ids = chunk ? [chunk, ...chunk.imports.map((f) => viteChunks.find((c) => c.fileName === f))].flatMap((c) => c?.moduleIds ?? []) : [];
    check(`Vite: ${name}.js holds library code (${ids.filter(fromTarball).length} modules of iom-widgets with its chunks)`, ids.some(fromTarball));
  }


  // ---- The editor hints ---------------------------------------------------------------------------
  console.log('\n# Editor hints in the installed package');
  const installedManifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  const elements = installedManifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  const readJson = (file) => {
    try {
      return JSON.parse(readFileSync(join(installed, file), 'utf8'));
    } catch (error) {
      return { error: `${file}: ${error.message}` };
    }
  };
  const [htmlData, cssData, webTypes] = EDITOR_FILES.map(readJson);
  const broken = [htmlData, cssData, webTypes].filter((d) => d.error).map((d) => d.error);
  check(`${EDITOR_FILES.join(', ')} are in the installed package and parse as JSON`, broken.length === 0, broken.join('; '));
  const installedPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  check('package.json "web-types" names dist/web-types.json', normalize(installedPkg['web-types'] ?? '') === normalize('dist/web-types.json'), `"web-types": ${installedPkg['web-types']}`);
  const gaps = [];
  let attributeCount = 0;
  const cssNames = new Set();
  const literalTypes = [];
  for (const el of elements) {
    const tag = htmlData.tags?.find((t) => t.name === el.tagName);
    const wt = webTypes.contributions?.html?.elements?.find((e) => e.name === el.tagName);
    if (!tag?.description?.value) gaps.push(`VS Code HTML data: no <${el.tagName}> with a description`);
    if (!wt?.description) gaps.push(`web-types: no <${el.tagName}> with a description`);
    for (const a of el.attributes ?? []) {
      attributeCount++;
      const ha = tag?.attributes?.find((x) => x.name === a.name);
      if (!ha?.description?.value) gaps.push(`VS Code HTML data: <${el.tagName}> ${a.name} missing or undescribed`);
      if (!wt?.attributes?.some((x) => x.name === a.name && x.description)) gaps.push(`web-types: <${el.tagName}> ${a.name} missing or undescribed`);
      // A type written as a union of string literals in the code: its values, exactly.
      const literal = /^'[^']*'(?: \| '[^']*')*(?: \| undefined)?$/.test(a.type?.text ?? '') && [...a.type.text.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      if (literal) {
        literalTypes.push(`${el.tagName} ${a.name}`);
        const values = (ha?.values ?? []).map((v) => v.name).sort();
        const wtValues = (wt?.attributes?.find((x) => x.name === a.name)?.values ?? []).map((v) => v.name).sort();
        if (values.join() !== literal.sort().join() || wtValues.join() !== literal.join()) gaps.push(`<${el.tagName}> ${a.name}: values ${values.join('|')} / ${wtValues.join('|')}, type ${a.type.text}`);
      }
    }
    for (const c of el.cssProperties ?? []) {
      cssNames.add(c.name);
      if (!cssData.properties?.some((p) => p.name === c.name && p.description)) gaps.push(`VS Code CSS data: ${c.name} missing or undescribed`);
      if (!wt?.css?.properties?.some((p) => p.name === c.name)) gaps.push(`web-types: <${el.tagName}> ${c.name} missing`);
    }
    for (const e of el.events ?? []) if (!wt?.js?.events?.some((x) => x.name === e.name)) gaps.push(`web-types: <${el.tagName}> event ${e.name} missing`);
  }
  const offPrefix = (cssData.properties ?? []).filter((p) => !p.name.startsWith('--iom-')).map((p) => p.name);
  check(
    `editor hints: all ${elements.length} tags, ${attributeCount} attributes and ${cssNames.size} custom properties of custom-elements.json are in them, described`,
    elements.length === WIDGETS.length && gaps.length === 0,
    `${elements.length} elements; ${gaps.slice(0, 6).join('; ')}`,
  );
  const valued = (htmlData.tags ?? []).flatMap((t) => (t.attributes ?? []).filter((a) => a.values?.length).map((a) => `${t.name} ${a.name}`));
  check(`editor hints: attribute values for ${valued.join(', ')} (including all ${literalTypes.length} typed as literal unions in the manifest)`, literalTypes.every((l) => valued.includes(l)) && valued.length >= literalTypes.length);
  check(`VS Code CSS data: only --iom-* properties (${cssData.properties?.length ?? 0})`, (cssData.properties?.length ?? 0) > 0 && offPrefix.length === 0, offPrefix.join(', '));

  // ---- React 19 -------------------------------------------------------------------------------------
  console.log('\n# A React 19 app (esbuild, jsx automatic)');
  const report = JSON.parse(readFileSync(join(installed, 'data/annual-report-2023.json'), 'utf8'));
  // IOM's published figures as the package ships them, each widget given its data as an object.
  const REACT_APP = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StatCounter, EmergencyList, DonorRanking, ObjectiveCard } from 'iom-widgets/react';
import report from 'iom-widgets/data/annual-report-2023.json';

window.iomLoads = [];
const loaded = (id) => (event) => window.iomLoads.push({ id, target: event.currentTarget?.id, keys: Object.keys(event.detail ?? {}) });

function App() {
  return (
    <>
      <StatCounter id="r-counter" data={report.highlights.regularPathways} start="none" onIomLoad={loaded('r-counter')} />
      <EmergencyList id="r-emergencies" data={report.emergencies} onIomLoad={loaded('r-emergencies')} />
      <DonorRanking id="r-donors" data={report.funding.topDonors} onIomLoad={loaded('r-donors')} />
      <ObjectiveCard id="r-objective" data={report.objectives[0]} onIomLoad={loaded('r-objective')} />
      <stat-counter id="r-tag" data={report.highlights.peopleReached} start="none" oniom-load={loaded('r-tag')}></stat-counter>
    </>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`;
  writeFileSync(join(app, 'src/react-app.jsx'), REACT_APP);
  t = performance.now();
  const reactOut = join(app, 'out/react');
  const reactBuild = await esbuild.build({
    absWorkingDir: app,
    entryPoints: [join(app, 'src/react-app.jsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    jsx: 'automatic',
    // React's development build: its warnings (invalid props, bad hooks) are console errors, which fail the page check.
    define: { 'process.env.NODE_ENV': '"development"' },
    outdir: reactOut,
    metafile: true,
    write: true,
    logLevel: 'silent',
  });
  const reactInputs = Object.keys(reactBuild.metafile.inputs);
  check(`esbuild (${seconds(t)} s): the React app bundles with no warnings`, reactBuild.warnings.length === 0, reactBuild.warnings.map((w) => w.text).join('; '));
  check(
    'esbuild: the app took iom-widgets/react from the tarball (dist/react.js) and React from the app',
    reactInputs.some((f) => fromTarball(f) && f.endsWith(`${sep}dist${sep}react.js`)) && reactInputs.some((f) => f.startsWith(join('node_modules', 'react-dom') + sep)) && !reactInputs.some(fromRepo),
    reactInputs.filter((f) => f.includes('react')).slice(0, 5).join(', '),
  );
  const reactStatic = new Set();
  const visitStatic = (file) => {
    if (reactStatic.has(file) || !reactBuild.metafile.outputs[file]) return;
    reactStatic.add(file);
    for (const i of reactBuild.metafile.outputs[file].imports) if (i.kind === 'import-statement') visitStatic(i.path);
  };
  visitStatic(relative(app, join(reactOut, 'react-app.js')));
  const eagerChart = [...reactStatic].flatMap((f) => Object.keys(reactBuild.metafile.outputs[f].inputs)).filter((f) => f.includes(`chart.js${sep}`) || f.endsWith('iom-widgets.chart.js'));
  check('esbuild: chart.js is not in what the React app loads first (only on demand)', eagerChart.length === 0, eagerChart.slice(0, 3).join(', '));
  writeFileSync(join(reactOut, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iom-widgets React test</title></head>
<body><div id="root"></div><script type="module" src="./react-app.js"></script></body></html>
`);

  console.log('\n# TypeScript: a React 19 TSX file against the installed types');
  const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase());
  const keyChecks = elements
    .map((el) => {
      const fields = ['data', ...(el.attributes ?? []).map((a) => a.fieldName).filter(Boolean)];
      const events = (el.events ?? []).map((e) => e.name);
      const list = (items) => items.map((i) => `'${i}'`).join(', ');
      return `export const ${el.name}Props: (keyof ComponentProps<typeof ${el.name}>)[] = [${list([...fields, ...events.map((e) => `on${pascal(e)}`)])}];
export const ${el.name}TagProps: (keyof JSX.IntrinsicElements['${el.tagName}'])[] = [${list([...fields, ...events.map((e) => `on${e}`)])}];
export const ${el.name}FromTagMap: ${el.name}Class = document.createElement('${el.tagName}');`;
    })
    .join('\n');
  const CONSUMER = `// A React 19 app's TSX, type-checked against the installed package. Each @ts-expect-error line
// must be an error: tsc fails on one that is not.
import { useRef, type ComponentProps, type JSX } from 'react';
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

// Wrongly typed: each must be an error.
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

// Every property set by an attribute (and data), and every event, of custom-elements.json is a prop;
// each tag name gives its class through HTMLElementTagNameMap.
${keyChecks}
`;
  writeFileSync(join(app, 'src/consumer.tsx'), CONSUMER);
  // skipLibCheck, as in the tsconfig of Vite's and Next.js's React templates: what an app has. The
  // package's types are still read and used: a declaration that failed to resolve would make its
  // props \`any\`, and the @ts-expect-error lines above would then fail as unused. (Checking every
  // .d.ts of React and the DOM libraries took 16 of the step's CPU-seconds; this, 5.)
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['src/consumer.tsx'] }, null, 2),
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const tscVersion = run(process.execPath, [tsc, '--version'], app).trim();
  const expected = (CONSUMER.match(/@ts-expect-error/g) ?? []).length - 2; // the header comment names it twice
  t = performance.now();
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    check(`${tscVersion} --noEmit, skipLibCheck, jsx react-jsx, @types/react ${PKG.devDependencies['@types/react']} (${seconds(t)} s): the TSX file type-checks, and each of its ${expected} wrongly typed props is an error`, true);
  } catch (error) {
    check(`${tscVersion}: the TSX consumer type-checks, with an error on each wrongly typed prop`, false, `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n       '));
  }

  // ---- 4. The self-hosted sites ---------------------------------------------------------------------
  // What a webmaster uploads, taken from the installed package: the one file (and the chart file).
  const sites = join(work, 'sites');
  const site = (name, withChart) => {
    const dir = join(sites, name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    copyFileSync(join(installed, 'dist/iom-widgets.bundle.js'), join(dir, 'iom-widgets.bundle.js'));
    if (withChart) copyFileSync(join(installed, 'dist/iom-widgets.chart.js'), join(dir, 'iom-widgets.chart.js'));
    copyFileSync(join(installed, 'data/annual-report-2023.json'), join(dir, 'data/annual-report-2023.json'));
    return dir;
  };
  // The whole dist/ folder uploaded, for the loader.
  const loaderSite = join(sites, 'loader');
  cpSync(join(installed, 'dist'), join(loaderSite, 'iom-widgets'), { recursive: true, filter: (f) => !/[\\/](types|node|wordpress)$/.test(f) && !f.endsWith('.json') });
  mkdirSync(join(loaderSite, 'data'), { recursive: true });
  copyFileSync(join(installed, 'data/annual-report-2023.json'), join(loaderSite, 'data/annual-report-2023.json'));
  const DIRS = { esbuild: esbuildOut, vite: viteOut, single: site('single', false), 'with-chart': site('with-chart', true), react: reactOut, loader: loaderSite };

  const CHART_DATA = JSON.stringify({
    currency: 'USD',
    donors: [
      { name: 'Example donor A', amount: 500000000 },
      { name: 'Example donor B', amount: 250000000 },
      { name: 'Example donor C', amount: 125000000 },
    ],
  });
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  const page = (script, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iom-widgets package test</title></head>
<body>
${body}
<script type="module" src="./${script}"></script>
</body></html>
`;
  // From data given inline: attributes, a data attribute, a data attribute with a list.
  const INLINE = `
<stat-counter id="attrs" value="31000000" format="compact" label="people reached by emergency response" start="none"></stat-counter>
<stat-counter id="json" data='${attr(JSON.stringify({ value: 600000, label: 'people on regular pathways' }))}' start="none"></stat-counter>
<donor-ranking id="donors" data='${attr(JSON.stringify([{ name: 'Example donor A' }, { name: 'Example donor B' }]))}'></donor-ranking>
<emergency-list id="emergencies" data='${attr(JSON.stringify({ emergencies: [{ name: 'Example emergency A' }] }))}'></emergency-list>
<objective-card id="objective" data='${attr(JSON.stringify({ number: 1, title: 'Example objective title' }))}'></objective-card>
<donor-ranking id="chart" view="chart" data='${attr(CHART_DATA)}'></donor-ranking>`;
  // From the shipped data file, by URL and JSON Pointer, as the README shows.
  const FROM_FILE = `
<stat-counter id="attrs" src="data/annual-report-2023.json#/highlights/peopleReached" start="none"></stat-counter>
<donor-ranking id="donors" src="data/annual-report-2023.json#/funding/topDonors"></donor-ranking>
<emergency-list id="emergencies" src="data/annual-report-2023.json#/emergencies"></emergency-list>
<objective-card id="objective" src="data/annual-report-2023.json#/objectives/0"></objective-card>`;
  const CHART_ONLY = `<donor-ranking id="chart" view="chart" data='${attr(CHART_DATA)}'></donor-ranking>`;
  for (const name of Object.keys(ENTRIES)) for (const d of ['esbuild', 'vite']) writeFileSync(join(DIRS[d], `${name}.html`), page(`${name}.js`, name === 'all' ? INLINE : INLINE.split('\n').filter((l) => l.startsWith('<stat-counter')).join('\n')));
  for (const d of ['single', 'with-chart']) {
    writeFileSync(join(DIRS[d], 'widgets.html'), page('iom-widgets.bundle.js', FROM_FILE));
    writeFileSync(join(DIRS[d], 'chart.html'), page('iom-widgets.bundle.js', CHART_ONLY));
  }

  const COUNTER_ONLY = FROM_FILE.split('\n').filter((l) => l.startsWith('<stat-counter')).join('\n');
  writeFileSync(join(loaderSite, 'widgets.html'), page('iom-widgets/iom-widgets.loader.js', FROM_FILE));
  writeFileSync(join(loaderSite, 'counter.html'), page('iom-widgets/iom-widgets.loader.js', COUNTER_ONLY));
  writeFileSync(join(loaderSite, 'none.html'), page('iom-widgets/iom-widgets.loader.js', '<p>A page without widgets.</p>'));
  writeFileSync(join(loaderSite, 'twice.html'), page('iom-widgets/iom-widgets.bundle.js', `${FROM_FILE}\n<script type="module" src="./iom-widgets/iom-widgets.loader.js"></script>\n<script type="module" src="./iom-widgets/iom-widgets.loader.js?again"></script>`));

  const server = await serveStatic(Object.fromEntries(Object.entries(DIRS).map(([name, dir]) => [`/${name}/`, dir])));
  const { base } = server;

  const browser = await launchChromium(['--lang=en-US']).catch((error) => stop(error.message));

  // In the page: the shadow text of the element #id once it is ready (with the shadow text of the
  // widgets it composes, such as objective-card's stat-counters).
  const SHADOW_TEXT = `(el) => {
    const text = (root) => [...root.querySelectorAll('*')].map((n) => (n.shadowRoot ? text(n.shadowRoot) : '')).join(' ') + ' ' + root.textContent;
    return el && el.shadowRoot ? text(el.shadowRoot).replace(/\\s+/g, ' ') : '';
  }`;

  /** Opens `path`, runs `checks(page, helpers)`, and reports the page's errors and failed requests. */
  async function visit(label, path, checks, { allowMissing = [] } = {}) {
    const page = await browser.newPage();
    const problems = [];
    const requested = [];
    const failed = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (r) => requested.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console.error: ${msg.text()}`);
    });
    const ready = async (id, test, what) => {
      try {
        await page.waitForFunction(
          (sel, find, t) => {
            const el = document.getElementById(sel);
            const text = new Function(`return ${find}`)()(el);
            return el?.status === 'ready' && new Function('text', 'el', `return ${t}`)(text, el);
          },
          WAIT,
          id,
          SHADOW_TEXT,
          test,
        );
        return true;
      } catch {
        const state = await page.evaluate((sel, find) => {
          const el = document.getElementById(sel);
          return el ? `status ${el.status}, registered ${!!customElements.get(el.localName)}, text "${new Function(`return ${find}`)()(el).trim().slice(0, 200)}"` : 'no element';
        }, id, SHADOW_TEXT);
        check(`${label}: #${id} ${what}`, false, state);
        return false;
      }
    };
    try {
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await checks(page, { ready, requested });
    } catch (error) {
      problems.push(error.message.split('\n')[0]);
    } finally {
      await page.close();
    }
    const unexpected = failed.filter((f) => !allowMissing.some((m) => f.endsWith(m)));
    check(`${label}: no page errors and no failed requests${allowMissing.length ? ` but ${allowMissing.join(', ')}` : ''}`, problems.length === 0 && unexpected.length === 0, [...problems, ...unexpected].join('; '));
    return { requested, failed };
  }

  const registered = (page) => page.evaluate((tags) => tags.filter((t) => customElements.get(t)), WIDGETS);
  const expectRender = async (label, ready, ids) => {
    const compact = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long' }).format(31000000);
    const tests = {
      attrs: [`text.includes(${JSON.stringify(compact)}) && text.includes('people reached')`, `renders "${compact}" and its label from attributes`],
      json: [`text.includes('600,000') && text.includes('people on regular pathways')`, 'renders "600,000" and its label from its data attribute'],
      donors: [`text.includes('Example donor A') && text.includes('Example donor B')`, 'renders the donor names'],
      emergencies: [`text.includes('Example emergency A')`, 'renders the emergency name'],
      objective: [`text.includes('Example objective title')`, 'renders the objective title'],
    };
    for (const id of ids) if (await ready(id, ...tests[id])) check(`${label}: #${id} ${tests[id][1]}`, true);
  };

  // ---- 5. In Chromium ---------------------------------------------------------------------------------
  for (const bundler of ['esbuild', 'vite']) {
    console.log(`\n# ${bundler === 'vite' ? 'Vite' : 'esbuild'} bundles, in Chromium`);
    await visit(`${bundler} import 'iom-widgets'`, `/${bundler}/all.html`, async (page, { ready }) => {
      const tags = await registered(page);
      check(`${bundler} import 'iom-widgets': registers all four elements`, tags.length === 4, `registered: ${tags.join(', ') || 'none'}`);
      await expectRender(`${bundler} import 'iom-widgets'`, ready, ['attrs', 'json', 'donors', 'emergencies', 'objective']);
      try {
        await page.waitForFunction(() => document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state === 'ready', WAIT);
        check(`${bundler} import 'iom-widgets': donor-ranking view="chart" draws its chart (chart.js loaded on demand through the app's bundle)`, true);
      } catch {
        check(`${bundler} import 'iom-widgets': donor-ranking view="chart" draws its chart`, false, await page.evaluate(() => `chart state ${document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state}`));
      }
    });
    await visit(`${bundler} import 'iom-widgets/stat-counter.js'`, `/${bundler}/one.html`, async (page, { ready }) => {
      const tags = await registered(page);
      check(`${bundler} import 'iom-widgets/stat-counter.js': registers <stat-counter> only`, tags.join() === 'stat-counter', `registered: ${tags.join(', ') || 'none'}`);
      await expectRender(`${bundler} import 'iom-widgets/stat-counter.js'`, ready, ['attrs', 'json']);
    });
    await visit(`${bundler} import { StatCounter } from 'iom-widgets'`, `/${bundler}/named.html`, async (page, { ready }) => {
      const same = await page.evaluate(() => !!window.importedStatCounter && customElements.get('stat-counter') === window.importedStatCounter);
      check(`${bundler} import { StatCounter } from 'iom-widgets': the imported class is the registered <stat-counter>`, same);
      await expectRender(`${bundler} import { StatCounter } from 'iom-widgets'`, ready, ['attrs', 'json']);
    });
  }


  console.log('\n# The React 19 app, in Chromium');
  await visit('React', '/react/index.html', async (page, { ready }) => {
    const counter = report.highlights.regularPathways;
    const tagFigure = report.highlights.peopleReached;
    const shown = [
      ['r-counter', 'StatCounter', `text.includes(${JSON.stringify(new Intl.NumberFormat('en').format(counter.value))}) && text.includes(${JSON.stringify(counter.label)})`, `renders "${new Intl.NumberFormat('en').format(counter.value)} ${counter.label}"`, 'value'],
      ['r-emergencies', 'EmergencyList', `text.includes(${JSON.stringify(report.emergencies.emergencies[0].name)})`, `renders "${report.emergencies.emergencies[0].name}"`, 'emergencies'],
      ['r-donors', 'DonorRanking', `text.includes(${JSON.stringify(report.funding.topDonors.donors[0].name)})`, `renders "${report.funding.topDonors.donors[0].name}"`, 'donors'],
      ['r-objective', 'ObjectiveCard', `text.includes(${JSON.stringify(report.objectives[0].title)})`, `renders "${report.objectives[0].title}" with its figures`, 'title'],
      ['r-tag', '<stat-counter> as a tag', `text.includes(${JSON.stringify(tagFigure.label)})`, `renders "${tagFigure.label}" (data={…} set as a property by React 19)`, 'value'],
    ];
    for (const [id, what, test, rendered] of shown) if (await ready(id, test, rendered)) check(`React: ${what} (#${id}) with an object data prop ${rendered}`, true);
    const ids = shown.map(([id]) => id);
    try {
      await page.waitForFunction((wanted) => wanted.every((id) => window.iomLoads?.some((l) => l.id === id)), WAIT, ids);
    } catch {
      // reported below, load by load
    }
    const loads = await page.evaluate(() => window.iomLoads ?? []);
    for (const [id, what, , , key] of shown) {
      const mine = loads.filter((l) => l.id === id);
      const prop = id === 'r-tag' ? 'oniom-load' : 'onIomLoad';
      check(
        `React: ${what}: ${prop} fired (${mine.length}×), on the element, with the data (detail.${key})`,
        mine.length > 0 && mine.every((l) => l.target === id && l.keys.includes(key)),
        JSON.stringify(mine),
      );
    }
  });

  console.log('\n# Self-hosted: only dist/iom-widgets.bundle.js and a data file uploaded');
  const chartUrl = `${base}/single/iom-widgets.chart.js`;
  const single = await visit('one file', '/single/widgets.html', async (page, { ready }) => {
    const tags = await registered(page);
    check('one file: registers all four elements', tags.length === 4, `registered: ${tags.join(', ') || 'none'}`);
    const figure = report.highlights.peopleReached;
    const donor = report.funding.topDonors.donors[1].name;
    const emergency = report.emergencies.emergencies[2].name;
    const objective = report.objectives[0].title;
    for (const [id, test, what] of [
      ['attrs', `text.includes(${JSON.stringify(figure.label)})`, `renders "${figure.label}" from data/annual-report-2023.json`],
      ['donors', `text.includes(${JSON.stringify(donor)})`, `renders "${donor}" from the data file`],
      ['emergencies', `text.includes(${JSON.stringify(emergency)})`, `renders "${emergency}" from the data file`],
      ['objective', `text.includes(${JSON.stringify(objective)})`, 'renders the objective from the data file'],
    ]) {
      if (await ready(id, test, what)) check(`one file: #${id} ${what}`, true);
    }
  });
  const fetched = single.requested.map((u) => u.replace(base, '')).filter((u) => u !== '/favicon.ico');
  check('one file: the page fetched only the bundle and the data file (no chart file without a chart)', fetched.every((u) => ['/single/widgets.html', '/single/iom-widgets.bundle.js', '/single/data/annual-report-2023.json'].includes(u)), fetched.join(', '));

  await visit('one file, no chart file', '/single/chart.html', async (page) => {
    try {
      await page.waitForFunction(() => document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state === 'error', WAIT);
    } catch {
      check('one file, no chart file: donor-ranking view="chart" falls back', false, 'the chart never reported its failure');
      return;
    }
    const shown = await page.evaluate(() => {
      const root = document.getElementById('chart').shadowRoot;
      const wrap = root.querySelector('.table-wrap');
      const table = wrap?.querySelector('table');
      return {
        note: root.querySelector('[part="note"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        tableVisible: !!table && !wrap.classList.contains('offscreen') && table.getBoundingClientRect().height > 0,
        tableText: table?.textContent ?? '',
      };
    });
    check('one file, no chart file: the table is shown, with the donors', shown.tableVisible && shown.tableText.includes('Example donor A') && shown.tableText.includes('Example donor C'), JSON.stringify(shown));
    check(`one file, no chart file: the note names the missing URL (${chartUrl})`, shown.note.includes(chartUrl), `note: "${shown.note}"`);
  }, { allowMissing: ['/single/iom-widgets.chart.js'] });

  console.log('\n# Self-hosted: dist/iom-widgets.bundle.js and dist/iom-widgets.chart.js uploaded');
  const withChart = await visit('with the chart file', '/with-chart/chart.html', async (page) => {
    try {
      await page.waitForFunction(() => document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state === 'ready', WAIT);
      check('with the chart file: donor-ranking view="chart" draws its chart', true);
    } catch {
      check('with the chart file: donor-ranking view="chart" draws its chart', false, await page.evaluate(() => `chart state ${document.getElementById('chart')?.shadowRoot?.querySelector('.chart')?.dataset.state}`));
    }
  });
  check('with the chart file: the chart file was fetched once', withChart.requested.filter((u) => u.endsWith('/iom-widgets.chart.js')).length === 1);

  console.log('\n# Self-hosted: the whole dist/ folder, and the loader');
  const loaderPage = async (label, path, ids) =>
    visit(label, path, async (page, { ready }) => {
      for (const id of ids) if (await ready(id, 'text.length > 0', 'renders from the data file')) check(`${label}: #${id} renders from the data file`, true);
    });
  const counterPage = await loaderPage('the loader, one counter', '/loader/counter.html', ['attrs']);
  const scripts = (visited) => visited.requested.map((u) => u.replace(`${base}/loader/`, '')).filter((u) => u.endsWith('.js'));
  const counterFiles = scripts(counterPage);
  check('the loader, one counter: fetches stat-counter.js and its chunks only', counterFiles.includes('iom-widgets/stat-counter.js') && !counterFiles.some((f) => /(emergency-list|donor-ranking|objective-card|iom-widgets|iom-widgets\.bundle|iom-widgets\.chart)\.js$/.test(f)), counterFiles.join(', '));
  const counterBytes = counterFiles.reduce((n, f) => n + gzipSync(readFileSync(join(loaderSite, f))).length, 0);
  console.log(`     (the loader, one counter from a data file: ${(counterBytes / 1024).toFixed(1)} kB gzip of script in ${counterFiles.length} files, the data reader with it; \`npm run size\` keeps the ceilings)`);
  await loaderPage('the loader, all four', '/loader/widgets.html', ['attrs', 'donors', 'emergencies', 'objective']);
  const none = await visit('the loader, no widget', '/loader/none.html', async () => undefined);
  check('the loader, no widget: fetches nothing but itself', scripts(none).join() === 'iom-widgets/iom-widgets.loader.js', scripts(none).join(', '));
  await loaderPage('the loader twice, beside the one-file build', '/loader/twice.html', ['attrs', 'donors', 'emergencies', 'objective']);

  await browser.close();
  await server.close();
} finally {
  if (keep) console.log(`\nKept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\n${failures ? `${failures} check(s) failed` : 'All package checks passed'} in ${seconds(started)} s.`);
process.exit(failures ? 1 : 0);
