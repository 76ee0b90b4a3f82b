// Prerendered widgets take over in turns: their first renders share a time budget per task. A
// prerendered report page (lists, rankings, a hundred counters) would otherwise re-render every
// widget in the one task that defines the elements, a long task that holds up input and the next
// frame. Once this task's first renders have taken RENDER_BUDGET ms, each next prerendered widget
// renders in a later task, in document order, as soon as the browser has run whatever else is
// waiting (a MessageChannel message: not throttled in a background tab, unlike setTimeout). Until
// its turn it keeps its prerendered content, so waiting moves nothing on screen. (A widget that was
// not prerendered renders at once: it has nothing on screen to keep, and rendering it in a later
// task would show the page without it for a frame, a layout shift.) Widgets inside another
// widget's shadow root (objective-card's counters) render with their host, never after it.

/** Milliseconds of first renders per task, before the next ones wait for a later task. */
export const RENDER_BUDGET = 12;

let batchStart = -1;
const waiting: Array<() => void> = [];
let port: MessagePort | undefined;
const later: Array<() => void> = [];

/** Runs `fn` in a later task. */
function inLaterTask(fn: () => void): void {
  if (!port) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => later.shift()?.();
    port = channel.port2;
  }
  later.push(fn);
  port.postMessage(0);
}

/** A new task: the budget starts again, and the first widget waiting renders (the next follow it while the budget lasts). */
function newBatch(): void {
  batchStart = -1;
  if (!waiting.length) return;
  startBatch();
  waiting.shift()!();
}

function startBatch(): void {
  batchStart = performance.now();
  inLaterTask(newBatch);
}

/**
 * When a widget may render for the first time: undefined for now (this task's budget is not
 * spent and no widget is waiting before it), else a promise of its turn in a later task.
 */
export function firstRenderTurn(): Promise<void> | undefined {
  if (typeof MessageChannel !== 'function') return undefined;
  if (batchStart < 0) startBatch();
  if (!waiting.length && performance.now() - batchStart < RENDER_BUDGET) return undefined;
  return new Promise((resolve) => waiting.push(resolve));
}

/** After a widget's first render: the next widget waiting renders in this task too, if the budget allows. */
export function firstRenderDone(): void {
  if (waiting.length && batchStart >= 0 && performance.now() - batchStart < RENDER_BUDGET) waiting.shift()!();
}
