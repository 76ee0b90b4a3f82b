// How <donor-ranking> reads its data (schema, shorthand, HXL mapping, empty state): loaded on demand
// with the data layer's reader, when a widget first has data to read (see `lazySpec`).
import type { DataSpec } from '../data/data-spec.js';
import { DONOR_HXL, DonorRankingSchema, donorsFromHxl, type DonorRankingData } from './donor-ranking.data.js';

export const spec: DataSpec<DonorRankingData> = {
  schema: DonorRankingSchema,
  normalize: (raw) => (Array.isArray(raw) ? { donors: raw } : raw),
  hxl: { mapping: DONOR_HXL, toData: donorsFromHxl },
  isEmpty: (data) => data.donors.length === 0,
};
