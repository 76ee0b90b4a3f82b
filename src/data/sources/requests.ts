// Why a request for `src` failed, in words that tell the webmaster what to do: an answer that is not
// a success (ReliefWeb's appname, a quota, a key), or a server that does not let the page read it
// (CORS). With the APIs' readers (loaded when a request fails); the request itself is made by
// ../fetch-cache.ts, and an HTML page where data was expected is told by ../reader.ts.
import { DataError } from '../errors.js';
import { at, queryValue } from './common.js';

const GUIDE = 'docs/sources.md';
const BUILD_TIME = `read it at build time with \`npx iom-widgets fetch\` (run on a schedule) and point the widget at the file it writes: see ${GUIDE}`;

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/** ReliefWeb's API, on its own host or behind a proxy (its `appname` gives it away). */
const isReliefWebAddress = (url: string) => /(^|\.)reliefweb\.int$/i.test(hostOf(url)) || queryValue(url, 'appname') !== undefined;

/** IOM's DTM API, which needs a subscription key. */
export const isDtmAddress = (url: string) => /(^|\.)dtmapi\.iom\.int$/i.test(hostOf(url)) || /\/v3\/displacement\//i.test(url);

const RELIEFWEB_APPNAME =
  'since 1 November 2025 ReliefWeb answers only an appname approved in advance: request one at https://apidoc.reliefweb.int/parameters#appname (one business day), then put it in the address (appname=…)';

const DTM_KEY = `the IOM DTM API needs a subscription key, which must never be in a page (anyone could read it there): ${BUILD_TIME}`;

/** What the server said, when its answer's body says it in JSON (`{"error": {"message": …}}`, `{"message": …}`). */
function said(body: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    const message = at(json, 'error', 'message') ?? at(json, 'message') ?? at(json, 'error');
    return typeof message === 'string' && message.trim() ? message.trim().slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

/** The error for an answer that is not a success: `status`, its text, and the body it came with. */
export function httpError(status: number, statusText: string, url: string, shown: string, body: string): DataError {
  const code = `${status} ${statusText || 'error'}`.trim();
  const server = said(body);
  const quote = server ? ` (the server says: "${server}")` : '';
  if (status === 429) {
    const quota = isReliefWebAddress(url) ? ' ReliefWeb allows 1,000 calls a day per appname.' : '';
    return new DataError(`Could not load ${shown}: too many requests (429): ${hostOf(url) || 'the server'}'s quota is used up for now.${quota} Retry later; a busy site reads the data at build time instead: ${BUILD_TIME}`, 'quota');
  }
  if (isReliefWebAddress(url) && (status === 400 || status === 403)) {
    const appname = queryValue(url, 'appname');
    const which = appname ? `appname "${appname}"` : 'an address without appname';
    const why = status === 403 ? `${which} is not approved` : appname ? `ReliefWeb refused the request for ${which}` : 'the address has no appname';
    return new DataError(`Could not load ${shown}: ${code}: ${why}${quote}; ${RELIEFWEB_APPNAME}`, 'access');
  }
  if (isDtmAddress(url) && (status === 401 || status === 403)) return new DataError(`Could not load ${shown}: ${code}: ${DTM_KEY}`, 'access');
  if (status === 401 || status === 403) {
    return new DataError(`Could not load ${shown}: ${code}: it needs a key or a login${quote}, which a page must not carry; ${BUILD_TIME}`, 'access');
  }
  return new DataError(`Could not load ${shown}: ${code}${quote}`, 'http');
}

/**
 * The error for a request that got no answer the page may read. A request to another origin is
 * tried again without reading it (`no-cors`): when the server answers that, it is there, and it
 * does not let this page's origin read it (CORS).
 */
export async function networkError(url: string, shown: string, cause: unknown, signal: AbortSignal): Promise<DataError> {
  const why = cause instanceof Error ? cause.message : String(cause);
  if (isDtmAddress(url)) return new DataError(`Could not load ${shown}: ${DTM_KEY}`, 'access', { cause });
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  if (origin && origin !== 'null' && hostOf(url) && new URL(url).origin !== origin) {
    try {
      await fetch(url, { mode: 'no-cors', signal });
      return new DataError(
        `Could not load ${shown}: its server answered, but does not allow this page's origin (${origin}) to read it (CORS). Read a table through the HXL Proxy (https://proxy.hxlstandard.org/data.json?url=…, which allows every origin), or ${BUILD_TIME}`,
        'cors',
        { cause },
      );
    } catch {
      // No answer at all: the network, or a server that is down.
    }
  }
  return new DataError(`Could not load ${shown}: network error (${why})`, 'network', { cause });
}
