import { defineElement } from '../base/define-element.js';
import TAGS from '../tags.json' with { type: 'json' };
import { StatCounter } from './stat-counter.js';

export { StatCounter };
defineElement(TAGS.StatCounter, StatCounter);

declare global {
  interface HTMLElementTagNameMap {
    'stat-counter': StatCounter;
  }
}
