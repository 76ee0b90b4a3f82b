// The loader (src/loader.ts, dist/iom-widgets.loader.js): each element's module is fetched when the
// page first has that element, in the document, in an open shadow root, or added later. This page
// imports nothing else of the library, so every element here is registered by the loader.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { MODULES } from '../src/loader.js';
import TAGS from '../src/tags.json' with { type: 'json' };
import type { IomElement } from '../src/base/iom-element.js';
import { failNextRequest } from './support/server.js';

const LIST = '{"emergencies": [{"name": "Example floods (fictitious)"}]}';
const requested = (tag: string) => performance.getEntriesByType('resource').some((r) => r.name.includes(`/src/${tag}/define.ts`));
const defined = (tag: string) => waitUntil(() => customElements.get(tag), `<${tag}> defined`, { timeout: 10_000 });
const rendered = async (el: Element) => {
  await defined(el.localName);
  await (el as IomElement<unknown>).loadComplete;
  return (el as IomElement<unknown>).status;
};

describe('the loader', () => {
  it('knows every element of src/tags.json', () => {
    expect(Object.keys(MODULES).sort()).to.deep.equal(Object.values(TAGS).sort());
  });

  it('fetches nothing for a page without widgets', () => {
    for (const tag of Object.keys(MODULES)) {
      expect(requested(tag), tag).to.equal(false);
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('when an element’s file cannot be fetched: says so in the console and with iom-error; the next one added asks again', async () => {
    // (emergency-list: no other element imports its file; in Firefox a file that failed stays
    // failed for every module that imports it, so another element's test would fail after it.)
    await failNextRequest('/src/emergency-list/define.ts');
    const host = await fixture<HTMLDivElement>('<div></div>');
    const errors: string[] = [];
    host.addEventListener('iom-error', (e) => errors.push((e as CustomEvent<{ message: string }>).detail.message));
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (message: string) => logged.push(message);
    try {
      host.innerHTML = `<emergency-list data='${LIST}'><p slot="fallback">Example floods (fictitious)</p></emergency-list>`;
      await waitUntil(() => errors.length > 0, 'iom-error', { timeout: 10_000 });
    } finally {
      console.error = consoleError;
    }
    expect(errors[0]).to.contain('<emergency-list> could not be loaded');
    expect(logged[0]).to.equal(errors[0]);
    expect(customElements.get('emergency-list')).to.equal(undefined);
    expect(host.textContent, 'the page’s own text stays').to.contain('Example floods (fictitious)');

    host.insertAdjacentHTML('beforeend', `<emergency-list data='${LIST}'></emergency-list>`);
    const [first, second] = host.querySelectorAll('emergency-list');
    expect(await rendered(second)).to.equal('ready');
    expect(await rendered(first)).to.equal('ready');
  });

  it('registers an element added later, fetching only its own file', async () => {
    expect(requested('donor-ranking')).to.equal(false);
    const host = await fixture<HTMLDivElement>('<div></div>');
    host.innerHTML = `<donor-ranking data='{"donors": [{"name": "Example donor (fictitious)", "amount": 5}]}'></donor-ranking>`;
    expect(await rendered(host.firstElementChild!)).to.equal('ready');
    expect(requested('donor-ranking')).to.equal(true);
    expect(requested('objective-card'), 'not the others').to.equal(false);
  });

  it('registers an element inside an open shadow root, also one a component renders into it later', async () => {
    // A component of the page (as a framework makes them): its shadow root attached when it is
    // connected, its content rendered a task later.
    customElements.define(
      'test-panel',
      class extends HTMLElement {
        connectedCallback() {
          const shadow = this.attachShadow({ mode: 'open' });
          setTimeout(() => (shadow.innerHTML = `<objective-card data='{"number": 1, "title": "Example objective (fictitious)"}'></objective-card>`));
        }
      },
    );
    const host = await fixture<HTMLDivElement>('<div><test-panel></test-panel></div>');
    const shadow = host.querySelector('test-panel')!.shadowRoot!;
    await waitUntil(() => shadow.firstElementChild, 'the panel rendered', { timeout: 10_000 });
    expect(await rendered(shadow.firstElementChild!)).to.equal('ready');
  });

  it('loaded a second time, leaves the registered elements alone', async () => {
    const errors: unknown[] = [];
    const consoleWarn = console.warn;
    console.warn = (...args: unknown[]) => errors.push(args);
    try {
      await import(/* @vite-ignore */ `${new URL('../src/loader.ts', import.meta.url).href}?again`);
      const host = await fixture<HTMLDivElement>('<div></div>');
      host.innerHTML = `<emergency-list data='${LIST}'></emergency-list><stat-counter value="3" label="x (fictitious)" start="none"></stat-counter>`;
      for (const el of host.children) expect(await rendered(el), el.localName).to.equal('ready');
    } finally {
      console.warn = consoleWarn;
    }
    expect(errors, 'no warning about a tag defined twice').to.deep.equal([]);
  });
});
