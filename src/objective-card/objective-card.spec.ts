// How <objective-card> reads its data (schema, shorthand, HXL mapping, empty state): loaded on demand
// with the data layer's reader, when a widget first has data to read (see `lazySpec`).
import type { DataSpec } from '../data/data-spec.js';
import { ObjectiveCardSchema, type ObjectiveCardData } from './objective-card.data.js';

export const spec: DataSpec<ObjectiveCardData> = { schema: ObjectiveCardSchema };
