// What <donor-ranking> shows, as pure functions of its data and options: the rows and the limit,
// the groups by type, each donor's share and change, and the words and figures in a locale. No DOM
// here: these are tested without a browser and run the same in the prerender.
import { formatCurrency, formatNumber, formatPercent, formatYear } from '../i18n/format.js';
import { msg } from '../i18n/words.js';
import type { Donor, DonorRankingData } from './donor-ranking.data.js';

export interface Row {
  donor: Donor;
  /** 1-based position in the data (the rank, when the list is a ranking). */
  rank: number;
  highlighted: boolean;
  /** Shown although past the limit, because it is the highlighted donor. */
  shownPastLimit: boolean;
  /** Past the limit: hidden on screen until "Show all", printed all the same. */
  pastLimit: boolean;
}

export interface Group {
  name: string;
  /** All donors of this type in the data (the subtotal is over them all). */
  count: number;
  subtotal?: number;
  /** The rows of this type, in order (those past the limit are printed but not shown on screen). */
  rows: Row[];
}

export type Change = { kind: 'up' | 'down'; points: number } | { kind: 'same' } | { kind: 'new' };

/** What the layout depends on besides the data. */
export interface LayoutOptions {
  /** The locale of the update (numbers, words, case-insensitive matching). */
  locale: string;
  /** How many donors to show before "Show all"; 0 shows all. */
  limit: number;
  /** The donor to emphasise, by name in any case. */
  highlight?: string;
  groupByType: boolean;
  /** "Show all" was chosen. */
  expanded: boolean;
}

export interface Layout {
  data: DonorRankingData;
  locale: string;
  title: string;
  ranked: boolean;
  currency: string;
  hasAmounts: boolean;
  hasShare: boolean;
  hasChange: boolean;
  hasTypes: boolean;
  /** The largest amount: a full-length bar. */
  max: number;
  /** Every row, in order; those past the limit (`pastLimit`) are printed but not shown on screen. */
  rows: Row[];
  /** The rows shown on screen, in order (what the chart draws). */
  shown: Row[];
  /** Donors in the data. */
  count: number;
  /** There are more donors than the limit: a "Show all" / "Show fewer" button. */
  canLimit: boolean;
  /** Whether the limit hides some donors right now. */
  limited: boolean;
  expanded: boolean;
  groups?: Group[];
}

const layouts = new WeakMap<DonorRankingData, Map<string, Layout>>();

/**
 * The layout of `data` with `options`, the same object for the same data object and options: the
 * render and the chart after it share one, and nothing is recomputed while neither changes.
 */
export function layoutFor(data: DonorRankingData, options: LayoutOptions): Layout {
  const key = JSON.stringify([options.locale, options.limit, options.highlight ?? '', options.groupByType, options.expanded]);
  let byOptions = layouts.get(data);
  if (!byOptions) layouts.set(data, (byOptions = new Map()));
  let layout = byOptions.get(key);
  if (!layout) byOptions.set(key, (layout = computeLayout(data, options)));
  return layout;
}

/** The donor named `wanted` (any case, in `locale`), if the data has one. */
export function findDonor(donors: readonly Donor[], wanted: string | undefined, locale: string): Donor | undefined {
  const name = wanted?.trim().toLocaleLowerCase(locale);
  return name ? donors.find((d) => d.name.toLocaleLowerCase(locale) === name) : undefined;
}

function computeLayout(data: DonorRankingData, { locale, limit, highlight, groupByType, expanded }: LayoutOptions): Layout {
  const wanted = highlight?.trim().toLocaleLowerCase(locale);
  const canLimit = limit > 0 && data.donors.length > limit;
  const limited = canLimit && !expanded;
  // Every donor is rendered: the limit hides the rest on screen only, so a printout has them all
  // (a print stylesheet cannot run "Show all"). The highlighted donor is shown past the limit.
  const rows: Row[] = data.donors.map((donor, i) => {
    const highlighted = !!wanted && donor.name.toLocaleLowerCase(locale) === wanted;
    const past = limited && i >= limit;
    return { donor, rank: i + 1, highlighted, shownPastLimit: past && highlighted, pastLimit: past && !highlighted };
  });
  const amounts = data.donors.map((d) => d.amount).filter((a): a is number => a !== undefined);
  const hasAmounts = amounts.length > 0;
  const year = data.year;
  const baseTitle = data.title ?? msg(locale, 'donorRankingTitle');
  return {
    data,
    locale,
    title: year !== undefined && !baseTitle.includes(String(year)) ? `${baseTitle}, ${formatYear(year, locale)}` : baseTitle,
    ranked: data.order !== 'alphabetical',
    currency: data.currency ?? 'USD',
    hasAmounts,
    hasShare: hasAmounts && data.total !== undefined && data.total > 0,
    hasChange: data.donors.some((d) => d.amount !== undefined && d.previousAmount !== undefined),
    hasTypes: data.donors.some((d) => !!d.type),
    max: Math.max(0, ...amounts),
    rows,
    shown: rows.filter((r) => !r.pastLimit),
    count: rows.length,
    canLimit,
    limited,
    expanded,
    groups: groupByType ? groupRows(rows, hasAmounts, msg(locale, 'donorRankingOtherType')) : undefined,
  };
}

