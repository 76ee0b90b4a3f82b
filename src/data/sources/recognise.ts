// How the data reader knows a response of one of the sector's APIs, by its shape alone (whatever
// the host that served it): enough to load the APIs' readers (apis.ts, a file of their own, fetched
// only by a page that reads one) and to name the API in a message. Each API's shape is written at
// the top of its reader's file.

export type Json = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** OCHA FTS, a flow response: `{ status: "ok", data: { … } }` with a report, flows or boundary totals (fts.ts). */
export function isFts(doc: unknown): doc is Json {
  const data = isObject(doc) ? doc.data : undefined;
  return isObject(doc) && doc.status === 'ok' && isObject(data) && ['report1', 'report2', 'report3', 'flows', 'incoming'].some((key) => key in data);
}

/** A ReliefWeb list: `totalCount`, and `data` of items with `fields` (reliefweb.ts). */
export function isReliefWeb(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc.totalCount === 'number' && Array.isArray(doc.data) && doc.data.every((item) => isObject(item) && isObject(item.fields));
}

/** A CKAN `package_show` response (`success` and a `result` with `resources`), or its `result` alone (ckan.ts). */
export function isCkanPackage(doc: unknown): doc is Json {
  const dataset = isObject(doc) && doc.success === true ? doc.result : doc;
  return isObject(dataset) && Array.isArray(dataset.resources) && typeof dataset.name === 'string' && ('title' in dataset || 'organization' in dataset);
}

/** An IOM DTM API v3 response: `result` rows with `isSuccess` (dtm.ts). */
export function isDtm(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc.isSuccess === 'boolean' && Array.isArray(doc.result);
}

/** A Missing Migrants Project list: objects with "Total Dead and Missing" (missing-migrants.ts). */
export function isMissingMigrants(doc: unknown): doc is Json[] {
  return Array.isArray(doc) && doc.length > 0 && doc.every((row) => isObject(row) && 'Total Dead and Missing' in row);
}

/** The HXL Proxy's object-style JSON: a list of objects whose keys are all hashtags (hxl-proxy.ts). */
export function isHxlObjects(doc: unknown): doc is Json[] {
  return Array.isArray(doc) && doc.length > 0 && doc.every((row) => isObject(row) && Object.keys(row).length > 0 && Object.keys(row).every((key) => key.trim().startsWith('#')));
}

/** The API whose response `doc` is, in words ("an OCHA FTS response"), or undefined for anything else. */
export function apiOf(doc: unknown): string | undefined {
  if (isFts(doc)) return 'an OCHA FTS response';
  if (isReliefWeb(doc)) return 'a ReliefWeb list';
  if (isCkanPackage(doc)) return 'a CKAN package_show response';
  if (isDtm(doc)) return 'an IOM DTM API response';
  if (isMissingMigrants(doc)) return 'a Missing Migrants Project response';
  if (isHxlObjects(doc)) return "the HXL Proxy's JSON";
  return undefined;
}

/** An address of the HXL Proxy (or any that names the table it serves in `url=`): its tables are cited as that table. */
export function isProxyAddress(url: string | undefined): boolean {
  return !!url && /[?&]url=/i.test(url);
}
