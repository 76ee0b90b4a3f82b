// How the figures of the report files in data/ read on screen: each one, rendered by <stat-counter>
// in the browser (its Intl), must show the number as its source writes it. The files' other rules
// (valid, sourced, no 0, each number in its quote, the pieces the docs and stories point at) need
// no browser: test/unit/data-files.test.ts.
import { expect } from '@open-wc/testing';
import '../src/stat-counter/define.js';
import { REPORTS, figures } from './support/reports.js';

const load = async (url: string): Promise<unknown> => (await fetch(url)).json();

describe('report files in data/', () => {
  it('render every figure as its source writes it (what a reader sees, in English)', async () => {
    // Where the source writes a number in a way Intl does not (words, or millions past a billion),
    // the widget writes the same number its own way: these are listed, each with its reason.
    const WRITTEN_OTHERWISE: Record<string, string> = {
      '/data/iom-at-a-glance-2017.json#/highlights/operationalExpenditure': 'the source writes "USD 1,552 million"; the widget writes the same amount as "USD 1.552 billion"',
      '/data/annual-report-2024.json#/resilienceCampaign/flexibleIncomeShare': 'the source writes the number in words ("five percent")',
    };
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const url of REPORTS) {
      for (const { pointer, value: f } of figures(await load(url))) {
        const where = `${url}#${pointer}`;
        const el = document.createElement('stat-counter') as HTMLElement & { data: unknown; updateComplete: Promise<unknown> };
        el.setAttribute('start', 'none');
        el.setAttribute('locale', 'en');
        el.data = f;
        document.body.append(el);
        await el.updateComplete;
        const shown = (el.shadowRoot!.querySelector('.final')?.textContent ?? '').replace(/\s+/g, ' ').trim();
        el.remove();
        if (WRITTEN_OTHERWISE[where]) {
          seen.add(where);
          continue;
        }
        const quote = String(f.quote).toLowerCase().replace(/\s+/g, ' ');
        // The currency code may be written out in the source ("1.3 billion US dollar").
        const money = typeof f.currency === 'string' ? shown.replace(f.currency, '').trim() : shown;
        if (typeof f.currency === 'string' && !/\busd\b|us dollar/.test(quote)) problems.push(`${where}: the source names no currency for "${shown}"`);
        const forms = [money.toLowerCase()];
        if (money.endsWith('%')) forms.push(`${money.slice(0, -1)} per cent`, `${money.slice(0, -1)} percent`);
        if (!forms.some((form) => quote.includes(form))) problems.push(`${where}: shows "${shown}", the source says "${f.quote}"`);
      }
    }
    expect(problems).to.deep.equal([]);
    expect([...seen].sort(), 'every listed exception is still in the data').to.deep.equal(Object.keys(WRITTEN_OTHERWISE).sort());
  });
});
