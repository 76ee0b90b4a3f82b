import { languageOf } from './locale.js';

/**
 * Every word the widgets show that does not come from data, in the four languages of IOM's sites.
 * One table, so a translator edits one file. Placeholders are `{name}`.
 * Each widget keeps its words in its own block, prefixed with the widget's name.
 */
const en = {
  // Shared states
  loading: 'Loading…',
  retry: 'Retry',
  errorTitle: 'This widget could not show its data',
  empty: 'No data to show.',
  showAll: 'Show all {count}',
  showFewer: 'Show fewer',
  source: 'Source: {title}',
  sourceLabel: 'Source',
  notAvailable: 'not available',
  noData: 'No data given: add a src attribute, a data attribute or a <script type="application/json"> inside <{tag}>.',
  // objective-card
  objectiveCardNumber: 'Objective {number}',
  objectiveCardLearnMore: 'Learn more',
  objectiveCardLearnMoreAbout: 'Learn more about {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'Key figures',
} as const;

export type StringKey = keyof typeof en;
type Table = Record<StringKey, string>;

const fr: Table = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  errorTitle: 'Ce module n’a pas pu afficher ses données',
  empty: 'Aucune donnée à afficher.',
  showAll: 'Afficher les {count}',
  showFewer: 'Afficher moins',
  source: 'Source : {title}',
  sourceLabel: 'Source',
  notAvailable: 'non disponible',
  noData: 'Aucune donnée fournie : ajoutez un attribut src, un attribut data ou un <script type="application/json"> dans <{tag}>.',
  // objective-card
  objectiveCardNumber: 'Objectif {number}',
  objectiveCardLearnMore: 'En savoir plus',
  objectiveCardLearnMoreAbout: 'En savoir plus sur {title}',
  objectiveCardLinkAbout: '{label} : {title}',
  objectiveCardFigures: 'Chiffres clés',
};

const es: Table = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  errorTitle: 'Este módulo no pudo mostrar sus datos',
  empty: 'No hay datos para mostrar.',
  showAll: 'Mostrar los {count}',
  showFewer: 'Mostrar menos',
  source: 'Fuente: {title}',
  sourceLabel: 'Fuente',
  notAvailable: 'no disponible',
  noData: 'No se proporcionaron datos: añada un atributo src, un atributo data o un <script type="application/json"> dentro de <{tag}>.',
  // objective-card
  objectiveCardNumber: 'Objetivo {number}',
  objectiveCardLearnMore: 'Más información',
  objectiveCardLearnMoreAbout: 'Más información sobre {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'Cifras clave',
};

const ar: Table = {
  loading: 'جارٍ التحميل…',
  retry: 'إعادة المحاولة',
  errorTitle: 'تعذّر على هذه الأداة عرض بياناتها',
  empty: 'لا توجد بيانات لعرضها.',
  showAll: 'عرض الكل ({count})',
  showFewer: 'عرض أقل',
  source: 'المصدر: {title}',
  sourceLabel: 'المصدر',
  notAvailable: 'غير متاح',
  noData: 'لم تُقدَّم بيانات: أضف السمة src أو السمة data أو <script type="application/json"> داخل <{tag}>.',
  // objective-card
  objectiveCardNumber: 'الهدف {number}',
  objectiveCardLearnMore: 'اعرف المزيد',
  objectiveCardLearnMoreAbout: 'اعرف المزيد عن {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'أرقام رئيسية',
};

export const STRINGS: Record<'en' | 'fr' | 'es' | 'ar', Table> = { en, fr, es, ar };

/** The string `key` in the language of `locale`, with `{placeholders}` filled from `params`. */
export function msg(locale: string, key: StringKey, params?: Record<string, string | number>): string {
  const text: string = STRINGS[languageOf(locale)][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
