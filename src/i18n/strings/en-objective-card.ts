/**
 * The English words of <objective-card>, in the pages that show one: each module that uses them adds them
 * with `addEnglish` (an import of this module alone would be dropped by bundlers, which read
 * the package as free of side effects). The other languages' tables hold them too.
 */
export const objectiveCardEn = {
  objectiveCardNumber: 'Objective {number}',
  objectiveCardLearnMore: 'Learn more',
  objectiveCardLearnMoreAbout: 'Learn more about {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'Key figures',
} as const;
