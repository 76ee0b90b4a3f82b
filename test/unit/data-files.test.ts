// The report files in data/ publish IOM's figures: these tests hold them to their rules (valid,
// sourced, no 0 placeholders, each figure's number in its quote) and check that every piece the
// demo page and the stories point at is there, in the shape of the widget that reads it. How the
// figures read on screen, in the browser's Intl: test/data-files.test.ts.
import { describe, it } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import type * as v from 'valibot';
import { validate } from '../../src/data/validate.js';
import { resolvePointer } from '../../src/data/json-pointer.js';
import { pointerFromHash } from '../../src/data/source.js';
import { parseCsv } from '../../src/data/csv.js';
import { isHxlTable, mapHxl, type HxlMapping } from '../../src/data/hxl.js';
import { DataError } from '../../src/data/errors.js';
import { ReportSchema } from '../../src/report/report.data.js';
import { StatCounterSchema } from '../../src/stat-counter/stat-counter.data.js';
import { EmergencyListSchema, EMERGENCY_HXL } from '../../src/emergency-list/emergency-list.data.js';
import { DonorRankingSchema, DONOR_HXL, donorsFromHxl } from '../../src/donor-ranking/donor-ranking.data.js';
import { ObjectiveCardSchema } from '../../src/objective-card/objective-card.data.js';
import { checkFigureAgainstQuote } from '../../scripts/quote-numbers.mjs';
import { dataReferences, listFiles, projectDataReferences } from '../../scripts/data-refs.mjs';
import { EMERGENCIES_2023 } from '../support/seeds.js';
import { REPORTS, figures, pieces } from '../support/reports.js';

const IOM = 'International Organization for Migration (IOM)';

type Json = unknown;
type Obj = Record<string, unknown>;

/** The document at `url` (/data/…: JSON, or rows of a CSV file), read from the repository. */
function load(url: string): Json {
  const file = url.slice(1);
  if (!existsSync(file)) throw new Error(`${url}: no such file`);
  const text = readFileSync(file, 'utf8');
  return url.endsWith('.csv') ? parseCsv(text) : JSON.parse(text);
}

/** The report files (data/*.json) and the CSV files under data/, as site paths. */
function listed(): { json: string[]; csv: string[] } {
  const files = listFiles('data').filter((f) => !f.startsWith('data/schema/'));
  return {
    json: files.filter((f) => /^data\/[^/]+\.json$/.test(f)).map((f) => `/${f}`).sort(),
    csv: files.filter((f) => f.endsWith('.csv')).map((f) => `/${f}`).sort(),
  };
}

interface Widget {
  schema: v.GenericSchema;
  /** The field a bare array stands for. */
  list?: string;
  hxl?: { mapping: HxlMapping; toData(records: Record<string, unknown>[]): unknown };
}
/** The widgets' data shapes, and how each reads a bare list or an HXL table (as its DataSpec does). */
const WIDGETS: Record<string, Widget> = {
  'stat-counter': { schema: StatCounterSchema },
  'emergency-list': { schema: EmergencyListSchema, list: 'emergencies', hxl: { mapping: EMERGENCY_HXL, toData: (emergencies) => ({ emergencies }) } },
  'donor-ranking': { schema: DonorRankingSchema, list: 'donors', hxl: { mapping: DONOR_HXL, toData: donorsFromHxl } },
  'objective-card': { schema: ObjectiveCardSchema },
};

function asWidgetData(element: string, raw: unknown, where: string): unknown {
  const widget = WIDGETS[element];
  let value = raw;
  if (widget.hxl && isHxlTable(value)) value = widget.hxl.toData(mapHxl(value, widget.hxl.mapping));
  if (widget.list && Array.isArray(value)) value = { [widget.list]: value };
  return validate(widget.schema, value, where);
}

/** Every number anywhere in `node`, with its pointer. */
function numbers(node: unknown, pointer = ''): [string, number][] {
  if (typeof node === 'number') return [[pointer, node]];
  if (Array.isArray(node)) return node.flatMap((x, i) => numbers(x, `${pointer}/${i}`));
  if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([k, x]) => numbers(x, `${pointer}/${k}`));
  return [];
}

