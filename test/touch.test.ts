// The widgets under a finger, as on a phone: every tap goes through the driver's own touch input
// (test/support/input.ts: Chromium's DevTools touch events, Firefox's WebDriver BiDi touch pointer;
// WebKitGTK's WebDriver performs its touch pointer as a mouse, which the tests check and say). The
// mouse never moves in this file: once a test has moved it, Chromium sends the page a mouse move
// to where it last was after a tap's layout change, and the chart's tooltip would hear the mouse
// leave.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/donor-ranking/define.js';
import '../src/emergency-list/define.js';
import type { DonorRanking } from '../src/donor-ranking/donor-ranking.js';
import type { EmergencyList } from '../src/emergency-list/emergency-list.js';
import { isWebKit } from './support/browsers.js';
import { chartOnScreen, checkTipPlace, tipText } from './support/chart.js';
import { clean, part, parts, text } from './support/dom.js';
import { centreOf, tap } from './support/input.js';
import { setViewport } from './support/viewport.js';
import { exampleDonors, LONG_NAME } from './fixtures/donors.js';
import type { EmergencyListData } from '../src/emergency-list/emergency-list.data.js';

const FINGER = isWebKit ? 'mouse' : 'touch';
const WHY = "a finger (WebKitGTK's WebDriver taps as a mouse)";
let example: EmergencyListData;

/** Taps the middle of `el`, and checks the page heard a finger. */
async function tapOn(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  expect(await tap(centreOf(el)), WHY).to.equal(FINGER);
}
const active = (el: Element) => el.shadowRoot!.activeElement;
const names = (el: Element) => parts(el, 'name').map((n) => text(n));

/** Types on the keyboard a tap in a text box brings up (one key at a time in WebKit, whose WebDriver drops a repeated key). */
async function type(box: HTMLInputElement, value: string) {
  if (isWebKit) for (const key of value) await sendKeys({ type: key });
  else await sendKeys({ type: value });
  await waitUntil(() => box.value.endsWith(value), `"${value}" typed`, { timeout: 10_000 });
}

