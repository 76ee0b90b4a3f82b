// `iom-widgets fetch` (src/prerender/fetch.ts) against the recorded responses of the sector's APIs
// (test/support/recorded-apis.mjs: a local server answering their addresses; never the real APIs):
// the report file it writes, the key that never reaches it, the one-line errors, and other recorded
// responses of the same APIs read through the command (a check of our own).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchCommand } from '../../src/prerender/fetch.js';
import { validate } from '../../src/data/validate.js';
import { ReportSchema } from '../../src/report/report.data.js';
import { APPNAME, TEST_DTM_KEY, redirectFetch, saved, serveRecordedApis } from '../support/recorded-apis.mjs';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FTS = 'https://api.hpc.tools/v1/public/fts/flow?organizationAbbrev=IOM&year=2023&groupby=organization';
const RELIEFWEB = 'https://api.reliefweb.int/v2/disasters?filter[field]=status&filter[value]=ongoing&profile=list&limit=20';
const DTM = 'https://dtmapi.iom.int/v3/displacement/admin0?Admin0Pcode=HTI';
const MISSING = 'https://missingmigrants.iom.int/global-figures/2024/json';
const HDX = 'https://data.humdata.org/api/3/action/package_show?id=global-iom-dtm-from-api';
const ENV = { DTM_API_KEY: TEST_DTM_KEY, RELIEFWEB_APPNAME: APPNAME.approved };

