// The data of a block: where its file is, which entry of the file it shows, and the list of the
// file's entries a widget accepts, checked exactly as the embed builder checks them (its
// demo/builder/data.ts: the widget's own data shape), so an editor can only pick data the widget
// reads.
import { checkValue, childrenOf, entryOf, pointerFragment, type TreeEntry } from '../../demo/builder/data.js';
import { parsePointer } from '../../src/data/json-pointer.js';

/** A widget's `src` as its address and its JSON Pointer. */
export function splitSrc(src: string | undefined): { address: string; pointer: string } {
  const at = (src ?? '').indexOf('#');
  if (at < 0) return { address: src ?? '', pointer: '' };
  let pointer = src!.slice(at + 1);
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    // Not percent-encoded: read as written.
  }
  return { address: src!.slice(0, at), pointer };
}

/** The `src` for an address and an entry of it. */
export const joinSrc = (address: string, pointer: string) => (address ? `${address}${pointerFragment(pointer)}` : '');

/**
 * An address as typed: a plain file name (`annual-report-2023.json`, `hxl/top-donors-2023.hxl.csv`)
 * is a file of the default data folder, as in a shortcode; a full address or a path from the
 * site's root is kept.
 */
export const resolveAddress = (typed: string, dataFolder: string) => {
  const address = typed.trim();
  return !address || /^([a-z][a-z0-9+.-]*:|\/)/i.test(address) ? address : `${dataFolder}${address.replace(/^\.\//, '')}`;
};

export interface Entry {
  pointer: string;
  label: string;
}

/** A short name for an entry: its path, and its own label or name when it has one. */
function labelOf(entry: TreeEntry, wholeFile: string): string {
  let path = wholeFile;
  if (entry.pointer) {
    try {
      path = parsePointer(entry.pointer).join(' › ');
    } catch {
      path = entry.pointer;
    }
  }
  const value = entry.value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { en?: unknown }).en === 'string' ? (v as { en: string }).en : undefined);
  const name = Array.isArray(value) ? undefined : (text(value.label) ?? text(value.title) ?? text(value.name));
  const size = Array.isArray(value) ? ` (${value.length})` : '';
  return `${path}${size}${name ? `: ${name.length > 60 ? `${name.slice(0, 59)}…` : name}` : ''}`;
}

/** Every entry of `doc` (nearest the top first) that is data for `tag` and not empty. */
export function validEntries(tag: string, doc: unknown, wholeFile: string): Entry[] {
  const root = entryOf(doc, '', '');
  if (!root) return [];
  const out: Entry[] = [];
  const queue = [root];
  for (let n = 0; queue.length && n < 2000; n++) {
    const entry = queue.shift()!;
    const check = checkValue(tag, entry.value);
    if (check.ok && !check.empty) out.push({ pointer: entry.pointer, label: labelOf(entry, wholeFile) });
    queue.push(...childrenOf(entry));
  }
  return out;
}
