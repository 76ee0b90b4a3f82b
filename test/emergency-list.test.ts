import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { setViewport } from './support/viewport.js';
import { isWebKit, needsDevTools } from './support/browsers.js';
import '../src/emergency-list/define.js';
import { loadWords, plural } from '../src/i18n/words.js';
import { fakeTimeouts } from './support/clock.js';
import type { EmergencyList, EmergencyFilterChangeDetail } from '../src/emergency-list/emergency-list.js';
import { foldText } from '../src/emergency-list/model.js';
import type { Emergency, EmergencyListData } from '../src/emergency-list/emergency-list.data.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { part, parts, settled, text } from './support/dom.js';
import { EMERGENCIES_2023 } from './support/seeds.js';
import { heldUrl, releaseHeld } from './support/server.js';
import { digitsLocale } from '../src/i18n/format.js';

// The ten ongoing emergencies of 2023, names only, as IOM's Annual Report 2023 lists them (seed 000).
const NAMES_2023 = EMERGENCIES_2023;
// 2017 levels from "IOM at a glance" (seed 001): active L3s and significant crisis responses.
const LEVELS_2017: Emergency[] = [
  { name: 'Syrian Arab Republic', level: 'L3' },
  { name: 'Libya', level: 'L3' },
  { name: 'Bolivarian Republic of Venezuela', level: 'Significant crisis response' },
  { name: 'Ethiopia', level: 'Significant crisis response' },
];
// Everything with figures is fictitious and says so (test/fixtures/emergencies-example.json).
const EXAMPLE_URL = '/test/fixtures/emergencies-example.json';
const HXL_URL = '/test/fixtures/emergencies.hxl.csv';
let example: EmergencyListData;