let apis: Awaited<ReturnType<typeof serveRecordedApis>>;
let undo: () => void;
let dir: string;
before(async () => {
  apis = await serveRecordedApis();
  undo = redirectFetch(apis.base);
  dir = mkdtempSync(join(tmpdir(), 'iom-fetch-'));
});
after(async () => {
  undo();
  await apis.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `iom-widgets fetch ARGS -o FILE` with `env`: its status, what it printed, the file (parsed) if written. */
async function fetchTo(args: string[], env: Record<string, string> = ENV, out = join(dir, `${Math.random().toString(36).slice(2)}.json`)) {
  let printed = '';
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stderr.write;
  let status: number;
  try {
    status = await fetchCommand([...args, '-o', out], env);
  } finally {
    process.stderr.write = write;
  }
  let text: string | undefined;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    text = undefined;
  }
  return { status, printed, text, report: text === undefined ? undefined : (JSON.parse(text) as Json) };
}

/** Runs a fetch that must fail: its one line. */
async function failure(args: string[], env?: Record<string, string>): Promise<string> {
  const { status, printed, text } = await fetchTo(args, env);
  assert.equal(status, 1, printed);
  assert.equal(text, undefined, 'nothing written');
  assert.equal(printed.trim().split('\n').length, 1, `one line: ${printed}`);
  return printed;
}

describe('iom-widgets fetch', () => {
  it('writes one report file from the five APIs, each section with its source, the API’s date and the time read', async () => {
    const { status, printed, text, report } = await fetchTo([`donors=${FTS}`, `emergencies=${RELIEFWEB}`, `idps=${DTM}`, `missing=${MISSING}`, `haiti=${HDX}`, '--hxl-value', '#affected+idps', '--hxl-filter', '#adm1+code=', '--title', 'Live figures (fictitious test)']);
    assert.equal(status, 0, printed);
    assert.match(printed, /wrote .*\(donors, emergencies, idps, missing, haiti\)/);
    validate(ReportSchema, report);
    const r = report!;
    assert.equal(r.title, 'Live figures (fictitious test)');
    assert.equal(r.donors.currency, 'USD');
    assert.equal(r.donors.year, 2023);
    assert.deepEqual(r.donors.donors[0], { name: 'Government of Example A (fictitious)', amount: 182500000 });
    assert.equal(r.donors.source.publisher, 'OCHA');
    assert.equal(r.emergencies.emergencies[0].name, 'Examplia: Floods - Mar 2025 (fictitious)');
    assert.equal(r.emergencies.source.asOf, '2025-05-31');
    assert.equal(r.emergencies.asOf, '2025-05-31');
    assert.deepEqual(
      { value: r.idps.value, asOf: r.idps.source.asOf, year: r.idps.year, unit: r.idps.unit, label: r.idps.label.fr, publisher: r.idps.source.publisher },
      { value: 1287593, asOf: '2025-06-30', year: 2025, unit: 'people', label: 'personnes déplacées internes', publisher: 'IOM' },
    );
    assert.equal(r.missing.source.title, 'Missing Migrants Project');
    assert.equal(r.missing.year, 2024);
    assert.equal(r.haiti.source.title, 'Global IOM Displacement Tracking Matrix (DTM) from API');
    assert.equal(r.haiti.source.url, 'https://data.humdata.org/dataset/global-iom-dtm-from-api');
    for (const name of ['donors', 'emergencies', 'idps', 'missing', 'haiti']) assert.match(r[name].source.accessed, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, name);
    // The key: sent to DTM's host as a header, to no other, and written nowhere.
    const keyed = apis.requests.filter((q) => q.headers['ocp-apim-subscription-key'] !== undefined);
    assert.deepEqual(keyed.map((q) => q.host), ['dtmapi.iom.int']);
    assert.ok(!text!.includes(TEST_DTM_KEY) && !printed.includes(TEST_DTM_KEY));
    assert.ok(apis.requests.some((q) => q.host === 'api.reliefweb.int' && q.query.includes(`appname=${APPNAME.approved}`)), 'the appname from the environment');
  });

  it('takes ReliefWeb’s appname from --appname before the environment, and keeps one written in the address', async () => {
    assert.equal((await fetchTo([RELIEFWEB, '--appname', APPNAME.approved], {})).status, 0);
    assert.match(await failure([RELIEFWEB, '--appname', APPNAME.notApproved]), /403.*not approved.*apidoc\.reliefweb\.int.*--appname NAME or the environment variable RELIEFWEB_APPNAME/);
    assert.equal((await fetchTo([`${RELIEFWEB}&appname=${APPNAME.approved}`], { RELIEFWEB_APPNAME: APPNAME.notApproved })).status, 0);
  });

  it('says what to do, in one line, and writes nothing, when a source fails', async () => {
    const keep = join(dir, 'kept.json');
    writeFileSync(keep, '{"kept": true}\n');
    assert.equal((await fetchTo([FTS, RELIEFWEB], {}, keep)).status, 1);
    assert.equal(readFileSync(keep, 'utf8'), '{"kept": true}\n', 'the last good file stays');

    assert.match(await failure([`emergencies=${RELIEFWEB}`], {}), /^iom-widgets fetch: emergencies \(https:\/\/api\.reliefweb\.int\S+\): 400 .*the address has no appname.*Missing appname parameter.*request one at https:\/\/apidoc\.reliefweb\.int\/parameters#appname/);
    assert.match(await failure([RELIEFWEB], { RELIEFWEB_APPNAME: APPNAME.usedUp }), /too many requests \(429\).*1,000 calls a day per appname.*Retry later/);
    const before = apis.requests.length;
    assert.match(await failure([DTM], {}), /needs a subscription key: set the environment variable DTM_API_KEY/);
    assert.equal(apis.requests.length, before, 'no request without the key');
    const wrong = await failure([DTM], { DTM_API_KEY: 'wrong-key-5d2e' });
    assert.match(wrong, /refused the key in DTM_API_KEY \(401\)/);
    assert.ok(!wrong.includes('wrong-key-5d2e'), 'the key is not printed');
    assert.match(await failure(['https://data.humdata.org/dataset/global-iom-dtm-from-api']), /it is a web page \(HTML\), not data/);
    assert.match(await failure(['https://api.hpc.tools/v1/public/fts/flow?planId=832&groupby=cluster']), /FTS\) response has no funding by source organisation \(data\.report1\.fundingTotals\) and no flows: add groupby=organization/);
    assert.match(await failure(['https://copies/reliefweb-disasters.fictitious.json', '--widget', 'donor-ranking']), /a ReliefWeb list is read by <emergency-list>, not by <donor-ranking>/);
    assert.match(await failure(['https://copies/ckan-package-show-dtm.json', '--widget', 'stat-counter']), /needs hxl-value/);
    assert.match(await failure(['https://copies/README.md']), /not valid JSON/);
    assert.match(await failure(['https://copies/nothing-here.json']), /: 404 Not Found$/m);
    assert.match(await failure(['https://example.org/data.json']), /could not reach example\.org/);
    assert.equal((await fetchTo([])).status, 2);
    assert.equal((await fetchTo([FTS, '--hxl-aggregate', 'mean'])).status, 2);
  });

  it('knows a response whose shape changed, and names what it lacks', async () => {
    const changed = JSON.parse(readFileSync('test/fixtures/sources/reliefweb-disasters.fictitious.json', 'utf8'));
    delete changed.data[1].fields.name;
    saved.set('changed.json', JSON.stringify(changed));
    saved.set('other.json', JSON.stringify({ status: 'ok', results: [] }));
    assert.match(await failure(['https://saved/changed.json']), /the ReliefWeb response has no data\[1\]\.fields\.name/);
    assert.match(await failure(['https://saved/other.json']), /not one of the APIs this command reads.*has the API changed/);
  });
});

describe('iom-widgets fetch, other recorded responses of the same APIs (a check of our own)', () => {
  it('reads ReliefWeb’s public examples, with their links and the day they were read', async () => {
    const { status, report } = await fetchTo([`${RELIEFWEB}&preset=examples`]);
    assert.equal(status, 0);
    const list = report!.emergencies;
    assert.deepEqual(
      list.emergencies.map((e: Json) => e.name),
      ['Chad: Floods - Aug 2024', 'Tropical Cyclone Mekunu - May 2018', 'Zimbabwe: Floods - Jan 2013'],
    );
    assert.equal(list.asOf, list.source.accessed.slice(0, 10), 'no changed date in them: the list is as of the day read');
  });

  it('refuses one page of FTS flows (page 1 of 424, and the last page) with the way to ask for totals', async () => {
    for (const page of ['1', '3']) {
      assert.match(await failure([`https://api.hpc.tools/v1/public/fts/flow?locationId=171&year=2020&page=${page}`]), /one page of its flows \(\d of 424\).*groupby=organization/);
    }
  });

  it('reads DTM’s HDX tables: the admin 0 to 2 file through CKAN, Quick Charts’ file through the HXL Proxy, and a saved copy', async () => {
    const idps = ['--hxl-value', '#affected+idps', '--hxl-aggregate', 'latest'];
    const { status, printed, report } = await fetchTo([
      `hdx=${HDX}`, '--resource', 'Global IOM DTM data for admin levels 0-2', ...idps, '--hxl-filter', '#adm1+code=',
      `proxy=https://proxy.hxlstandard.org/data.csv?url=https%3A%2F%2Fdata.humdata.org%2Fdataset%2Fglobal-iom-dtm-from-api`, ...idps, '--hxl-filter', '#country+code=HTI',
      'copy=https://copies/dtm-admin-0-to-2-hti.hxl.csv', ...idps, '--hxl-filter', '#adm1+code=', '--label', 'IDPs in Haiti (recorded copy)',
    ]);
    assert.equal(status, 0, printed);
    const r = report!;
    assert.equal(r.hdx.value, r.copy.value, 'the same file, through CKAN and as a copy');
    assert.equal(r.hdx.source.publisher, 'International Organization for Migration (IOM)');
    assert.equal(r.proxy.value, 578074);
    assert.equal(r.proxy.source.asOf, '2024-05-31');
    assert.equal(r.proxy.source.url, 'https://data.humdata.org/dataset/global-iom-dtm-from-api', 'the proxy cites the table it serves');
    assert.equal(r.copy.label, 'IDPs in Haiti (recorded copy)');
    assert.equal(r.copy.source.title, 'copies');
  });

  it('writes an API’s strings as text data, and leaves out a link that is not one (javascript:)', async () => {
    const { status, report } = await fetchTo(['https://copies/reliefweb-hostile.fictitious.json']);
    assert.equal(status, 0);
    const [first, second, third] = report!.emergencies.emergencies;
    assert.equal(first.name, '<img src=x onerror="window.__hacked=1">Examplia: Floods (fictitious)', 'the name as it came: the widgets show it as text');
    assert.deepEqual([first.url, second.url, third.url], [undefined, undefined, 'https://reliefweb.int/disaster/tc-2025-000003-xxd']);
  });

  it('reads the HXL Proxy’s JSON in both styles into a list, by hashtags', async () => {
    for (const style of ['data.json', 'data.objects.json']) {
      const { status, printed } = await fetchTo([`https://proxy.hxlstandard.org/${style}?url=https%3A%2F%2Fexample.org%2Ft.csv`, '--widget', 'stat-counter', '--hxl-value', '#affected+idps', '--hxl-filter', '#country+code=HTI', '--hxl-aggregate', 'latest']);
      assert.equal(status, 0, `${style}: ${printed}`);
    }
  });
});
