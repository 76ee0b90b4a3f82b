// What <emergency-list> shows, as plain data: the emergencies of one data value in one locale
// (search text, level rank, figures to sort by, filter menus), and which of them match a search,
// filters and sort. Pure: no DOM, no Lit, so it runs anywhere (browser, server, tests) and is
// tested on its own. Results are memoised by identity: the same data and locale give the same
// Model, the same Model and question give the same View.
import { citeOnce } from '../base/source-line.js';
import { collator } from '../i18n/format.js';
import type { Source } from '../data/validate.js';
import type { Emergency, EmergencyListData } from './emergency-list.data.js';

/** The orders `sort` accepts. Each has one natural direction; entries without the figure go last. */
export const EMERGENCY_SORTS = ['name', 'level', 'people', 'funding-gap', 'updated'] as const;
export type EmergencySort = (typeof EMERGENCY_SORTS)[number];

/** The fields `filters` can offer a menu for. */
export const EMERGENCY_FILTERS = ['region', 'level', 'type'] as const;
export type EmergencyFilter = (typeof EMERGENCY_FILTERS)[number];
/** No filter chosen: every menu on "all". */
export const NO_FILTERS: Readonly<Record<EmergencyFilter, string>> = { region: '', level: '', type: '' };

/** One emergency with what searching, filtering, sorting and its badge need. */
export interface Entry {
  readonly e: Emergency;
  /** Its place in the data (the key of its item, and the tie-breaker of every sort). */
  readonly index: number;
  /** Folded text (see `foldText`) of every searchable field. */
  readonly search: string;
  /** Level rank, higher is more severe; undefined without a level. */
  readonly rank?: number;
  /** The badge colour: numbered levels by number, response categories `other`. */
  readonly tone?: 'l3' | 'l2' | 'l1' | 'other';
  /** The widest people figure given (affected, else in need, targeted, reached). */
  readonly people?: number;
  /** Appeal minus funding received (0 when fully funded), when both are known. */
  readonly gap?: number;
  /** Last update, in ms since the epoch. */
  readonly updated?: number;
  readonly values: Readonly<Record<EmergencyFilter, string | undefined>>;
}

/** Everything derived from one data value in one locale. */
export interface Model {
  readonly data: EmergencyListData;
  readonly locale: string;
  readonly entries: readonly Entry[];
  /** The distinct values of each filter field: levels from most to least severe, others alphabetically. */
  readonly options: Readonly<Record<EmergencyFilter, readonly string[]>>;
  /** Whether any emergency has the figure each order sorts by. */
  readonly has: Readonly<Record<EmergencySort, boolean>>;
  /** The entries in an order (`''`: the data's), each order sorted once, the first time it is asked for. */
  order(sort: EmergencySort | ''): readonly Entry[];
  /** The source every emergency names, when they all name the same one: shown once, under the list. */
  readonly sharedSource?: Source;
}

/** The entries that match a search and filters, in the order asked for. */
export interface View {
  readonly model: Model;
  readonly matches: readonly Entry[];
}

/** Lower case, accents and other marks removed, so "turkiye" finds "TÜRKİYE" and "cote" finds "Côte". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ');
}

/** `L3`, `Level 2`, `L-1` → 3, 2, 1; anything else → undefined. */
export function levelNumber(level: string): number | undefined {
  const m = /^(?:l|level)\s*-?\s*(\d{1,2})$/i.exec(level.trim());
  return m ? Number(m[1]) : undefined;
}

/** The words of a search: folded, every one must match. */
export function searchTokens(query: string): string[] {
  return foldText(query).trim().split(' ').filter(Boolean);
}

