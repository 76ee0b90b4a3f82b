// The sector's APIs (src/data/sources/): each recorded response (test/fixtures/sources/, notes in its
// README) read into its widget by shape, whatever the address; what a widget says when a response is
// not what it reads; and the errors that tell the webmaster what to do.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import type { DataShape, SourceRequest } from '../src/data/data-state.js';
import { DataError } from '../src/data/errors.js';
import { clearDataCache, fetchDocument } from '../src/data/fetch-cache.js';
import { prepare, readData, shapes } from '../src/data/reader.js';
import { fresh, part, parts, settled, shadowText, text } from './support/dom.js';

const DIR = '/test/fixtures/sources/';
const json = async (file: string): Promise<unknown> => (await fetch(DIR + file)).json();
const abs = (path: string) => new URL(path, location.href).href;
type Shape = DataShape<unknown>;

const load = (url: string, shown: string) => fetchDocument(url, shown, new AbortController().signal, 15000);

/** What the reader makes of a recorded response for `shape`, read as if from `url` (an address of the API's), as a widget reads `src`. */
async function read(shape: Shape, raw: unknown, url = abs(DIR), request: SourceRequest = {}): Promise<Record<string, unknown>> {
  return readData(shape, await prepare(shape, raw, { url, request, load }), { url, request }) as Record<string, unknown>;
}

/** The message of what `run` rejects with (a DataError of `kind`). */
async function failure(run: () => Promise<unknown>, kind?: DataError['kind']): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(DataError);
    if (kind) expect((error as DataError).kind, (error as Error).message).to.equal(kind);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

async function widget<E extends IomElement<unknown>>(markup: string): Promise<E> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = markup;
  const el = host.firstElementChild as E;
  return settled(el);
}
const errorOf = (el: Element) => text(part(el, 'error'));

