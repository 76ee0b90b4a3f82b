import { defineElement } from '../base/define-element.js';
import TAGS from '../tags.json' with { type: 'json' };
import { EmergencyList } from './emergency-list.js';

defineElement(TAGS.EmergencyList, EmergencyList);

export { EmergencyList };
export type { EmergencyFilterChangeDetail, EmergencySort, EmergencyFilter } from './emergency-list.js';

declare global {
  interface HTMLElementTagNameMap {
    'emergency-list': EmergencyList;
  }
}
