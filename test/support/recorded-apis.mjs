// The sector's APIs, offline: a local server that answers their addresses with the recorded
// responses of test/fixtures/sources/ (README there), as the real ones answer (ReliefWeb's appname,
// DTM's key header), and records every request it gets. Imported with IOM_RECORDED_APIS set
// (`node --import ./test/support/recorded-apis.mjs`, the server's base address in it), it sends the
// process's requests to those hosts to that server instead, and refuses any other outside request:
// a command runs as written, never against the real APIs.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/sources');
/** The hosts answered by the recorded responses. */
export const API_HOSTS = ['api.hpc.tools', 'api.reliefweb.int', 'dtmapi.iom.int', 'missingmigrants.iom.int', 'data.humdata.org', 'proxy.hxlstandard.org', 'copies', 'saved'];
/** The DTM key the recorded DTM API accepts. */
export const TEST_DTM_KEY = 'test-dtm-key-3f9a1c77e2';
/** ReliefWeb appnames the recorded API treats as not approved, or out of quota. */
export const APPNAME = { approved: 'iom-widgets-test', notApproved: 'not-approved', usedUp: 'used-up' };

const TYPES = { '.json': 'application/json', '.csv': 'text/csv', '.html': 'text/html' };
const file = (name) => ({ status: 200, type: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain', body: readFileSync(resolve(FIXTURES, name)) });
const json = (status, value) => ({ status, type: 'application/json', body: JSON.stringify(value) });

/** The answer to a request for `host` + `path` + `query`, with its `headers`, or undefined (404). */
function answer(host, path, query, headers) {
  switch (`${host}${path}`) {
    case 'api.hpc.tools/v1/public/fts/flow':
      if (query.get('groupby') === 'organization') return file('fts-flow-groupby-organization.fictitious.json');
      if (query.get('planId') === '832') return file('fts-flow-planid-832-groupby-cluster.json');
      if (query.get('locationId') === '171') return file(`fts-flow-locationid-171-year-2020-page-${query.get('page') ?? '1'}.json`);
      return file('fts-flow-all-flows.fictitious.json');
    case 'api.reliefweb.int/v2/disasters': {
      // Since 1 November 2025: 400 without an appname, 403 for one not approved (apidoc.reliefweb.int).
      const appname = query.get('appname');
      if (!appname) return json(400, { status: 400, error: { type: 'BadRequestHttpException', message: 'Missing appname parameter.' } });
      if (appname === APPNAME.notApproved) return json(403, { status: 403, error: { type: 'AccessDeniedHttpException', message: 'Not approved appname.' } });
      if (appname === APPNAME.usedUp) return json(429, { status: 429, error: { type: 'TooManyRequestsHttpException', message: 'Quota exceeded.' } });
      return file(query.get('preset') === 'examples' ? 'reliefweb-disasters-public-examples.json' : 'reliefweb-disasters.fictitious.json');
    }
    case 'dtmapi.iom.int/v3/displacement/admin0':
      // Azure API Management's answer to a missing or wrong key.
      if (headers['ocp-apim-subscription-key'] !== TEST_DTM_KEY) return json(401, { statusCode: 401, message: 'Access denied due to invalid subscription key.' });
      return file('dtm-v3-displacement-admin0-hti.json');
    case 'missingmigrants.iom.int/global-figures/2024/json':
      return file('missing-migrants-global-figures-2024.fictitious.json');
    case 'data.humdata.org/api/3/action/package_show':
      return query.get('id') === 'global-iom-dtm-from-api' ? file('ckan-package-show-dtm.json') : json(404, { success: false, error: { message: 'Not found' } });
    case 'data.humdata.org/api/3/action/dtm-admin-0-to-2-hti.hxl.csv':
    case 'data.humdata.org/api/3/action/dtm-data-for-quickcharts.hxl.csv':
      return file(path.slice(path.lastIndexOf('/') + 1));
    case 'data.humdata.org/dataset/global-iom-dtm-from-api':
      return file('not-data.html');
    case 'proxy.hxlstandard.org/data.json':
      return file('hxl-proxy/data.json');
    case 'proxy.hxlstandard.org/data.objects.json':
      return file('hxl-proxy/data.objects.json');
    case 'proxy.hxlstandard.org/data.csv':
      return file('dtm-data-for-quickcharts.hxl.csv');
  }
  // A copy a test made: https://saved/<name> (see `saved` below).
  if (host === 'saved' && saved.has(path.slice(1))) return { status: 200, type: 'application/json', body: saved.get(path.slice(1)) };
  // A saved copy: any recorded file at https://copies/<file>.
  if (host === 'copies' && /^\/[\w./-]+$/.test(path) && !path.includes('..')) {
    try {
      return file(path.slice(1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Documents a test serves at https://saved/<name>, by name: a response changed on purpose. */
export const saved = new Map();

/**
 * Starts the recorded APIs: `base` (`http://127.0.0.1:PORT`), where `${base}/${host}/path?query`
 * answers as `https://${host}/path?query`; `requests`, each request as { host, path, query, headers };
 * `close()`.
 */
export async function serveRecordedApis() {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const [, host, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    requests.push({ host, path, query: url.search, headers: req.headers });
    const found = answer(host, path, url.searchParams, req.headers) ?? { status: 404, type: 'text/plain', body: 'Not Found' };
    res.writeHead(found.status, { 'content-type': found.type }).end(found.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => (server.closeAllConnections(), new Promise((ok) => server.close(ok))),
  };
}

/** Sends this process's requests to the APIs' hosts to `base` instead; any other outside request fails. Returns the undo. */
export function redirectFetch(base) {
  const real = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === base) return real(input, init);
    if (!API_HOSTS.includes(url.hostname)) return Promise.reject(new TypeError(`fetch failed`, { cause: new Error(`offline test: no request to ${url.hostname}`) }));
    return real(`${base}/${url.hostname}${url.pathname}${url.search}`, init);
  };
  return () => (globalThis.fetch = real);
}

if (process.env.IOM_RECORDED_APIS) redirectFetch(process.env.IOM_RECORDED_APIS);
