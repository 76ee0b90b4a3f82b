// The data step: loading a file, a URL or pasted text the way the widgets read it, walking it as a
// tree, and checking each entry with the widget's own data shape (the valibot schema, HXL mapping
// and shorthand forms the widget's DataController applies), so only data the widget accepts can be
// picked, and every other entry says why not, in the widget's own words.
import type { DataShape, SourceRequest } from '../../src/data/data-state.js';
import { DataError } from '../../src/data/errors.js';
import { fetchDocument, parseDocument } from '../../src/data/fetch-cache.js';
import { isHxlTable } from '../../src/data/hxl.js';
import { parsePointer, resolvePointer } from '../../src/data/json-pointer.js';
import { loadReader, type Reader } from '../../src/data/load-reader.js';
import { localize } from '../../src/data/localize.js';
import { readData } from '../../src/data/reader.js';
import { ReportDonorRankingSchema, ReportEmergencyListSchema, ReportFigureSchema, ReportObjectiveSchema } from '../../src/report/report.data.js';
import * as v from 'valibot';

/** The result of checking one value against a widget's data shape. */
export type Check = { ok: true; empty: boolean } | { ok: false; message: string };

const shapes = new Map<string, DataShape<unknown>>();

/**
 * The widget's own data shape: the one its DataController reads, taken from an instance of the
 * registered element (`dataShape()` is the protected hook every widget implements for its
 * controller), so the builder can never accept what the widget would reject. The builder awaits
 * `dataLayersLoaded` (the reader) before its first check.
 */
export function shapeOf(tag: string): DataShape<unknown> {
  let shape = shapes.get(tag);
  if (!shape) {
    const el = document.createElement(tag) as unknown as { dataShape?: (reader: Reader) => DataShape<unknown> };
    if (typeof el.dataShape !== 'function') throw new Error(`<${tag}> is not registered, or has no data shape`);
    if (!loadReader.loaded) throw new Error('the data reader has not loaded yet: await dataLayersLoaded first');
    shape = el.dataShape(loadReader.loaded);
    shapes.set(tag, shape);
  }
  return shape;
}

/** Resolves once the data reader (with every widget's data shape) has loaded. */
export const dataLayersLoaded = (): Promise<unknown> => loadReader();

/** What the widget's DataController does with a value it has read: the same function. */
export function checkValue(tag: string, raw: unknown): Check {
  const shape = shapeOf(tag);
  try {
    const data = readData(shape, raw);
    return { ok: true, empty: !!shape.isEmpty?.(localize(data, 'en')) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export { apiOf } from '../../src/data/sources/recognise.js';

/**
 * What the widget makes of a response of the sector's APIs (docs/sources.md) read at `url`, with
 * `attributes` (resource, hxl-value…): the widget's own request and the readers it loads, so the
 * builder accepts what the widget shows, and says what it would say.
 */
export async function checkSource(tag: string, doc: unknown, url: string, attributes: [string, string][], signal: AbortSignal): Promise<Check> {
  const shape = shapeOf(tag);
  const el = document.createElement(tag) as unknown as HTMLElement & { sourceRequest(): SourceRequest };
  for (const [name, value] of attributes) el.setAttribute(name, value);
  try {
    const reader = await loadReader();
    const prepared = await reader.prepare(shape, doc, { url, request: el.sourceRequest(), load: (address, shown) => fetchDocument(address, shown, signal, 15000) });
    const data = reader.readData(shape, prepared);
    return { ok: true, empty: !!shape.isEmpty?.(localize(data, 'en')) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The value at `pointer`, or the widget's own "not found" message. */
export function valueAt(doc: unknown, pointer: string, where: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: resolvePointer(doc, pointer, where) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Loads `address` (relative to this page) as a widget's `src` would: JSON, or CSV by type or name. */
export async function loadAddress(address: string, signal: AbortSignal): Promise<unknown> {
  let url: string;
  try {
    url = new URL(address, document.baseURI).href;
  } catch (error) {
    throw new DataError(`"${address}" is not a valid URL`, 'network', { cause: error });
  }
  return fetchDocument(url.replace(/#.*$/, ''), address.replace(/#.*$/, ''), signal, 15000);
}

/** Reads pasted text: JSON when it starts like JSON, else a CSV table (an HXL export). */
export function parsePasted(text: string): Promise<unknown> {
  const json = /^\s*[[{"]/.test(text);
  return parseDocument(text, json ? 'https://pasted.invalid/pasted.json' : 'https://pasted.invalid/pasted.csv', 'the pasted data', null);
}

/** One entry of the tree: an object or a list (plain values are never a widget's data). */
export interface TreeEntry {
  pointer: string;
  key: string;
  kind: 'object' | 'array' | 'table';
  size: number;
  value: unknown;
}

const escapeToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function entryOf(value: unknown, pointer: string, key: string): TreeEntry | undefined {
  if (Array.isArray(value)) return { pointer, key, kind: isHxlTable(value) ? 'table' : 'array', size: value.length, value };
  if (value !== null && typeof value === 'object') return { pointer, key, kind: 'object', size: Object.keys(value).length, value };
  return undefined;
}

/** The entries inside an entry (an HXL table's rows are not browsed: the table is the data). */
export function childrenOf(entry: TreeEntry): TreeEntry[] {
  if (entry.kind === 'table') return [];
  const pairs: [string, unknown][] = Array.isArray(entry.value) ? entry.value.map((v, i) => [String(i), v]) : Object.entries(entry.value as object);
  return pairs.flatMap(([key, v]) => entryOf(v, `${entry.pointer}/${escapeToken(key)}`, key) ?? []);
}

/** The pointers of every entry above `pointer` ("" first), for opening the tree down to it. */
export function ancestorsOf(pointer: string): string[] {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return [''];
  }
  const out = [''];
  for (let i = 1; i < tokens.length; i++) out.push(`/${tokens.slice(0, i).map(escapeToken).join('/')}`);
  return out;
}

// The sections of the report files (src/report/report.data.ts) that are meant for each widget: a list
// of emergencies' names is valid donor-ranking data too, but it is no donor list.
const MEANT_FOR: Record<string, v.GenericSchema> = {
  'stat-counter': ReportFigureSchema,
  'emergency-list': ReportEmergencyListSchema,
  'donor-ranking': ReportDonorRankingSchema,
  'objective-card': ReportObjectiveSchema,
};

/**
 * The entry nearest the top that is data for the widget, to start from something that works: one
 * the report schema marks as the widget's kind of section if there is one, else any valid entry.
 */
export function firstValid(tag: string, doc: unknown): string | undefined {
  const root = entryOf(doc, '', '');
  if (!root) return undefined;
  const meant = MEANT_FOR[tag];
  let fallback: string | undefined;
  const queue = [root];
  for (let n = 0; queue.length && n < 2000; n++) {
    const entry = queue.shift()!;
    const check = checkValue(tag, entry.value);
    if (check.ok && !check.empty) {
      if (!meant || v.is(meant, entry.value)) return entry.pointer;
      fallback ??= entry.pointer;
    }
    queue.push(...childrenOf(entry));
  }
  return fallback;
}

/** A JSON Pointer as a URL fragment: each character a URL fragment may not hold, percent-encoded. */
export const pointerFragment = (pointer: string) => (pointer ? `#${pointer.replace(/[^A-Za-z0-9\-._~/!$&'()*+,;=:@]/g, (c) => encodeURIComponent(c))}` : '');
