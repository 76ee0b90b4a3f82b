// The data layer's reading half, loaded on demand (see `loadReader` in data-controller.ts): it is
// fetched when a widget first has a data source (`data`, an inline script, `src`), so a counter
// given plain attributes downloads no validation, fetching or JSON Pointer code.
import { splitAtHash } from './fetch-cache.js';
import { pointerFromHash } from './json-pointer.js';
import { loadedTables } from './load-tables.js';
import { validate } from './validate.js';
import type { DataSpec } from './data-spec.js';

export { Task, TaskStatus, initialState } from '@lit/task';
export { resolvePointer, pointerFromHash } from './json-pointer.js';
export { localize } from './localize.js';

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

/** `/data/r.json#/objectives/0` → the URL as written (without its fragment) and the JSON Pointer. */
export function splitFragment(src: string): { shown: string; pointer: string | undefined } {
  const { shown, hash } = splitAtHash(src);
  const pointer = hash ? pointerFromHash(hash) : undefined;
  return { shown, pointer: pointer === '' ? undefined : pointer };
}
