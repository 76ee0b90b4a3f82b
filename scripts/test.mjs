// `npm test`: every check CI runs, each built thing built once, independent steps side by side.
//
//   node scripts/test.mjs                 all steps
//   node scripts/test.mjs --jobs=1        one step at a time (default: as many as the machine has CPUs)
//   node scripts/test.mjs --only=lint,wtr only these steps (and nothing they need: build first)
//   node scripts/test.mjs --quick         the edit loop (`npm run test:quick`): type-check, lint, the
//                                         Node unit tests and the browser tests in Chromium only
//
// The static checks come first and fail in seconds; every other step waits for them. The library
// is built once (`build`: dist/), and every step that reads dist/ uses that build: the package is
// packed from it, the demo page built once from it. Storybook is built while the rest runs. Each
// step's output is printed in one piece when it ends; the last line is the browser tests'
// "N passed, N failed".
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const JOBS = Number(args.find((a) => a.startsWith('--jobs='))?.slice(7) ?? process.env.IOM_TEST_JOBS ?? availableParallelism());
const quick = args.includes('--quick');
const only = quick ? ['typecheck', 'lint', 'unit', 'wtr'] : args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const bin = (name) => resolve(ROOT, 'node_modules/.bin', name);
const node = (...a) => [process.execPath, ...a];
/** A Node test file of test/built/: checks of what the build wrote, in headless Chromium. */
const built = (name) => node('--test', '--test-reporter=spec', `test/built/${name}.test.mjs`);

