// ReliefWeb API v2 (OCHA), its disasters: `https://api.reliefweb.int/v2/disasters?appname=…`.
// Result structure documented at https://apidoc.reliefweb.int/result-structure, fields at
// https://apidoc.reliefweb.int/fields-tables; recorded responses in test/fixtures/sources/.
//
//   { "href": "…", "time": 12, "totalCount": 41, "count": 10,
//     "data": [{ "id": "52108", "href": "…/v2/disasters/52108",
//                "fields": { "name": "Chad: Floods - Aug 2024", "glide": "FL-2024-000139-TCD", "status": "ongoing",
//                            "primary_country": { "name": "Chad", "iso3": "tcd" }, "country": [{ "name": "Chad", "iso3": "tcd" }],
//                            "primary_type": { "name": "Flood" }, "type": [{ "name": "Flood" }],
//                            "date": { "event": "2024-08-01T00:00:00+00:00", "changed": "…" },
//                            "url": "https://reliefweb.int/disaster/fl-2024-000139-tcd" } }] }
//
// Since 1 November 2025 the API answers only an appname approved in advance (400 without one, 403
// for one not approved): see errors.ts.
import { isObject, isoDay, latest, missing, type Citation, type Json } from './common.js';

const RELIEFWEB = 'ReliefWeb';


// ReliefWeb's disaster statuses, in the widgets' four languages (any other is shown as it comes).
const STATUS: Record<string, Record<string, string>> = {
  alert: { en: 'Alert', fr: 'Alerte', es: 'Alerta', ar: 'تنبيه' },
  ongoing: { en: 'Ongoing', fr: 'En cours', es: 'En curso', ar: 'جارية' },
  current: { en: 'Ongoing', fr: 'En cours', es: 'En curso', ar: 'جارية' },
  past: { en: 'Past', fr: 'Passée', es: 'Pasada', ar: 'سابقة' },
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const names = (list: unknown, key: string) => (Array.isArray(list) ? list.map((item) => text(isObject(item) ? item[key] : undefined)).filter((s): s is string => !!s) : []);

/** The disasters of a ReliefWeb list, as `<emergency-list>` data, each with its link to its ReliefWeb page. */
export function emergenciesFromReliefWeb(doc: Json): unknown {
  const items = doc.data as Json[];
  const changed: (string | undefined)[] = [];
  const emergencies = items.map((item, i) => {
    const f = item.fields as Json;
    const name = text(f.name);
    if (!name) throw missing(RELIEFWEB, `data[${i}].fields.name`, 'ask for the disasters list (/v2/disasters) with its name field (fields[include][]=name, or profile=list)');
    const primary = isObject(f.primary_country) ? [f.primary_country] : [];
    const countries = names(Array.isArray(f.country) && f.country.length ? f.country : primary, 'name');
    const iso3 = names(Array.isArray(f.country) && f.country.length ? f.country : primary, 'iso3')
      .map((code) => code.toUpperCase())
      .filter((code) => /^[A-Z]{3}$/.test(code));
    const type = text(isObject(f.primary_type) ? f.primary_type.name : undefined) ?? names(f.type, 'name')[0];
    const status = text(f.status);
    const date = isObject(f.date) ? f.date : {};
    const updated = isoDay(date.changed);
    changed.push(updated);
    return {
      name,
      ...(countries.length ? { country: countries.length === 1 ? countries[0] : countries } : {}),
      ...(iso3.length ? { iso3: iso3.length === 1 ? iso3[0] : iso3 } : {}),
      ...(type ? { type } : {}),
      ...(status ? { status: STATUS[status.toLowerCase()] ?? status } : {}),
      ...(isoDay(date.event ?? date.created) ? { started: isoDay(date.event ?? date.created) } : {}),
      ...(updated ? { updated } : {}),
      ...(text(f.url) ? { url: text(f.url) } : {}),
    };
  });
  const asOf = latest(changed);
  const source: Citation = { title: 'ReliefWeb', publisher: 'OCHA', url: 'https://reliefweb.int/disasters', ...(asOf ? { asOf } : {}) };
  return { emergencies, source };
}
