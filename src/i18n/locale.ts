import { isServer, type ReactiveControllerHost } from 'lit';
import { serverContext } from '../base/server-context.js';

/** The languages whose words the widgets carry. Formatting works for any locale `Intl` knows. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Walks up from `el`, crossing shadow roots, to the nearest element with a non-empty `lang`. */
function closestLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.assignedSlot ?? node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return undefined;
}

/**
 * On the server (iom-widgets/prerender) an element has no ancestors: its own `lang`, else the
 * page's `lang` that the prerender found for it. (objective-card gives its counters its locale.)
 */
function serverLang(el: Element): string | undefined {
  return el.getAttribute('lang') || serverContext(el)?.lang;
}

// A well-formed tag with a two- or three-letter language: `Intl` formats any such tag (falling back
// by itself when it has no data for it). The check reads the syntax only (getCanonicalLocales):
// asking supportedLocalesOf loaded ICU's locale data on a page's first render (18–20 ms for 100
// counters, see BENCHMARKS.md). Remembered per tag, since every render of every widget asks.
const validLocales = new Map<string, boolean>();
function isValidLocale(tag: string): boolean {
  let valid = validLocales.get(tag);
  if (valid === undefined) {
    try {
      valid = Intl.getCanonicalLocales(tag).length === 1 && /^[a-z]{2,3}(-|$)/i.test(tag);
    } catch {
      valid = false;
    }
    validLocales.set(tag, valid);
  }
  return valid;
}

/**
 * The locale a widget formats for: its `locale` attribute, else the `lang` of the nearest
 * ancestor that has one (across shadow roots), else the document's, else `en`.
 * Invalid tags are skipped rather than thrown by `Intl`.
 */
export function resolveLocale(el: Element, explicit?: string | null): string {
  const candidates = isServer ? [explicit, serverLang(el)] : [explicit, closestLang(el), document.documentElement.lang];
  for (const candidate of candidates) {
    const tag = candidate?.trim();
    if (tag && isValidLocale(tag)) return tag;
  }
  return 'en';
}

/** The language of the string table to use for a locale: its primary subtag when we have it, else English. */
export function languageOf(locale: string): Language {
  const primary = locale.toLowerCase().split(/[-_]/)[0] as Language;
  return (LANGUAGES as readonly string[]).includes(primary) ? primary : 'en';
}

/** Whether the element is laid out right to left (from the inherited CSS `direction`). */
export function isRtl(el: Element): boolean {
  return getComputedStyle(el).direction === 'rtl';
}

// One observer for the whole page: when any `lang` or `dir` attribute changes (a language switch),
// every connected widget re-resolves its locale.
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

export function watchLanguage(host: ReactiveControllerHost): () => void {
  hosts.add(host);
  if (!observer) {
    observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
  }
  return () => {
    hosts.delete(host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
