import { isChromium, needsDevTools, needsLayoutShiftApi } from './support/browsers.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { a11ySnapshot, emulateMedia } from '@web/test-runner-commands';
import { setViewport } from './support/viewport.js';
import '../src/stat-counter/define.js';
import type { StatCounter } from '../src/stat-counter/stat-counter.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { accessibleText, clean, frames, shadowText as text } from './support/dom.js';
import { heldUrl, releaseHeld } from './support/server.js';

// Every figure in these tests is either IOM's, as published in the Annual Report 2023 (seed 000:
// 31.6 million people assisted, USD 30 million private-sector funding, 600,000 people on regular
// pathways, 33 partnerships), or a made-up number whose label says "(fictitious)".

const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part="${name}"]`);
const final = (el: Element) => clean(root(el).querySelector('.final')?.textContent ?? '');
const digits = (el: Element) => root(el).querySelector<HTMLElement>('.digits')!;
/** What the eye reads while counting: the final text with its number replaced by the moving digits ('' before any). */
const ticker = (el: Element) => {
  const moving = root(el).querySelector('.digits')?.getAttribute('data-n');
  if (!moving) return '';
  const copy = root(el).querySelector('.final')!.cloneNode(true) as HTMLElement;
  copy.querySelector('.digits')!.textContent = moving;
  return clean(copy.textContent ?? '');
};
const counting = (el: Element) => !!root(el).querySelector('.value')?.hasAttribute('data-counting');
/** Whether the final number's own glyphs are painted (not transparent under the moving digits). */
const finalPainted = (el: Element) => getComputedStyle(digits(el)).color !== 'rgba(0, 0, 0, 0)';
/** Whether the moving digits are painted. */
const movingPainted = (el: Element) => {
  const style = getComputedStyle(digits(el), '::after');
  return style.display !== 'none' && style.opacity === '1';
};
const errorText = (el: Element) => clean(root(el).querySelector('[part="error"] .error-message')?.textContent ?? '');
/** Reads "1,234" or "12.5 million" back to a number (digits and the decimal point only). */
const shownNumber = (s: string) => Number(s.replace(/,/g, '').replace(/[^\d.-]/g, ''));

/**
 * Takes animation frames over from the browser: the callbacks asked for from now on wait until the
 * test runs them, with a time it chooses (`run(at)`), so what a count draws does not depend on how
 * many frames a busy machine gives. `release` hands the ones still held to the browser.
 */
function frameClock(): { held: FrameRequestCallback[]; run: (at: number) => Promise<void>; release: () => void } {
  const original = window.requestAnimationFrame;
  const held: FrameRequestCallback[] = [];
  window.requestAnimationFrame = (cb) => {
    held.push(cb);
    return -1;
  };
  return {
    held,
    // (Awaited, so that mutation observers hear each frame's writes before the next frame.)
    run: async (at) => {
      held.splice(0).forEach((cb) => cb(at));
      await Promise.resolve();
    },
    release: () => {
      window.requestAnimationFrame = original;
      held.splice(0).forEach((cb) => original.call(window, cb));
    },
  };
}

/** Collects the `type` events that reach the document (they bubble and are composed). */
function collect<T = unknown>(type: string): { events: CustomEvent<T>[]; stop: () => void } {
  const events: CustomEvent<T>[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent<T>);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/** Runs `fn` with console.warn captured. */
async function withWarnings<R>(fn: () => Promise<R>): Promise<{ result: R; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (m: string) => warnings.push(String(m));
  try {
    return { result: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}

/** Records every number the moving digits show, until the count ends. */
function recordTicker(el: StatCounter): { shown: string[]; stop: () => void } {
  const shown: string[] = [];
  const observer = new MutationObserver(() => {
    const n = ticker(el);
    if (n && shown[shown.length - 1] !== n) shown.push(n);
  });
  observer.observe(digits(el), { attributes: true, attributeFilter: ['data-n'] });
  if (ticker(el)) shown.push(ticker(el));
  return { shown, stop: () => observer.disconnect() };
}

describe('stat-counter', () => {
  afterEach(async () => {
    if (isChromium) await emulateMedia({ reducedMotion: 'no-preference', media: 'screen' });
  });

  describe('from attributes alone', () => {
    it('shows the formatted value, prefix and label with no data source, and is ready', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" prefix="Over" label="people assisted" start="none"></stat-counter>`);
      expect(el.status).to.equal('ready');
      expect(text(el)).to.equal('Over 31.6 million people assisted');
      expect(part(el, 'prefix')!.textContent).to.equal('Over');
      expect(clean(part(el, 'value')!.textContent!)).to.equal('31.6 million');
      expect(part(el, 'label')!.textContent).to.equal('people assisted');
    });

    it('shows 30 million US dollars as "USD 30,000,000" with format="currency"', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="30000000" format="currency" currency="USD" label="raised from the private sector" start="none"></stat-counter>`);
      expect(text(el)).to.equal('USD 30,000,000 raised from the private sector');
    });

    it('writes a compact amount with its currency in words: "USD 30 million"', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="30000000" format="compact" currency="usd" start="none"></stat-counter>`);
      expect(final(el)).to.equal('USD 30 million');
    });

    it('uses the standard format by default, with grouping', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="600000" label="people accessed regular migration pathways" start="none"></stat-counter>`);
      expect(text(el)).to.equal('600,000 people accessed regular migration pathways');
    });

    it('puts a space after a word prefix and before a word suffix, none around signs', async () => {
      const a = await fixture<StatCounter>(html`<stat-counter value="33" suffix="+" start="none"></stat-counter>`);
      expect(text(a)).to.equal('33+');
      const b = await fixture<StatCounter>(html`<stat-counter value="33" prefix="~" suffix="partnerships" start="none"></stat-counter>`);
      expect(text(b)).to.equal('~33 partnerships');
      expect(part(b, 'suffix')!.textContent).to.equal('partnerships');
    });

    it('shows zero and negative values as real values', async () => {
      const zero = await fixture<StatCounter>(html`<stat-counter value="0" label="example incidents (fictitious)" start="load"></stat-counter>`);
      expect(zero.status).to.equal('ready');
      expect(text(zero)).to.equal('0 example incidents (fictitious)');
      const negative = await fixture<StatCounter>(html`<stat-counter value="-1250.5" label="example net change (fictitious)" start="none"></stat-counter>`);
      expect(text(negative)).to.equal('-1,250.5 example net change (fictitious)');
      expect(text(negative)).not.to.contain('NaN');
    });

    it('honours maximum-fraction-digits', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31649000" format="compact" maximum-fraction-digits="2" start="none"></stat-counter>`);
      expect(final(el)).to.equal('31.65 million');
      el.maximumFractionDigits = 0;
      await el.updateComplete;
      expect(final(el)).to.equal('32 million');
      const std = await fixture<StatCounter>(html`<stat-counter value="2.456" maximum-fraction-digits="1" start="none"></stat-counter>`);
      expect(final(std)).to.equal('2.5');
    });

    it('shows a description under the label', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="168" label="countries" description="where IOM's emergency response reached people in 2023" start="none"></stat-counter>`);
      expect(part(el, 'description')!.textContent).to.equal("where IOM's emergency response reached people in 2023");
    });

    it('shows a source title as text and a source URL as a small link', async () => {
      const titled = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" source="IOM Annual Report 2023" start="none"></stat-counter>`);
      expect(clean(part(titled, 'source')!.textContent!)).to.equal('Source: IOM Annual Report 2023');
      expect(part(titled, 'source')!.querySelector('a')).to.equal(null);

      const linked = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" source="https://www.iom.int/annual-report-2023" start="none"></stat-counter>`);
      const a = part(linked, 'source')!.querySelector('a')!;
      expect(a.getAttribute('href')).to.equal('https://www.iom.int/annual-report-2023');
      expect(a.textContent).to.equal('www.iom.int');
      expect(clean(part(linked, 'source')!.textContent!)).to.equal('Source: www.iom.int');

      const relative = await fixture<StatCounter>(html`<stat-counter value="1" source="/reports/annual-report-2023.pdf" start="none"></stat-counter>`);
      expect(part(relative, 'source')!.querySelector('a')!.textContent).to.equal('annual-report-2023.pdf');
    });

    it('never makes a link of a javascript: source', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="1" source="javascript:alert(1)" start="none"></stat-counter>`);
      expect(part(el, 'source')!.querySelector('a')).to.equal(null);
      expect(clean(part(el, 'source')!.textContent!)).to.equal('Source: javascript:alert(1)');
    });

    it('formats for the locale attribute', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" locale="fr" start="none"></stat-counter>`);
      expect(final(el)).to.equal('31,6 millions');
      expect(part(el, 'base')!.getAttribute('lang')).to.equal('fr');
    });

    it('follows a change of the page language', async () => {
      const wrap = await fixture<HTMLElement>(html`<div lang="en"><stat-counter value="31600000" format="compact" start="none"></stat-counter></div>`);
      const el = wrap.querySelector('stat-counter')!;
      expect(final(el)).to.equal('31.6 million');
      wrap.lang = 'es';
      await waitUntil(() => final(el) === '31,6 millones', 'Spanish after the lang change', { timeout: 10_000 });
    });

    it('updates when an attribute changes', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="5" label="before" start="none"></stat-counter>`);
      el.setAttribute('label', 'after');
      el.setAttribute('prefix', 'Nearly');
      el.setAttribute('suffix', '%');
      await el.updateComplete;
      expect(text(el)).to.equal('Nearly 5% after');
      el.removeAttribute('prefix');
      await el.updateComplete;
      expect(part(el, 'prefix')).to.equal(null);
    });
  });

  it('writes a year without a thousands separator', async () => {
    const el = await fixture<HTMLElement>(html`<stat-counter start="none" .data=${{ value: 1951, unit: 'year', label: 'founded (fictitious test label)' }}></stat-counter>`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(el)).to.contain('1951');
    expect(text(el)).not.to.contain('1,951');
  });

  describe('formats in each language', () => {
    // What Intl writes (spaces and bidi marks normalised), the same in every engine: `ar` is asked
    // for with Western digits (engines' defaults differ); `ar-EG` gives Arabic-Indic digits.
    const cases: [string, string, Record<string, string>, string][] = [
      ['en', 'standard', { value: '31600000' }, '31,600,000'],
      ['en', 'compact', { value: '31600000' }, '31.6 million'],
      ['en', 'percent', { value: '18' }, '18%'],
      ['en', 'currency', { value: '30000000', currency: 'USD' }, 'USD 30,000,000'],
      ['fr', 'standard', { value: '31600000' }, '31 600 000'],
      ['fr', 'compact', { value: '31600000' }, '31,6 millions'],
      ['fr', 'percent', { value: '18' }, '18 %'],
      ['fr', 'currency', { value: '30000000', currency: 'USD' }, '30 000 000 USD'],
      ['fr', 'compact', { value: '30000000', currency: 'USD' }, '30 millions USD'],
      ['es', 'standard', { value: '31600000' }, '31.600.000'],
      ['es', 'compact', { value: '31600000' }, '31,6 millones'],
      ['es', 'percent', { value: '18.5' }, '18,5 %'],
      ['es', 'currency', { value: '30000000', currency: 'USD' }, '30.000.000 USD'],
      ['ar', 'standard', { value: '31600000' }, '31,600,000'],
      ['ar', 'compact', { value: '31600000' }, '31.6 مليون'],
      ['ar', 'percent', { value: '18' }, '18%'],
      ['ar', 'currency', { value: '30000000', currency: 'USD' }, '30,000,000 USD'],
      ['ar', 'compact', { value: '30000000', currency: 'USD' }, '30 مليون USD'],
      ['ar-EG', 'compact', { value: '31600000' }, '٣١٫٦ مليون'],
      ['ar-u-nu-arab', 'standard', { value: '31600000' }, '٣١٬٦٠٠٬٠٠٠'],
      ['ar-EG', 'percent', { value: '18' }, '١٨٪'],
      // Published precision: as many significant digits as the value has, up to three.
      ['en', 'compact', { value: '1140000' }, '1.14 million'],
      ['en', 'compact', { value: '3970000' }, '3.97 million'],
      ['en', 'compact', { value: '30000000' }, '30 million'],
      ['en', 'compact', { value: '117000000' }, '117 million'],
      ['en', 'compact', { value: '7740000', currency: 'USD' }, 'USD 7.74 million'],
      ['en', 'compact', { value: '1140000', 'maximum-fraction-digits': '1' }, '1.1 million'],
      ['fr', 'compact', { value: '1140000' }, '1,14 million'],
      ['fr', 'compact', { value: '3970000' }, '3,97 millions'],
      ['fr', 'compact', { value: '7740000', currency: 'USD' }, '7,74 millions USD'],
      ['es', 'compact', { value: '1140000' }, '1,14 millones'],
      ['es', 'compact', { value: '3970000' }, '3,97 millones'],
      ['es', 'compact', { value: '30000000' }, '30 millones'],
      ['ar', 'compact', { value: '1140000' }, '1.14 مليون'],
      ['ar', 'compact', { value: '3970000' }, '3.97 مليون'],
      ['ar-EG', 'compact', { value: '1140000' }, '١٫١٤ مليون'],
    ];
    for (const [locale, format, attrs, expected] of cases) {
      it(`writes ${attrs.value}${attrs.currency ? ` ${attrs.currency}` : ''}${attrs['maximum-fraction-digits'] ? ` (maximum-fraction-digits ${attrs['maximum-fraction-digits']})` : ''} as "${expected}" with format="${format}" in ${locale}`, async () => {
        const el = await fixture<StatCounter>(html`<stat-counter locale=${locale} format=${format} value=${attrs.value} currency=${attrs.currency ?? nothing} maximum-fraction-digits=${attrs['maximum-fraction-digits'] ?? nothing} start="none"></stat-counter>`);
        expect(final(el)).to.equal(expected);
        expect(text(el)).not.to.contain('NaN');
      });
    }

    it('counts in the same digits as the final value (Arabic-Indic digits for ar-EG)', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter locale="ar-EG" format="compact" value="31600000" start="load" duration="60000"></stat-counter>`);
      await frames(3);
      const moving = ticker(el);
      expect(moving).to.match(/^[٠-٩]+٫[٠-٩] مليون$/);
      expect(final(el)).to.equal('٣١٫٦ مليون');
    });

    it('counts in Western digits for ar, as its final value', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter locale="ar" format="compact" value="31600000" start="load" duration="60000"></stat-counter>`);
      await frames(3);
      expect(ticker(el)).to.match(/^\d+\.\d مليون$/);
    });
  });

  describe('change from a previous value', () => {
    it('says "18% increase from 2022", with the direction in words and an arrow hidden from assistive technology', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="118" previous="100" previous-label="2022" label="example figure (fictitious)" start="none"></stat-counter>`);
      const change = part(el, 'change')!;
      expect(accessibleText(change)).to.equal('18% increase from 2022');
      expect(change.getAttribute('data-direction')).to.equal('up');
      expect(change.querySelector('.arrow')!.getAttribute('aria-hidden')).to.equal('true');
      expect(clean(change.textContent!)).to.equal('▲18% increase from 2022');
    });

    it('says a decrease, and no change', async () => {
      const down = await fixture<StatCounter>(html`<stat-counter value="75" previous="100" previous-label="2022" start="none"></stat-counter>`);
      expect(accessibleText(part(down, 'change')!)).to.equal('25% decrease from 2022');
      expect(part(down, 'change')!.getAttribute('data-direction')).to.equal('down');
      const same = await fixture<StatCounter>(html`<stat-counter value="100" previous="100" previous-label="2022" start="none"></stat-counter>`);
      expect(accessibleText(part(same, 'change')!)).to.equal('No change from 2022');
      expect(part(same, 'change')!.querySelector('.arrow')).to.equal(null);
    });

    it('names the previous value, formatted like the figure, when there is no previous-label', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" previous="26400000" format="compact" start="none"></stat-counter>`);
      expect(accessibleText(part(el, 'change')!)).to.equal('20% increase from 26.4 million');
    });

    it('gives the change of a percent figure in percentage points', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="21" previous="18" previous-label="2022" format="percent" start="none"></stat-counter>`);
      expect(accessibleText(part(el, 'change')!)).to.equal('3 percentage points increase from 2022');
      el.value = 19;
      await el.updateComplete;
      expect(accessibleText(part(el, 'change')!)).to.equal('1 percentage point increase from 2022');
    });

    it('gives the difference itself when the previous value is 0', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="5000000" previous="0" previous-label="2022" format="compact" start="none"></stat-counter>`);
      expect(accessibleText(part(el, 'change')!)).to.equal('5 million increase from 2022');
    });

    it('keeps small changes visible: 0.5% rather than 0%', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="1005" previous="1000" previous-label="2022" start="none"></stat-counter>`);
      expect(accessibleText(part(el, 'change')!)).to.equal('0.5% increase from 2022');
    });

    const translated: [string, string, string][] = [
      ['fr', 'up', 'Hausse de 18 % par rapport à 2022'],
      ['fr', 'down', 'Baisse de 25 % par rapport à 2022'],
      ['es', 'up', 'Aumento de 18 % respecto a 2022'],
      ['es', 'down', 'Disminución de 25 % respecto a 2022'],
      ['ar', 'up', 'زيادة بمقدار 18% مقارنةً مع 2022'],
      ['ar', 'down', 'انخفاض بمقدار 25% مقارنةً مع 2022'],
    ];
    for (const [locale, direction, expected] of translated) {
      it(`says the ${direction === 'up' ? 'increase' : 'decrease'} in words in ${locale}: "${expected}"`, async () => {
        const value = direction === 'up' ? '118' : '75';
        const el = await fixture<StatCounter>(html`<stat-counter locale=${locale} value=${value} previous="100" previous-label="2022" start="none"></stat-counter>`);
        expect(accessibleText(part(el, 'change')!)).to.equal(expected);
      });
    }

    it('says percentage points in each language', async () => {
      const expected: Record<string, string> = {
        fr: 'Hausse de 3 points de pourcentage par rapport à 2022',
        es: 'Aumento de 3 puntos porcentuales respecto a 2022',
        ar: 'زيادة بمقدار 3 نقطة مئوية مقارنةً مع 2022',
      };
      for (const [locale, sentence] of Object.entries(expected)) {
        const el = await fixture<StatCounter>(html`<stat-counter locale=${locale} value="21" previous="18" previous-label="2022" format="percent" start="none"></stat-counter>`);
        expect(accessibleText(part(el, 'change')!)).to.equal(sentence);
      }
    });
  });

  describe('accessible text before, during and after the count', () => {
    it('holds the final value before the count starts, while the counter waits out of view', async () => {
      const wrap = await fixture<HTMLElement>(html`<div><div style="block-size: 5000px"></div><stat-counter value="31600000" format="compact" label="people assisted"></stat-counter></div>`);
      const el = wrap.querySelector('stat-counter')!;
      await frames(5);
      expect(counting(el)).to.equal(false);
      expect(accessibleText(el)).to.equal('31.6 million people assisted');
      expect(finalPainted(el)).to.equal(true);
      expect(movingPainted(el)).to.equal(false);
    });

    it('keeps the final value in the accessible text while the digits move, and never changes it', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" prefix="Over" label="people assisted" start="load" duration="60000"></stat-counter>`);
      const textChanges: MutationRecord[] = [];
      const observer = new MutationObserver((records) => textChanges.push(...records.filter((r) => r.type !== 'attributes')));
      observer.observe(root(el), { subtree: true, childList: true, characterData: true, attributes: true });
      await frames(10);
      expect(counting(el)).to.equal(true);
      // The eye sees moving digits…
      expect(ticker(el)).to.match(/^\d+\.\d million$/);
      expect(ticker(el)).not.to.equal('31.6 million');
      expect(movingPainted(el)).to.equal(true);
      expect(finalPainted(el)).to.equal(false);
      // …assistive technology, text extraction and copy get the final figure, and only it (the
      // moving digits are generated content with empty alternative text).
      expect(accessibleText(el)).to.equal('Over 31.6 million people assisted');
      expect(text(el)).to.equal('Over 31.6 million people assisted');
      expect(getComputedStyle(digits(el), '::after').content).to.match(/\/\s*""$/);
      expect(root(el).querySelector('[aria-live], [role="status"], [role="alert"]')).to.equal(null);
      expect(textChanges, 'no text node changed while counting').to.have.length(0);
      observer.disconnect();
    });

    it("reads the final figure in Chromium's accessibility tree while the digits move, and nothing of them", async function () {
      // (The runner reads the tree over the DevTools Protocol, which Firefox does not speak.)
      needsDevTools(this);
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" prefix="Over" label="people assisted" start="load" duration="60000"></stat-counter>`);
      await frames(10);
      expect(counting(el)).to.equal(true);
      type AxNode = { name?: string; role?: string; children?: AxNode[] };
      const names = (n: AxNode): string[] => [...(n.role === 'StaticText' && n.name ? [n.name] : []), ...(n.children ?? []).flatMap(names)];
      expect(clean(names((await a11ySnapshot({})) as unknown as AxNode).join(' '))).to.equal('Over 31.6 million people assisted');
    });

    it('keeps the same accessible text after the count', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="600000" label="people accessed regular migration pathways" start="load" duration="120"></stat-counter>`);
      const before = accessibleText(el);
      await oneEvent(el, 'iom-count-end');
      expect(counting(el)).to.equal(false);
      expect(movingPainted(el)).to.equal(false);
      expect(finalPainted(el)).to.equal(true);
      expect(accessibleText(el)).to.equal(before);
      expect(before).to.equal('600,000 people accessed regular migration pathways');
    });

    it('shows the final value in print, even mid-count', async function () {
      needsDevTools(this);
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load" duration="60000"></stat-counter>`);
      await frames(2);
      expect(counting(el)).to.equal(true);
      await emulateMedia({ media: 'print' });
      // The stylesheet shows the real figure on paper whatever the script is doing…
      expect(finalPainted(el)).to.equal(true);
      expect(getComputedStyle(digits(el), '::after').display).to.equal('none');
      // …and the count ends.
      await waitUntil(() => !counting(el), 'the count ends when printing', { timeout: 10_000 });
    });

    it('does not count when the page is printed', async function () {
      needsDevTools(this);
      await emulateMedia({ media: 'print' });
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load"></stat-counter>`);
      expect(counting(el)).to.equal(false);
      expect(final(el)).to.equal('31.6 million');
    });
  });

  describe('count-up', () => {
    it('counts from 0 with start="load", eases out and ends exactly on the value', async () => {
      const clock = frameClock();
      try {
        const el = await fixture<StatCounter>(html`<stat-counter value="1000" start="load" duration="60000"></stat-counter>`);
        // The count started within this task (in the first update): frames at chosen times from now.
        const now = performance.now();
        const rec = recordTicker(el);
        const ended = oneEvent(el, 'iom-count-end');
        for (const at of [5000, 15000, 30000, 45000]) await clock.run(now + at);
        expect(counting(el), 'counting after the frames').to.equal(true);
        await clock.run(now + 60000);
        const end = await ended;
        rec.stop();
        expect(end.detail).to.deep.equal({ value: 1000 });
        const numbers = rec.shown.map(shownNumber);
        // 0, then one number per frame: rising, fast at first (ease-out), short of the value.
        expect(numbers).to.have.length(5);
        expect(numbers[0]).to.equal(0);
        for (let i = 1; i < numbers.length; i++) expect(numbers[i]).to.be.greaterThan(numbers[i - 1]);
        expect(numbers[1], 'an eased first step is more than its share of the time').to.be.greaterThan(1000 * (5000 / 60000));
        expect(numbers[numbers.length - 1]).to.be.below(1000);
        expect(final(el)).to.equal('1,000');
        expect(counting(el)).to.equal(false);
      } finally {
        clock.release();
      }
    });


    it('keeps the moving digits in the final value\'s unit and fraction digits', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load" duration="500"></stat-counter>`);
      const rec = recordTicker(el);
      await oneEvent(el, 'iom-count-end');
      rec.stop();
      expect(rec.shown[0]).to.equal('0.0 million');
      for (const shown of rec.shown) expect(shown).to.match(/^\d{1,2}\.\d million$/);
    });

    it('counts percent and currency figures with their sign and code', async () => {
      const pct = await fixture<StatCounter>(html`<stat-counter value="18" format="percent" start="load" duration="60000"></stat-counter>`);
      const usd = await fixture<StatCounter>(html`<stat-counter value="30000000" format="currency" currency="USD" start="load" duration="60000"></stat-counter>`);
      await frames(3);
      expect(ticker(pct)).to.match(/^\d+%$/);
      expect(ticker(usd)).to.match(/^USD [\d,]+$/);
    });

    it('redraws the moving digits in the new language when the locale changes mid-count', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load" duration="60000"></stat-counter>`);
      await frames(3);
      expect(ticker(el)).to.match(/^\d+\.\d million$/);
      el.locale = 'fr';
      await el.updateComplete;
      expect(counting(el)).to.equal(true);
      expect(ticker(el)).to.match(/^\d+,\d millions?$/);
      expect(final(el)).to.equal('31,6 millions');
    });

    it('counts a negative value down from 0 with its minus sign', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="-500" start="load" duration="60000"></stat-counter>`);
      await frames(5);
      expect(ticker(el)).to.match(/^-\d+$/);
    });

    it('fires iom-count-end once per count', async () => {
      const ends = collect<{ value: number }>('iom-count-end');
      const el = await fixture<StatCounter>(html`<stat-counter value="10" start="load" duration="80"></stat-counter>`);
      await oneEvent(el, 'iom-count-end');
      await frames(3);
      ends.stop();
      expect(ends.events.filter((e) => e.target === el)).to.have.length(1);
    });

    it('waits until it is scrolled into view with start="visible" (the default), then counts', async () => {
      window.scrollTo(0, 0);
      const wrap = await fixture<HTMLElement>(html`<div><div style="block-size: 4000px"></div><stat-counter value="33" label="partnerships" duration="150"></stat-counter></div>`);
      const el = wrap.querySelector('stat-counter')!;
      let endedBeforeSeen = false;
      el.addEventListener('iom-count-end', () => (endedBeforeSeen = true), { once: true });
      await frames(5);
      expect(counting(el)).to.equal(false);
      expect(endedBeforeSeen, 'no count before it is seen').to.equal(false);
      expect(final(el)).to.equal('33');
      // A count ran once in view: iom-count-end fires only at the end of a count. (How many frames
      // of it are drawn depends on the machine, so the test waits for the end, not for a frame.)
      const ended = oneEvent(el, 'iom-count-end');
      el.scrollIntoView();
      try {
        expect((await ended).detail).to.deep.equal({ value: 33 });
        expect(counting(el)).to.equal(false);
      } finally {
        window.scrollTo(0, 0);
      }
    });

    it('never counts, and keeps its final value, when it is never in view', async () => {
      window.scrollTo(0, 0);
      const wrap = await fixture<HTMLElement>(html`<div>
        <div style="block-size: 4000px"></div>
        <stat-counter id="far" value="31600000" format="compact" label="people assisted"></stat-counter>
        <div hidden><stat-counter id="hidden" value="600000" label="people"></stat-counter></div>
      </div>`);
      await frames(8);
      for (const el of wrap.querySelectorAll('stat-counter')) {
        expect(counting(el)).to.equal(false);
      }
      expect(accessibleText(wrap.querySelector('#far')!)).to.equal('31.6 million people assisted');
      expect(final(wrap.querySelector('#hidden')!)).to.equal('600,000');
    });

    it('does not count with start="none" or duration="0"', async () => {
      const none = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="none"></stat-counter>`);
      const instant = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load" duration="0"></stat-counter>`);
      await frames(3);
      expect(counting(none)).to.equal(false);
      expect(counting(instant)).to.equal(false);
      expect(final(none)).to.equal('31.6 million');
    });

    it('ends the count at once when start becomes "none"', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="1000" start="load" duration="60000"></stat-counter>`);
      await frames(2);
      expect(counting(el)).to.equal(true);
      const ended = oneEvent(el, 'iom-count-end');
      el.start = 'none';
      await ended;
      expect(counting(el)).to.equal(false);
    });

    it('animates from the shown number to the new value when the value changes mid-count', async () => {
      const clock = frameClock();
      try {
        const el = await fixture<StatCounter>(html`<stat-counter value="1000" start="load" duration="60000"></stat-counter>`);
        await clock.run(performance.now() + 10000);
        const shownBefore = ticker(el);
        expect(shownNumber(shownBefore), 'some progress').to.be.greaterThan(50);
        el.value = 2000;
        await el.updateComplete;
        // The accessible text has the new value at once; the digits carry on from where they were.
        expect(final(el)).to.equal('2,000');
        expect(ticker(el)).to.equal(shownBefore);
        const now = performance.now();
        const rec = recordTicker(el);
        for (const at of [10000, 30000, 50000]) await clock.run(now + at);
        rec.stop();
        const numbers = rec.shown.map(shownNumber);
        for (let i = 1; i < numbers.length; i++) expect(numbers[i]).to.be.at.least(numbers[i - 1]);
        expect(numbers[0]).to.equal(shownNumber(shownBefore));
        expect(numbers[numbers.length - 1], 'past the old value').to.be.greaterThan(1000);
        el.duration = 0;
        el.start = 'none';
        await el.updateComplete;
        expect(counting(el)).to.equal(false);
        expect(final(el)).to.equal('2,000');
      } finally {
        clock.release();
      }
    });

    it('shows a new value with fewer digits at once: moving digits never leave the final number\'s box', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="1000000" start="load" duration="60"></stat-counter>`);
      await oneEvent(el, 'iom-count-end');
      const ends = collect('iom-count-end');
      el.duration = 60000;
      el.value = 5;
      await el.updateComplete;
      await frames(3);
      ends.stop();
      expect(counting(el)).to.equal(false);
      expect(ends.events).to.have.length(0);
      expect(final(el)).to.equal('5');
      expect(finalPainted(el)).to.equal(true);
    });

    it('counts down to a value of the same width, in the final number\'s box', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="900" start="load" duration="60"></stat-counter>`);
      await oneEvent(el, 'iom-count-end');
      el.duration = 60000;
      el.value = 100;
      await el.updateComplete;
      await waitUntil(() => counting(el), 'the count down starts', { timeout: 10_000 });
      expect(shownNumber(ticker(el))).to.be.within(100, 900);
      expect(accessibleText(el)).to.equal('100');
    });

    it('runs all counters on one animation frame callback: never more than one frame asked for at once', async () => {
      const original = window.requestAnimationFrame;
      let outstanding = 0;
      let most = 0;
      window.requestAnimationFrame = (cb) => {
        // Only the counters' loop (other code on the page may ask for frames of its own).
        if (cb.name !== 'tick') return original.call(window, cb);
        outstanding++;
        most = Math.max(most, outstanding);
        return original.call(window, (t) => {
          outstanding--;
          cb(t);
        });
      };
      try {
        const wrap = await fixture<HTMLElement>(html`<div>${Array.from({ length: 30 }, (_, i) => html`<stat-counter value=${1000 + i} start="load" duration="250"></stat-counter>`)}</div>`);
        const all = [...wrap.querySelectorAll('stat-counter')];
        await Promise.all(all.map((el) => oneEvent(el, 'iom-count-end')));
      } finally {
        window.requestAnimationFrame = original;
      }
      // 30 counters on their own loops would ask for 30 frames at a time.
      expect(most).to.equal(1);
    });

    it('survives being moved in the page: a counter still waiting to be seen waits again', async () => {
      const wrap = await fixture<HTMLElement>(html`<div><div style="block-size: 4000px"></div><div id="a"><stat-counter value="5" duration="100"></stat-counter></div><div id="b"></div></div>`);
      const el = wrap.querySelector('stat-counter')!;
      await frames(2);
      wrap.querySelector('#b')!.append(el);
      await el.updateComplete;
      await frames(2);
      expect(counting(el)).to.equal(false);
      const ended = oneEvent(el, 'iom-count-end');
      el.scrollIntoView();
      await ended;
      window.scrollTo(0, 0);
    });
  });

  describe('when animation frames stall (capture tools, throttled tabs, slow devices)', () => {
    it('never paints a number other than the final one when no frame comes, and ends the count by itself', async () => {
      const frozen = frameClock();
      try {
        const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" label="people assisted" start="load" duration="300"></stat-counter>`);
        const marks: string[] = [];
        const observer = new MutationObserver(() => counting(el) && marks.push('counting'));
        observer.observe(root(el), { subtree: true, attributes: true, attributeFilter: ['data-counting'] });
        const end = await oneEvent(el, 'iom-count-end');
        observer.disconnect();
        expect(frozen.held.length, 'the count asked for a frame').to.be.greaterThan(0);
        expect(end.detail).to.deep.equal({ value: 31600000 });
        expect(marks, 'the moving digits were never shown').to.deep.equal([]);
        expect(counting(el)).to.equal(false);
        expect(finalPainted(el)).to.equal(true);
        expect(final(el)).to.equal('31.6 million');
      } finally {
        frozen.release();
      }
    });

    it('ends on the final figure when frames stop mid-count (a page hidden from the compositor)', async () => {
      const frozen = frameClock();
      try {
        const el = await fixture<StatCounter>(html`<stat-counter value="600000" label="people accessed regular migration pathways" start="load" duration="400"></stat-counter>`);
        // One frame (the count started within this task, in the first update), then no more.
        await frozen.run(performance.now());
        expect(counting(el), 'the count shows its moving digits on a frame').to.equal(true);
        await oneEvent(el, 'iom-count-end');
        expect(counting(el)).to.equal(false);
        expect(finalPainted(el)).to.equal(true);
        expect(movingPainted(el)).to.equal(false);
        expect(final(el)).to.equal('600,000');
        frozen.release();
        // The next count still gets frames (a long one, so that it is still running when seen).
        el.duration = 60000;
        el.value = 700000;
        await waitUntil(() => counting(el), 'a later count runs on frames again', { timeout: 10_000 });
        const ended = oneEvent(el, 'iom-count-end');
        el.start = 'none';
        await ended;
        expect(final(el)).to.equal('700,000');
      } finally {
        frozen.release();
      }
    });

  });

  describe('moving digits in the final figure\'s box', () => {
    it('wrap exactly like the final text where it wraps, and change no box', async () => {
      const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 220px; font-size: 16px">
        <stat-counter value="30000000" format="compact" currency="USD" label="in private sector funding raised" start="load" duration="600000"></stat-counter>
      </div>`);
      const el = wrap.querySelector('stat-counter')!;
      const rects = () => [...part(el, 'value')!.getClientRects(), ...digits(el).getClientRects(), el.getBoundingClientRect()].map((r) => [r.x, r.y, r.width, r.height].join());
      await waitUntil(() => counting(el), 'counting', { timeout: 10_000 });
      const during = rects();
      expect(part(el, 'value')!.getClientRects().length, '"USD 30 million" wraps at this width').to.be.greaterThan(1);
      el.start = 'none';
      await el.updateComplete;
      expect(counting(el)).to.equal(false);
      expect(rects()).to.deep.equal(during);
    });
  });

  describe('reduced motion and hidden tabs', () => {
    it('shows the final value at once with prefers-reduced-motion: reduce', async function () {
      needsDevTools(this);
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" start="load"></stat-counter>`);
      await frames(3);
      expect(counting(el)).to.equal(false);
      expect(final(el)).to.equal('31.6 million');
      expect(finalPainted(el)).to.equal(true);
    });

    it('ends a running count when the reader switches to reduced motion', async function () {
      needsDevTools(this);
      const el = await fixture<StatCounter>(html`<stat-counter value="1000" start="load" duration="60000"></stat-counter>`);
      await frames(2);
      const ended = oneEvent(el, 'iom-count-end');
      await emulateMedia({ reducedMotion: 'reduce' });
      await ended;
      expect(counting(el)).to.equal(false);
    });

    it('shows the final value at once in a hidden tab, and ends running counts when the tab is hidden', async () => {
      const running = await fixture<StatCounter>(html`<stat-counter value="1000" start="load" duration="60000"></stat-counter>`);
      await frames(2);
      expect(counting(running)).to.equal(true);
      const ended = oneEvent(running, 'iom-count-end');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        await ended;
        expect(counting(running)).to.equal(false);
        const fresh = await fixture<StatCounter>(html`<stat-counter value="1000" start="load"></stat-counter>`);
        expect(counting(fresh)).to.equal(false);
        expect(final(fresh)).to.equal('1,000');
      } finally {
        delete (document as unknown as Record<string, unknown>).visibilityState;
      }
    });
  });

  describe('bad values', () => {
    for (const bad of ['31.6 million', 'abc', '', 'Infinity', '1,200']) {
      it(`shows an error naming the value attribute for value="${bad}", never NaN`, async () => {
        const errors = collect<{ message: string; kind: string }>('iom-error');
        const { result: el, warnings } = await withWarnings(() => fixture<StatCounter>(html`<stat-counter value=${bad} label="people assisted"></stat-counter>`));
        errors.stop();
        const message = `value attribute must be a number written with digits only, such as 31600000 or 2.5, got ${JSON.stringify(bad)}`;
        expect(errorText(el)).to.equal(message);
        expect(el.status).to.equal('error');
        expect(text(el)).not.to.contain('NaN');
        expect(errors.events.map((e) => e.detail.message)).to.deep.equal([message]);
        expect(errors.events[0].detail.kind).to.equal('validation');
        expect(warnings).to.deep.equal([`<stat-counter>: ${message}`]);
      });
    }

    it('names the value property when a script sets NaN', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter .value=${NaN}></stat-counter>`);
      expect(errorText(el)).to.equal('value property must be a number written with digits only, such as 31600000 or 2.5, got NaN');
    });

    it('asks for a currency code with format="currency"', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="30000000" format="currency"></stat-counter>`);
      expect(errorText(el)).to.equal('format "currency" needs a currency code: add currency="USD" (or "currency": "USD" in the data)');
    });

    it('recovers when the attribute is fixed, and announces a new problem again', async () => {
      const errors = collect('iom-error');
      const el = await fixture<StatCounter>(html`<stat-counter value="31.6 million" start="none"></stat-counter>`);
      el.setAttribute('value', '31600000');
      await el.updateComplete;
      expect(el.status).to.equal('ready');
      expect(final(el)).to.equal('31,600,000');
      el.setAttribute('value', 'abc');
      await el.updateComplete;
      errors.stop();
      expect(errors.events.filter((e) => e.target === el)).to.have.length(2);
    });

    it('reports a value in the data that is not a number, with its field', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter .data=${{ value: '1,200', label: 'example (fictitious)' }}></stat-counter>`);
      expect(errorText(el)).to.equal('value must be a number, got "1,200"');
    });

    it('says what is missing when there is neither a value nor data', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter label="people assisted"></stat-counter>`);
      expect(el.status).to.equal('idle');
      expect(errorText(el)).to.equal(
        'No value given: add a value attribute (such as value="31600000"), a data attribute, a <script type="application/json"> or a src attribute to <stat-counter>.',
      );
      const fr = await fixture<StatCounter>(html`<stat-counter locale="fr"></stat-counter>`);
      expect(errorText(fr)).to.contain('Aucune valeur fournie');
    });
  });

  describe('data input ways', () => {
    beforeEach(() => clearDataCache());

    it('reads the data property (an object of the StatCounterSchema shape), as objective-card gives it', async () => {
      const figure = { value: 31600000, format: 'compact', label: 'people assisted', unit: 'people', year: 2023, source: { title: 'IOM Annual Report 2023', url: 'https://www.iom.int/' } };
      const loads = collect('iom-load');
      const el = await fixture<StatCounter>(html`<stat-counter .data=${figure} start="none"></stat-counter>`);
      loads.stop();
      expect(text(el)).to.equal('31.6 million people assisted Source: IOM Annual Report 2023');
      expect(part(el, 'source')!.querySelector('a')!.getAttribute('href')).to.equal('https://www.iom.int/');
      expect(loads.events.map((e) => e.detail)).to.deep.equal([figure]);
      el.data = { ...figure, value: 26400000, year: 2024 };
      await el.updateComplete;
      expect(final(el)).to.equal('26.4 million');
    });

    it('reads the data attribute', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter data='{"value": 600000, "label": "people accessed regular migration pathways"}' start="none"></stat-counter>`);
      expect(text(el)).to.equal('600,000 people accessed regular migration pathways');
    });

    it('reads an inline JSON script, and does not render it', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter start="none"><script type="application/json">{"value": 30000000, "format": "currency", "currency": "USD", "label": "raised from the private sector"}</script></stat-counter>`);
      expect(text(el)).to.equal('USD 30,000,000 raised from the private sector');
    });

    it('loads src with a JSON Pointer, showing a busy skeleton first', async () => {
      const slow = heldUrl('/test/fixtures/stat-counter.json');
      const el = await fixture<StatCounter>(html`<stat-counter src="${slow.url}#/highlights/exampleAssisted" start="none"></stat-counter>`);
      expect(el.status).to.equal('loading');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'skeleton')).to.exist;
      await expect(el).to.be.accessible();
      expect(el.status, 'still loading after the accessibility check').to.equal('loading');
      await releaseHeld(slow.key);
      await el.loadComplete;
      expect(el.status).to.equal('ready');
      expect(accessibleText(el)).to.equal('Over 1.23 million example people assisted (fictitious) 23% increase from 2030 Source: Example Organization, Example annual report (fictitious example), 2031');
      expect(part(el, 'source')!.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/report');
    });

    it('lets attributes override the same fields of the data', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter
        src="/test/fixtures/stat-counter.json#/highlights/exampleFunding"
        label="example funds (fictitious, from the attribute)"
        maximum-fraction-digits="1"
        format="compact"
        start="none"
      ></stat-counter>`);
      await el.loadComplete;
      expect(text(el)).to.equal('EUR 4.5 million example funds (fictitious, from the attribute)');
      el.setAttribute('value', '9000000');
      await el.updateComplete;
      expect(final(el)).to.equal('EUR 9 million');
    });

    it('reports a value the file gives as text', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter src="/test/fixtures/stat-counter.json#/highlights/badValue"></stat-counter>`);
      await el.loadComplete;
      expect(errorText(el)).to.equal('value must be a number, got "31.6 million"');
    });

    it('shows a load error with Retry', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter src="/test/fixtures/no-such-file.json"></stat-counter>`);
      await el.loadComplete;
      expect(errorText(el)).to.contain('Could not load /test/fixtures/no-such-file.json');
      expect(part(el, 'retry')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('counts up data that arrives from src, from 0', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter src="/test/fixtures/stat-counter.json#/highlights/exampleFunding" start="load" duration="60000"></stat-counter>`);
      await el.loadComplete;
      await frames(2);
      expect(counting(el)).to.equal(true);
      expect(ticker(el)).to.match(/^EUR [\d,]+$/);
      expect(accessibleText(el)).to.equal('EUR 4,500,000 example funding raised (fictitious)');
    });
  });

  describe('light-DOM fallback', () => {
    it('renders its own figure in place of the content written inside the tag', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" label="people assisted" start="none"><p class="fallback">31.6 million people assisted</p></stat-counter>`);
      expect(root(el).querySelector('slot')).to.equal(null);
      expect(el.querySelector<HTMLElement>('.fallback')!.getClientRects()).to.have.length(0);
      expect(accessibleText(el)).to.equal('31.6 million people assisted');
    });
  });

  describe('RTL and theming', () => {
    it('lays out right to left and says the change in Arabic', async () => {
      const wrap = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar"><stat-counter value="118" previous="100" previous-label="2022" format="percent" label="مثال (رقم وهمي)" start="none"></stat-counter></div>`);
      const el = wrap.querySelector('stat-counter')!;
      expect(getComputedStyle(part(el, 'figure')!).direction).to.equal('rtl');
      expect(getComputedStyle(el).textAlign).to.equal('start');
      expect(accessibleText(part(el, 'change')!)).to.equal('زيادة بمقدار 18 نقطة مئوية مقارنةً مع 2022');
      const value = part(el, 'value')!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      // Start-aligned in RTL: the value sits against the right edge.
      expect(Math.round(host.right - value.right)).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('takes its --iom-stat-counter-* properties', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter
        value="5"
        label="example (fictitious)"
        start="none"
        style="--iom-stat-counter-value-color: rgb(1, 2, 3); --iom-stat-counter-value-size: 40px; --iom-stat-counter-value-weight: 300; --iom-stat-counter-label-color: rgb(4, 5, 6); --iom-stat-counter-label-size: 13px; --iom-stat-counter-label-weight: 600; --iom-stat-counter-align: center"
      ></stat-counter>`);
      const value = getComputedStyle(part(el, 'value')!);
      expect(value.color).to.equal('rgb(1, 2, 3)');
      expect(value.fontSize).to.equal('40px');
      expect(value.fontWeight).to.equal('300');
      expect(value.fontVariantNumeric).to.contain('tabular-nums');
      const label = getComputedStyle(part(el, 'label')!);
      expect(label.color).to.equal('rgb(4, 5, 6)');
      expect(label.fontSize).to.equal('13px');
      expect(label.fontWeight).to.equal('600');
      expect(getComputedStyle(el).textAlign).to.equal('center');
    });

    it('exposes the parts value, label, prefix, suffix, change and source', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="5" label="l" prefix="p" suffix="s" previous="4" source="IOM Annual Report 2023" description="d" start="none"></stat-counter>`);
      for (const name of ['base', 'figure', 'value', 'label', 'prefix', 'suffix', 'change', 'source', 'description']) {
        expect(part(el, name), name).to.exist;
      }
    });
  });

  describe('accessibility', () => {
    it('is accessible when ready', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" prefix="Over" label="people assisted" previous="26400000" previous-label="2024" source="https://www.iom.int/" start="none"></stat-counter>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible while counting', async () => {
      const el = await fixture<StatCounter>(html`<stat-counter value="31600000" format="compact" label="people assisted" start="load" duration="60000"></stat-counter>`);
      await frames(2);
      expect(counting(el)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('is accessible in the error and idle states', async () => {
      const bad = await fixture<StatCounter>(html`<stat-counter value="abc"></stat-counter>`);
      await expect(bad).to.be.accessible();
      const idle = await fixture<StatCounter>(html`<stat-counter></stat-counter>`);
      await expect(idle).to.be.accessible();
    });
  });

  describe('layout stability', () => {
    /**
     * Sum of the layout-shift values recorded since `since`. Stricter than CLS: it also counts
     * shifts right after input (setViewport counts as input for 500 ms and CLS would drop them).
     */
    function layoutShift(entries: PerformanceEntry[], since: number): number {
      return entries.filter((e) => e.startTime >= since).reduce((sum, e) => sum + (e as PerformanceEntry & { value: number }).value, 0);
    }

    it('reserves the ready size while loading: prefix, long label, description and source, in a grid row and inline', async () => {
      await setViewport({ width: 1000, height: 900 });
      const slow = heldUrl('/test/fixtures/stat-counter.json');
      const src = `${slow.url}#/highlights/exampleValueOnly`;
      const counter = (style = '') => html`<stat-counter
        src=${src}
        style=${style}
        format="compact"
        prefix="Over"
        label="example people assisted with protection, shelter and other basic needs (fictitious)"
        description="An example sentence under the label, long enough to wrap over more than one line (fictitious)."
        source="Example annual report (fictitious example)"
        start="none"
      ></stat-counter>`;
      const wrap = await fixture<HTMLElement>(html`<div style="font-size: 16px; inline-size: 900px">
        <div style="display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 16px">${[0, 1, 2, 3].map(() => counter())}</div>
        <p style="inline-size: 320px">Before ${counter('display: inline-block')} <span class="marker" style="display: inline-block">after</span></p>
        <p class="marker">After the figures</p>
      </div>`);
      const counters = [...wrap.querySelectorAll('stat-counter')] as StatCounter[];
      const boxes = () => [...counters, ...wrap.querySelectorAll('.marker')].map((el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map((n) => Math.round(n)).join(); });
      await Promise.all(counters.map((el) => el.updateComplete)); // (first renders may take turns)
      expect(counters.every((el) => el.status === 'loading')).to.equal(true);
      expect(part(counters[0], 'skeleton')).to.exist;
      const loading = boxes();
      const loaded = Promise.all(counters.map((el) => oneEvent(el, 'iom-load')));
      await releaseHeld(slow.key);
      await loaded;
      await Promise.all(counters.map((el) => el.updateComplete));
      expect(counters.map((el) => el.status)).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready']);
      expect(text(counters[0])).to.contain('4.32 million');
      expect(boxes()).to.deep.equal(loading);
    });

    // Chromium counts boxes that move, not text moving inside a box: so the counters sit inline,
    // each followed by an inline-block marker that moves if a counter's width changes, and by
    // blocks that move if its height changes.
    it('keeps cumulative layout shift at 0 while 100 counters render and count up', async function () {
      needsLayoutShiftApi(this);
      await setViewport({ width: 1400, height: 1000 });
      const entries: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type: 'layout-shift', buffered: true });
      // First, on this page, a number that grows without reserved space, laid out as the counters
      // are below: the measurement must see it move what follows, or a 0 below would prove nothing.
      const controlSince = performance.now();
      const control = await fixture<HTMLElement>(html`<div style="font-size: 40px"><span class="n" style="display: inline-block">0</span> <span style="display: inline-block">people</span><p>After the figure</p></div>`);
      const n = control.querySelector('.n')!;
      await frames(3);
      for (const shown of ['1', '12', '123', '1,234', '12,345']) {
        n.textContent = shown;
        await frames(2);
      }
      await frames(2);
      entries.push(...observer.takeRecords());
      expect(layoutShift(entries, controlSince), 'the shift of a number growing without reserved space').to.be.greaterThan(0);
      control.remove();
      await frames(2);
      entries.push(...observer.takeRecords());
      const since = performance.now();
      const aligns = ['start', 'center', 'end'];
      const formats: [string, number, string?][] = [
        ['compact', 31600000],
        ['standard', 600000],
        ['percent', 18],
        ['currency', 30000000, 'USD'],
        ['compact', 30000000, 'USD'],
        ['standard', 33],
      ];
      const locales = ['en', 'fr', 'es', 'ar'];
      const ends = collect('iom-count-end');
      const wrap = await fixture<HTMLElement>(html`<div style="font-size: 6px">
        <p>Before the figures</p>
        <div style="display: grid; grid-template-columns: repeat(10, minmax(0, 1fr)); gap: 4px">
          ${Array.from({ length: 100 }, (_, i) => {
            const [format, value, currency] = formats[i % formats.length];
            const locale = locales[i % locales.length];
            return html`<div dir=${locale === 'ar' ? 'rtl' : 'ltr'}>
              <stat-counter
                locale=${locale}
                format=${format}
                value=${value}
                currency=${currency ?? nothing}
                prefix=${i % 5 === 0 ? 'Over' : nothing}
                label="example label (fictitious)"
                duration="600"
                style="display: inline-block; --iom-stat-counter-align: ${aligns[i % 3]}"
              ></stat-counter> <span style="display: inline-block">after</span>
            </div>`;
          })}
        </div>
        <p>After the figures</p>
      </div>`);
      const counters = [...wrap.querySelectorAll('stat-counter')];
      // All 100 are in the viewport: each counts once. Wait for every count to end (no timing assumptions).
      await waitUntil(() => ends.events.length >= 100, 'all 100 counts ended', { timeout: 10_000 });
      ends.stop();
      await frames(3);
      entries.push(...observer.takeRecords());
      observer.disconnect();
      expect(counters).to.have.length(100);
      expect(new Set(ends.events.map((e) => e.target)).size).to.equal(100);
      expect(layoutShift(entries, since)).to.equal(0);
    });
  });
});