const root = (el: EmergencyList) => el.shadowRoot!;
const names = (el: EmergencyList) => parts(el, 'name').map((n) => text(n));
const item = (el: EmergencyList, name: string) => parts(el, 'item').find((i) => text(i.querySelector('[part~="name"]')) === name)!;
const status = (el: EmergencyList) => root(el).querySelector('[role="status"]:not(.skeleton)')!;
const search = (el: EmergencyList) => part(el, 'search') as HTMLInputElement;
const filter = (el: EmergencyList, key: string) => root(el).querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`)!;
const sortMenu = (el: EmergencyList) => part(el, 'sort') as HTMLSelectElement;
const options = (select: HTMLSelectElement) => [...select.options].map((o) => text(o));
const labelOf = (control: HTMLElement) => text(control.closest('label')!.querySelector('.control-label'));


/** Types into the search box from the keyboard, as a reader would. */
async function typeSearch(el: EmergencyList, value: string) {
  search(el).focus();
  // WebKit's WebDriver drops a key repeated within one sequence ("flood" arrives as "flod"): there,
  // one key at a time.
  if (isWebKit) for (const key of value) await sendKeys({ type: key });
  else await sendKeys({ type: value });
  // (Firefox, driven over WebDriver BiDi, may deliver the keys after sendKeys resolves.)
  await waitUntil(() => search(el).value.endsWith(value), `"${value}" typed`, { timeout: 10_000 });
  await el.updateComplete;
}

/** Picks an option of a select by value, the way the browser reports a reader's choice. */
async function choose(el: EmergencyList, select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Fictitious generated emergencies, for the long-list tests. */
function generated(count: number): Emergency[] {
  const regions = ['Example region North', 'Example region South', 'Example region East', 'Example region West'];
  const levels = ['L3', 'L2', 'L1', 'Significant crisis response'];
  return Array.from({ length: count }, (_, i) => ({
    name: `Generated emergency ${String(i + 1).padStart(4, '0')} (fictitious)`,
    region: regions[i % 4],
    level: levels[i % 3 === 0 ? 0 : (i % 4)],
    peopleInNeed: i % 5 === 0 ? undefined : ((i * 7919) % 1000) * 1000 + 1000,
    appeal: i % 3 === 0 ? undefined : 1_000_000 + (i % 50) * 100_000,
    funded: i % 3 === 0 ? undefined : (i % 40) * 25_000,
    updated: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
}

describe('emergency-list', () => {
  before(async () => {
    example = await (await fetch(EXAMPLE_URL)).json();
  });
  beforeEach(() => clearDataCache());
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('names only', () => {
    it('shows each name as a heading in a list, in the data order', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${NAMES_2023.map((name) => ({ name }))}></emergency-list>`);
      expect(parts(el, 'item')).to.have.length(10);
      expect(names(el)).to.deep.equal(NAMES_2023);
      expect(root(el).querySelectorAll('ul > li > .head > h3')).to.have.length(10);
      expect(root(el).querySelector('ul')!.getAttribute('aria-label')).to.equal('Emergencies');
    });

    it('shows nothing it does not have: no badge, figures, bar, count or stray words', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${NAMES_2023.map((name) => ({ name }))}></emergency-list>`);
      for (const name of ['badge', 'figures', 'meter', 'funding', 'controls', 'count', 'more', 'link']) expect(part(el, name), name).to.equal(null);
      expect(text(root(el))).not.to.match(/undefined|NaN|null|%|\bL\d\b/);
      expect(getComputedStyle(parts(el, 'item')[0]).contentVisibility).to.equal('visible');
      await expect(el).to.be.accessible();
    });

    it('reads the 2023 emergencies from the report file through a JSON Pointer', async () => {
      const el = await settled(await fixture<EmergencyList>(html`<emergency-list src="/data/annual-report-2023.json#/emergencies"></emergency-list>`));
      expect(names(el)).to.deep.equal(NAMES_2023);
      expect(text(part(el, 'title'))).to.contain('Ongoing emergencies');
      expect(text(part(el, 'source'))).to.equal('Source: International Organization for Migration (IOM), IOM Annual Report 2023');
    });

    it('offers only the sort orders the data supports', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list sortable .data=${NAMES_2023.map((name) => ({ name }))}></emergency-list>`);
      expect(options(sortMenu(el))).to.deep.equal(['Order given', 'Name (A to Z)']);
    });
  });

  describe('levels', () => {
    it('carries the level in the badge text, with "Level:" for screen readers', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${LEVELS_2017}></emergency-list>`);
      const badges = parts(el, 'badge');
      expect(badges.map((b) => text(b))).to.deep.equal([
        'Level: L3',
        'Level: L3',
        'Level: Significant crisis response',
        'Level: Significant crisis response',
      ]);
      expect(getComputedStyle(badges[0].querySelector('.visually-hidden')!).position).to.equal('absolute');
      await expect(el).to.be.accessible();
    });

    it('colours badges from the tokens, and per level from its own properties', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list
        style="--iom-color-danger: rgb(200, 0, 0); --iom-emergency-list-level-other-color: rgb(0, 90, 0)"
        .data=${LEVELS_2017}
      ></emergency-list>`);
      const [l3, , other] = parts(el, 'badge');
      expect(getComputedStyle(l3).backgroundColor).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(other).backgroundColor).to.equal('rgb(0, 90, 0)');
    });

    it('reads the 2017 crisis responses from an HXL file, with their shared source shown once', async () => {
      const el = await settled(await fixture<EmergencyList>(html`<emergency-list src="/data/hxl/crisis-responses-2017.hxl.csv"></emergency-list>`));
      expect(names(el)[0]).to.equal('Syrian Arab Republic');
      expect(parts(el, 'badge').length).to.equal(parts(el, 'item').length);
      expect(text(part(el, 'source'))).to.contain('IOM at a glance (2017 figures)');
      expect(parts(el, 'item').every((i) => !text(i).includes('Source:'))).to.be.true;
    });
  });

  describe('full data (fictitious example)', () => {
    it('shows title, date, badge, region, type, countries and the people figures in compact form', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      expect(text(part(el, 'title'))).to.equal('Ongoing emergencies (fictitious example) As of June 30, 2024');
      const alpha = item(el, 'Alpha river floods (fictitious)');
      expect(text(alpha.querySelector('.meta'))).to.equal('Example region North Disaster');
      expect([...alpha.querySelectorAll('.figure')].map((f) => text(f))).to.deep.equal([
        'People affected 2.4 million',
        'People in need 1.2 million',
        'People targeted 800 thousand',
        'People reached 350 thousand',
      ]);
      expect(text(alpha.querySelector('.countries'))).to.equal('Example country A');
      expect(text(item(el, 'Hotel regional refugee response (fictitious)').querySelector('.countries'))).to.equal('Example country H, Example country I');
      expect(text(alpha.querySelector('.foot'))).to.equal('Updated Mar 15, 2024');
      expect(text(alpha.querySelector('[part="summary"]'))).to.contain('Fictitious example');
      expect(text(part(el, 'source'))).to.equal('Source: Fictitious example data for the emergency-list tests, 2024');
    });

    it('draws a funding bar with meter semantics and the percentage in text when appeal and funding are both known', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      const alpha = item(el, 'Alpha river floods (fictitious)');
      const meter = alpha.querySelector('[part="meter"]')!;
      expect(meter.getAttribute('role')).to.equal('meter');
      expect(meter.getAttribute('aria-label')).to.equal('Funding');
      expect(meter.getAttribute('aria-valuemin')).to.equal('0');
      expect(meter.getAttribute('aria-valuemax')).to.equal('100');
      expect(meter.getAttribute('aria-valuenow')).to.equal('25');
      expect(meter.getAttribute('aria-valuetext')).to.equal('25% funded');
      expect(text(alpha.querySelector('.funding-text'))).to.equal('25% funded USD 30M received of USD 120M required');
      const fill = meter.querySelector<HTMLElement>('.fill')!;
      expect(fill.getBoundingClientRect().width / meter.getBoundingClientRect().width).to.be.closeTo(0.25, 0.01);
    });

    it('draws no bar and no percentage when the appeal or the amount received is missing', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      for (const name of ['Echo cholera outbreak (fictitious)', 'Foxtrot border crossings (fictitious)', 'Delta drought (fictitious)', 'Kilo volcanic eruption (fictitious)']) {
        const row = item(el, name);
        expect(row.querySelector('[part="meter"]'), name).to.equal(null);
        expect(text(row), name).not.to.match(/%|undefined|NaN/);
      }
      expect(text(root(el))).not.to.match(/undefined|NaN/);
    });

    it('shows a real 0% and an overfunded appeal honestly', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      const golf = item(el, 'Golf cyclone (fictitious)');
      expect(text(golf.querySelector('.funding-text'))).to.equal('0% funded USD 0 received of USD 20M required');
      const hotel = item(el, 'Hotel regional refugee response (fictitious)').querySelector('[part="meter"]')!;
      expect(hotel.getAttribute('aria-valuenow')).to.equal('100');
      expect(hotel.getAttribute('aria-valuetext')).to.equal('105% funded');
    });

    it('never rounds a small or nearly complete funding to a misleading percentage', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list
        .data=${[
          { name: 'Tiny share (fictitious)', appeal: 10_000_000, funded: 4_000 },
          { name: 'Nearly there (fictitious)', appeal: 1_000_000, funded: 996_000 },
        ]}
      ></emergency-list>`);
      expect(text(parts(el, 'funding')[0])).to.match(/^0\.04% funded/);
      expect(text(parts(el, 'funding')[1])).to.match(/^99\.6% funded/);
    });

    it('names a per-emergency source, linked only when its URL is safe', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      const link = item(el, 'Hotel regional refugee response (fictitious)').querySelector<HTMLAnchorElement>('.foot a')!;
      expect(text(link)).to.equal('Fictitious example situation report');
      expect(text(link.closest('span')!)).to.equal('Source: Fictitious example situation report');
      expect(link.getAttribute('href')).to.equal('https://example.org/fictitious/hotel-sitrep');
    });

    it('is accessible in list and grid layouts', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${example}></emergency-list>`);
      await expect(el).to.be.accessible();
      el.layout = 'grid';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('links', () => {
    it('links the name to a safe url and shows an unsafe one as plain text', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list
        .data=${[
          { name: 'Safe (fictitious)', url: 'https://example.org/fictitious/safe' },
          { name: 'Relative (fictitious)', url: '/fictitious/relative' },
          { name: 'Script (fictitious)', url: 'javascript:alert(1)' },
          { name: 'Sneaky (fictitious)', url: ' java\tscript:alert(1)' },
          { name: 'Data (fictitious)', url: 'data:text/html,<b>x</b>' },
        ]}
      ></emergency-list>`);
      const links = parts(el, 'link') as HTMLAnchorElement[];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/fictitious/safe', '/fictitious/relative']);
      for (const name of ['Script (fictitious)', 'Sneaky (fictitious)', 'Data (fictitious)']) {
        const heading = item(el, name).querySelector('[part~="name"]')!;
        expect(heading.querySelector('a'), name).to.equal(null);
        expect(text(heading)).to.equal(name);
      }
      expect(root(el).querySelector('a[href*="script"], a[href^="data:"]')).to.equal(null);
    });
  });

  describe('HXL input', () => {
    it('reads an array of arrays with a hashtag row', async () => {
      const rows = [
        ['Emergency', 'Region', 'Level', 'Affected'],
        ['#crisis+name', '#region+name', '#status+level', '#affected'],
        ['Oscar floods (fictitious)', 'Example region North', 'L2', '125000'],
        ['Papa drought (fictitious)', '', '', ''],
      ];
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${rows}></emergency-list>`);
      expect(names(el)).to.deep.equal(['Oscar floods (fictitious)', 'Papa drought (fictitious)']);
      expect(text(item(el, 'Oscar floods (fictitious)').querySelector('.figure'))).to.equal('People affected 125 thousand');
      expect(text(item(el, 'Papa drought (fictitious)'))).to.equal('Papa drought (fictitious)');
    });

    it('names emergencies by #country+name when the table has no #crisis+name', async () => {
      const rows = [
        ['#country+name', '#inneed'],
        ['Example country Q (fictitious)', '3000'],
      ];
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${rows}></emergency-list>`);
      expect(names(el)).to.deep.equal(['Example country Q (fictitious)']);
      expect(root(el).querySelector('.countries')).to.equal(null);
    });

    it('says which columns to add when the table names no emergency', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${[['#region+name'], ['Example region']]}></emergency-list>`);
      expect(text(part(el, 'error'))).to.contain('HXL table has no #crisis+name (or #country+name) column (the emergency name)');
      await expect(el).to.be.accessible();
    });

    it('reads a CSV file from src, with numbers, dates and safe links', async () => {
      const el = await settled(await fixture<EmergencyList>(html`<emergency-list src=${HXL_URL}></emergency-list>`));
      expect(names(el)).to.deep.equal(['Lima storm surge (fictitious)', 'Mike "dry season" response (fictitious)', 'November flash floods (fictitious)']);
      const lima = item(el, 'Lima storm surge (fictitious)');
      expect(text(lima.querySelector('.funding-text'))).to.equal('40% funded USD 6M received of USD 15M required');
      expect(text(lima.querySelector('.foot'))).to.equal('Updated Apr 4, 2024');
      expect(lima.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/fictitious/lima');
      expect(item(el, 'November flash floods (fictitious)').querySelector('a')).to.equal(null);
      expect(text(item(el, 'Mike "dry season" response (fictitious)'))).to.equal('Mike "dry season" response (fictitious) Level: L1 Example country M Example region West');
    });
  });

  describe('search', () => {
    it('filters by name as the reader types, and says how many match', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable .data=${example}></emergency-list>`);
      expect(labelOf(search(el))).to.equal('Search emergencies');
      expect(text(part(el, 'count'))).to.equal('10 of 10 emergencies');
      await typeSearch(el, 'flood');
      expect(names(el)).to.deep.equal(['Alpha river floods (fictitious)']);
      expect(text(part(el, 'count'))).to.equal('1 of 10 emergencies');
    });

    it('matches countries, ISO codes, regions, types and summaries, every word, ignoring case and accents', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable .data=${example}></emergency-list>`);
      const find = async (query: string) => {
        search(el).value = query;
        search(el).dispatchEvent(new Event('input'));
        await el.updateComplete;
        return names(el);
      };
      expect(await find('XHA')).to.deep.equal(['Hotel regional refugee response (fictitious)']);
      expect(await find('example country b')).to.deep.equal(['Bravo displacement crisis (fictitious)']);
      expect(await find('EPIDEMIC')).to.deep.equal(['Echo cholera outbreak (fictitious)']);
      expect(await find('south  conflict')).to.deep.equal(['Bravo displacement crisis (fictitious)', 'Hotel regional refugee response (fictitious)']);
      expect(await find('valley')).to.deep.equal(['Alpha river floods (fictitious)']);
      expect(foldText('TÜRKİYE')).to.equal('turkiye');
      const real = await fixture<EmergencyList>(html`<emergency-list searchable .data=${NAMES_2023.map((name) => ({ name }))}></emergency-list>`);
      search(real).value = 'turkiye';
      search(real).dispatchEvent(new Event('input'));
      await real.updateComplete;
      expect(names(real)).to.deep.equal(['Türkiye']);
    });

    it('is reached with Tab and cleared with Escape', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable .data=${example}></emergency-list>`);
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => root(el).activeElement === search(el), 'Tab reaches the search box', { timeout: 10_000 });
      await sendKeys({ type: 'golf' });
      await waitUntil(() => search(el).value === 'golf', 'typed', { timeout: 10_000 });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Golf cyclone (fictitious)']);
      let events = 0;
      el.addEventListener('iom-filter-change', () => events++);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => search(el).value === '', 'Escape empties the search', { timeout: 10_000 });
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(10);
      expect(events).to.equal(1);
    });
  });

  describe('filters', () => {
    it('builds region and level menus from the data, levels from most to least severe', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list filters="region level" .data=${example}></emergency-list>`);
      expect(labelOf(filter(el, 'region'))).to.equal('Region');
      expect(options(filter(el, 'region'))).to.deep.equal(['All regions', 'Example region East', 'Example region North', 'Example region South']);
      expect(labelOf(filter(el, 'level'))).to.equal('Level');
      expect(options(filter(el, 'level'))).to.deep.equal(['All levels', 'L3', 'L2', 'L1', 'Significant crisis response']);
      await expect(el).to.be.accessible();
    });

    it('keeps only the emergencies of the chosen region and level', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list filters="region level" .data=${example}></emergency-list>`);
      await choose(el, filter(el, 'region'), 'Example region South');
      expect(names(el)).to.deep.equal(['Bravo displacement crisis (fictitious)', 'Echo cholera outbreak (fictitious)', 'Hotel regional refugee response (fictitious)']);
      await choose(el, filter(el, 'level'), 'L3');
      expect(names(el)).to.deep.equal(['Bravo displacement crisis (fictitious)', 'Hotel regional refugee response (fictitious)']);
      expect(text(part(el, 'count'))).to.equal('2 of 10 emergencies');
    });

    it('changes with the arrow keys', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list filters="region" .data=${example}></emergency-list>`);
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => root(el).activeElement === filter(el, 'region'), 'Tab reaches the region menu', { timeout: 10_000 });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => filter(el, 'region').value === 'Example region East', 'the next region', { timeout: 10_000 });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Charlie earthquake response (fictitious)', 'Foxtrot border crossings (fictitious)', 'Indigo landslides (fictitious)']);
    });

    it('offers a type filter, and no menu when the data has fewer than two values', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list filters="type region" .data=${LEVELS_2017}></emergency-list>`);
      expect(part(el, 'controls')).to.equal(null);
      const typed = await fixture<EmergencyList>(html`<emergency-list filters="type" .data=${example}></emergency-list>`);
      expect(options(filter(typed, 'type'))).to.deep.equal(['All types', 'Conflict', 'Disaster', 'Displacement', 'Epidemic']);
    });

    it('combines with the search', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable filters="region" .data=${example}></emergency-list>`);
      await choose(el, filter(el, 'region'), 'Example region North');
      await typeSearch(el, 'disaster');
      expect(names(el)).to.deep.equal(['Alpha river floods (fictitious)', 'Delta drought (fictitious)', 'Golf cyclone (fictitious)']);
    });
  });

  describe('sorting', () => {
    const order = async (sort: string, data: unknown = example) => names(await fixture<EmergencyList>(html`<emergency-list sort=${sort} .data=${data}></emergency-list>`));

    it('sorts by name in the locale\'s alphabetical order', async () => {
      const sorted = await order('name', NAMES_2023.map((name) => ({ name })));
      expect(sorted).to.deep.equal([...NAMES_2023].sort((a, b) => a.localeCompare(b, 'en')));
    });

    it('sorts by level, most severe first, categories after numbered levels, unknown last', async () => {
      const sorted = await order('level');
      expect(sorted.slice(0, 3)).to.deep.equal(['Alpha river floods (fictitious)', 'Bravo displacement crisis (fictitious)', 'Hotel regional refugee response (fictitious)']);
      expect(sorted.slice(3, 6)).to.deep.equal(['Charlie earthquake response (fictitious)', 'Echo cholera outbreak (fictitious)', 'Golf cyclone (fictitious)']);
      expect(sorted.slice(6)).to.deep.equal(['Delta drought (fictitious)', 'Foxtrot border crossings (fictitious)', 'Indigo landslides (fictitious)', 'Kilo volcanic eruption (fictitious)']);
    });

    it('sorts by people (the widest figure given), most first, emergencies without figures last', async () => {
      expect(await order('people')).to.deep.equal([
        'Bravo displacement crisis (fictitious)', // 5.1 million in need
        'Hotel regional refugee response (fictitious)', // 3 million in need
        'Alpha river floods (fictitious)', // 2.4 million affected
        'Charlie earthquake response (fictitious)',
        'Delta drought (fictitious)',
        'Echo cholera outbreak (fictitious)',
        'Foxtrot border crossings (fictitious)',
        'Golf cyclone (fictitious)',
        'Indigo landslides (fictitious)',
        'Kilo volcanic eruption (fictitious)',
      ]);
    });

    it('sorts by funding gap, largest first, only where both amounts are known', async () => {
      expect((await order('funding-gap')).slice(0, 5)).to.deep.equal([
        'Bravo displacement crisis (fictitious)', // 255M
        'Alpha river floods (fictitious)', // 90M
        'Golf cyclone (fictitious)', // 20M
        'Charlie earthquake response (fictitious)', // 9M
        'Hotel regional refugee response (fictitious)', // overfunded: 0
      ]);
    });

    it('sorts by last update, newest first', async () => {
      expect((await order('updated')).slice(0, 6)).to.deep.equal([
        'Golf cyclone (fictitious)',
        'Bravo displacement crisis (fictitious)',
        'Alpha river floods (fictitious)',
        'Hotel regional refugee response (fictitious)',
        'Charlie earthquake response (fictitious)',
        'Delta drought (fictitious)',
      ]);
    });

    it('gives the reader a sort menu, starting from the sort attribute, operable from the keyboard', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list sortable sort="name" .data=${example}></emergency-list>`);
      const menu = sortMenu(el);
      expect(labelOf(menu)).to.equal('Sort by');
      expect(options(menu)).to.deep.equal([
        'Order given',
        'Name (A to Z)',
        'Level (highest first)',
        'People (most first)',
        'Funding gap (largest first)',
        'Last updated (newest first)',
      ]);
      expect(menu.value).to.equal('name');
      expect(names(el)[0]).to.equal('Alpha river floods (fictitious)');
      menu.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => menu.value === 'level', 'the next sort', { timeout: 10_000 });
      await el.updateComplete;
      expect(names(el).slice(0, 3)).to.deep.equal(['Alpha river floods (fictitious)', 'Bravo displacement crisis (fictitious)', 'Hotel regional refugee response (fictitious)']);
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => menu.value !== 'level', 'the sort after that', { timeout: 10_000 });
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Bravo displacement crisis (fictitious)');
      await expect(el).to.be.accessible();
    });

    it('goes back to the data order and no menus when sort and filters are removed', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list sort="name" filters="region" layout="grid" .data=${example}></emergency-list>`);
      el.removeAttribute('sort');
      el.removeAttribute('filters');
      el.removeAttribute('layout');
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(names(el)).to.deep.equal(example.emergencies.map((e) => e.name));
      expect(part(el, 'controls')).to.equal(null);
    });

    it('follows a new sort attribute over the reader\'s earlier choice', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list sortable .data=${example}></emergency-list>`);
      await choose(el, sortMenu(el), 'people');
      el.sort = 'updated';
      await el.updateComplete;
      expect(sortMenu(el).value).to.equal('updated');
      expect(names(el)[0]).to.equal('Golf cyclone (fictitious)');
    });
  });

  describe('announced count and event', () => {
    it('keeps the live region quiet until a change, then announces "N of M emergencies" once the reader pauses', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable filters="region" .data=${example}></emergency-list>`);
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(text(status(el))).to.equal('');
      const clock = fakeTimeouts();
      try {
        // A choice in a menu: announced after a short pause (150 ms).
        filter(el, 'region').value = 'Example region East';
        filter(el, 'region').dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        clock.tick(140);
        await el.updateComplete;
        expect(text(status(el)), 'not yet').to.equal('');
        clock.tick(20);
        await el.updateComplete;
        expect(text(status(el))).to.equal('3 of 10 emergencies');
        // Typing: announced once the reader pauses (700 ms after the last key), not at every key.
        const heard: string[] = [];
        const observer = new MutationObserver(() => heard.push(text(status(el))));
        observer.observe(status(el), { childList: true, characterData: true, subtree: true });
        const box = search(el);
        for (const key of 'charlie') {
          box.value += key;
          box.dispatchEvent(new Event('input', { bubbles: true }));
          clock.tick(300);
        }
        await el.updateComplete;
        expect(names(el)).to.deep.equal(['Charlie earthquake response (fictitious)']);
        clock.tick(350);
        await el.updateComplete;
        expect(text(status(el)), '650 ms after the last key').to.equal('3 of 10 emergencies');
        clock.tick(60);
        await el.updateComplete;
        observer.disconnect();
        expect(text(status(el)), '710 ms after the last key').to.equal('1 of 10 emergencies');
        expect(heard).to.deep.equal(['1 of 10 emergencies']);
      } finally {
        clock.restore();
      }
    });

    it('puts the count in the plural the language needs', async () => {
      await Promise.all([loadWords('fr'), loadWords('ar')]);
      const count = (locale: string, visible: number, total: number) =>
        plural(locale, 'emergencyListCount', total, { visible: new Intl.NumberFormat(digitsLocale(locale)).format(visible), total: new Intl.NumberFormat(digitsLocale(locale)).format(total) });
      expect(count('en', 1, 1)).to.equal('1 of 1 emergency');
      expect(count('en', 0, 1200)).to.equal('0 of 1,200 emergencies');
      expect(count('fr', 0, 1)).to.equal('0 sur 1 urgence');
      expect(count('fr', 2, 10)).to.equal('2 sur 10 urgences');
      const arabic = (n: number) => new Intl.NumberFormat(digitsLocale('ar')).format(n);
      expect(count('ar', 1, 2)).to.equal(`${arabic(1)} من حالتَي طوارئ`);
      expect(count('ar', 3, 10)).to.equal(`${arabic(3)} من ${arabic(10)} حالات طوارئ`);
      expect(count('ar', 3, 11)).to.equal(`${arabic(3)} من ${arabic(11)} حالة طوارئ`);
    });

    it('fires iom-filter-change with the query, filters, sort and counts', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable sortable filters="region level" limit="2" .data=${example}></emergency-list>`);
      const region = oneEvent(el, 'iom-filter-change');
      await choose(el, filter(el, 'region'), 'Example region North');
      const first = ((await region) as CustomEvent<EmergencyFilterChangeDetail>).detail;
      expect(first).to.deep.equal({
        query: '',
        filters: { region: 'Example region North', level: '', type: '' },
        sort: '',
        visible: 3,
        shown: 2,
        total: 10,
      });
      const typed = oneEvent(el, 'iom-filter-change');
      search(el).value = 'golf';
      search(el).dispatchEvent(new Event('input'));
      const second = (await typed) as CustomEvent<EmergencyFilterChangeDetail>;
      expect(second.detail.query).to.equal('golf');
      expect(second.detail.visible).to.equal(1);
      expect(second.bubbles && second.composed).to.be.true;
      const sorted = oneEvent(el, 'iom-filter-change');
      await choose(el, sortMenu(el), 'updated');
      expect(((await sorted) as CustomEvent<EmergencyFilterChangeDetail>).detail.sort).to.equal('updated');
    });
  });

  describe('limit', () => {
    it('shows the first N and a "Show all" button that reveals the rest and folds them again', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="3" .data=${example}></emergency-list>`);
      expect(parts(el, 'item')).to.have.length(3);
      const more = part(el, 'more') as HTMLButtonElement;
      expect(text(more)).to.equal('Show all 10');
      more.focus();
      await sendKeys({ press: 'Enter' });
      // (Firefox, driven over WebDriver BiDi, may deliver the key after sendKeys resolves.)
      await waitUntil(() => parts(el, 'item').length === 10, 'all 10 shown', { timeout: 10_000 });
      expect(text(part(el, 'more'))).to.equal('Show fewer');
      // Focus moves to the first emergency that was hidden, so the reader carries on from there.
      await waitUntil(() => root(el).activeElement === parts(el, 'item')[3], 'focus on the 4th emergency', { timeout: 10_000 });
      await sendKeys({ press: 'Tab' });
      const link = item(el, 'Hotel regional refugee response (fictitious)').querySelector('.foot a');
      await waitUntil(() => root(el).activeElement === link, 'Tab reaches the next link', { timeout: 10_000 });
      part(el, 'more')!.focus();
      expect(parts(el, 'item')[3].hasAttribute('tabindex')).to.be.false;
      await sendKeys({ press: ' ' });
      await waitUntil(() => parts(el, 'item').length === 3, 'folded back to 3', { timeout: 10_000 });
      await expect(el).to.be.accessible();
    });

    it('applies to the matching emergencies, and hides the button when they all fit', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="2" searchable .data=${example}></emergency-list>`);
      await typeSearch(el, 'disaster');
      expect(parts(el, 'item')).to.have.length(2);
      expect(text(part(el, 'more'))).to.equal('Show all 5');
      await typeSearch(el, ' north');
      expect(text(part(el, 'count'))).to.equal('3 of 10 emergencies');
      expect(text(part(el, 'more'))).to.equal('Show all 3');
      search(el).value = 'golf';
      search(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(part(el, 'more')).to.equal(null);
    });

    it('ignores a limit that is not a positive number', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="none" .data=${example}></emergency-list>`);
      expect(parts(el, 'item')).to.have.length(10);
      expect(part(el, 'more')).to.equal(null);
    });

    it('prints every emergency, not only the first N', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="2" .data=${example}></emergency-list>`);
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(10);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(2);
    });

    it('renders every emergency within the print event itself, as Firefox lays the printout out before any microtask', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="2" .data=${example}></emergency-list>`);
      window.dispatchEvent(new Event('beforeprint'));
      // No await: what the page holds when the event returns is what Firefox prints.
      expect(parts(el, 'item')).to.have.length(10);
      window.dispatchEvent(new Event('afterprint'));
      expect(parts(el, 'item')).to.have.length(2);
    });

    it('prints every emergency under print media alone, with no print dialog (PDF services)', async function () {
      needsDevTools(this);
      const el = await fixture<EmergencyList>(html`<emergency-list limit="2" .data=${example}></emergency-list>`);
      try {
        await emulateMedia({ media: 'print' });
        await waitUntil(() => parts(el, 'item').length === 10, 'every emergency on paper', { timeout: 10_000 });
      } finally {
        await emulateMedia({ media: 'screen' });
      }
      await waitUntil(() => parts(el, 'item').length === 2, 'back to the first 2 on screen', { timeout: 10_000 });
    });
  });

  describe('empty states', () => {
    it('says "No emergencies match." with a button that clears the search and filters and returns focus', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable filters="region" sort="name" .data=${example}></emergency-list>`);
      await choose(el, filter(el, 'region'), 'Example region East');
      await typeSearch(el, 'zzz');
      expect(part(el, 'list')).to.equal(null);
      expect(text(part(el, 'no-match'))).to.equal('No emergencies match. Clear filters');
      expect(text(part(el, 'count'))).to.equal('0 of 10 emergencies');
      await expect(el).to.be.accessible();
      const clear = part(el, 'clear') as HTMLButtonElement;
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement === search(el), 'focus back on the first control', { timeout: 10_000 });
      expect(search(el).value).to.equal('');
      expect(filter(el, 'region').value).to.equal('');
      expect(names(el)[0]).to.equal('Alpha river floods (fictitious)');
      expect(parts(el, 'item')).to.have.length(10);
    });

    it('shows the shared empty state when the data has no emergencies', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable .data=${{ title: 'Nothing (fictitious)', emergencies: [] }}></emergency-list>`);
      expect(el.status).to.equal('empty');
      expect(text(part(el, 'empty'))).to.equal('No data to show.');
      expect(part(el, 'controls')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('shows a busy skeleton while loading', async () => {
      const slow = heldUrl(EXAMPLE_URL);
      const el = await fixture<EmergencyList>(html`<emergency-list limit="4" src=${slow.url}></emergency-list>`);
      expect(el.status).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelectorAll('.skeleton-line')).to.have.length(8);
      await expect(el).to.be.accessible();
      expect(el.status, 'still loading after the accessibility check').to.equal('loading');
      await releaseHeld(slow.key);
      await settled(el);
      expect(parts(el, 'item')).to.have.length(4);
    });

    it('names the field of invalid data in its error', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list .data=${[{ name: 'Fine (fictitious)' }, { name: 'Bad (fictitious)', peopleInNeed: '1,200' }]}></emergency-list>`);
      expect(el.status).to.equal('error');
      expect(text(part(el, 'error'))).to.contain('emergencies[1].peopleInNeed must be a number, got "1,200"');
      await expect(el).to.be.accessible();
    });
  });

  describe('heading level and layout', () => {
    it('uses the heading level asked for, and 3 when it is out of range', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list heading-level="2" .data=${LEVELS_2017}></emergency-list>`);
      expect(root(el).querySelectorAll('h2[part~="name"]')).to.have.length(4);
      el.headingLevel = 5;
      await el.updateComplete;
      expect(root(el).querySelectorAll('h5[part~="name"]')).to.have.length(4);
      el.headingLevel = 9;
      await el.updateComplete;
      expect(root(el).querySelectorAll('h3[part~="name"]')).to.have.length(4);
    });

    it('renders an item again when the heading level changes while it is filtered out', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable heading-level="2" .data=${LEVELS_2017}></emergency-list>`);
      await typeSearch(el, 'libya');
      expect(names(el)).to.deep.equal(['Libya']);
      el.headingLevel = 4;
      await el.updateComplete;
      search(el).value = '';
      search(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(root(el).querySelectorAll('h4[part~="name"]')).to.have.length(4);
      expect(root(el).querySelectorAll('h2')).to.have.length(0);
    });

    it('lays cards out in one column on a phone and several on a wide page', async function () {
      await setViewport({ width: 360, height: 740 }, this);
      const el = await fixture<EmergencyList>(html`<emergency-list layout="grid" .data=${example}></emergency-list>`);
      const lefts = () => new Set(parts(el, 'item').slice(0, 6).map((i) => Math.round(i.getBoundingClientRect().left)));
      expect(lefts().size).to.equal(1);
      await setViewport({ width: 1280, height: 800 });
      await el.updateComplete;
      expect(lefts().size).to.be.greaterThan(2);
    });
  });

  describe('languages and direction', () => {
    it('speaks Arabic and mirrors its layout right to left', async () => {
      const el = await fixture<EmergencyList>(html`<div dir="rtl" lang="ar">
        <emergency-list searchable sortable filters="level" .data=${example}></emergency-list>
      </div>`).then((d) => d.querySelector('emergency-list')!);
      await el.updateComplete;
      const arabic = (n: number) => new Intl.NumberFormat(digitsLocale('ar')).format(n);
      expect(labelOf(search(el))).to.equal('البحث في حالات الطوارئ');
      expect(labelOf(sortMenu(el))).to.equal('الترتيب حسب');
      expect(options(filter(el, 'level'))[0]).to.equal('كل المستويات');
      expect(text(part(el, 'count'))).to.equal(`${arabic(10)} من ${arabic(10)} حالات طوارئ`);
      const alpha = item(el, 'Alpha river floods (fictitious)');
      const heading = alpha.querySelector('[part~="name"]')!.getBoundingClientRect();
      const badge = alpha.querySelector('[part~="badge"]')!.getBoundingClientRect();
      expect(badge.right).to.be.lessThan(heading.left + 1);
      const meter = alpha.querySelector('[part~="meter"]')!.getBoundingClientRect();
      const fill = alpha.querySelector('.fill')!.getBoundingClientRect();
      expect(Math.round(fill.right)).to.equal(Math.round(meter.right));
      expect(text(alpha.querySelector('.funding-text'))).to.contain('نسبة التمويل');
      // English data keeps its own order inside the Arabic layout: the full stop stays after "valley".
      const summary = alpha.querySelector('[part="summary"]')!;
      const node = [...summary.querySelector('bdi')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
      const charBox = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      expect(charBox(node.data.lastIndexOf('.')).left).to.be.greaterThan(charBox(node.data.lastIndexOf('y')).left);
      expect(Math.round(summary.getBoundingClientRect().right)).to.equal(Math.round(alpha.getBoundingClientRect().right));
      await expect(el).to.be.accessible();
    });

    it('speaks French, with French numbers and plurals', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list locale="fr" searchable sortable .data=${example}></emergency-list>`);
      expect(labelOf(search(el))).to.equal('Rechercher une urgence');
      expect(text(part(el, 'count'))).to.equal('10 sur 10 urgences');
      expect(options(sortMenu(el))[1]).to.equal('Nom (de A à Z)');
      expect(text(item(el, 'Alpha river floods (fictitious)').querySelector('.figure'))).to.equal('Personnes touchées 2,4 millions');
      await typeSearch(el, 'golf');
      expect(text(part(el, 'count'))).to.equal('1 sur 10 urgences');
    });

    it('speaks Spanish', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list locale="es" filters="region" .data=${example}></emergency-list>`);
      expect(labelOf(filter(el, 'region'))).to.equal('Región');
      expect(text(part(el, 'count'))).to.equal('10 de 10 emergencias');
    });
  });

  describe('long lists (generated, fictitious emergencies)', function () {
    // The list fills in while the browser is idle: on a loaded machine (CI, two browsers at once)
    // that takes a while. These tests wait for the items, they do not time them. The first and
    // the last take 1,000 ("Show all 1,000"); the other two 300, several chunks past the first
    // screenful all the same (and a fifth of this file's browser time less).
    this.timeout(30_000);
    const many = generated(1000);
    const long = generated(300);

    const all = (el: EmergencyList, count: number) =>
      waitUntil(() => parts(el, 'item').length === count, `${count} items rendered`, { timeout: 25_000 });

    it('renders the first screenful of 1,000 at once and the rest while the browser is idle, in order', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list sortable .data=${many}></emergency-list>`);
      const first = parts(el, 'item').length;
      expect(first).to.be.within(20, 100);
      await all(el, 1000);
      expect(names(el)).to.deep.equal(many.map((e) => e.name));
      await choose(el, sortMenu(el), 'name');
      expect(parts(el, 'item').length).to.equal(first);
      await all(el, 1000);
      expect(names(el)).to.deep.equal(many.map((e) => e.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    });

    it('renders, searches, filters and sorts all 300 correctly', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable sortable filters="region level" .data=${long}></emergency-list>`);
      await all(el, 300);
      await choose(el, filter(el, 'region'), 'Example region West');
      await all(el, 75);
      await typeSearch(el, '09');
      const expected = long.filter((e) => e.region === 'Example region West' && e.name.includes('09')).map((e) => e.name);
      expect(names(el)).to.deep.equal(expected);
      expect(text(part(el, 'count'))).to.equal(`${expected.length} of 300 emergencies`);
      await choose(el, sortMenu(el), 'people');
      const people = (name: string) => long.find((e) => e.name === name)!.peopleInNeed ?? -1;
      const sorted = names(el).map(people);
      expect(sorted).to.deep.equal([...sorted].sort((a, b) => b - a));
    });

    it('never shows fewer after "Show all" than before it, and takes focus to the first new one', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="60" .data=${long}></emergency-list>`);
      expect(parts(el, 'item')).to.have.length(60);
      (part(el, 'more') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(parts(el, 'item').length).to.be.greaterThan(60);
      await waitUntil(() => root(el).activeElement === parts(el, 'item')[60], 'focus on the 61st emergency', { timeout: 10_000 });
      expect(text(root(el).activeElement!.querySelector('[part~="name"]'))).to.equal(long[60].name);
      await all(el, 300);
    });

    it('renders only the first page under a limit, and all of them on "Show all"', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="20" sort="funding-gap" .data=${many}></emergency-list>`);
      expect(parts(el, 'item')).to.have.length(20);
      const gap = (e: Emergency) => (e.appeal !== undefined && e.funded !== undefined ? Math.max(0, e.appeal - e.funded) : -1);
      const top = [...many].map((e, i) => ({ e, i })).sort((a, b) => gap(b.e) - gap(a.e) || a.i - b.i).slice(0, 20).map((x) => x.e.name);
      expect(names(el)).to.deep.equal(top);
      expect(text(part(el, 'more'))).to.equal('Show all 1,000');
      (part(el, 'more') as HTMLButtonElement).click();
      await all(el, 1000);
      expect(names(el).slice(0, 20)).to.deep.equal(top);
      window.dispatchEvent(new Event('beforeprint'));
      expect(parts(el, 'item')).to.have.length(1000);
      expect(part(el, 'more'), 'no button on paper').to.equal(null);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      (part(el, 'more') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(20);
    });
  });
});
