/// <reference types="node" />
// The prerender's `styles` option: the widgets' styles as stylesheet files instead of inline
// `<style>` and `style` attributes in the declarative shadow DOM, for a Content-Security-Policy
// whose style-src allows no inline style.
import { createHash } from 'node:crypto';
import { join, posix, relative, resolve, sep } from 'node:path';
import { escapeAttribute } from './fallback.js';

/** A stylesheet file of the widgets' styles (with the `styles` option): where to write it, and what. */
export interface PrerenderStylesheet {
  /** Absolute path, in the `styles` folder. Named by a hash of its content: unchanged styles keep their name. */
  path: string;
  css: string;
}

/** Marks the `<link>` elements the prerender put in the page's `<head>`: replaced on each run. */
export const STYLES_ATTRIBUTE = 'data-prerendered-styles';
/** On an element of the shadow DOM, in place of its `style` attribute. */
const PROPS_ATTRIBUTE = 'data-iom-style';
/** Stands for the URL of the page's file of `style` attribute rules until it has its name (its content's hash). */
const PROPS_HREF = '\u0000iom-props\u0000';
const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/** `--a:1;--b:2` → `--a:1 !important;--b:2 !important`: a rule that stands for a style attribute wins as the attribute did. */
const important = (declarations: string) =>
  declarations
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => `${d} !important`)
    .join(';');

/** The stylesheet files of one page: what its shadow roots link, and the files to write. */
export class StyleFiles {
  /** File name → CSS: each distinct shadow stylesheet. */
  private readonly sheets = new Map<string, string>();
  /** Key → declarations: what the shadow DOM's `style` attributes said. */
  private readonly props = new Map<string, string>();
  private readonly sitePath: string;
  private readonly base: URL;
  private propsHref = '';
  private loader = '';

  /** `dir`: the folder of the files, inside `root`; `base`: the URL the page's relative URLs resolve against, on `site`. */
  constructor(
    readonly dir: string,
    root: string,
    base: string,
    private readonly site: string,
  ) {
    const inRoot = relative(root, dir);
    if (inRoot.startsWith('..') || resolve(root, inRoot) !== dir) throw new Error(`the styles folder ${dir} is not inside the root folder ${root}`);
    this.sitePath = `/${inRoot.split(sep).filter(Boolean).map(encodeURIComponent).join('/')}`;
    this.base = new URL(base);
  }

  /** The URL of a file of the folder, relative to the page (or its <base>), so the site works below any path; root-relative when <base> is elsewhere. */
  private href(name: string): string {
    const target = posix.join(this.sitePath, encodeURIComponent(name));
    if (this.base.origin !== this.site) return target;
    const from = this.base.pathname.endsWith('/') ? this.base.pathname : posix.dirname(this.base.pathname);
    return posix.relative(from, target) || encodeURIComponent(name);
  }

  /** A widget's shadow DOM with its styles as links to files: no inline `<style>`, no `style` attribute. */
  externalize(shadow: string): string {
    let props = false;
    const out = shadow
      .replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => {
        const name = `iom-${hashOf(css)}.css`;
        this.sheets.set(name, css);
        return `<link rel="stylesheet" href="${escapeAttribute(this.href(name))}">`;
      })
      // Lit's server render writes each attribute as name="value", its value escaped.
      .replace(/(<[a-zA-Z][^\s>]*(?:\s+[^\s>=]+(?:="[^"]*")?)*?)\s+style="([^"]*)"/g, (_, start: string, declarations: string) => {
        const key = hashOf(declarations);
        this.props.set(key, declarations);
        props = true;
        return `${start} ${PROPS_ATTRIBUTE}="${key}"`;
      });
    // The rules that stand for the style attributes come after the widget's own, so they win as the
    // attributes did; in every shadow root of the widget (objective-card's counters have their own).
    return props ? out.replace(/((?:<link rel="stylesheet" href="[^"]*">)+)/g, `$1<link rel="stylesheet" href="${PROPS_HREF}">`) : out;
  }

  /** Once every widget is written: the files to write (none when no widget was). */
  stylesheets(): PrerenderStylesheet[] {
    if (!this.sheets.size) return [];
    const files = [...this.sheets].map(([name, css]) => ({ path: join(this.dir, name), css }));
    if (this.props.size) {
      const css = [...this.props].map(([key, declarations]) => `[${PROPS_ATTRIBUTE}="${key}"]{${important(declarations)}}`).join('\n');
      const name = `iom-props-${hashOf(css)}.css`;
      files.push({ path: join(this.dir, name), css });
      this.propsHref = this.href(name);
    }
    // The page links one file that imports the others for no medium ("not all"): it holds up the
    // first paint until they are in (so the shadow roots' links to them apply at once, with no
    // flash of unstyled widgets), and applies none of their rules to the page itself. (Checked in
    // Chromium and Firefox: first paint after the files, shadow roots styled on it, page untouched.)
    const imports = files.map((f) => `@import url("${encodeURIComponent(f.path.split(sep).pop()!)}") not all;`).join('\n');
    this.loader = `iom-page-${hashOf(imports)}.css`;
    files.push({ path: join(this.dir, this.loader), css: `${imports}\n` });
    return files;
  }

  /** The page's `<link>` to the file that loads the others (after `stylesheets()`). */
  pageLink(): string {
    return `<link rel="stylesheet" href="${escapeAttribute(this.href(this.loader))}" ${STYLES_ATTRIBUTE}>`;
  }

  /** The page with the URL of the style attributes' file in place. */
  finish(html: string): string {
    return this.propsHref ? html.split(PROPS_HREF).join(escapeAttribute(this.propsHref)) : html;
  }
}
