// One figure out of an HXL table, the "key figure" of HDX's Quick Charts: the values of one column
// (`hxl-value="#affected+idps"`) in the rows that pass a filter (`hxl-filter="#country+code=HTI"`),
// added up (`sum`), counted (`count`), or added up over the rows of the latest date only (`latest`:
// a stock reported again each round, such as DTM's IDPs). The figure comes with the date of the rows
// it used: its "as of".
import { DataError, describeValue } from '../errors.js';
import type { HashTag } from '../hxl.js';
import { plainNumber } from '../parse.js';
import { HXL_AGGREGATES, type HxlAggregate, type SourceRequest } from '../data-state.js';
import { isoDay, latest, type Kit } from './common.js';

export interface KeyFigure {
  value: number;
  /** The date of the rows used (the latest of them), YYYY-MM-DD. */
  asOf?: string;
  /** The year of the rows used, when they share one. */
  year?: number;
  /** Words for the figure, by language, when its column is one the widgets know. */
  label?: Record<string, string>;
}

// Words for the columns the sector's tables most often give, in the widgets' four languages.
const LABELS: [pattern: string, words: Record<string, string>][] = [
  ['#affected+idps', { en: 'internally displaced people', fr: 'personnes déplacées internes', es: 'personas desplazadas internas', ar: 'نازحون داخليًا' }],
  ['#affected+killed+missing', { en: 'migrants recorded dead or missing', fr: 'migrants morts ou disparus recensés', es: 'migrantes muertos o desaparecidos registrados', ar: 'مهاجرون مسجَّلون موتى أو مفقودين' }],
];

interface Column {
  index: number;
  tag: HashTag;
  text: string;
}

const shown = (t: HashTag) => `#${t.tag}${[...t.attributes].map((a) => `+${a}`).join('')}`;

/** The first column whose hashtag matches `pattern` (the plainest, when several do: `#date+reported` before `#date+year+reported`). */
function find({ parseHashtag, matches }: Kit['hxl'], columns: Column[], pattern: string, what: string): Column {
  const wanted = parseHashtag(pattern);
  if (!wanted) throw new DataError(`${what} "${pattern}" is not a hashtag such as #affected+idps`, 'hxl');
  const found = columns.filter((c) => matches(wanted, c.tag)).sort((a, b) => a.tag.attributes.size - b.tag.attributes.size)[0];
  if (!found) throw new DataError(`HXL table has no ${pattern} column (${what}); its columns are ${columns.map((c) => c.text).join(', ') || 'none'}`, 'hxl');
  return found;
}

/** The date column: `#date` without `+year` or `+month` (`#date+reported` first), else `#date+year`. */
function dateColumn(columns: Column[]): Column | undefined {
  const dates = columns.filter((c) => c.tag.tag === 'date');
  return dates.find((c) => c.tag.attributes.has('reported') && !c.tag.attributes.has('year') && !c.tag.attributes.has('month')) ?? dates.find((c) => !c.tag.attributes.has('year') && !c.tag.attributes.has('month')) ?? dates.find((c) => c.tag.attributes.has('year'));
}

interface Condition {
  column: Column;
  value: string;
  equal: boolean;
}

/** `#country+code=HTI; #adm+level!=0`: each condition on a column, `=` or `!=`, values compared without case. */
function conditions(hxl: Kit['hxl'], filter: string | undefined, columns: Column[]): Condition[] {
  return (filter ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(#[^=!]+?)\s*(!?=)\s*(.*)$/.exec(part);
      if (!m) throw new DataError(`hxl-filter "${part}" is not a condition such as #country+code=HTI`, 'hxl');
      return { column: find(hxl, columns, m[1].trim(), 'hxl-filter'), value: m[3].trim().toLowerCase(), equal: m[2] === '=' };
    });
}

const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/**
 * The figure `request` asks of `rows` (an HXL table), `fallback` giving the column and the
 * aggregate when the page names none (an API reader's default). Throws the widget's error, naming
 * the column, condition or cell it could not use.
 */
