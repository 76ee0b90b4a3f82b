import { addEnglish } from '../strings.js';

/**
 * The English words of <objective-card>, in the pages that show one (import this module for its
 * side effect wherever they are used). The other languages' tables hold them too.
 */
export const objectiveCardEn = {
  objectiveCardNumber: 'Objective {number}',
  objectiveCardLearnMore: 'Learn more',
  objectiveCardLearnMoreAbout: 'Learn more about {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'Key figures',
} as const;

addEnglish(objectiveCardEn);
