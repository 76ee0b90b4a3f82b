import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Long lists render progressively: the first FIRST_CHUNK items at once (more than a screen), the
// rest in chunks while the browser is idle, so a change waits at most one chunk and the
// whole list still ends up in the page (for screen readers, find-in-page, crawlers).
/** Longer lists than this render progressively. */
const LONG_LIST = 100;
const FIRST_CHUNK = 40;
/**
 * Time to spend on each later chunk, in ms. The chunk size follows the device's speed: it is learnt
 * from the update that rendered the first chunk, then from each chunk, and at most doubles from one
 * chunk to the next. Half of the 50 ms of a long task, so a key press waits at most that long; fewer,
 * larger chunks cost less in all than many small ones, each an update of the list and a frame
 * (BENCHMARKS.md, "The list's fill").
 */
const CHUNK_BUDGET = 25;

/** The next chunk's size, from the last one: `items` done in `spent` ms. */
const nextChunk = (items: number, spent: number) => Math.round(Math.min(500, 2 * items, Math.max(20, (items * CHUNK_BUDGET) / Math.max(1, spent))));

/** Calls `callback` when the browser is next idle (within 250 ms); returns a function that cancels it. */
const whenIdle: (callback: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (callback) => {
        const id = requestIdleCallback(callback, { timeout: 250 });
        return () => cancelIdleCallback(id);
      }
    : (callback) => {
        const id = setTimeout(callback, 16);
        return () => clearTimeout(id);
      };

/** What the host wants on screen at this update: `cap` items of the results `results` (compared by identity). */
export interface ProgressiveTarget {
  readonly results: object;
  readonly cap: number;
  /** False renders all `cap` at once (print). */
  readonly progressive: boolean;
}

/**
 * How many items of a list to render now. Decided in `hostUpdate` (after the host's `willUpdate`
 * has set the data of this update, before it renders), from what `target()` says the host wants;
 * when that is more than a long list's first chunk, the rest comes in while the browser is idle,
 * one chunk an update.
 */
export class ProgressiveList implements ReactiveController {
  /** The number of items to render in this update. */
  count = 0;
  private fill?: { results: object; cap: number; count: number };
  private last?: { results: object; count: number };
  private pending = false;
  private cancel?: () => void;
  private chunk = 60;
  /** When the update that renders a fill's first chunk began, and how many items it adds. */
  private firstChunk?: { at: number; items: number };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ProgressiveTarget | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A long list that was still filling in when the element left the page carries on.
    if (this.pending) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  hostUpdate(): void {
    const target = this.target();
    if (!target) return;
    const { results, cap } = target;
    let count = cap;
    if (target.progressive && cap > LONG_LIST) {
      if (this.fill?.results !== results || this.fill.cap !== cap) {
        // Same results, more room ("Show all"): keep what is on screen and add a chunk at once.
        const start = this.last?.results === results ? this.last.count + FIRST_CHUNK : FIRST_CHUNK;
        this.fill = { results, cap, count: start };
        this.firstChunk = { at: performance.now(), items: FIRST_CHUNK };
      }
      count = Math.min(cap, this.fill.count);
    } else {
      // All at once: a later fill starts afresh, from what is on screen then.
      this.fill = undefined;
    }
    this.count = count;
    this.pending = count < cap;
    this.last = { results, count };
  }

  hostUpdated(): void {
    if (this.firstChunk) {
      this.chunk = nextChunk(this.firstChunk.items, performance.now() - this.firstChunk.at);
      this.firstChunk = undefined;
    }
    if (!this.pending || this.cancel) return;
    this.cancel = whenIdle(async () => {
      this.cancel = undefined;
      if (!this.fill) return;
      const start = performance.now();
      this.fill.count += this.chunk;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.chunk = nextChunk(this.chunk, performance.now() - start);
    });
  }
}
