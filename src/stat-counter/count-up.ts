import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../base/events.js';
import { Tween, motionAllowed, play, whenVisible } from './count-loop.js';
import type { StatCounterStart } from './stat-counter.js';

/** How long a count-up lasts when `duration` says nothing usable, in milliseconds. */
export const COUNT_DURATION = 1500;

/** The figure a counter shows: its final value, and how any number is written in its digits. */
export interface CountedFigure {
  value: number;
  /** The digits of a number in the figure's format ("31.6" of "31.6 million"). */
  ticker: (shown: number) => string;
}


/** Detail of the `iom-count-end` event. */
export interface CountEndDetail {
  /** The value the count ended on. */
  value: number;
}

/** The elements of the final figure that a count draws over: the value's box, and its number in it. */
export interface CountedElements {
  box: HTMLElement | null;
  digits: HTMLElement | null;
}

/**
 * The count-up of one counter, as a reactive controller: waits for the counter to be seen (or
 * not), runs one count on the shared loop, retargets it when the value changes, ends it on the
 * final value and fires `iom-count-end`. The host renders the final figure, and `elements` gives
 * its value's box and number; the controller only draws the moving digits over them (`data-n` on
 * the number, `data-counting` on the box).
 */
export class CountUpController implements ReactiveController {
  /** The value on screen now (the count's end), while a count is prepared or running. */
  private target?: number;
  private tween?: Tween;
  /** Stops waiting to be scrolled into view. */
  private stopWaiting?: () => void;
  private ticker?: (shown: number) => string;
  private duration = COUNT_DURATION;
  /** The first figure was on screen from the first paint (prerendered): it was shown as written. */
  private firstShown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly elements: () => CountedElements,
  ) {
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
  sync(figure: CountedFigure | undefined, start: StatCounterStart, duration: number, prerendered: boolean): void {
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
    const { box, digits } = this.elements();
    if (from === to || !(duration > 0) || !box || !digits || length(from) > length(to)) {
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
    const { box, digits } = this.elements();
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
    this.elements().box?.removeAttribute('data-counting');
    if (announce && tween) emit<CountEndDetail>(this.host, 'iom-count-end', { value: tween.to });
  }
}
