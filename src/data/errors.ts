/**
 * What went wrong, so a site can react (`event.detail.kind`) and the widget can offer Retry. The
 * kinds of a publisher's API (src/data/sources/): `cors` (the server does not let this page read
 * it), `quota` (HTTP 429: too many requests), `access` (a key or an approved name is needed, or the
 * API needs a key that must not be in a page), `html` (a web page came where data was expected),
 * `source` (an API's response lacks a field the widget reads: its shape changed).
 */
export type DataErrorKind = 'json' | 'network' | 'http' | 'timeout' | 'pointer' | 'validation' | 'hxl' | 'cors' | 'quota' | 'access' | 'html' | 'source';

/**
 * An error with a message meant for the webmaster who wrote the tag: it names the attribute,
 * URL, JSON Pointer or field path concerned, and what was found there.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    message: string,
    readonly kind: DataErrorKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A short, readable rendering of a received value for an error message: `"1,200"`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
