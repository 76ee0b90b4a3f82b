import * as v from 'valibot';
import { SourceSchema } from '../data/validate.js';
import { StatCounterSchema } from '../stat-counter/stat-counter.data.js';

const Text = v.pipe(v.string(), v.trim());

/** The data of `<objective-card>`: one strategic objective with its key figures. */
export const ObjectiveCardSchema = v.object({
  /** The objective's number in the Strategic Plan (1, 2, 3); picks its accent colour. */
  number: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  summary: v.optional(Text),
  figures: v.optional(v.array(StatCounterSchema), []),
  url: v.optional(v.string()),
  linkLabel: v.optional(Text),
  source: v.optional(SourceSchema),
});
export type ObjectiveCardData = v.InferOutput<typeof ObjectiveCardSchema>;
export const ObjectiveCardSchemaMeta = {
  title: 'objective-card data',
  description: 'One strategic objective for <objective-card>: { number, title, summary?, figures?: [stat-counter data], url?, linkLabel?, source? }.',
};
