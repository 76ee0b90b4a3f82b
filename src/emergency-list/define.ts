import { defineElement } from '../base/define-element.js';
import { EmergencyList } from './emergency-list.js';

defineElement('emergency-list', EmergencyList);

export { EmergencyList };
export type { EmergencyFilterChangeDetail, EmergencySort, EmergencyFilter } from './emergency-list.js';

declare global {
  interface HTMLElementTagNameMap {
    'emergency-list': EmergencyList;
  }
}
