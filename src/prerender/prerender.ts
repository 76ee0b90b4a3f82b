/// <reference types="node" />
// iom-widgets/prerender: writes each widget of a page into its HTML, at build time, with Lit's own
// server renderer. Runs in Node only (it is never part of the browser bundles).
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { SERVER_CONTEXT, SNAPSHOT_ATTRIBUTE, slotFilledBy, type ServerContext } from '../base/server-context.js';
import type { DataState } from '../data/data-state.js';
import { DataError } from '../data/errors.js';
import { loadReader } from '../data/load-reader.js';
import { resolveSource } from '../data/source.js';
import { LANGUAGES } from '../i18n/locale.js';
import { loadWords } from '../i18n/words.js';
// Registers the four elements in @lit-labs/ssr's registry (Lit's Node build provides one).
import '../index.js';
import TAGS from '../tags.json' with { type: 'json' };
import { errorMessageIn, escapeAttribute, fallbackFrom, textOf } from './fallback.js';
import { SiteReader } from './site-reader.js';
import { STYLES_ATTRIBUTE, StyleFiles, type PrerenderStylesheet } from './styles.js';

export type { PrerenderStylesheet };

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The tags `prerender` writes: the four elements'. */
export const WIDGET_TAGS: readonly string[] = Object.values(TAGS);

export interface PrerenderOptions {
  /** Path of the page's file: `src` URLs relative to the page are read relative to it. Default: `index.html` in the current folder. */
  file?: string;
  /** The site's root folder, where root-relative URLs (`/data/report.json`) are read. Default: the page's folder. */
  root?: string;
  /**
   * For a Content-Security-Policy whose `style-src` allows no inline style: a folder inside `root`
   * for the widgets' styles as stylesheet files. Each shadow root then links its widget's file
   * instead of carrying a `<style>`, bar lengths and the like become rules of their own file, and
   * the page's `<head>` links a file that loads them all before the first paint without applying
   * them to the page. The files are returned in `stylesheets`, for the caller to write (the
   * command line writes them).
   */
  styles?: string;
}

/** A widget whose data failed: it was written with the error box the browser shows. */
export interface PrerenderProblem {
  file: string;
  line: number;
  column: number;
  tag: string;
  message: string;
}

export interface PrerenderResult {
  /** The page with its widgets written in; everything else byte for byte as it came. */
  html: string;
  /** How many widgets were written. */
  widgets: number;
  /** One per widget written with an error box. */
  problems: PrerenderProblem[];
  /** With the `styles` option: the stylesheet files the page now links (empty without it). */
  stylesheets: PrerenderStylesheet[];
}

// The page is read as if served from this origin: URLs on it are files under `root`; any other URL
// (http, https, data) is fetched as the browser would fetch it.
const SITE = 'http://iom-widgets-prerender.invalid';

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isTag = (node: Node, tag: string): node is Element => 'tagName' in node && node.tagName === tag;
const isWidget = (node: Node): node is Element => 'tagName' in node && WIDGET_TAGS.includes(node.tagName);

/** The children a previous prerender (or the author, for the fallback) put in a widget: replaced on each run. */
function isWritten(node: Node): boolean {
  if (!('tagName' in node)) return false;
  if (node.tagName === 'template' && node.attrs.some((a) => a.name === 'shadowrootmode' || a.name === 'shadowroot')) return true;
  if (node.tagName === 'script' && attr(node, SNAPSHOT_ATTRIBUTE) !== undefined) return true;
  return attr(node, 'slot') === 'fallback';
}

interface Found {
  el: Element;
  lang?: string;
}

/**
 * Every widget of the page in document order, with the `lang` it inherits from its ancestors. Not
 * inside <template> content (parse5 keeps it apart from the children), nor inside what an earlier
 * run wrote into a widget.
 */
function findWidgets(node: Node, lang: string | undefined, out: Found[]): Found[] {
  const inWidget = isWidget(node);
  for (const child of 'childNodes' in node ? (node.childNodes as Node[]) : []) {
    if (!('tagName' in child) || (inWidget && isWritten(child))) continue;
    if (isWidget(child)) out.push({ el: child, lang });
    findWidgets(child, attr(child, 'lang') || lang, out);
  }
  return out;
}

// The element being rendered gets its server context when @lit-labs/ssr connects it (before it
// renders): the first element connected in a widget's render is the widget itself.
let pending: { tag: string; context: ServerContext; element?: HTMLElement } | undefined;
LitElementRenderer.renderOptions.push((element) => {
  if (pending && !pending.element && element.localName === pending.tag) {
    (element as unknown as Record<symbol, unknown>)[SERVER_CONTEXT] = pending.context;
    pending.element = element as HTMLElement;
  }
  return undefined;
});

