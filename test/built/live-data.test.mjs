// The scheduled job of docs/examples/live-data/ (docs/sources.md), its commands run as written in a
// copy of its site, with the package's `iom-widgets` command (bin/, dist/: after `npm run build:lib`),
// against the recorded responses of the APIs (test/support/recorded-apis.mjs: never the real ones).
// It writes the snapshot, the key reaches neither the file, nor the log, nor the page, and the
// prerender writes the snapshot's figures into the page.
//   node --test test/built/live-data.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APPNAME, TEST_DTM_KEY, serveRecordedApis } from '../support/recorded-apis.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'docs/examples/live-data');
const workflow = readFileSync(join(EXAMPLE, 'live-data.yml'), 'utf8');

/**
 * The steps of the workflow that run a command (`run:`, on one line or as a `|` block), each with the
 * names of its `env:`. (The workflow is ours: its steps are `      - ` items, their keys 8 spaces in.)
 */
function runSteps(yaml) {
  const steps = yaml.split(/\n {6}- /).slice(1);
  return steps.flatMap((step) => {
    const lines = `        ${step}`.split('\n');
    const at = lines.findIndex((l) => /^ {8}run: /.test(l));
    if (at < 0) return [];
    const head = lines[at].replace(/^ {8}run: /, '');
    const body = head === '|' ? lines.slice(at + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('          ') || x === '')).map((l) => l.slice(10)).join('\n') : head;
    const envAt = lines.findIndex((l) => l === '        env:');
    const env = envAt < 0 ? [] : lines.slice(envAt + 1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('          '))).map((l) => l.trim().split(':')[0]);
    return [{ run: body.trim(), env }];
  });
}

describe('the scheduled job of docs/examples/live-data', () => {
  let apis;
  let site;
  const log = [];
  before(async () => {
    apis = await serveRecordedApis();
    // The site's repository after `npm ci`: its pages, and iom-widgets installed.
    site = mkdtempSync(join(tmpdir(), 'iom-live-data-'));
    cpSync(join(EXAMPLE, 'site'), join(site, 'site'), { recursive: true });
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, devDependencies: { 'iom-widgets': '*' } }));
    mkdirSync(join(site, 'node_modules/.bin'), { recursive: true });
    symlinkSync(ROOT, join(site, 'node_modules/iom-widgets'));
    symlinkSync(join(ROOT, 'bin/iom-widgets.js'), join(site, 'node_modules/.bin/iom-widgets'));
    const steps = runSteps(workflow).filter((s) => s.run.includes('iom-widgets'));
    assert.equal(steps.length, 2, 'the fetch and the prerender');
    // The values the repository's settings give (secrets.DTM_API_KEY, vars.RELIEFWEB_APPNAME).
    const settings = { DTM_API_KEY: TEST_DTM_KEY, RELIEFWEB_APPNAME: APPNAME.approved };
    for (const step of steps) {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_offline: 'true', IOM_RECORDED_APIS: apis.base, NODE_OPTIONS: `--import ${join(ROOT, 'test/support/recorded-apis.mjs')}` };
      for (const name of step.env) env[name] = settings[name];
      // (Not spawnSync: the recorded APIs answer from this process.)
      const child = spawn('bash', ['-e', '-c', step.run], { cwd: site, env, timeout: 25000 });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      const status = await new Promise((done) => child.on('close', done));
      log.push({ step: step.run.split('\n')[0], status, output });
    }
  });
  after(async () => {
    await apis.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('runs as written: each step exits 0', () => {
    for (const { step, status, output } of log) assert.equal(status, 0, `${step}\n${output}`);
  });

  it('writes the snapshot beside the pages, each figure with its source, its date and the time read', () => {
    const report = JSON.parse(readFileSync(join(site, 'site/data/live.json'), 'utf8'));
    assert.equal(report.title, 'Live figures');
    assert.deepEqual(Object.keys(report).slice(2), ['donors', 'emergencies', 'idps', 'missing']);
    assert.equal(report.donors.year, 2024);
    assert.equal(report.idps.value, 1287593);
    assert.equal(report.idps.source.asOf, '2025-06-30');
    for (const name of ['donors', 'emergencies', 'idps', 'missing']) assert.match(report[name].source.accessed, /^\d{4}-\d\d-\d\dT/, name);
  });

  it('sends the key to the DTM API alone, as a header, and never writes or prints it', () => {
    const keyed = apis.requests.filter((r) => r.headers['ocp-apim-subscription-key'] === TEST_DTM_KEY);
    assert.deepEqual(keyed.map((r) => `${r.host}${r.path}`), ['dtmapi.iom.int/v3/displacement/admin0']);
    assert.ok(apis.requests.every((r) => !r.query.includes(TEST_DTM_KEY)), 'not in an address');
    assert.ok(apis.requests.some((r) => r.host === 'api.reliefweb.int' && r.query.includes(`appname=${APPNAME.approved}`)), 'ReliefWeb got the appname');
    assert.ok(!readFileSync(join(site, 'site/data/live.json'), 'utf8').includes(TEST_DTM_KEY), 'not in the snapshot');
    assert.ok(!readFileSync(join(site, 'site/index.html'), 'utf8').includes(TEST_DTM_KEY), 'not in the page');
    assert.ok(log.every(({ output }) => !output.includes(TEST_DTM_KEY)), 'not in the log');
  });

  it('lets the prerender write the snapshot’s figures and dates into the page', () => {
    const html = readFileSync(join(site, 'site/index.html'), 'utf8');
    assert.ok(!html.includes('could not show its data'), 'no error box');
    assert.match(html, /1\.29 million/, 'the IDPs, compact');
    assert.match(html, /internally displaced people/);
    assert.match(html, /as of June 30, 2025/, 'the API’s reporting date');
    assert.match(html, /Government of Example A \(fictitious\)/);
    assert.match(html, /Examplia: Floods - Mar 2025 \(fictitious\)/);
    assert.match(log.at(-1).output, /4 widgets written/);
  });
});
