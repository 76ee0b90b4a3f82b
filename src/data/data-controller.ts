import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { ChunkWait } from '../base/once.js';
import type { DataShape, DataState, SourceRequest } from './data-state.js';
import { DataError } from './errors.js';
import { clearDataCache, fetchDocument } from './fetch-cache.js';
import { loadReader, readerMissing, readerOrError, type Reader } from './load-reader.js';
import { resolveSource, sourceInputs, splitSrc, type DataSource } from './source.js';

/** What a data-reading element gives the controller. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  dataJson?: string | null;
  src?: string | null;
  /** Milliseconds to wait for `src`; none given, 15 s. */
  timeout?: number;
  /** What the widget asks of a publisher's response besides its shape: a CKAN dataset's file, a counter's column. */
  sourceRequest(): SourceRequest;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: DataError };

/**
 * A widget's data: where it comes from (`resolveSource`), the load of `src` (one @lit/task Task,
 * which brings the reader beside the file), and the data state the widget renders. Data in hand
 * (the `data` property or attribute, an inline script, a prerendered snapshot) is read at once,
 * as soon as the reader is here.
 */
export class DataController<T> implements ReactiveController {
  private source: DataSource = { kind: 'none' };
  private readonly task: Task<[src: string, refresh: boolean], unknown>;
  /** The load the task was last asked for (see `wanted`). */
  private requested?: string;
  /** The reader's load, awaited for data in hand. */
  private readonly readerWait: ChunkWait;
  /** Loads asked for again: Retries and refreshes. */
  private again = 0;
  /** A refresh is asked for: the next load keeps what is shown if it fails. */
  private refreshAsked = false;
  /** The load (`wanted`) that is a refresh, if the last one is. */
  private refreshFor?: string;
  /** The documents the last load read, by URL: a refresh asks for newer ones. */
  private docs = new Map<string, unknown>();
  /** After Retry, a prerendered snapshot gives way to a real load of `src`. */
  private snapshotDropped = false;
  private read?: { key: unknown; request: string; outcome: Outcome };
  private localized?: { data: unknown; locale: string; value: T };
  /** The data last shown: kept on screen while `src` loads again, and when a refresh fails. */
  private lastState?: DataState<T> & { kind: 'ready' | 'empty' };
  /** A refresh failed: the figures on screen are the last good ones. */
  private stale = false;
  private observer?: MutationObserver;

  constructor(
    private readonly host: DataHost,
    private readonly shapeOf: (reader: Reader) => DataShape<T>,
  ) {
    host.addController(this);
    this.readerWait = new ChunkWait(host);
    // Run by hostUpdate, only when there is a file to load: data in hand needs no task.
    this.task = new Task(host, { task: ([src, refresh], { signal }) => this.load(src, signal, refresh), autoRun: false });
  }

  hostConnected(): void {
    // An inline script may be added or edited after the element upgrades (CMS editors, scripts).
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /** After the state of this update is known: loads `src` when it asks for a load not yet asked for, and drops a load no longer wanted. */
  hostUpdate(): void {
    const wanted = this.wanted;
    if (wanted === this.requested) return;
    this.requested = wanted;
    this.refreshFor = this.refreshAsked ? wanted : undefined;
    this.refreshAsked = false;
    if (this.source.kind === 'src') void this.task.run([this.source.src, this.refreshFor !== undefined]);
    else this.task.abort();
  }

  /** What the source asks to load (`src`, with the timeout and the count of Retries and refreshes), or nothing for data in hand. */
  private get wanted(): string | undefined {
    return this.source.kind === 'src' ? JSON.stringify([this.source.src, this.host.timeout, this.again, this.host.sourceRequest()]) : undefined;
  }

  /** The data state for the update in progress, its language maps picked for `locale`. */
  stateFor(locale: string): DataState<T> {
    const inputs = sourceInputs(this.host);
    this.source = resolveSource(this.snapshotDropped ? { ...inputs, snapshot: undefined } : inputs);
    const { source } = this;
    if (source.kind === 'none') return { kind: 'idle' };
    if (source.kind === 'src') return this.fromTask(locale);
    const reader = loadReader.loaded;
    if (!reader) {
      this.readerWait.start(loadReader, readerMissing);
      return this.readerWait.error ? { kind: 'error', error: this.readerWait.error, retry: true } : { kind: 'loading' };
    }
    const request = this.host.sourceRequest();
    const key = JSON.stringify(request);
    const read =
      this.read && this.read.key === source.key && this.read.request === key ? this.read : (this.read = { key: source.key, request: key, outcome: this.readNow(reader, source.read, request) });
    return this.toState(read.outcome, locale, source.fromSrc);
  }

  private fromTask(locale: string): DataState<T> {
    // A load not started yet (it starts in hostUpdate) shows what was there, as loading.
    if (this.requested !== this.wanted) return { kind: 'loading', last: this.lastState?.data };
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return this.toState({ ok: true, data: this.task.value }, locale, true);
      case TaskStatus.ERROR:
        // A refresh that failed: the last good figures stay, with what went wrong.
        this.stale = this.refreshFor === this.requested && !!this.lastState;
        if (this.stale) return { ...this.lastState!, stale: asDataError(this.task.error) };
        // What was shown before this failure is not shown again while a Retry loads.
        this.lastState = undefined;
        return { kind: 'error', error: asDataError(this.task.error), retry: true };
      default:
        return { kind: 'loading', last: this.lastState?.data };
    }
  }

