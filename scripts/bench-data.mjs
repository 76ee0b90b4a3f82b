// What the benchmarks (scripts/bench*.mjs) share: their options and figures, and their data:
// generated, clearly fictitious lists, and IOM's published counter figures. The generators are
// self-contained functions, so a benchmark can also write one into a page (`${makeEmergencies}`).
import { cpus, loadavg } from 'node:os';

/** The value after `--name` on the command line (a number, unless `as` says otherwise), else `fallback`. */
export function arg(name, fallback, as = Number) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? as(process.argv[i + 1]) : fallback;
}

/** The machine and its load, for each benchmark's first line: other work on it slows every figure. */
export const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`;

/** The median of `values`. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `n` generated emergencies, in <emergency-list>'s data shape. */
export function makeEmergencies(n) {
  const regions = ['Example region North', 'Example region South', 'Example region East', 'Example region West', 'Example region Centre'];
  const levels = ['L3', 'L2', 'L1', 'Significant crisis response'];
  const types = ['Conflict', 'Disaster', 'Displacement', 'Epidemic'];
  return {
    title: 'Generated emergencies (fictitious example)',
    emergencies: Array.from({ length: n }, (_, i) => ({
      name: 'Generated emergency ' + String(i + 1).padStart(4, '0') + ' (fictitious)',
      country: 'Example country ' + (i % 97),
      region: regions[i % regions.length],
      level: levels[(i * 7) % levels.length],
      type: types[(i * 3) % types.length],
      peopleAffected: i % 4 ? ((i * 7919) % 5000) * 1000 : undefined,
      peopleInNeed: i % 5 ? ((i * 104729) % 3000) * 1000 : undefined,
      appeal: i % 3 ? 1000000 + ((i * 31) % 400) * 250000 : undefined,
      funded: i % 3 ? ((i * 17) % 300) * 200000 : undefined,
      updated: '2024-' + String((i % 12) + 1).padStart(2, '0') + '-' + String((i % 28) + 1).padStart(2, '0'),
      summary: 'Fictitious generated entry number ' + (i + 1) + ' for the benchmark.',
    })),
  };
}

/** `n` generated donors in rank order, in <donor-ranking>'s data shape. */
export function makeDonors(n) {
  const types = ['Government', 'UN and pooled funds', 'Private sector', 'Vertical funds'];
  const donors = Array.from({ length: n }, (_, i) => ({
    name: 'Example donor ' + String(i + 1).padStart(2, '0') + ' (fictitious)',
    amount: Math.round(900000000 / (i + 1.5)),
    previousAmount: i % 3 ? Math.round(850000000 / (i + 1.2)) : undefined,
    type: types[i % types.length],
  }));
  const sum = donors.reduce((s, d) => s + d.amount, 0);
  return { title: 'Generated donors (fictitious example)', year: 2023, currency: 'USD', total: Math.round(sum * 1.4), donors };
}

// IOM's figures from the Annual Report 2023 (seed 000), in the four languages and each format.
const FIGURES = [
  { value: 31600000, format: 'compact', label: 'people assisted', prefix: 'Over' },
  { value: 600000, format: 'standard', label: 'persons accessed regular migration pathways' },
  { value: 30000000, format: 'currency', currency: 'USD', label: 'in private sector funding raised' },
  { value: 30000000, format: 'compact', currency: 'USD', label: 'in private sector funding raised' },
  { value: 33, format: 'standard', label: 'private sector partnerships' },
  { value: 168, format: 'standard', label: 'countries' },
  { value: 1500000, format: 'compact', label: 'migrants received MHPSS' },
];
const LOCALES = ['en', 'fr', 'es', 'ar'];

/** `n` counters: the figures above, repeated, each in one of the four languages (`rtl` for Arabic), as <stat-counter> attributes. */
export const counters = (n) =>
  Array.from({ length: n }, (_, i) => {
    const locale = LOCALES[i % LOCALES.length];
    return { attrs: { ...FIGURES[i % FIGURES.length], locale }, rtl: locale === 'ar' };
  });
