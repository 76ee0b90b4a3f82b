import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Option } from './options.js';

/** The shortest `refresh`, in seconds: five minutes, so that a busy page is not a busy API (ReliefWeb allows 1,000 calls a day). */
export const MIN_REFRESH = 300;

/** `refresh`: seconds, 300 or more; a shorter one is read as 300 (with a warning), anything else as no refresh. */
export const REFRESH: Option<number | undefined> = {
  attribute: 'refresh',
  value: (raw) => (typeof raw === 'number' && raw > 0 && Number.isFinite(raw) ? Math.max(raw, MIN_REFRESH) : undefined),
  problem: (raw) =>
    raw === undefined || raw === null ? undefined
    : typeof raw === 'number' && raw >= MIN_REFRESH && Number.isFinite(raw) ? undefined
    : typeof raw === 'number' && raw > 0 && Number.isFinite(raw) ? `use ${MIN_REFRESH} seconds (five minutes) or more; refreshing every ${MIN_REFRESH} s`
    : `use a number of seconds, ${MIN_REFRESH} or more; not refreshing`,
};

/**
 * When to read `src` again, in ms after this update: a prerendered snapshot at once; figures read
 * from `src` every `refresh` seconds once shown (not while a load is under way); else never.
 */
export function refreshDelay(refresh: number | undefined, from: 'src' | 'snapshot' | undefined, shown: boolean): number | undefined {
  const every = REFRESH.value(refresh);
  if (every === undefined || from === undefined) return undefined;
  if (from === 'snapshot') return 0;
  return shown ? every * 1000 : undefined;
}

/**
 * Runs `run` every so often while the widget is on screen: `delay()` says in how many ms after
 * this update (none: no refresh now, as while a load is under way). When the time comes while the
 * widget is off screen or its tab hidden, it runs as soon as the widget is seen again.
 */
export class RefreshController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private delay?: number;
  private due = false;
  private seen = false;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly delayOf: () => number | undefined,
    private readonly run: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: armed again, as it was.
    if (this.delay !== undefined) this.arm(this.delayOf());
  }

  hostDisconnected(): void {
    this.stop();
    this.observer?.disconnect();
    this.observer = undefined;
    this.seen = false;
    document.removeEventListener('visibilitychange', this.wake);
  }

  hostUpdated(): void {
    const delay = this.delayOf();
    if (delay === this.delay && (this.timer !== undefined || this.due)) return;
    this.arm(delay);
  }

  private arm(delay: number | undefined): void {
    this.stop();
    this.delay = delay;
    if (delay === undefined) return;
    // Watched only once there is something to refresh: a page of 100 counters without refresh observes nothing.
    if (!this.observer) {
      this.observer = new IntersectionObserver((entries) => {
        this.seen = entries[entries.length - 1].isIntersecting;
        this.wake();
      });
      this.observer.observe(this.host);
      document.addEventListener('visibilitychange', this.wake);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.due = true;
      this.wake();
    }, delay);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
  }

  private readonly wake = (): void => {
    if (!this.due || !this.seen || document.visibilityState === 'hidden') return;
    this.due = false;
    this.delay = undefined;
    this.run();
  };
}