  /**
   * Loads `src`: the file and, beside it, the reader that checks it; then a file the response names
   * (a CKAN dataset's), when it names one; then reads it into the widget's shape.
   */
  private async load(src: string, signal: AbortSignal, refresh: boolean): Promise<unknown> {
    const { shown, url, pointer } = splitSrc(src, document.baseURI);
    const docs = new Map<string, unknown>();
    const load = async (address: string, what: string) => {
      const doc = await fetchDocument(address, what, signal, this.host.timeout ?? 15000, refresh ? this.docs.get(address) : undefined);
      docs.set(address, doc);
      return doc;
    };
    const [reader, doc] = await Promise.all([readerOrError(), load(url, shown)]);
    const shape = this.shapeOf(reader) as DataShape<unknown>;
    const request = this.host.sourceRequest();
    const raw = pointer === undefined ? doc : reader.resolvePointer(doc, pointer, shown);
    const data = reader.readData(shape, await reader.prepare(shape, raw, { url, request, load }), { url, request });
    this.docs = docs;
    return data;
  }

  private readNow(reader: Reader, read: () => unknown, request: SourceRequest): Outcome {
    try {
      // `src` too, for a snapshot read there: its address tells the reader what the data is.
      return { ok: true, data: reader.readData(this.shapeOf(reader) as DataShape<unknown>, read(), { url: this.host.src ?? undefined, request }) };
    } catch (error) {
      return { ok: false, error: asDataError(error) };
    }
  }

  /** The state of an outcome: its data for `locale`, ready or empty; or its error. */
  private toState(outcome: Outcome, locale: string, fromSrc: boolean): DataState<T> {
    if (!outcome.ok) {
      this.lastState = undefined;
      return { kind: 'error', error: outcome.error, retry: fromSrc };
    }
    this.stale = false;
    const reader = loadReader.loaded!;
    const known = this.localized;
    const localized =
      known && known.data === outcome.data && known.locale === locale ? known : (this.localized = { data: outcome.data, locale, value: reader.localize(outcome.data, locale) as T });
    const data = localized.value;
    return (this.lastState = { kind: this.shapeOf(reader).isEmpty?.(data) ? 'empty' : 'ready', data, validated: outcome.data });
  }

  /** While the reader loads for data in hand: settles once it has arrived or failed. */
  get readerLoading(): Promise<void> | undefined {
    return this.readerWait.pending;
  }

  /** Resolves once the current load has settled (for tests and scripts). */
  get settled(): Promise<unknown> {
    return this.source.kind === 'src' ? this.task.taskComplete.catch(() => undefined) : (this.readerWait.pending ?? Promise.resolve());
  }

  /** Loads again: the reader if it failed, `src` from the network (through the HTTP cache). */
  retry(): void {
    this.readerWait.reset();
    const src = this.host.src?.trim();
    if (src && !isServer) {
      try {
        clearDataCache(splitSrc(src, document.baseURI).url);
      } catch {
        // An invalid URL fails again in the load, with its message.
      }
    }
    this.snapshotDropped = true;
    // After a refresh that failed, the figures on screen stay if this load fails too.
    this.refreshAsked = this.stale;
    this.again++;
    this.host.requestUpdate();
  }

  /** When `refresh` asks: reads `src` again, sharing the request with the page's other widgets, and keeps what is shown if it fails. */
  refresh(): void {
    this.snapshotDropped = true;
    this.refreshAsked = true;
    this.again++;
    this.host.requestUpdate();
  }

  /** What `refresh` can read again: data from `src`, or a prerendered snapshot of it (which gives way to fresh data at once). */
  get refreshable(): 'src' | 'snapshot' | undefined {
    const { source } = this;
    return source.kind === 'src' ? 'src' : source.kind === 'value' && source.fromSrc ? 'snapshot' : undefined;
  }
}

function asDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DataError(message, 'validation', { cause: error });
}
