/// <reference types="node" />
// `iom-widgets fetch`: the sector's APIs read at build time, into a report file (data/schema/
// report.schema.json) that the widgets and the prerender read like any other. For an API that needs
// a key (IOM DTM) or has a quota (ReliefWeb: 1,000 calls a day per appname), run on a schedule: a
// page view is then not an API call. The responses are read by the widgets' own readers
// (src/data/sources/), so a figure is the same whether a page or this command read it.
//
// The key is read from the environment, sent as a header to the DTM API's own host only, never
// printed and never written: the command refuses to write a file that holds it.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DataShape } from '../data/data-state.js';
import { DataError } from '../data/errors.js';
import { loadReader, type Reader } from '../data/load-reader.js';
import { isHxlTable } from '../data/hxl.js';
import { safeUrl } from '../data/safe-url.js';
import { apiOf } from '../data/sources/recognise.js';
import { httpError } from '../data/sources/requests.js';
import { validate } from '../data/validate.js';
import { DEFAULT_NAME, FETCH_USAGE, parseFetchArgs, type FetchArgs, type FetchSource, type Widget } from './fetch-args.js';
import { ReportDonorRankingSchema, ReportEmergencyListSchema, ReportFigureSchema, ReportSchema } from '../report/report.data.js';

/** The one environment variable the DTM API's subscription key is read from. */
export const DTM_KEY_VARIABLE = 'DTM_API_KEY';
const DTM_HOST = 'dtmapi.iom.int';
const DTM_KEY_HEADER = 'Ocp-Apim-Subscription-Key';
const GUIDE = 'docs/sources.md';

/** A failure the command reports in one line (no stack): what failed and what to do. */
export class FetchFailure extends Error {}

const hostOf = (url: string) => new URL(url).hostname.toLowerCase();
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `address` with ReliefWeb's appname added when it is ReliefWeb's and has none. */
function withAppname(address: string, appname: string | undefined): string {
  const url = new URL(address);
  if (!appname || !/(^|\.)reliefweb\.int$/.test(url.hostname) || url.searchParams.has('appname')) return address;
  url.searchParams.set('appname', appname);
  return url.href;
}

/** How the command reads an address: the DTM key on DTM's own host only, errors in the command's words. */
class Requester {
  constructor(
    private readonly reader: Reader,
    private readonly key: string | undefined,
    private readonly timeout: number,
  ) {}

  async get(url: string, shown: string): Promise<unknown> {
    const dtm = hostOf(url) === DTM_HOST;
    if (dtm && !this.key) {
      throw new FetchFailure(`the IOM DTM API needs a subscription key: set the environment variable ${DTM_KEY_VARIABLE} (in CI, from a secret; get a key at https://dtm-apim-portal.iom.int/; see ${GUIDE})`);
    }
    const headers: Record<string, string> = { Accept: 'application/json, text/csv;q=0.9, */*;q=0.5', 'User-Agent': 'iom-widgets fetch' };
    if (dtm && this.key) headers[DTM_KEY_HEADER] = this.key;
    let response: Response;
    try {
      // With the key, no redirect is followed: the key goes to DTM's host and nowhere else.
      response = await fetch(url, { headers, redirect: dtm ? 'error' : 'follow', signal: AbortSignal.timeout(this.timeout) });
    } catch (error) {
      const cause = error as Error & { cause?: Error };
      if (cause.name === 'TimeoutError') throw new FetchFailure(`no answer from ${hostOf(url)} after ${this.timeout / 1000} s: retry later, or raise --timeout`);
      throw new FetchFailure(`could not reach ${hostOf(url)} (${cause.cause?.message ?? cause.message}): check the address and the network`);
    }
    const text = await response.text();
    if (!response.ok) throw this.refused(response.status, response.statusText, url, shown, text);
    return this.reader.parseDocument(text, url, shown, response.headers.get('content-type'));
  }

