import { isServer, type ReactiveController } from 'lit';
import type { Task } from '@lit/task';
import { DataError } from './errors.js';
import { parseJson } from './parse.js';
import { clearDataCache, documentUrl, fetchDocument } from './fetch-cache.js';
import { loadTables, loadedTables, looksLikeTable } from './load-tables.js';
import { SNAPSHOT_ATTRIBUTE, serverContext } from '../base/server-context.js';
import { emit } from '../base/events.js';
import { SPEC_LOADERS, announceError, type DataHost, type DataSpec, type DataStatus, type SpecLoader } from './data-spec.js';

type Reader = typeof import('./reader.js');
let reader: Reader | undefined;
let readerLoading: Promise<Reader> | undefined;

/**
 * Loads the reading half of the data layer (src/data/reader.ts: validation, fetching, JSON
 * Pointers, @lit/task), once per page, when a widget first has a data source to read.
 */
export function loadReader(): Promise<Reader> {
  return (readerLoading ??= import('./reader.js').then(
    (m) => (reader = m),
    (error: unknown) => {
      readerLoading = undefined; // Retry asks again.
      throw error;
    },
  ));
}

/**
 * Loads the reader and the data spec of every widget defined so far, for code that reads data
 * synchronously: the prerender (Lit's server render cannot wait) and the embed builder.
 */
export function loadDataLayers(): Promise<unknown> {
  return Promise.all([loadReader(), ...[...SPEC_LOADERS].map((load) => load())]);
}

type Outcome<T> = { ok: true; data: T } | { ok: false; error: DataError };

// The page's inline data, and the snapshot a prerendered widget carries of what it read at `src`.
const INLINE = `:scope > script[type="application/json"]:not([${SNAPSHOT_ATTRIBUTE}])`;
const SNAPSHOT = `:scope > script[type="application/json"][${SNAPSHOT_ATTRIBUTE}]`;

type SyncSource = { key: unknown; read: () => unknown; fromUrl?: boolean };

/**
 * The shared data layer, as a reactive controller: picks the source (the `data` property, the
 * `data` attribute, an inline JSON script, or `src` fetched with @lit/task), resolves the JSON
 * Pointer in the URL fragment, maps HXL, validates, and reports a status the element renders.
 * Fires `iom-load` and `iom-error` on the host and warns once in the console per error.
 */
export class DataController<T> implements ReactiveController {
  /** Loads `src`; created once the reader has loaded. */
  private task?: Task<[string | undefined, number, number], unknown>;
  private syncKey: unknown = undefined;
  private syncOutcome: Outcome<unknown> | undefined;
  private lastGood: T | undefined;
  private announced: unknown;
  private retries = 0;
  private observer?: MutationObserver;
  /** The prerendered snapshot of `src` was set aside (Retry, `reload()`): load `src` for real. */
  private snapshotDropped = false;
  private syncFromUrl = false;
  /** The locale the host renders in, for the language maps in the data (the host sets it each update). */
  locale = 'en';
  private lastLocalized?: { data: unknown; locale: string; value: T | undefined };
  /** The synchronous source is a table and the table readers are loading. */
  private syncPending = false;
  /** The load of the reader and the spec, once begun (the widget had a source to read). */
  private layerLoading?: Promise<void>;
  /** The reader or the spec could not be loaded: the widget shows why. */
  private layerError?: DataError;
  /** `src`, requested while the reader loads (so the reader costs no round trip before the data). */
  private prefetched?: { src: string; abort: AbortController };
  /** Set by the host while it cannot show the data yet (the words of its language are loading): iom-load and iom-error wait. */
  holdAnnouncements = false;

  constructor(
    private readonly host: DataHost,
    private readonly loadSpec: SpecLoader<T>,
  ) {
    host.addController(this);
  }

  /** The reader and the spec are on their way: begun, neither in nor failed. */
  private get layerPending(): boolean {
    return !!this.layerLoading && !this.layer && !this.layerError;
  }

  /** The reader and this widget's spec, when both have loaded. */
  private get layer(): { reader: Reader; spec: DataSpec<T> } | undefined {
    const spec = this.loadSpec.loaded;
    return reader && spec ? { reader, spec } : undefined;
  }

