import { DataError } from './errors.js';
import { parseJson } from './parse.js';
import { loadTables } from './load-tables.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  consumers: number;
  settled: boolean;
}

// One entry per absolute URL for the life of the page: every widget that points at the same report
// file shares one request, in flight or done. Failures are removed so a retry really refetches;
// the browser's HTTP cache still applies to each real request (fetch's default cache mode).
const cache = new Map<string, Entry>();

/** `src` split at its first `#`: the URL as written, and the fragment with its `#` (or ''). */
export function splitAtHash(src: string): { shown: string; hash: string } {
  const at = src.indexOf('#');
  return at >= 0 ? { shown: src.slice(0, at), hash: src.slice(at) } : { shown: src, hash: '' };
}

/**
 * The document a `src` names: its absolute URL without the fragment, and the URL as written (for
 * messages). Throws the widget's error for a URL that cannot be read.
 */
export function documentUrl(src: string): { url: string; shown: string } {
  const { shown } = splitAtHash(src);
  try {
    return { url: new URL(shown, document.baseURI).href, shown };
  } catch (error) {
    throw new DataError(`src "${src}" is not a valid URL`, 'network', { cause: error });
  }
}

/** Forgets `url` (or everything), so the next load goes to the network (through the HTTP cache). */
export function clearDataCache(url?: string): void {
  if (url === undefined) cache.clear();
  else cache.delete(url);
}

function isCsv(url: string, contentType: string | null): boolean {
  return /(^|[/+;\s])csv\b/i.test(contentType ?? '') || /\.csv$/i.test(new URL(url).pathname);
}

/**
 * Reads a downloaded data file: CSV (by its content type or a `.csv` path) into rows, anything else
 * as JSON. `url` is absolute; `shown` is the URL as written, for the error message. (The prerender
 * reads files with it too, so a file fails with the same words on the server and in the browser.)
 */
export async function parseDocument(text: string, url: string, shown: string, contentType: string | null): Promise<unknown> {
  // The CSV reader loads with the first CSV file, not before.
  if (isCsv(url, contentType)) return (await loadTables()).parseCsv(text);
  return parseJson(text, shown);
}

async function load(url: string, shown: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.5' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DataError(`Could not load ${shown}: network error (${(error as Error).message})`, 'network', { cause: error });
  }
  if (!response.ok) {
    throw new DataError(`Could not load ${shown}: ${response.status} ${response.statusText || 'error'}`.trim(), 'http', {
      cause: response,
    });
  }
  return parseDocument(await response.text(), url, shown, response.headers.get('content-type'));
}

/**
 * Fetches and parses the document at `url` (absolute, without fragment), sharing the request with
 * every other caller. `signal` aborts only this caller's wait; the request itself is aborted when
 * nobody waits for it any more. `timeout` (ms) turns a hung request into a `timeout` error.
 */
export function fetchDocument(url: string, shown: string, signal: AbortSignal, timeout: number): Promise<unknown> {
  let entry = cache.get(url);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = { controller, consumers: 0, settled: false, promise: undefined as unknown as Promise<unknown> };
    created.promise = load(url, shown, controller.signal).then(
      (doc) => {
        created.settled = true;
        return doc;
      },
      (error: unknown) => {
        created.settled = true;
        if (cache.get(url) === created) cache.delete(url);
        throw error;
      },
    );
    // Keep an unobserved rejection (everyone gave up waiting) from reaching the console.
    created.promise.catch(() => undefined);
    cache.set(url, created);
    entry = created;
  }
  const shared = entry;
  shared.consumers++;

  return new Promise<unknown>((resolve, reject) => {
    let done = false;
    const finish = (): void => {
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      shared.consumers--;
    };
    const release = (): void => {
      // Nobody else waits for a request still in flight: stop it and forget it.
      if (shared.consumers === 0 && !shared.settled) {
        shared.controller.abort();
        if (cache.get(url) === shared) cache.delete(url);
      }
    };
    const onAbort = (): void => {
      if (done) return;
      finish();
      release();
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    const timer =
      timeout > 0 && Number.isFinite(timeout)
        ? setTimeout(() => {
            if (done) return;
            finish();
            release();
            reject(new DataError(`Could not load ${shown}: no answer after ${timeout / 1000} s (timeout)`, 'timeout'));
          }, timeout)
        : undefined;
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort);
    shared.promise.then(
      (doc) => {
        if (done) return;
        finish();
        resolve(doc);
      },
      (error: unknown) => {
        if (done) return;
        finish();
        reject(error);
      },
    );
  });
}
