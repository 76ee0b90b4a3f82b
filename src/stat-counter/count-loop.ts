import { printMedia, watchPrint } from '../base/print.js';

// The machinery behind <stat-counter>'s count-up, shared by every counter on the page: one
// requestAnimationFrame loop, one IntersectionObserver, and one set of page listeners (tab
// hidden, print, reduced motion) that end every running count at once.

/**
 * One count from `from` to `to`, drawn by `draw` on each frame of the shared loop.
 *
 * Its clock starts when it is played, not on its first frame, and a timer ends it at the end of
 * its duration whether or not frames came: a page whose frames stall or whose clock jumps (a
 * capture tool's virtual time, a throttled tab, a slow device) still ends on the final value. The
 * moving digits are drawn only from inside a frame, so a page that never gets one never shows them.
 */
export class Tween {
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
export function play(tween: Tween): void {
  listenToPage();
  tween.begin(performance.now());
  running.add(tween);
  if (!frame) frame = requestAnimationFrame(tick);
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
export function motionAllowed(): boolean {
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
export function whenVisible(el: Element, callback: () => void): () => void {
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
