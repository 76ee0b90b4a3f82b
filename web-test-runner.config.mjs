import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findBrowser, findFirefox } from './scripts/browser.mjs';
import { firefoxLauncher } from './scripts/firefox-launcher.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const executablePath = findBrowser();
const firefoxPath = process.env.IOM_BROWSERS === 'chromium' ? undefined : findFirefox();
if (process.env.IOM_BROWSERS !== 'chromium' && !firefoxPath) {
  console.error('No Firefox found: run `node scripts/browser.mjs` (installs firefox-esr on Debian), or set FIREFOX_PATH.');
  process.exit(1);
}
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

// Test-only endpoints for test/data-files.test.ts: /__test__/data-files lists the files in data/;
// /__test__/data-refs lists every reference to a file in data/ (with its JSON Pointer) made by the
// demo page and the stories, read from their source on this side of the wire. Each reference says
// which element reads it (the tag on its line, else the stories file's element) and whether it is
// meant to fail: inside a story whose export or name says "error" (ErrorNotFound, "…, error").
const DATA_REF = /(?:^|[^\w.~/-])((?:\.{1,2}\/|\/)*data\/[\w./-]+?\.(?:json|csv))(#[^\s"'`<>)\]]*)?/g;
const REF_FILES = /\.(?:html|ts|js|mjs|mdx?|json)$/;
const ELEMENT = /<(stat-counter|emergency-list|donor-ranking|objective-card)\b/;

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.name === 'node_modules' || d.name.startsWith('.') ? [] : d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** True when line `i` lies in a story (a top-level declaration) meant to show an error. */
function inErrorStory(lines, i) {
  for (let j = i; j >= 0; j--) {
    const m = /^(?:export\s+)?(?:const|let|var|function|class)\s+(\w+)/.exec(lines[j]);
    if (!m) continue;
    const block = lines.slice(j, i + 1).join('\n');
    return /error/i.test(m[1]) || /\bname:\s*(['"`])[^'"`]*error/i.test(block);
  }
  return false;
}

function dataReferences(files) {
  const refs = [];
  for (const file of files.filter((f) => REF_FILES.test(f) && existsSync(f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const fileElement = /(stat-counter|emergency-list|donor-ranking|objective-card)\.stories\.\w+$/.exec(file)?.[1] ?? null;
    lines.forEach((line, i) => {
      for (const m of line.matchAll(DATA_REF)) {
        const pointer = m[2] === undefined ? null : m[2].slice(1).replace(/[.,;:]+$/, '');
        refs.push({
          from: `${file}:${i + 1}`,
          file: `/data/${m[1].replace(/^(?:\.{1,2}\/|\/)*data\//, '')}`,
          pointer,
          element: ELEMENT.exec(line)?.[1] ?? fileElement,
          // `#/objectives/${i}` or the `#/…` of prose: not a pointer that can be resolved as written.
          literal: !/\$\{|…|\.\.\./.test(pointer ?? ''),
          expectsError: /\.stories\.\w+$/.test(file) && inErrorStory(lines, i),
        });
      }
    });
  }
  return refs;
}

function dataEndpoints() {
  return async (ctx, next) => {
    if (ctx.path === '/__test__/data-files') {
      const files = listFiles('data').filter((f) => !f.startsWith(join('data', 'schema')));
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        json: files.filter((f) => /^data\/[^/]+\.json$/.test(f)).map((f) => `/${f}`).sort(),
        csv: files.filter((f) => f.endsWith('.csv')).map((f) => `/${f}`).sort(),
      });
      return;
    }
    if (ctx.path === '/__test__/data-refs') {
      // ?in=test/fixtures/… scans a fixture folder instead, to test the scan itself.
      const dir = typeof ctx.query.in === 'string' ? ctx.query.in : undefined;
      if (dir !== undefined && (!dir.startsWith('test/fixtures/') || dir.includes('..'))) {
        ctx.status = 400;
        return;
      }
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(dataReferences(dir ? listFiles(dir) : ['index.html', ...listFiles('demo'), ...listFiles('stories')]));
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
  middleware: [testEndpoints(), dataEndpoints()],
  plugins: [a11ySnapshotPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      // One window per test page: headless Chrome hides every tab but the active one, and a hidden
      // page gets no animation frames, ResizeObserver callbacks or transitions, so with
      // concurrency 2 one of the two test files would stall on them.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
    // Every test file runs in Firefox too (Debian's firefox-esr; `node scripts/browser.mjs` finds or
    // installs it). IOM_BROWSERS=chromium or IOM_BROWSERS=firefox runs one of them, for a quick loop.
    ...(process.env.IOM_BROWSERS === 'chromium' ? [] : [firefoxLauncher(firefoxPath)]),
  ].filter((launcher) => process.env.IOM_BROWSERS !== 'firefox' || launcher.name === 'Firefox'),
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
    !(type === 'warn' && typeof args[0] === 'string' && /^<[a-z0-9-]+>: /.test(args[0])) &&
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), summaryReporter()],
};
