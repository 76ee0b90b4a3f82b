// Story smoke test: builds Storybook (offline), serves it, opens every story in headless Chromium
// and fails on a console error, a page error, a widget that rendered nothing, or an axe violation.
// Docs pages are opened too and must load without errors. Then the same for the demo report page
// (built with `vite build --mode demo` and served under a sub-path, as when it is published), in
// English and, through its language switch, in Arabic.
//
//   node scripts/test-stories.mjs                 build, then test every story
//   node scripts/test-stories.mjs --no-build      test the existing storybook-static/ and dist-demo/
//   node scripts/test-stories.mjs --build-only    only build storybook-static/ (npm test builds the
//                                                 demo page once, in build:demo, and then runs --no-build)
//   node scripts/test-stories.mjs --filter=donor  only the stories whose id contains "donor"
//   node scripts/test-stories.mjs --no-demo       the stories and docs pages only
//   node scripts/test-stories.mjs --demo-only     the demo page only (npm test runs the two apart,
//                                                 so the stories need not wait for the library build)
//   node scripts/test-stories.mjs --verbose       also print the expected warnings of each story
//
// Widgets that show an error state on purpose log their own warning (console.warn "<tag>: …"):
// in a story whose name says "error" that is expected; in any other story it fails (it means the
// story's data is wrong). Stories tagged `http-error` may also log the browser's own "Failed to
// load resource" error for the request they expect to fail.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './browser.mjs';
import { serveStatic } from './static-server.mjs';
import { TAGS as WIDGETS } from './tags.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'storybook-static');
const CONCURRENCY = Number(process.env.STORY_CONCURRENCY ?? 4);
// How long to wait for a story, a docs page or the demo page to show (generous: npm test runs other
// browsers beside this one on a 2-core machine). An outcome, not a duration, is what is checked.
const STORY_TIMEOUT = 60_000;

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const buildOnly = args.includes('--build-only');
const demoOnly = args.includes('--demo-only');
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
const verbose = args.includes('--verbose');
const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

function fail(message) {
  console.error(message);
  process.exit(1);
}

// 1. Build.
if (!skipBuild && !demoOnly) {
  const t = performance.now();
  console.log('Building Storybook (storybook build -o storybook-static --quiet)…');
  const result = spawnSync(join(ROOT, 'node_modules/.bin/storybook'), ['build', '-o', 'storybook-static', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true', NO_COLOR: '1' },
  });
  // The build's own output (chunk sizes…) only matters when it fails.
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`Storybook build failed (exit ${result.status ?? result.signal}).`);
  }
  console.log(`Built in ${seconds(t)} s.`);
  if (buildOnly) process.exit(0);
}
if (!demoOnly && !existsSync(join(OUT, 'index.json'))) fail('storybook-static/index.json not found: build Storybook first (drop --no-build).');

const DEMO = join(ROOT, 'dist-demo');
const checkDemo = !args.includes('--no-demo') && (!filter || 'demo'.includes(filter));
if (checkDemo && !skipBuild) {
  const t = performance.now();
  const result = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', 'demo', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`Demo page build failed (exit ${result.status ?? result.signal}).`);
  }
  // As published (npm run build:demo): with its widgets prerendered, when the command is built.
  if (existsSync(join(ROOT, 'dist/cli.js'))) {
    const page = join(DEMO, 'index.html');
    const pre = spawnSync(process.execPath, [join(ROOT, 'bin/iom-widgets.js'), 'prerender', page, '-o', page, '--strict'], { cwd: ROOT, encoding: 'utf8' });
    if (pre.status !== 0) {
      process.stderr.write(pre.stderr ?? '');
      fail(`Prerendering the demo page failed (exit ${pre.status ?? pre.signal}).`);
    }
  }
  console.log(`Built the demo page in ${seconds(t)} s.`);
}
if (checkDemo && !existsSync(join(DEMO, 'index.html'))) fail('dist-demo/index.html not found: build the demo page first (drop --no-build).');

// 2. Serve storybook-static on a free local port, and the demo page under a sub-path.
// Published somewhere below the site root, as on a real site: its URLs must all be relative.
const DEMO_PATH = '/published/iom-report/';
// Storybook's hashed assets and axe may be cached (and their compiled code with them) across pages.
const AXE_PATH = '/__axe/';
const server = await serveStatic({ '/': OUT, [DEMO_PATH]: DEMO, [AXE_PATH]: join(ROOT, 'node_modules/axe-core') }, (pathname) =>
  pathname.startsWith('/assets/') || pathname.startsWith(AXE_PATH) ? { 'cache-control': 'max-age=3600, immutable' } : {},
);
const { base } = server;

