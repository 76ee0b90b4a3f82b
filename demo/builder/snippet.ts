// The HTML the builder hands out: the script tag, an optional <style> with the theme, and the
// element with its attributes, its data (a `src`, or an inline <script type="application/json">)
// and its fallback content (the `slot="fallback"` child of docs/without-javascript.md,
// made by src/prerender/fallback.ts from the widget's own rendering, here the live preview's).
import { escapeAttribute, fallbackFrom } from '../../src/prerender/fallback.js';

export interface SnippetInput {
  tag: string;
  /** Attributes in the order of the form; `''` is a boolean attribute, written bare. */
  attributes: [string, string][];
  /** The `src` attribute (src form). */
  src?: string;
  /** The data itself (inline-JSON form). */
  inline?: unknown;
  /** Theme: custom property → value. */
  tokens?: [string, string][];
  /** The fallback content (`<div slot="fallback">…</div>`), when known. */
  fallback?: string;
}

/** JSON that is safe inside a <script> element: `<` never appears raw (`</script>` cannot end it early). */
export const scriptJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

/** The element alone, as it goes in the page. */
export function elementMarkup(input: SnippetInput): string {
  const attributes = [...(input.src !== undefined ? [['src', input.src] as [string, string]] : []), ...input.attributes]
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const children: string[] = [];
  if (input.inline !== undefined) children.push(`<script type="application/json">\n${indent(scriptJson(input.inline), '  ')}\n</script>`);
  if (input.fallback) children.push(input.fallback);
  const inner = children.length ? `\n${indent(children.join('\n'), '  ')}\n` : '';
  return `<${input.tag}${attributes}>${inner}</${input.tag}>`;
}

/** The theme as a CSS rule for the widget's tag. */
export function themeCss(tag: string, tokens: [string, string][]): string {
  if (!tokens.length) return '';
  return `${tag} {\n${tokens.map(([name, value]) => `  ${name}: ${value.replace(/[;{}<>]/g, '')};`).join('\n')}\n}`;
}

/** Everything to paste: the script tag, the theme (if any) and the element. */
export function snippet(input: SnippetInput, scriptUrl: string): string {
  const parts = [`<script type="module" src="${escapeAttribute(scriptUrl)}"></script>`];
  const css = themeCss(input.tag, input.tokens ?? []);
  if (css) parts.push(`<style>\n${indent(css, '  ')}\n</style>`);
  parts.push(elementMarkup(input));
  return parts.join('\n');
}

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A live shadow root as the HTML @lit-labs/ssr would write for it: each nested widget with its own
 * shadow root as declarative shadow DOM (`<template shadowrootmode="open">`), which is what
 * `fallbackFrom` reads (it unwraps the counters inside an objective card).
 */
export function serializeShadow(root: ShadowRoot | Element): string {
  let out = '';
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += escapeText(node.textContent ?? '');
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (el.localName === 'style' || el.localName === 'script') continue;
    const attributes = [...el.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
    const shadow = el.shadowRoot ? `<template shadowrootmode="open">${serializeShadow(el.shadowRoot)}</template>` : '';
    if (VOID.has(el.localName)) {
      out += `<${el.localName}${attributes}>`;
      continue;
    }
    const content = el instanceof HTMLTemplateElement ? '' : serializeShadow(el);
    out += `<${el.localName}${attributes}>${shadow}${content}</${el.localName}>`;
  }
  return out;
}

/** The fallback content of a rendered widget, from its shadow DOM. */
export function fallbackOf(widget: Element): string | undefined {
  if (!widget.shadowRoot) return undefined;
  const fallback = fallbackFrom(serializeShadow(widget.shadowRoot));
  return fallback === '<div slot="fallback"></div>' ? undefined : fallback;
}
