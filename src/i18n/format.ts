/**
 * The ways a figure can be written (a counter's `format`, in its attribute and in data): 31,600,000,
 * 31.6 million, 18% (the value in percent points) or USD 30,000,000. Here, in the core every page
 * loads, because the data reader checks figures against the same list.
 */
export const STAT_FORMATS = ['standard', 'compact', 'percent', 'currency'] as const;
export type StatFormat = (typeof STAT_FORMATS)[number];

/**
 * `make(locale, options)`, made once per locale and options and kept: `Intl` objects are costly
 * to build, and every render (and every frame of a count-up) asks for them.
 */
export function memoized<O, R>(make: (locale: string, options: O) => R): (locale: string, options: O) => R {
  const made = new Map<string, R>();
  return (locale, options) => {
    const key = `${locale}|${JSON.stringify(options)}`;
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(locale, options)));
    return value;
  };
}

/**
 * The locale `Intl` writes digits for. Plain `ar` means Western digits (31.6 مليون): browsers
 * disagree on its default (Chromium and Node write Western digits, WebKit with older locale data
 * Arabic-Indic), and a figure must read the same in every browser and in the prerendered HTML. A
 * tag with a region (`ar-EG`) or a numbering system (`ar-u-nu-arab`) keeps what it asks for.
 */
export function digitsLocale(locale: string): string {
  return /^ar$/i.test(locale) ? 'ar-u-nu-latn' : locale;
}

export const numberFormat = memoized((locale, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  try {
    return new Intl.NumberFormat(digitsLocale(locale), options);
  } catch {
    // An unknown currency code or option value: plain formatting rather than an exception.
    return new Intl.NumberFormat(digitsLocale(locale));
  }
});
const dateFormat = memoized((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(digitsLocale(locale), options));
export const pluralRules = memoized((locale, options: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options));
export const collator = memoized((locale, options: Intl.CollatorOptions) => new Intl.Collator(locale, options));
/** "Sudan, Chad and South Sudan". */
export const listFormat = memoized((locale, options: Intl.ListFormatOptions) => new Intl.ListFormat(locale, options));

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** People figures in lists: the long compact form ("31.6 million"), which readers do not misread as "31.6M" may be. */
export function formatCompact(value: number, locale: string): string {
  return formatNumber(value, locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
}

/** An amount with its currency code: compact ("USD 500M") or whole ("USD 500,000,000"). */
export function formatCurrency(value: number, locale: string, currency = 'USD', compact = true): string {
  return formatNumber(value, locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    // minimumFractionDigits 0: engines before ES2023 pad a compact amount to the currency's digits ("USD 500.0M").
    ...(compact ? { notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  });
}

/**
 * A percentage given in percent points (18 means 18 %), as precise as it must be to stay true:
 * whole from 10 up, one decimal below 10, one significant digit below 1 (0.04 %, never "0%"), and
 * one decimal rounded down between 99 and 100 (99.6 %, never "100%"). `signed` writes "+12%".
 */
export function formatPercent(points: number, locale: string, { signed = false } = {}): string {
  const size = Math.abs(points);
  let shown = points;
  let precision: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
  if (size > 0 && size < 1) precision = { maximumSignificantDigits: 1 };
  else if (size < 10) precision = { maximumFractionDigits: 1 };
  else if (size > 99 && size < 100) {
    shown = Math.sign(points) * (Math.floor(size * 10) / 10);
    precision = { maximumFractionDigits: 1 };
  }
  return formatNumber(shown / 100, locale, { style: 'percent', ...precision, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
}

export function formatDate(value: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(locale, options).format(date);
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
