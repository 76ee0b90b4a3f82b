/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DataShape } from '../data/data-state.js';
import { DataError } from '../data/errors.js';
import { fetchDocument, parseDocument } from '../data/fetch-cache.js';
import { loadReader } from '../data/load-reader.js';
import { splitSrc } from '../data/source.js';

type Attributes = readonly { name: string; value: string }[];

/**
 * Reads a widget's `src` as the browser would load it from the page: a URL of the site (under
 * `base`'s origin `site`) is a file under `root`, any other is fetched. Each file is read once.
 */
export class SiteReader {
  private readonly cache = new Map<string, Promise<unknown>>();
  constructor(
    private readonly root: string,
    private readonly base: string,
    private readonly site: string,
  ) {}

  /**
   * What the widget `tag` (with `attributes`) reads at `src`, as the browser reads it: the document
   * before its JSON Pointer, the piece the pointer names, and the file that piece names, when it
   * names one (a CKAN dataset's).
   */
  async read(src: string, timeout: number, tag: string, attributes: Attributes): Promise<unknown> {
    const { shown, url, pointer } = splitSrc(src, this.base);
    const [reader, value] = await Promise.all([loadReader(), this.document(url, shown, timeout)]);
    const raw = pointer === undefined ? value : reader.resolvePointer(value, pointer, shown);
    const widget = widgetFor(tag, attributes);
    if (!widget) return raw;
    const shape = widget.dataShape(reader) as DataShape<unknown>;
    return reader.prepare(shape, raw, { url, request: widget.sourceRequest(), load: (address, what) => this.document(address, what, timeout) });
  }

  private document(href: string, shown: string, timeout: number): Promise<unknown> {
    const url = new URL(href);
    const key = url.origin === this.site ? url.pathname : href;
    let doc = this.cache.get(key);
    if (!doc) {
      doc = url.origin === this.site ? this.readFile(url, shown) : fetchDocument(href, shown, new AbortController().signal, timeout);
      doc.catch(() => undefined);
      this.cache.set(key, doc);
    }
    return doc;
  }

  private async readFile(url: URL, shown: string): Promise<unknown> {
    const path = resolve(this.root, `.${decodeURIComponent(url.pathname)}`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The words a static server's answer gives in the browser.
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') throw new DataError(`Could not load ${shown}: 404 Not Found`, 'http', { cause: error });
      throw new DataError(`Could not load ${shown}: network error (${(error as Error).message})`, 'network', { cause: error });
    }
    return parseDocument(text, url.href, shown, null);
  }
}

interface Widget {
  dataShape(reader: unknown): unknown;
  sourceRequest(): import('../data/data-state.js').SourceRequest;
}

/**
 * A widget of `tag` with `attributes`, made only to ask it what it reads (its data shape, and what
 * its attributes ask of a response): the element's own rules, not a copy of them.
 */
function widgetFor(tag: string, attributes: Attributes): Widget | undefined {
  const Element = customElements.get(tag);
  if (!Element) return undefined;
  const widget = new Element() as unknown as Widget & { attributeChangedCallback(name: string, old: string | null, value: string | null): void };
  for (const { name, value } of attributes) widget.attributeChangedCallback(name, null, value);
  return widget;
}
