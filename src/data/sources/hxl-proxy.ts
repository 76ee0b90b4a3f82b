// The HXL Proxy (https://proxy.hxlstandard.org, CORS open), which serves any HXL table, on HDX or
// elsewhere, filtered or not, as CSV (`/data.csv?url=…`) or JSON (`/data.json?url=…`). Its JSON
// comes in the two styles of libhxl's `write_json` (HXLStandard/libhxl-python, hxl/io.py):
//
//   rows:    [["Province", "Organisation"], ["#adm1+name", "#org"], ["Coast", "Org A"], …]
//   objects: [{ "#adm1+name": "Coast", "#org": "Org A" }, …]          (/data.objects.json)
//
// CSV and row-style JSON are HXL tables as they come (see ../hxl.ts); object-style JSON is turned
// into one here. The proxy's address names the table it serves (`url=`): that is the citation.
import { queryValue, type Citation, type Json } from './common.js';


/** Object-style HXL JSON as an HXL table: a hashtag row (every key, in order of appearance), then the rows. */
export function rowsFromHxlObjects(doc: Json[]): unknown[][] {
  const tags = [...new Set(doc.flatMap((row) => Object.keys(row)))];
  return [tags, ...doc.map((row) => tags.map((tag) => row[tag] ?? ''))];
}

/**
 * The citation of a table the HXL Proxy serves: the table named by its address's `url=`, by its host
 * (`data.humdata.org`). Undefined for any other address (a table of the site's own cites itself in
 * `#meta+source`, if at all).
 */
export function proxyCitation(url: string | undefined): Citation | undefined {
  const proxied = queryValue(url, 'url');
  if (!proxied) return undefined;
  try {
    const table = new URL(proxied);
    return /^https?:$/.test(table.protocol) ? { title: table.hostname, url: table.href } : undefined;
  } catch {
    return undefined;
  }
}
