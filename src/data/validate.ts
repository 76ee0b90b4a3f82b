import * as v from 'valibot';
import { DataError, describeValue } from './errors.js';

/** `donors[3].amount` from a valibot issue path; `root` names the whole value when the path is empty. */
function pathOf(issue: v.BaseIssue<unknown>, root: string): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || root;
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  string: 'text',
  Object: 'an object',
  Array: 'a list',
  boolean: 'true or false',
};

function phrase(issue: v.BaseIssue<unknown>): string {
  // Messages we wrote in the schemas are phrases already ("must not be negative").
  if (!/^Invalid /.test(issue.message)) return issue.message;
  if (issue.kind === 'schema') {
    // An unknown key in a strict object (the report files): most often a misspelt field.
    if (issue.expected === 'never' && issue.type.startsWith('strict_')) return 'is not a known field (check its spelling)';
    if (issue.input === undefined && issue.type !== 'never') return 'is required';
    if (issue.type === 'never') return 'is not a field this widget reads';
    const expected = issue.expected ?? '';
    const wanted = ARTICLE[expected] ?? (expected.includes('|') ? `one of ${expected.replace(/\s*\|\s*/g, ', ')}` : expected);
    return `must be ${wanted}, got ${describeValue(issue.input)}`;
  }
  return `is not valid: ${issue.message.replace(/^Invalid \w+: /, '')} (got ${describeValue(issue.input)})`;
}

/** The most specific issue: inside a union, the branch that got furthest. */
function deepest(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  const nested = issue.issues;
  if (!nested?.length) return issue;
  const best = nested.map(deepest).sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0))[0];
  // A branch's path starts at the union's own value: put the union's path in front of it (unless
  // the branch already has it, as a branch that failed at the union's own level has none).
  const outer = issue.path ?? [];
  const inner = best.path ?? [];
  const hasOuter = outer.length > 0 && inner.length >= outer.length && outer.every((item, i) => inner[i]?.key === item.key && inner[i]?.input === item.input);
  return { ...best, path: (hasOuter ? inner : [...outer, ...inner]) as typeof best.path };
}

/**
 * Checks `value` against a widget's schema and returns the parsed value, or throws a `DataError`
 * whose message names the field path and what it got: `donors[3].amount must be a number, got "1,200"`.
 */
export function validate<S extends v.GenericSchema>(schema: S, value: unknown, root = 'data'): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issue = deepest(result.issues[0]);
  const extra = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problem${result.issues.length > 2 ? 's' : ''})` : '';
  throw new DataError(`${pathOf(issue, root)} ${phrase(issue)}${extra}`, 'validation', { cause: result.issues });
}

/** A year: a whole number from 1900 to 2200. */
export const Year = v.pipe(v.number(), v.integer('must be a whole year'), v.minValue(1900, 'must be a year'), v.maxValue(2200, 'must be a year'));
/** A three-letter currency code (ISO 4217). */
export const CurrencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD'));

/** A language tag: `en`, `fr`, `fr-CH`, `ar`, `es-419`. */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

/**
 * The same text in several languages: an object of language tags to text,
 * `{"en": "people assisted", "fr": "personnes assistées"}`. The widget shows its locale's text,
 * else its language's (`fr-CH` → `fr`), else English, else the first given.
 */
export const LanguageMap = v.pipe(
  v.record(v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'must be a language tag such as en, fr or fr-CH')), v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'))),
  v.check((map) => Object.keys(map).length > 0, 'must give the text in at least one language, such as {"en": "…"}'),
  v.brand('LanguageMap'),
);
export type LanguageMap = v.InferOutput<typeof LanguageMap>;

/** The type a widget renders: every `LanguageMap` in `T` replaced by the text picked for its locale. */
export type Resolved<T> = T extends LanguageMap ? string : T extends readonly (infer U)[] ? Resolved<U>[] : T extends object ? { [K in keyof T]: Resolved<T[K]> } : T;

/** Shared pieces of the widgets' data shapes. */
export const SourceSchema = v.union([
  v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  LanguageMap,
  v.object({
    title: v.union([v.pipe(v.string(), v.nonEmpty('must not be empty')), LanguageMap]),
    publisher: v.optional(v.string()),
    year: v.optional(Year),
    url: v.optional(v.string()),
    /** The date the figures describe, as the publisher gives it (an API's reporting date): shown as "as of 31 May 2024". */
    asOf: v.optional(v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'))),
    /** When the figures were read from the publisher (`iom-widgets fetch` writes it); not shown. */
    accessed: v.optional(v.string()),
  }),
]);
/** A source as a widget renders it: its titles picked for the locale. */
export type Source = Resolved<v.InferOutput<typeof SourceSchema>>;

/** A finite number (JSON can't hold NaN, but a `data` property can). */
export const FiniteNumber = v.pipe(v.number(), v.finite('must be a finite number'));
/** Text from data, trimmed. */
export const Text = v.pipe(v.string(), v.trim());
/** A name that must be there: trimmed, not empty. */
export const Name = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
/** Words a regional site may give in its own languages: text, or a `LanguageMap`. */
export const LocalText = v.union([Text, LanguageMap]);
/** A name that must be there, in one language or several: a `Name`, or a `LanguageMap`. */
export const LocalName = v.union([Name, LanguageMap]);
/** A count or an amount: finite, not negative. */
export const NonNegative = v.pipe(FiniteNumber, v.minValue(0, 'must not be negative'));
