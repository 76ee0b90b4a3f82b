// The loader of <stat-counter>'s data spec. <objective-card> waits for it too: its figures are
// counters given data, and a card that showed them before the counter's spec was in would draw
// them as loading skeletons for a moment (a layout shift, and a flash over a prerendered card).
import { lazySpec } from '../data/data-spec.js';
import type { StatCounterData } from './stat-counter.data.js';

export const loadStatCounterSpec = lazySpec<StatCounterData>(() => import('./stat-counter.spec.js').then((m) => m.spec));
