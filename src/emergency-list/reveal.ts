import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { nextChunk, whenIdle } from './progressive.js';

// A long list lets the browser skip the layout and paint of its items far off screen
// (`content-visibility: auto`): its first render stays cheap. But a capture drawn beyond the
// viewport without resizing it (puppeteer's full-page screenshot, and the archive and preview
// tools built that way) paints the skipped items blank. So once the list is all in, its items are
// laid out for good while the browser is idle, a chunk at a time from the top (a rule of a
// stylesheet of the list's own, `:nth-child(-n + N)`, written through the CSSOM, which a strict
// Content-Security-Policy allows), and the page holds every item's pixels from then on.

/**
 * Lists with more matches than this let the browser skip the layout and paint of the items off
 * screen (`content-visibility: auto`, the `long` class), which halves the first render of a list
 * of 100 (BENCHMARKS.md, "Long lists in full-page captures"). A prerendered page is read without
 * script, where nothing would lay them out later: only lists of more than 100 skip there.
 */
export const skipsItems = (matches: number): boolean => matches > (isServer ? 100 : 20);

/** What the host's last update showed. */
export interface RevealTarget {
  /** How many items are on screen. */
  readonly count: number;
  /** Whether the list lets the browser skip its items (the `long` class). */
  readonly skipping: boolean;
  /** Whether the list is all in (no chunk still to come). */
  readonly complete: boolean;
}

export type RevealHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Lays out a long list's skipped items in idle time once the list is complete. */
export class RevealItems implements ReactiveController {
  /** Items laid out for good, from the top. */
  private revealed = 0;
  private sheet?: CSSStyleSheet;
  /** Whether the host's list lets the browser skip its items. */
  private active = false;
  private cancel?: () => void;
  private chunk = 100;

  constructor(
    private readonly host: RevealHost,
    private readonly target: () => RevealTarget | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  hostConnected(): void {
    // Carries on where it stopped when the element left the page.
    if (this.active) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.target();
    if (!target?.skipping) {
      this.active = false;
      this.stop();
      this.show(0);
      return;
    }
    // New results (a search, a sort) keep the rule: the items they bring to revealed places are
    // laid out as they come. Changing the stylesheet restyles the whole list, which cost each key
    // press in the search box more (BENCHMARKS.md).
    this.active = true;
    if (target.complete && this.revealed < target.count) this.next(target.count);
  }

  private stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private next(count: number): void {
    if (this.cancel) return;
    this.cancel = whenIdle(() => {
      this.cancel = undefined;
      const start = performance.now();
      const items = Math.min(count - this.revealed, this.chunk);
      this.show(this.revealed + items);
      // The layout the rule calls for, here in idle time rather than in the next frame.
      this.host.renderRoot.querySelector('.list')?.getBoundingClientRect();
      // Sized like the fill's chunks (25 ms each): here the time is the layout of the items revealed.
      this.chunk = nextChunk(items, performance.now() - start);
      if (this.revealed < count) this.next(count);
    });
  }

  /** Lays out the first `count` items for good (0: none, all skippable again). */
  private show(count: number): void {
    if (count === this.revealed) return;
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot) || typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype)) return;
    this.sheet ??= new CSSStyleSheet();
    // (The host's own sheets may be set again, on taking over a prerendered root: added back.)
    if (!root.adoptedStyleSheets.includes(this.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    this.sheet.replaceSync(count > 0 ? `.list.long > .item:nth-child(-n + ${count}) { content-visibility: visible; }` : '');
    this.revealed = count;
  }
}
