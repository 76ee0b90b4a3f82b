import * as v from 'valibot';
import type { DataShape } from '../data/data-state.js';
import { LanguageMap, LocalText, SourceSchema, type Resolved } from '../data/validate.js';
import { StatCounterSchema } from '../stat-counter/stat-counter.data.js';

/** The data of `<objective-card>`: one strategic objective with its key figures. */
export const ObjectiveCardSchema = v.object({
  /** The objective's number in the Strategic Plan (1, 2, 3); picks its accent colour. */
  number: v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
    v.description('The objective’s number in the Strategic Plan (1, 2, 3): shown as "Objective 1" and picks the accent colour.'),
  ),
  title: v.pipe(v.union([v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')), LanguageMap]), v.description('The objective’s title, shown in the heading.')),
  summary: v.optional(v.pipe(LocalText, v.description('One or two sentences under the title.'))),
  figures: v.optional(
    v.pipe(v.array(StatCounterSchema), v.description('The key figures, each one the data of a <stat-counter>. An empty list or none gives a card without figures.')),
    [],
  ),
  url: v.optional(v.pipe(v.string(), v.description('Address of the "Learn more" link: http(s) or relative; anything else shows no link.'))),
  linkLabel: v.optional(v.pipe(LocalText, v.description('Visible words of the link instead of "Learn more". Its accessible name adds the title.'))),
  source: v.optional(SourceSchema),
});
/** As the widget renders it: text in several languages picked for its locale. */
export type ObjectiveCardData = Resolved<v.InferOutput<typeof ObjectiveCardSchema>>;
export const ObjectiveCardSchemaMeta = {
  title: 'objective-card data',
  description: 'One strategic objective for <objective-card>: { number, title, summary?, figures?: [stat-counter data], url?, linkLabel?, source? }.',
};

export const objectiveCardShape: DataShape<ObjectiveCardData> = { name: 'objective-card', schema: ObjectiveCardSchema };
