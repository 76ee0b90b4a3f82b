// How <stat-counter> reads its data (schema, shorthand, HXL mapping, empty state): loaded on demand
// with the data layer's reader, when a widget first has data to read (see `lazySpec`).
import type { DataSpec } from '../data/data-spec.js';
import { StatCounterSchema, type StatCounterData } from './stat-counter.data.js';

export const spec: DataSpec<StatCounterData> = { schema: StatCounterSchema };
