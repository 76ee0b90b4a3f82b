import { plainNumber } from './parse.js';
import { DataError, describeValue } from './errors.js';

/**
 * How a widget reads an HXL table (the Humanitarian Exchange Language: a header row, a row of
 * hashtags such as `#org+name+funder`, then data rows). Each field names the hashtag pattern of
 * its column; a column matches when it has the pattern's tag and at least its attributes, in any
 * order (`#org+funder+name` matches `#org+name`).
 */
export interface HxlField {
  tag: string;
  type?: 'text' | 'number' | 'list';
  required?: boolean;
  /** Words for the error message when a required column is missing, e.g. "the donor's name". */
  describes?: string;
  /** A second pattern, read when no column matches `tag` (e.g. `#country+name` for an emergency's name). */
  fallback?: string;
  /**
   * Text a table may give in several languages, HXL's way: a column per language with an `+i_xx`
   * attribute (`#org+name+funder+i_fr`) beside the plain one. Read into a language map
   * (`{"und": plain, "fr": …}`; `und`, undetermined, comes first so it is the fallback).
   */
  localized?: boolean;
}

/** The language of a column from its `+i_xx` attribute (`i_fr` → `fr`, `i_es_419` → `es-419`). */
function languageOf(column: HashTag | undefined): string | undefined {
  for (const a of column?.attributes ?? []) if (/^i_[a-z]{2,3}(_[a-z0-9]+)*$/.test(a)) return a.slice(2).replace(/_/g, '-');
  return undefined;
}
export type HxlMapping = Record<string, HxlField>;

export interface HashTag {
  tag: string;
  attributes: Set<string>;
}

/** `#affected+idps` read: its tag and attributes, lower case; undefined for text that is not a hashtag. */
export function parseHashtag(text: string): HashTag | undefined {
  const m = /^\s*#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)\s*$/i.exec(text);
  if (!m) return undefined;
  const attributes = new Set(
    m[2]
      .split('+')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  );
  return { tag: m[1].toLowerCase(), attributes };
}

/** Whether a column's hashtag has the pattern's tag and at least its attributes (`#org+name+funder` matches `#org+name`). */
export function matches(pattern: HashTag, column: HashTag | undefined): boolean {
  if (!column || column.tag !== pattern.tag) return false;
  for (const a of pattern.attributes) if (!column.attributes.has(a)) return false;
  return true;
}

/** Whether some columns (their hashtags as written) have a column for each of the patterns. */
export function matchesAll(columns: readonly string[], patterns: readonly string[]): boolean {
  const parsed = columns.map(parseHashtag);
  return patterns.every((p) => {
    const pattern = parseHashtag(p);
    return !!pattern && parsed.some((c) => matches(pattern, c));
  });
}

/** The patterns a table needs for `mapping`: one list per way of having its required columns (a field's tag, or its fallback). */
export function requiredPatterns(mapping: HxlMapping): string[][] {
  return Object.values(mapping)
    .filter((f) => f.required)
    .reduce<string[][]>((ways, f) => ways.flatMap((way) => [f.tag, ...(f.fallback ? [f.fallback] : [])].map((tag) => [...way, tag])), [[]]);
}

/** The index of the hashtag row: the first row whose non-empty cells are all hashtags (looked for in the first 25 rows). */
export function hashtagRow(rows: unknown[][]): number {
  for (let i = 0; i < Math.min(rows.length, 25); i++) {
    const cells = rows[i].filter((c) => typeof c === 'string' && c.trim() !== '');
    if (cells.length > 0 && cells.every((c) => parseHashtag(c as string))) return i;
  }
  return -1;
}

/** True when `raw` is an array of arrays that contains an HXL hashtag row. */
export function isHxlTable(raw: unknown): raw is unknown[][] {
  return Array.isArray(raw) && raw.length > 0 && raw.every(Array.isArray) && hashtagRow(raw as unknown[][]) >= 0;
}

function convert(value: unknown, field: HxlField, where: string): unknown {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '') return undefined;
  switch (field.type) {
    case 'number': {
      if (typeof text === 'number') return text;
      const n = typeof text === 'string' ? plainNumber(text) : NaN;
      if (!Number.isFinite(n)) throw new DataError(`${where} must be a number, got ${describeValue(value)}`, 'hxl');
      return n;
    }
    case 'list':
      return String(text)
        .split(/[;,|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return String(text);
  }
}

/**
 * Turns an HXL table into plain records with the widget's field names. Extra columns are ignored;
 * a missing required column is an error naming its hashtag.
 */
export function mapHxl(rows: unknown[][], mapping: HxlMapping): Record<string, unknown>[] {
  const tagRow = hashtagRow(rows);
  if (tagRow < 0) throw new DataError('HXL table has no hashtag row (a row such as #org+name, #value)', 'hxl');
  const columns = rows[tagRow].map((c) => (typeof c === 'string' ? parseHashtag(c) : undefined));
  const found = columns.filter(Boolean).map((c) => `#${c!.tag}${[...c!.attributes].map((a) => `+${a}`).join('')}`);

  const indexOf: Record<string, number> = {};
  const translations: Record<string, [language: string, index: number][]> = {};
  const tagOf: Record<string, string> = {};
  for (const [name, field] of Object.entries(mapping)) {
    let index = -1;
    for (const tag of field.fallback ? [field.tag, field.fallback] : [field.tag]) {
      const pattern = parseHashtag(tag);
      if (!pattern) throw new DataError(`Bad HXL pattern ${tag}`, 'hxl');
      // The plain column first (not one of its translations), then any that matches.
      index = columns.findIndex((c) => matches(pattern, c) && !languageOf(c));
      if (index < 0) index = columns.findIndex((c) => matches(pattern, c));
      tagOf[name] = tag;
      if (field.localized && index >= 0) {
        translations[name] = columns.flatMap((c, i) => (i !== index && matches(pattern, c) && languageOf(c) ? [[languageOf(c)!, i] as [string, number]] : []));
      }
      if (index >= 0) break;
    }
    if (index >= 0) indexOf[name] = index;
    else if (field.required) {
      const wanted = field.fallback ? `${field.tag} (or ${field.fallback})` : field.tag;
      throw new DataError(
        `HXL table has no ${wanted} column${field.describes ? ` (${field.describes})` : ''}; its columns are ${found.join(', ') || 'none'}`,
        'hxl',
      );
    }
  }

  const records: Record<string, unknown>[] = [];
  for (let r = tagRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const record: Record<string, unknown> = {};
    for (const [name, index] of Object.entries(indexOf)) {
      const field = mapping[name];
      let value = convert(row[index], field, `row ${r + 1}, ${tagOf[name]}`);
      const other = (translations[name] ?? []).flatMap(([language, i]) => {
        const text = convert(row[i], field, `row ${r + 1}, ${tagOf[name]}+i_${language}`);
        return typeof text === 'string' ? [[language, text] as const] : [];
      });
      if (other.length) value = Object.fromEntries([...(typeof value === 'string' ? [['und', value] as const] : []), ...other]);
      if (value !== undefined) record[name] = value;
      else if (field.required) throw new DataError(`row ${r + 1}, ${tagOf[name]} is empty`, 'hxl');
    }
    records.push(record);
  }
  return records;
}
