// IOM's Missing Migrants Project: `https://missingmigrants.iom.int/global-figures/{year}/json`, no
// key. One object per incident, the fields of the project's data export (its variables: Web ID,
// Region of Incident, Reported Date, Reported Year, Number Dead, Minimum Estimated Number of
// Missing, Total Dead and Missing…), counts written as text ("14"):
//
//   [{ "Web ID": "…", "Region of Incident": "Mediterranean", "Reported Date": "…", "Reported Year": "2024",
//      "Number Dead": "12", "Minimum Estimated Number of Missing": "2", "Total Dead and Missing": "14" }, …]
//
// Its incidents become an HXL table (hashtags below), so a counter adds them up as it would any
// HXL table, and can keep one region: `hxl-filter="#region+name=Mediterranean"`.
import { CitedTable, isoDay, queryValue, yearOf, type Json } from './common.js';

const HASHTAGS: [field: string, tag: string][] = [
  ['Web ID', '#meta+id'],
  ['Region of Incident', '#region+name'],
  ['Country of Incident', '#country+name'],
  ['Reported Date', '#date+reported'],
  ['Reported Year', '#date+year'],
  ['Number Dead', '#affected+killed'],
  ['Minimum Estimated Number of Missing', '#affected+missing'],
  ['Total Dead and Missing', '#affected+killed+missing'],
  ['Number of Survivors', '#affected+survivors'],
];


/** The incidents as an HXL table, cited as the Missing Migrants Project (with the year its address names). */
export function tableFromMissingMigrants(doc: Json[], url: string | undefined): CitedTable {
  const fields = HASHTAGS.filter(([field]) => doc.some((row) => field in row));
  const cell = (row: Json, field: string) => {
    const value = row[field] ?? '';
    // Dates as YYYY-MM-DD, so the latest is found by comparing text.
    return field === 'Reported Date' ? (isoDay(value) ?? '') : value;
  };
  const table = [fields.map(([field]) => field), fields.map(([, tag]) => tag), ...doc.map((row) => fields.map(([field]) => cell(row, field)))];
  const year = yearOf(/\/global-figures\/(\d{4})\b/.exec(url ?? '')?.[1] ?? queryValue(url, 'year'));
  return new CitedTable(
    table,
    { title: 'Missing Migrants Project', publisher: 'IOM', url: 'https://missingmigrants.iom.int/', ...(year ? { year } : {}) },
    { value: '#affected+killed+missing', aggregate: 'sum' },
  );
}
