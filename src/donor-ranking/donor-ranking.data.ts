import * as v from 'valibot';
import type { DataShape } from '../data/data-state.js';
import { pickText } from '../data/localize.js';
import { CurrencyCode, LocalName, LocalText, SourceSchema, Text, NonNegative as Amount, Year, type Resolved } from '../data/validate.js';
import type { HxlMapping } from '../data/hxl.js';
import { sameSource } from '../base/source-line.js';

export const DonorSchema = v.object({
  name: LocalName,
  /** Contribution in `currency` (the list's), when the source gives it. */
  amount: v.optional(Amount),
  previousAmount: v.optional(Amount),
  /** government, UN and pooled funds, vertical funds, private sector, … */
  type: v.optional(Text),
  url: v.optional(v.string()),
});
/** As the widget renders it: text in several languages picked for its locale. */
export type Donor = Resolved<v.InferOutput<typeof DonorSchema>>;

/**
 * The data of `<donor-ranking>`. `donors` is in rank order. `order: "alphabetical"` marks a list
 * that is not a ranking (such as the contributors of unearmarked funding): it is shown unnumbered.
 */
export const DonorRankingSchema = v.pipe(
  v.object({
    title: v.optional(LocalText),
    year: v.optional(Year),
    /** ISO 4217 code of every amount (default USD). */
    currency: v.optional(CurrencyCode),
    /** The total of all contributions (all donors, not only those listed), for each donor's share. */
    total: v.optional(Amount),
    order: v.optional(v.picklist(['rank', 'alphabetical'])),
    donors: v.pipe(
      v.array(DonorSchema),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const seen = new Map<string, number>();
        dataset.value.forEach((donor, i) => {
          const name = pickText(donor.name, 'en');
          const key = name.toLocaleLowerCase();
          if (seen.has(key)) {
            addIssue({
              message: `is "${name}" again (already donors[${seen.get(key)}]): each donor once`,
              path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: donor }],
            });
          } else seen.set(key, i);
        });
      }),
    ),
    source: v.optional(SourceSchema),
  }),
  // The listed donors are part of the total, so their amounts cannot add up to more than it.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value.total === undefined) return;
    const { total, donors } = dataset.value;
    const sum = donors.reduce((s, d) => s + (d.amount ?? 0), 0);
    if (sum > total * (1 + 1e-9)) {
      addIssue({
        message: `is ${total}, less than the donors' amounts added up (${sum}): total is the sum over all donors`,
        path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'total', value: total }],
      });
    }
  }),
);
/** As the widget renders it: text in several languages picked for its locale. */
export type DonorRankingData = Resolved<v.InferOutput<typeof DonorRankingSchema>>;
export const DonorRankingSchemaMeta = {
  title: 'donor-ranking data',
  description: 'Donors for <donor-ranking>, in rank order: { title?, year?, currency?, total?, order?, donors: [{ name, amount?, previousAmount?, type?, url? }], source? } (a bare array of donors is accepted too).',
};

/** The HXL hashtags `<donor-ranking>` reads from an HDX table. */
export const DONOR_HXL: HxlMapping = {
  name: { tag: '#org+name+funder', fallback: '#org+name', required: true, describes: "the donor's name", localized: true },
  amount: { tag: '#value+funding+total+usd', type: 'number' },
  previousAmount: { tag: '#value+funding+previous+usd', type: 'number' },
  type: { tag: '#org+type+funder' },
  url: { tag: '#meta+url' },
  /** The list's source, when every row names the same one; not part of a donor's shape. */
  source: { tag: '#meta+source' },
  /** Read to put the rows in rank order; not part of the data shape. */
  rank: { tag: '#meta+rank', type: 'number' },
};

/**
 * HXL records (from `DONOR_HXL`) to `<donor-ranking>` data: rows in `#meta+rank` order when the
 * table has it, amounts in USD, and the list's source from `#meta+source` when every row names the
 * same one (a table that cites several sources has no one source to show under the list).
 */
export function donorsFromHxl(records: Record<string, unknown>[]): unknown {
  const rank = (r: Record<string, unknown>) => (typeof r.rank === 'number' ? r.rank : Infinity);
  const donors = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => {
      const { rank: _rank, source: _source, ...donor } = r;
      return donor;
    });
  const first = records[0]?.source;
  const source = typeof first === 'string' && records.every((r) => typeof r.source === 'string' && sameSource(r.source, first)) ? first : undefined;
  return source === undefined ? { currency: 'USD', donors } : { currency: 'USD', donors, source };
}

export const donorRankingShape: DataShape<DonorRankingData> = {
  name: 'donor-ranking',
  schema: DonorRankingSchema,
  normalize: (raw) => (Array.isArray(raw) ? { donors: raw } : raw),
  hxl: { mapping: DONOR_HXL, toData: donorsFromHxl },
  isEmpty: (data) => data.donors.length === 0,
};
