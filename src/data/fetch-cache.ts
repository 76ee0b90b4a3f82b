import { DataError } from './errors.js';
import { readerOrError } from './load-reader.js';

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  /** How many callers wait for it. */
  waiting: number;
  settled: boolean;
}

// One entry per absolute URL for the life of the page: every widget that points at the same report
// file shares one request, in flight or done. Failures are removed so a retry really refetches;
// the browser's HTTP cache still applies to each real request (fetch's default cache mode).
const cache = new Map<string, Entry>();

/** Forgets `url` (or everything), so the next load goes to the network (through the HTTP cache). */
export function clearDataCache(url?: string): void {
  if (url === undefined) cache.clear();
  else cache.delete(url);
}

/**
 * Reads a downloaded data file: CSV (by its content type or a `.csv` path) into rows, anything else
 * as JSON (an HTML page is an error of its own). `url` is absolute; `shown` is the URL as written,
 * for the error message. (The prerender reads files with it too, so a file fails with the same
 * words on the server and in the browser.)
 */
export async function parseDocument(text: string, url: string, shown: string, contentType: string | null): Promise<unknown> {
  return (await readerOrError()).parseDocument(text, url, shown, contentType);
}

async function load(url: string, shown: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.5' } });
  } catch (cause) {
    if (signal.aborted) throw cause;
    // Why there was no answer (the network, or a server that does not let this page read it): the reader's words.
    throw await (await readerOrError()).requestError(url, shown, { cause }, signal);
  }
  const text = await response.text();
  const reader = await readerOrError();
  if (!response.ok) throw await reader.requestError(url, shown, { status: response.status, statusText: response.statusText, body: text }, signal);
  return reader.parseDocument(text, url, shown, response.headers.get('content-type'));
}

/**
 * Fetches and parses the document at `url` (absolute, without fragment), sharing the request with
 * every other caller. `signal` aborts only this caller's wait; the request itself is aborted when
 * nobody waits for it any more. `timeout` (ms) turns a hung request into a `timeout` error.
 */
export function fetchDocument(url: string, shown: string, signal: AbortSignal, timeout: number): Promise<unknown> {
  const shared = cache.get(url) ?? request(url, shown);
  shared.waiting++;
  return new Promise<unknown>((resolve, reject) => {
    let waiting = true;
    const stop = (outcome: () => void, gaveUp: boolean): void => {
      if (!waiting) return;
      waiting = false;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      // The last caller to give up on a request still in flight stops it.
      if (--shared.waiting === 0 && gaveUp && !shared.settled) {
        shared.controller.abort();
        if (cache.get(url) === shared) cache.delete(url);
      }
      outcome();
    };
    const onAbort = (): void => stop(() => reject(signal.reason ?? new DOMException('Aborted', 'AbortError')), true);
    const timer =
      timeout > 0 && Number.isFinite(timeout)
        ? setTimeout(() => stop(() => reject(new DataError(`Could not load ${shown}: no answer after ${timeout / 1000} s (timeout)`, 'timeout')), true), timeout)
        : undefined;
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    shared.promise.then(
      (doc) => stop(() => resolve(doc), false),
      (error: unknown) => stop(() => reject(error), false),
    );
  });
}

/** Starts the one request for `url`, kept in the cache while it is in flight and once it has succeeded. */
function request(url: string, shown: string): Entry {
  const controller = new AbortController();
  const entry: Entry = { controller, waiting: 0, settled: false, promise: Promise.resolve() };
  entry.promise = load(url, shown, controller.signal).then(
    (doc) => {
      entry.settled = true;
      return doc;
    },
    (error: unknown) => {
      entry.settled = true;
      if (cache.get(url) === entry) cache.delete(url);
      throw error;
    },
  );
  // Everyone may have given up waiting: an unobserved rejection must not reach the console.
  entry.promise.catch(() => undefined);
  cache.set(url, entry);
  return entry;
}
