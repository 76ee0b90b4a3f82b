import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { needsDevTools } from './support/browsers.js';
import { a11ySnapshot } from '@web/test-runner-commands';
import '../src/index.js';
import type { StatCounter } from '../src/stat-counter/stat-counter.js';
import type { ObjectiveCard } from '../src/objective-card/objective-card.js';
import type { IomElement } from '../src/base/iom-element.js';
import { clearDataCache } from '../src/data/fetch-cache.js';

// The fallback convention (content in slot="fallback", shown only while the element is not
// defined) and the take-over of a prerendered widget (a declarative shadow root, the snapshot of
// its src). Every figure here is fictitious.

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}
// The leaves' names: each piece of text once (a heading's text is its name when its text node is pruned).
const spokenTexts = (n: AxNode): string[] => (n.children?.length ? n.children.flatMap(spokenTexts) : n.name ? [n.name] : []);
const spoken = async () => spokenTexts((await a11ySnapshot({})) as unknown as AxNode).join(' ').replace(/\s+/g, ' ');
const count = (text: string, part: string) => text.split(part).length - 1;

/** Puts HTML into the page as the parser would (declarative shadow roots included). */
async function parsed<T extends Element>(markup: string): Promise<T> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  box.setHTMLUnsafe(markup);
  const el = box.firstElementChild as T;
  // Firefox upgrades the elements setHTMLUnsafe() creates a little later (Chromium at once).
  await waitUntil(() => el instanceof customElements.get(el.localName)!, `<${el.localName}> was not upgraded`, { timeout: 10_000 });
  if (!el.hasAttribute('defer-hydration')) await (el as unknown as IomElement<unknown>).updateComplete;
  return el;
}

describe('fallback content (slot="fallback")', () => {
  const widgets: [string, string][] = [
    ['stat-counter', '<stat-counter value="1234" label="example figure (fictitious)" start="none"><p slot="fallback">1,234 example figure (fictitious)</p></stat-counter>'],
    ['emergency-list', `<emergency-list data='[{"name": "Example emergency (fictitious)"}]'><ul slot="fallback"><li>Example emergency (fictitious)</li></ul></emergency-list>`],
    ['donor-ranking', `<donor-ranking data='[{"name": "Example donor (fictitious)"}]'><ol slot="fallback"><li>Example donor (fictitious)</li></ol></donor-ranking>`],
    ['objective-card', `<objective-card data='{"number": 1, "title": "Example objective (fictitious)"}'><div slot="fallback"><h3>Objective 1: Example objective (fictitious)</h3></div></objective-card>`],
  ];
  const wordsOf = (fallback: HTMLElement) =>
    fallback.textContent!.includes('emergency') ? 'Example emergency (fictitious)' : fallback.textContent!.includes('donor') ? 'Example donor (fictitious)' : fallback.textContent!.includes('objective') ? 'Example objective (fictitious)' : 'example figure (fictitious)';
  for (const [tag, markup] of widgets) {
    it(`${tag}: hides it once defined, so its words are not shown twice`, async () => {
      const el = await parsed<HTMLElement>(markup);
      const fallback = el.querySelector<HTMLElement>('[slot="fallback"]')!;
      expect(fallback.getClientRects()).to.have.length(0);
      expect(el.innerText).not.to.contain(wordsOf(fallback));
      await expect(el).to.be.accessible();
    });

    it(`${tag}: its words are read once, not twice, in Chromium's accessibility tree`, async function () {
      // (Read over the DevTools Protocol, which Firefox does not speak.)
      needsDevTools(this);
      const el = await parsed<HTMLElement>(markup);
      expect(count(await spoken(), wordsOf(el.querySelector<HTMLElement>('[slot="fallback"]')!))).to.equal(1);
    });
  }

  it('objective-card: the default slot still shows the page\'s extra content beside a fallback', async () => {
    const el = await parsed<ObjectiveCard>(
      `<objective-card data='{"number": 2, "title": "Example objective (fictitious)"}'><p slot="fallback">Objective 2: Example objective (fictitious)</p><p class="extra">Extra words (fictitious)</p></objective-card>`,
    );
    expect(el.querySelector<HTMLElement>('.extra')!.getClientRects().length).to.be.greaterThan(0);
    expect(el.querySelector<HTMLElement>('[slot="fallback"]')!.getClientRects()).to.have.length(0);
    // The body is laid out as filled from the first render.
    expect(el.shadowRoot!.querySelector('.body')!.classList.contains('is-empty')).to.equal(false);
  });
});