// Lit's hydration markers (and the bogus comment `<?>` it writes for an empty binding): the browser
// re-renders rather than hydrates, so they are only bytes.
const LIT_MARKERS = /<!--(?:\/?lit-part[^>]*|lit-node \d+)-->|<\?>/g;

/** The same CSS in fewer bytes (each widget carries its own copy): comments and runs of spaces go; strings stay as written. */
const CSS_TOKENS = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\/\*[\s\S]*?\*\/|\s*([{};,>])\s*|\s+/g;
const compactCss = (css: string) => css.replace(CSS_TOKENS, (token, string?: string, punctuation?: string) => string ?? punctuation ?? (token.startsWith('/*') ? '' : ' ')).trim();

/** The widget's shadow content as @lit-labs/ssr renders it, without Lit's hydration markers (the browser re-renders rather than hydrates). */
async function renderShadow(el: Element, context: ServerContext, files?: StyleFiles): Promise<{ shadow: string; element?: HTMLElement }> {
  const tag = el.tagName;
  const attributes = el.attrs
    .filter((a) => /^[^\s"'<>/=`]+$/.test(a.name))
    .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
    .join('');
  const rendering = (pending = { tag, context } as NonNullable<typeof pending>);
  try {
    const out = await collectResult(render(html`${unsafeStatic(`<${tag}${attributes}></${tag}>`)}`));
    const host = parseFragment(out, { sourceCodeLocationInfo: true }).childNodes.find((n): n is Element => isTag(n, tag));
    const template = host?.childNodes.find((n): n is Element => isTag(n, 'template'));
    const loc = template?.sourceCodeLocation;
    if (!loc?.startTag || !loc.endTag) throw new Error(`@lit-labs/ssr wrote no shadow root for <${tag}>`);
    const shadow = out
      .slice(loc.startTag.endOffset, loc.endTag.startOffset)
      .replace(LIT_MARKERS, '')
      .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => `<style>${compactCss(css)}</style>`);
    return { shadow: files ? files.externalize(shadow) : shadow, element: rendering.element };
  } finally {
    pending = undefined;
  }
}

const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Writes every `<stat-counter>`, `<emergency-list>`, `<donor-ranking>` and `<objective-card>` of a
 * page into its HTML: each gets its shadow DOM as declarative shadow DOM (`<template
 * shadowrootmode="open">`, styles included), fallback content (`<div slot="fallback">`) that a
 * reader without script or without <template> support reads, and, when its data came from `src`,
 * a snapshot of that data, so the widget takes over in the browser without fetching it again. Data
 * is resolved and checked as the browser does. Everything outside the widgets' tags is kept byte for
 * byte; running it again on its output replaces what it wrote.
 */
export async function prerender(page: string, options: PrerenderOptions = {}): Promise<PrerenderResult> {
  // Lit's server render is one synchronous pass: the data reader and every language's words first.
  await Promise.all([loadReader(), ...LANGUAGES.map(loadWords)]);
  const file = resolve(options.file ?? 'index.html');
  const root = resolve(options.root ?? dirname(file));
  const fromRoot = relative(root, file);
  if (fromRoot.startsWith('..') || resolve(root, fromRoot) !== file) throw new Error(`${file} is not inside the root folder ${root}`);
  const doc = parse(page, { sourceCodeLocationInfo: true });
  const htmlEl = doc.childNodes.find((n): n is Element => isTag(n, 'html'));
  const pageUrl = `${SITE}/${fromRoot.split(sep).map(encodeURIComponent).join('/')}`;
  const baseEl = findFirst(doc, 'base');
  const baseHref = baseEl ? attr(baseEl, 'href') : undefined;
  let base = pageUrl;
  try {
    if (baseHref) base = new URL(baseHref, pageUrl).href;
  } catch {
    // An invalid <base href> is ignored by browsers too.
  }
  const reader = new SiteReader(root, base, SITE);
  const files = options.styles === undefined ? undefined : new StyleFiles(resolve(options.styles), root, base, SITE);
  const edits: { at: number; end: number; text: string }[] = [];
  const problems: PrerenderProblem[] = [];
  const found = findWidgets(doc, undefined, []);
  const docLang = htmlEl ? attr(htmlEl, 'lang') || undefined : undefined;

  for (const { el, lang } of found) {
    const loc = el.sourceCodeLocation;
    if (!loc?.startTag) continue;
    const children = el.childNodes.filter((n) => !isWritten(n));
    // As the browser's `script[type="application/json"]` matches it (the value in any case).
    const inline = children.find((n): n is Element => isTag(n, 'script') && attr(n, 'type')?.toLowerCase() === 'application/json');
    const context: ServerContext = {
      lang: lang ?? docLang,
      inline: inline ? textOf(inline) : undefined,
      filledSlots: [
        ...new Set(
          children
            .map((n) => (n.nodeName === '#text' ? slotFilledBy({ text: textOf(n) }) : 'tagName' in n ? slotFilledBy({ tag: n.tagName, slot: attr(n, 'slot') ?? null }) : undefined))
            .filter((s): s is string => s !== undefined),
        ),
      ],
    };
    // Where the data comes from: the browser's rule. Only `src` is read here, for the widget to find.
    const source = resolveSource({ dataJson: attr(el, 'data'), inline: context.inline, src: attr(el, 'src') });
    const src = source.kind === 'src' ? source.src : undefined;
    if (src) {
      const timeout = Number(attr(el, 'timeout') ?? 15000);
      try {
        context.fetched = { src, value: await reader.read(src, Number.isFinite(timeout) ? timeout : 15000, el.tagName, el.attrs) };
      } catch (error) {
        context.fetched = { src, error: error instanceof DataError ? error : new DataError(String((error as Error)?.message ?? error), 'network', { cause: error }) };
      }
    }

    const { shadow, element } = await renderShadow(el, context, files);
    const message = errorMessageIn(shadow);
    if (message !== undefined) {
      problems.push({ file: options.file ?? 'index.html', line: loc.startLine, column: loc.startCol, tag: el.tagName, message });
    }
    // The snapshot is the widget's data as it read and checked it (not the whole response of an API,
    // nor a dataset's list of files): what the browser reads again without a request.
    // (The element's state: protected in TypeScript, read here, where the element is only a renderer's.)
    const state = (element as unknown as { state?: DataState<unknown> } | undefined)?.state;
    const read = state && (state.kind === 'ready' || state.kind === 'empty') ? state.validated : undefined;
    const snapshot =
      context.fetched && 'value' in context.fetched && message === undefined && read !== undefined
        ? `<script type="application/json" ${SNAPSHOT_ATTRIBUTE}="${escapeAttribute(src!)}">${scriptJson(read)}</script>`
        : '';
    edits.push({ at: loc.startTag.endOffset, end: loc.startTag.endOffset, text: `<template shadowrootmode="open">${shadow}</template>${fallbackFrom(shadow)}${snapshot}` });
    for (const old of el.childNodes.filter(isWritten)) {
      const o = old.sourceCodeLocation;
      if (o) edits.push({ at: o.startOffset, end: o.endOffset, text: '' });
    }
  }

  // The page's own link to the file that loads the stylesheet files before the first paint (see
  // styles.ts), instead of an earlier run's (also when this run writes inline styles again).
  for (const old of findAll(doc, (n) => isTag(n, 'link') && attr(n, STYLES_ATTRIBUTE) !== undefined)) {
    const o = old.sourceCodeLocation;
    if (o) edits.push({ at: o.startOffset, end: o.endOffset, text: '' });
  }
  const stylesheets = files?.stylesheets() ?? [];
  if (files && stylesheets.length) {
    const head = findFirst(doc, 'head')?.sourceCodeLocation;
    const first = found[0]?.el.sourceCodeLocation;
    // In <head> when the page wrote one; else before the first widget.
    const at = head?.endTag?.startOffset ?? head?.startTag?.endOffset ?? first!.startOffset;
    edits.push({ at, end: at, text: files.pageLink() });
  }

  let out = page;
  for (const edit of edits.sort((a, b) => b.at - a.at || b.end - a.end)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return { html: files ? files.finish(out) : out, widgets: found.length, problems, stylesheets };
}

function findAll(node: Node, match: (n: Node) => boolean, out: Element[] = []): Element[] {
  for (const child of 'childNodes' in node ? (node.childNodes as Node[]) : []) {
    if (match(child)) out.push(child as Element);
    findAll(child, match, out);
  }
  return out;
}

/** `prerender` over a file: reads it (UTF-8) and resolves its `src` URLs from where it is. */
export async function prerenderFile(path: string, options: Omit<PrerenderOptions, 'file'> = {}): Promise<PrerenderResult> {
  return prerender(await readFile(path, 'utf8'), { ...options, file: path });
}

function findFirst(node: Node, tag: string): Element | undefined {
  for (const child of 'childNodes' in node ? (node.childNodes as Node[]) : []) {
    if (isTag(child, tag)) return child;
    const found = findFirst(child, tag);
    if (found) return found;
  }
  return undefined;
}
