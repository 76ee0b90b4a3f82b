// IOM's Displacement Tracking Matrix (DTM) API v3: `https://dtmapi.iom.int/v3/displacement/admin0|1|2?…`.
// It needs a subscription key in a request header (`Ocp-Apim-Subscription-Key`), which must never
// be in a page: a page that asks for it gets the error of errors.ts, and `iom-widgets fetch` reads
// it at build time, with the key from the environment. Recorded responses of its shape are those of
// OCHA's HDX pipeline (OCHA-DAP/hdx-scraper-iom-dtm, tests/fixtures/input/displacement-admin0-*.json):
//
//   { "result": [{ "operation": "Countrywide monitoring", "admin0Name": "Haiti", "admin0Pcode": "HTI",
//                  "numPresentIdpInd": 578074, "reportingDate": "2024-05-31T00:00:00", "roundNumber": 7, … }],
//     "statusCode": 200, "isSuccess": true, "errorMessages": [], "totalRecordsCount": 114 }
//
// Its rows become an HXL table with the hashtags HDX publishes the same data under (the dataset
// "Global IOM Displacement Tracking Matrix (DTM) from API"), so a counter reads it as it reads
// DTM's CSV on HDX: the IDPs of the latest reporting date, by default.
import { DataError } from '../errors.js';
import { CitedTable, isObject, type Json } from './common.js';

/** Each field of a DTM row and its hashtag on HDX (hdx-scraper-iom-dtm's configuration). */
const HASHTAGS: [field: string, tag: string][] = [
  ['operation', '#operation+name'],
  ['admin0Name', '#country+name'],
  ['admin0Pcode', '#country+code'],
  ['admin1Name', '#adm1+name'],
  ['admin1Pcode', '#adm1+code'],
  ['admin2Name', '#adm2+name'],
  ['admin2Pcode', '#adm2+code'],
  ['numPresentIdpInd', '#affected+idps'],
  ['reportingDate', '#date+reported'],
  ['yearReportingDate', '#date+year+reported'],
  ['roundNumber', '#round+code'],
  ['assessmentType', '#assessment+type'],
  ['displacementReason', '#cause+name'],
];


/** A DTM response as an HXL table, cited as DTM. */
export function tableFromDtm(doc: Json): CitedTable {
  if (doc.isSuccess === false) {
    const why = Array.isArray(doc.errorMessages) ? doc.errorMessages.filter((m) => typeof m === 'string').join('; ') : '';
    throw new DataError(`the IOM DTM API answered with an error${why ? `: ${why}` : ''}`, 'source');
  }
  const rows = (doc.result as unknown[]).filter(isObject);
  const fields = HASHTAGS.filter(([field]) => rows.some((row) => field in row));
  if (rows.length && !fields.some(([field]) => field === 'numPresentIdpInd')) {
    throw new DataError('the IOM DTM API response has no numPresentIdpInd in its rows (has the API changed?)', 'source');
  }
  const table = [fields.map(([field]) => field), fields.map(([, tag]) => tag), ...rows.map((row) => fields.map(([field]) => row[field] ?? ''))];
  return new CitedTable(table, { title: 'Displacement Tracking Matrix (DTM)', publisher: 'IOM', url: 'https://dtm.iom.int/' }, { value: '#affected+idps', aggregate: 'latest' });
}
