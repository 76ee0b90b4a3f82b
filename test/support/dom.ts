// Shared helpers of the browser tests: reading what a widget shows, and waiting for it to settle.

/** Text as a reader sees it: bidi marks and isolates left out, every run of white space one space. */
export const clean = (s: string | null | undefined): string =>
  (s ?? '').replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of a node (an element's light DOM, or a node inside a shadow root), cleaned. */
export const text = (node: Node | null | undefined): string => clean(node?.textContent);

/** The text of everything an element renders in its shadow root, cleaned. */
export const shadowText = (el: Element): string => clean(el.shadowRoot!.textContent);

/** The first element of the widget's shadow root with `name` among its parts. */
export const part = <E extends HTMLElement = HTMLElement>(el: Element, name: string): E | null =>
  el.shadowRoot!.querySelector<E>(`[part~="${name}"]`);

/** Every element of the widget's shadow root with `name` among its parts. */
export const parts = <E extends HTMLElement = HTMLElement>(el: Element, name: string): E[] => [
  ...el.shadowRoot!.querySelectorAll<E>(`[part~="${name}"]`),
];

/** Waits until the widget's data has loaded (or failed) and it has rendered the outcome. */
export async function settled<T extends { loadComplete: Promise<unknown>; updateComplete: Promise<unknown> }>(el: T): Promise<T> {
  await el.loadComplete;
  await el.updateComplete;
  return el;
}

let unique = 0;
/**
 * `src` with a query no other test uses, its #fragment kept: the browser's HTTP cache and the
 * widgets' shared cache never carry a response over from another test.
 */
export function fresh(src: string): string {
  const [path, hash] = src.split('#');
  return `${path}${path.includes('?') ? '&' : '?'}t=${Date.now()}-${unique++}${hash === undefined ? '' : `#${hash}`}`;
}

/** Resolves after `n` animation frames: layout, ResizeObserver callbacks and paint have happened in between. */
export const frames = (n = 1): Promise<void> =>
  new Promise<void>((resolve) => {
    const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  });

/**
 * The text of the accessibility tree under `node`, as Chromium builds it: text nodes and CSS
 * generated content, skipping `aria-hidden="true"` subtrees and boxes that are not rendered
 * (display: none, visibility: hidden). Crosses shadow roots and follows slots. Cleaned.
 */
export function accessibleText(node: Node): string {
  const out: string[] = [];
  const generated = (el: Element, pseudo: '::before' | '::after') => {
    // Generated content counts, unless it has alternative text (`content: "…" / "alt"`), which counts instead.
    const content = getComputedStyle(el, pseudo).content;
    const m = /^("(?:[^"\\]|\\.)*")(?:\s*\/\s*("(?:[^"\\]|\\.)*"))?$/.exec(content);
    if (m) out.push(JSON.parse(m[2] ?? m[1]) as string);
  };
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      out.push(n.textContent ?? '');
      return;
    }
    if (n instanceof Element) {
      if (n.getAttribute('aria-hidden') === 'true') return;
      const style = getComputedStyle(n);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      generated(n, '::before');
      const children = n instanceof HTMLSlotElement ? n.assignedNodes({ flatten: true }) : [...(n.shadowRoot ?? n).childNodes];
      children.forEach(walk);
      generated(n, '::after');
      return;
    }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return clean(out.join(' '));
}
