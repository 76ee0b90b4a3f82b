import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { DataState } from '../data/data-state.js';
import type { Source } from '../data/validate.js';

/**
 * What a widget shows, as a table for "Get the data": a header row of field names (as in the
 * widget's JSON data), then one row per item, in the widget's order, each figure as a number.
 */
export type Table = (string | number | undefined)[][];

/** The columns every table ends with: where its figures come from, and the date they describe. */
export const SOURCE_COLUMNS = ['source', 'source_url', 'as_of'];

/** The source columns of a row: the citation's title (with its publisher), its link, its "as of" date. */
export function sourceCells(source: Source | undefined): (string | undefined)[] {
  if (source === undefined) return [undefined, undefined, undefined];
  if (typeof source === 'string') return [source, undefined, undefined];
  return [[source.publisher, source.title].filter(Boolean).join(', '), source.url, source.asOf ?? (source.year === undefined ? undefined : String(source.year))];
}

// A text cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe (OWASP's CSV injection advice).
const cell = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV with a byte order mark, so that spreadsheets read it as UTF-8. */
export function toCsv(table: Table): string {
  return `\uFEFF${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const links = new WeakMap<object, { csv: string; json: string }>();

/**
 * "Get the data: CSV · JSON", under a widget: links that download what it shows, made in the
 * browser from the data it holds (`data:` URLs, no request). `shown` is the widget's data as shown
 * (text in its locale); its table, `table`. The prerender writes the words without the addresses
 * (no copy of the data in the page's HTML), unseen, and not in the fallback (`data-fallback="omit"`): the
 * browser adds them when it takes the widget over.
 */
export function downloadLine(name: string, lead: string, shown: object, table: () => Table): TemplateResult {
  let made = isServer ? undefined : links.get(shown);
  if (!isServer && !made) {
    made = {
      csv: `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(table()))}`,
      json: `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(shown, null, 2))}`,
    };
    links.set(shown, made);
  }
  // Written by the prerender, the line holds its place unseen: without a script there is nothing to download.
  return html`<p class=${made ? 'download' : 'download pending'} part="download" data-fallback="omit" aria-hidden=${made ? nothing : 'true'}>${lead} <a download="${name}.csv" href=${made?.csv ?? nothing} type="text/csv">CSV</a> · <a download="${name}.json" href=${made?.json ?? nothing} type="application/json">JSON</a></p>`;
}

/** The line's place while the data loads: its words in a grey bar, so that nothing moves when the data comes. */
export function downloadPlaceholder(lead: string): TemplateResult {
  return html`<p class="download" part="download" data-fallback="omit" aria-hidden="true"><span class="placeholder">${lead} CSV · JSON</span></p>`;
}

/** "Get the data" for the data a state shows (kept on screen while it loads again), or its place while the first data loads. */
export function downloadFor<T>(state: DataState<T>, name: string, lead: string, data: (shown: T) => [shown: object, table: () => Table]): unknown {
  const shown = state.kind === 'ready' ? state.data : state.kind === 'loading' ? state.last : undefined;
  if (shown !== undefined) return downloadLine(name, lead, ...data(shown));
  return state.kind === 'loading' ? downloadPlaceholder(lead) : nothing;
}
