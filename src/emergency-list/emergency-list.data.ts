import * as v from 'valibot';
import type { DataShape } from '../data/data-state.js';
import { LocalName, LocalText, SourceSchema, Text, Name, NonNegative as Count, Year, type Resolved } from '../data/validate.js';
import type { HxlMapping } from '../data/hxl.js';

const Iso3 = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code such as SDN'));
const IsoDate = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));

/** One emergency (a crisis IOM responds to). Only `name` is required. */
export const EmergencySchema = v.object({
  name: LocalName,
  country: v.optional(v.union([Name, v.array(Name)])),
  iso3: v.optional(v.union([Iso3, v.array(Iso3)])),
  region: v.optional(Text),
  /** IOM's scale (`L3`, `L2`, `L1`) or a response category such as "Significant crisis response". */
  level: v.optional(Text),
  /** conflict, disaster, displacement, epidemic, … */
  type: v.optional(Text),
  /** Where the crisis stands, in words: "Ongoing", "Alert", "Past" (ReliefWeb's statuses, in the widgets' four languages). */
  status: v.optional(LocalText),
  /** When the crisis began (YYYY-MM-DD). */
  started: v.optional(IsoDate),
  peopleAffected: v.optional(Count),
  peopleInNeed: v.optional(Count),
  peopleTargeted: v.optional(Count),
  peopleReached: v.optional(Count),
  /** Amount appealed for, in USD. */
  appeal: v.optional(Count),
  /** Amount received, in USD. */
  funded: v.optional(Count),
  updated: v.optional(IsoDate),
  url: v.optional(v.string()),
  summary: v.optional(LocalText),
  source: v.optional(SourceSchema),
});
/** As the widget renders it: text in several languages picked for its locale. */
export type Emergency = Resolved<v.InferOutput<typeof EmergencySchema>>;

/** The data of `<emergency-list>`: an object with `emergencies`, or (normalised to it) a bare array. */
export const EmergencyListSchema = v.object({
  title: v.optional(LocalText),
  /** Date the list describes, YYYY-MM-DD or a year. */
  asOf: v.optional(v.union([IsoDate, Year])),
  year: v.optional(Year),
  emergencies: v.array(EmergencySchema),
  source: v.optional(SourceSchema),
});
/** As the widget renders it: text in several languages picked for its locale. */
export type EmergencyListData = Resolved<v.InferOutput<typeof EmergencyListSchema>>;
export const EmergencyListSchemaMeta = {
  title: 'emergency-list data',
  description: 'Ongoing emergencies for <emergency-list>: { title?, asOf?, emergencies: [...], source? } (a bare array of emergencies is accepted too).',
};

/**
 * The HXL hashtags `<emergency-list>` reads from an HDX table. Each emergency is named by its
 * `#crisis+name`; a table without that column (many HDX country tables) is named by its
 * `#country+name` column instead. One of the two is required.
 */
export const EMERGENCY_HXL: HxlMapping = {
  name: { tag: '#crisis+name', fallback: '#country+name', required: true, describes: 'the emergency name', localized: true },
  country: { tag: '#country+name', type: 'list' },
  iso3: { tag: '#country+code', type: 'list' },
  region: { tag: '#region+name' },
  level: { tag: '#status+level' },
  type: { tag: '#crisis+type' },
  peopleAffected: { tag: '#affected', type: 'number' },
  peopleInNeed: { tag: '#inneed', type: 'number' },
  peopleTargeted: { tag: '#targeted', type: 'number' },
  peopleReached: { tag: '#reached', type: 'number' },
  appeal: { tag: '#value+funding+required', type: 'number' },
  funded: { tag: '#value+funding+total', type: 'number' },
  updated: { tag: '#date+updated' },
  url: { tag: '#meta+url' },
  summary: { tag: '#description', localized: true },
  source: { tag: '#meta+source' },
};

export const emergencyListShape: DataShape<EmergencyListData> = {
  name: 'emergency-list',
  schema: EmergencyListSchema,
  normalize: (raw) => (Array.isArray(raw) ? { emergencies: raw } : raw),
  hxl: { mapping: EMERGENCY_HXL, toData: (records) => ({ emergencies: records }) },
  isEmpty: (data) => data.emergencies.length === 0,
};