/** The words of a `filters` attribute (space or comma separated, any case). */
export function filterWords(value: string | null | undefined): string[] {
  return (value ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
}

/** The known filters a `filters` attribute names, once each, in its order. */
export function parseFilters(value: string | null | undefined): EmergencyFilter[] {
  return [...new Set(filterWords(value))].filter((word): word is EmergencyFilter => (EMERGENCY_FILTERS as readonly string[]).includes(word));
}

const models = new WeakMap<EmergencyListData, Map<string, Model>>();

/** The model of `data` in `locale` (the locale sorts names and filter values); made once per data value and locale. */
export function modelFor(data: EmergencyListData, locale: string): Model {
  let byLocale = models.get(data);
  if (!byLocale) models.set(data, (byLocale = new Map()));
  let model = byLocale.get(locale);
  if (!model) byLocale.set(locale, (model = makeModel(data, locale)));
  return model;
}

function makeModel(data: EmergencyListData, locale: string): Model {
  const categories = new Map<string, number>();
  const entries = data.emergencies.map((e, index): Entry => {
    let rank: number | undefined;
    let tone: Entry['tone'];
    if (e.level) {
      const n = levelNumber(e.level);
      if (n !== undefined) {
        rank = 1000 + n;
        tone = n >= 3 ? 'l3' : n === 2 ? 'l2' : n === 1 ? 'l1' : 'other';
      } else {
        // Response categories ("Significant crisis response") rank after numbered levels, in the order the data gives them.
        const key = foldText(e.level);
        if (!categories.has(key)) categories.set(key, categories.size);
        rank = 999 - categories.get(key)!;
        tone = 'other';
      }
    }
    const countries = ([] as string[]).concat(e.country ?? []);
    const iso3 = ([] as string[]).concat(e.iso3 ?? []);
    const updated = e.updated ? Date.parse(e.updated) : undefined;
    return {
      e,
      index,
      search: foldText([e.name, ...countries, ...iso3, e.region, e.level, e.type, e.summary].filter(Boolean).join('\n')),
      rank,
      tone,
      people: e.peopleAffected ?? e.peopleInNeed ?? e.peopleTargeted ?? e.peopleReached,
      gap: e.appeal !== undefined && e.funded !== undefined && e.appeal > 0 ? Math.max(0, e.appeal - e.funded) : undefined,
      updated: Number.isFinite(updated) ? updated : undefined,
      values: { region: e.region || undefined, level: e.level || undefined, type: e.type || undefined },
    };
  });

  const names = collator(locale, { sensitivity: 'base', numeric: true });
  const distinct = (key: EmergencyFilter): string[] => {
    const seen = new Map<string, Entry>();
    for (const entry of entries) {
      const value = entry.values[key];
      if (value !== undefined && !seen.has(value)) seen.set(value, entry);
    }
    const values = [...seen.keys()];
    return key === 'level' ? values.sort((a, b) => seen.get(b)!.rank! - seen.get(a)!.rank!) : values.sort(names.compare);
  };

  // Numbers from largest to smallest, missing last; ties keep the data's order.
  const byNumber = (pick: (e: Entry) => number | undefined) =>
    [...entries].sort((a, b) => {
      const x = pick(a);
      const y = pick(b);
      if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? 1 : -1;
      return y - x || a.index - b.index;
    });
  const sorters: Record<EmergencySort, () => Entry[]> = {
    name: () => [...entries].sort((a, b) => names.compare(a.e.name, b.e.name) || a.index - b.index),
    level: () => byNumber((x) => x.rank),
    people: () => byNumber((x) => x.people),
    'funding-gap': () => byNumber((x) => x.gap),
    updated: () => byNumber((x) => x.updated),
  };
  const orders = new Map<EmergencySort | '', readonly Entry[]>([['', entries]]);

  return {
    data,
    locale,
    entries,
    options: { region: distinct('region'), level: distinct('level'), type: distinct('type') },
    has: {
      name: true,
      level: entries.some((x) => x.rank !== undefined),
      people: entries.some((x) => x.people !== undefined),
      'funding-gap': entries.some((x) => x.gap !== undefined),
      updated: entries.some((x) => x.updated !== undefined),
    },
    order(sort) {
      let sorted = orders.get(sort);
      if (!sorted) orders.set(sort, (sorted = sorters[sort as EmergencySort]()));
      return sorted;
    },
    sharedSource: citeOnce(data.emergencies).source,
  };
}

/** The filter menus worth showing among `requested`: those with at least two values in the data. */
export function offeredFilters(model: Model, requested: readonly EmergencyFilter[]): EmergencyFilter[] {
  return requested.filter((key) => model.options[key].length >= 2);
}

/** The orders a sort menu offers: the data's own, those the data has figures for, and `current` in any case. */
export function offeredSorts(model: Model, current: EmergencySort | ''): (EmergencySort | '')[] {
  return (['', ...EMERGENCY_SORTS] as const).filter((s) => s === '' || model.has[s] || s === current);
}

// A few recent questions per model: elements sharing one data value each keep their own View.
const VIEWS_KEPT = 8;
const views = new WeakMap<Model, Map<string, View>>();

/**
 * The entries of `model` that match, in the order `sort`: the value chosen in each filter menu
 * (`''` or a value the data does not have: no filtering by it) and every word of `tokens` (see
 * `searchTokens`). The same model and question give the same View object.
 */
export function viewOf(
  model: Model,
  sort: EmergencySort | '',
  chosen: Partial<Record<EmergencyFilter, string>>,
  tokens: readonly string[],
): View {
  // A choice the current data no longer offers (the data changed) is ignored rather than hiding everything.
  const filters = EMERGENCY_FILTERS.map((key) => [key, chosen[key] ?? ''] as const).filter(([key, value]) => value !== '' && model.options[key].includes(value));
  const key = JSON.stringify([sort, filters, tokens]);
  let memo = views.get(model);
  if (!memo) views.set(model, (memo = new Map()));
  const known = memo.get(key);
  if (known) {
    // Most recently used last.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const ordered = model.order(sort);
  const matches =
    filters.length === 0 && tokens.length === 0
      ? ordered
      : ordered.filter((entry) => filters.every(([k, value]) => entry.values[k] === value) && tokens.every((t) => entry.search.includes(t)));
  const view: View = { model, matches };
  memo.set(key, view);
  if (memo.size > VIEWS_KEPT) memo.delete(memo.keys().next().value!);
  return view;
}
