// What the readers of the sector's APIs share: how a response is looked at, the table-with-citation
// some of them give, and the error that names what a response lacks.
import type { SourceRequest } from '../data-state.js';
import { DataError } from '../errors.js';
import type { Source } from '../validate.js';

export type Json = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What the APIs' readers use of the data reader's own modules, given them by the reader when it
 * calls them: this file, loaded on demand after the reader, imports nothing of the reader's (a file
 * loaded on demand imports only the core every page has loaded: see scripts/size.mjs).
 */
export interface Kit {
  hxl: typeof import('../hxl.js');
  recognise: typeof import('./recognise.js');
}

/** What a reader knows besides the response: the address it came from (absolute) and what the widget asks. */
export interface ReadContext {
  url?: string;
  request?: SourceRequest;
  /** The citation of a plain HXL table, which names no source of its own (`iom-widgets fetch` gives the table's address). */
  cite?: Citation;
}

/** A citation as the readers write it: the widget's `source` object. */
export type Citation = Exclude<Source, string>;

/**
 * An HXL table with the citation of where it was read, as an API reader gives it (DTM's and the
 * Missing Migrants Project's rows, a CKAN dataset's resource), and the figure a counter shows by
 * default when the page does not name a column (`hxl-value`). Never written to a file.
 */
export class CitedTable {
  constructor(
    readonly rows: unknown[][],
    readonly source?: Citation,
    readonly figure?: { value: string; aggregate: 'sum' | 'count' | 'latest' },
  ) {}
}

/**
 * The error for a response that lacks what the widget reads: it names the publisher, the field and
 * what to do. `kind: 'source'` tells a site that the API answered, but not in the shape it had.
 */
export function missing(publisher: string, field: string, advice?: string): DataError {
  return new DataError(`the ${publisher} response has no ${field}${advice ? `: ${advice}` : ' (has the API changed?)'}`, 'source');
}

/** The value at `path` (`["data", "report1"]`) in `doc`, or undefined. */
export function at(doc: unknown, ...path: (string | number)[]): unknown {
  let value = doc;
  for (const key of path) value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as an API writes it, as YYYY-MM-DD: ISO (`2024-05-31T00:00:00`, `2024-05-31`), `May 31,
 * 2024` or `05/31/2024` (US order, as Drupal's exports write it; a weekday before either is
 * skipped). Undefined for anything else: a date is never guessed.
 */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (m) return valid(+m[1], +m[2], +m[3]);
  const rest = text.replace(/^[A-Za-z]+,\s*/, '');
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(rest);
  if (m) return valid(+m[3], MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(rest);
  if (m) return valid(+m[3], +m[1], +m[2]);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The latest of some YYYY-MM-DD dates, or undefined when there is none. */
export function latest(days: (string | undefined)[]): string | undefined {
  return days.reduce<string | undefined>((max, day) => (day && (!max || day > max) ? day : max), undefined);
}

/** The one query value `name` of `url` (`year=2023`), or undefined. */
export function queryValue(url: string | undefined, name: string): string | undefined {
  if (!url) return undefined;
  try {
    const params = new URL(url).searchParams;
    for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
  } catch {
    // Not a URL: nothing to read from it.
  }
  return undefined;
}

/** A year written alone (`2023`), as a number; undefined for anything else ("2022,2023"). */
export function yearOf(text: string | undefined): number | undefined {
  return text && /^\s*(19|20|21)\d\d\s*$/.test(text) ? Number(text) : undefined;
}