  /** An answer that is not a success, in words for whoever runs the command. */
  private refused(status: number, statusText: string, url: string, shown: string, body: string): FetchFailure {
    const host = hostOf(url);
    if (status === 429) {
      const quota = /(^|\.)reliefweb\.int$/.test(host) ? ' ReliefWeb allows 1,000 calls a day per appname.' : '';
      return new FetchFailure(`too many requests (429): ${host}'s quota is used up for now.${quota} Retry later, and run the fetch less often (once an hour is 24 calls a day)`);
    }
    if (host === DTM_HOST && (status === 401 || status === 403)) {
      return new FetchFailure(`the IOM DTM API refused the key in ${DTM_KEY_VARIABLE} (${status}): check that it is your DTM API v3 subscription key (https://dtm-apim-portal.iom.int/)`);
    }
    const error = httpError(status, statusText, url, shown, body);
    const appname = error.kind === 'access' && /appname/.test(error.message) ? '; here, --appname NAME or the environment variable RELIEFWEB_APPNAME' : '';
    return new FetchFailure(`${error.message.replace(/^Could not load \S+: /, '')}${appname}`);
  }
}

type Shapes = Reader['shapes'];
const SHAPE: Record<Widget, keyof Shapes> = { 'stat-counter': 'statCounter', 'emergency-list': 'emergencyList', 'donor-ranking': 'donorRanking' };

/** The widget that reads `doc`: the one asked for, else the one its API suits. */
function widgetFor(source: FetchSource, doc: unknown): Widget {
  if (source.widget) return source.widget;
  const api = apiOf(doc);
  if (api === 'an OCHA FTS response') return 'donor-ranking';
  if (api === 'a ReliefWeb list') return 'emergency-list';
  if (api === 'an IOM DTM API response' || api === 'a Missing Migrants Project response' || source.request.value) return 'stat-counter';
  if (api === undefined && !isHxlTable(doc)) {
    throw new FetchFailure(`the answer is not one of the APIs this command reads (OCHA FTS, ReliefWeb, the HXL Proxy or an HXL table, CKAN, IOM DTM, the Missing Migrants Project): has the API changed, or is it another address? See ${GUIDE}`);
  }
  throw new FetchFailure(`${api ?? 'an HXL table'} can feed any widget: say which with --widget stat-counter (and --hxl-value TAG), emergency-list or donor-ranking`);
}

/** The section a widget reads, in a report file's stricter shape. */
function section(widget: Widget, data: Record<string, unknown>, source: FetchSource, accessed: string): unknown {
  const cite = data.source as Record<string, unknown>;
  const cited = { ...cite, accessed };
  if (widget === 'donor-ranking') return validate(ReportDonorRankingSchema, { ...data, source: cited }, source.name);
  if (widget === 'emergency-list') {
    // A link that is not one the widgets would follow (javascript:…) is not written: the file may be read by other tools.
    const emergencies = (data.emergencies as Record<string, unknown>[]).map(({ url, ...rest }) => (safeUrl(url) ? { ...rest, url } : rest));
    // The list describes the day it was read, unless the source dates it.
    return validate(ReportEmergencyListSchema, { ...data, emergencies, asOf: data.asOf ?? cite.asOf ?? accessed.slice(0, 10), source: cited }, source.name);
  }
  const label = source.label ?? data.label;
  const figure = {
    ...data,
    ...(label !== undefined ? { label } : {}),
    unit: source.unit ?? data.unit ?? (data.label ? 'people' : undefined),
    year: source.year ?? data.year ?? cite.year,
    source: cited,
  };
  if (figure.label === undefined) throw new FetchFailure(`the figure has no words of its own: give them with --label "…" after its address`);
  if (figure.unit === undefined) throw new FetchFailure('say what the figure counts with --unit (people, USD, incidents…) after its address');
  if (figure.year === undefined) throw new FetchFailure('the source does not date the figure: give its year with --year YYYY after its address');
  return validate(ReportFigureSchema, figure, source.name);
}

