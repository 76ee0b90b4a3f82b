// The readers of the sector's APIs, one file of the library of their own (fetched by the data reader
// only when a page reads one: see ../reader.ts). Each API is recognised by the shape of its response
// (recognise.ts), whatever the host that served it (the publisher, a proxy, a mirror, a saved
// copy): a widget's `src` takes the address the webmaster already has. Each reader is a file of
// this folder with its response's shape written at its top; docs/sources.md says which widget
// reads which, with an example each.
//
//   OCHA FTS flow            → donor-ranking   (fts.ts)
//   ReliefWeb disasters      → emergency-list  (reliefweb.ts)
//   HXL Proxy JSON and CSV   → any widget, by its hashtags (hxl-proxy.ts, ../hxl.ts, key-figure.ts)
//   CKAN package_show (HDX)  → any widget: one of its files, an HXL table (ckan.ts)
//   IOM DTM API v3           → stat-counter, at build time only: it needs a key (dtm.ts)
//   Missing Migrants Project → stat-counter   (missing-migrants.ts)
import type { DataShape } from '../data-state.js';
import { DataError } from '../errors.js';
import { chooseResource } from './ckan.js';
import { CitedTable, isObject, type Kit, type ReadContext } from './common.js';
import { tableFromDtm } from './dtm.js';
import { donorsFromFts } from './fts.js';
import { proxyCitation, rowsFromHxlObjects } from './hxl-proxy.js';
import { keyFigure } from './key-figure.js';
import { tableFromMissingMigrants } from './missing-migrants.js';
import { emergenciesFromReliefWeb } from './reliefweb.js';

export { httpError, networkError } from './requests.js';
export type { ReadContext } from './common.js';

type Shape = DataShape<unknown>;

/** Reads `read()` when the widget is `widget`; else says which widget reads what `what` is. */
function only(shape: Shape, widget: string, what: string, read: () => unknown): unknown {
  if (shape.name !== widget) throw new DataError(`${what} is read by <${widget}>, not by <${shape.name}> (see docs/sources.md)`, 'source');
  return read();
}

/**
 * `raw` in the widget's own shape when it is the response of one of the sector's APIs or an HXL
 * table; anything else as it came (the widget's own data, checked next). Throws the widget's error,
 * which names the publisher and the field it could not read.
 */
function fromSource(shape: Shape, raw: unknown, ctx: ReadContext, kit: Kit): unknown {
  const { isFts, isReliefWeb, isDtm, isMissingMigrants, isHxlObjects } = kit.recognise;
  const { isHxlTable } = kit.hxl;
  if (isFts(raw)) return only(shape, 'donor-ranking', 'an OCHA FTS response', () => donorsFromFts(raw, ctx));
  if (isReliefWeb(raw)) return only(shape, 'emergency-list', 'a ReliefWeb list', () => emergenciesFromReliefWeb(raw));
  let table: CitedTable | undefined;
  if (raw instanceof CitedTable) table = raw;
  else if (isDtm(raw)) table = tableFromDtm(raw);
  else if (isMissingMigrants(raw)) table = tableFromMissingMigrants(raw, ctx.url);
  else if (isHxlObjects(raw)) table = new CitedTable(rowsFromHxlObjects(raw), proxyCitation(ctx.url) ?? ctx.cite);
  else if (isHxlTable(raw)) table = new CitedTable(raw, proxyCitation(ctx.url) ?? ctx.cite);
  return table ? fromTable(shape, table, ctx, kit) : raw;
}

/** An HXL table in the widget's shape: a counter's one figure, a list's rows by hashtag; the table's citation as its source. */
function fromTable(shape: Shape, table: CitedTable, ctx: ReadContext, kit: Kit): unknown {
  const cite = table.source;
  if (shape.keyFigure) {
    const figure = keyFigure(kit.hxl, table.rows, ctx.request, table.figure);
    const source = cite && { ...cite, ...(figure.asOf ? { asOf: figure.asOf } : {}) };
    return {
      value: figure.value,
      ...(figure.label ? { label: figure.label } : {}),
      ...(figure.year ?? cite?.year ? { year: figure.year ?? cite?.year } : {}),
      ...(source ? { source } : {}),
    };
  }
  if (!shape.hxl) throw new DataError(`<${shape.name}> does not read HXL tables: give it its own data (see docs/widgets.md)`, 'hxl');
  const data = shape.hxl.toData(kit.hxl.mapHxl(table.rows, shape.hxl.mapping));
  return cite && isObject(data) && data.source === undefined ? { ...data, source: cite } : data;
}

/** What reading a response needs: where it was read, how to get another document, and what the widget asks. */
export interface FollowContext extends ReadContext {
  url: string;
  /** Loads another document (a dataset's file), as `src` is loaded: shared, cached, with the same errors. */
  load: (url: string, shown: string) => Promise<unknown>;
}

/**
 * The response of one of the sector's APIs (or an HXL table a counter or a citation needs) in the
 * widget's shape, its source filled in; a CKAN dataset is followed to the file it reads (a second
 * request). The widget's schema checks the outcome next.
 */
export async function read(shape: Shape, raw: unknown, ctx: FollowContext, kit: Kit): Promise<unknown> {
  return fromSource(shape, await follow(shape, raw, ctx, kit), ctx, kit);
}

/** A response that names the data rather than holding it, followed: a CKAN dataset's HXL file, read as a table cited as the dataset. */
async function follow(shape: Shape, raw: unknown, ctx: FollowContext, kit: Kit): Promise<unknown> {
  if (!kit.recognise.isCkanPackage(raw)) return raw;
  const { requiredPatterns, isHxlTable } = kit.hxl;
  const { isHxlObjects } = kit.recognise;
  // What the widget needs of a table: a counter its hxl-value column (any tagged table without one,
  // to say which columns there are), a list the hashtags of its required fields.
  const fits = shape.keyFigure ? [ctx.request?.value?.trim() ? [ctx.request.value.trim()] : []] : shape.hxl ? requiredPatterns(shape.hxl.mapping) : [[]];
  const chosen = chooseResource(kit.hxl, raw, ctx.url, fits, ctx.request?.resource);
  const doc = await ctx.load(chosen.url, chosen.name);
  const rows = isHxlObjects(doc) ? rowsFromHxlObjects(doc) : doc;
  if (!isHxlTable(rows)) throw new DataError(`the file "${chosen.name}" of the dataset is not an HXL table (no row of hashtags such as #country+code): name another with resource="…"`, 'hxl');
  return new CitedTable(rows, chosen.source);
}
