// The data layer's reader (validation, fetching, JSON Pointers, @lit/task) and each widget's data
// spec load only when a widget has data to read: a counter given plain attributes downloads none
// of it. A widget waiting for them is loading, never in error, and its updateComplete waits.
// (This file runs in a page of its own: no widget has read data before it.)
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/index.js';
import { IomElement } from '../src/base/iom-element.js';
import { lazySpec, type DataSpec } from '../src/data/data-spec.js';
import { defineElement } from '../src/base/define-element.js';
import { fresh, shadowText } from './support/dom.js';

/** The modules of the data layer's reading half this page has requested. */
const readerModules = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/(src\/data\/(?:reader|validate|json-pointer|localize)\.ts|src\/[a-z-]+\/[a-z-]+\.spec\.ts|node_modules\/(?:valibot|@lit\/task)\/)/.exec(r.name)?.[1])
    .filter(Boolean)
    .sort();

let offlineAttempts = 0;
const offlineSpec = lazySpec<{ n: number }>(() => {
  offlineAttempts++;
  return Promise.reject(new Error('the network is down'));
});
class OfflineWidget extends IomElement<{ n: number }> {
  protected dataSpec() {
    return offlineSpec;
  }
  protected renderReady(data: { n: number }) {
    return html`<p>${data.n}</p>`;
  }
}
defineElement('offline-test-widget', OfflineWidget);

// A widget whose data spec loads only when the test opens the gate.
let openGate!: (spec: DataSpec<{ value: number }>) => void;
const gatedSpec = lazySpec<{ value: number }>(() => new Promise((resolve) => (openGate = resolve)));
class GatedWidget extends IomElement<{ value: number }> {
  protected dataSpec() {
    return gatedSpec;
  }
  protected renderReady(data: { value: number }) {
    return html`<p>value ${data.value}</p>`;
  }
}
defineElement('gated-test-widget', GatedWidget);

describe('the data reader on demand', () => {
  it('is not loaded by a counter given plain attributes', async () => {
    const el = await fixture<IomElement<unknown>>('<stat-counter value="31600000" format="compact" label="people" start="none"></stat-counter>');
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    expect(shadowText(el)).to.contain('31.6 million');
    expect(readerModules()).to.deep.equal([]);
    // (The page's record of what it downloaded is whole: the element's own module is in it.)
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('/src/stat-counter/stat-counter.ts'))).to.equal(true);
  });

  it('loads for data in an attribute: loading meanwhile, then the figure, never an error', async () => {
    const statuses: string[] = [];
    const errors: unknown[] = [];
    const loads: unknown[] = [];
    const host = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('stat-counter') as IomElement<unknown>;
    el.setAttribute('data', JSON.stringify({ value: 600000, label: 'people accessed regular pathways' }));
    el.setAttribute('start', 'none');
    el.addEventListener('iom-error', (e) => errors.push(e));
    el.addEventListener('iom-load', (e) => loads.push(e));
    let errorShown = false;
    host.append(el);
    const watch = new MutationObserver(() => {
      statuses.push(el.status);
      errorShown ||= !!el.shadowRoot?.querySelector('[part~="error"]');
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    // updateComplete waits for the reader: once it resolves, the figure is on screen.
    await el.updateComplete;
    watch.disconnect();
    expect(statuses[0], 'the first render is the loading state').to.equal('loading');
    expect(el.status).to.equal('ready');
    expect(shadowText(el)).to.contain('600,000');
    expect(errorShown, 'no error box, even for a moment').to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(loads).to.have.length(1);
    const loaded = readerModules();
    expect(loaded).to.include('src/data/reader.ts');
    expect(loaded).to.include('src/stat-counter/stat-counter.spec.ts');
    expect(loaded, 'only the spec of the widget that read data').not.to.include('src/donor-ranking/donor-ranking.spec.ts');
  });

  it('does not hold up the data: src is requested, and answered, while the spec still loads', async () => {
    const src = fresh('/test/fixtures/stat-counter.json#/highlights/exampleValueOnly');
    const file = src.split('#')[0];
    const el = document.createElement('gated-test-widget') as GatedWidget;
    // No timeout: the answer may take long on a loaded machine, and this test is not about timeouts.
    el.timeout = 0;
    el.src = src;
    (await fixture<HTMLDivElement>('<div></div>')).append(el);
    // The spec is held back: the file's request must still go out and come back.
    // (Generous: on a loaded CI machine the test server has answered a request after 10 s.)
    await waitUntil(() => performance.getEntriesByType('resource').some((r) => r.name.includes(file)), 'the data was not requested while the spec loaded', { timeout: 25_000 });
    expect(el.status).to.equal('loading');
    // (valibot only now: the first test checks that nothing has loaded it.)
    const v = await import('valibot');
    openGate({ schema: v.looseObject({ value: v.number() }) });
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    expect(el.shadowRoot!.textContent).to.contain('value ');
    const requests = performance.getEntriesByType('resource').filter((r) => r.name.includes(file));
    expect(requests, 'the widget\'s own load joined that request').to.have.length(1);
  });

  it('says what failed when the reader cannot load, with an iom-error, and Retry asks again', async () => {
    const host = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('offline-test-widget') as OfflineWidget;
    const errors: string[] = [];
    el.addEventListener('iom-error', (e) => errors.push(e.detail.message));
    el.data = { n: 1 };
    host.append(el);
    await el.loadComplete;
    expect(el.status).to.equal('error');
    const message = el.shadowRoot!.querySelector('.error-message')?.textContent ?? '';
    expect(message).to.contain("could not load the widgets' data reader (the network is down)");
    expect(errors).to.deep.equal([message]);
    // Retry asks for it again (here it fails again, with the same words).
    expect(offlineAttempts).to.equal(1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await el.loadComplete;
    expect(offlineAttempts).to.equal(2);
    expect(el.status).to.equal('error');
  });
});
