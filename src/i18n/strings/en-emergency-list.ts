/**
 * The English words of <emergency-list>, in the pages that show one: each module that uses them adds them
 * with `addEnglish` (an import of this module alone would be dropped by bundlers, which read
 * the package as free of side effects). The other languages' tables hold them too.
 */
export const emergencyListEn = {
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
  emergencyListAsOf: 'As of {date}',
} as const;
