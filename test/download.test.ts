// "Get the data" under every widget: CSV and JSON of exactly what it shows, made in the browser from
// the data it holds (no request), in the widget's language.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import { toCsv } from '../src/base/download.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { parseCsv } from '../src/data/csv.js';
import { fresh, part, parts, settled, text } from './support/dom.js';

async function widget(markup: string): Promise<IomElement<unknown>> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = markup;
  return settled(host.firstElementChild as IomElement<unknown>);
}

/** What a link of the download line holds: its data: URL decoded. */
function downloaded(el: Element, type: 'csv' | 'json'): string {
  const link = part(el, 'download')!.querySelector<HTMLAnchorElement>(`a[download$=".${type}"]`)!;
  const href = link.getAttribute('href')!;
  const prefix = type === 'csv' ? 'data:text/csv;charset=utf-8,' : 'data:application/json;charset=utf-8,';
  expect(href.startsWith(prefix), href.slice(0, 40)).to.equal(true);
  return decodeURIComponent(href.slice(prefix.length));
}

/** The downloaded CSV as records by its header row. */
function records(el: Element): Record<string, string>[] {
  const [head, ...rows] = parseCsv(downloaded(el, 'csv')).filter((r) => r.some((c) => c !== ''));
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
}

const FTS = '/test/fixtures/sources/fts-flow-groupby-organization.fictitious.json';

describe('Get the data', () => {
  beforeEach(() => clearDataCache());

  it('donor-ranking: its CSV parses back to the donors it shows, in its order, with amounts, currency, year and source', async () => {
    const el = await widget(`<donor-ranking download src="${fresh(FTS)}&year=2023"></donor-ranking>`);
    const shown = parts(el, 'name').map((n) => text(n));
    const rows = records(el);
    expect(rows.map((r) => r.name)).to.deep.equal(shown);
    expect(rows[0]).to.deep.equal({
      rank: '1',
      name: 'Government of Example A (fictitious)',
      amount: '182500000',
      currency: 'USD',
      previous_amount: '',
      type: '',
      year: '2023',
      source: 'OCHA, Financial Tracking Service (FTS)',
      source_url: 'https://fts.unocha.org/',
      as_of: '2023',
    });
    const json = JSON.parse(downloaded(el, 'json')) as { donors: { name: string; amount: number }[] };
    expect(json.donors.map((d) => d.name)).to.deep.equal(shown);
    expect(json.donors[1].amount).to.equal(96000000);
  });

  it('emergency-list: every emergency it holds, its names as shown (in French), and the "as of" date of its source', async () => {
    const el = await widget(`<emergency-list download locale="fr" src="${fresh('/test/fixtures/sources/reliefweb-disasters.fictitious.json')}"></emergency-list>`);
    const rows = records(el);
    expect(rows.map((r) => r.name)).to.deep.equal(parts(el, 'name').map((n) => text(n)));
    expect(rows[2].status).to.equal('Alerte');
    expect(rows[1]).to.deep.include({ country: 'Sampleland (fictitious); Testonia (fictitious)', iso3: 'XXB; XXC', started: '2024-11-15', as_of: '2025-05-31' });
    expect(text(part(el, 'download'))).to.equal('Télécharger les données : CSV · JSON');
    await expect(el).to.be.accessible();
  });

  it('stat-counter: the figure as it shows it, attributes over its data, with the date of the rows it used', async () => {
    const src = fresh('/test/fixtures/sources/dtm-data-for-quickcharts.hxl.csv');
    const el = await widget(`<stat-counter download start="none" label="IDPs in Chad" src="${src}" hxl-value="#affected+idps" hxl-filter="#country+code=TCD" hxl-aggregate="latest"></stat-counter>`);
    expect(text(part(el, 'value'))).to.equal('220,610');
    expect(records(el)).to.deep.equal([{ label: 'IDPs in Chad', value: '220610', currency: '', unit: '', year: '2024', source: '', source_url: '', as_of: '' }]);
  });

  it('objective-card: one row per figure, and none of its figures has a line of its own', async () => {
    const data = { number: 2, title: 'Example objective (fictitious)', figures: [{ value: 12, label: 'examples', year: 2023 }, { value: 3, label: 'samples' }], source: { title: 'Example report', year: 2023 } };
    const host = await fixture<HTMLDivElement>(html`<div><objective-card download .data=${data}></objective-card></div>`);
    const el = await settled(host.firstElementChild as IomElement<unknown>);
    const rows = records(el);
    expect(rows.map((r) => [r.objective, r.label, r.value, r.source])).to.deep.equal([
      ['2', 'examples', '12', 'Example report'],
      ['2', 'samples', '3', 'Example report'],
    ]);
    const counters = [...el.shadowRoot!.querySelectorAll('stat-counter')];
    expect(counters).to.have.length(2);
    for (const counter of counters) expect(counter.shadowRoot!.querySelector('[part~="download"]')).to.equal(null);
  });

  it('reads in the four languages, and makes no request', async () => {
    const before = performance.getEntriesByType('resource').length;
    const expected: Record<string, string> = { en: 'Get the data: CSV · JSON', fr: 'Télécharger les données : CSV · JSON', es: 'Descargar los datos: CSV · JSON', ar: 'تنزيل البيانات: CSV · JSON' };
    for (const [locale, words] of Object.entries(expected)) {
      const el = await widget(`<stat-counter download start="none" locale="${locale}" value="5" label="examples"></stat-counter>`);
      expect(text(part(el, 'download'))).to.equal(words);
      const links = part(el, 'download')!.querySelectorAll('a');
      expect([...links].map((a) => a.getAttribute('download'))).to.deep.equal(['stat-counter.csv', 'stat-counter.json']);
    }
    // (Words for fr, es and ar are files of their own, loaded once: no request is the download's.)
    const made = performance.getEntriesByType('resource').slice(before).map((e) => e.name);
    expect(made.filter((n) => n.startsWith('data:'))).to.deep.equal([]);
  });

  it('is there only with the download attribute', async () => {
    const el = await widget('<stat-counter start="none" value="5" label="examples"></stat-counter>');
    expect(part(el, 'download')).to.equal(null);
    el.toggleAttribute('download', true);
    await el.updateComplete;
    expect(text(part(el, 'download'))).to.equal('Get the data: CSV · JSON');
  });

  it('writes no formula into a spreadsheet: a text cell starting with =, +, - or @ is quoted with an apostrophe', () => {
    const csv = toCsv([['name', 'amount'], ['=HYPERLINK("http://x","y")', -5], ['@SUM(A1)', 1], ['Plain, "quoted"', 2]]);
    const rows = parseCsv(csv);
    expect(rows.slice(1, 4)).to.deep.equal([
      ["'=HYPERLINK(\"http://x\",\"y\")", '-5'],
      ["'@SUM(A1)", '1'],
      ['Plain, "quoted"', '2'],
    ]);
    expect(csv.startsWith('\uFEFF')).to.equal(true);
  });
});
