/// <reference types="node" />
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type Template = DefaultTreeAdapterMap['template'];

// The fallback content is the widget's own rendering reduced to plain, unstyled HTML: the words and
// figures of its shadow DOM, in its paragraphs, headings, lists and tables, without its controls
// (they need the script), decoration (aria-hidden) or styling hooks (class, part, id: an id of the
// shadow DOM would clash with the page's). So the fallback always says what the widget shows.
// Without the controls, their labels go too, and so does what only describes them (marked
// `data-fallback="omit"`: the list's "6 of 10 emergencies"). A ranking numbers its own rows (ties
// share a rank), so its `ol` is written as a `ul`: the browser would number them a second time.
const KEEP = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd a strong em b i bdi bdo div table caption thead tbody tfoot tr th td article section small abbr time q cite sup sub br'.split(' '),
);
const DROP = new Set('style link script template button input select textarea label canvas svg slot noscript img iframe object'.split(' '));
const KEEP_ATTRIBUTES = new Set(['href', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'datetime']);
const VOID = new Set(['br']);

export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
export const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The declarative shadow root of a custom element in SSR output, if it has one. */
function shadowOf(el: Element): Template | undefined {
  return el.childNodes.find(
    (n): n is Template => n.nodeName === 'template' && ((n as Element).attrs.some((a) => a.name === 'shadowrootmode' || a.name === 'shadowroot')),
  );
}

function clean(nodes: Node[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.nodeName === '#text') {
      out += escapeText((node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' '));
      continue;
    }
    if (!('tagName' in node)) continue; // comments (Lit's markers)
    const el = node as Element;
    if (attr(el, 'aria-hidden') === 'true' || attr(el, 'hidden') !== undefined || attr(el, 'data-fallback') === 'omit') continue;
    if (el.tagName.includes('-')) {
      // A widget inside the widget (objective-card's counters): its shadow content, unwrapped, so
      // the fallback holds no custom element that would upgrade in the browser.
      const shadow = shadowOf(el);
      if (shadow) out += clean(shadow.content.childNodes);
      continue;
    }
    if (DROP.has(el.tagName)) continue;
    const inner = clean(el.childNodes);
    if (!KEEP.has(el.tagName)) {
      out += inner;
      continue;
    }
    if (VOID.has(el.tagName)) {
      out += `<${el.tagName}>`;
      continue;
    }
    if (!inner.trim()) continue;
    const attributes = el.attrs
      .filter((a) => KEEP_ATTRIBUTES.has(a.name) && (a.name !== 'href' || el.tagName === 'a'))
      .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
      .join('');
    const tag = el.tagName === 'ol' ? 'ul' : el.tagName;
    out += `<${tag}${attributes}>${inner}</${tag}>`;
  }
  return out;
}

/**
 * The fallback content of a widget from the content of its declarative shadow root (as rendered
 * by @lit-labs/ssr): `<div slot="fallback">…</div>`, which the browser shows while the element
 * is not defined and hides as soon as it has a shadow root (no slot takes it).
 */
export function fallbackFrom(shadowHtml: string): string {
  const body = clean(parseFragment(shadowHtml).childNodes).replace(/ {2,}/g, ' ').trim();
  return `<div slot="fallback">${body}</div>`;
}

/** The text of the error box in rendered shadow content (`.error-message`), when it holds one. */
export function errorMessageIn(shadowHtml: string): string | undefined {
  const find = (nodes: Node[]): string | undefined => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      const el = node as Element;
      if ((attr(el, 'class') ?? '').split(/\s+/).includes('error-message')) return textOf(el).replace(/\s+/g, ' ').trim();
      const found = find(el.childNodes);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find(parseFragment(shadowHtml).childNodes);
}

/** The text of a parse5 node and everything in it, as `textContent` reads it. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? (node.childNodes as Node[]).map(textOf).join('') : '';
}