export function keyFigure(hxl: Kit['hxl'], rows: unknown[][], request: SourceRequest = {}, fallback?: { value: string; aggregate: HxlAggregate }): KeyFigure {
  const { hashtagRow, parseHashtag, matches } = hxl;
  const at = hashtagRow(rows);
  if (at < 0) throw new DataError('HXL table has no hashtag row (a row such as #country+code, #affected+idps)', 'hxl');
  const columns: Column[] = rows[at].flatMap((cell, index) => {
    const tag = typeof cell === 'string' ? parseHashtag(cell) : undefined;
    return tag ? [{ index, tag, text: shown(tag) }] : [];
  });
  const pattern = request.value?.trim() || fallback?.value;
  if (!pattern) {
    throw new DataError(`a counter reading an HXL table needs hxl-value, the hashtag of the column that holds the figure (such as hxl-value="#affected+idps"); the table's columns are ${columns.map((c) => c.text).join(', ') || 'none'}`, 'hxl');
  }
  // The counter checks its hxl-aggregate attribute (a value it cannot use is a warning, and the default).
  const asked = request.aggregate?.trim();
  const aggregate: HxlAggregate = asked && (HXL_AGGREGATES as readonly string[]).includes(asked) ? (asked as HxlAggregate) : (fallback?.aggregate ?? 'sum');
  const value = find(hxl, columns, pattern, 'hxl-value');
  const tests = conditions(hxl, request.filter, columns);
  const date = dateColumn(columns);

  const data = rows.slice(at + 1).map((row, i) => ({ row, line: at + 2 + i }));
  let used = data.filter(({ row }) => !row.every((c) => cellText(c) === '') && tests.every((t) => (cellText(row[t.column.index]).toLowerCase() === t.value) === t.equal));
  if (!used.length) {
    const first = tests[0];
    const values = first ? [...new Set(data.map(({ row }) => cellText(row[first.column.index])).filter(Boolean))] : [];
    throw new DataError(
      tests.length
        ? `no row of the HXL table passes hxl-filter="${request.filter?.trim()}"${values.length ? ` (${first.column.text} there: ${values.slice(0, 12).join(', ')}${values.length > 12 ? '…' : ''})` : ''}`
        : 'the HXL table has no rows',
      'hxl',
    );
  }
  const dayOf = (row: unknown[]) => (date ? (isoDay(cellText(row[date.index])) ?? (/^\d{4}$/.test(cellText(row[date.index])) ? cellText(row[date.index]) : undefined)) : undefined);
  if (aggregate === 'latest') {
    if (!date) throw new DataError(`hxl-aggregate="latest" needs a #date column; the table's columns are ${columns.map((c) => c.text).join(', ')}`, 'hxl');
    const last = latest(used.map(({ row }) => dayOf(row)));
    used = used.filter(({ row }) => dayOf(row) === last);
  }
  let total = 0;
  if (aggregate === 'count') total = used.length;
  else {
    for (const { row, line } of used) {
      const raw = row[value.index];
      const text = cellText(raw);
      if (text === '') continue;
      const n = typeof raw === 'number' ? raw : plainNumber(text);
      if (!Number.isFinite(n)) throw new DataError(`row ${line}, ${value.text} must be a number, got ${describeValue(raw)}`, 'hxl');
      total += n;
    }
  }
  const day = latest(used.map(({ row }) => dayOf(row)));
  const years = new Set(used.map(({ row }) => dayOf(row)?.slice(0, 4)).filter(Boolean));
  const label = aggregate === 'count' ? undefined : LABELS.find(([p]) => matches(parseHashtag(p)!, value.tag) && value.tag.attributes.size === parseHashtag(p)!.attributes.size)?.[1];
  return {
    value: total,
    ...(day && day.length === 10 ? { asOf: day } : {}),
    ...(years.size === 1 ? { year: Number([...years][0]) } : {}),
    ...(label ? { label } : {}),
  };
}
