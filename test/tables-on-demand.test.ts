// The CSV and HXL readers load only when a widget reads a table, and a widget waiting for them is
// loading, never in error. (This file runs in a page of its own: nothing has read a table before it.)
import { expect, fixture } from '@open-wc/testing';
import '../src/index.js';
import type { IomElement } from '../src/base/iom-element.js';

const readers = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/src\/data\/(tables|csv|hxl)\.ts/.exec(r.name)?.[1])
    .filter(Boolean)
    .sort();

const TABLE = [
  ['Donor', 'Amount'],
  ['#org+name+funder', '#value+funding+total'],
  ['Example donor A', '300'],
  ['Example donor B', '200'],
];

describe('table readers on demand', () => {
  it('are not loaded by widgets that read JSON', async () => {
    const el = await fixture<IomElement<unknown>>('<donor-ranking></donor-ranking>');
    el.data = { currency: 'USD', donors: [{ name: 'Example donor', amount: 1 }] };
    await el.loadComplete;
    expect(el.status).to.equal('ready');
    expect(readers()).to.deep.equal([]);
  });

  it('load for an HXL table given inline: loading meanwhile, then the rows, never an error', async () => {
    const statuses: string[] = [];
    const errors: unknown[] = [];
    const host = await fixture<HTMLDivElement>('<div></div>');
    const el = document.createElement('donor-ranking') as IomElement<unknown>;
    el.setAttribute('data', JSON.stringify(TABLE));
    el.addEventListener('iom-error', (e) => errors.push(e));
    let errorShown = false;
    const watch = new MutationObserver(() => {
      statuses.push(el.status);
      errorShown ||= !!el.shadowRoot?.querySelector('[part~="error"]');
    });
    host.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    statuses.push(el.status);
    await el.loadComplete;
    watch.disconnect();
    statuses.push(el.status);
    expect(statuses[0], 'the first render is the loading state').to.equal('loading');
    expect(statuses.at(-1)).to.equal('ready');
    expect(errorShown, 'no error box, even for a moment').to.equal(false);
    expect(statuses).not.to.include('error');
    expect(errors).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('Example donor B');
    expect(readers()).to.deep.equal(['csv', 'hxl', 'tables']);
  });

  it('read a CSV file from src', async () => {
    const el = await fixture<IomElement<unknown>>('<donor-ranking src="/test/fixtures/donors-example.hxl.csv"></donor-ranking>');
    await el.loadComplete;
    expect(el.status).to.equal('ready');
  });
});
