/**
 * The English words of <donor-ranking>, in the pages that show one: each module that uses them adds them
 * with `addEnglish` (an import of this module alone would be dropped by bundlers, which read
 * the package as free of side effects). The other languages' tables hold them too.
 */
export const donorRankingEn = {
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
} as const;
