import { defineElement } from '../base/define-element.js';
import { StatCounter } from './stat-counter.js';

export { StatCounter };
defineElement('stat-counter', StatCounter);

declare global {
  interface HTMLElementTagNameMap {
    'stat-counter': StatCounter;
  }
}
