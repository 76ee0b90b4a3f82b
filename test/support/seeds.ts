// Figures and names as IOM published them (../shared/seeds/), that more than one test file checks.

/** The ten ongoing emergencies of 2023, names only, as IOM's Annual Report 2023 lists them (seed 000). */
export const EMERGENCIES_2023 = [
  'Democratic Republic of the Congo',
  'Haiti',
  'Sudan',
  'Türkiye',
  'Syrian Arab Republic',
  'Afghanistan',
  'Ukraine',
  'Myanmar',
  'Tunisia',
  'Occupied Palestinian Territory',
];