function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('report files in data/', () => {
  it('are there: the two annual reports, the 2017 snapshot and the profile', () => {
    const { json } = listed();
    expect(json).to.include.members(REPORTS);
  });

  it('each validates against the report schema', () => {
    const { json } = listed();
    const problems = [];
    for (const url of json) {
      const doc = load(url);
      const p = problemOf(() => validate(ReportSchema, doc, url));
      if (p) problems.push(p);
    }
    expect(problems).to.deep.equal([]);
  });

  it('each names itself and its source: a title, the year, and IOM as publisher', () => {
    for (const url of REPORTS) {
      const doc = (load(url)) as Obj;
      expect(doc.$schema, url).to.equal('./schema/report.schema.json');
      expect(doc.title, url).to.be.a('string').and.not.empty;
      expect(doc.year, url).to.be.a('number');
      const sources = (Array.isArray(doc.source) ? doc.source : [doc.source]) as Obj[];
      expect(sources[0].title, url).to.be.a('string').and.not.empty;
      expect(sources[0].publisher, url).to.equal(IOM);
      expect(sources[0].year, url).to.be.a('number');
    }
  });

  it('hold no 0 anywhere: a figure the source does not give is left out, not written as 0', () => {
    const { json } = listed();
    const zeros = [];
    for (const url of json) for (const [pointer, n] of numbers(load(url))) if (n === 0) zeros.push(`${url}#${pointer}`);
    expect(zeros).to.deep.equal([]);
  });

  it('give every figure its label, unit, year and source, and the words of the source that hold its number', () => {
    const { json } = listed();
    const problems: string[] = [];
    let count = 0;
    for (const url of json) {
      for (const { pointer, value: f } of figures(load(url))) {
        count++;
        for (const field of ['label', 'unit', 'year', 'source']) if (f[field] === undefined || f[field] === '') problems.push(`${url}#${pointer} has no ${field}`);
        for (const p of checkFigureAgainstQuote(f as { value: number })) problems.push(`${url}#${pointer} ${p}`);
      }
    }
    expect(problems).to.deep.equal([]);
    expect(count).to.be.greaterThan(90);
  });

  it('format each figure to read well: money in USD, shares as percent, millions compact, no hidden rounding', () => {
    const problems: string[] = [];
    for (const url of REPORTS) {
      for (const { pointer, value: f } of figures(load(url))) {
        const where = `${url}#${pointer}`;
        const value = f.value as number;
        if ((f.unit === 'USD') !== (f.currency === 'USD')) problems.push(`${where}: unit "USD" and currency "USD" go together`);
        if (f.currency !== undefined && f.format !== 'currency' && f.format !== 'compact') problems.push(`${where} is money but neither format "currency" nor "compact"`);
        if ((f.unit === 'percent') !== (f.format === 'percent')) problems.push(`${where}: unit "percent" and format "percent" go together`);
        // "USD 30 million", "31.6 million": a reader takes in millions at a glance.
        if (f.unit !== 'year' && value >= 1e6 && f.format !== 'compact') problems.push(`${where} is in the millions but not format "compact"`);
        if (f.format === 'compact') {
          // Compact notation shows value / 1000^k: the digits it keeps must show the whole figure.
          const scaled = value / 1000 ** Math.floor(Math.log10(value) / 3);
          const decimals = (String(Number(scaled.toFixed(6))).split('.')[1] ?? '').length;
          // By default compact keeps three significant digits (138.5 million would read "139 million").
          const whole = String(Math.floor(scaled)).length;
          const allowed = (f.maximumFractionDigits as number | undefined) ?? Math.max(0, 3 - whole);
          if (decimals > allowed) problems.push(`${where} would show rounded: set maximumFractionDigits to ${decimals}`);
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('hold, in every piece, valid data for the widget that shows it', () => {
    const { json } = listed();
    const problems: string[] = [];
    let count = 0;
    for (const url of json) {
      for (const piece of pieces(load(url))) {
        count++;
        const p = problemOf(() => asWidgetData(piece.element, piece.value, `${url}#${piece.pointer}`));
        if (p) problems.push(p);
      }
    }
    expect(problems).to.deep.equal([]);
    expect(count).to.be.greaterThan(50);
  });

  it('have the pieces docs/data.md documents, each in its widget’s shape', () => {
    const documented: [string, string, string][] = [
      ...['peopleReached', 'countries', 'regularPathways', 'privateSectorFunding', 'partnerships'].map(
        (k): [string, string, string] => ['/data/annual-report-2023.json', `/highlights/${k}`, 'stat-counter'],
      ),
      ['/data/annual-report-2023.json', '/emergencies', 'emergency-list'],
      ['/data/annual-report-2023.json', '/objectives/0', 'objective-card'],
      ['/data/annual-report-2023.json', '/objectives/1', 'objective-card'],
      ['/data/annual-report-2023.json', '/objectives/2', 'objective-card'],
      ['/data/annual-report-2023.json', '/funding/topDonors', 'donor-ranking'],
      ['/data/annual-report-2023.json', '/funding/unearmarkedContributors', 'donor-ranking'],
      ['/data/annual-report-2023.json', '/enablers/funding/revenueIncrease', 'stat-counter'],
      ['/data/annual-report-2023.json', '/crossCuttingPriorities/pseah/trained', 'stat-counter'],
      ...['peopleAssisted', 'countries', 'emergencyHealth', 'protection', 'mentalHealth', 'savings', 'humanitarianNeedsOverviews'].map(
        (k): [string, string, string] => ['/data/annual-report-2024.json', `/highlights/${k}`, 'stat-counter'],
      ),
      ['/data/annual-report-2024.json', '/resilienceCampaign/appeal', 'stat-counter'],
      ...['staff', 'operationalExpenditure', 'memberStates', 'fieldLocations'].map((k): [string, string, string] => ['/data/iom-at-a-glance-2017.json', `/highlights/${k}`, 'stat-counter']),
      ['/data/iom-at-a-glance-2017.json', '/keyStatistics/healthAssessments', 'stat-counter'],
      ['/data/iom-at-a-glance-2017.json', '/crisisResponses', 'emergency-list'],
      ['/data/iom-at-a-glance-2017.json', '/publications/total', 'stat-counter'],
      ...['memberStates', 'countriesOfPresence', 'staff', 'operationalBudget', 'founded'].map((k): [string, string, string] => ['/data/iom-profile.json', `/${k}`, 'stat-counter']),
      ['/data/iom-profile.json', '/strategicPlan/objectives/0', 'objective-card'],
      ['/data/iom-profile.json', '/strategicPlan/objectives/2', 'objective-card'],
    ];
    const problems: string[] = [];
    for (const [url, pointer, element] of documented) {
      const doc = load(url);
      const problem = problemOf(() => asWidgetData(element, resolvePointer(doc, pointer, url), `${url}#${pointer}`));
      if (problem) problems.push(problem);
    }
    expect(problems).to.deep.equal([]);
  });

  it('keep the 2023 top 20 donors as a ranking without amounts, and the unearmarked contributors as an alphabetical list', () => {
    const doc = load('/data/annual-report-2023.json');
    const top = resolvePointer(doc, '/funding/topDonors', 'report') as { order: string; donors: Obj[]; currency?: string };
    expect(top.order).to.equal('rank');
    expect(top.donors).to.have.length(20);
    expect(top.donors[0].name).to.equal('United States of America');
    expect(top.donors[1].name).to.equal('European Commission');
    expect(top.donors[19].name).to.equal('Belgium');
    expect(top.donors.filter((d) => 'amount' in d || 'previousAmount' in d)).to.deep.equal([]);
    expect(top.currency).to.equal(undefined);

    const unearmarked = resolvePointer(doc, '/funding/unearmarkedContributors', 'report') as { order: string; donors: Obj[] };
    expect(unearmarked.order).to.equal('alphabetical');
    const names = unearmarked.donors.map((d) => d.name as string);
    expect(names).to.have.length(16);
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('list the ten ongoing emergencies of 2023, and the 2017 crisis responses with their level', () => {
    const ongoing = resolvePointer(load('/data/annual-report-2023.json'), '/emergencies', 'report') as { emergencies: Obj[] };
    expect(ongoing.emergencies.map((e) => e.name)).to.deep.equal(EMERGENCIES_2023);
    const responses = resolvePointer(load('/data/iom-at-a-glance-2017.json'), '/crisisResponses', 'report') as { emergencies: Obj[] };
    const byLevel = (level: string) => responses.emergencies.filter((e) => e.level === level).map((e) => e.name);
    expect(byLevel('L3')).to.deep.equal(['Syrian Arab Republic', 'Libya', 'Yemen', 'Nigeria', 'Bangladesh']);
    expect(byLevel('Significant crisis response')).to.have.length(6);
    expect(responses.emergencies).to.have.length(11);
  });

  it('give the three strategic objectives numbered 1 to 3, with the Strategic Plan’s titles', () => {
    const titles = ['Saving lives and protecting people on the move', 'Driving solutions to displacement', 'Facilitating pathways for regular migration'];
    for (const [url, pointer] of [
      ['/data/annual-report-2023.json', '/objectives'],
      ['/data/iom-profile.json', '/strategicPlan/objectives'],
    ]) {
      const objectives = resolvePointer(load(url), pointer, url) as Obj[];
      expect(objectives.map((o) => o.number)).to.deep.equal([1, 2, 3]);
      expect(objectives.map((o) => o.title)).to.deep.equal(titles);
    }
  });
});

describe('the report schema', () => {
  const source = { title: 'Example report (fictitious test fixture)' };
  const figure = { value: 12, label: 'example figures (fictitious)', unit: 'figures', year: 2023, source };
  const problem = (doc: unknown) => problemOf(() => validate(ReportSchema, doc, 'report'));

  it('accepts a figure, a group of figures, lists and objectives as sections', () => {
    expect(
      problem({
        title: 'Example (fictitious)',
        source,
        total: figure,
        group: { a: figure, inner: { b: figure } },
        list: { year: 2023, emergencies: [{ name: 'Example emergency A' }], source },
        donors: { order: 'rank', donors: [{ name: 'Example donor A' }], source },
        objectives: [{ number: 1, title: 'Example objective', source, figures: [figure] }],
      }),
    ).to.equal(undefined);
  });

  it('rejects the mistakes that would mislead a reader, naming where they are', () => {
    expect(problem({ title: 'x', source, h: { a: { ...figure, value: 0 } } })).to.equal('h.a.value is 0: a figure the source does not give is left out, never written as 0');
    expect(problem({ title: 'x', source, h: { a: { ...figure, unit: undefined } } })).to.equal('h.a.unit is required');
    expect(problem({ title: 'x', source, h: { a: { ...figure, lable: 'typo' } } })).to.equal('h.a.lable is not a known field (check its spelling)');
    expect(problem({ title: 'x', source, h: { a: '31 million' } })).to.equal('h.a must be an object, got "31 million"');
    expect(problem({ title: 'x', source, d: { donors: [{ name: 'Example donor A' }], source } })).to.equal('d.order is required');
    expect(problem({ title: 'x', source, d: { order: 'alphabetical', donors: [{ name: 'B (fictitious)' }, { name: 'A (fictitious)' }], source } })).to.equal(
      'd is marked alphabetical but its donors are not in alphabetical order',
    );
    expect(problem({ title: 'x', source, d: { order: 'rank', donors: [{ name: 'A (fictitious)', amount: 5 }], source } })).to.equal('d gives amounts without a currency');
    expect(problem({ title: 'x', source, e: { emergencies: [{ name: 'Example emergency A' }], source } })).to.equal('e needs year or asOf: the date the list describes');
    expect(problem({ title: 'x', source, 'people-reached': figure })).to.equal('people-reached must be a camelCase name such as highlights');
    expect(problem({ title: 'x', h: figure })).to.equal('source is required');
    expect(problem({ title: 'x', source })).to.equal('report has no sections: a report file holds at least one figure or list');
  });
});

describe('HXL examples in data/hxl/', () => {
  it('are there', () => {
    const { csv } = listed();
    expect(csv).to.include.members(['/data/hxl/crisis-responses-2017.hxl.csv', '/data/hxl/top-donors-2023.hxl.csv']);
  });

  it('read the 2017 crisis responses through EMERGENCY_HXL as the same list as the JSON file', () => {
    const rows = (load('/data/hxl/crisis-responses-2017.hxl.csv')) as string[][];
    const data = asWidgetData('emergency-list', rows, 'crisis-responses-2017.hxl.csv') as { emergencies: Obj[] };
    const json = resolvePointer(load('/data/iom-at-a-glance-2017.json'), '/crisisResponses', 'report') as { emergencies: Obj[] };
    // The table names its source on each row (#meta+source); the JSON list names it once.
    expect(data.emergencies.map(({ source: _source, ...emergency }) => emergency)).to.deep.equal(json.emergencies);
  });

  it('read the 2023 top donors through DONOR_HXL in rank order, names only, the source column ignored', () => {
    const rows = (load('/data/hxl/top-donors-2023.hxl.csv')) as string[][];
    expect(rows[1]).to.deep.equal(['#meta+rank', '#org+name+funder', '#meta+source']);
    const json = resolvePointer(load('/data/annual-report-2023.json'), '/funding/topDonors', 'report') as { donors: Obj[] };
    const data = asWidgetData('donor-ranking', rows, 'top-donors-2023.hxl.csv') as { donors: Obj[] };
    expect(data.donors).to.deep.equal(json.donors);
    // Rank order comes from #meta+rank, not from the order of the rows.
    const reversed = [rows[0], rows[1], ...rows.slice(2).reverse()];
    expect((asWidgetData('donor-ranking', reversed, 'reversed') as { donors: Obj[] }).donors).to.deep.equal(json.donors);
  });

  it('match a column whatever the order and spacing of its tag’s attributes', () => {
    const rows = (load('/data/hxl/top-donors-2023.hxl.csv')) as string[][];
    const shuffled = [rows[0], ['#meta+rank', '#org +funder +name', '#meta+source'], ...rows.slice(2)];
    expect(mapHxl(shuffled, DONOR_HXL)).to.deep.equal(mapHxl(rows, DONOR_HXL));
    expect(mapHxl(shuffled, DONOR_HXL)[0].name).to.equal('United States of America');
  });

  it('name the missing tag when a table lacks a required column', () => {
    const rows = (load('/data/hxl/top-donors-2023.hxl.csv')) as string[][];
    const withoutNames = rows.map((r) => [r[0], r[2]]);
    let error: unknown;
    try {
      mapHxl(withoutNames, DONOR_HXL);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DataError);
    expect((error as DataError).kind).to.equal('hxl');
    expect((error as DataError).message).to.match(/^HXL table has no #org\+name\+funder\b.*\(the donor's name\); its columns are #meta\+rank, #meta\+source$/);
  });

  it('name an emergency by its country when the table has no #crisis+name column', () => {
    const rows = [
      ['Country', 'Level', 'People in need (fictitious example)'],
      ['#country+name', '#status+level', '#inneed'],
      ['Example country A', 'L3', '1200'],
    ];
    expect(asWidgetData('emergency-list', rows, 'example')).to.deep.equal({
      emergencies: [{ name: 'Example country A', country: ['Example country A'], level: 'L3', peopleInNeed: 1200 }],
    });
  });

  it('ask for #crisis+name or #country+name when an emergency table has neither', () => {
    const rows = [
      ['Level', 'Region'],
      ['#status+level', '#region+name'],
      ['L3', 'Example region'],
    ];
    expect(problemOf(() => mapHxl(rows, EMERGENCY_HXL))).to.equal(
      'HXL table has no #crisis+name (or #country+name) column (the emergency name); its columns are #status+level, #region+name',
    );
  });

  it('report an empty name cell with its row and the column it was read from', () => {
    const rows = [
      ['Country', 'Level'],
      ['#country+name', '#status+level'],
      ['Example country A', 'L3'],
      ['', 'L2'],
    ];
    expect(problemOf(() => mapHxl(rows, EMERGENCY_HXL))).to.equal('row 4, #country+name is empty');
  });
});

interface DataRef {
  from: string;
  file: string;
  pointer: string | null;
  element: string | null;
  literal: boolean;
  expectsError: boolean;
}

const FIXTURES = 'test/fixtures/data-refs';
const refs = (dir?: string): DataRef[] => (dir ? dataReferences(listFiles(dir)) : projectDataReferences());

describe('JSON Pointers used by the demo page and the stories', () => {
  it('are found in HTML and stories files, with the element that reads them and whether a story expects an error', () => {
    const found = refs(FIXTURES);
    const dir = FIXTURES;
    expect(found).to.deep.equal([
      { from: `${dir}/page.html:2`, file: '/data/annual-report-2023.json', pointer: '/highlights/peopleReached', element: 'stat-counter', literal: true, expectsError: false },
      { from: `${dir}/page.html:3`, file: '/data/hxl/top-donors-2023.hxl.csv', pointer: null, element: 'donor-ranking', literal: true, expectsError: false },
      { from: `${dir}/page.html:4`, file: '/data/iom-profile.json', pointer: null, element: null, literal: true, expectsError: false },
      { from: `${dir}/page.html:4`, file: '/data/iom-profile.json', pointer: null, element: null, literal: true, expectsError: false },
      { from: `${dir}/page.html:5`, file: '/data/annual-report-2023.json', pointer: '/emergencies', element: 'emergency-list', literal: true, expectsError: false },
      { from: `${dir}/stories/donor-ranking.stories.ts:2`, file: '/data/annual-report-2023.json', pointer: '/funding/topDonors', element: 'donor-ranking', literal: true, expectsError: false },
      { from: `${dir}/stories/donor-ranking.stories.ts:8`, file: '/data/annual-report-2023.json', pointer: '/funding/nobody', element: 'donor-ranking', literal: true, expectsError: true },
      { from: `${dir}/stories/donor-ranking.stories.ts:11`, file: '/data/annual-report-2022.json', pointer: null, element: 'donor-ranking', literal: true, expectsError: true },
      { from: `${dir}/stories/donor-ranking.stories.ts:13`, file: '/data/annual-report-2023.json', pointer: '/objectives/${i}', element: 'donor-ranking', literal: false, expectsError: false },
    ]);
  });

  it('all resolve, each to data the element that reads it can show', () => {
    expect(unresolved(refs())).to.deep.equal([]);
  });

  it('would report a reference to a missing file or pointer, and a piece its element cannot read', () => {
    const found = (refs(FIXTURES)).map((ref) => ({ ...ref, expectsError: false }));
    found.push({ from: 'made-up:1', file: '/data/annual-report-2023.json', pointer: '/emergencies', element: 'stat-counter', literal: true, expectsError: false });
    const problems = unresolved(found);
    expect(problems).to.have.length(3);
    const story = 'test/fixtures/data-refs/stories/donor-ranking.stories.ts';
    expect(problems[0]).to.equal(`${story}:8 (/data/annual-report-2023.json#/funding/nobody): /funding/nobody not found in /data/annual-report-2023.json`);
    expect(problems[1]).to.equal(`${story}:11 (/data/annual-report-2022.json): /data/annual-report-2022.json: no such file`);
    expect(problems[2]).to.equal('made-up:1 (/data/annual-report-2023.json#/emergencies): value is required');
  });
});

/** What is wrong with each reference that should work: a missing file or pointer, or data its element cannot read. */
function unresolved(list: DataRef[]): string[] {
  const problems: string[] = [];
  for (const ref of list) {
    if (!ref.literal || ref.expectsError) continue;
    try {
      const doc = load(ref.file);
      const value = ref.pointer === null ? doc : resolvePointer(doc, pointerFromHash(ref.pointer), ref.file);
      if (ref.element && (ref.pointer !== null || ref.file.endsWith('.csv'))) asWidgetData(ref.element, value, `<${ref.element}> data`);
    } catch (error) {
      problems.push(`${ref.from} (${ref.file}${ref.pointer ? `#${ref.pointer}` : ''}): ${(error as Error).message}`);
    }
  }
  return problems;
}
