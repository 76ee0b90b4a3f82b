import { once, within } from '../base/once.js';
import { DataError } from './errors.js';

/**
 * The reading half of the data layer (src/data/reader.ts: checking, JSON Pointers, CSV and HXL,
 * every widget's data shape), loaded when a widget first has data to read: a counter given plain
 * attributes downloads none of it.
 */
export const loadReader = once(() => import('./reader.js'));

export type Reader = typeof import('./reader.js');

/** What a widget says when the reader cannot be loaded, `why` being the browser's words. */
export function readerMissing(why: string): string {
  return `could not load the widgets' data reader (${why}): check that the files beside the widget's script were uploaded too`;
}

/** The reader, or the widget's error saying why it could not be loaded. */
export function readerOrError(): Promise<Reader> {
  return within(loadReader()).catch((cause: unknown) => {
    throw new DataError(readerMissing(cause instanceof Error ? cause.message : String(cause)), 'network', { cause });
  });
}
