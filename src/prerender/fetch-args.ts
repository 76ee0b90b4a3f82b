/// <reference types="node" />
// The command line of `iom-widgets fetch` (src/prerender/fetch.ts): its usage, and the addresses
// with the options that follow each.
import { HXL_AGGREGATES, type HxlAggregate, type SourceRequest } from '../data/data-state.js';

export const FETCH_USAGE = `Usage: iom-widgets fetch [NAME=]ADDRESS [options for it] … -o FILE.json [--title TEXT]

Reads each ADDRESS (an API's address, as a widget's src takes it) and writes one report file: each
address becomes a section NAME (default: donors, emergencies or figure) with its figures, its source
(publisher, link, the API's own reporting date as asOf) and the time it was read (source.accessed).
Widgets then read it: <donor-ranking src="data/FILE.json#/donors">. Nothing is written when a
source fails: the last good file stays, and the command exits with status 1.

  OCHA FTS (flow?…&groupby=organization)  → donor-ranking
  ReliefWeb disasters (API v2)            → emergency-list (appname: --appname or RELIEFWEB_APPNAME)
  IOM DTM API v3 (dtmapi.iom.int)         → a stat-counter figure (key: DTM_API_KEY, sent as a header)
  Missing Migrants Project                → a stat-counter figure
  HXL Proxy, HXL CSV, CKAN package_show   → --widget stat-counter (with --hxl-value), emergency-list
                                            or donor-ranking, by hashtags

  -o, --out FILE        the report file to write (required)
  --title TEXT          the report's title (default: the sources' names)
  --appname NAME        ReliefWeb's approved appname, added to its addresses that have none
  --timeout SECONDS     per request (default 60)
Options for the address before them:
  --widget TAG          stat-counter, emergency-list or donor-ranking (for an HXL table or dataset)
  --resource NAME       the file of a CKAN dataset to read (its id, name or position from 1)
  --hxl-value TAG, --hxl-filter 'TAG=VALUE; …', --hxl-aggregate sum|count|latest
                        a figure out of a table, as stat-counter's attributes of the same names
  --label TEXT, --unit TEXT, --year YYYY
                        a figure's words, what it counts and its year, when the source has none
  -h, --help            this help

Guide: docs/sources.md.`;

export const WIDGETS = ['stat-counter', 'emergency-list', 'donor-ranking'] as const;
export type Widget = (typeof WIDGETS)[number];
export const DEFAULT_NAME: Record<Widget, string> = { 'donor-ranking': 'donors', 'emergency-list': 'emergencies', 'stat-counter': 'figure' };

/** One address to read, with what is asked of it. */
export interface FetchSource {
  name?: string;
  address: string;
  widget?: Widget;
  request: SourceRequest;
  label?: string;
  unit?: string;
  year?: number;
}

export interface FetchArgs {
  sources: FetchSource[];
  out?: string;
  title?: string;
  appname?: string;
  /** Per request, in ms. */
  timeout: number;
}


/** The command line of `iom-widgets fetch`, or what is wrong with it. */
export function parseFetchArgs(argv: string[]): FetchArgs | string {
  const args: FetchArgs = { sources: [], timeout: 60000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const last = args.sources.at(-1);
    const forSource = (): FetchSource => {
      if (!last) throw new Error(`${flag} is an option of an address: put it after the address it is for`);
      return last;
    };
    if (flag === '-o' || flag === '--out') args.out = value();
    else if (flag === '--title') args.title = value();
    else if (flag === '--appname') args.appname = value();
    else if (flag === '--timeout') {
      const seconds = Number(value());
      if (!(seconds > 0)) throw new Error('--timeout must be a number of seconds');
      args.timeout = seconds * 1000;
    } else if (flag === '--widget') {
      const widget = value();
      if (!(WIDGETS as readonly string[]).includes(widget)) throw new Error(`--widget must be ${WIDGETS.join(', ')} (got ${widget})`);
      forSource().widget = widget as Widget;
    } else if (flag === '--resource') forSource().request.resource = value();
    else if (flag === '--hxl-value') forSource().request.value = value();
    else if (flag === '--hxl-filter') forSource().request.filter = value();
    else if (flag === '--hxl-aggregate') {
      const aggregate = value();
      if (!(HXL_AGGREGATES as readonly string[]).includes(aggregate)) throw new Error(`--hxl-aggregate must be ${HXL_AGGREGATES.join(', ')} (got ${aggregate})`);
      forSource().request.aggregate = aggregate as HxlAggregate;
    } else if (flag === '--label') forSource().label = value();
    else if (flag === '--unit') forSource().unit = value();
    else if (flag === '--year') {
      const year = value();
      if (!/^\d{4}$/.test(year)) throw new Error(`--year must be a year such as 2024 (got ${year})`);
      forSource().year = Number(year);
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else {
      const named = /^([a-z][A-Za-z0-9]*)=(.+)$/.exec(arg);
      args.sources.push({ name: named?.[1], address: named ? named[2] : arg, request: {} });
    }
  }
  if (!args.sources.length) return 'no address to read';
  if (!args.out) return 'no output file: -o data/FILE.json';
  return args;
}
