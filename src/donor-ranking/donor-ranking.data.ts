import * as v from 'valibot';
import { FiniteNumber, SourceSchema } from '../data/validate.js';
import { CurrencyCode } from '../stat-counter/stat-counter.data.js';
import type { HxlMapping } from '../data/hxl.js';

const Text = v.pipe(v.string(), v.trim());
const Name = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const Amount = v.pipe(FiniteNumber, v.minValue(0, 'must not be negative'));

export const DonorSchema = v.object({
  name: Name,
  /** Contribution in `currency` (the list's), when the source gives it. */
  amount: v.optional(Amount),
  previousAmount: v.optional(Amount),
  /** government, UN and pooled funds, vertical funds, private sector, … */
  type: v.optional(Text),
  url: v.optional(v.string()),
});
export type Donor = v.InferOutput<typeof DonorSchema>;

/**
 * The data of `<donor-ranking>`. `donors` is in rank order. `order: "alphabetical"` marks a list
 * that is not a ranking (such as the contributors of unearmarked funding): it is shown unnumbered.
 */
export const DonorRankingSchema = v.object({
  title: v.optional(Text),
  year: v.optional(v.pipe(v.number(), v.integer())),
  currency: v.optional(CurrencyCode),
  total: v.optional(Amount),
  order: v.optional(v.picklist(['rank', 'alphabetical'])),
  donors: v.pipe(
    v.array(DonorSchema),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const seen = new Map<string, number>();
      dataset.value.forEach((donor, i) => {
        const key = donor.name.toLocaleLowerCase();
        if (seen.has(key)) {
          addIssue({
            message: `is "${donor.name}" again (already donors[${seen.get(key)}]): each donor once`,
            path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: donor }],
          });
        } else seen.set(key, i);
      });
    }),
  ),
  source: v.optional(SourceSchema),
});
export type DonorRankingData = v.InferOutput<typeof DonorRankingSchema>;
export const DonorRankingSchemaMeta = {
  title: 'donor-ranking data',
  description: 'Donors for <donor-ranking>, in rank order: { title?, year?, currency?, total?, order?, donors: [{ name, amount?, previousAmount?, type?, url? }], source? } (a bare array of donors is accepted too).',
};

/** The HXL hashtags `<donor-ranking>` reads from an HDX table. */
export const DONOR_HXL: HxlMapping = {
  name: { tag: '#org+name+funder', required: true, describes: "the donor's name" },
  amount: { tag: '#value+funding+total+usd', type: 'number' },
  previousAmount: { tag: '#value+funding+previous+usd', type: 'number' },
  type: { tag: '#org+type+funder' },
  url: { tag: '#meta+url' },
};