// 3. The stories (and docs pages) from index.json.
const index = demoOnly ? { entries: {} } : JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !filter || e.id.includes(filter));
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');
if (stories.length === 0 && !checkDemo) fail(filter ? `No story id contains "${filter}".` : 'Storybook has no stories.');

// 4. Open each one in headless Chromium.
const browser = await launchChromium(['--lang=en-US']).catch((error) => fail(error.message));
/** Puts axe-core in the page (from a URL, so its compiled code is cached between pages). */
const addAxe = (page) => page.addScriptTag({ url: `${base}${AXE_PATH}axe.min.js` });

// In the page: every widget in the story, including those inside other widgets' shadow roots
// (objective-card draws its figures with <stat-counter>).
const FIND_WIDGETS = `(tags) => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (tags.includes(el.localName)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  const story = document.querySelector('#storybook-root');
  if (story) walk(story);
  return found;
}`;

/** Waits for Storybook to show the story, then for every widget to settle (or to hold its loading state). */
async function settle(page, entry) {
  // (Shown by a switch within the page: the render must be this story's.)
  await page.waitForFunction((id) => window.__STORYBOOK_PREVIEW__?.currentRender?.id === id, { timeout: STORY_TIMEOUT, polling: 20 }, entry.id);
  await page.waitForFunction(
    () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay') || document.body.classList.contains('sb-show-nopreview'),
    { timeout: STORY_TIMEOUT },
  );
  const storybookError = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message, .sb-errordisplay')?.textContent?.trim() || 'error display shown' : undefined,
  );
  if (storybookError) return [`Storybook could not render the story: ${storybookError.slice(0, 400)}`];
  // Then for its play function, if any, to have run.
  await page.waitForFunction(
    () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return phase === undefined || ['completed', 'finished', 'errored', 'aborted'].includes(phase);
    },
    { timeout: STORY_TIMEOUT, polling: 50 },
  );
  if ((await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase)) === 'errored') return ['the story or its play function threw'];
  const holdsLoading = entry.tags?.includes('loading');
  try {
    await page.waitForFunction(
      (find, tags, holds) => {
        const els = new Function(`return ${find}`)()(tags);
        return els.every((el) => el.shadowRoot && el.updateComplete !== undefined && (holds || el.status !== 'loading'));
      },
      { timeout: STORY_TIMEOUT, polling: 50 },
      FIND_WIDGETS,
      WIDGETS,
      !!holdsLoading,
    );
  } catch {
    return [`a widget was still loading after ${STORY_TIMEOUT / 1000} s (tag the story "loading" if that is the point)`];
  }
  // Let pending renders, count-up animations' first frame and late console output happen.
  await page.evaluate(
    async (find, tags) => {
      const els = new Function(`return ${find}`)()(tags);
      await Promise.all(els.map((el) => el.updateComplete));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    },
    FIND_WIDGETS,
    WIDGETS,
  );
  return [];
}

/**
 * Shows a story as Storybook's own sidebar does: the first one by loading iframe.html, each next one
 * by asking the preview already in the page to switch (its SET_CURRENT_STORY event), which unmounts
 * the last story and renders the new one. The page keeps Storybook's runtime and axe compiled, so a
 * story costs its own render and checks, not a new document.
 */
