// Intl formatters are costly to build and are asked for on every render and animation frame:
// keep one per (locale, options).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRulesCache = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

/** Cached `Intl.PluralRules` (asked for on every render of a count). */
export function pluralRules(locale: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  const key = `${locale}|${JSON.stringify(options)}`;
  let r = pluralRulesCache.get(key);
  if (!r) {
    r = new Intl.PluralRules(locale, options);
    pluralRulesCache.set(key, r);
  }
  return r;
}

/** Cached `Intl.ListFormat` ("Sudan, Chad and South Sudan"). */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = listFormats.get(key);
  if (!f) {
    f = new Intl.ListFormat(locale, options);
    listFormats.set(key, f);
  }
  return f;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      // An unknown currency code or option value: fall back to plain formatting rather than throw.
      f = new Intl.NumberFormat(locale);
    }
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** Compact form for people figures in lists: "31.6M" style is ambiguous to readers, so use long compact. */
export function formatCompact(value: number, locale: string, maximumFractionDigits = 1): string {
  return formatNumber(value, locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits });
}

export function formatCurrency(
  value: number,
  locale: string,
  currency = 'USD',
  compact = true,
): string {
  return formatNumber(value, locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    ...(compact ? { notation: 'compact', compactDisplay: 'short', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  });
}

/** Percent points (18 means 18 %), the way report figures are written. */
export function formatPercent(points: number, locale: string, maximumFractionDigits = 0): string {
  return formatNumber(points / 100, locale, { style: 'percent', maximumFractionDigits });
}

export function formatDate(value: string | number | Date, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, f);
  }
  return f.format(date);
}

/** A year in the locale's digits, without grouping: "2023", "٢٠٢٣". */
export function formatYear(year: number, locale: string): string {
  return formatNumber(year, locale, { useGrouping: false });
}

/**
 * Wraps text from data in Unicode isolates where it goes inside a sentence of ours or a canvas
 * label, so an English name keeps its order in an Arabic sentence and the other way round.
 * (In markup, the widgets use `<bdi>`.)
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
