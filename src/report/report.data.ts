import * as v from 'valibot';
import { LanguageMap, SourceSchema, Year } from '../data/validate.js';
import { StatCounterSchema } from '../stat-counter/stat-counter.data.js';
import { EmergencyListSchema, EmergencySchema } from '../emergency-list/emergency-list.data.js';
import { DonorRankingSchema, DonorSchema } from '../donor-ranking/donor-ranking.data.js';
import { pickText } from '../data/localize.js';
import { ObjectiveCardSchema } from '../objective-card/objective-card.data.js';

// The shape of the report files in data/ (one file per source publication). Each piece a widget
// points at is that widget's own data shape, made stricter for published data: no unknown fields
// (a typo such as "lable" is an error, not a silently missing label), and every figure says what it
// counts, the year it refers to and where it comes from.

const Label = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const Key = v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase name such as peopleReached'));
const isKey = (key: string) => /^[a-z][A-Za-z0-9]*$/.test(key);

/**
 * One figure of a report: stat-counter data with `label`, `unit`, `year` and `source` required. Its
 * label may be in several languages (`iom-widgets fetch` writes the four for the columns it knows).
 */
export const ReportFigureSchema = v.strictObject({
  ...StatCounterSchema.entries,
  value: v.pipe(
    StatCounterSchema.entries.value,
    // The annual-report page shows 0 wherever an animated counter was captured before it ran.
    v.notValue(0, 'is 0: a figure the source does not give is left out, never written as 0'),
  ),
  label: v.union([Label, LanguageMap]),
  unit: Label,
  year: Year,
  source: SourceSchema,
});

/** A list of emergencies (emergency-list data) with its source and the year or date it describes. */
export const ReportEmergencyListSchema = v.pipe(
  v.strictObject({
    ...EmergencyListSchema.entries,
    emergencies: v.pipe(v.array(v.strictObject(EmergencySchema.entries)), v.nonEmpty('must list at least one emergency')),
    source: SourceSchema,
  }),
  v.check((list) => list.year !== undefined || list.asOf !== undefined, 'needs year or asOf: the date the list describes'),
);

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * A list of donors (donor-ranking data) with its source. `order` is required: "rank" (a ranking)
 * or "alphabetical" (a list that is not a ranking, such as the contributors of unearmarked funding).
 */
export const ReportDonorRankingSchema = v.pipe(
  v.strictObject({
    ...DonorRankingSchema.entries,
    order: v.picklist(['rank', 'alphabetical'], 'must be "rank" or "alphabetical": say whether the list is a ranking'),
    donors: v.pipe(
      v.array(v.strictObject(DonorSchema.entries)),
      v.nonEmpty('must list at least one donor'),
      v.check((donors) => new Set(donors.map((d) => pickText(d.name, 'en').toLocaleLowerCase())).size === donors.length, 'names a donor twice: each donor once'),
    ),
    source: SourceSchema,
  }),
  v.check((list) => list.currency !== undefined || list.donors.every((d) => d.amount === undefined && d.previousAmount === undefined), 'gives amounts without a currency'),
  v.check(
    (list) => list.order !== 'alphabetical' || list.donors.every((d, i, all) => i === 0 || collator.compare(pickText(all[i - 1].name, 'en'), pickText(d.name, 'en')) <= 0),
    'is marked alphabetical but its donors are not in alphabetical order',
  ),
);

/** One strategic objective (objective-card data) whose figures are report figures. */
export const ReportObjectiveSchema = v.strictObject({
  ...ObjectiveCardSchema.entries,
  figures: v.optional(v.array(ReportFigureSchema), []),
  source: SourceSchema,
});

/** The strategic objectives, each once. */
export const ReportObjectivesSchema = v.pipe(
  v.array(ReportObjectiveSchema),
  v.nonEmpty('must list at least one objective'),
  v.check((list) => new Set(list.map((o) => o.number)).size === list.length, 'has two objectives with the same number'),
);

export type ReportFigure = v.InferOutput<typeof ReportFigureSchema>;
type Leaf =
  | ReportFigure
  | v.InferOutput<typeof ReportEmergencyListSchema>
  | v.InferOutput<typeof ReportDonorRankingSchema>
  | v.InferOutput<typeof ReportObjectivesSchema>;
/** A section of a report: one widget's data, or a group of sections by camelCase name. */
export type ReportSection = Leaf | { [key: string]: ReportSection };

type SectionSchemaType = v.GenericSchema<unknown, ReportSection>;

const SectionRecordSchema: SectionSchemaType = v.record(
  Key,
  v.lazy(() => SectionSchema),
);

const SectionUnionSchema: SectionSchemaType = v.union([
  ReportFigureSchema,
  ReportEmergencyListSchema,
  ReportDonorRankingSchema,
  ReportObjectivesSchema,
  SectionRecordSchema,
]);

/**
 * Picks the one shape a section can be by its tell-tale field, so an error names the real mistake
 * ("unit is required") rather than every shape the section is not. Without input (JSON Schema
 * generation) it is the union of all of them.
 */
const SectionSchema: SectionSchemaType = v.lazy((input: unknown): SectionSchemaType => {
  if (Array.isArray(input)) return ReportObjectivesSchema as SectionSchemaType;
  if (input !== null && typeof input === 'object') {
    if ('value' in input) return ReportFigureSchema as SectionSchemaType;
    if ('emergencies' in input) return ReportEmergencyListSchema as SectionSchemaType;
    if ('donors' in input) return ReportDonorRankingSchema as SectionSchemaType;
    return SectionRecordSchema;
  }
  // A bare number or text where a figure belongs: "must be an object, got …".
  return input === undefined ? SectionUnionSchema : (ReportFigureSchema as SectionSchemaType);
});

/**
 * A report file in data/: `title`, `year`, `source` (one source or a list), then sections by
 * camelCase name. A section is a figure (stat-counter data), an emergency list, a donor list, an
 * array of objectives (objective-card data), or a group of sections.
 */
export const ReportSchema = v.pipe(
  v.objectWithRest(
    {
      $schema: v.optional(v.string()),
      title: Label,
      /** The year the report covers. */
      year: v.optional(Year),
      /** The publication (or publications) the whole file is taken from. */
      source: v.union([SourceSchema, v.pipe(v.array(SourceSchema), v.nonEmpty('must name at least one source'))]),
    },
    SectionSchema,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const sections = Object.keys(dataset.value).filter((k) => !['$schema', 'title', 'year', 'source'].includes(k));
    if (sections.length === 0) addIssue({ message: 'has no sections: a report file holds at least one figure or list' });
    for (const key of sections) {
      if (!isKey(key)) {
        addIssue({
          message: 'must be a camelCase name such as highlights',
          path: [{ type: 'object', origin: 'key', input: dataset.value as Record<string, unknown>, key, value: key }],
        });
      }
    }
  }),
);
export const ReportSchemaMeta = {
  title: 'report file',
  description:
    'A report file in data/: { $schema?, title, year?, source, ...sections }. Each section is a figure (stat-counter data with label, unit, year and source), an emergency list, a donor list (order "rank" or "alphabetical"), an array of objectives, or a group of sections by camelCase name; widgets point at a section with a JSON Pointer.',
};
