// Installed-package test: what a user of the npm package, or a webmaster who self-hosts, gets.
//
// 1. Packs the package as `npm publish` would, starting with no dist/ (as on a fresh clone), so
//    `prepack` must build it; checks what is in the tarball.
// 2. Installs the tarball into a new app in a temporary folder, with its real dependencies from the
//    registry (`npm install`, as a user would).
// 3. Bundles `import 'iom-widgets'`, `import 'iom-widgets/stat-counter.js'` and a named class
//    import with esbuild and with Vite (the repo's own copies, run on the app: every import is
//    resolved from the app's node_modules, that is, from the installed tarball).
// 4. Opens each bundle in headless Chromium: the elements register and render data.
// 5. Serves the one-file build alone (dist/iom-widgets.bundle.js plus a data file): the elements
//    work; a chart view shows its table and a note naming the missing chart file; with the chart
//    file uploaded too, the chart is drawn.
//
//   node scripts/test-package.mjs           run it all
//   node scripts/test-package.mjs --keep    keep the temporary app (its path is printed)
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const WIDGETS = ['stat-counter', 'emergency-list', 'donor-ranking', 'objective-card'];
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
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  let packText;
  try {
    packText = run(npm, ['pack', '--json', '--pack-destination', work], ROOT);
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
  check('npm pack on a tree without dist/ builds it (prepack) and packs it', files.has('dist/iom-widgets.js') && files.has('dist/types/index.d.ts'));
  const required = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'custom-elements.json', 'dist/iom-widgets.bundle.js', 'dist/iom-widgets.chart.js', 'data/annual-report-2023.json'];
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

  // ---- 2. Install into a new app ------------------------------------------------------------------
  console.log('\n# A new app that installs the tarball');
  t = performance.now();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'iom-widgets-test-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  try {
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], app);
  } catch (error) {
    process.stderr.write(error.stderr ?? '');
    stop('npm install of the tarball failed');
  }
  const installed = join(app, 'node_modules/iom-widgets');
  const deps = ['lit', '@lit/task', 'chart.js', 'valibot'];
  check(`npm install of the tarball (${seconds(t)} s) puts iom-widgets and its dependencies (${deps.join(', ')}) in the app`, existsSync(join(installed, 'dist/iom-widgets.js')) && deps.every((d) => existsSync(join(app, 'node_modules', d, 'package.json'))));

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
  const DIRS = { esbuild: esbuildOut, vite: viteOut, single: site('single', false), 'with-chart': site('with-chart', true) };
  const report = JSON.parse(readFileSync(join(installed, 'data/annual-report-2023.json'), 'utf8'));

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

  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, prefix, ...rest] = pathname.split('/');
    const dir = DIRS[prefix];
    const file = dir && normalize(join(dir, ...rest));
    if (!file || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;

  const executablePath = findBrowser();
  if (!executablePath) stop('No Chrome or Chromium found: run `node scripts/browser.mjs` or set CHROME_PATH.');
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--headless=new', ...CHROMIUM_ARGS, '--lang=en-US'] });

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

  await browser.close();
  server.close();
} finally {
  if (keep) console.log(`\nKept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\n${failures ? `${failures} check(s) failed` : 'All package checks passed'} in ${seconds(started)} s.`);
process.exit(failures ? 1 : 0);
