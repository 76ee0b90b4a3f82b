import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findBrowser, findFirefox, findWebKit } from './scripts/browser.mjs';
import { failRequestPlugin } from './scripts/fail-request-plugin.mjs';
import { firefoxLauncher } from './scripts/firefox-launcher.mjs';
import { inputPlugin } from './scripts/input-plugin.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { testEndpoints } from './scripts/test-endpoints.mjs';
import { webkitLauncher, windowViewportPlugin } from './scripts/webkit-launcher.mjs';

// The engines to run in: all three, or those IOM_BROWSERS names (`chromium`, `firefox`, `webkit`,
// or several with commas), for a quick loop. `node scripts/browser.mjs` finds or installs them.
const ENGINES = (process.env.IOM_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim());
const BROWSERS = {
  chromium: () => findBrowser(),
  firefox: () => findFirefox(),
  webkit: () => findWebKit(),
};
const found = Object.fromEntries(ENGINES.map((engine) => [engine, BROWSERS[engine]?.()]));
const missing = ENGINES.filter((engine) => !found[engine]);
if (missing.length) {
  console.error(`No ${missing.join(', ')} found: run \`node scripts/browser.mjs\` (on Debian, as root, it installs them), or set IOM_BROWSERS to the engines you have.`);
  process.exit(1);
}

const failRequests = failRequestPlugin();

const fullRun = !process.argv.some((a) => a === '--files' || a.startsWith('--files='));

export default {
  // test/unit/ runs in Node (`npm run test:unit`): pure logic needs no browser.
  files: ['test/**/*.test.ts', '!test/unit/**'],
  // Lit's production build, the one the library ships with and its users run: its development
  // build only adds console warnings that no test reads, and costs a tenth of the browsers' time.
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  // One test page per CPU (two here): each page's browser gets a core of its own.
  concurrency: Math.max(1, availableParallelism()),
  testsFinishTimeout: 10 * 60 * 1000,
  // A guard against a test that hangs, not a measure of speed: no test asserts on how long anything
  // takes. The few tests that wait for chart.js or a list of 1,000 to arrive allow 30 s, no more.
  testFramework: { config: { timeout: 15_000 } },
  // Tests read what a page downloaded (performance.getEntriesByType('resource')): the browser's
  // default buffer holds 250 entries, fewer than a test page's modules, and drops the rest.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>performance.setResourceTimingBufferSize(100000);</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [testEndpoints(), failRequests.middleware],
  // esbuild strips the types from the .ts files and leaves the syntax as written ('esnext'). Any
  // other target would run every .js file too (Lit, mocha, chai…) through esbuild, with an inline
  // source map each: 2.5 MB for a test page of 0.9, parsed again for each of the 34 test pages.
  plugins: [a11ySnapshotPlugin(), failRequests, windowViewportPlugin(), inputPlugin(), esbuildPlugin({ ts: true, target: 'esnext', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    found.chromium &&
      chromeLauncher({
        // One window per test page: headless Chrome hides every tab but the active one, and a hidden
        // page gets no animation frames, ResizeObserver callbacks or transitions, so with
        // concurrency 2 one of the two test files would stall on them.
        createPage: ({ context }) => context.newPage({ type: 'window' }),
        launchOptions: { executablePath: found.chromium, headless: true, args: CHROMIUM_ARGS },
      }),
    found.firefox && firefoxLauncher(found.firefox),
    found.webkit && webkitLauncher(found.webkit),
  ].filter(Boolean),
  coverage: fullRun,
  coverageConfig: {
    include: ['src/**/*.ts'],
    // src/prerender/ runs in Node (test/prerender/), never in the browser.
    exclude: ['**/node_modules/**', 'test/**', 'src/prerender/**'],
    threshold: fullRun ? { lines: 90, statements: 90, functions: 80, branches: 75 } : undefined,
    reportDir: 'coverage',
    report: true,
  },
  // The widgets warn once per data error, by design; the tests that provoke them check that warning.
  filterBrowserLogs: ({ type, args }) =>
    !(type === 'warn' && typeof args[0] === 'string' && /^<[a-z0-9-]+>: /.test(args[0])),
  reporters: [defaultReporter(), summaryReporter()],
};
