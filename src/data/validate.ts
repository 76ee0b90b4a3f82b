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
  // A branch that failed at the union's own level carries no path: keep the union's.
  return (best.path?.length ?? 0) < (issue.path?.length ?? 0) ? { ...best, path: issue.path } : best;
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

/** Shared pieces of the widgets' data shapes. */
export const SourceSchema = v.union([
  v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  v.object({
    title: v.pipe(v.string(), v.nonEmpty('must not be empty')),
    publisher: v.optional(v.string()),
    year: v.optional(Year),
    url: v.optional(v.string()),
    accessed: v.optional(v.string()),
  }),
]);
export type Source = v.InferOutput<typeof SourceSchema>;

/** A finite number (JSON can't hold NaN, but a `data` property can). */
export const FiniteNumber = v.pipe(v.number(), v.finite('must be a finite number'));
/** Text from data, trimmed. */
export const Text = v.pipe(v.string(), v.trim());
/** A name that must be there: trimmed, not empty. */
export const Name = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
/** A count or an amount: finite, not negative. */
export const NonNegative = v.pipe(FiniteNumber, v.minValue(0, 'must not be negative'));
