// The reading half of the data layer, one chunk loaded on demand (see load-reader.ts): checking,
// JSON Pointers, CSV and HXL, and the data shape of every widget. The readers of the sector's APIs
// are a file of their own (sources/apis.ts), which this one fetches only when a page reads one, or
// when a request fails (to say why). Everything this chunk imports that is not in it is in the core
// every page has already loaded, so a failed load of this chunk is retried by asking for this one
// file again.
import { donorRankingShape } from '../donor-ranking/donor-ranking.data.js';
import { emergencyListShape } from '../emergency-list/emergency-list.data.js';
import { objectiveCardShape } from '../objective-card/objective-card.data.js';
import { statCounterShape } from '../stat-counter/stat-counter.data.js';
import { once, within } from '../base/once.js';
import { parseCsv } from './csv.js';
import type { DataShape } from './data-state.js';
import { DataError } from './errors.js';
import * as hxl from './hxl.js';
import { readerMissing } from './load-reader.js';
import { parseJson } from './parse.js';
import type { FollowContext, ReadContext } from './sources/apis.js';
import * as recognise from './sources/recognise.js';
import { validate } from './validate.js';

export { parseCsv } from './csv.js';
export { resolvePointer } from './json-pointer.js';
export { localize } from './localize.js';
export type { FollowContext, ReadContext } from './sources/apis.js';

/** The data shapes of the four widgets. */
export const shapes = { statCounter: statCounterShape, emergencyList: emergencyListShape, donorRanking: donorRankingShape, objectiveCard: objectiveCardShape };

type Shape = DataShape<unknown>;

/**
 * A downloaded data file read: CSV (by its content type or a `.csv` path) into rows, anything else
 * as JSON. An HTML page (told by its first characters, not its content type: a JSON file served as
 * text/html is still read) is an error of its own: a web page, a login page or an error page where
 * the data was expected. `url` is absolute; `shown` is the URL as written, for the message.
 */
export function parseDocument(text: string, url: string, shown: string, contentType: string | null): unknown {
  if (/^\uFEFF?\s*<(!doctype|html|head|body|!--|\?xml)/i.test(text)) {
    throw new DataError(
      `${shown} is a web page (HTML), not data: check the address (it may be the web page about the data, a login page or an error page, rather than the API's answer or the file itself)`,
      'html',
    );
  }
  if (/(^|[/+;\s])csv\b/i.test(contentType ?? '') || /\.csv$/i.test(new URL(url).pathname)) return parseCsv(text);
  return parseJson(text, shown);
}

/** The readers of the sector's APIs, loaded the first time a page reads one (or a request fails). */
const loadApis = once(() => import('./sources/apis.js'));
const apisOrError = () =>
  within(loadApis()).catch((cause: unknown) => {
    throw new DataError(readerMissing(cause instanceof Error ? cause.message : String(cause)), 'network', { cause });
  });
const kit = { hxl, recognise };

/**
 * Why a request for `url` failed, in the webmaster's words (sources/requests.ts): its answer's
 * `status`, or the error of a request that got none (`cause`). When the words cannot be loaded
 * either (the network is down), the plain reason.
 */
export async function requestError(url: string, shown: string, failure: { status: number; statusText: string; body: string } | { cause: unknown }, signal: AbortSignal): Promise<DataError> {
  try {
    const apis = await apisOrError();
    return 'status' in failure ? apis.httpError(failure.status, failure.statusText, url, shown, failure.body) : await apis.networkError(url, shown, failure.cause, signal);
  } catch {
    if ('status' in failure) return new DataError(`Could not load ${shown}: ${failure.status} ${failure.statusText || 'error'}`.trim(), 'http');
    return new DataError(`Could not load ${shown}: network error (${failure.cause instanceof Error ? failure.cause.message : String(failure.cause)})`, 'network', { cause: failure.cause });
  }
}

/** Whether `raw` is for the APIs' readers: an API's response, or an HXL table that a counter reads a figure out of, or that the HXL Proxy served (to cite the table it serves). */
function forApis(shape: Shape, raw: unknown, url?: string): boolean {
  return recognise.apiOf(raw) !== undefined || (hxl.isHxlTable(raw) && (!!shape.keyFigure || recognise.isProxyAddress(url)));
}

/**
 * A response read at `src` made ready for `readData`: the response of one of the sector's APIs
 * read into the widget's shape (a CKAN dataset followed to its file), by the APIs' readers, loaded
 * for it; anything else as it came.
 */
export async function prepare(shape: Shape, raw: unknown, ctx: FollowContext): Promise<unknown> {
  return forApis(shape, raw, ctx.url) ? (await apisOrError()).read(shape, raw, ctx, kit) : raw;
}

/**
 * What a widget does with a value it has read, the one place it is written: an HXL table mapped to
 * the widget's fields, shorthand normalized, then the schema checked. Returns the valid data
 * (language maps not yet picked) or throws the `DataError` the widget shows. A response of one of
 * the sector's APIs is read from `src` (see `prepare`): given in the page, it is an error that says
 * so. The embed builder checks entries with it too.
 */
export function readData(shape: Shape, raw: unknown, ctx: ReadContext = {}): unknown {
  let value = raw;
  if (forApis(shape, value, ctx.url)) {
    const what = recognise.apiOf(value) ?? (shape.keyFigure ? 'a figure out of an HXL table' : 'a table of the HXL Proxy');
    throw new DataError(`${what} is read from its address: put the address (or a saved copy's) in src (see docs/sources.md)`, 'source');
  }
  if (shape.hxl && hxl.isHxlTable(value)) value = shape.hxl.toData(hxl.mapHxl(value, shape.hxl.mapping));
  if (shape.normalize) value = shape.normalize(value);
  return validate(shape.schema, value, shape.root ?? 'data');
}