describe('the sector\'s APIs, read by the shape of their responses', () => {
  beforeEach(() => clearDataCache());

  describe('OCHA FTS → donor-ranking', () => {
    it('reads the donors of a groupby=organization response, largest first, in USD, with the year of the address', async () => {
      const data = await read(shapes.donorRanking, await json('fts-flow-groupby-organization.fictitious.json'), 'https://api.hpc.tools/v1/public/fts/flow?organizationAbbrev=IOM&year=2023&groupby=organization');
      expect(data.currency).to.equal('USD');
      expect(data.year).to.equal(2023);
      expect(data.order).to.equal('rank');
      const donors = data.donors as { name: string; amount: number }[];
      expect(donors.map((d) => d.name)).to.deep.equal([
        'Government of Example A (fictitious)',
        'Example Fund B (fictitious)',
        'Government of Example C (fictitious)',
        'Example Foundation D (fictitious)',
        'Government of Example E (fictitious)',
      ]);
      expect(donors[0].amount).to.equal(182500000);
      // All of FTS's total (shared funding and "Not specified" included), for each donor's share.
      expect(data.total).to.equal(182500000 + 96000000 + 54250000 + 12000000 + 7300000 + 1500000 + 2400000);
      expect(data.source).to.deep.equal({ title: 'Financial Tracking Service (FTS)', publisher: 'OCHA', url: 'https://fts.unocha.org/', year: 2023 });
    });

    it('is read from its address, not from the page: given inline, it says so', async () => {
      const message = await failure(async () => readData(shapes.donorRanking, await json('fts-flow-groupby-organization.fictitious.json')), 'source');
      expect(message).to.equal('an OCHA FTS response is read from its address: put the address (or a saved copy\'s) in src (see docs/sources.md)');
    });

    it('reads the same response from any host (a proxy, a mirror, a saved copy)', async () => {
      const raw = await json('fts-flow-groupby-organization.fictitious.json');
      const here = await read(shapes.donorRanking, raw, abs(`${DIR}fts.json`));
      expect((here.donors as unknown[]).length).to.equal(5);
      expect(here.year).to.equal(undefined);
    });

    it('adds up a response of all its flows by source organisation, incoming flows only', async () => {
      const data = await read(shapes.donorRanking, await json('fts-flow-all-flows.fictitious.json'));
      expect(data.donors).to.deep.equal([
        { name: 'Government of Example A (fictitious)', amount: 1500000 },
        { name: 'Example Fund B (fictitious)', amount: 800000 },
      ]);
    });

    it('says a page of flows is not all of them, and how to get the totals (recorded responses)', async () => {
      for (const file of ['fts-flow-locationid-171-year-2020-page-1.json', 'fts-flow-locationid-171-year-2020-page-3.json']) {
        const raw = await json(file);
        const why = await failure(() => read(shapes.donorRanking, raw), 'source');
        expect(why, file).to.contain('OCHA Financial Tracking Service (FTS)');
        expect(why, file).to.contain('of 424');
        expect(why, file).to.contain('groupby=organization');
      }
    });

    it('names what a response without donors lacks (a recorded response grouped by cluster)', async () => {
      const raw = await json('fts-flow-planid-832-groupby-cluster.json');
      const message = await failure(() => read(shapes.donorRanking, raw), 'source');
      expect(message).to.contain('the OCHA Financial Tracking Service (FTS) response has no funding by source organisation');
      expect(message).to.contain('add groupby=organization to the address');
    });

    it('says which widget reads it when another is given it', async () => {
      const message = await failure(() => read(shapes.emergencyList, { status: 'ok', data: { report1: {} } }), 'source');
      expect(message).to.equal('an OCHA FTS response is read by <donor-ranking>, not by <emergency-list> (see docs/sources.md)');
    });
  });

  describe('ReliefWeb → emergency-list', () => {
    it('reads each disaster: name, countries, type, status in the four languages, start date and link', async () => {
      const data = await read(shapes.emergencyList, await json('reliefweb-disasters.fictitious.json'));
      const list = data.emergencies as Record<string, unknown>[];
      expect(list).to.have.length(3);
      expect(list[1]).to.deep.include({
        name: 'Sampleland and Testonia: Drought - 2024-2025 (fictitious)',
        country: ['Sampleland (fictitious)', 'Testonia (fictitious)'],
        iso3: ['XXB', 'XXC'],
        type: 'Drought',
        started: '2024-11-15',
        updated: '2025-05-28',
        url: 'https://reliefweb.int/disaster/dr-2024-000002-xxb',
      });
      expect(list[2].status).to.deep.equal({ en: 'Alert', fr: 'Alerte', es: 'Alerta', ar: 'تنبيه' });
      // As of the latest change ReliefWeb gives.
      expect(data.source).to.deep.equal({ title: 'ReliefWeb', publisher: 'OCHA', url: 'https://reliefweb.int/disasters', asOf: '2025-05-31' });
    });

    it('reads the public examples of the API, v1 items and all (other recorded responses)', async () => {
      const list = (await read(shapes.emergencyList, await json('reliefweb-disasters-public-examples.json'))).emergencies as Record<string, unknown>[];
      expect(list.map((e) => e.name)).to.deep.equal(['Chad: Floods - Aug 2024', 'Tropical Cyclone Mekunu - May 2018', 'Zimbabwe: Floods - Jan 2013']);
      expect(list[1]).to.deep.include({ country: 'Oman', iso3: 'OMN', type: 'Tropical Cyclone', started: '2018-05-23' });
      expect(list[2]).to.deep.include({ country: 'Zimbabwe', type: 'Flood', url: 'http://reliefweb.int/taxonomy/term/11880' });
      expect((list[2].status as Record<string, string>).en).to.equal('Past');
    });

    it('names the field a list without names lacks (a reports list, say)', async () => {
      const message = await failure(() => read(shapes.emergencyList, { totalCount: 1, count: 1, data: [{ id: '1', fields: { title: 'A report' } }] }), 'source');
      expect(message).to.contain('the ReliefWeb response has no data[0].fields.name');
    });
  });

  describe('HXL: the HXL Proxy\'s JSON and CSV, and CKAN datasets → any widget by its hashtags', () => {
    it('reads the row-style and object-style JSON of the HXL Proxy as the same table, cited as the table it serves', async () => {
      const address = abs(`${DIR}hxl-proxy/data.json?url=${encodeURIComponent('https://data.humdata.org/dataset/global-iom-dtm-from-api')}`);
      const request = { value: '#affected+idps', filter: '#country+code=TCD', aggregate: 'latest' } as const;
      for (const file of ['hxl-proxy/data.json', 'hxl-proxy/data.objects.json']) {
        const figure = await read(shapes.statCounter, await json(file), address, request);
        expect(figure.value, file).to.equal(220610);
        expect(figure.source, file).to.deep.equal({ title: 'data.humdata.org', url: 'https://data.humdata.org/dataset/global-iom-dtm-from-api', asOf: '2024-06-30' });
      }
    });

    it('reads a CKAN package_show: the first file whose hashtags fit the widget, cited as the dataset', async () => {
      const address = abs(`${DIR}ckan-package-show-dtm.json`);
      const shape = shapes.statCounter;
      const request = { value: '#affected+idps', filter: '#adm+level=0', aggregate: 'latest' } as const;
      const figure = await read(shape, await json('ckan-package-show-dtm.json'), address, request);
      expect(figure.value).to.equal(578074);
      expect(figure.source).to.deep.equal({
        title: 'Global IOM Displacement Tracking Matrix (DTM) from API',
        publisher: 'International Organization for Migration (IOM)',
        url: `${location.origin}/dataset/global-iom-dtm-from-api`,
        asOf: '2024-05-31',
      });
    });

    it('reads the file resource="…" names, by name or position', async () => {
      const address = abs(`${DIR}ckan-package-show-dtm.json`);
      for (const resource of ['Data for QuickCharts', '2']) {
        const request = { resource, value: '#affected+idps', filter: '#country+code=AFG', aggregate: 'latest' } as const;
        const figure = await read(shapes.statCounter, await json('ckan-package-show-dtm.json'), address, request);
        expect(figure.value, resource).to.equal(6557855);
      }
      const dataset = await json('ckan-package-show-dtm.json');
      const wrong = await failure(() => read(shapes.statCounter, dataset, address, { resource: 'nope' }));
      expect(wrong).to.contain('resource="nope" names no file of the dataset "global-iom-dtm-from-api": its files are 1. Global IOM DTM data for admin levels 0-2 (CSV); 2. Data for QuickCharts (CSV)');
    });

    it('says when no file of a dataset fits the widget, and which files there are', async () => {
      const address = abs(`${DIR}ckan-package-show-dtm.json`);
      const dataset = await json('ckan-package-show-dtm.json');
      const message = await failure(() => read(shapes.donorRanking, dataset, address));
      expect(message).to.contain('has no HXL-tagged CSV file with the hashtags this widget reads (#org+name+funder, or #org+name)');
      expect(message).to.contain('name one with resource="…"');
    });
  });

  describe('IOM DTM API v3 and the Missing Migrants Project → stat-counter', () => {
    it('reads DTM\'s IDPs of the latest reporting date, with that date, cited as DTM (a recorded response)', async () => {
      const figure = await read(shapes.statCounter, await json('dtm-v3-displacement-admin0-hti.json'));
      expect(figure.value).to.equal(1287593);
      expect(figure.year).to.equal(2025);
      expect(figure.label).to.deep.include({ en: 'internally displaced people' });
      expect(figure.source).to.deep.equal({ title: 'Displacement Tracking Matrix (DTM)', publisher: 'IOM', url: 'https://dtm.iom.int/', asOf: '2025-06-30' });
    });

    it('reads a DTM error as the API gave it', async () => {
      const message = await failure(() => read(shapes.statCounter, { result: [], statusCode: 401, isSuccess: false, errorMessages: ['Access denied'] }), 'source');
      expect(message).to.equal('the IOM DTM API answered with an error: Access denied');
    });

    it('adds up the Missing Migrants Project\'s dead and missing, counts written as text, with the latest date and the year of the address', async () => {
      const raw = await json('missing-migrants-global-figures-2024.fictitious.json');
      const figure = await read(shapes.statCounter, raw, 'https://missingmigrants.iom.int/global-figures/2024/json');
      expect(figure.value).to.equal(12 + 1 + 5 + 2);
      expect(figure.source).to.deep.equal({ title: 'Missing Migrants Project', publisher: 'IOM', url: 'https://missingmigrants.iom.int/', year: 2024, asOf: '2024-06-30' });
      const mediterranean = await read(shapes.statCounter, raw, undefined, { filter: '#region+name=Mediterranean' });
      expect(mediterranean.value).to.equal(13);
      expect((mediterranean.source as { asOf: string }).asOf).to.equal('2024-03-02');
      const dead = await read(shapes.statCounter, raw, undefined, { value: '#affected+killed' });
      expect(dead.value).to.equal(9 + 1 + 3 + 2);
      expect((await read(shapes.statCounter, raw, undefined, { aggregate: 'count' })).value).to.equal(4);
    });
  });

  describe('in the widgets, with their source line', () => {
    it('donor-ranking shows an FTS response with its source and year', async () => {
      const el = await widget(`<donor-ranking src="${fresh(`${DIR}fts-flow-groupby-organization.fictitious.json`)}&year=2023"></donor-ranking>`);
      expect(el.status).to.equal('ready');
      expect(parts(el, 'name').map((n) => text(n))[0]).to.equal('Government of Example A (fictitious)');
      expect(text(part(el, 'source'))).to.equal('Source: OCHA, Financial Tracking Service (FTS), 2023');
      expect(part(el, 'source')!.querySelector('a')!.getAttribute('href')).to.equal('https://fts.unocha.org/');
    });

    it('emergency-list shows ReliefWeb disasters with their status, start, link and the "as of" date', async () => {
      const el = await widget(`<emergency-list locale="fr" src="${fresh(`${DIR}reliefweb-disasters.fictitious.json`)}"></emergency-list>`);
      expect(el.status).to.equal('ready');
      const items = parts(el, 'item');
      expect(items).to.have.length(3);
      expect(text(items[2])).to.contain('Alerte');
      expect(text(items[0])).to.contain('Début : 2 mars 2025');
      expect(items[0].querySelector('a')!.getAttribute('href')).to.equal('https://reliefweb.int/disaster/fl-2025-000001-xxa');
      expect(text(part(el, 'source'))).to.equal('Source : OCHA, ReliefWeb, données au 31 mai 2025');
    });

    it('stat-counter shows DTM\'s HDX table through the HXL Proxy, its figure out of the table, as of its date', async () => {
      const src = fresh(`${DIR}hxl-proxy/data.json?url=${encodeURIComponent('https://data.humdata.org/dataset/global-iom-dtm-from-api')}`);
      const el = await widget(`<stat-counter start="none" src="${src}" hxl-value="#affected+idps" hxl-filter="#country+code=HTI" hxl-aggregate="latest"></stat-counter>`);
      expect(el.status).to.equal('ready');
      expect(text(part(el, 'value'))).to.equal('578,074');
      expect(text(part(el, 'label'))).to.equal('internally displaced people');
      expect(text(part(el, 'source'))).to.equal('Source: data.humdata.org, as of May 31, 2024');
    });

    it('stat-counter reads a CKAN dataset\'s file from src, the dataset its source (in Arabic)', async () => {
      const el = await widget(`<stat-counter start="none" locale="ar" src="${fresh(`${DIR}ckan-package-show-dtm.json`)}" hxl-value="#affected+idps" hxl-filter="#adm+level=0" hxl-aggregate="latest"></stat-counter>`);
      expect(el.status, errorOf(el)).to.equal('ready');
      expect(text(part(el, 'value'))).to.equal('578,074');
      expect(text(part(el, 'source'))).to.equal('المصدر: International Organization for Migration (IOM), Global IOM Displacement Tracking Matrix (DTM) from API، البيانات حتى 31 مايو 2024');
    });

    it('stat-counter shows the Missing Migrants Project\'s figure, in Spanish', async () => {
      const el = await widget(`<stat-counter start="none" locale="es" src="${fresh(`${DIR}missing-migrants-global-figures-2024.fictitious.json`)}"></stat-counter>`);
      expect(text(part(el, 'value'))).to.equal('20');
      expect(text(part(el, 'label'))).to.equal('migrantes muertos o desaparecidos registrados');
      expect(text(part(el, 'source'))).to.equal('Fuente: IOM, Missing Migrants Project, datos al 30 de junio de 2024');
    });
  });

  describe('strings from an API are data, never markup', () => {
    it('shows a name holding markup as text, runs none of it, and links no javascript: address', async () => {
      (window as unknown as { __hacked?: number }).__hacked = undefined;
      const el = await widget(`<emergency-list src="${fresh(`${DIR}reliefweb-hostile.fictitious.json`)}"></emergency-list>`);
      expect(el.status).to.equal('ready');
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script, b')).to.equal(null);
      expect(shadowText(el)).to.contain('<img src=x onerror="window.__hacked=1">Examplia: Floods (fictitious)');
      expect(shadowText(el)).to.contain('<b onmouseover="window.__hacked=5">Cyclone</b>');
      const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs.some((h) => /javascript:/i.test(h ?? ''))).to.equal(false);
      // The first two names are text, not links.
      expect(parts(el, 'name')[0].querySelector('a')).to.equal(null);
      expect(parts(el, 'name')[1].querySelector('a')).to.equal(null);
      await new Promise((r) => requestAnimationFrame(r));
      expect((window as unknown as { __hacked?: number }).__hacked).to.equal(undefined);
    });
  });

  describe('errors that tell the webmaster what to do', () => {
    it('ReliefWeb 400 without an appname, 403 for one not approved: ask for an approved appname, with the link', async () => {
      const none = await widget(`<emergency-list src="${fresh('/__test__/status/400/v2/disasters?message=' + encodeURIComponent('You must provide an appname'))}"></emergency-list>`);
      // A proxied ReliefWeb address without appname is not known as ReliefWeb's: the plain message.
      expect(errorOf(none)).to.contain('400');
      const denied = await widget(`<emergency-list src="${fresh('/__test__/status/403/v2/disasters?appname=my-site&message=' + encodeURIComponent('Not approved'))}"></emergency-list>`);
      const message = errorOf(denied);
      expect(message).to.contain('403 Forbidden: appname "my-site" is not approved (the server says: "Not approved")');
      expect(message).to.contain('https://apidoc.reliefweb.int/parameters#appname');
      const event = await new Promise<CustomEvent>((resolve) => {
        const again = document.createElement('emergency-list');
        again.addEventListener('iom-error', (e) => resolve(e as CustomEvent), { once: true });
        again.setAttribute('src', fresh('/__test__/status/400/v2/disasters?appname='));
        document.body.append(again);
      });
      expect(event.detail.kind).to.equal('access');
      expect(event.detail.message).to.contain('the address has no appname');
      document.querySelectorAll('body > emergency-list').forEach((e) => e.remove());
    });

    it('429: the quota, and the build-time fetch for a busy site', async () => {
      const el = await widget(`<emergency-list src="${fresh('/__test__/status/429/v2/disasters?appname=my-site')}"></emergency-list>`);
      const message = errorOf(el);
      expect(message).to.contain('too many requests (429)');
      expect(message).to.contain('ReliefWeb allows 1,000 calls a day per appname');
      expect(message).to.contain('npx iom-widgets fetch');
      expect(part(el, 'retry')).not.to.equal(null);
    });

    it('a key-protected API (DTM) called from the page: the build-time fetch, never the key in the page', async () => {
      const el = await widget(`<stat-counter src="${fresh('/__test__/status/401/v3/displacement/admin0?Admin0Pcode=HTI')}"></stat-counter>`);
      const message = errorOf(el);
      expect(message).to.contain('the IOM DTM API needs a subscription key, which must never be in a page');
      expect(message).to.contain('npx iom-widgets fetch');
    });

    it('an HTML page where data was expected', async () => {
      const el = await widget(`<donor-ranking src="${fresh(`${DIR}not-data.html`)}"></donor-ranking>`);
      expect(errorOf(el)).to.contain('is a web page (HTML), not data: check the address');
    });

    it('a response blocked by CORS: the server does not allow this page\'s origin; the HXL Proxy or the build-time fetch', async () => {
      const other = new URL(location.href);
      other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      other.pathname = `${DIR}dtm-data-for-quickcharts.hxl.csv`;
      other.search = `?t=${Date.now()}`;
      const el = await widget(`<stat-counter src="${other.href}" hxl-value="#affected+idps"></stat-counter>`);
      const message = errorOf(el);
      expect(message).to.contain(`does not allow this page's origin (${location.origin}) to read it (CORS)`);
      expect(message).to.contain('https://proxy.hxlstandard.org/data.json?url=');
    });

    it('a shape that changed: the missing field and the source, in the widget', async () => {
      const el = await widget(`<donor-ranking src="${fresh(`${DIR}fts-flow-planid-832-groupby-cluster.json`)}"></donor-ranking>`);
      expect(errorOf(el)).to.contain('the OCHA Financial Tracking Service (FTS) response has no funding by source organisation');
    });
  });
});
