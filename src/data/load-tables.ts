type Tables = typeof import('./tables.js');

let tables: Tables | undefined;
let loading: Promise<Tables> | undefined;

/** The table readers (CSV and HXL), once loaded. */
export function loadedTables(): Tables | undefined {
  return tables;
}

/** Loads the table readers, once per page. */
export function loadTables(): Promise<Tables> {
  return (loading ??= import('./tables.js').then((m) => (tables = m)));
}

/** Whether `raw` is rows of cells (an array of arrays): the only shape that may be an HXL table. */
export function looksLikeTable(raw: unknown): raw is unknown[][] {
  return Array.isArray(raw) && raw.length > 0 && raw.every(Array.isArray);
}
