// First renders in slices.
//
// When a script defines an element, the browser upgrades every one of them already in the page
// at once, and Lit renders them all in the same task: a page of 100 counters made one task of
// 70–90 ms of CPU here (several times that on a phone), in which the page could not respond.
//
// So the elements that a definition upgrades take their first render in turns, from the task
// after the definition's: a task renders them for SLICE_MS, then yields to the browser (input,
// frames) and the next task goes on. No frame may show some widgets rendered and others not (the
// content below would move as each slice lands), so every one of them is held until the last has
// rendered: its shadow root shows what the page showed before the definition (the element's own
// content, through slots, styled by the page alone), and the whole batch appears in one task, in
// one frame. A prerendered element keeps
// its prerendered content on screen until it renders, so it needs no holding.
//
// Elements that a script or a framework creates after the definition render at once, as Lit
// does: they are rendered before any frame shows them, and holding them would show them empty.

/** How long a task renders first renders before it yields. */
const SLICE_MS = 12;

interface Held {
  /** Called once the batch is on screen: gives what the held renders kept back (events). */
  onShown: () => void;
  root: ShadowRoot;
  sheets: CSSStyleSheet[];
  slots: HTMLSlotElement[];
}

/** When the current slice began (performance.now()), while one is open. */
let sliceStart: number | undefined;
/** The next slice, once one is booked. */
let nextSlice: Promise<void> | undefined;
/** Elements waiting for a later slice, or for what their first render needs first (`awaiting`). */
let waiting = 0;
/** The batch's held elements, shown together once none is waiting. */
let held = new Map<Element, Held>();
/** Settles when the batch is shown. */
let shown: Promise<void> | undefined;
let showAll = (): void => {};
let holdSheet: CSSStyleSheet | undefined;

/** A promise settled in a new task (after the browser's pending input and frames). */
const newTask = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });

function openSlice(): void {
  sliceStart = performance.now();
  // A task later, the slice is over: if nothing waits for another one, the batch is all rendered.
  void newTask().then(() => {
    sliceStart = undefined;
    if (!waiting) release();
  });
}

/** Whether the browser can hold an element (constructed stylesheets): where it cannot, elements render at once. */
export const canSlice = (): boolean => typeof MessageChannel == 'function' && 'adoptedStyleSheets' in Document.prototype;

/**
 * Called before an upgraded element's first update: `undefined` to render now (in this task's
 * slice), or a promise of the next slice, after which the element asks again.
 */
export function turn(): Promise<void> | undefined {
  // Outside a slice (the definition's own task, which upgraded every element already), the batch
  // starts in a task of its own.
  if (sliceStart !== undefined && performance.now() - sliceStart < SLICE_MS) return undefined;
  waiting++;
  nextSlice ??= newTask().then(() => {
    nextSlice = undefined;
    openSlice();
  });
  return nextSlice.then(() => {
    waiting--;
  });
}

/**
 * Counts an element as waiting until `pending` settles (what its first render needs first: the
 * words of its language), so that its batch is not shown before it has rendered with it.
 */
export function awaiting(pending: Promise<unknown>): Promise<void> {
  waiting++;
  const done = (): void => void waiting--;
  return pending.then(done, done);
}

/**
 * Holds an upgraded element from the moment its shadow root is attached until its batch is all
 * rendered: the root shows the element's own content as the page styles it, and none of its own.
 */
export function hold(host: Element, root: ShadowRoot, onShown: () => void): void {
  if (!holdSheet) {
    holdSheet = new CSSStyleSheet();
    // The host is displayed as before its definition (inline, or as the page's rules say: they win
    // over :host), its rendered content not at all, its light DOM through the slots.
    holdSheet.replaceSync(':host{display:inline}:host([hidden]){display:none}:not(slot){display:none!important}');
  }
  const fallback = document.createElement('slot');
  fallback.name = 'fallback';
  const slots = [fallback, document.createElement('slot')];
  held.set(host, { onShown, root, sheets: [...root.adoptedStyleSheets], slots });
  shown ??= new Promise((resolve) => (showAll = resolve));
  root.adoptedStyleSheets = [holdSheet];
  // Before Lit's own content, so that a render that replaces its template leaves them in place.
  root.prepend(...slots);
}

/** While the element is held (its render not on screen yet), a promise settled once it is shown. */
export const heldUntil = (host: Element): Promise<void> | undefined => (held.has(host) ? shown : undefined);

/** Shows every held element, in one task. */
function release(): void {
  const batch = [...held.values()];
  const done = showAll;
  held = new Map();
  shown = undefined;
  for (const { root, sheets, slots } of batch) {
    // Keeps any sheet added while held (a long list's reveal adds its own).
    root.adoptedStyleSheets = [...sheets, ...root.adoptedStyleSheets.filter((sheet) => sheet !== holdSheet)];
    for (const slot of slots) slot.remove();
  }
  for (const { onShown } of batch) onShown();
  done();
}
