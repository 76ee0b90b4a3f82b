import { needsDevTools } from './support/browsers.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { setViewport } from './support/viewport.js';
import '../src/donor-ranking/define.js';
import type { DonorRanking } from '../src/donor-ranking/donor-ranking.js';
import { wrapLabel } from '../src/donor-ranking/chart.js';
import { failedModuleUrl } from '../src/base/once.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { exampleDonors, threeDonors, LONG_NAME } from './fixtures/donors.js';
import { clean, frames, fresh, settled, shadowText as text } from './support/dom.js';

// This file imports chart.ts (for wrapLabel), so chart.js is loaded on this page from the start:
// the network test of the lazy chart lives in donor-ranking-lazy.test.ts, on a page of its own.
import type { Chart as ChartType } from 'chart.js';
import { heldUrl, releaseHeld } from './support/server.js';
import { digitsLocale } from '../src/i18n/format.js';
const { Chart } = (await import('chart.js')) as { Chart: typeof ChartType };

const SEED = '/data/annual-report-2023.json#/funding/topDonors';
const SEED_ALPHABETICAL = '/data/annual-report-2023.json#/funding/unearmarkedContributors';
const SEED_HXL = '/data/hxl/top-donors-2023.hxl.csv';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<E>(selector);
/** Every match in the shadow root, those hidden on screen past the limit (printed only) included. */
const $$all = <E extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];
/** The matches a reader sees on screen: not the rows past the limit, which only a printout shows. */
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => $$all<E>(el, selector).filter((e) => !e.closest('.past-limit'));
const names = (el: Element) => $$(el, '[part~="row"] [part="name"]').map((n) => clean(n.textContent));
const errorText = (el: Element) => clean($(el, '[part="error"] .error-message')?.textContent);
const chartOf = (el: Element) => Chart.getChart($<HTMLCanvasElement>(el, '.chart canvas')!);
/** Intl's own output, to check the widget formats for the right locale without hard-coding ICU data. */
const compactUsd = (value: number, locale: string) =>
  // (Written out as the widget asks for it: Western digits for plain ar, no padded decimals.)
  new Intl.NumberFormat(digitsLocale(locale), { style: 'currency', currency: 'USD', currencyDisplay: 'code', notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);


async function chartReady(el: DonorRanking) {
  await el.updateComplete;
  await waitUntil(() => $(el, '.chart')?.dataset.state === 'ready' && chartOf(el), 'chart drawn', { timeout: 10_000 });
  return chartOf(el)!;
}


describe('donor-ranking', () => {
  beforeEach(() => clearDataCache());

  describe('rank order alone (the 2023 top 20 of the annual report)', () => {
    it('shows a clean numbered ranking without bars or amounts', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking src=${fresh(SEED)}></donor-ranking>`));
      expect(el.status).to.equal('ready');
      expect(clean($(el, '[part="title"]')?.textContent)).to.equal('Top 20 donors: voluntary contributions, 2023');
      const list = $(el, '[part="list"]')!;
      expect(list.localName).to.equal('ol');
      expect(list.getAttribute('aria-labelledby')).to.equal('title');
      expect($$(el, '[part="rank"]').map((r) => r.textContent)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(names(el).slice(0, 3)).to.deep.equal(['United States of America', 'European Commission', 'Germany']);
      expect($$(el, '[part="bar"]')).to.have.length(0);
      expect($$(el, '[part="amount"]')).to.have.length(0);
      expect(text(el)).to.contain('Source: International Organization for Migration (IOM), IOM Annual Report 2023');
      await expect(el).to.be.accessible();
    });

    it('shows all 20 on request, and fewer again', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking src=${fresh(SEED)}></donor-ranking>`));
      const more = $<HTMLButtonElement>(el, '[part="more"]')!;
      expect(clean(more.textContent)).to.equal('Show all 20');
      more.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(20);
      expect(names(el)[19]).to.equal('Belgium');
      expect(clean($(el, '[part="more"]')!.textContent)).to.equal('Show fewer');
      $<HTMLButtonElement>(el, '[part="more"]')!.click();
      await el.updateComplete;
      expect(names(el)).to.have.length(10);
    });

    it('shows everything with limit="0" and has no button then', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking limit="0" src=${fresh(SEED)}></donor-ranking>`));
      expect(names(el)).to.have.length(20);
      expect($(el, '[part="more"]')).to.equal(null);
    });

    it('falls back to the list in chart view, says why, and offers no chart in the switch', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking view="chart" switchable src=${fresh(SEED)}></donor-ranking>`));
      expect($(el, 'canvas')).to.equal(null);
      expect($(el, '[part="list"]')).to.exist;
      expect(clean($(el, '[part="note"]')?.textContent)).to.contain('without amounts, so there is no chart to draw');
      const options = $$<HTMLInputElement>(el, '[part="views"] input').map((i) => i.value);
      expect(options).to.deep.equal(['list', 'table']);
      expect($<HTMLInputElement>(el, 'input[value="list"]')!.checked).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('shows an alphabetical list unnumbered, never as a ranking', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking src=${fresh(SEED_ALPHABETICAL)}></donor-ranking>`));
      expect($(el, '[part="list"]')!.localName).to.equal('ul');
      expect($$(el, '[part="rank"]')).to.have.length(0);
      expect(clean($(el, '[part="note"]')?.textContent)).to.equal('Listed alphabetically, not ranked');
      el.view = 'table';
      await el.updateComplete;
      const headers = $$(el, 'thead th').map((th) => clean(th.textContent));
      expect(headers).to.deep.equal(['Donor']);
      await expect(el).to.be.accessible();
    });
  });

  describe('with amounts (fictitious example data)', () => {
    it('draws bars proportional to the largest amount, with compact currency values', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${exampleDonors()}></donor-ranking>`);
      const rows = $$(el, '[part~="row"]');
      expect(rows).to.have.length(10);
      const amounts = $$(el, '[part="amount"]').map((a) => clean(a.textContent));
      expect(amounts.slice(0, 3)).to.deep.equal(['USD 500M', 'USD 250M', 'USD 125M']);
      const width = (i: number) => rows[i].querySelector<HTMLElement>('[part="bar"]')!.getBoundingClientRect().width;
      const track = rows[0].querySelector('.track')!.getBoundingClientRect().width;
      expect(width(0)).to.be.closeTo(track, 1);
      expect(width(1) / width(0)).to.be.closeTo(0.5, 0.01);
      expect(width(2) / width(0)).to.be.closeTo(0.25, 0.01);
      // The bars are drawing, not content: the figures are in the text.
      expect(rows[0].querySelector('.track')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('formats amounts as compact currency in French, Spanish and Arabic', async () => {
      for (const locale of ['fr', 'es', 'ar']) {
        const el = await fixture<DonorRanking>(html`<donor-ranking locale=${locale} .data=${exampleDonors()}></donor-ranking>`);
        expect(clean($(el, '[part="amount"]')!.textContent)).to.equal(clean(compactUsd(500_000_000, locale)));
        expect(clean($(el, '[part="more"]')!.textContent)).to.contain(new Intl.NumberFormat(digitsLocale(locale)).format(12));
      }
      const fr = await fixture<DonorRanking>(html`<donor-ranking locale="fr" .data=${exampleDonors()}></donor-ranking>`);
      expect(clean($(fr, '[part="amount"]')!.textContent)).to.match(/500 M\S* USD|500 M USD/);
    });

    it("gives each donor's share of the total, and the total", async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${exampleDonors()}></donor-ranking>`);
      const shares = $$(el, '[part="share"]').map((s) => clean(s.textContent));
      expect(shares[0]).to.equal('25% of total');
      expect(shares[2], 'one decimal under 10%').to.equal('6.3% of total');
      expect(clean($(el, '[part="total"]')!.textContent)).to.equal('Total: USD 2B');
      const noTotal = exampleDonors();
      delete noTotal.total;
      const el2 = await fixture<DonorRanking>(html`<donor-ranking .data=${noTotal}></donor-ranking>`);
      expect($$(el2, '[part="share"]')).to.have.length(0);
      expect($(el2, '[part="total"]')).to.equal(null);
    });

    it('gives shares under 1 % with a decimal', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking limit="0" .data=${exampleDonors()}></donor-ranking>`);
      expect(clean($$(el, '[part="share"]')[10].textContent)).to.equal('0.1% of total');
    });

    it('shows the change from the previous year, in words for screen readers and not by colour alone', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${exampleDonors()}></donor-ranking>`);
      const changes = $$(el, '[part="change"]');
      const visible = changes.map((c) => clean(c.querySelector('[aria-hidden="true"]')!.textContent));
      const spoken = changes.map((c) => clean(c.querySelector('.visually-hidden')!.textContent));
      expect(visible).to.deep.equal(['▲ +25%', '▼ -17%', '0%', 'new', '▲ +5.3%']);
      expect(spoken).to.deep.equal(['up 25% from 2022', 'down 17% from 2022', 'unchanged from 2022', 'new compared with 2022', 'up 5.3% from 2022']);
      expect(changes[0].classList.contains('up')).to.be.true;
      expect(changes[1].classList.contains('down')).to.be.true;
    });

    it('says "the previous year" when the data has no year, and translates it', async () => {
      const data = exampleDonors();
      delete data.year;
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${data}></donor-ranking>`);
      expect(clean($(el, '[part="change"] .visually-hidden')!.textContent)).to.equal('up 25% from the previous year');
      el.locale = 'fr';
      await el.updateComplete;
      expect(clean($(el, '[part="change"] .visually-hidden')!.textContent)).to.match(/^en hausse de 25\s?% par rapport à l’année précédente$/);
    });

    it('marks a donor without an amount as not available, with no bar', async () => {
      const data = threeDonors();
      delete data.donors[1].amount;
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${data}></donor-ranking>`);
      const row = $$(el, '[part~="row"]')[1];
      expect(clean(row.querySelector('[part="amount"]')!.textContent)).to.equal('not available');
      expect(row.querySelector('[part="bar"]')).to.equal(null);
    });

    it('keeps a long name whole, wrapping it onto more lines', async () => {
      const el = await fixture<DonorRanking>(html`<div style="inline-size: 20em"><donor-ranking .data=${exampleDonors()}></donor-ranking></div>`);
      const widget = el.querySelector('donor-ranking')!;
      const name = $$(widget, '[part="name"]')[3];
      expect(clean(name.textContent)).to.equal(LONG_NAME);
      expect(name.getBoundingClientRect().height).to.be.greaterThan(parseFloat(getComputedStyle(name).lineHeight) * 1.5);
      expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
    });

    it('links a donor name only to a safe URL', async () => {
      const data = threeDonors();
      data.donors[0].url = 'https://example.org/a';
      data.donors[1].url = 'javascript:alert(1)';
      const el = await fixture<DonorRanking>(html`<donor-ranking .data=${data}></donor-ranking>`);
      const links = $$<HTMLAnchorElement>(el, '[part="name"] a');
      expect(links).to.have.length(1);
      expect(links[0].href).to.equal('https://example.org/a');
      expect(names(el)[1]).to.equal('Example donor B');
    });
  });

  describe('table view', () => {
    it('is a real table: caption, column headers, row headers, locale-formatted amounts and a total row', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="table" .data=${exampleDonors()}></donor-ranking>`);
      const table = $<HTMLTableElement>(el, 'table[part="table"]')!;
      expect(clean(table.caption?.textContent)).to.equal('Top donors (fictitious example), 2023');
      // The caption is the title in this view: no second title above it.
      expect($(el, '[part="title"]')).to.equal(null);
      const headers = [...table.tHead!.rows[0].cells];
      expect(headers.map((th) => [th.localName, th.getAttribute('scope'), clean(th.textContent)])).to.deep.equal([
        ['th', 'col', 'Rank'],
        ['th', 'col', 'Donor'],
        ['th', 'col', 'Type'],
        ['th', 'col', 'Amount (USD)'],
        ['th', 'col', 'Share of total'],
        ['th', 'col', 'Change from 2022'],
      ]);
      const first = [...table.tBodies[0].rows[0].cells];
      expect(first.map((c) => clean(c.textContent))).to.deep.equal(['1', 'Example donor A', 'Government', '500,000,000', '25%', '+25%']);
      expect(first[1].localName).to.equal('th');
      expect(first[1].getAttribute('scope')).to.equal('row');
      expect([...table.tBodies[0].rows].filter((r) => !r.classList.contains('past-limit'))).to.have.length(10);
      const foot = [...table.tFoot!.rows[0].cells].map((c) => clean(c.textContent));
      expect(foot).to.deep.equal(['Total', '2,000,000,000', '100%', '']);
      await expect(el).to.be.accessible();
    });

    it('formats the table for the locale', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="table" locale="fr" .data=${exampleDonors()}></donor-ranking>`);
      const cells = [...$<HTMLTableElement>(el, 'table')!.tBodies[0].rows[0].cells].map((c) => c.textContent!.trim());
      expect(cells[3]).to.equal(new Intl.NumberFormat('fr', { maximumFractionDigits: 0 }).format(500_000_000));
      expect(clean($(el, 'thead')!.textContent)).to.contain('Montant (USD)');
    });

    it('scrolls sideways as a named, focusable region when it is the visible view', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="table" .data=${exampleDonors()}></donor-ranking>`);
      const region = $(el, '.table-scroll')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect(region.getAttribute('aria-labelledby')).to.equal('caption');
    });
  });

  describe('chart view', () => {
    // What the chart draws (its pixels) is tested in donor-ranking-chart.test.ts, and by finger in touch.test.ts.
    it('draws on an aria-hidden canvas, with the same figures in a table for screen readers', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
      await chartReady(el);
      expect($(el, 'canvas')!.getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part="tooltip"]')!.getAttribute('aria-hidden'), 'the tooltip repeats the table').to.equal('true');
      // The table is out of sight but in the accessibility tree.
      const wrap = $(el, '.table-wrap')!;
      expect(wrap.classList.contains('offscreen')).to.be.true;
      expect(wrap.getBoundingClientRect().width).to.be.at.most(1);
      expect($(el, 'table caption')!.textContent).to.contain('Top donors');
      expect($$(el, 'table tbody tr')).to.have.length(10);
      await expect(el).to.be.accessible();
    });

    it('reveals the table with the "Show as table" toggle', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
      await chartReady(el);
      const toggle = $<HTMLButtonElement>(el, '[part="table-toggle"]')!;
      expect(clean(toggle.textContent)).to.equal('Show as table');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '.table-wrap')!.classList.contains('offscreen')).to.be.false;
      expect($(el, 'table')!.getBoundingClientRect().height).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
      toggle.click();
      await el.updateComplete;
      expect($(el, '.table-wrap')!.classList.contains('offscreen')).to.be.true;
    });

    it('wraps a long name onto two lines for the axis, and cuts the rest with "…"', () => {
      expect(wrapLabel('Short', 20)).to.equal('Short');
      expect(wrapLabel('United Kingdom of Great Britain and Northern Ireland', 30)).to.deep.equal(['United Kingdom of Great', 'Britain and Northern Ireland']);
      expect(wrapLabel('Supercalifragilisticexpialidocious', 10)).to.deep.equal(['Supercali…']);
      expect(wrapLabel(LONG_NAME, 30)).to.deep.equal(['Example vertical fund D to', 'fight example diseases, examp…']);
    });

    it('names the chart file that could not be downloaded', () => {
      // Chromium's and Firefox's errors for a failed import() carry the URL; Safari's does not.
      expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: https://example.org/js/iom-widgets.chart.js'))).to.equal(
        'https://example.org/js/iom-widgets.chart.js',
      );
      expect(failedModuleUrl(new TypeError('error loading dynamically imported module: http://localhost:8080/iom-widgets.chart.js.'))).to.equal(
        'http://localhost:8080/iom-widgets.chart.js',
      );
      expect(failedModuleUrl(new TypeError('Importing a module script failed.')), 'Safari names none: the note names the chart file').to.equal(undefined);
    });

    it('updates the same chart in place when the data changes', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
      const chart = await chartReady(el);
      const id = chart.id;
      el.data = threeDonors();
      await el.updateComplete;
      const after = chartOf(el)!;
      expect(after).to.equal(chart);
      expect(after.id).to.equal(id);
      expect(after.data.labels).to.deep.equal(['Example donor A', 'Example donor B', 'Example donor C']);
      expect(after.data.datasets[0].data).to.deep.equal([300, 150, 75]);
      expect(Object.keys(Chart.instances)).to.have.length(1);
    });

    it('resizes the chart with its container, and its height with the number of bars', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 600px"><donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking></div>`);
      const el = wrapper.querySelector('donor-ranking')!;
      const chart = await chartReady(el);
      expect(chart.width).to.be.closeTo(600, 1);
      const tall = chart.height;
      wrapper.style.inlineSize = '400px';
      await waitUntil(() => Math.abs(chart.width - 400) < 1, 'chart follows the container', { timeout: 10_000 });
      el.data = threeDonors();
      await waitUntil(() => chart.height < tall * 0.6, 'fewer bars, lower chart', { timeout: 10_000 });
    });

    it('destroys the chart when the view changes, and draws a new one when it comes back', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
      const first = await chartReady(el);
      el.view = 'list';
      await el.updateComplete;
      expect($(el, 'canvas')).to.equal(null);
      expect(Object.keys(Chart.instances)).to.have.length(0);
      expect(first.canvas).to.equal(null); // destroyed
      el.view = 'chart';
      const second = await chartReady(el);
      expect(second).to.not.equal(first);
      expect(Object.keys(Chart.instances)).to.have.length(1);
    });

    it('waits for a size: a chart in a hidden box is drawn when the box is shown', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div hidden><donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking></div>`);
      const el = wrapper.querySelector('donor-ranking')!;
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(chartOf(el)).to.equal(undefined);
      wrapper.hidden = false;
      const chart = await chartReady(el);
      expect(chart.width).to.be.greaterThan(0);
    });

    it('prints the table, not the canvas', async function () {
      needsDevTools(this);
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" switchable .data=${exampleDonors()}></donor-ranking>`);
      await chartReady(el);
      try {
        await emulateMedia({ media: 'print' });
        expect(getComputedStyle($(el, '.chart')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="views"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="table-toggle"]')!).display).to.equal('none');
        expect($(el, '.table-wrap')!.getBoundingClientRect().height).to.be.greaterThan(100);
      } finally {
        await emulateMedia({ media: 'screen' });
      }
      expect($(el, '.table-wrap')!.getBoundingClientRect().height).to.be.at.most(1);
    });

    it('prints every donor, in the list, the table and groups alike, whatever the limit', async function () {
      needsDevTools(this);
      const data = exampleDonors();
      const shownRows = (el: Element, selector: string) => $$all(el, selector).filter((r) => getComputedStyle(r).display !== 'none');
      const list = await fixture<DonorRanking>(html`<donor-ranking limit="2" .data=${data}></donor-ranking>`);
      const table = await fixture<DonorRanking>(html`<donor-ranking limit="2" view="table" group-by-type .data=${data}></donor-ranking>`);
      await Promise.all([list.updateComplete, table.updateComplete]);
      expect(shownRows(list, 'li.row')).to.have.length(2);
      expect($(list, '[part="more"]')).to.exist;
      try {
        await emulateMedia({ media: 'print' });
        expect(shownRows(list, 'li.row')).to.have.length(data.donors.length);
        expect(getComputedStyle($(list, '[part="more"]')!).display).to.equal('none');
        const bodyRows = shownRows(table, 'tbody tr:not(.group-row)');
        expect(bodyRows).to.have.length(data.donors.length);
        // Each group's count is the number of its rows on paper.
        for (const body of $$all(table, 'tbody')) {
          const count = Number(/\d+/.exec(body.querySelector('.group-count')!.textContent!)![0]);
          expect([...body.querySelectorAll('tr:not(.group-row)')].filter((r) => getComputedStyle(r).display !== 'none').length, body.querySelector('.group-row')!.textContent!).to.equal(count);
        }
      } finally {
        await emulateMedia({ media: 'screen' });
      }
      expect(shownRows(list, 'li.row')).to.have.length(2);
    });

    it('creates and destroys its chart and observers cleanly over 100 connect/disconnect cycles', async function () {
      this.timeout(30_000);
      const live = { resize: new Set<object>(), mutation: new Set<object>() };
      const OriginalResize = window.ResizeObserver;
      const OriginalMutation = window.MutationObserver;
      // Each observer class counts its live instances: observing adds one, disconnecting removes it.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor type
      type Observer = new (...args: any[]) => { observe(target: Node, options?: object): void; disconnect(): void };
      const tracked = <C extends Observer>(Base: C, instances: Set<object>) =>
        class extends Base {
          override observe(target: Node, options?: object) {
            instances.add(this);
            super.observe(target, options);
          }
          override disconnect() {
            instances.delete(this);
            super.disconnect();
          }
        };
      window.ResizeObserver = tracked(OriginalResize, live.resize);
      window.MutationObserver = tracked(OriginalMutation, live.mutation);
      try {
        const box = await fixture<HTMLDivElement>(html`<div></div>`);
        const baseline = { resize: live.resize.size, mutation: live.mutation.size, charts: Object.keys(Chart.instances).length };
        const el = document.createElement('donor-ranking');
        el.view = 'chart';
        el.data = exampleDonors();
        for (let i = 0; i < 100; i++) {
          box.append(el);
          if (i % 2 === 0) {
            // Half the cycles wait for the chart, half leave while it is still being set up.
            await chartReady(el);
            expect(Object.keys(Chart.instances).length).to.equal(baseline.charts + 1);
          } else {
            await el.updateComplete;
          }
          el.remove();
        }
        // Past the next rendering step: a ResizeObserver report or a chart module arriving for a
        // container that has left would have created a chart by now.
        await el.updateComplete;
        await frames(2);
        expect(Object.keys(Chart.instances).length, 'chart instances').to.equal(baseline.charts);
        expect(live.resize.size, 'ResizeObservers').to.equal(baseline.resize);
        expect(live.mutation.size, 'MutationObservers').to.equal(baseline.mutation);
        // And it still works after all that.
        box.append(el);
        await chartReady(el);
        expect(live.resize.size).to.equal(baseline.resize + 1);
        el.remove();
        expect(live.resize.size).to.equal(baseline.resize);
        expect(Object.keys(Chart.instances).length).to.equal(baseline.charts);
      } finally {
        window.ResizeObserver = OriginalResize;
        window.MutationObserver = OriginalMutation;
      }
    });
  });

  describe('view switch', () => {
    it('is a labelled group of radio buttons that switches the view and reports it', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking switchable .data=${exampleDonors()}></donor-ranking>`);
      const group = $(el, 'fieldset[part="views"]')!;
      expect(clean(group.querySelector('legend')!.textContent)).to.equal('View');
      const radios = $$<HTMLInputElement>(el, '[part="views"] input[type="radio"]');
      expect(radios.map((r) => clean(r.closest('label')!.textContent))).to.deep.equal(['List', 'Chart', 'Table']);
      expect(radios[0].checked).to.be.true;
      setTimeout(() => radios[2].click());
      const event = await oneEvent(el, 'iom-view-change');
      expect(event.detail).to.deep.equal({ view: 'table' });
      await el.updateComplete;
      expect(el.getAttribute('view')).to.equal('table');
      expect($(el, 'table')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard: arrow keys move between views', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking switchable .data=${exampleDonors()}></donor-ranking>`);
      $<HTMLInputElement>(el, 'input[value="list"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      // (Firefox, driven over WebDriver BiDi, may deliver a key after sendKeys resolves.)
      await waitUntil(() => el.view === 'chart', 'ArrowRight: the chart', { timeout: 10_000 });
      await chartReady(el);
      expect(shadow(el).activeElement).to.equal($(el, 'input[value="chart"]'));
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => el.view === 'table', 'ArrowRight: the table', { timeout: 10_000 });
      await el.updateComplete;
      expect(Object.keys(Chart.instances)).to.have.length(0);
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => el.view === 'chart', 'ArrowLeft: the chart', { timeout: 10_000 });
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => el.view === 'list', 'ArrowLeft: the list', { timeout: 10_000 });
    });

  });

  describe('highlight', () => {
    it('emphasises one donor with more than colour, and says so to screen readers', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking highlight="example donor b" .data=${exampleDonors()}></donor-ranking>`);
      const rows = $$(el, '[part~="row"]');
      const hi = rows.filter((r) => r.getAttribute('part')!.split(' ').includes('highlighted'));
      expect(hi).to.have.length(1);
      expect(clean(hi[0].querySelector('[part="name"]')!.textContent)).to.equal('Example donor B (highlighted)');
      expect(getComputedStyle(hi[0].querySelector('[part="name"]')!).fontWeight).to.equal('700');
      expect(getComputedStyle(hi[0]).borderInlineStartColor).to.equal('rgb(0, 160, 220)');
      expect(getComputedStyle(rows[0]).borderInlineStartColor).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(hi[0].querySelector('[part="bar"]')!).backgroundColor).to.equal('rgb(0, 160, 220)');
      await expect(el).to.be.accessible();
    });

    it('keeps the highlighted donor in view past the limit, after the top of the list', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking highlight="Somalia" src=${fresh(SEED)}></donor-ranking>`));
      expect(names(el)).to.have.length(11);
      expect(names(el)[10]).to.equal('Somalia (highlighted)');
      expect($$(el, '[part="rank"]')[10].textContent).to.equal('18');
      el.view = 'table';
      await el.updateComplete;
      const last = $$<HTMLTableRowElement>(el, 'tbody tr').at(-1)!;
      expect(last.classList.contains('highlighted')).to.be.true;
      expect(clean(last.cells[1].textContent)).to.equal('Somalia (highlighted)');
    });

  });

  describe('group by type', () => {
    it('groups the list by donor type with counts, subtotals and shares over all donors', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking group-by-type .data=${exampleDonors()}></donor-ranking>`);
      const groups = $$(el, '[part="group"]');
      const heads = groups.map((g) => clean(g.querySelector('.group-head')!.textContent));
      expect(heads).to.deep.equal([
        'Government Donors: 7 · USD 833.5M · 42% of total',
        'UN and pooled funds Donors: 2 · USD 145M · 7.3% of total',
        'Vertical funds Donors: 1 · USD 100M · 5% of total',
        'Private sector Donors: 1 · USD 50M · 2.5% of total',
        'Other Donors: 1 · USD 5M · 0.3% of total',
      ]);
      expect(groups[0].getAttribute('role')).to.equal('group');
      // The ranks stay those of the whole ranking.
      // (On screen, within the limit of 10; the rest shows on "Show all" and on paper.)
      expect([...groups[0].querySelectorAll('.row:not(.past-limit) [part="rank"]')].map((r) => r.textContent)).to.deep.equal(['1', '2', '6', '7', '9']);
      await expect(el).to.be.accessible();
    });

    it('groups the table with row-group headers and subtotal cells', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking group-by-type view="table" limit="0" .data=${exampleDonors()}></donor-ranking>`);
      const bodies = $$<HTMLTableSectionElement>(el, 'tbody');
      expect(bodies).to.have.length(5);
      const head = bodies[0].rows[0];
      expect(head.cells[0].localName).to.equal('th');
      expect(head.cells[0].getAttribute('scope')).to.equal('rowgroup');
      expect([...head.cells].map((c) => clean(c.textContent))).to.deep.equal(['Government (Donors: 7)', '833,500,000', '42%', '']);
      expect(bodies[0].rows).to.have.length(8);
      // No type column when grouped: the group says it.
      expect($$(el, 'thead th').map((th) => clean(th.textContent))).to.not.include('Type');
      await expect(el).to.be.accessible();
    });
  });

  describe('right to left', () => {
    it('mirrors the list: ranks on the right, bars growing from the right', async () => {
      const el = await fixture<DonorRanking>(html`<div dir="rtl" lang="ar"><donor-ranking .data=${exampleDonors()}></donor-ranking></div>`);
      const widget = el.querySelector('donor-ranking')!;
      await widget.updateComplete;
      const row = $$(widget, '[part~="row"]')[1];
      const rank = row.querySelector('[part="rank"]')!.getBoundingClientRect();
      const name = row.querySelector('[part="name"]')!.getBoundingClientRect();
      expect(rank.left).to.be.greaterThan(name.left);
      const track = row.querySelector('.track')!.getBoundingClientRect();
      const bar = row.querySelector('[part="bar"]')!.getBoundingClientRect();
      expect(bar.right).to.be.closeTo(track.right, 1);
      expect(bar.left).to.be.greaterThan(track.left + 10);
      expect(clean(row.querySelector('[part="share"]')!.textContent)).to.contain('من المجموع');
      await expect(widget).to.be.accessible();
    });
  });

  describe('bad data', () => {
    const cases: [string, unknown, string][] = [
      ['a negative amount', { donors: [{ name: 'Example donor A', amount: -5 }] }, 'donors[0].amount must not be negative'],
      ['a text amount', { donors: [{ name: 'Example donor A', amount: 1 }, { name: 'Example donor B', amount: '1,200' }] }, 'donors[1].amount must be a number, got "1,200"'],
      ['a duplicate name', [{ name: 'Example donor A' }, { name: 'Example donor B' }, { name: 'example donor a' }], 'donors[2] is "example donor a" again (already donors[0]): each donor once'],
      ['a nameless donor', [{ name: '  ' }], 'donors[0].name must not be empty'],
      ['a total below the sum', { total: 100, donors: [{ name: 'Example donor A', amount: 80 }, { name: 'Example donor B', amount: 40 }] }, "total is 100, less than the donors' amounts added up (120)"],
      ['no donors list', { title: 'x' }, 'donors'],
    ];
    for (const [what, data, message] of cases) {
      it(`says what is wrong with ${what}, and draws no chart`, async () => {
        const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${data}></donor-ranking>`);
        expect(el.status).to.equal('error');
        expect(errorText(el)).to.contain(message);
        expect($(el, 'canvas')).to.equal(null);
        expect(Object.keys(Chart.instances)).to.have.length(0);
      });
    }

    it('fires iom-error and shows the error box accessibly', async () => {
      const el = document.createElement('donor-ranking');
      const error = oneEvent(el, 'iom-error');
      el.dataJson = '{"donors": [{"name": "Example donor A", "amount": "lots"}]}';
      document.body.append(el);
      try {
        expect((await error).detail.message).to.equal('donors[0].amount must be a number, got "lots"');
        await el.updateComplete;
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('shows the empty state for an empty list', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${{ donors: [] }}></donor-ranking>`);
      expect(el.status).to.equal('empty');
      expect(clean($(el, '[part="empty"]')!.textContent)).to.equal('No data to show.');
      expect($(el, 'canvas')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('data sources', () => {
    it('reads an HXL table with amounts, in #meta+rank order', async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking view="table" src=${fresh('/test/fixtures/donors-example.hxl.csv')}></donor-ranking>`));
      expect(el.status).to.equal('ready');
      const rows = $$<HTMLTableRowElement>(el, 'tbody tr').map((r) => [...r.cells].map((c) => clean(c.textContent)));
      expect(rows).to.deep.equal([
        ['1', 'Example donor A (fictitious)', 'Government', '500,000,000', '+25%'],
        ['2', 'Example donor B (fictitious)', 'Government', '250,000,000', '-17%'],
        ['3', 'Example fund C (fictitious)', 'UN and pooled funds', '125,000,000', ''],
      ]);
    });

    it("cites an HXL table's #meta+source column once, under the list, when every row names the same source", async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking src=${fresh('/test/fixtures/donors-source-example.hxl.csv')}></donor-ranking>`));
      expect(names(el)).to.deep.equal(['Example donor A (fictitious)', 'Example donor B (fictitious)']);
      expect($$all(el, '[part="source"]').map((p) => clean(p.textContent))).to.deep.equal(['Source: Example funding report 2023 (fictitious)']);
    });

    it("reads the annual report's HXL export of the top 20 (names and rank only)", async () => {
      const el = await settled(await fixture<DonorRanking>(html`<donor-ranking limit="0" src=${fresh(SEED_HXL)}></donor-ranking>`));
      expect(names(el)).to.have.length(20);
      expect(names(el)[13]).to.equal('The Global Fund to Fight AIDS, Tuberculosis and Malaria');
      expect($$(el, '[part="bar"]')).to.have.length(0);
      // Every row names the same #meta+source: it is the list's source line.
      expect(clean($(el, '[part="source"]')?.textContent)).to.equal('Source: IOM Annual Report 2023, International Organization for Migration (IOM)');
    });

    it('accepts a bare array of donors in an inline script', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking
        ><script type="application/json">
          [{ "name": "Example donor A" }, { "name": "Example donor B" }]
        </script></donor-ranking
      >`);
      expect(names(el)).to.deep.equal(['Example donor A', 'Example donor B']);
      expect(clean($(el, '[part="title"]')!.textContent)).to.equal('Donors');
    });

    it('keeps the last list on screen, busy, while a new src loads, and shows a skeleton before the first', async () => {
      const first = heldUrl(SEED);
      const el = await fixture<DonorRanking>(html`<donor-ranking src=${first.url}></donor-ranking>`);
      expect(el.status).to.equal('loading');
      expect($(el, '[part="skeleton"]')).to.exist;
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      expect(el.status, 'still loading after the accessibility check').to.equal('loading');
      await releaseHeld(first.key);
      await settled(el);
      expect(names(el)).to.have.length(10);
      const next = heldUrl(SEED_ALPHABETICAL);
      el.src = next.url;
      await el.updateComplete;
      expect(names(el)[0]).to.equal('United States of America');
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await releaseHeld(next.key);
      await settled(el);
      expect(names(el)[0]).to.equal('Australia');
    });

    it('re-renders in the page language when lang changes', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><donor-ranking view="table" .data=${exampleDonors()}></donor-ranking></div>`);
      const el = wrapper.querySelector('donor-ranking')!;
      expect(clean($(el, 'thead')!.textContent)).to.contain('Donor');
      wrapper.lang = 'es';
      await waitUntil(() => clean($(el, 'thead')!.textContent).includes('Donante'), 'Spanish headers', { timeout: 10_000 });
    });
  });

  describe('layout on a phone', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));
    it('fits a 320px screen without sideways scrolling in list view', async function () {
      await setViewport({ width: 320, height: 640 }, this);
      const el = await fixture<DonorRanking>(html`<donor-ranking switchable highlight="Example donor B" .data=${exampleDonors()}></donor-ranking>`);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      expect(shadow(el).querySelector('[part="base"]')!.scrollWidth).to.be.at.most(el.clientWidth + 1);
    });
  });
});
