import { defineElement } from '../base/define-element.js';
import TAGS from '../tags.json' with { type: 'json' };
import { DonorRanking } from './donor-ranking.js';

export { DonorRanking };
export type { DonorView, DonorViewChangeDetail } from './donor-ranking.js';
export type { DonorRankingData, Donor } from './donor-ranking.data.js';

defineElement(TAGS.DonorRanking, DonorRanking);

declare global {
  interface HTMLElementTagNameMap {
    'donor-ranking': DonorRanking;
  }
}
