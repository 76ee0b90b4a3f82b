// The option attributes of <emergency-list>, each declared once (see base/options.ts), and the
// detail of the event its reader's choices fire.
import { choice, wholeNumber, type Option } from '../base/options.js';
import { EMERGENCY_FILTERS, EMERGENCY_SORTS, filterWords, parseFilters, type EmergencyFilter, type EmergencySort } from './model.js';

export const EMERGENCY_LAYOUTS = ['list', 'grid'] as const;
export type EmergencyLayout = (typeof EMERGENCY_LAYOUTS)[number];

/** Detail of `iom-filter-change`. */
export interface EmergencyFilterChangeDetail {
  /** The search text as typed (empty when none). */
  query: string;
  /** The chosen value of each filter menu; an empty string means "all". */
  filters: Record<EmergencyFilter, string>;
  /** The order in force; an empty string is the data's own order. */
  sort: EmergencySort | '';
  /** How many emergencies match the search and filters (the "6" of "6 of 10 emergencies"). */
  visible: number;
  /** How many are on screen: `visible`, or fewer under `limit` until "Show all" is pressed. */
  shown: number;
  /** How many emergencies the data has. */
  total: number;
}

export const LAYOUT = choice('layout', EMERGENCY_LAYOUTS, 'list', 'showing a list');
export const SORT = choice('sort', EMERGENCY_SORTS, '', "showing the data's order");
export const LIMIT = wholeNumber('limit', 1, Infinity, undefined, 'showing every emergency');
export const HEADING_LEVEL = wholeNumber('heading-level', 1, 6, 3, 'using 3');
export const FILTERS: Option<EmergencyFilter[]> = {
  attribute: 'filters',
  value: parseFilters,
  problem: (raw) => {
    const unknown = filterWords(raw as string).filter((word) => !(EMERGENCY_FILTERS as readonly string[]).includes(word));
    return unknown.length ? `use words from ${EMERGENCY_FILTERS.join(', ')}; leaving out ${unknown.join(', ')}` : undefined;
  },
};
