import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type * as v from 'valibot';
import { DataError } from './errors.js';
import { parseJson } from './parse.js';
import { fetchDocument, clearDataCache } from './fetch-cache.js';
import type { HxlMapping } from './hxl.js';
import { loadTables, loadedTables, looksLikeTable } from './load-tables.js';
import { pointerFromHash, resolvePointer } from './json-pointer.js';
import { localize } from './localize.js';
import { validate } from './validate.js';
import { SNAPSHOT_ATTRIBUTE, serverContext } from '../base/server-context.js';
import { emit } from '../base/events.js';

/** How a widget's data is read, checked and judged empty. One per widget. */
export interface DataSpec<T> {
  /**
   * The valibot schema: the one definition of the shape (type, runtime check, JSON Schema). Its
   * output may hold language maps; `T` is that output with each map picked for the locale.
   */
  schema: v.GenericSchema;
  /** Name of the whole value in error messages (`donors[3].amount`, `data.value`). */
  root?: string;
  /** Accept shorthand forms before checking, such as a bare array for `{ donors: [...] }`. */
  normalize?(raw: unknown): unknown;
  /** How to read an HXL table (array of arrays with a hashtag row) into the widget's shape. */
  hxl?: { mapping: HxlMapping; toData(records: Record<string, unknown>[]): unknown };
  /** True when valid data has nothing to show (the empty state). */
  isEmpty?(data: T): boolean;
}

/** Everything a data-reading element exposes to the controller. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  dataJson?: string | null;
  src?: string | null;
  timeout: number;
}

export type DataStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** Detail of the `iom-error` event. */
export interface IomErrorDetail {
  message: string;
  kind: DataError['kind'];
  cause: unknown;
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
  private readonly task: Task<[string | undefined, number, number], unknown>;
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
  /** Set by the host while it cannot show the data yet (the words of its language are loading): iom-load and iom-error wait. */
  holdAnnouncements = false;

  constructor(
    private readonly host: DataHost,
    private readonly spec: DataSpec<T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [this.syncSource() ? undefined : this.host.src?.trim() || undefined, this.host.timeout, this.retries] as [string | undefined, number, number],
      task: async ([src, timeout], { signal }) => {
        if (!src) return initialState;
        const { url, shown, pointer } = splitSrc(src);
        const doc = await fetchDocument(url, shown, signal, timeout);
        const raw = pointer === undefined ? doc : resolvePointer(doc, pointer, shown);
        if (this.spec.hxl && looksLikeTable(raw)) await loadTables();
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
    return readData(this.spec, raw);
  }

  /**
   * What must load before the synchronous source can be read (the table readers, for rows of
   * cells), or undefined: a prerendered widget waits for it before its first render.
   */
  prerequisites(): Promise<unknown> | undefined {
    const source = this.spec.hxl && !loadedTables() ? this.syncSource() : undefined;
    if (!source) return undefined;
    try {
      return looksLikeTable(source.read()) ? loadTables() : undefined;
    } catch {
      return undefined;
    }
  }

  hostUpdate(): void {
    const source = this.syncSource();
    if (!source) {
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
      if (this.spec.hxl && looksLikeTable(raw) && !loadedTables()) {
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

  get status(): DataStatus {
    if (this.syncPending) return 'loading';
    if (this.syncOutcome) return this.syncOutcome.ok ? this.judge(this.syncOutcome.data) : 'error';
    switch (this.task.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.COMPLETE:
        return this.judge(this.task.value);
      case TaskStatus.ERROR:
        return 'error';
      default:
        return 'idle';
    }
  }


  /** The valid data as given; while a reload is pending, the last good data. */
  private get validated(): unknown {
    if (this.syncOutcome) return this.syncOutcome.ok ? this.syncOutcome.data : undefined;
    if (this.task.status === TaskStatus.COMPLETE) return this.task.value;
    if (this.task.status === TaskStatus.PENDING) return this.lastGood;
    return undefined;
  }

  /** The current data, its language maps picked for `locale`; while a reload is pending, the last good data. */
  get value(): T | undefined {
    return this.localized(this.validated);
  }

  private localized(data: unknown): T | undefined {
    if (data === undefined) return undefined;
    const cached = this.lastLocalized;
    if (cached?.data === data && cached.locale === this.locale) return cached.value;
    const value = localize(data, this.locale) as T;
    this.lastLocalized = { data, locale: this.locale, value };
    return value;
  }

  get error(): DataError | undefined {
    if (this.syncOutcome) return this.syncOutcome.ok ? undefined : this.syncOutcome.error;
    return this.task.status === TaskStatus.ERROR ? asDataError(this.task.error) : undefined;
  }

  private judge(data: unknown): DataStatus {
    return this.spec.isEmpty?.(this.localized(data) as T) ? 'empty' : 'ready';
  }

  /** Loads `src` again from the network (through the HTTP cache), for Retry and `reload()`. */
  retry(): void {
    const src = this.host.src?.trim();
    if (src) {
      try {
        clearDataCache(splitSrc(src).url);
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
    if (this.syncPending) return loadTables().then(() => this.host.updateComplete);
    // No load under way (data from a property, attribute or inline script): nothing to wait for.
    if (this.task.status === TaskStatus.INITIAL) return Promise.resolve();
    return this.task.taskComplete.catch(() => undefined);
  }
}

/**
 * What a widget does with a value it has read, the one place it is written: an HXL table mapped
 * to the widget's fields (with the table readers, `tables`, once loaded), shorthand normalized,
 * then the schema checked. Returns the valid data (language maps not yet picked) or throws the
 * `DataError` the widget shows. The embed builder checks entries with it too.
 */
export function readData(spec: DataSpec<unknown>, raw: unknown, tables = loadedTables()): unknown {
  let value = raw;
  if (spec.hxl && tables?.isHxlTable(value)) value = spec.hxl.toData(tables.mapHxl(value, spec.hxl.mapping));
  if (spec.normalize) value = spec.normalize(value);
  return validate(spec.schema, value, spec.root ?? 'data');
}

/**
 * Reports an error the way every widget does: one console warning naming the element, and an
 * `iom-error` event (bubbling, composed). Widgets that check their own attributes use it too.
 */
export function announceError(host: HTMLElement, error: DataError): void {
  console.warn(`<${host.localName}>: ${error.message}`);
  const detail: IomErrorDetail = { message: error.message, kind: error.kind, cause: error.cause ?? error };
  emit<IomErrorDetail>(host, 'iom-error', detail);
}

function asDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DataError(message, 'validation', { cause: error });
}

/** `/data/r.json#/objectives/0` → the URL as written (without its fragment) and the JSON Pointer. */
export function splitFragment(src: string): { shown: string; pointer: string | undefined } {
  const hashAt = src.indexOf('#');
  const shown = hashAt >= 0 ? src.slice(0, hashAt) : src;
  const pointer = hashAt >= 0 ? pointerFromHash(src.slice(hashAt)) : undefined;
  return { shown, pointer: pointer === '' ? undefined : pointer };
}

/** `/data/r.json#/objectives/0` → absolute URL without fragment, the URL as written, and the pointer. */
export function splitSrc(src: string): { url: string; shown: string; pointer: string | undefined } {
  const { shown, pointer } = splitFragment(src);
  let url: string;
  try {
    url = new URL(shown, document.baseURI).href;
  } catch (error) {
    throw new DataError(`src "${src}" is not a valid URL`, 'network', { cause: error });
  }
  return { url, shown, pointer };
}
