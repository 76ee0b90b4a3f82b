// The reading half of the data layer, one chunk loaded on demand (see load-reader.ts): checking,
// JSON Pointers, CSV and HXL, and the data shape of every widget. Everything it imports that is
// not in this chunk is in the core every page has already loaded, so a failed load of this chunk
// is retried by asking for this one file again.
import { donorRankingShape } from '../donor-ranking/donor-ranking.data.js';
import { emergencyListShape } from '../emergency-list/emergency-list.data.js';
import { objectiveCardShape } from '../objective-card/objective-card.data.js';
import { statCounterShape } from '../stat-counter/stat-counter.data.js';
import type { DataShape } from './data-state.js';
import { isHxlTable, mapHxl } from './hxl.js';
import { validate } from './validate.js';

export { parseCsv } from './csv.js';
export { resolvePointer } from './json-pointer.js';
export { localize } from './localize.js';

/** The data shapes of the four widgets. */
export const shapes = { statCounter: statCounterShape, emergencyList: emergencyListShape, donorRanking: donorRankingShape, objectiveCard: objectiveCardShape };

/**
 * What a widget does with a value it has read, the one place it is written: an HXL table mapped to
 * the widget's fields, shorthand normalized, then the schema checked. Returns the valid data
 * (language maps not yet picked) or throws the `DataError` the widget shows. The embed builder
 * checks entries with it too.
 */
export function readData(shape: DataShape<unknown>, raw: unknown): unknown {
  let value = raw;
  if (shape.hxl && isHxlTable(value)) value = shape.hxl.toData(mapHxl(value, shape.hxl.mapping));
  if (shape.normalize) value = shape.normalize(value);
  return validate(shape.schema, value, shape.root ?? 'data');
}
