// The demo report page's script: the language and theme switches. (Each section's widgets and its
// printed HTML are written into the page from its <template> when the page is served or built:
// see demo/stamp.ts.)
import { LANGUAGE_OPTIONS, THEMES, applyLanguage, applyTheme } from './themes.js';
import { PAGE_STRINGS, type PageStringKey } from './strings.js';

const root = document.documentElement;

/** Translates the page's own words (headings, switches); the widgets translate themselves. */
function translatePage(lang: string): void {
  const table = PAGE_STRINGS[lang as keyof typeof PAGE_STRINGS] ?? PAGE_STRINGS.en;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = table[el.dataset.i18n as PageStringKey];
    if (text !== undefined) el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = table[el.dataset.i18nLabel as PageStringKey];
    if (text !== undefined) el.setAttribute('aria-label', text);
  }
  document.title = table.documentTitle;
  const themeNames = table.themeNames.split('|');
  document.querySelectorAll<HTMLOptionElement>('#theme-switch option').forEach((option, i) => {
    option.textContent = themeNames[i] ?? THEMES[i].label;
  });
}

function setLanguage(lang: string): void {
  applyLanguage(root, lang);
  translatePage(root.lang);
  // The embed builder opens in the page's language.
  document.querySelector('#builder-link')?.setAttribute('href', root.lang === 'en' ? 'builder.html' : `builder.html?lang=${root.lang}`);
}

function setTheme(theme: string): void {
  applyTheme(root, theme);
}

/** Keeps the switches' values in the address (`?lang=ar&theme=dark`), so a view can be shared. */
function remember(name: string, value: string, fallback: string): void {
  const url = new URL(location.href);
  if (value === fallback) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  history.replaceState(null, '', url);
}

function setUpSwitches(): void {
  const params = new URLSearchParams(location.search);
  const languageSelect = document.querySelector<HTMLSelectElement>('#language-switch')!;
  const themeSelect = document.querySelector<HTMLSelectElement>('#theme-switch')!;
  languageSelect.replaceChildren(...LANGUAGE_OPTIONS.map((l) => new Option(l.label, l.id)));
  for (const option of languageSelect.options) option.lang = option.value;
  themeSelect.replaceChildren(...THEMES.map((t) => new Option(t.label, t.id)));

  const lang = LANGUAGE_OPTIONS.find((l) => l.id === params.get('lang'))?.id ?? 'en';
  const theme = THEMES.find((t) => t.id === params.get('theme'))?.id ?? 'default';
  languageSelect.value = lang;
  themeSelect.value = theme;
  setLanguage(lang);
  setTheme(theme);

  languageSelect.addEventListener('change', () => {
    setLanguage(languageSelect.value);
    remember('lang', languageSelect.value, 'en');
  });
  themeSelect.addEventListener('change', () => {
    setTheme(themeSelect.value);
    remember('theme', themeSelect.value, 'default');
  });
}

setUpSwitches();
