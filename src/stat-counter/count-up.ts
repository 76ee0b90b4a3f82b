import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../base/events.js';
import { printMedia, watchPrint } from '../base/print.js';

// The machinery behind <stat-counter>'s count-up, shared by every counter on the page:
// one requestAnimationFrame loop, one IntersectionObserver, and one set of page listeners
// (tab hidden, print, reduced motion) that end every running count at once.

/**
 * One count from `from` to `to`, drawn by `draw` on each frame of the shared loop.
 *
 * Its clock starts when it is played, not on its first frame, and a timer ends it at the end of
 * its duration whether or not frames came: a page whose frames stall or whose clock jumps (a
 * capture tool's virtual time, a throttled tab, a slow device) still ends on the final value. The
 * moving digits are drawn only from inside a frame, so a page that never gets one never shows them.
 */
class Tween {
  /** The number shown on the last frame drawn: where a new count starts when the value changes mid-way. */
  current: number;
  private started?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly from: number,
    readonly to: number,
    readonly duration: number,
    private readonly draw: (shown: number, done: boolean) => void,
  ) {
    this.current = from;
  }

  /** Starts the clock, and the timer that ends the count even when no frame comes. */
  begin(now: number): void {
    this.started = now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(), Math.max(0, this.duration));
  }

  /** Draws the frame for `now`; returns true when the count has ended. */
  step(now: number): boolean {
    this.started ??= now;
    const progress = this.duration > 0 ? Math.min(1, Math.max(0, (now - this.started) / this.duration)) : 1;
    if (progress >= 1) {
      this.finish();
      return true;
    }
    this.current = this.from + (this.to - this.from) * easeOut(progress);
    this.draw(this.current, false);
    return false;
  }

  /** Jumps to the end: the exact final value. */
  finish(): void {
    this.stop();
    this.current = this.to;
    this.draw(this.to, true);
  }

  /** Takes the count off the loop and clears its timer, drawing nothing. */
  stop(): void {
    running.delete(this);
    clearTimeout(this.timer);
    this.timer = undefined;
    // The last count ended (maybe on its timer, with a frame still asked for that may never come):
    // drop the frame, so the next count asks for a new one.
    if (!running.size && frame) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  }
}

/** Ease-out cubic: fast at first, settling gently on the value. */
function easeOut(t: number): number {
  return 1 - (1 - t) ** 3;
}

const running = new Set<Tween>();
let frame = 0;

// One callback per frame for all counters. It only writes (text of the moving digits); it never
// reads layout, so a hundred counters cost a hundred cheap text updates and one style/layout pass.
function tick(now: number): void {
  frame = 0;
  for (const tween of [...running]) {
    if (tween.step(now)) running.delete(tween);
  }
  if (running.size) frame = requestAnimationFrame(tick);
}

/** Starts a count on the shared loop. */
function play(tween: Tween): void {
  listenToPage();
  tween.begin(performance.now());
  running.add(tween);
  if (!frame) frame = requestAnimationFrame(tick);
}

/** Takes a count off the loop without drawing its end. */
function cancel(tween: Tween | undefined): void {
  tween?.stop();
}

/** Ends every running count on its final value. */
function finishAll(): void {
  for (const tween of [...running]) tween.finish();
}

// Media query lists are made once: matchMedia() is costly, and asked for each counter.
let reducedMotionQuery: MediaQueryList | undefined;
const reducedMotion = () => (reducedMotionQuery ??= globalThis.matchMedia?.('(prefers-reduced-motion: reduce)'));

/**
 * Whether a count may run now: not when the reader asked for reduced motion, not while printing,
 * and not in a hidden tab (where frames do not run and the count would only delay the value).
 */
function motionAllowed(): boolean {
  if (document.visibilityState === 'hidden') return false;
  if (reducedMotion()?.matches) return false;
  if (printMedia()?.matches) return false;
  return true;
}

let listening = false;
function listenToPage(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') finishAll();
  });
  watchPrint((printing) => {
    if (printing) finishAll();
  });
  reducedMotion()?.addEventListener('change', (event) => {
    if (event.matches) finishAll();
  });
}

// One IntersectionObserver for every counter waiting to be seen.
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Calls `callback` once, when `el` first enters the viewport. Returns a function that stops waiting. */
function whenVisible(el: Element, callback: () => void): () => void {
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const run = waiting.get(entry.target);
      waiting.delete(entry.target);
      observer!.unobserve(entry.target);
      run?.();
    }
  });
  waiting.set(el, callback);
  observer.observe(el);
  return () => {
    if (waiting.get(el) === callback) {
      waiting.delete(el);
      observer?.unobserve(el);
    }
  };
}

/** The figure a counter shows: its final value, and how any number is written in its digits. */
export interface CountedFigure {
  value: number;
  /** The digits of a number in the figure's format ("31.6" of "31.6 million"). */
  ticker: (shown: number) => string;
}

export type CountStart = 'visible' | 'load' | 'none';

/** Detail of the `iom-count-end` event. */
export interface CountEndDetail {
  /** The value the count ended on. */
  value: number;
}