/** Reads every source and returns the report (not written). Throws a `FetchFailure` naming the source that failed. */
export async function fetchReport(args: FetchArgs, env: Record<string, string | undefined> = process.env, now = new Date()): Promise<Record<string, unknown>> {
  const reader = await loadReader();
  const key = env[DTM_KEY_VARIABLE]?.trim() || undefined;
  const requester = new Requester(reader, key, args.timeout);
  const appname = args.appname ?? (env.RELIEFWEB_APPNAME?.trim() || undefined);
  const accessed = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sections: Record<string, unknown> = {};
  const sources: unknown[] = [];
  for (const source of args.sources) {
    let address: string;
    try {
      address = withAppname(source.address, appname);
    } catch {
      throw new FetchFailure(`${source.address} is not an address (https://…)`);
    }
    const shown = source.address;
    try {
      const doc = await requester.get(address, shown);
      const widget = widgetFor(source, doc);
      const shape = reader.shapes[SHAPE[widget]] as DataShape<unknown>;
      // A table that names no source of its own is cited as itself (the HXL Proxy's, as the table it serves).
      const cite = { title: new URL(address).hostname, url: address };
      const data = (await reader.prepare(shape, doc, { url: address, request: source.request, cite, load: (url, what) => requester.get(url, what) })) as Record<string, unknown>;
      if (data === doc) throw new FetchFailure(`the answer is not one of the APIs this command reads: see ${GUIDE}`);
      const name = source.name ?? DEFAULT_NAME[widget];
      if (name in sections) throw new FetchFailure(`a second section named "${name}": name each with NAME=ADDRESS`);
      const written = section(widget, data, { ...source, name }, accessed) as { source: unknown };
      sections[name] = written;
      if (!sources.some((s) => JSON.stringify(s) === JSON.stringify(written.source))) sources.push(written.source);
    } catch (error) {
      let why = error instanceof FetchFailure || error instanceof DataError ? error.message : String(error);
      if (why.startsWith(`${shown} `)) why = `it ${why.slice(shown.length + 1)}`;
      throw new FetchFailure(`${source.name ? `${source.name} (${shown})` : shown}: ${oneLine(why)}`);
    }
  }
  const titles = [...new Set(sources.map((s) => String((s as { title: unknown }).title)))];
  const report = { title: args.title ?? titles.join('; '), source: sources.length === 1 ? sources[0] : sources, ...sections };
  return validate(ReportSchema, report, 'report') as Record<string, unknown>;
}

/** `iom-widgets fetch …`: reads the sources, writes the file; returns the exit status. */
export async function fetchCommand(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let args: FetchArgs | string;
  try {
    args = parseFetchArgs(argv);
  } catch (error) {
    args = (error as Error).message;
  }
  if (typeof args === 'string') {
    process.stderr.write(`iom-widgets fetch: ${args}\n\n${FETCH_USAGE}\n`);
    return 2;
  }
  try {
    const report = await fetchReport(args, env);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    const key = env[DTM_KEY_VARIABLE]?.trim();
    if (key && json.includes(key)) throw new FetchFailure(`the file would hold the value of ${DTM_KEY_VARIABLE}: nothing written`);
    const out = args.out!;
    await mkdir(dirname(out), { recursive: true });
    // Written beside, then moved in place: a reader of the site never sees half a file.
    await writeFile(`${out}.tmp`, json);
    await rename(`${out}.tmp`, out);
    const names = Object.keys(report).filter((k) => !['title', 'source'].includes(k));
    process.stderr.write(`iom-widgets fetch: wrote ${out} (${names.join(', ')})\n`);
    return 0;
  } catch (error) {
    const message = error instanceof FetchFailure || error instanceof DataError ? error.message : `${(error as Error).message}`;
    process.stderr.write(`iom-widgets fetch: ${oneLine(message)}\n`);
    return 1;
  }
}
