// How <emergency-list> reads its data (schema, shorthand, HXL mapping, empty state): loaded on demand
// with the data layer's reader, when a widget first has data to read (see `lazySpec`).
import type { DataSpec } from '../data/data-spec.js';
import { EMERGENCY_HXL, EmergencyListSchema, type EmergencyListData } from './emergency-list.data.js';

export const spec: DataSpec<EmergencyListData> = {
  schema: EmergencyListSchema,
  normalize: (raw) => (Array.isArray(raw) ? { emergencies: raw } : raw),
  hxl: { mapping: EMERGENCY_HXL, toData: (records) => ({ emergencies: records }) },
  isEmpty: (data) => data.emergencies.length === 0,
};
