import * as v from 'valibot';
import type { DataShape } from '../data/data-state.js';
import { CurrencyCode, FiniteNumber, LocalText, SourceSchema, Text, Year, type Resolved } from '../data/validate.js';
import { STAT_FORMATS } from '../i18n/format.js';

export { STAT_FORMATS, type StatFormat } from '../i18n/format.js';

/**
 * One figure: the data of `<stat-counter>`, and of each figure of an `<objective-card>` and of the
 * report files. `value` is a plain number (31600000, not "31.6 million"); with `format: "percent"`
 * it is in percent points (18 means 18 %).
 */
export const StatCounterSchema = v.object({
  value: FiniteNumber,
  label: v.optional(LocalText),
  description: v.optional(LocalText),
  prefix: v.optional(LocalText),
  suffix: v.optional(LocalText),
  format: v.optional(v.picklist(STAT_FORMATS)),
  currency: v.optional(CurrencyCode),
  maximumFractionDigits: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 to 20'), v.maxValue(20, 'must be 0 to 20'))),
  previous: v.optional(FiniteNumber),
  previousLabel: v.optional(LocalText),
  /** What the figure counts: people, countries, USD, percent, staff, partnerships… */
  unit: v.optional(Text),
  /** The year the figure refers to. */
  year: v.optional(Year),
  source: v.optional(SourceSchema),
  /** The words of the source this figure is taken from, verbatim (kept for checking; not shown). */
  quote: v.optional(Text),
});
/** As the widget renders it: text in several languages picked for its locale. */
export type StatCounterData = Resolved<v.InferOutput<typeof StatCounterSchema>>;
export const StatCounterSchemaMeta = {
  title: 'stat-counter data',
  description: 'One headline figure for <stat-counter>: a number with its label, format, unit, year and source.',
};

export const statCounterShape: DataShape<StatCounterData> = { name: 'stat-counter', keyFigure: true, schema: StatCounterSchema };
