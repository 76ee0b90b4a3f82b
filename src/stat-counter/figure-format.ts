// How <stat-counter> writes its figure, and the numbers it shows while counting up to it.
import { formatPercent, memoized, numberFormat, type StatFormat } from '../i18n/format.js';
import { plural } from '../i18n/words.js';

export { STAT_FORMATS, type StatFormat } from '../i18n/format.js';

/** The formatting fields of a figure. */
export interface FigureOptions {
  format?: StatFormat;
  currency?: string;
  maximumFractionDigits?: number;
  /** What the figure counts; a `year` (1951) is written without a thousands separator. */
  unit?: string;
}

/** A figure written out. */
export interface FigureText {
  /** The final text, as `Intl.NumberFormat` writes it for the locale: "31.6 million", "USD 30,000,000", "18%". */
  text: string;
  /** The final text in three pieces: what comes before its number ("USD "), the number ("30"), what follows (" million"). */
  head: string;
  digits: string;
  tail: string;
}

type Part = Intl.NumberFormatPart;

const NUMERIC = new Set<string>(['integer', 'group', 'decimal', 'fraction']);
const SIGN = new Set<string>(['minusSign', 'plusSign']);

/** The `Intl.NumberFormat` options for a figure (`value` is in percent points for `percent`). */
export function intlOptions({ format = 'standard', currency, maximumFractionDigits: digits, unit }: FigureOptions): Intl.NumberFormatOptions {
  switch (format) {
    case 'compact':
      // Published precision: as many significant digits as the value has, up to three
      // (1,140,000 → "1.14 million", 31,600,000 → "31.6 million", 30,000,000 → "30 million").
      return { notation: 'compact', compactDisplay: 'long', ...(digits !== undefined ? { maximumFractionDigits: digits } : { maximumSignificantDigits: 3 }) };
    case 'percent':
      return { style: 'percent', maximumFractionDigits: digits ?? 1 };
    case 'currency':
      // Whole amounts without ".00"; amounts with cents keep the currency's own digits.
      return {
        style: 'currency',
        currency,
        currencyDisplay: 'code',
        trailingZeroDisplay: 'stripIfInteger',
        ...(digits !== undefined ? { minimumFractionDigits: digits, maximumFractionDigits: digits } : {}),
      };
    default:
      return {
        ...(digits !== undefined ? { maximumFractionDigits: digits } : {}),
        ...(unit === 'year' ? { useGrouping: false } : {}),
      };
  }
}

/** The parts of the final text, and the formatter that wrote its number. */
function partsOf(value: number, options: FigureOptions, locale: string): { parts: Part[]; numbers: Intl.NumberFormat } {
  if (options.format === 'compact' && options.currency) {
    // "USD 30 million": Intl only has the short compact form with a currency ("USD 30M"), which
    // readers misread. Put the long compact number where the currency format puts its digits.
    const money = numberFormat(locale, { style: 'currency', currency: options.currency, currencyDisplay: 'code', maximumFractionDigits: 0 });
    const numbers = numberFormat(locale, intlOptions({ format: 'compact', maximumFractionDigits: options.maximumFractionDigits }));
    const compact = numbers.formatToParts(Math.abs(value)).filter((p) => !SIGN.has(p.type));
    const template = money.formatToParts(value);
    const [start, end] = numericSpan(template);
    if (start < 0) return { parts: template, numbers };
    // After the word ("30 millions USD"), the code may start a line: with Intl's no-break space,
    // "millions USD" is one word, wider than a narrow column (French, Spanish).
    const after = template.slice(end + 1).map((p) => (p.type === 'literal' ? { ...p, value: p.value.replace(/\u00a0/g, ' ') } : p));
    return { parts: [...template.slice(0, start), ...compact, ...after], numbers };
  }
  const numbers = numberFormat(locale, intlOptions(options));
  return { parts: numbers.formatToParts(options.format === 'percent' ? value / 100 : value), numbers };
}

/** First and last index of the first run of digits and separators, or [-1, -1]. */
function numericSpan(parts: Part[]): [number, number] {
  const start = parts.findIndex((p) => NUMERIC.has(p.type));
  if (start < 0) return [-1, -1];
  let end = start;
  while (end + 1 < parts.length && NUMERIC.has(parts[end + 1].type)) end++;
  return [start, end];
}

