// The data layer's shared shapes: what a widget's data spec is and how it loads, what a widget
// exposes to the data controller, its statuses, and how an error is announced. Used by the
// controller (data-controller.ts), the reader, each widget's spec and the base class.
import type { ReactiveControllerHost } from 'lit';
import type * as v from 'valibot';
import type { DataError } from './errors.js';
import type { HxlMapping } from './hxl.js';
import { emit } from '../base/events.js';

/** A widget's data spec, loaded on demand with the reader (its schemas hold valibot). */
export interface SpecLoader<T> {
  (): Promise<DataSpec<T>>;
  /** The spec, once loaded. */
  loaded?: DataSpec<T>;
}

/** Every spec loader made so far (see `loadDataLayers` in data-controller.ts). */
export const SPEC_LOADERS = new Set<SpecLoader<unknown>>();

/**
 * The loader of a widget's data spec, for its module to pass to the DataController:
 * `lazySpec(() => import('./stat-counter.spec.js').then((m) => m.spec))`. Loads once.
 */
export function lazySpec<T>(load: () => Promise<DataSpec<T>>): SpecLoader<T> {
  let loading: Promise<DataSpec<T>> | undefined;
  const loader: SpecLoader<T> = () =>
    (loading ??= load().then(
      (spec) => (loader.loaded = spec),
      (error: unknown) => {
        loading = undefined; // Retry asks again.
        throw error;
      },
    ));
  SPEC_LOADERS.add(loader as SpecLoader<unknown>);
  return loader;
}

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

/**
 * Reports an error the way every widget does: one console warning naming the element, and an
 * `iom-error` event (bubbling, composed). Widgets that check their own attributes use it too.
 */
export function announceError(host: HTMLElement, error: DataError): void {
  console.warn(`<${host.localName}>: ${error.message}`);
  const detail: IomErrorDetail = { message: error.message, kind: error.kind, cause: error.cause ?? error };
  emit<IomErrorDetail>(host, 'iom-error', detail);
}