const STATIC = ['typecheck', 'lint', 'lint-css', 'manifest', 'schemas', 'unit'];
const UNIT = readdirSync(resolve(ROOT, 'test/unit')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`);
/** The steps, in the order they start when a place is free. `needs`: steps that must pass first. */
const STEPS = [
  { name: 'typecheck', run: [bin('tsc'), '--noEmit', '-p', '.'] },
  { name: 'lint', run: [bin('eslint'), '.'] },
  { name: 'lint-css', run: node('scripts/lint-css.mjs') },
  { name: 'manifest', run: node('scripts/check-manifest.mjs'), what: 'custom-elements.json is current' },
  { name: 'schemas', run: node('scripts/schemas.mjs', '--check') },
  { name: 'unit', run: node('--import', 'tsx', '--test', '--test-reporter=spec', ...UNIT), what: 'pure logic, in Node (test/unit/)' },
  { name: 'wtr', needs: STATIC, run: [bin('wtr')], what: quick ? 'browser tests, Chromium' : 'browser tests, Chromium, Firefox and WebKit' },
  { name: 'build', needs: STATIC, run: ['npm', 'run', '--silent', 'build:lib'], what: 'dist/, once' },
  { name: 'storybook', needs: STATIC, run: [bin('storybook'), 'build', '-o', 'storybook-static', '--quiet'], env: { CI: 'true', NO_COLOR: '1' }, what: 'storybook-static/' },
  { name: 'package', needs: ['build'], run: built('package'), what: 'the tarball of dist/ in new apps' },
  { name: 'demo', needs: ['build'], run: ['npm', 'run', '--silent', 'build:demo'], what: 'dist-demo/, prerendered' },
  { name: 'stories', needs: ['storybook'], run: built('stories'), what: 'every story and docs page' },
  { name: 'demo-page', needs: ['demo'], run: built('demo'), what: 'the built demo page' },
  { name: 'capture', needs: ['demo'], run: built('capture'), what: 'captured with virtual time, counting, full-page' },
  { name: 'builder', needs: ['demo'], run: built('builder'), what: 'the embed builder: each snippet pasted into a blank page' },
  { name: 'css', needs: ['build'], run: built('css'), what: 'minified CSS: same computed styles as written' },
  { name: 'host', needs: ['build'], run: built('host-pages'), what: 'CSP, hostile theme, focus rings, forced colours, flaky network' },
  { name: 'forced', needs: ['build'], run: built('forced-colours'), what: "the donor chart in Firefox's forced colours, as pixels" },
  { name: 'print', needs: ['build'], run: built('print'), what: 'all four widgets printed to PDF (Chromium, Firefox): every figure and donor row in its text' },
  { name: 'live-data', needs: ['build'], run: built('live-data'), what: 'the scheduled `iom-widgets fetch` example, against recorded APIs' },
  { name: 'prerender', needs: ['build'], run: node('--test', 'test/prerender/prerender.test.mjs', 'test/prerender/browser.test.mjs') },
  { name: 'size', needs: ['build'], run: node('scripts/size.mjs') },
];

const steps = only ? STEPS.filter((s) => only.includes(s.name)).map((s) => ({ ...s, needs: (s.needs ?? []).filter((n) => only.includes(n)) })) : STEPS;
if (only && steps.length !== only.length) {
  console.error(`Unknown step in --only: ${only.filter((n) => !STEPS.some((s) => s.name === n)).join(', ')} (steps: ${STEPS.map((s) => s.name).join(', ')})`);
  process.exit(2);
}

const started = performance.now();
const seconds = (ms) => (ms / 1000).toFixed(1);
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '0', ...(quick ? { IOM_BROWSERS: 'chromium' } : {}) };
const state = new Map(steps.map((s) => [s.name, 'waiting'])); // waiting | running | passed | failed | skipped
const results = [];
let wtrTail = []; // the browser tests' failed tests and their count, printed again at the very end

function runStep(step) {
  state.set(step.name, 'running');
  const t = performance.now();
  return new Promise((done) => {
    const child = spawn(step.run[0], step.run.slice(1), { cwd: ROOT, env: { ...env, ...step.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', (error) => (out += `\n${error.message}\n`));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const ms = performance.now() - t;
      state.set(step.name, ok ? 'passed' : 'failed');
      results.push({ name: step.name, ok, ms, at: t - started, what: step.what });
      console.log(`\n──── ${step.name} (${step.run.slice(step.run[0] === process.execPath ? 1 : 0).join(' ').replace(ROOT + '/', '')}) ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds(ms)} s`);
      process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      if (step.name === 'wtr') {
        const lines = out.trim().split('\n');
        wtrTail = [...lines.filter((l) => l.startsWith('Failed: ')), lines.at(-1) ?? ''];
      }
      done();
    });
  });
}

// Start whatever may start, up to JOBS at once, until nothing is left.
await new Promise((finish) => {
  const tick = () => {
    for (const step of steps) {
      if (state.get(step.name) !== 'waiting') continue;
      const needs = step.needs ?? [];
      if (needs.some((n) => ['failed', 'skipped'].includes(state.get(n)))) {
        state.set(step.name, 'skipped');
        results.push({ name: step.name, ok: false, ms: 0, skipped: true, what: `not run: ${needs.filter((n) => ['failed', 'skipped'].includes(state.get(n))).join(', ')} failed` });
        continue;
      }
      if (!needs.every((n) => state.get(n) === 'passed')) continue;
      if ([...state.values()].filter((s) => s === 'running').length >= JOBS) break;
      runStep(step).then(tick);
    }
    if (![...state.values()].some((s) => s === 'waiting' || s === 'running')) finish();
  };
  tick();
});

const failed = results.filter((r) => !r.ok);
console.log(`\n──── npm test: ${results.length - failed.length}/${results.length} steps passed in ${seconds(performance.now() - started)} s (${JOBS} at a time)`);
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : r.skipped ? 'skip' : 'FAIL'} ${r.name.padEnd(10)} ${r.skipped ? ''.padEnd(22) : `${seconds(r.ms).padStart(6)} s (from ${seconds(r.at).padStart(5)} s)`}${r.what ? `  ${r.what}` : ''}`);
// Which browser tests failed, then their count as the last line, for CI to read.
if (wtrTail.length) console.log(`\n${wtrTail.join('\n')}`);
process.exit(failed.length ? 1 : 0);
