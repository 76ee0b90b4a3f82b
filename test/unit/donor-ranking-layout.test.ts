// The pure modules beside <donor-ranking>: the layout (rows, limit, groups, shares, change) and the
// HXL reading, without an element, in Node. How the shares and changes read on screen, in each
// browser's Intl: test/donor-ranking.test.ts. Fictitious figures.
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DONOR_HXL, donorsFromHxl } from '../../src/donor-ranking/donor-ranking.data.js';
import { changeOf, changeShort, changeText, findDonor, groupSummary, layoutFor, shareOf, tooltipLines, type LayoutOptions } from '../../src/donor-ranking/layout.js';
import { mapHxl } from '../../src/data/hxl.js';
import { LIMIT } from '../../src/donor-ranking/donor-ranking.js';
import { loadWords } from '../../src/i18n/words.js';
import { exampleDonors } from '../fixtures/donors.js';

/** Intl puts a no-break space between a currency code and its amount. */
const plain = (text: string) => text.replace(/\s/g, ' ');
const options = (more: Partial<LayoutOptions> = {}): LayoutOptions => ({ locale: 'en', limit: 10, groupByType: false, expanded: false, ...more });

describe('donor-ranking layout (pure)', () => {
  it('gives the same layout object for the same data object and options, a new one when either changes', () => {
    const data = exampleDonors();
    const l = layoutFor(data, options());
    expect(layoutFor(data, options())).to.equal(l);
    expect(layoutFor(data, options({ expanded: true }))).not.to.equal(l);
    expect(layoutFor(exampleDonors(), options())).not.to.equal(l);
  });

  it('limits the rows on screen, keeps the highlighted donor past the limit, and prints them all', () => {
    const l = layoutFor(exampleDonors(), options({ limit: 3, highlight: ' example DONOR k ' }));
    expect(l.rows).to.have.length(12);
    expect(l.shown.map((r) => r.donor.name)).to.deep.equal(['Example donor A', 'Example donor B', 'Example pooled fund C', 'Example donor K']);
    expect(l.shown[3]).to.include({ rank: 11, highlighted: true, shownPastLimit: true, pastLimit: false });
    expect(l).to.include({ canLimit: true, limited: true, count: 12, title: 'Top donors (fictitious example), 2023', hasShare: true, hasChange: true });
    const all = layoutFor(exampleDonors(), options({ limit: 3, expanded: true }));
    expect(all).to.include({ canLimit: true, limited: false });
    expect(all.shown).to.have.length(12);
    expect(layoutFor(exampleDonors(), options({ limit: 0 }))).to.include({ canLimit: false, limited: false });
  });

  it('reads the limit attribute as a whole number, else 10', () => {
    expect([5, '0', -1, 2.5, 'x', undefined].map((raw) => LIMIT.value(raw))).to.deep.equal([5, 0, 10, 10, 10, 10]);
  });

  it('groups by type, largest subtotal first, untyped last as "Other"', () => {
    const l = layoutFor(exampleDonors(), options({ groupByType: true }));
    expect(l.groups!.map((g) => [g.name, g.count, g.subtotal])).to.deep.equal([
      ['Government', 7, 833_500_000],
      ['UN and pooled funds', 2, 145_000_000],
      ['Vertical funds', 1, 100_000_000],
      ['Private sector', 1, 50_000_000],
      ['Other', 1, 5_000_000],
    ]);
    expect(plain(groupSummary(l.groups![0], l))).to.equal('Donors: 7 · USD 833.5M · 42% of total');
  });

  it('computes shares and changes, in the locale', async () => {
    await loadWords('fr');
    const l = layoutFor(exampleDonors(), options());
    const [a, b, c, d, e] = l.rows.map((r) => r.donor);
    expect([changeOf(a), changeOf(b), changeOf(c), changeOf(d), changeOf(e)]).to.deep.equal([
      { kind: 'up', points: 25 },
      { kind: 'down', points: (50 / 300) * 100 },
      { kind: 'same' },
      { kind: 'new' },
      undefined,
    ]);
    expect(changeShort(changeOf(a)!, 'en')).to.equal('+25%');
    expect(changeText(changeOf(b)!, l)).to.equal('down 17% from 2022');
    expect(shareOf(a.amount, l)).to.equal('25% of total');
    expect(tooltipLines(a, l).map(plain)).to.deep.equal(['USD 500M', '25% of total', 'up 25% from 2022']);
    const fr = layoutFor(exampleDonors(), options({ locale: 'fr' }));
    expect(changeText(changeOf(a)!, fr)).to.equal(`en hausse de ${new Intl.NumberFormat('fr', { style: 'percent' }).format(0.25)} par rapport à 2022`);
  });

  it('finds the highlighted donor in any case', () => {
    const { donors } = exampleDonors();
    expect(findDonor(donors, 'EXAMPLE DONOR b', 'en')?.name).to.equal('Example donor B');
    expect(findDonor(donors, 'nobody', 'en')).to.equal(undefined);
    expect(findDonor(donors, '  ', 'en')).to.equal(undefined);
  });
});

describe('donor-ranking HXL (pure)', () => {
  const table = (sources: (string | null)[]) => [
    ['Donor', 'Source'],
    ['#org+name+funder', '#meta+source'],
    ...sources.map((s, i) => [`Example donor ${i + 1} (fictitious)`, s]),
  ];
  const read = (sources: (string | null)[]) => donorsFromHxl(mapHxl(table(sources), DONOR_HXL)) as { source?: string; donors: object[] };

  it('takes the source column as the list’s source when every row names the same one', () => {
    const data = read(['Example report (fictitious)', 'Example report (fictitious)']);
    expect(data.source).to.equal('Example report (fictitious)');
    expect(data.donors).to.deep.equal([{ name: 'Example donor 1 (fictitious)' }, { name: 'Example donor 2 (fictitious)' }]);
    expect(read(['Example report (fictitious)']).source).to.equal('Example report (fictitious)');
  });

  it('gives no source when the rows name different ones, or some name none', () => {
    expect(read(['Example report (fictitious)', 'Another example (fictitious)'])).not.to.have.property('source');
    expect(read(['Example report (fictitious)', null])).not.to.have.property('source');
  });
});
