import type { DataError } from '../data/errors.js';

/**
 * What `iom-widgets/prerender` tells an element about its place in the page when it renders it in
 * Node, where the element has no DOM to look at: @lit-labs/ssr's element has attributes and
 * properties, but no children, no ancestors and no document.
 */
export interface ServerContext {
  /** The `lang` the element inherits from the page (its nearest ancestor with one, else `<html>`). */
  lang?: string;
  /** The text of the element's own inline `<script type="application/json">`, when it has one. */
  inline?: string;
  /** What the prerender read at `src` (the piece its JSON Pointer names, before any check), or why it could not. */
  fetched?: { src: string; value: unknown } | { src: string; error: DataError };
  /** The slots that the element's light-DOM children fill: `''` for the default slot, else the slot's name. */
  filledSlots?: string[];
}

/** Where the prerender puts the element's `ServerContext` (a symbol: no attribute, no public property). */
export const SERVER_CONTEXT = Symbol.for('iom-widgets.server-context');

/** The element's server context, when it is being prerendered. */
export function serverContext(el: object): ServerContext | undefined {
  return (el as { [SERVER_CONTEXT]?: ServerContext })[SERVER_CONTEXT];
}

/**
 * The snapshot a prerendered widget carries: `<script type="application/json" data-prerendered-src="SRC">`,
 * the data the prerender read at `src`, so the widget's first render in the browser is its ready
 * state, without fetching `src` again. It applies only while `src` is still `SRC`.
 */
export const SNAPSHOT_ATTRIBUTE = 'data-prerendered-src';

const INVISIBLE = new Set(['script', 'style', 'template']);

/**
 * The slot a light-DOM child fills: `''` for the default slot, else its `slot` attribute; undefined
 * for what shows nothing (whitespace, an inline script, a style or template). One rule for the
 * browser's first render and the prerender, so both lay out the same slots.
 */
export function slotFilledBy(child: { tag: string; slot: string | null } | { text: string }): string | undefined {
  if ('text' in child) return child.text.trim() ? '' : undefined;
  return INVISIBLE.has(child.tag) ? undefined : (child.slot ?? '');
}

/** The slot a light-DOM node fills, in the browser: see `slotFilledBy`. */
function slotOf(node: Node): string | undefined {
  if (node.nodeType === 1) return slotFilledBy({ tag: (node as Element).localName, slot: (node as Element).getAttribute('slot') });
  return node.nodeType === 3 ? slotFilledBy({ text: node.textContent ?? '' }) : undefined;
}

/** Whether a light-DOM node shows something when slotted (an inline JSON script or whitespace does not). */
export const showsContent = (node: Node): boolean => slotOf(node) !== undefined;

/** The slots that an element's light-DOM children fill (in the browser). */
export function filledSlots(host: Element): Set<string> {
  return new Set([...host.childNodes].map(slotOf).filter((slot) => slot !== undefined));
}
