/**
 * The English words of <stat-counter>, in the pages that show one: each module that uses them adds them
 * with `addEnglish` (an import of this module alone would be dropped by bundlers, which read
 * the package as free of side effects). The other languages' tables hold them too.
 */
export const statCounterEn = {
  statCounterNoValue: 'No value given: add a value attribute (such as value="31600000"), a data attribute, a <script type="application/json"> or a src attribute to <{tag}>.',
  statCounterUp: '{change} increase from {from}',
  statCounterDown: '{change} decrease from {from}',
  statCounterSame: 'No change from {from}',
  statCounterPoints: { one: '{n} percentage point', other: '{n} percentage points' },
} as const;
