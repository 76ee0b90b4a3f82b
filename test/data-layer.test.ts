import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './fixtures/test-widget.js';
import type { TestWidget } from './fixtures/test-widget.js';
import { clearDataCache } from '../src/data/fetch-cache.js';
import { defineElement } from '../src/base/define-element.js';
import { resolveLocale } from '../src/i18n/locale.js';
import { fresh, settled, shadowText as text } from './support/dom.js';
import { heldArrived, heldOutcome, heldUrl, releaseHeld } from './support/server.js';

const errorText = (el: Element) => el.shadowRoot!.querySelector('[part="error"] .error-message')?.textContent ?? '';
const requests = (fragment: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(fragment)).length;



// The runner loads many modules; make room so our requests are always recorded.
performance.setResourceTimingBufferSize(100000);

describe('data layer', () => {
  beforeEach(() => {
    clearDataCache();
    performance.clearResourceTimings();
  });

  describe('input ways and precedence', () => {
    it('renders data from the data property', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${{ items: [{ name: 'From property' }] }}></iom-test-widget>`);
      expect(text(el)).to.contain('From property');
      expect(el.status).to.equal('ready');
    });

    it('renders data from the data attribute (JSON)', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget data='{"items":[{"name":"From attribute"}]}'></iom-test-widget>`);
      expect(text(el)).to.contain('From attribute');
    });

    it('renders data from an inline JSON script', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget><script type="application/json">{"items":[{"name":"From script"}]}</script></iom-test-widget>`);
      expect(text(el)).to.contain('From script');
    });

    it('renders data from src with a JSON Pointer fragment', async () => {
      const el = await settled(await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/report.json#/funding/topDonors"></iom-test-widget>`));
      expect(text(el)).to.contain('Top donors');
      expect(text(el)).to.contain('Donor A: 1,200');
    });

    it('follows the precedence property > attribute > inline script > src', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget
        src="/test/fixtures/report.json#/funding/topDonors"
        data='{"items":[{"name":"attr"}]}'
        .data=${{ items: [{ name: 'prop' }] }}
        ><script type="application/json">{"items":[{"name":"script"}]}</script></iom-test-widget
      >`);
      expect(text(el)).to.contain('prop');
      el.data = undefined;
      await el.updateComplete;
      expect(text(el)).to.contain('attr');
      el.removeAttribute('data');
      await el.updateComplete;
      expect(text(el)).to.contain('script');
      el.querySelector('script')!.remove();
      await waitUntil(() => text(el).includes('Donor A'), 'falls back to src', { timeout: 10_000 });
    });

    it('follows edits to the inline script', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget><script type="application/json">{"items":[{"name":"Before"}]}</script></iom-test-widget>`);
      el.querySelector('script')!.textContent = '{"items":[{"name":"After"}]}';
      await waitUntil(() => text(el).includes('After'), 'inline edit rendered', { timeout: 10_000 });
    });

    it('accepts a bare array through the widget normaliser', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${[{ name: 'Bare' }]}></iom-test-widget>`);
      expect(text(el)).to.contain('Bare');
    });

    it('says what to add when no data is given at all', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget></iom-test-widget>`);
      expect(errorText(el)).to.contain('add a src attribute');
      expect(errorText(el)).to.contain('<iom-test-widget>');
    });
  });

  describe('JSON Pointer', () => {
    it('resolves escaped keys from a src fragment (percent-encoded too)', async () => {
      const el = await settled(await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/report.json#/funding/a~1b"></iom-test-widget>`));
      expect(text(el)).to.contain('Slash');
      el.src = '/test/fixtures/report.json#/funding/m~0n';
      await settled(el);
      expect(text(el)).to.contain('Tilde');
      el.src = '/test/fixtures/report.json#%2Flists%2F0';
      await settled(el);
      expect(text(el)).to.contain('First');
    });
  });

  describe('network', () => {
    it('makes one request per file for many widgets, in flight and after', async () => {
      const url = fresh('/__test__/delay/150/test/fixtures/report.json');
      const container = await fixture(html`<div>
        <iom-test-widget src="${url}#/funding/topDonors"></iom-test-widget>
        <iom-test-widget src="${url}#/lists/0"></iom-test-widget>
        <iom-test-widget src="${url}#/funding/a~1b"></iom-test-widget>
      </div>`);
      const els = [...container.querySelectorAll<TestWidget>('iom-test-widget')];
      await Promise.all(els.map(settled));
      const late = await settled(await fixture<TestWidget>(html`<iom-test-widget src="${url}#/funding/m~0n"></iom-test-widget>`));
      expect(text(late)).to.contain('Tilde');
      expect(els.map(text).join(' ')).to.contain('Donor A').and.contain('First').and.contain('Slash');
      expect(requests(url.split('?')[1])).to.equal(1);
    });

    it('aborts the old request when src changes and shows only the newest result', async () => {
      const slow = heldUrl('/test/fixtures/report.json');
      const el = await fixture<TestWidget>(html`<iom-test-widget src="${slow.url}#/funding/topDonors"></iom-test-widget>`);
      expect(el.status).to.equal('loading');
      expect(await heldArrived(slow.key), 'the first request is in flight').to.equal(true);
      el.src = '/test/fixtures/report.json#/funding/a~1b';
      await settled(el);
      expect(text(el)).to.contain('Slash');
      // The server saw the old request dropped: its answer can never arrive.
      expect(await heldOutcome(slow.key)).to.equal('aborted');
      await el.updateComplete;
      expect(text(el)).to.contain('Slash');
      expect(text(el)).not.to.contain('Donor A');
    });

    it('drops an in-flight request when a data property arrives', async () => {
      const slow = heldUrl('/test/fixtures/report.json');
      const el = await fixture<TestWidget>(html`<iom-test-widget src="${slow.url}#/funding/topDonors"></iom-test-widget>`);
      expect(await heldArrived(slow.key), 'the request is in flight').to.equal(true);
      el.data = { items: [{ name: 'Pushed' }] };
      await el.updateComplete;
      expect(await heldOutcome(slow.key)).to.equal('aborted');
      await el.updateComplete;
      expect(text(el)).to.contain('Pushed');
      expect(text(el)).not.to.contain('Donor A');
    });

    it('keeps the last good data on screen, marked busy, while a reload is pending', async () => {
      const el = await settled(await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/report.json#/funding/topDonors"></iom-test-widget>`));
      el.src = fresh('/__test__/delay/300/test/fixtures/report.json') + '#/funding/a~1b';
      await el.updateComplete;
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain('Donor A');
      await settled(el);
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(text(el)).to.contain('Slash');
    });

    it('shows a loading skeleton marked aria-busy on a first load', async () => {
      const slow = heldUrl('/test/fixtures/report.json');
      const el = await fixture<TestWidget>(html`<iom-test-widget src="${slow.url}#/funding/topDonors"></iom-test-widget>`);
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')!.getAttribute('aria-label')).to.equal('Loading…');
      await expect(el).to.be.accessible();
      expect(el.status, 'still loading after the accessibility check').to.equal('loading');
      await releaseHeld(slow.key);
      await settled(el);
      expect(base.getAttribute('aria-busy')).to.equal('false');
    });

    it('turns a hung request into a timeout error', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget timeout="200" src="${fresh('/__test__/hang')}"></iom-test-widget>`);
      const ev = await oneEvent(el, 'iom-error');
      expect(ev.detail.kind).to.equal('timeout');
      await el.updateComplete;
      expect(errorText(el)).to.match(/no answer after 0\.2 s \(timeout\)/);
    });

    it('reports a 404 with the URL and status, and Retry refetches', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/missing.json"></iom-test-widget>`);
      const ev = await oneEvent(el, 'iom-error');
      await el.updateComplete;
      expect(ev.detail.message).to.equal('Could not load /test/fixtures/missing.json: 404 Not Found');
      expect(errorText(el)).to.equal('Could not load /test/fixtures/missing.json: 404 Not Found');
      await waitUntil(() => requests('/test/fixtures/missing.json') === 1, 'one request', { timeout: 10_000 });
      const before = 1;
      const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
      expect(retry.textContent).to.equal('Retry');
      retry.click();
      await oneEvent(el, 'iom-error');
      await waitUntil(() => requests('/test/fixtures/missing.json') === before + 1, 'Retry made one new request', { timeout: 10_000 });
    });

    it('reports a server error', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget src="/__test__/status/500"></iom-test-widget>`);
      await oneEvent(el, 'iom-error');
      await el.updateComplete;
      expect(errorText(el)).to.match(/^Could not load \/__test__\/status\/500: 500/);
    });

    it('reports a file that is not valid JSON', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/broken.json"></iom-test-widget>`);
      await oneEvent(el, 'iom-error');
      await el.updateComplete;
      expect(errorText(el)).to.match(/^\/test\/fixtures\/broken\.json is not valid JSON \(.+\)$/);
    });

    it('reports a JSON Pointer that is not in the file', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/report.json#/funding/nothing"></iom-test-widget>`);
      const ev = await oneEvent(el, 'iom-error');
      expect(ev.detail.kind).to.equal('pointer');
      expect(ev.detail.message).to.equal('/funding/nothing not found in /test/fixtures/report.json');
    });

    it('never caches a failure', async () => {
      const url = fresh('/test/fixtures/missing.json');
      const a = await fixture<TestWidget>(html`<iom-test-widget src="${url}"></iom-test-widget>`);
      await oneEvent(a, 'iom-error');
      const b = await fixture<TestWidget>(html`<iom-test-widget src="${url}"></iom-test-widget>`);
      await oneEvent(b, 'iom-error');
      await waitUntil(() => requests(url.split('?')[1]) === 2, 'each widget made its own request', { timeout: 10_000 });
    });
  });

  describe('errors and events', () => {
    it('names the data attribute and the parser message for bad JSON', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget data='{"items": [}'></iom-test-widget>`);
      expect(errorText(el)).to.match(/^data attribute is not valid JSON \(.+\)$/);
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.be.null;
    });

    it('names the inline script for bad JSON', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget><script type="application/json">{nope}</script></iom-test-widget>`);
      expect(errorText(el)).to.match(/^inline <script type="application\/json"> is not valid JSON/);
    });

    it('gives the field path and the value received', async () => {
      const el = await settled(await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/report.json#/bad"></iom-test-widget>`));
      expect(errorText(el)).to.equal('items[3].amount must be a number, got "1,200"');
    });

    it('reports missing fields, wrong types and custom rules', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${{ title: 'x' }}></iom-test-widget>`);
      expect(errorText(el)).to.equal('items is required');
      el.data = { items: 'nope' };
      await el.updateComplete;
      expect(errorText(el)).to.equal('items must be a list, got "nope"');
      el.data = { items: [{ name: 'a', amount: -5 }] };
      await el.updateComplete;
      expect(errorText(el)).to.equal('items[0].amount must not be negative');
      el.data = { items: [{ name: 'a', amount: Number.NaN }] };
      await el.updateComplete;
      expect(errorText(el)).to.equal('items[0].amount must be a number, got NaN');
      el.data = { items: [{ name: 'a', amount: Infinity }] };
      await el.updateComplete;
      expect(errorText(el)).to.equal('items[0].amount must be a finite number');
      el.data = 42;
      await el.updateComplete;
      expect(errorText(el)).to.equal('data must be an object, got 42');
    });

    it('fires iom-error with message and cause, and warns once naming the element', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (m: string) => warnings.push(m);
      try {
        const el = document.createElement('iom-test-widget') as TestWidget;
        const event = oneEvent(el, 'iom-error');
        el.setAttribute('data', '{');
        document.body.append(el);
        const { detail } = await event;
        expect(detail.message).to.match(/^data attribute is not valid JSON/);
        expect(detail.cause).to.be.instanceOf(SyntaxError);
        el.requestUpdate();
        await el.updateComplete;
        expect(warnings.filter((w) => w.startsWith('<iom-test-widget>: data attribute is not valid JSON'))).to.have.length(1);
        el.remove();
      } finally {
        console.warn = original;
      }
    });

    it('fires iom-load with the data, bubbling and composed', async () => {
      const el = document.createElement('iom-test-widget') as TestWidget;
      const wrapper = await fixture(html`<div></div>`);
      const event = oneEvent(wrapper, 'iom-load');
      el.src = '/test/fixtures/report.json#/funding/topDonors';
      wrapper.append(el);
      const ev = await event;
      expect(ev.composed).to.be.true;
      expect((ev.detail as { items: unknown[] }).items).to.have.length(2);
    });

    it('renders data as text, never as markup', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${{ items: [{ name: '<img src=x onerror="window.__pwned=1">' }] }}></iom-test-widget>`);
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
      expect(text(el)).to.contain('<img src=x');
      expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
    });

    it('shows the empty state for valid data with nothing in it', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${{ items: [] }}></iom-test-widget>`);
      expect(el.status).to.equal('empty');
      expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('No data to show.');
      await expect(el).to.be.accessible();
    });

    it('is accessible in the error state', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget data="{"></iom-test-widget>`);
      await expect(el).to.be.accessible();
    });
  });

  describe('HXL and CSV', () => {
    it('reads an HXL CSV file from src', async () => {
      const el = await settled(await fixture<TestWidget>(html`<iom-test-widget src="/test/fixtures/hxl.csv"></iom-test-widget>`));
      expect(text(el)).to.contain('Donor, with comma: 1,500');
      expect(text(el)).to.contain('Donor B');
    });
    it('reads an HXL table given as JSON', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget .data=${[['#org+name'], ['Gamma']]}></iom-test-widget>`);
      expect(text(el)).to.contain('Gamma');
    });
  });

  describe('language and direction', () => {
    it('resolves locale from the attribute, then the nearest lang, then the document', async () => {
      const host = await fixture(html`<section lang="fr"><div><iom-test-widget .data=${{ items: [{ name: 'n', amount: 1234.5 }] }}></iom-test-widget></div></section>`);
      const el = host.querySelector('iom-test-widget')!;
      await el.updateComplete; // the French words load first: no English meanwhile
      expect(el.resolvedLocale).to.equal('fr');
      expect(text(el)).to.match(/1\s234,5/);
      el.locale = 'es';
      await el.updateComplete;
      expect(el.resolvedLocale).to.equal('es');
      el.locale = undefined;
      host.removeAttribute('lang');
      document.documentElement.lang = 'ar';
      try {
        await el.updateComplete;
        expect(resolveLocale(el)).to.equal('ar');
      } finally {
        document.documentElement.lang = 'en';
      }
    });

    it('re-renders when an ancestor lang changes (language switch)', async () => {
      const host = await fixture(html`<div lang="en"><iom-test-widget data="{"></iom-test-widget></div>`);
      const el = host.querySelector('iom-test-widget')!;
      expect(el.shadowRoot!.querySelector('.error-title')!.textContent).to.equal('This widget could not show its data');
      host.setAttribute('lang', 'es');
      await waitUntil(() => el.shadowRoot!.querySelector('.error-title')!.textContent === 'Este módulo no pudo mostrar sus datos', 'the Spanish words', { timeout: 10_000 });
    });

    it('finds lang across a shadow root', async () => {
      const outer = await fixture(html`<div lang="ar"><div id="h"></div></div>`);
      const shadowHost = outer.querySelector('#h')!;
      const root = shadowHost.attachShadow({ mode: 'open' });
      const el = document.createElement('iom-test-widget');
      root.append(el);
      expect(resolveLocale(el)).to.equal('ar');
    });

    it('ignores an invalid locale instead of throwing', async () => {
      const el = await fixture<TestWidget>(html`<iom-test-widget locale="not a locale!" .data=${{ items: [] }}></iom-test-widget>`);
      expect(el.resolvedLocale).to.equal('en');
    });

    it('lays out right to left under dir="rtl"', async () => {
      const host = await fixture(html`<div dir="rtl" lang="ar"><iom-test-widget data="{"></iom-test-widget></div>`);
      const el = host.querySelector('iom-test-widget')!;
      await el.updateComplete;
      const box = el.shadowRoot!.querySelector('[part="error"]')!;
      const style = getComputedStyle(box);
      expect(style.direction).to.equal('rtl');
      // The thick accent border is on the inline start: the right in RTL.
      expect(parseFloat(style.borderRightWidth)).to.be.greaterThan(parseFloat(style.borderLeftWidth));
      expect(box.querySelector('.error-title')!.textContent).to.equal('تعذّر على هذه الأداة عرض بياناتها');
      await expect(el).to.be.accessible();
    });
  });

  describe('host page styles', () => {
    it('resets the text styles a CMS theme sets globally', async () => {
      const host = await fixture(html`<div style="line-height: 4; letter-spacing: 0.5em; text-align: right; text-transform: uppercase; word-spacing: 2em; font-size: 20px">
        <iom-test-widget .data=${{ title: 'Heading', items: [{ name: 'item' }] }}></iom-test-widget>
      </div>`);
      const el = host.querySelector('iom-test-widget')!;
      const style = getComputedStyle(el);
      expect(style.letterSpacing).to.equal('normal');
      expect(style.textAlign).to.equal('start');
      expect(style.textTransform).to.equal('none');
      expect(style.lineHeight).to.equal('28px');
      // The widget still follows the page's font size (em, never rem).
      expect(style.fontSize).to.equal('20px');
      expect(text(el)).to.contain('item');
    });

    it('uses border-box sizing inside whatever the page sets', async () => {
      const host = await fixture(html`<div><style>* { box-sizing: content-box !important; }</style>
        <iom-test-widget data="{"></iom-test-widget></div>`);
      const box = host.querySelector('iom-test-widget')!.shadowRoot!.querySelector('[part="error"]')!;
      expect(getComputedStyle(box).boxSizing).to.equal('border-box');
    });
  });

  describe('registration', () => {
    it('does not throw when the library registers twice, and warns once for a foreign element', () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (m: string) => warnings.push(m);
      try {
        const Widget = customElements.get('iom-test-widget')!;
        expect(() => defineElement('iom-test-widget', Widget)).not.to.throw();
        // A second copy of the library: another class, with our marker.
        class SecondCopy extends (Widget as unknown as typeof HTMLElement) {}
        expect(() => defineElement('iom-test-widget', SecondCopy)).not.to.throw();
        class Foreign extends HTMLElement {}
        customElements.define('iom-foreign-taken', Foreign);
        class Ours extends HTMLElement {}
        defineElement('iom-foreign-taken', Ours);
        defineElement('iom-foreign-taken', Ours);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('<iom-foreign-taken> is already defined');
      } finally {
        console.warn = original;
      }
    });
  });
});
