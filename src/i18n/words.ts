import { once, type OnDemand } from '../base/once.js';
import { pluralRules } from './format.js';
import { languageOf, type Language } from './locale.js';
import { en, type PluralForms, type Words } from './words/en.js';

export type { PluralForms, Words };
/** The keys of plain words. */
export type WordKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];
/** The keys of words with plural forms. */
export type PluralKey = Exclude<keyof Words, WordKey>;

/** French, Spanish and Arabic load when a widget first shows one; English is always here. */
const loaders = {
  fr: once(() => import('./words/fr.js'), (m) => m.fr),
  es: once(() => import('./words/es.js'), (m) => m.es),
  ar: once(() => import('./words/ar.js'), (m) => m.ar),
} satisfies Record<Exclude<Language, 'en'>, OnDemand<Words>>;

const NAMES: Record<Language, string> = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' };

/** The table of `locale`'s language, once it has loaded (English for a language without one). */
function tableOf(locale: string): Words | undefined {
  const language = languageOf(locale);
  return language === 'en' ? en : loaders[language].loaded;
}

/** Whether the words of `locale`'s language are here. */
export function hasWords(locale: string): boolean {
  return tableOf(locale) !== undefined;
}

/** Loads the words of `locale`'s language (once per page); rejects when they cannot be loaded. */
export async function loadWords(locale: string): Promise<void> {
  const language = languageOf(locale);
  if (language !== 'en') await loaders[language]();
}

/** The English name of `locale`'s language, for messages: "French". */
export function languageName(locale: string): string {
  return NAMES[languageOf(locale)];
}

/** The words `key` in the language of `locale` (English until its table loads), `{placeholders}` filled from `params`. */
export function msg(locale: string, key: WordKey, params?: Record<string, string | number>): string {
  return fill((tableOf(locale) ?? en)[key], params);
}

/**
 * The form of `key` for `count` in the language of `locale` (`Intl.PluralRules`, with `rules` for
 * counts written with decimals), `{placeholders}` filled from `params`.
 */
export function plural(locale: string, key: PluralKey, count: number, params?: Record<string, string | number>, rules: Intl.PluralRulesOptions = {}): string {
  const forms: PluralForms = (tableOf(locale) ?? en)[key];
  return fill(forms[pluralRules(locale, rules).select(count)] ?? forms.other, params);
}

function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
