import { defineElement } from '../base/define-element.js';
import { DonorRanking } from './donor-ranking.js';

export { DonorRanking };
export type { DonorView, DonorViewChangeDetail } from './donor-ranking.js';
export type { DonorRankingData, Donor } from './donor-ranking.data.js';

defineElement('donor-ranking', DonorRanking);

declare global {
  interface HTMLElementTagNameMap {
    'donor-ranking': DonorRanking;
  }
}
