// The data layer's reader (validation, fetching, JSON Pointers, @lit/task) and each widget's data
// spec load only when a widget has data to read: a counter given plain attributes downloads none
// of it. A widget waiting for them is loading, never in error, and its updateComplete waits.
// (This file runs in a page of its own: no widget has read data before it.)
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../src/index.js';
import { IomElement } from '../src/base/iom-element.js';
import { lazySpec } from '../src/data/data-controller.js';
import { defineElement } from '../src/base/define-element.js';
import { fresh, shadowText } from './support/dom.js';

/** The modules of the data layer's reading half this page has requested. */
const readerModules = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/(src\/data\/(?:reader|validate|json-pointer|localize)\.ts|src\/[a-z-]+\/[a-z-]+\.spec\.ts|node_modules\/(?:valibot|@lit\/task)\/)/.exec(r.name)?.[1])
    .filter(Boolean)
    .sort();

class OfflineWidget extends IomElement<{ n: number }> {
  protected dataSpec() {
    return lazySpec<{ n: number }>(() => Promise.reject(new Error('the network is down')));
  }
  protected renderReady(data: { n: number }) {
    return html`<p>${data.n}</p>`;
  }
}
defineElement('offline-test-widget', OfflineWidget);

describe('the data reader on demand', () => {
  it('is not loaded by a counter given plain attributes', async () => {
    const el = await fixture<IomElement<unknown>>('<stat-counter value="31600000" format="compact" label="people" start="none"></stat-counter>');
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    expect(shadowText(el)).to.contain('31.6 million');
    expect(readerModules()).to.deep.equal([]);
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

  it('does not hold up the data: src is requested while the reader and the spec load', async () => {
    const src = fresh('/data/annual-report-2023.json#/funding/topDonors');
    const el = await fixture<IomElement<unknown>>(`<donor-ranking src="${src}"></donor-ranking>`);
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const data = entries.filter((r) => r.name.includes(src.split('#')[0]));
    const spec = entries.find((r) => r.name.includes('/src/donor-ranking/donor-ranking.spec.ts'));
    expect(data, 'one request for the file').to.have.length(1);
    expect(spec, 'the spec loaded on demand').to.not.equal(undefined);
    expect(data[0].startTime, 'the data request began before the spec had arrived').to.be.below(spec!.responseEnd);
  });

  it('says what failed when the reader cannot load, with an iom-error', async () => {
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
  });
});
