import type * as v from 'valibot';
import type { DataError } from './errors.js';
import type { HxlMapping } from './hxl.js';

/**
 * What a widget shows: nothing to read yet (`idle`), `loading` (with the data it showed before,
 * while `src` loads again), its data (`ready`, or `empty` when valid data has nothing to show), or
 * an `error` it explains (`retry`: whether loading again may help).
 */
export type DataState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly last?: T }
  | { readonly kind: 'ready' | 'empty'; readonly data: T; readonly validated?: unknown }
  | { readonly kind: 'error'; readonly error: DataError; readonly retry: boolean };

export type DataStatus = DataState<unknown>['kind'];

/** A widget's data: its shape, and how a value given in other forms (shorthand, an HXL table) is read into it. */
export interface DataShape<T> {
  /** The widget's tag, for messages: `stat-counter`. */
  name: string;
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
  /** Reads one figure out of an HXL table (see sources/key-figure.ts), as a counter does. */
  keyFigure?: boolean;
  /** True when valid data has nothing to show (the empty state). */
  isEmpty?(data: T): boolean;
}

/** How a counter makes one figure of an HXL table's rows (`hxl-aggregate`): add them up, count them, or add up those of the latest date. */
export const HXL_AGGREGATES = ['sum', 'count', 'latest'] as const;
export type HxlAggregate = (typeof HXL_AGGREGATES)[number];

/**
 * What a widget asks of a publisher's response besides its own shape (see docs/sources.md): which
 * file of a CKAN dataset (`resource`), and for a counter reading a table, which column, rows and
 * aggregate (`hxl-value`, `hxl-filter`, `hxl-aggregate`).
 */
export interface SourceRequest {
  resource?: string;
  value?: string;
  filter?: string;
  aggregate?: HxlAggregate;
}

/** Detail of the `iom-error` event. */
export interface IomErrorDetail {
  message: string;
  kind: DataError['kind'];
  cause: unknown;
}

/** The data a state shows: ready or empty, or the data kept on screen while `src` loads again. */
export function shownData<T>(state: DataState<T>): T | undefined {
  return state.kind === 'ready' || state.kind === 'empty' ? state.data : state.kind === 'loading' ? state.last : undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-load': CustomEvent<unknown>;
    'iom-error': CustomEvent<IomErrorDetail>;
  }
}
