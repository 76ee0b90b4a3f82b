import { defineElement } from '../base/define-element.js';
import { ObjectiveCard } from './objective-card.js';

defineElement('objective-card', ObjectiveCard);

declare global {
  interface HTMLElementTagNameMap {
    'objective-card': ObjectiveCard;
  }
}

export { ObjectiveCard };
