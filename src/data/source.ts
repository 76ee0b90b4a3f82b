import { isServer } from 'lit';
import { SNAPSHOT_ATTRIBUTE, serverContext } from '../base/server-context.js';
import { DataError } from './errors.js';
import { parseJson } from './parse.js';

/**
 * What a widget's data sources hold, in order of precedence: its `data` property, its `data`
 * attribute, the text of its own `<script type="application/json">`, and `src`. A prerendered
 * widget also carries a snapshot of what was read at `src`, which stands in for it while `src`
 * is unchanged.
 */
export interface SourceInputs {
  data?: unknown;
  dataJson?: string | null;
  inline?: string | null;
  src?: string | null;
  snapshot?: Snapshot;
}

/** What the prerender read at `src`: read in place of a request while `src` is still `src`. */
export interface Snapshot {
  src: string;
  key: unknown;
  read: () => unknown;
}

/** Where a widget's data comes from: nowhere, a value it has (to parse and check), or a URL to load. */
export type DataSource =
  | { kind: 'none' }
  | { kind: 'value'; key: unknown; read: () => unknown; fromSrc: boolean }
  | { kind: 'src'; src: string };

/** The source that wins. The one rule, for the browser and the prerender alike. */
export function resolveSource({ data, dataJson, inline, src, snapshot }: SourceInputs): DataSource {
  if (data !== undefined && data !== null) return { kind: 'value', key: data, read: () => data, fromSrc: false };
  if (typeof dataJson === 'string') return { kind: 'value', key: `attribute:${dataJson}`, read: () => parseJson(dataJson, 'data attribute'), fromSrc: false };
  if (typeof inline === 'string') {
    return { kind: 'value', key: `inline:${inline}`, read: () => parseJson(inline, 'inline <script type="application/json">'), fromSrc: false };
  }
  const url = src?.trim();
  if (!url) return { kind: 'none' };
  if (snapshot?.src === url) return { kind: 'value', key: snapshot.key, read: snapshot.read, fromSrc: true };
  return { kind: 'src', src: url };
}

interface SourceHost extends HTMLElement {
  data?: unknown;
  dataJson?: string | null;
  src?: string | null;
}

const INLINE = `:scope > script[type="application/json"]:not([${SNAPSHOT_ATTRIBUTE}])`;
const SNAPSHOT = `:scope > script[type="application/json"][${SNAPSHOT_ATTRIBUTE}]`;

/**
 * The inputs of `resolveSource` for an element: its properties, and its inline script and snapshot
 * from its children (on the server, which has no children, from what the prerender found there).
 */
export function sourceInputs(host: SourceHost): SourceInputs {
  const { data, dataJson, src } = host;
  if (isServer) {
    const { inline, fetched } = serverContext(host) ?? {};
    const snapshot = fetched && {
      src: fetched.src,
      key: fetched,
      read: () => {
        if ('error' in fetched) throw fetched.error;
        return fetched.value;
      },
    };
    return { data, dataJson, src, inline, snapshot };
  }
  const inline = host.querySelector(INLINE)?.textContent;
  const script = host.querySelector(SNAPSHOT);
  const from = script?.getAttribute(SNAPSHOT_ATTRIBUTE);
  const text = script?.textContent ?? '';
  const snapshot = from ? { src: from, key: `snapshot:${from}:${text}`, read: () => parseJson(text, `prerendered snapshot of ${from}`) } : undefined;
  return { data, dataJson, src, inline, snapshot };
}

/**
 * `src` taken apart: the file's URL as written (for messages), its absolute URL (from `base`, the
 * page's), and the JSON Pointer in its fragment (`/data/r.json#/objectives/0`), if any. Throws the
 * widget's error for a URL that cannot be read.
 */
export function splitSrc(src: string, base: string): { shown: string; url: string; pointer?: string } {
  const at = src.indexOf('#');
  const shown = at >= 0 ? src.slice(0, at) : src;
  const pointer = at >= 0 ? pointerFromHash(src.slice(at)) : '';
  let url: string;
  try {
    url = new URL(shown, base).href;
  } catch (error) {
    throw new DataError(`src "${src}" is not a valid URL`, 'network', { cause: error });
  }
  return pointer ? { shown, url, pointer } : { shown, url };
}

/** Decodes the fragment of a URL (`#/a%20b/0`) into a JSON Pointer. */
export function pointerFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
