// `refresh`: a live source read again while the widget is on screen, never more often than every
// five minutes, one request per address for the whole page; the last good figures kept when a
// refresh fails; a prerendered snapshot giving way to fresh data in the same place. The API is a
// stand-in answering in the page (no network); timers run on a fake clock. Every figure is fictitious.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/index.js';
import type { StatCounter } from '../src/stat-counter/stat-counter.js';
import { fakeTimeouts } from './support/clock.js';
import { fakeApi } from './support/fake-api.js';
import { part, settled, text } from './support/dom.js';

const source = { title: 'Example figures (fictitious)', publisher: 'Example Publisher', url: 'https://example.org/figures', asOf: '2025-05-31' };
const figure = (value: number) => ({ value, label: 'example people (fictitious)', source });

function held(): { promise: Promise<object>; release: (body: object) => void } {
  let release!: (body: object) => void;
  const promise = new Promise<object>((resolve) => (release = resolve));
  return { promise, release };
}

async function counter(markup: string): Promise<StatCounter> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = markup;
  return settled(host.querySelector('stat-counter')!);
}

describe('refresh', () => {
  let clock: ReturnType<typeof fakeTimeouts> | undefined;
  let api: ReturnType<typeof fakeApi> | undefined;
  afterEach(() => {
    clock?.restore();
    api?.restore();
    clock = api = undefined;
    window.scrollTo(0, 0);
  });

  it('reads src again every refresh seconds while the widget is on screen, and shows the new figure', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78), figure(79)]);
    const el = await counter(`<stat-counter start="none" refresh="300" src="${api.url}"></stat-counter>`);
    expect(text(part(el, 'value'))).to.equal('77');
    clock.tick(299_000);
    await el.updateComplete;
    expect(api.requests).to.have.length(1);
    expect(el.status).to.equal('ready');
    clock.tick(1_000);
    await api.arrived(2);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
    clock.tick(300_000);
    await api.arrived(3);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('79');
    // The browser's HTTP cache decides: the same address, no cache-busting query, no cache mode.
    expect(api.requests.map((r) => [r.url, r.init.cache])).to.deep.equal([1, 2, 3].map(() => [api!.url, undefined]));
  });

  it('waits while it is off screen, and reads again as soon as it is seen', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78)]);
    const el = await counter(`<div style="margin-block-start: 300vh"><stat-counter start="none" refresh="300" src="${api.url}"></stat-counter></div>`);
    clock.tick(600_000);
    await el.updateComplete;
    expect(api.requests).to.have.length(1);
    expect(el.status).to.equal('ready');
    el.scrollIntoView();
    await api.arrived(2);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
  });

  it('waits while its tab is hidden, and reads again when the tab is shown', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78)]);
    const el = await counter(`<stat-counter start="none" refresh="300" src="${api.url}"></stat-counter>`);
    const hidden = (value: boolean) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      hidden(true);
      clock.tick(600_000);
      await el.updateComplete;
      expect(api.requests).to.have.length(1);
      expect(el.status).to.equal('ready');
      hidden(false);
      await api.arrived(2);
      await settled(el);
      expect(text(part(el, 'value'))).to.equal('78');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('keeps refreshing when it is moved in the page', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78)]);
    const el = await counter(`<stat-counter start="none" refresh="300" src="${api.url}"></stat-counter>`);
    const elsewhere = await fixture<HTMLDivElement>(html`<div></div>`);
    elsewhere.append(el);
    clock.tick(300_000);
    await api.arrived(2);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
  });

  it('is never shorter than five minutes: refresh="60" reads every 300 s, and says so', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78)]);
    const el = await counter(`<stat-counter start="none" refresh="60" src="${api.url}"></stat-counter>`);
    expect(text(part(el, 'attribute-warning'))).to.equal('Attribute ignored: refresh="60" is not valid: use 300 seconds (five minutes) or more; refreshing every 300 s.');
    clock.tick(60_000);
    await el.updateComplete;
    expect(api.requests).to.have.length(1);
    clock.tick(240_000);
    await api.arrived(2);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
  });

  it('keeps the last good figure, its date and a "could not update" note when a refresh fails; Retry reads again', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), 503, figure(78)]);
    const el = await counter(`<stat-counter start="none" refresh="300" src="${api.url}"></stat-counter>`);
    const error = oneEvent(el, 'iom-error');
    clock.tick(300_000);
    await api.arrived(2);
    const { detail } = await error;
    await settled(el);
    expect(el.status).to.equal('ready');
    expect(text(part(el, 'value'))).to.equal('77');
    expect(text(part(el, 'source'))).to.equal('Source: Example Publisher, Example figures (fictitious), as of May 31, 2025');
    const note = part(el, 'stale')!;
    expect(text(note)).to.equal(`Could not update these figures; they are the last ones read. ${detail.message} Retry`);
    expect(detail.message).to.contain('503');
    clock.restore(); // (axe waits on timers of its own)
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'retry')!.click();
    await api.arrived(3);
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
    expect(part(el, 'stale')).to.equal(null);
  });

  it('says "could not update" in the widget\'s language', async () => {
    const words: Record<string, string> = {
      fr: 'Mise à jour impossible ; ces chiffres sont les derniers lus.',
      es: 'No se pudieron actualizar estas cifras; son las últimas leídas.',
      ar: 'تعذّر تحديث هذه الأرقام؛ هذه آخر أرقام قُرئت.',
    };
    for (const [locale, lead] of Object.entries(words)) {
      clock = fakeTimeouts();
      api = fakeApi([figure(77), 503]);
      const el = await counter(`<stat-counter locale="${locale}" start="none" refresh="300" src="${api.url}"></stat-counter>`);
      clock.tick(300_000);
      await api.arrived(2);
      await settled(el);
      expect(text(part(el, 'stale')!.querySelector('strong')), locale).to.equal(lead);
      clock.restore();
      api.restore();
    }
  });

  it('widgets on one page share one request per address, for their first load and for each refresh', async () => {
    clock = fakeTimeouts();
    api = fakeApi([figure(77), figure(78)]);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<stat-counter start="none" refresh="300" src="${api.url}"></stat-counter><stat-counter start="none" refresh="450" src="${api.url}"></stat-counter>`;
    const [a, b] = [...host.querySelectorAll('stat-counter')];
    await Promise.all([settled(a), settled(b)]);
    expect(api.requests).to.have.length(1);
    clock.tick(300_000);
    await api.arrived(2);
    await settled(a);
    expect(text(part(a, 'value'))).to.equal('78');
    // The second, 150 s later, reads what the first has read again: no request of its own.
    const loaded = oneEvent(b, 'iom-load');
    clock.tick(150_000);
    await loaded;
    expect(text(part(b, 'value'))).to.equal('78');
    expect(api.requests).to.have.length(2);
  });

  it('shows a prerendered snapshot first, then fresh data in its place, without moving', async () => {
    const answer = held();
    api = fakeApi([answer.promise]);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const snapshot = JSON.stringify(figure(77));
    host.setHTMLUnsafe(
      `<stat-counter start="none" refresh="300" src="${api.url}"><template shadowrootmode="open"><div part="base"></div></template><script type="application/json" data-prerendered-src="${api.url}">${snapshot}</script></stat-counter>`,
    );
    const el = host.querySelector('stat-counter')!;
    await customElements.whenDefined('stat-counter');
    await api.arrived(1);
    await el.updateComplete;
    const before = el.getBoundingClientRect();
    // While the fresh data loads, the snapshot stays, its figure final.
    expect(text(part(el, 'value'))).to.equal('77');
    expect(el.prerendered).to.equal(true);
    answer.release(figure(78));
    await settled(el);
    expect(text(part(el, 'value'))).to.equal('78');
    const after = el.getBoundingClientRect();
    expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
    expect(api.requests).to.have.length(1);
  });

  it('leaves data in hand alone: no refresh without src', async () => {
    clock = fakeTimeouts();
    const el = await counter(`<stat-counter start="none" refresh="300" value="5" label="examples"></stat-counter>`);
    clock.tick(900_000);
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(text(part(el, 'value'))).to.equal('5');
  });
});
