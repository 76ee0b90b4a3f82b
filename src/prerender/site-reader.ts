/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError } from '../data/errors.js';
import { fetchDocument, parseDocument } from '../data/fetch-cache.js';
import { loadReader } from '../data/load-reader.js';
import { splitSrc } from '../data/source.js';

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

  /** The document at `src` (before its JSON Pointer), read as the browser would load it. */
  async read(src: string, timeout: number): Promise<unknown> {
    const { shown, url: href, pointer } = splitSrc(src, this.base);
    const url = new URL(href);
    const key = url.origin === this.site ? url.pathname : href;
    let doc = this.cache.get(key);
    if (!doc) {
      doc = url.origin === this.site ? this.readFile(url, shown) : fetchDocument(href, shown, new AbortController().signal, timeout);
      doc.catch(() => undefined);
      this.cache.set(key, doc);
    }
    const [reader, value] = await Promise.all([loadReader(), doc]);
    return pointer === undefined ? value : reader.resolvePointer(value, pointer, shown);
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