/** The element a count-up runs in: its shadow root holds `.value` and, in it, `.digits`. */
export type CountUpHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly prerendered: boolean };

/**
 * The count-up of one counter, as a reactive controller: waits for the counter to be seen (or
 * not), runs one count on the shared loop, retargets it when the value changes, ends it on the
 * final value and fires `iom-count-end`. The host renders the final figure; the controller only
 * draws the moving digits over it (`data-n` on `.digits`, `data-counting` on `.value`).
 */
export class CountUpController implements ReactiveController {
  /** The value on screen now (the count's end), while a count is prepared or running. */
  private target?: number;
  private tween?: Tween;
  /** Stops waiting to be scrolled into view. */
  private stopWaiting?: () => void;
  private ticker?: (shown: number) => string;
  private duration = 1500;
  /** The value's box, and in it the final number, over which the moving digits are drawn. */
  private valueEl?: HTMLElement | null;
  private digitsEl?: HTMLElement | null;
  /** A prerendered counter showed its first figure as written, without counting. */
  private tookOver = false;

  constructor(private readonly host: CountUpHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.stopWaiting) {
      this.stopWaiting();
      this.stopWaiting = undefined;
      this.target = undefined;
    }
    this.endCount(false);
  }

  /**
   * After each render of the host: starts, retargets or ends the count for the figure now on
   * screen (`undefined`: none, such as an error or a new load).
   */
  sync(figure: CountedFigure | undefined, start: CountStart, duration: number): void {
    const value = figure?.value;
    this.ticker = figure?.ticker;
    this.duration = duration;
    const root = this.host.renderRoot;
    this.valueEl = root.querySelector<HTMLElement>('.value');
    this.digitsEl = this.valueEl?.querySelector<HTMLElement>('.digits');
    if (value === undefined || start === 'none') {
      this.stopWaiting?.();
      this.stopWaiting = undefined;
      // No figure on screen any more (an error, a new load): drop the count silently. Asked not to count: end it now.
      if (value === undefined) this.endCount(false);
      else this.tween?.finish();
      this.target = value;
      return;
    }
    if (value === this.target) {
      // Same value, maybe new words or locale: redraw the moving digits in the new format.
      if (this.tween) this.draw(this.tween.current);
      return;
    }
    const before = this.target;
    this.target = value;
    if (this.stopWaiting) return; // Not seen yet: it will count from 0 to the newest value.
    // Prerendered: the final figure has been on screen since the first paint; counting it up from 0
    // now would only take it away. Later changes of the value count as usual.
    if (before === undefined && this.host.prerendered && !this.tookOver) {
      this.tookOver = true;
      return;
    }
    if (!motionAllowed()) {
      this.tween?.finish();
      return;
    }
    if (before !== undefined) {
      // The value changed: count from the number on screen to the new one.
      this.countFrom(this.tween ? this.tween.current : before);
    } else if (start === 'load') {
      this.countFrom(0);
    } else {
      this.stopWaiting = whenVisible(this.host, () => {
        this.stopWaiting = undefined;
        if (this.target !== undefined && motionAllowed()) this.countFrom(0);
      });
    }
  }

  private countFrom(from: number): void {
    const to = this.target!;
    cancel(this.tween);
    this.tween = undefined;
    const duration = this.duration;
    // The moving digits are drawn in the final number's box: a count down from a number with more
    // digits than the final one would not fit in it, so the new value shows at once.
    const digits = (n: number) => [...(this.ticker?.(n) ?? '')].length;
    const wider = digits(from) > digits(to);
    if (from === to || !(duration > 0) || !this.valueEl || !this.digitsEl || wider) {
      this.endCount(false);
      return;
    }
    const tween = new Tween(from, to, duration, (shown, done) => {
      if (this.tween !== tween) return;
      if (done) this.endCount(true);
      else this.draw(shown, true);
    });
    this.tween = tween;
    // Nothing is painted yet: the final figure stays on screen until the first frame of the count.
    this.draw(from);
    play(tween);
  }

  /**
   * Writes the moving digits, when they changed. From a frame of the shared loop (`inFrame`), it
   * also shows them in place of the final number: a number other than the final one is only ever
   * painted inside a frame of a running count. It only writes, never reads layout.
   */
  private draw(shown: number, inFrame = false): void {
    const text = this.ticker?.(shown) ?? '';
    if (this.digitsEl && this.digitsEl.getAttribute('data-n') !== text) this.digitsEl.setAttribute('data-n', text);
    if (inFrame && this.valueEl && !this.valueEl.hasAttribute('data-counting')) this.valueEl.setAttribute('data-counting', '');
  }

  /** Shows the final value and clears the count. */
  private endCount(announce: boolean): void {
    const tween = this.tween;
    this.tween = undefined;
    cancel(tween);
    const el = this.valueEl;
    // The moving digits stay, hidden, in their box of no width (clearing a hundred of them would
    // cost a layout); the next count overwrites them.
    el?.removeAttribute('data-counting');
    if (announce && tween) {
      emit<CountEndDetail>(this.host, 'iom-count-end', { value: tween.to });
    }
  }
}