/** The rows by type: largest subtotal first when there are amounts, else in order of each type's best rank; untyped last, as `other`. */
export function groupRows(rows: readonly Row[], hasAmounts: boolean, other: string): Group[] {
  const groups = new Map<string, Group & { first: number }>();
  for (const row of rows) {
    const key = row.donor.type?.trim() || '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: key || other, count: 0, rows: [], first: row.rank }));
    g.count++;
    if (row.donor.amount !== undefined) g.subtotal = (g.subtotal ?? 0) + row.donor.amount;
    g.rows.push({ ...row, shownPastLimit: false });
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0) || (hasAmounts ? (b.subtotal ?? 0) - (a.subtotal ?? 0) : 0) || a.first - b.first)
    .map(([, { first: _first, ...g }]) => g);
}

/** The change from `previousAmount` to `amount`, when the donor has both. */
export function changeOf(d: Donor): Change | undefined {
  if (d.amount === undefined || d.previousAmount === undefined) return undefined;
  if (d.previousAmount === 0) return { kind: d.amount === 0 ? 'same' : 'new' };
  const points = ((d.amount - d.previousAmount) / d.previousAmount) * 100;
  if (Math.abs(points) < 0.05) return { kind: 'same' };
  return { kind: points > 0 ? 'up' : 'down', points: Math.abs(points) };
}

// ---- Figures and words in the layout's locale ---------------------------------------------------

/** An amount in the list's currency: compact ("USD 500M") or exact. */
export function money(value: number, l: Layout, compact = true): string {
  return formatCurrency(value, l.locale, l.currency, compact);
}

/** A whole number in the locale's digits ("500,000,000"): the table's exact amounts. */
export function exact(value: number, locale: string): string {
  return formatNumber(value, locale, { maximumFractionDigits: 0 });
}

/** `amount`'s share of the total ("25%", "0.4%"), when the data has a total. */
export function share(amount: number | undefined, l: Layout): string | undefined {
  if (!l.hasShare || amount === undefined) return undefined;
  return formatPercent((amount / l.data.total!) * 100, l.locale);
}

/** "25% of total", when the data has a total. */
export function shareOf(amount: number | undefined, l: Layout): string | undefined {
  const value = share(amount, l);
  return value ? msg(l.locale, 'donorRankingShareOf', { value }) : undefined;
}

/** The year the change is from ("2022"), or "the previous year" when the data has no year. */
export function previousYear(l: Layout): string {
  return l.data.year !== undefined ? formatYear(l.data.year - 1, l.locale) : msg(l.locale, 'donorRankingPreviousYear');
}

/** "up 12% from 2022", for screen readers and the tooltip. */
export function changeText(c: Change, l: Layout): string {
  const year = previousYear(l);
  switch (c.kind) {
    case 'up':
      return msg(l.locale, 'donorRankingUp', { value: formatPercent(c.points, l.locale), year });
    case 'down':
      return msg(l.locale, 'donorRankingDown', { value: formatPercent(c.points, l.locale), year });
    case 'same':
      return msg(l.locale, 'donorRankingSame', { year });
    default:
      return msg(l.locale, 'donorRankingNew', { year });
  }
}

/** "+12%", "−5%", "0%", "new": the short visible form. */
export function changeShort(c: Change, locale: string): string {
  if (c.kind === 'new') return msg(locale, 'donorRankingNewShort');
  if (c.kind === 'same') return formatPercent(0, locale);
  return formatPercent(c.kind === 'up' ? c.points : -c.points, locale, { signed: true });
}

/** "Donors: 7" in the locale's digits. */
export function donorCount(count: number, locale: string): string {
  return msg(locale, 'donorRankingCount', { count: formatNumber(count, locale) });
}

/** A group's head: "Donors: 7 · USD 1.2B · 40% of total". */
export function groupSummary(g: Group, l: Layout): string {
  const parts = [donorCount(g.count, l.locale)];
  if (g.subtotal !== undefined) {
    parts.push(money(g.subtotal, l));
    const ofTotal = shareOf(g.subtotal, l);
    if (ofTotal) parts.push(ofTotal);
  }
  return parts.join(' · ');
}

/** The chart's tooltip lines for a donor: amount, share, change. */
export function tooltipLines(d: Donor, l: Layout): string[] {
  if (d.amount === undefined) return [msg(l.locale, 'notAvailable')];
  const lines = [money(d.amount, l)];
  const ofTotal = shareOf(d.amount, l);
  if (ofTotal) lines.push(ofTotal);
  const change = changeOf(d);
  if (change) lines.push(changeText(change, l));
  return lines;
}
