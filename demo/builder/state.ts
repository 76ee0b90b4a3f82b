// The builder's configuration, and its place in the page address (`?widget=donor-ranking&file=…`),
// so a configuration can be bookmarked and shared: reading the address back restores it.

export const BUILDER_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type BuilderLanguage = (typeof BUILDER_LANGUAGES)[number];
export type SourceKind = 'file' | 'url' | 'paste';

export interface BuilderState {
  /** The builder's own language (and the preview's, unless `previewLang` says otherwise). */
  lang: BuilderLanguage;
  widget: string;
  source: SourceKind;
  /** A file of data/, relative to it: `annual-report-2023.json`, `hxl/top-donors-2023.hxl.csv`. */
  file: string;
  url: string;
  paste: string;
  pointer: string;
  /** Attributes set in the form (unset ones are absent; `''` is a boolean attribute that is on). */
  attributes: Record<string, string>;
  /** Theme: `--iom-*` custom property → value. */
  tokens: Record<string, string>;
  previewLang: BuilderLanguage;
  dir: 'ltr' | 'rtl';
  scheme: 'light' | 'dark';
  /** The script's address on the site that will show the widget. */
  script: string;
  /** Where the data/ files are on that site (the src form's data address is this plus the file). */
  dataBase: string;
}

export const DEFAULTS: BuilderState = {
  lang: 'en',
  widget: 'stat-counter',
  source: 'file',
  file: 'annual-report-2023.json',
  url: '',
  paste: '',
  pointer: '',
  attributes: {},
  tokens: {},
  previewLang: 'en',
  dir: 'ltr',
  scheme: 'light',
  // docs/pasting.md "Get the files", self-hosted: the dist/ folder uploaded as /iom-widgets/, its loader.
  script: '/iom-widgets/iom-widgets.loader.js',
  dataBase: '/data/',
};

/** Pasted data longer than this is left out of the address (browsers and servers cap URLs). */
export const MAX_PASTE_IN_URL = 6000;

const ATTRIBUTE = 'a.';
export const naturalDir = (lang: BuilderLanguage): 'ltr' | 'rtl' => (lang === 'ar' ? 'rtl' : 'ltr');
const isLanguage = (v: string | null): v is BuilderLanguage => (BUILDER_LANGUAGES as readonly string[]).includes(v ?? '');

/** The query string of a state: only what differs from the defaults. */
export function toQuery(state: BuilderState): string {
  const q = new URLSearchParams();
  const scalar = ['lang', 'widget', 'source', 'file', 'url', 'pointer', 'scheme', 'script', 'dataBase'] as const;
  for (const key of scalar) if (state[key] !== DEFAULTS[key]) q.set(key, state[key]);
  // The preview follows the builder's language, and its direction the language's, unless set apart.
  if (state.previewLang !== state.lang) q.set('previewLang', state.previewLang);
  if (state.dir !== naturalDir(state.previewLang)) q.set('dir', state.dir);
  if (state.source === 'paste' && state.paste && state.paste.length <= MAX_PASTE_IN_URL) q.set('paste', state.paste);
  for (const [name, value] of Object.entries(state.attributes)) q.set(`${ATTRIBUTE}${name}`, value);
  for (const [name, value] of Object.entries(state.tokens)) if (value) q.set(name, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The state a query string describes; anything missing or unknown takes its default. */
export function fromQuery(search: string, widgets: readonly string[]): BuilderState {
  const q = new URLSearchParams(search);
  const get = (key: keyof BuilderState) => q.get(key);
  const lang = isLanguage(get('lang')) ? (get('lang') as BuilderLanguage) : DEFAULTS.lang;
  const previewLang = isLanguage(get('previewLang')) ? (get('previewLang') as BuilderLanguage) : lang;
  const source = (['file', 'url', 'paste'] as const).find((s) => s === get('source')) ?? DEFAULTS.source;
  const attributes: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const [key, value] of q) {
    if (key.startsWith(ATTRIBUTE) && /^[a-z][a-z0-9-]*$/.test(key.slice(ATTRIBUTE.length))) attributes[key.slice(ATTRIBUTE.length)] = value;
    else if (/^--iom-[a-z0-9-]+$/.test(key)) tokens[key] = value;
  }
  return {
    lang,
    widget: widgets.includes(get('widget') ?? '') ? get('widget')! : DEFAULTS.widget,
    source,
    file: get('file') ?? DEFAULTS.file,
    url: get('url') ?? '',
    paste: get('paste') ?? '',
    pointer: get('pointer') ?? '',
    attributes,
    tokens,
    previewLang,
    dir: get('dir') === 'rtl' || get('dir') === 'ltr' ? (get('dir') as 'ltr' | 'rtl') : naturalDir(previewLang),
    scheme: get('scheme') === 'dark' ? 'dark' : 'light',
    script: get('script') || DEFAULTS.script,
    dataBase: get('dataBase') ?? DEFAULTS.dataBase,
  };
}
