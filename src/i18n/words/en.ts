/**
 * Every word the widgets show that does not come from data, in English: the words of every locale
 * without a table of its own (`de`, `pt`…), and the model of the other tables (`fr.ts`, `es.ts`,
 * `ar.ts`, each with every key: TypeScript checks them). Placeholders are `{name}`. A widget's own
 * keys start with its name.
 */
export const en = {
  loading: 'Loading…',
  retry: 'Retry',
  errorTitle: 'This widget could not show its data',
  empty: 'No data to show.',
  showAll: 'Show all {count}',
  showFewer: 'Show fewer',
  source: 'Source: {title}',
  sourceAsOf: ', as of {date}',
  attributeWarning: 'Attribute ignored:',
  notAvailable: 'not available',
  noData: 'No data given: add a src attribute, a data attribute or a <script type="application/json"> inside <{tag}>.',
  // emergency-list
  emergencyListLabel: 'Emergencies',
  emergencyListSearch: 'Search emergencies',
  emergencyListRegion: 'Region',
  emergencyListAllRegions: 'All regions',
  emergencyListLevel: 'Level',
  emergencyListAllLevels: 'All levels',
  emergencyListType: 'Type',
  emergencyListAllTypes: 'All types',
  emergencyListLevelIs: 'Level: ',
  emergencyListSort: 'Sort by',
  emergencyListSortListed: 'Order given',
  emergencyListSortName: 'Name (A to Z)',
  emergencyListSortLevel: 'Level (highest first)',
  emergencyListSortPeople: 'People (most first)',
  emergencyListSortFundingGap: 'Funding gap (largest first)',
  emergencyListSortUpdated: 'Last updated (newest first)',
  emergencyListCount: { one: '{visible} of {total} emergency', other: '{visible} of {total} emergencies' },
  emergencyListNoMatch: 'No emergencies match.',
  emergencyListClear: 'Clear filters',
  emergencyListAffected: 'People affected',
  emergencyListInNeed: 'People in need',
  emergencyListTargeted: 'People targeted',
  emergencyListReached: 'People reached',
  emergencyListFunding: 'Funding',
  emergencyListFundedPercent: '{percent} funded',
  emergencyListFundedOf: '{funded} received of {appeal} required',
  emergencyListUpdated: 'Updated {date}',
  emergencyListStarted: 'Started {date}',
  emergencyListAsOf: 'As of {date}',
  // donor-ranking
  donorRankingTitle: 'Donors',
  donorRankingViews: 'View',
  donorRankingViewList: 'List',
  donorRankingViewChart: 'Chart',
  donorRankingViewTable: 'Table',
  donorRankingShowTable: 'Show as table',
  donorRankingRank: 'Rank',
  donorRankingDonor: 'Donor',
  donorRankingType: 'Type',
  donorRankingAmount: 'Amount ({currency})',
  donorRankingShare: 'Share of total',
  donorRankingShareOf: '{value} of total',
  donorRankingChangeFrom: 'Change from {year}',
  donorRankingPreviousYear: 'the previous year',
  donorRankingUp: 'up {value} from {year}',
  donorRankingDown: 'down {value} from {year}',
  donorRankingSame: 'unchanged from {year}',
  donorRankingNew: 'new compared with {year}',
  donorRankingNewShort: 'new',
  donorRankingTotal: 'Total: {value}',
  donorRankingTotalRow: 'Total',
  donorRankingOtherType: 'Other',
  donorRankingCount: 'Donors: {count}',
  donorRankingHighlighted: '(highlighted)',
  donorRankingAlphabetical: 'Listed alphabetically, not ranked',
  donorRankingNoAmounts: 'This list gives the donors in rank order without amounts, so there is no chart to draw.',
  donorRankingChartFailed: 'The chart could not be loaded. The figures are in the table below.',
  donorRankingChartMissing: 'The chart could not be shown: {url} could not be loaded. The figures are in the table below.',
  // objective-card
  objectiveCardNumber: 'Objective {number}',
  objectiveCardLearnMore: 'Learn more',
  objectiveCardLearnMoreAbout: 'Learn more about {title}',
  objectiveCardLinkAbout: '{label}: {title}',
  objectiveCardFigures: 'Key figures',
  // stat-counter
  statCounterNoValue: 'No value given: add a value attribute (such as value="31600000"), a data attribute, a <script type="application/json"> or a src attribute to <{tag}>.',
  statCounterUp: '{change} increase from {from}',
  statCounterDown: '{change} decrease from {from}',
  statCounterSame: 'No change from {from}',
  statCounterPoints: { one: '{n} percentage point', other: '{n} percentage points' },
} as const;

/**
 * A string that depends on a count: one form per plural category of the language (CLDR: `zero`,
 * `one`, `two`, `few`, `many`, `other`), picked with `Intl.PluralRules`. `other` is required.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** A language's table: every key of the English one. */
export type Words = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : PluralForms };
