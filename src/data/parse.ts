import { DataError } from './errors.js';

/** `text` as JSON, or a `DataError` naming `where` it came from: `/data/r.json is not valid JSON (…)`. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataError(`${where} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`, 'json', { cause: error });
  }
}

// A number as a webmaster writes it in an attribute or a CSV cell: digits, an optional sign,
// decimal point and exponent. Anything else ("31.6 million", "1,200", "abc", "", "Infinity",
// "0x10") is not a number.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number written in `text`, or NaN when it is not written with digits only. */
export function plainNumber(text: string): number {
  const trimmed = text.trim();
  return PLAIN_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
}
