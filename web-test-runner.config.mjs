import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './scripts/browser.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chrome or Chromium found: run `node scripts/browser.mjs` (installs Debian chromium as root) or set CHROME_PATH.');
}

// Test-only endpoints: /__test__/delay/<ms>/<path> answers <path> after <ms>; /__test__/hang never answers.
function testEndpoints() {
  return async (ctx, next) => {
    const delay = /^\/__test__\/delay\/(\d+)(\/.*)$/.exec(ctx.path);
    if (delay) {
      await new Promise((r) => setTimeout(r, Number(delay[1])));
      ctx.url = delay[2] + (ctx.querystring ? `?${ctx.querystring}` : '');
      return next();
    }
    if (ctx.path === '/__test__/hang') {
      await new Promise((r) => setTimeout(r, 60000));
      ctx.status = 504;
      return;
    }
    if (ctx.path === '/__test__/status/500') {
      ctx.status = 500;
      ctx.body = 'boom';
      return;
    }
    return next();
  };
}

const fullRun = !process.argv.some((a) => a === '--files' || a.startsWith('--files='));

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testEndpoints()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      },
    }),
  ],
  coverage: fullRun,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['**/node_modules/**', 'test/**'],
    threshold: fullRun ? { lines: 90, statements: 90, functions: 80, branches: 75 } : undefined,
    reportDir: 'coverage',
    report: true,
  },
  // The widgets warn once per data error, by design; the tests that provoke them check that warning.
  filterBrowserLogs: ({ type, args }) =>
    !(type === 'warn' && typeof args[0] === 'string' && /^<[a-z0-9-]+>: /.test(args[0])) &&
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
