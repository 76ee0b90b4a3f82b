// The table readers, CSV and HXL, in one module that a page loads only when it reads a table: a
// `.csv` file, or data that is an array of rows (an HXL table in JSON). See loadTables().
export { parseCsv } from './csv.js';
export { isHxlTable, mapHxl } from './hxl.js';