describe('by finger', () => {
  before(async () => {
    example = await (await fetch('/test/fixtures/emergencies-example.json')).json();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('donor-ranking', () => {
    // At 320 and 1280 px, and in a 320 px phone's column in a wider window: the chart follows its
    // box, so WebKit (whose window is never narrower than 447 px) taps a phone's chart too.
    for (const { width, column } of [{ width: 320 }, { width: 1280 }, { width: 800, column: 304 }]) {
      it(`shows a donor and its figures on a tap on its row, inside the chart, ${column ? `in a ${column} px column (a 320 px phone's)` : `at ${width} px`}`, async function () {
        await setViewport({ width, height: 900 }, this);
        const wrap = await fixture<HTMLDivElement>(html`<div style=${column ? `inline-size: ${column}px` : ''}><donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking></div>`);
        const el = wrap.querySelector<DonorRanking>('donor-ranking')!;
        const { box, bars, tip } = await chartOnScreen(el);
        // The long name (4th), tapped on its bar: wrapped inside the chart, never cut by its edge.
        expect(await tap([(bars[3].start + bars[3].end) / 2, bars[3].y]), WHY).to.equal(FINGER);
        await waitUntil(() => !tip.hidden, 'the tooltip after the tap', { timeout: 10_000 });
        expect(tipText(tip)).to.equal(`${LONG_NAME} USD 100M 5% of total new compared with 2022`);
        checkTipPlace(tip, box, bars[3].y);
        // The smallest bar's row, tapped far from its bar (a pixel long at 320 px).
        await tap([(bars[9].end + box.right) / 2, bars[9].y]);
        await waitUntil(() => tipText(tip).startsWith('Example donor J'), 'donor J after a tap on its row', { timeout: 10_000 });
        expect(tipText(tip)).to.equal('Example donor J USD 5M 0.3% of total');
        checkTipPlace(tip, box, bars[9].y);
        // A tap outside the chart (on its title) puts it away.
        await tap([box.left + 5, box.top - 12]);
        await waitUntil(() => tip.hidden, 'hidden after a tap elsewhere', { timeout: 10_000 });
      });
    }

    it('switches views, shows the table and every donor by tap', async () => {
      const el = await fixture<DonorRanking>(html`<donor-ranking switchable .data=${exampleDonors()}></donor-ranking>`);
      const option = (view: string) => el.shadowRoot!.querySelector(`input[value="${view}"]`)!.closest('label')!;
      await tapOn(option('chart'));
      await waitUntil(() => el.view === 'chart', 'the chart view', { timeout: 10_000 });
      await chartOnScreen(el);
      await tapOn(part(el, 'table-toggle')!);
      await waitUntil(() => part(el, 'table-toggle')!.getAttribute('aria-pressed') === 'true', 'the table shown', { timeout: 10_000 });
      expect(el.shadowRoot!.querySelector('table')!.getBoundingClientRect().height, 'the table on screen').to.be.greaterThan(100);
      await tapOn(option('list'));
      await waitUntil(() => el.view === 'list', 'the list view', { timeout: 10_000 });
      await tapOn(part(el, 'more')!);
      await waitUntil(() => names(el).length === 12, 'all 12 donors', { timeout: 10_000 });
      await tapOn(option('table'));
      await waitUntil(() => el.view === 'table', 'the table view', { timeout: 10_000 });
    });
  });

  describe('emergency-list', () => {
    it('searches after a tap on the search box, and clears search and filters with a tap', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list searchable filters="region" .data=${example}></emergency-list>`);
      const search = part<HTMLInputElement>(el, 'search')!;
      await tapOn(search);
      await waitUntil(() => active(el) === search, 'the tap puts the cursor in the search box', { timeout: 10_000 });
      await type(search, 'zz');
      await el.updateComplete;
      expect(text(part(el, 'no-match'))).to.equal('No emergencies match. Clear filters');
      await tapOn(part(el, 'clear')!);
      await waitUntil(() => search.value === '' && parts(el, 'item').length === 10, 'cleared by the tap', { timeout: 10_000 });
      await waitUntil(() => active(el) === search, 'back in the search box', { timeout: 10_000 });
    });

    it('opens its filter and sort menus with a tap, and filters and sorts by the choice made in them', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list filters="region" sortable .data=${example}></emergency-list>`);
      const region = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-filter="region"]')!;
      const sort = part<HTMLSelectElement>(el, 'sort')!;
      // The tap reaches the menu (nothing covers it) and opens it; the choice is made in the
      // system's own picker, outside the page, which no driver can tap in: the test reports the
      // choice as the picker does.
      for (const [select, value] of [
        [region, 'Example region South'],
        [sort, 'name'],
      ] as const) {
        await tapOn(select);
        await waitUntil(() => active(el) === select, `the tap reaches the ${select.dataset.filter ?? 'sort'} menu`, { timeout: 10_000 });
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
      }
      expect(names(el)).to.deep.equal(['Bravo displacement crisis (fictitious)', 'Echo cholera outbreak (fictitious)', 'Hotel regional refugee response (fictitious)']);
    });

    it('shows every emergency, and fewer again, with a tap on "Show all", taking the reader to the first new one', async () => {
      const el = await fixture<EmergencyList>(html`<emergency-list limit="3" .data=${example}></emergency-list>`);
      await tapOn(part(el, 'more')!);
      await waitUntil(() => parts(el, 'item').length === 10, 'all 10 shown', { timeout: 10_000 });
      await waitUntil(() => active(el) === parts(el, 'item')[3], 'at the 4th emergency', { timeout: 10_000 });
      expect(clean(part(el, 'more')!.textContent)).to.equal('Show fewer');
      await tapOn(part(el, 'more')!);
      await waitUntil(() => parts(el, 'item').length === 3, 'folded back to 3', { timeout: 10_000 });
    });
  });

  describe('targets', () => {
    it('gives every control of the widgets a target of 24 × 24 px or more at 320 px (WCAG 2.5.8)', async function () {
      await setViewport({ width: 320, height: 900 }, this);
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <emergency-list searchable filters="region level" sortable limit="3" .data=${example}></emergency-list>
        <donor-ranking switchable view="chart" .data=${exampleDonors()}></donor-ranking>
      </div>`);
      const [list, ranking] = [wrap.querySelector<EmergencyList>('emergency-list')!, wrap.querySelector<DonorRanking>('donor-ranking')!];
      await chartOnScreen(ranking);
      await list.updateComplete;
      const controls = [list, ranking].flatMap((el) =>
        // A radio button's target is its label, drawn as a segment of the view switch.
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select')].map((c) => (c.matches('input[type="radio"]') ? c.closest('label')! : c)),
      );
      expect(controls.length, 'controls').to.be.at.least(9);
      for (const c of controls) {
        const r = c.getBoundingClientRect();
        const what = `${c.localName}${c.getAttribute('part') ? `[part=${c.getAttribute('part')}]` : ''} "${clean(c.textContent)}"`;
        expect(r.width, `${what}: width`).to.be.at.least(24);
        expect(r.height, `${what}: height`).to.be.at.least(24);
      }
    });
  });

  describe('hover', () => {
    it('reveals nothing on hover alone: hover rules of every widget only restyle', async () => {
      await import('../src/index.js');
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <emergency-list searchable filters="region" sortable limit="3" .data=${example}></emergency-list>
        <donor-ranking switchable .data=${exampleDonors()}></donor-ranking>
        <stat-counter value="600000" label="people (fictitious)"></stat-counter>
        <objective-card .data=${{ number: 1, title: 'Saving lives (fictitious)' }}></objective-card>
      </div>`);
      const widgets = [...wrap.children];
      await Promise.all(widgets.map((w) => (w as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
      // What a hover rule may change: how a thing looks, never whether it is there.
      const REVEALS = /^(display|visibility|opacity|content|clip|clip-path|max-height|max-block-size|height|block-size|width|inline-size|overflow|position|inset|top|bottom|left|right|transform|pointer-events|z-index)/;
      const hoverRules: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) {
            hoverRules.push(rule.selectorText);
            for (const property of rule.style) expect(property, `${rule.selectorText} sets ${property}`).to.not.match(REVEALS);
          }
          if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const w of widgets) for (const sheet of w.shadowRoot!.adoptedStyleSheets) walk(sheet.cssRules);
      expect(hoverRules.length, 'hover rules found (the check reads them)').to.be.greaterThan(0);
    });
  });
});
