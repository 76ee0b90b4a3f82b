import { html, isServer, type TemplateResult } from 'lit';
import { safeUrl } from '../data/safe-url.js';
import type { Source } from '../data/validate.js';
import { formatDate, formatYear } from '../i18n/format.js';
import { msg } from '../i18n/words.js';

/**
 * The one source citation of every widget: "Source: IOM, Annual Report 2023" in the locale's
 * words ("Source : …" in French, "المصدر: …" in Arabic), the title a link when the source has a
 * safe URL. The publisher and year are added only when the title does not already say them; the
 * date the figures describe follows, when the source gives it: ", as of 31 May 2024".
 */
export interface SourceText {
  /** The locale's words before the title ("Source: "). */
  lead: string;
  /** "IOM, Annual Report 2023": publisher, title and year, as the source gives them. */
  title: string;
  /** The link, when the source has a safe one. */
  href?: string;
  /** The locale's words after the title: the "as of" date, when the source gives one (", as of 31 May 2024", its separator included). */
  trail: string;
}

/** A source string that is a link rather than a title: `https://…`, `//…`, `/…`, `./…`, `../…`. */
function looksLikeUrl(text: string): boolean {
  return /^(https?:\/\/|\/|\.\.?\/)/i.test(text.trim());
}

/** The words for a source given as a bare URL: its host ("www.iom.int"), or the file name of a relative link. */
function linkTitle(url: string): string {
  try {
    // On the server (prerender) there is no page address; only the last path segment is used.
    const parsed = new URL(url, isServer ? 'http://localhost/' : document.baseURI);
    if (/^(https?:)?\/\//i.test(url)) return parsed.hostname;
    return decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? url);
  } catch {
    return url;
  }
}

/** The pieces of the source line for `source` in `locale`. */
export function sourceText(source: Source, locale: string): SourceText {
  let title: string;
  let href: string | undefined;
  let asOf: string | undefined;
  if (typeof source === 'string') {
    const link = looksLikeUrl(source) ? safeUrl(source) : undefined;
    title = link ? linkTitle(link) : source;
    href = link;
  } else {
    const extra = (part: string | undefined) => (part && !source.title.includes(part) ? part : undefined);
    // The year, unless the title or the "as of" date says it already.
    const year = source.year !== undefined && !source.title.includes(String(source.year)) && !source.asOf?.startsWith(String(source.year)) ? formatYear(source.year, locale) : undefined;
    title = [extra(source.publisher?.trim()), source.title, year].filter(Boolean).join(', ');
    href = safeUrl(source.url);
    if (source.asOf) asOf = msg(locale, 'sourceAsOf', { date: formatDate(source.asOf, locale, { dateStyle: 'long', timeZone: 'UTC' }) });
  }
  const [lead, trail = ''] = msg(locale, 'source', { title: '\u0000' }).split('\u0000');
  return { lead, title, href, trail: asOf ? trail + asOf : trail };
}

/** The source line's content: the words and the title (in `<bdi>`, its own direction), linked when it can be. */
export function sourceContent(source: Source, locale: string): TemplateResult {
  const { lead, title, href, trail } = sourceText(source, locale);
  const name = html`<bdi>${title}</bdi>`;
  return html`${lead}${href ? html`<a href=${href}>${name}</a>` : name}${trail}`;
}

/** The source line as a paragraph, `part="source"`. */
export function renderSource(source: Source, locale: string): TemplateResult {
  return html`<p class="source" part="source">${sourceContent(source, locale)}</p>`;
}

/** Two sources are the same citation (same title, publisher, year and link, or the same text). */
export function sameSource(a: Source | undefined, b: Source | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.title === b.title && a.publisher === b.publisher && a.year === b.year && a.url === b.url && a.asOf === b.asOf;
}

/**
 * Cite a shared source once: the source to show under the whole widget (its own, else the one
 * every item names when there are several items and they all name the same), and the items
 * without the citation that is shown once.
 */
export function citeOnce<I extends { source?: Source }>(items: readonly I[], own?: Source): { source?: Source; items: I[] } {
  const first = items[0]?.source;
  const source = own ?? (items.length > 1 && items.every((item) => sameSource(item.source, first)) ? first : undefined);
  if (source === undefined) return { items: [...items] };
  return {
    source,
    items: items.map((item) => {
      if (!sameSource(item.source, source)) return item;
      const { source: _cited, ...rest } = item;
      return rest as I;
    }),
  };
}
