import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import { emit } from '../base/events.js';
import { Tween, motionAllowed, play, whenVisible } from './count-loop.js';

/** How long a count-up lasts when `duration` says nothing usable, in milliseconds. */
export const COUNT_DURATION = 1500;

/** The figure a counter shows: its final value, and how any number is written in its digits. */
export interface CountedFigure {
  value: number;
  /** The digits of a number in the figure's format ("31.6" of "31.6 million"). */
  ticker: (shown: number) => string;
}

/** When a count-up runs: once the counter is first seen, as soon as it has its figure, or never. */
export const COUNT_STARTS = ['visible', 'load', 'none'] as const;
export type CountStart = (typeof COUNT_STARTS)[number];

/** Detail of the `iom-count-end` event. */
export interface CountEndDetail {
  /** The value the count ended on. */
  value: number;
}

/**
 * The count-up of one counter, as a reactive controller: waits for the counter to be seen (or
 * not), runs one count on the shared loop, retargets it when the value changes, ends it on the
 * final value and fires `iom-count-end`. The host renders the final figure, with `box` on the
 * value's element and `digits` on its number; the controller only draws the moving digits over it
 * (`data-n` on `digits`, `data-counting` on `box`).
 */
export class CountUpController implements ReactiveController {
  readonly box = createRef<HTMLElement>();
  readonly digits = createRef<HTMLElement>();
  /** The value on screen now (the count's end), while a count is prepared or running. */
  private target?: number;
  private tween?: Tween;
  /** Stops waiting to be scrolled into view. */
  private stopWaiting?: () => void;
  private ticker?: (shown: number) => string;
  private duration = COUNT_DURATION;
  /** The first figure was on screen from the first paint (prerendered): it was shown as written. */
  private firstShown = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: an update picks up the count where disconnecting left it (waiting to be seen, or done).
    this.host.requestUpdate();
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
   * screen (`undefined`: none, such as an error or a new load). `prerendered`: the figure was on
   * screen, final, before the widget's script ran.
   */
  sync(figure: CountedFigure | undefined, start: CountStart, duration: number, prerendered: boolean): void {
    const value = figure?.value;
    this.ticker = figure?.ticker;
    this.duration = duration;
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
    // Counting a prerendered figure up from 0 would only take it away; later changes count as usual.
    if (before === undefined && prerendered && !this.firstShown) {
      this.firstShown = true;
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
    this.tween?.stop();
    this.tween = undefined;
    const duration = this.duration;
    // The moving digits are drawn in the final number's box: a count down from a number with more
    // digits than the final one would not fit in it, so the new value shows at once.
    const length = (n: number) => [...(this.ticker?.(n) ?? '')].length;
    if (from === to || !(duration > 0) || !this.box.value || !this.digits.value || length(from) > length(to)) {
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
    const digits = this.digits.value;
    const box = this.box.value;
    if (digits && digits.getAttribute('data-n') !== text) digits.setAttribute('data-n', text);
    if (inFrame && box && !box.hasAttribute('data-counting')) box.setAttribute('data-counting', '');
  }

  /** Shows the final value and clears the count. */
  private endCount(announce: boolean): void {
    const tween = this.tween;
    this.tween = undefined;
    tween?.stop();
    // The moving digits stay, hidden, in their box of no width (clearing a hundred of them would
    // cost a layout); the next count overwrites them.
    this.box.value?.removeAttribute('data-counting');
    if (announce && tween) emit<CountEndDetail>(this.host, 'iom-count-end', { value: tween.to });
  }
}
