// Reads the numbers in a source's words ("over 31 Million people", "USD 1,552 million", "five
// percent", "~345,000") so a figure can be checked against the quote it carries. Shared by
// scripts/check-data-sources.mjs (against the seed texts) and test/data-files.test.ts (in CI).

const WORDS = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const SCALE = { thousand: 1e3, million: 1e6, billion: 1e9 };
const NUMBER = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)(\s*(?:thousand|million|billion)s?)?(\s*(?:%|per\s?cent\b))?/gi;

/**
 * The qualifier words a source puts before a number, and the `prefix` values of a figure that say
 * the same thing. A number with a qualifier needs a prefix, and a prefix needs a qualifier.
 */
export const QUALIFIERS = [
  { words: ['more than', 'over', '+'], prefixes: ['Over', 'More than'] },
  { words: ['nearly', 'almost'], prefixes: ['Nearly', 'Almost'] },
  { words: ['about', 'around', 'approximately', '~'], prefixes: ['About', 'Around', 'Approximately'] },
  { words: ['some'], prefixes: ['Some'] },
  { words: ['no.'], prefixes: ['No.'] },
];

/**
 * Every number in `text`: its value (scale words applied: "31 Million" is 31000000), whether it is
 * a percentage, and the qualifier written just before it ("over", "~", "+", …), if any.
 * @param {string} text
 * @returns {{ value: number, text: string, percent: boolean, qualifier: string | null }[]}
 */
export function numbersIn(text) {
  const found = [];
  for (const m of text.matchAll(NUMBER)) {
    const digits = m[1].toLowerCase();
    let value = digits in WORDS ? WORDS[digits] : Number(digits.replace(/,/g, ''));
    const scale = m[2]?.trim().toLowerCase().replace(/s$/, '');
    if (scale) value = Math.round(value * SCALE[scale]);
    const before = text.slice(0, m.index).toLowerCase().trimEnd();
    const qualifier = QUALIFIERS.flatMap((q) => q.words).find((w) => before.endsWith(w) && (/^\W/.test(w) || !/[a-z]/.test(before.at(-w.length - 1) ?? ''))) ?? null;
    found.push({ value, text: m[0].trim(), percent: !!m[3], qualifier });
  }
  return found;
}

/**
 * What is wrong with a figure against its quote, or an empty list: the value must be a number of
 * the quote (a percentage when the figure's format is "percent", not one otherwise), with a prefix
 * when the quote qualifies that number and only then.
 * @param {{ value: number, quote?: string, prefix?: string, format?: string, currency?: string }} figure
 * @returns {string[]}
 */
export function checkFigureAgainstQuote(figure) {
  if (typeof figure.quote !== 'string' || figure.quote.trim() === '') return ['has no quote (the words of the source it is taken from)'];
  const problems = [];
  const percent = figure.format === 'percent';
  const candidates = numbersIn(figure.quote).filter((n) => n.value === figure.value && n.percent === percent);
  if (candidates.length === 0) {
    const seen = numbersIn(figure.quote).map((n) => n.text).join(', ') || 'none';
    return [`value ${figure.value}${percent ? ' (percent)' : ''} is not a number of its quote "${figure.quote}" (numbers there: ${seen})`];
  }
  const fits = candidates.some((n) => {
    if (!n.qualifier) return figure.prefix === undefined;
    const q = QUALIFIERS.find((x) => x.words.includes(n.qualifier));
    return figure.prefix !== undefined && q.prefixes.includes(figure.prefix);
  });
  if (!fits) {
    const n = candidates[0];
    problems.push(
      n.qualifier
        ? `the quote says "${n.qualifier} ${n.text}" but the figure's prefix is ${figure.prefix === undefined ? 'missing' : `"${figure.prefix}"`}`
        : `has prefix "${figure.prefix}" but the quote says plainly "${n.text}"`,
    );
  }
  if (/(^|[^\d.,])0(?![\d.,])/.test(figure.quote)) problems.push(`its quote "${figure.quote}" holds a 0 placeholder`);
  if (figure.currency === 'USD' && !/\bUSD\b|US dollar/.test(figure.quote)) problems.push('is an amount in USD but its quote names no currency');
  return problems;
}
