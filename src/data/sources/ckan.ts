// CKAN's `package_show` (the API of HDX, data.humdata.org, and of many data portals):
// `…/api/3/action/package_show?id=global-iom-dtm-from-api`. Documented at
// https://docs.ckan.org/en/latest/api/ (ckan.logic.action.get.package_show); the recorded dataset in
// test/fixtures/sources/ is HDX's own (OCHA-DAP/hdx-scraper-iom-dtm, tests/fixtures/input/).
//
//   { "help": "…", "success": true,
//     "result": { "name": "global-iom-dtm-from-api", "title": "Global IOM Displacement Tracking Matrix (DTM) from API",
//                 "organization": { "title": "International Organization for Migration (IOM)" },
//                 "resources": [{ "id": "80911e9b-…", "name": "Global IOM DTM data for admin levels 0-2", "format": "CSV",
//                                 "url": "https://data.humdata.org/…/global-iom-dtm-from-api-admin-0-to-2.csv",
//                                 "last_modified": "2025-02-02T11:26:42.157147",
//                                 "fs_check_info": "[…{\"hxl_proxy_response\": {\"sheets\": [{\"hxl_headers\": [\"#affected+idps\", …]}]}}]" }] } }
//
// A dataset is a list of files: the widget reads one of them, an HXL table. The `resource`
// attribute names it (its id, its name or its position from 1); without it, the first whose
// hashtags fit the widget (HDX records each file's hashtags in `fs_check_info`), else the first CSV.
import { DataError } from '../errors.js';
import { at, isObject, isoDay, type Citation, type Json, type Kit } from './common.js';


/** The file of a dataset the widget reads, and the citation of what is read from it. */
export interface ChosenResource {
  url: string;
  name: string;
  source: Citation;
}

/** The hashtags HDX found in a resource (`fs_check_info`, a JSON text), or undefined when it does not say. */
function hashtagsOf(resource: Json): string[] | undefined {
  if (typeof resource.fs_check_info !== 'string') return undefined;
  try {
    const checks = JSON.parse(resource.fs_check_info) as unknown[];
    for (const check of [...checks].reverse()) {
      const headers = at(check, 'hxl_proxy_response', 'sheets', 0, 'hxl_headers');
      if (Array.isArray(headers)) return headers.filter((h): h is string => typeof h === 'string');
    }
  } catch {
    // Not what HDX writes: the hashtags are not known before the file is read.
  }
  return undefined;
}

const label = (resource: Json, i: number) => `${i + 1}. ${typeof resource.name === 'string' ? resource.name : '(no name)'} (${typeof resource.format === 'string' ? resource.format : 'no format'})`;

/**
 * The resource of `doc` a widget reads: the one `wanted` names (id, name or position from 1), else
 * the first whose recorded hashtags include all of `fits` (what the widget needs), else the first
 * CSV. `address` (absolute) resolves a relative resource URL; it gives the dataset's page too.
 */
export function chooseResource({ matchesAll }: Kit['hxl'], doc: Json, address: string, fits: string[][], wanted?: string): ChosenResource {
  const dataset = (doc.success === true ? doc.result : doc) as Json;
  const resources = (dataset.resources as unknown[]).filter(isObject);
  const list = resources.map(label).join('; ') || 'none';
  let chosen: Json | undefined;
  if (wanted?.trim()) {
    const key = wanted.trim();
    const position = /^\d+$/.test(key) ? Number(key) - 1 : -1;
    chosen = resources[position] ?? resources.find((r) => r.id === key || (typeof r.name === 'string' && r.name.trim().toLowerCase() === key.toLowerCase()));
    if (!chosen) throw new DataError(`resource="${key}" names no file of the dataset "${String(dataset.name)}": its files are ${list}`, 'source');
  } else {
    const csv = resources.filter((r) => typeof r.format === 'string' && /csv/i.test(r.format));
    chosen =
      csv.find((r) => {
        const tags = hashtagsOf(r);
        return tags !== undefined && fits.some((needed) => matchesAll(tags, needed));
      }) ?? csv.find((r) => hashtagsOf(r) === undefined);
    if (!chosen) {
      throw new DataError(`the dataset "${String(dataset.name)}" has no HXL-tagged CSV file with the hashtags this widget reads (${fits.map((f) => f.join(' ')).join(', or ')}): name one with resource="…"; its files are ${list}`, 'source');
    }
  }
  const href = typeof chosen.download_url === 'string' ? chosen.download_url : chosen.url;
  if (typeof href !== 'string' || !href) throw new DataError(`the file "${String(chosen.name)}" of the dataset "${String(dataset.name)}" has no url`, 'source');
  const origin = new URL(address).origin;
  const organisation = at(dataset, 'organization', 'title');
  const asOf = isoDay(chosen.last_modified) ?? isoDay(dataset.last_modified);
  return {
    url: new URL(href, address).href,
    name: typeof chosen.name === 'string' ? chosen.name : href,
    source: {
      title: typeof dataset.title === 'string' ? dataset.title : String(dataset.name),
      ...(typeof organisation === 'string' ? { publisher: organisation } : {}),
      url: `${origin}/dataset/${encodeURIComponent(String(dataset.name))}`,
      ...(asOf ? { asOf } : {}),
    },
  };
}
