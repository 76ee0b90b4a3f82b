// The data layer's reader (checking, JSON Pointers, CSV and HXL, the widgets' data shapes) loads
// only when a widget has data to read: a counter given plain attributes downloads none of it. A
// widget waiting for it is loading, never in error, and its updateComplete waits.
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';
import { loadReader } from '../src/data/load-reader.js';
import { part, shadowText } from './support/dom.js';

/** The modules of the reader this page has requested. */
const readerModules = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/(src\/data\/(?:reader|validate|json-pointer|localize|hxl|csv)\.ts|src\/[a-z-]+\/[a-z-]+\.data\.ts|node_modules\/valibot\/)/.exec(r.name)?.[1])
    .filter(Boolean)
    .sort();

describe('the data reader on demand', () => {
  it('is not loaded by a counter given plain attributes', async () => {
    // (This page has loaded no reader: each test file runs in a page of its own, and this test needs none.)
    const el = await fixture<IomElement<unknown>>('<stat-counter value="31600000" format="compact" label="people" start="none"></stat-counter>');
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    expect(shadowText(el)).to.contain('31.6 million');
    expect(loadReader.loaded, 'the reader module').to.equal(undefined);
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
      errorShown ||= !!part(el, 'error');
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    // updateComplete waits for the reader: once it resolves, the figure is on screen.
    await el.updateComplete;
    watch.disconnect();
    expect(statuses[0], 'the first render is the loading state').to.equal('loading');
    expect(el.status).to.equal('ready');
    expect(part(el, 'value')?.textContent).to.contain('600,000');
    expect(errorShown, 'no error box, even for a moment').to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(loads).to.have.length(1);
    const loaded = readerModules();
    expect(loaded).to.include('src/data/reader.ts');
    expect(loaded).to.include('src/stat-counter/stat-counter.data.ts');
  });
});