/** Writes a figure's final text only. */
export function formatFigure(value: number, options: FigureOptions, locale: string): string {
  return partsOf(value, options, locale).parts.map((p) => p.value).join('');
}

/** Writes a figure, in the three pieces the counter lays out. */
export function figureText(value: number, options: FigureOptions, locale: string): FigureText {
  const { parts } = partsOf(value, options, locale);
  const text = parts.map((p) => p.value).join('');
  const [start, end] = numericSpan(parts);
  if (start < 0) return { text, head: text, digits: '', tail: '' };
  return {
    text,
    head: parts.slice(0, start).map((p) => p.value).join(''),
    digits: parts.slice(start, end + 1).map((p) => p.value).join(''),
    tail: parts.slice(end + 1).map((p) => p.value).join(''),
  };
}

/**
 * The number shown in place of a figure's digits while it counts up, for `shown`: same fraction
 * digits, grouping and numbering system as the final number, and never a sign (the final text
 * keeps its own). The words around it ("USD", "million", "%") are the final text's and do not
 * move. (The unit stays the final one's: "1,2 millions" on the way to "31,6 millions", where French
 * says "1,2 million". The moving digits are decoration, hidden from assistive technology.)
 *
 * Nothing is computed until its first call: most figures never count (reduced motion,
 * start="none", a prerendered page, a figure not yet scrolled to), and its formatters are costly.
 */
export function figureTicker(value: number, options: FigureOptions, locale: string): (shown: number) => string {
  let ticker: ((shown: number) => string) | undefined;
  return (shown) => (ticker ??= tickerFor(value, options, locale))(shown);
}

/** `figureTicker`'s function, made. */
function tickerFor(value: number, options: FigureOptions, locale: string): (current: number) => string {
  const { parts, numbers } = partsOf(value, options, locale);
  const [start, end] = numericSpan(parts);
  if (start < 0) return () => '';
  const span = parts.slice(start, end + 1);
  const resolved = numbers.resolvedOptions();
  const numberingSystem = resolved.numberingSystem;
  const fraction = span.find((p) => p.type === 'fraction')?.value ?? '';
  const fractionDigits = [...fraction].length;

  // The number as displayed (31.6 for "31.6 million"), read back through the locale's digits.
  const digitOf = digitMap(locale, numberingSystem);
  const read = (type: string) => span.filter((p) => p.type === type).map((p) => [...p.value].map((c) => digitOf.get(c) ?? '').join('')).join('');
  const shown = Number(`${read('integer') || '0'}.${read('fraction') || '0'}`);
  // The power of ten between the value and its displayed number: 10^6 for "million", 1 otherwise.
  const scale = shown > 0 && value !== 0 ? 10 ** Math.round(Math.log10(Math.abs(value) / shown)) : 1;

  const unsigned = numberFormat(locale, {
    numberingSystem,
    useGrouping: resolved.useGrouping,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: 'never',
  });
  return (current) => unsigned.format(Math.abs(current) / scale);
}

/** Locale digit → ASCII digit, for the numbering system in use (latn, arab, …). */
const digitMap = memoized((locale, numberingSystem: string) => {
  const f = numberFormat(locale, { numberingSystem, useGrouping: false });
  return new Map(Array.from({ length: 10 }, (_, d) => [f.format(d), String(d)] as [string, string]));
});

/** The change from `previous` to `value`: its direction and its size, written for the locale. */
export interface FigureChange {
  direction: 'up' | 'down' | 'same';
  /** "18%" (relative), "3 percentage points" (for percent figures) or "5 million" (from zero). */
  amount: string;
}

/**
 * How a figure changed from `previous`. Percent figures change in percentage points; other figures
 * by a percentage of the previous value, or by the difference itself when the previous value is 0.
 */
export function figureChange(value: number, previous: number, options: FigureOptions, locale: string): FigureChange {
  const diff = value - previous;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const size = Math.abs(diff);
  if (options.format === 'percent') {
    const digits = options.maximumFractionDigits ?? 1;
    const n = numberFormat(locale, { maximumFractionDigits: digits }).format(size);
    return { direction, amount: plural(locale, 'statCounterPoints', size, { n }, { maximumFractionDigits: digits }) };
  }
  if (previous === 0) return { direction, amount: formatFigure(size, options, locale) };
  return { direction, amount: formatPercent((size / Math.abs(previous)) * 100, locale) };
}
