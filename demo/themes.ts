// The themes of demo/themes.css and the languages, as the demo page and Storybook list them.

export interface ThemeOption {
  /** Value of the data-iom-theme attribute (`default` sets none). */
  id: string;
  label: string;
}

export const THEMES: readonly ThemeOption[] = [
  { id: 'default', label: 'Default (IOM blue)' },
  { id: 'dark', label: 'Dark' },
  { id: 'regional-warm', label: 'Regional example: warm' },
  { id: 'regional-ocean', label: 'Regional example: ocean' },
];

export interface LanguageOption {
  /** BCP 47 tag, for lang. */
  id: string;
  /** The language's own name. */
  label: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGE_OPTIONS: readonly LanguageOption[] = [
  { id: 'en', label: 'English', dir: 'ltr' },
  { id: 'fr', label: 'Français', dir: 'ltr' },
  { id: 'es', label: 'Español', dir: 'ltr' },
  { id: 'ar', label: 'العربية', dir: 'rtl' },
];

/** Applies a theme to an element (usually <html>): sets or removes data-iom-theme. */
export function applyTheme(el: HTMLElement, theme: string): void {
  if (theme && theme !== 'default') el.dataset.iomTheme = theme;
  else delete el.dataset.iomTheme;
}

/** Applies a language to an element: lang, and dir from the language. */
export function applyLanguage(el: HTMLElement, lang: string): void {
  const option = LANGUAGE_OPTIONS.find((l) => l.id === lang) ?? LANGUAGE_OPTIONS[0];
  el.lang = option.id;
  el.dir = option.dir;
}
