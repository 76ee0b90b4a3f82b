// Reading the report files in data/: every piece a widget can show and every figure, for the Node
// tests of the files (test/unit/data-files.test.ts) and the browser test of how their figures read.

type Obj = Record<string, unknown>;
export const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The report files of data/ that docs/data.md documents. */
export const REPORTS = ['/data/annual-report-2023.json', '/data/annual-report-2024.json', '/data/iom-at-a-glance-2017.json', '/data/iom-profile.json'];

export interface Piece {
  pointer: string;
  element: 'stat-counter' | 'emergency-list' | 'donor-ranking' | 'objective-card';
  value: Obj;
}

/** Every piece of a report a widget can show, with the widget that shows it. */
export function pieces(node: unknown, pointer = ''): Piece[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => (isObj(item) && 'number' in item ? [{ pointer: `${pointer}/${i}`, element: 'objective-card' as const, value: item }] : []));
  if (!isObj(node)) return [];
  if (typeof node.value === 'number') return [{ pointer, element: 'stat-counter', value: node }];
  if (Array.isArray(node.emergencies)) return [{ pointer, element: 'emergency-list', value: node }];
  if (Array.isArray(node.donors)) return [{ pointer, element: 'donor-ranking', value: node }];
  return Object.entries(node)
    .filter(([key]) => pointer !== '' || !['$schema', 'title', 'year', 'source'].includes(key))
    .flatMap(([key, value]) => pieces(value, `${pointer}/${key}`));
}

/** Every figure in a report, objectives' figures included. */
export function figures(doc: unknown): Piece[] {
  return pieces(doc).flatMap((p) =>
    p.element === 'objective-card'
      ? ((p.value.figures as Obj[] | undefined) ?? []).map((f, i) => ({ pointer: `${p.pointer}/figures/${i}`, element: 'stat-counter' as const, value: f }))
      : p.element === 'stat-counter'
        ? [p]
        : [],
  );
}
