import type { ReactiveControllerHost } from 'lit';
import { DataError } from '../data/errors.js';

/** A module loaded on demand: call it to load, read `loaded` once it has. */
export interface OnDemand<T> {
  (): Promise<T>;
  /** The module, once it has loaded. */
  loaded?: T;
}

/**
 * The URL that a failed `import()` could not load, when the browser's error names it: Chromium
 * ("Failed to fetch dynamically imported module: <url>") and Firefox do; Safari does not.
 */
export function failedModuleUrl(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  return /\b(?:https?|file):\/\/\S+/.exec(text)?.[0].replace(/[.,;:)]+$/, '');
}

/**
 * Loads code on demand, once per page: every caller shares the one request, and `pick` takes what
 * is needed from the module. A failed load is forgotten, so the next call (a widget's Retry) asks
 * the network again. Until a 2026 change of the HTML standard (whatwg/html#10327), a browser kept
 * a failed import failed for the life of the page, and some still do (Firefox ESR 153): where the
 * browser's error names the file (Chromium, Firefox), it is asked for again under a new URL
 * (`?retry=1`); the failed module never ran, so no module is loaded twice. (WebKit's error names no
 * file; WebKit asks the network again by itself: test/chunks/ passes there.) The one way the
 * widgets load a chunk: the data reader, a language's words, the chart.
 */
export function once<M, T = M>(importer: () => Promise<M>, pick: (module: M) => T = (module) => module as unknown as T): OnDemand<T> {
  let loading: Promise<T> | undefined;
  let failedUrl: string | undefined;
  let retries = 0;
  const load: OnDemand<T> = () =>
    (loading ??= (failedUrl ? (import(/* @vite-ignore */ `${failedUrl}?retry=${++retries}`) as Promise<M>) : importer()).then(
      (module) => (load.loaded = pick(module)),
      (error: unknown) => {
        loading = undefined;
        failedUrl = failedModuleUrl(error)?.replace(/\?retry=\d+$/, '') ?? failedUrl;
        throw error;
      },
    ));
  return load;
}

/** How long a widget waits for a chunk before it says the chunk could not be loaded, in ms. */
export const CHUNK_TIMEOUT = 15_000;

/** `load`'s promise, or a failure once `ms` have passed without an answer (a stalled request). */
export function within<T>(load: Promise<T>, ms = CHUNK_TIMEOUT): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s`)), ms)));
  return Promise.race([load, late]).finally(() => clearTimeout(timer));
}

/**
 * A widget waiting for a chunk it needs to render: `pending` while the chunk loads, `error` (shown
 * with a Retry) once it has failed; the host updates when it settles.
 */
export class ChunkWait {
  pending?: Promise<void>;
  error?: DataError;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Loads with `load`, unless a load is under way or has failed; `describe` words a failure for the webmaster. */
  start(load: () => Promise<unknown>, describe: (why: string) => string): void {
    if (this.pending || this.error) return;
    this.pending = within(load())
      .then(
        () => undefined,
        (cause: unknown) => {
          this.error = new DataError(describe(cause instanceof Error ? cause.message : String(cause)), 'network', { cause });
        },
      )
      .finally(() => {
        this.pending = undefined;
        this.host.requestUpdate();
      });
  }

  /** Forgets a failure: the next `start` asks again. */
  reset(): void {
    this.error = undefined;
  }
}