describe('taking over a prerendered widget', () => {
  beforeEach(() => clearDataCache());

  it('renders afresh into the declarative shadow root: one render, no leftover', async () => {
    const el = await parsed<StatCounter>(
      '<stat-counter value="5" label="example (fictitious)"><template shadowrootmode="open"><div part="base" class="old">5 example (fictitious)</div></template></stat-counter>',
    );
    expect(el.prerendered).to.equal(true);
    expect(el.shadowRoot!.querySelector('.old')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="base"]')).to.have.length(1);
    // (Firefox upgrades an element inserted by setHTMLUnsafe before it sees its attributes: its
    // first render may be the loading state, the next the figure.)
    await waitUntil(() => el.status === 'ready', 'ready', { timeout: 10_000 });
    expect(el.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('5');
  });

  it('shows a prerendered figure without counting up, even in view and with start="load"', async () => {
    const el = await parsed<StatCounter>(
      '<stat-counter value="31600" label="example (fictitious)" start="load"><template shadowrootmode="open"><div part="base">31,600 example (fictitious)</div></template></stat-counter>',
    );
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    expect(el.shadowRoot!.querySelector('.value')!.hasAttribute('data-counting')).to.equal(false);
    // A later change counts as usual.
    el.value = 40000;
    await oneEvent(el, 'iom-count-end');
  });

  it('uses the snapshot of src instead of fetching it, and fires iom-load', async () => {
    const loaded = new Promise<Event>((ok) => document.addEventListener('iom-load', ok, { once: true }));
    const el = await parsed<StatCounter>(
      '<stat-counter src="/test/fixtures/not-there.json#/x"><template shadowrootmode="open"><div part="base"></div></template><script type="application/json" data-prerendered-src="/test/fixtures/not-there.json#/x">{"value": 77, "label": "example (fictitious)"}</script></stat-counter>',
    );
    await loaded;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('77');
  });

  it('leaves the snapshot for a new src, and for Retry (reload())', async () => {
    const el = await parsed<StatCounter>(
      '<stat-counter src="/test/fixtures/not-there.json"><script type="application/json" data-prerendered-src="/test/fixtures/not-there.json">{"value": 77, "label": "example (fictitious)"}</script></stat-counter>',
    );
    expect(el.status).to.equal('ready');
    el.reload();
    await el.updateComplete;
    await el.loadComplete;
    expect(el.status).to.equal('error');
    expect(el.shadowRoot!.querySelector('.error-message')!.textContent).to.contain('404');
    const other = await parsed<StatCounter>(
      '<stat-counter src="/test/fixtures/stat-counter.json#/highlights/exampleValueOnly"><script type="application/json" data-prerendered-src="/test/fixtures/elsewhere.json">{"value": 1}</script></stat-counter>',
    );
    await other.loadComplete;
    expect(other.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('4,321,000');
  });

  it('a widget with defer-hydration (inside a prerendered shadow root) waits: no render, no event', async () => {
    let events = 0;
    const count = () => events++;
    document.addEventListener('iom-error', count);
    const el = await parsed<StatCounter>('<stat-counter defer-hydration><template shadowrootmode="open"><p class="kept">kept</p></template></stat-counter>');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="base"]'), 'nothing of its own rendered').to.equal(null);
    expect(el.shadowRoot!.querySelector('.kept')).not.to.equal(null);
    document.removeEventListener('iom-error', count);
    expect(events).to.equal(0);
  });
});

describe('a prerendered widget wakes when it is needed', () => {
  // The browser's idle callbacks, held until the test runs them (defined even where the browser has none).
  let idle: (() => void)[] = [];
  const had = 'requestIdleCallback' in window;
  const real = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };
  beforeEach(() => {
    clearDataCache();
    idle = [];
    window.requestIdleCallback = ((run: () => void) => idle.push(run)) as typeof requestIdleCallback;
    window.cancelIdleCallback = (id: number) => void (idle[id - 1] = () => undefined);
  });
  afterEach(() => {
    if (had) Object.assign(window, { requestIdleCallback: real.request, cancelIdleCallback: real.cancel });
    else delete (window as Partial<Window>).requestIdleCallback, delete (window as Partial<Window>).cancelIdleCallback;
  });
  const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  /** A prerendered counter, far below the viewport or not, as the parser puts it in the page. */
  async function prerendered(
    far: boolean,
    attributes = 'value="5" label="example (fictitious)"',
    inner = '<div part="base" class="old">5 example (fictitious)</div>',
  ): Promise<StatCounter> {
    const box = await fixture<HTMLDivElement>(html`<div style=${far ? 'margin-top: 300vh' : ''}></div>`);
    box.setHTMLUnsafe(`<stat-counter ${attributes} start="none"><template shadowrootmode="open">${inner}</template></stat-counter>`);
    const el = box.firstElementChild as StatCounter;
    await waitUntil(() => el instanceof customElements.get('stat-counter')!, 'upgraded', { timeout: 10_000 });
    return el;
  }

  it('far from the viewport, keeps the page’s markup and does no work until the browser is idle', async () => {
    const el = await prerendered(true);
    await frames();
    expect(el.hasUpdated, 'not rendered yet').to.equal(false);
    expect(el.shadowRoot!.querySelector('.old'), 'the page’s markup stays').not.to.equal(null);
    expect(idle.length, 'waits for an idle moment').to.be.greaterThan(0);
    for (const run of idle) run();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.old')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('5');
  });

  it('wakes when scrolled near, without waiting for idle', async () => {
    const el = await prerendered(true);
    await frames();
    expect(el.hasUpdated).to.equal(false);
    el.scrollIntoView();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.old')).to.equal(null);
    window.scrollTo(0, 0);
  });

  it('in the viewport, renders without waiting for idle', async () => {
    const el = await prerendered(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.old')).to.equal(null);
  });

  it('a reader who focuses it wakes it at once, and the focus stays on the same control', async () => {
    const data = { value: 5, label: 'example (fictitious)', source: { publisher: 'Example Publisher', title: 'Example report (fictitious)', url: 'https://example.org/report' } };
    const el = await prerendered(
      true,
      `data='${JSON.stringify(data)}'`,
      '<div part="base" class="old"><p>5 example (fictitious)</p><a href="https://example.org/report">Example report (fictitious)</a></div>',
    );
    await frames();
    expect(el.hasUpdated).to.equal(false);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.old a')!.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.old')).to.equal(null);
    const focused = el.shadowRoot!.activeElement as HTMLAnchorElement | null;
    expect(focused?.localName, 'focus on the rendered link').to.equal('a');
    expect(focused!.href).to.equal('https://example.org/report');
    window.scrollTo(0, 0);
  });
});
