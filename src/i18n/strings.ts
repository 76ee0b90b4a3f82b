import { pluralRules } from './format.js';
import { languageOf, type Language } from './locale.js';
import type { donorRankingEn } from './strings/en-donor-ranking.js';
import type { emergencyListEn } from './strings/en-emergency-list.js';
import type { objectiveCardEn } from './strings/en-objective-card.js';
import type { statCounterEn } from './strings/en-stat-counter.js';

/**
 * Every word the widgets show that does not come from data, in the four languages of IOM's sites:
 * English: the shared words here, each widget's own in `strings/en-<widget>.ts` (so a page of
 * counters carries only the counter's words; the widget's module that its others import adds
 * them, `addEnglish`). French, Spanish and Arabic in `strings/fr.ts`, `es.ts`, `ar.ts` (one table per language, each with every
 * key: TypeScript checks them). Placeholders are `{name}`. Keys are prefixed with the widget's name.
 */
const shared = {
  // Shared states
  retry: 'Retry',
  errorTitle: 'This widget could not show its data',
  empty: 'No data to show.',
  showAll: 'Show all {count}',
  showFewer: 'Show fewer',
  source: 'Source: {title}',
  sourceLabel: 'Source',
  attributeWarning: 'Attribute ignored:',
  notAvailable: 'not available',
  noData: 'No data given: add a src attribute, a data attribute or a <script type="application/json"> inside <{tag}>.',
} as const;

/**
 * A string that depends on a count: one form per plural category of the language (CLDR: `zero`,
 * `one`, `two`, `few`, `many`, `other`), picked with `Intl.PluralRules`. `other` is required.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

type English = typeof shared & typeof emergencyListEn & typeof donorRankingEn & typeof objectiveCardEn & typeof statCounterEn;
/** The keys of plain strings. */
export type StringKey = { [K in keyof English]: English[K] extends string ? K : never }[keyof English] | 'loading';
/** The keys of strings with plural forms. */
export type PluralKey = { [K in keyof English]: English[K] extends string ? never : K }[keyof English];
export type Table = { [K in keyof English]: English[K] extends string ? string : PluralForms };




// English is in every page: it is the words of every locale without a table of its own (`de`,
// `pt`…). The other languages are loaded when a widget first shows one (`loadStrings`). Each
// widget's English block joins it from that widget's modules (`addEnglish`).
const en = { ...shared } as unknown as Table;
const tables: Partial<Record<Language, Table>> = { en };

/** Adds a widget's English words (`strings/en-<widget>.ts`), from the widget's module that its others import. */
export function addEnglish(block: Partial<Table>): void {
  Object.assign(en, block);
}
// "Loading…" in every language, here: it is what a widget says while its language's words load.
const LOADING: Record<Language, string> = { en: 'Loading…', fr: 'Chargement…', es: 'Cargando…', ar: 'جارٍ التحميل…' };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Table>> = {
  fr: () => import('./strings/fr.js').then((m) => m.fr),
  es: () => import('./strings/es.js').then((m) => m.es),
  ar: () => import('./strings/ar.js').then((m) => m.ar),
};
const loading = new Map<Language, Promise<void>>();

/** Whether the words of `locale`'s language are here (English always is). */
export function hasStrings(locale: string): boolean {
  return tables[languageOf(locale)] !== undefined;
}

/** Loads the words of `locale`'s language, once per page. */
export function loadStrings(locale: string): Promise<void> {
  const language = languageOf(locale);
  if (tables[language]) return Promise.resolve();
  let promise = loading.get(language);
  if (!promise) {
    promise = loaders[language as Exclude<Language, 'en'>]().then(
      (table) => {
        tables[language] = table;
      },
      (error: unknown) => {
        // Offline, or the file is missing: the widget's own words in English rather than none.
        console.warn(`iom-widgets: the ${language} words could not be loaded (${error instanceof Error ? error.message : String(error)}); showing English.`);
        tables[language] = en;
      },
    );
    loading.set(language, promise);
  }
  return promise;
}

/** Puts a language's table in place (the server-side prerender, which cannot wait, gives all four). */
export function addStrings(language: Language, table: Table): void {
  tables[language] = table;
}

function table(locale: string): Table {
  return tables[languageOf(locale)] ?? en;
}

/** The string `key` in the language of `locale`, with `{placeholders}` filled from `params`. */
export function msg(locale: string, key: StringKey, params?: Record<string, string | number>): string {
  return key === 'loading' ? LOADING[languageOf(locale)] : fill(entry(locale, key) as string, params);
}

const missing = new Set<string>();
/** The table's entry for `key`, else English's; a key in neither (a widget's words not added) is said once and shown as itself. */
function entry(locale: string, key: keyof Table): Table[keyof Table] {
  const found = table(locale)[key] ?? en[key];
  if (found !== undefined) return found;
  if (!missing.has(key)) {
    missing.add(key);
    console.warn(`iom-widgets: no words for "${key}" (its widget's English block was not added: see addEnglish)`);
  }
  return key;
}

/**
 * The form of the string `key` for `count` in the language of `locale` (`Intl.PluralRules`, with
 * `rules` for counts written with decimals), with `{placeholders}` filled from `params`.
 */
export function plural(locale: string, key: PluralKey, count: number, params?: Record<string, string | number>, rules?: Intl.PluralRulesOptions): string {
  const found = entry(locale, key);
  const forms: PluralForms = typeof found === 'string' ? { other: found } : found;
  return fill(forms[pluralRules(locale, rules).select(count)] ?? forms.other, params);
}

function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
