import { defineElement } from '../base/define-element.js';
import TAGS from '../tags.json' with { type: 'json' };
// The card renders its figures with <stat-counter>: registering the card registers the counter.
import '../stat-counter/define.js';
import { ObjectiveCard } from './objective-card.js';

defineElement(TAGS.ObjectiveCard, ObjectiveCard);

declare global {
  interface HTMLElementTagNameMap {
    'objective-card': ObjectiveCard;
  }
}

export { ObjectiveCard };
