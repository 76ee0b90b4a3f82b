// The all-in-one entry: importing it registers every element. Built to dist/iom-widgets.js.
export { defineElement } from './base/define-element.js';
export { IomElement } from './base/iom-element.js';
export { DataError } from './data/errors.js';
export type { DataErrorKind } from './data/errors.js';
export type { IomErrorDetail, DataStatus } from './data/data-state.js';
export { clearDataCache } from './data/fetch-cache.js';
export { DonorRanking } from './donor-ranking/define.js';
export type { DonorView, DonorViewChangeDetail, DonorRankingData, Donor } from './donor-ranking/define.js';
export { EmergencyList } from './emergency-list/define.js';
export type { EmergencyFilterChangeDetail, EmergencySort, EmergencyFilter } from './emergency-list/define.js';
export type { EmergencyListData, Emergency } from './emergency-list/emergency-list.data.js';
export { StatCounter } from './stat-counter/define.js';
export type { StatCounterCountEndDetail, StatCounterStart } from './stat-counter/stat-counter.js';
export type { StatCounterData } from './stat-counter/stat-counter.data.js';
export { ObjectiveCard } from './objective-card/define.js';
export type { ObjectiveCardVariant } from './objective-card/objective-card.js';
export type { ObjectiveCardData } from './objective-card/objective-card.data.js';
