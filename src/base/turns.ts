/**
 * First renders in turns, for widgets that wake with their content already on screen
 * (prerendered, or showing their fallback): when many wake at once (a page of prerendered widgets,
 * at load or when the browser is idle), they render in tasks of at most `TURN_MS` of the main
 * thread, with the browser free to answer the reader in between; what the page showed stays
 * meanwhile. A few render at once, as before: the queue only fills once a task has spent its turn.
 * (BENCHMARKS.md, "Many widgets at once".)
 */

/**
 * How long the widgets' first renders may run in one task, in ms. Lighthouse's phone (a CPU slowed
 * 4×) scales each task measured here by four: a 30 ms turn counted there as a 120 ms long task.
 */
export const TURN_MS = 10;

const queue: (() => void)[] = [];
/** When the current task's first render began, or undefined outside one. */
let turnStart: number | undefined;

/** Whether a first render may run now: nothing waits before it, and this task's turn has time left. */
export function myTurn(): boolean {
  if (queue.length > 0) return false;
  if (turnStart === undefined) {
    turnStart = performance.now();
    // The turn ends with the task: the next task starts a new one.
    setTimeout(() => (turnStart = undefined));
  }
  return performance.now() - turnStart < TURN_MS;
}

/** Runs `render` now if this task has time left, else in a later task with time left (`inTurn`). */
export function takeTurn(render: () => unknown): Promise<void> {
  if (myTurn()) return Promise.resolve(render()).then(() => undefined);
  return new Promise((resolve, reject) =>
    inTurn(() => {
      try {
        render();
        resolve();
      } catch (error) {
        reject(error);
      }
    }),
  );
}

/** Runs `render` in a later task with time left, after those already waiting. */
export function inTurn(render: () => void): void {
  queue.push(render);
  if (queue.length === 1) setTimeout(next);
}

function next(): void {
  turnStart = performance.now();
  setTimeout(() => (turnStart = undefined));
  try {
    while (queue.length > 0 && performance.now() - turnStart < TURN_MS) queue.shift()!();
  } finally {
    if (queue.length > 0) setTimeout(next);
  }
}