async function show(page, entry) {
  const live = await page.evaluate(() => !!window.__STORYBOOK_ADDONS_CHANNEL__ && !!window.__STORYBOOK_PREVIEW__?.currentRender).catch(() => false);
  if (live) {
    await page.evaluate((id) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' }), entry.id);
    return;
  }
  // The a11y addon's own automatic run is switched off (this script runs axe itself, on every story).
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=a11y.manual:!true`;
  await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT });
}

/** The console text, with the URL when it is the browser's own "Failed to load resource". */
function resourceText(msg) {
  const text = msg.text();
  return text.startsWith('Failed to load resource') && msg.location()?.url ? `${text}: ${msg.location().url}` : text;
}

/**
 * axe's violations in what `selector` matches, one line each (axe is put in the page when not there
 * yet), without the `rules` turned off.
 */
async function axeProblems(page, selector, rules = {}) {
  if (!(await page.evaluate(() => !!window.axe))) await addAxe(page);
  const violations = await page.evaluate(async (selector, rules) => {
    if (!document.querySelector(selector)) return [{ id: 'nothing-to-check', impact: 'serious', help: `no ${selector} in the page`, nodes: [] }];
    // Should anything else be running axe in the page, wait for it to finish.
    let result;
    for (let attempt = 0; !result; attempt++) {
      try {
        result = await window.axe.run({ include: [...document.querySelectorAll(selector)] }, { resultTypes: ['violations'], rules });
      } catch (error) {
        if (attempt > 50 || !/already running/i.test(error.message)) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' > ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`),
    }));
  }, selector, rules);
  return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help}\n        ${v.nodes.join('\n        ')}`);
}

async function checkStory(entry, page) {
  const problems = [];
  const warnings = [];
  await page.setViewport({ width: 1280, height: 900 });
  // (The page is reused: '' puts the browser's own value back.)
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: entry.tags?.includes('reduced-motion') ? 'reduce' : '' }]);
  const allowHttpError = entry.tags?.includes('http-error');
  const showsError = /error/i.test(entry.name) || entry.tags?.includes('expected-warning');
  const unlisten = listen(page, (msg) => {
    const text = resourceText(msg);
    if (msg.type() === 'error') {
      if (allowHttpError && text.startsWith('Failed to load resource')) warnings.push(`expected: ${text}`);
      else problems.push(`console.error: ${text}`);
    } else if (msg.type() === 'warn') {
      // A widget's own warning ("<tag>: …") is part of an error state, so it is expected in a story
      // that shows an error (its name says so); in any other story it points at bad data.
      if (/^<[a-z]+-[a-z-]+>: /.test(text) && showsError) warnings.push(text);
      else problems.push(`console.warn: ${text}`);
    }
  }, (error) => problems.push(`page error: ${error.message}`));
  try {
    const t0 = performance.now();
    await show(page, entry);
    const t1 = performance.now();
    problems.push(...(await settle(page, entry)));
    const holdsLoading = entry.tags?.includes('loading');
    const t2 = performance.now();
    if (process.env.STORY_TIMING) console.log(`   goto ${(t1 - t0).toFixed(0)} ms, settle ${(t2 - t1).toFixed(0)} ms`);
    if (problems.length === 0) {
      const render = await page.evaluate(
        (find, tags) => {
          const els = new Function(`return ${find}`)()(tags);
          return {
          count: els.length,
          empty: els.filter((el) => !el.shadowRoot || (el.shadowRoot.childElementCount === 0 && !el.shadowRoot.textContent.trim())).map((el) => el.localName),
          unregistered: els.filter((el) => !customElements.get(el.localName)).map((el) => el.localName),
            notLoading: els.filter((el) => el.status !== 'loading').map((el) => `<${el.localName}> is ${el.status}`),
            // An error box, a note on an attribute it ignored, or the chart's note over its table.
            showingErrors: els.filter((el) => el.status === 'error' || el.shadowRoot?.querySelector('[part~="error"], [part~="attribute-warning"], [part~="note"]')).length,
          };
        },
        FIND_WIDGETS,
        WIDGETS,
      );
      if (render.count === 0) problems.push('no widget in the story');
      for (const tag of new Set(render.unregistered)) problems.push(`<${tag}> is not registered`);
      for (const tag of new Set(render.empty)) problems.push(`<${tag}> rendered nothing (empty shadow root)`);
      if (holdsLoading) for (const state of render.notLoading) problems.push(`a loading story, but ${state}`);
      // A story named for an error shows one (its warnings were let through for it).
      if (showsError && !render.showingErrors) problems.push('the story is named for an error, but no widget shows one');
      problems.push(...(await axeProblems(page, '#storybook-root')));
      if (process.env.STORY_TIMING) console.log(`   checks ${(performance.now() - t2).toFixed(0)} ms`);
    }
  } catch (error) {
    problems.push(`could not open the story: ${error.message.split('\n')[0]}`);
  } finally {
    unlisten();
    // After a failure the next story starts from a new document, so nothing of this one reaches it.
    if (problems.length) await leave(page, () => undefined);
  }
  return { entry, problems, warnings };
}

async function checkDocs(entry, page) {
  const problems = [];
  // A docs page shows every story of its file, so it may hold the http-error stories' requests.
  const allowHttpError = Object.values(index.entries).some((s) => s.importPath === entry.importPath && s.tags?.includes('http-error'));
  const unlisten = listen(
    page,
    (msg) => {
      const text = resourceText(msg);
      if (msg.type() === 'error' && !(allowHttpError && text.startsWith('Failed to load resource'))) problems.push(`console.error: ${text}`);
    },
    (error) => problems.push(`page error: ${error.message}`),
  );
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load', timeout: STORY_TIMEOUT });
    await page.waitForFunction(() => document.querySelector('#storybook-docs .sbdocs-content') || document.body.classList.contains('sb-show-errordisplay'), {
      timeout: STORY_TIMEOUT,
    });
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) problems.push('the docs page did not render');
    // Let the stories embedded in the page load their data and report any error.
    await page.waitForNetworkIdle({ idleTime: 300, timeout: STORY_TIMEOUT }).catch(() => undefined);
    // The page's stories (or, for a page of prose, its content). Two rules judge how a page puts its
    // parts together, here several stories on one page: the order of headings across them, and one
    // name per landmark. Each story, on its own page, is checked against them above.
    const stories = await page.evaluate(() => !!document.querySelector('#storybook-docs .docs-story'));
    const composition = { 'heading-order': { enabled: false }, 'landmark-unique': { enabled: false } };
    problems.push(...(await axeProblems(page, stories ? '#storybook-docs .docs-story' : '#storybook-docs .sbdocs-content', composition)));
  } catch (error) {
    problems.push(`could not open the docs page: ${error.message.split('\n')[0]}`);
  } finally {
    await leave(page, unlisten);
  }
  return { entry, problems, warnings: [] };
}

/**
 * Runs `check(item, page)` over `items`, CONCURRENCY at a time. Each worker keeps one page (a new
 * page per story costs a renderer process): `leave` takes it back to about:blank between items, so
 * each story still gets a document, and console, of its own.
 */
async function runAll(items, check) {
  const results = [];
  let next = 0;
  async function worker() {
    // A window of its own: headless Chromium hides every tab but the active one, and a hidden page
    // gets no animation frames (a count-up, or the settle step's frames, would stall).
    const page = await browser.newPage({ type: 'window' });
    while (next < items.length) {
      const item = items[next++];
      const result = await check(item, page);
      results.push(result);
      const mark = result.problems.length ? 'FAIL' : 'ok  ';
      console.log(`${mark} ${item.title} › ${item.name}`);
      for (const p of result.problems) console.log(`     - ${p}`);
      if (verbose) for (const w of result.warnings) console.log(`     (warning) ${w}`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

/** Listens to the page's console (`onConsole`) and page errors (`onError`) until the returned function is called. */
function listen(page, onConsole, onError) {
  page.on('console', onConsole);
  page.on('pageerror', onError);
  return () => {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  };
}

/** Stops listening and unloads the item's document, so nothing of it reaches the next item. */
async function leave(page, unlisten) {
  unlisten();
  await page.goto('about:blank').catch(() => undefined);
}

/**
 * The demo report page: no console error, every widget ready (none loading, in error or empty),
 * no axe violation on the whole page, and the language switch turns it into Arabic, right to left.
 */
async function checkDemoPage() {
  const problems = [];
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warn') problems.push(`console.${msg.type()}: ${resourceText(msg)}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const widgetStates = () =>
    page.evaluate(
      (find, tags) => {
        const els = new Function(`return ${find}`)()(tags);
        return { count: els.length, notReady: els.filter((el) => el.status !== 'ready').map((el) => `<${el.localName}${el.src ? ` src="${el.src}"` : ''}> is ${el.status}`) };
      },
      FIND_WIDGETS.replace("'#storybook-root'", "'main'"),
      WIDGETS,
    );
  const settled = async () => {
    try {
      await page.waitForFunction(
        (find, tags) => new Function(`return ${find}`)()(tags).every((el) => el.shadowRoot && el.status !== 'loading' && el.status !== 'idle'),
        { timeout: STORY_TIMEOUT, polling: 100 },
        FIND_WIDGETS.replace("'#storybook-root'", "'main'"),
        WIDGETS,
      );
    } catch {
      const stuck = await page.evaluate(
        (find, tags) =>
          new Function(`return ${find}`)()(tags)
            .filter((el) => !el.shadowRoot || el.status === 'loading' || el.status === 'idle')
            .map((el) => `<${el.localName}> ${customElements.get(el.localName) ? `is still ${el.status}` : 'is not registered (is it imported by src/index.ts?)'}`),
        FIND_WIDGETS.replace("'#storybook-root'", "'main'"),
        WIDGETS,
      );
      throw new Error(`widgets did not settle in ${STORY_TIMEOUT / 1000} s: ${[...new Set(stuck)].join(', ')}`);
    }
  };
  const axe = async (label) => {
    await addAxe(page);
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')})`));
    for (const v of violations) problems.push(`axe (${label}) ${v}`);
  };
  try {
    await page.goto(`${base}${DEMO_PATH}`, { waitUntil: 'load', timeout: STORY_TIMEOUT });
    await settled();
    const states = await widgetStates();
    if (states.count < 10) problems.push(`only ${states.count} widgets on the page`);
    problems.push(...states.notReady);
    for (const tag of WIDGETS) {
      if (!(await page.evaluate((t) => !!document.querySelector(`main ${t}`), tag))) problems.push(`no <${tag}> on the page`);
    }
    const listings = await page.evaluate(() => [...document.querySelectorAll('[data-code-for]')].map((c) => [c.dataset.codeFor, c.textContent]));
    for (const [id, text] of listings) if (!/<[a-z]+-[a-z-]+[\s>]/.test(text)) problems.push(`the HTML of section ${id} shows no widget markup`);
    await axe('English');
    await page.select('#language-switch', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar', { timeout: 5000 });
    const arabic = await page.evaluate(() => ({ title: document.querySelector('h1')?.textContent ?? '', locale: document.querySelector('main stat-counter, main donor-ranking')?.resolvedLocale }));
    if (!/[\u0600-\u06FF]/.test(arabic.title)) problems.push(`the language switch left the heading in English ("${arabic.title}")`);
    if (arabic.locale !== 'ar') problems.push(`after the language switch a widget formats for "${arabic.locale}", not ar`);
    await page.select('#theme-switch', 'dark');
    await settled();
    problems.push(...(await widgetStates()).notReady);
    await axe('Arabic, dark');
  } catch (error) {
    problems.push(`could not check the demo page: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  const result = { entry: { id: 'demo page', title: 'demo page', name: DEMO_PATH }, problems, warnings: [] };
  console.log(`${problems.length ? 'FAIL' : 'ok  '} demo page (English; Arabic, dark)`);
  for (const p of problems) console.log(`     - ${p}`);
  return result;
}

const t = performance.now();
let storyResults = [];
let docsResults = [];
const demoResults = [];
try {
  console.log(`\nOpening ${stories.length} stories and ${docs.length} docs pages (${CONCURRENCY} at a time)…`);
  storyResults = await runAll(stories, checkStory);
  const docsStarted = performance.now();
  docsResults = await runAll(docs, checkDocs);
  if (docs.length) console.log(`(stories: ${((docsStarted - t) / 1000).toFixed(1)} s; docs pages: ${seconds(docsStarted)} s)`);
  if (checkDemo) demoResults.push(await checkDemoPage());
} finally {
  await browser.close();
  await server.close();
}

const failed = [...storyResults, ...docsResults, ...demoResults].filter((r) => r.problems.length);
const warned = storyResults.reduce((n, r) => n + r.warnings.length, 0);
console.log(`\nChecked in ${seconds(t)} s; ${warned} expected widget warning(s) from error-state stories.`);
if (failed.length) {
  console.log(`\nFailures:`);
  for (const r of failed) {
    console.log(`  ${r.entry.id}`);
    for (const p of r.problems) console.log(`     - ${p}`);
  }
}
const okStories = storyResults.filter((r) => !r.problems.length).length;
const okDocs = docsResults.filter((r) => !r.problems.length).length;
const demo = checkDemo ? `; demo page: ${demoResults[0]?.problems.length ? 'failed' : 'passed'}` : '';
console.log(`\nStories: ${okStories}/${stories.length} passed; docs pages: ${okDocs}/${docs.length} passed${demo}; total ${seconds(started)} s.`);
process.exit(failed.length ? 1 : 0);