  /** Loads the reader and the spec (once), then updates the host. */
  private loadLayer(): Promise<void> {
    return (this.layerLoading ??= Promise.all([loadReader(), this.loadSpec()]).then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.layerError = new DataError(`could not load the widgets' data reader (${why}): check that the files beside the widget's script were uploaded too`, 'network', { cause: error });
        this.host.requestUpdate();
      },
    ));
  }

  /** While the reader loads: resolves once it has (or has failed). */
  get loading(): Promise<void> | undefined {
    return this.layerPending ? this.layerLoading : undefined;
  }

  /** The task that loads `src`, created with the reader's @lit/task. */
  private createTask({ Task, resolvePointer, initialState, splitFragment }: Reader): void {
    this.task = new Task(this.host, {
      args: () => [this.syncSource() ? undefined : this.host.src?.trim() || undefined, this.host.timeout, this.retries] as [string | undefined, number, number],
      task: async ([src, timeout], { signal }) => {
        if (!src) return initialState;
        const { url, shown } = documentUrl(src);
        const { pointer } = splitFragment(src);
        const loading = fetchDocument(url, shown, signal, timeout);
        // This load shares the request begun while the reader loaded: that one can let go.
        this.releasePrefetch();
        const doc = await loading;
        const raw = pointer === undefined ? doc : resolvePointer(doc, pointer, shown);
        if (this.layer!.spec.hxl && looksLikeTable(raw)) await loadTables();
        return this.process(raw);
      },
    });
  }

  hostConnected(): void {
    // An inline script may be added or edited after the element upgrades (CMS editors, scripts).
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.releasePrefetch();
  }

  /**
   * Starts the request for `src` before the reader has loaded, through the shared cache the
   * reader's own load then joins: the data and the reader download side by side.
   */
  private prefetch(src: string): void {
    if (this.prefetched?.src === src) return;
    this.releasePrefetch();
    let url: string, shown: string;
    try {
      ({ url, shown } = documentUrl(src));
    } catch {
      return; // The load itself says what is wrong with it.
    }
    const abort = new AbortController();
    // Its outcome is read by the load that joins it; on its own it only warms the cache.
    fetchDocument(url, shown, abort.signal, this.host.timeout).catch(() => undefined);
    this.prefetched = { src, abort };
  }

  private releasePrefetch(): void {
    this.prefetched?.abort.abort();
    this.prefetched = undefined;
  }

  /**
   * The winning synchronous source, in precedence order, or undefined when `src` must be fetched
   * (or nothing applies). Last in line is a prerendered widget's snapshot of `src`, which stands in
   * for the fetch while `src` is still the one it was read from.
   */
  private syncSource(): SyncSource | undefined {
    const { data, dataJson } = this.host;
    if (data !== undefined && data !== null) return { key: data, read: () => data };
    if (typeof dataJson === 'string') return { key: `attr:${dataJson}`, read: () => parseJson(dataJson, 'data attribute') };
    // On the server (@lit-labs/ssr) the element has no children: the prerender says what they hold.
    const server = isServer ? (serverContext(this.host) ?? {}) : undefined;
    const inline = server ? server.inline : this.host.querySelector(INLINE)?.textContent;
    if (typeof inline === 'string') {
      return { key: `inline:${inline}`, read: () => parseJson(inline, 'inline <script type="application/json">') };
    }
    const src = this.host.src?.trim();
    if (!src || this.snapshotDropped) return undefined;
    if (server) {
      const fetched = server.fetched;
      if (!fetched || fetched.src !== src) return undefined;
      return {
        key: fetched,
        fromUrl: true,
        read: () => {
          if ('error' in fetched) throw fetched.error;
          return fetched.value;
        },
      };
    }
    const snapshot = this.host.querySelector(SNAPSHOT);
    if (!snapshot || snapshot.getAttribute(SNAPSHOT_ATTRIBUTE) !== src) return undefined;
    const text = snapshot.textContent ?? '';
    return { key: `snapshot:${src}:${text}`, fromUrl: true, read: () => parseJson(text, `prerendered snapshot of ${src}`) };
  }

  private process(raw: unknown): unknown {
    const { reader: r, spec } = this.layer!;
    return r.readData(spec as DataSpec<unknown>, raw);
  }

  /**
   * What must load before the synchronous source can be read (the table readers, for rows of
   * cells), or undefined: a prerendered widget waits for it before its first render.
   */
  prerequisites(): Promise<unknown> | undefined {
    const source = this.syncSource();
    if (!source || this.layerError) return undefined;
    if (!this.layer) return this.loadLayer().then(() => (this.layer ? this.prerequisites() : undefined));
    if (!this.layer.spec.hxl || loadedTables()) return undefined;
    try {
      return looksLikeTable(source.read()) ? loadTables() : undefined;
    } catch {
      return undefined;
    }
  }

  hostUpdate(): void {
    const source = this.syncSource();
    const layer = this.layer;
    const src = this.host.src?.trim();
    if (!layer && !this.layerError && (source || src)) {
      // A source to read: the reader loads first (the widget is loading meanwhile), and `src`
      // downloads beside it.
      void this.loadLayer();
      if (!source && src && !isServer) this.prefetch(src);
    }
    if (layer && !this.task) this.createTask(layer.reader);
    if (!source || !layer) {
      this.syncKey = undefined;
      this.syncOutcome = undefined;
      this.syncFromUrl = false;
      this.syncPending = false;
      return;
    }
    if (source.key === this.syncKey && (this.syncOutcome || this.syncPending)) return;
    this.syncKey = source.key;
    this.syncFromUrl = !!source.fromUrl;
    this.syncPending = false;
    try {
      const raw = source.read();
      if (layer.spec.hxl && looksLikeTable(raw) && !loadedTables()) {
        // Rows of cells: the HXL reader loads first (the widget is loading meanwhile, not in error).
        this.syncOutcome = undefined;
        this.syncPending = true;
        void loadTables().then(() => {
          this.syncPending = false;
          this.host.requestUpdate();
        });
        return;
      }
      this.syncOutcome = { ok: true, data: this.process(raw) };
    } catch (error) {
      this.syncOutcome = { ok: false, error: asDataError(error) };
    }
  }

  hostUpdated(): void {
    // Announce each new outcome once, after it has rendered.
    if (this.holdAnnouncements) return;
    const status = this.status;
    if (status === 'ready' || status === 'empty') {
      // The data as given (language maps and all), once per new value whatever the locale.
      const data = this.validated as T;
      this.lastGood = data;
      if (this.announced !== data) {
        this.announced = data;
        emit(this.host, 'iom-load', data);
      }
    } else if (status === 'error') {
      const error = this.error!;
      if (this.announced !== error) {
        this.announced = error;
        announceError(this.host, error);
      }
    }
  }

  /** Whether the data comes from `src` (so a failure can be retried). */
  get fromUrl(): boolean {
    return (!this.syncOutcome || this.syncFromUrl) && !!this.host.src?.trim();
  }

  /** Whether the error on screen may go away on a retry: a failed load of `src`, or of the reader. */
  get canRetry(): boolean {
    return this.fromUrl || !!this.layerError;
  }

  get status(): DataStatus {
    if (this.layerError) return 'error';
    if (this.layerPending || this.syncPending) return 'loading';
    if (this.syncOutcome) return this.syncOutcome.ok ? this.judge(this.syncOutcome.data) : 'error';
    const { task } = this;
    if (!task || !reader) return 'idle';
    switch (task.status) {
      case reader.TaskStatus.PENDING:
        return 'loading';
      case reader.TaskStatus.COMPLETE:
        return this.judge(task.value);
      case reader.TaskStatus.ERROR:
        return 'error';
      default:
        return 'idle';
    }
  }

  /** The valid data as given; while a reload is pending, the last good data. */
  private get validated(): unknown {
    if (this.syncOutcome) return this.syncOutcome.ok ? this.syncOutcome.data : undefined;
    const { task } = this;
    if (!task || !reader) return undefined;
    if (task.status === reader.TaskStatus.COMPLETE) return task.value;
    if (task.status === reader.TaskStatus.PENDING) return this.lastGood;
    return undefined;
  }

  /** The current data, its language maps picked for `locale`; while a reload is pending, the last good data. */
  get value(): T | undefined {
    return this.localized(this.validated);
  }

  private localized(data: unknown): T | undefined {
    if (data === undefined || !reader) return undefined;
    const cached = this.lastLocalized;
    if (cached?.data === data && cached.locale === this.locale) return cached.value;
    const value = reader.localize(data, this.locale) as T;
    this.lastLocalized = { data, locale: this.locale, value };
    return value;
  }

  get error(): DataError | undefined {
    if (this.layerError) return this.layerError;
    if (this.syncOutcome) return this.syncOutcome.ok ? undefined : this.syncOutcome.error;
    return this.task && this.task.status === reader?.TaskStatus.ERROR ? asDataError(this.task.error) : undefined;
  }

  private judge(data: unknown): DataStatus {
    return this.layer?.spec.isEmpty?.(this.localized(data) as T) ? 'empty' : 'ready';
  }

  /** Loads `src` again from the network (through the HTTP cache), for Retry and `reload()`. */
  retry(): void {
    if (this.layerError) {
      // The reader or the spec failed to load: ask for them again.
      this.layerError = undefined;
      this.layerLoading = undefined;
    }
    const src = this.host.src?.trim();
    if (src) {
      try {
        clearDataCache(documentUrl(src).url);
      } catch {
        // An invalid URL fails again in the task, with its message.
      }
    }
    this.snapshotDropped = true;
    this.retries++;
    this.host.requestUpdate();
  }

  /** Resolves when the current load has settled (for tests and scripts). */
  get complete(): Promise<unknown> {
    if (this.layerPending) return this.loadLayer().then(() => this.host.updateComplete).then(() => this.complete);
    if (this.syncPending) return loadTables().then(() => this.host.updateComplete);
    // No load under way (data from a property, attribute or inline script): nothing to wait for.
    if (!this.task || this.task.status === reader?.TaskStatus.INITIAL) return Promise.resolve();
    return this.task.taskComplete.catch(() => undefined);
  }
}

function asDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DataError(message, 'validation', { cause: error });
}
