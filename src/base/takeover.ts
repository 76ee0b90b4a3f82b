import type { ReactiveController, ReactiveElement } from 'lit';
import type { DataStatus } from '../data/data-state.js';

type TakeoverHost = ReactiveElement & { readonly status: DataStatus; readonly renderOptions: { renderBefore?: ChildNode | null } };

let keepSheet: CSSStyleSheet | undefined;

/**
 * What the page showed before the widget's script ran stays on screen until the widget is needed
 * (`whenNeeded`) and has its figures (or an error) to show, so that it changes once, never through
 * a loading state:
 * - a prerendered shadow root (`iom-widgets prerender`): its content, the widget's own markup,
 *   until the first render that is not loading replaces it in the same task;
 * - content in `slot="fallback"`: shown through a slot, as the page laid it out, meanwhile.
 * A widget with neither renders at once (its loading state, then its data), as Lit does.
 */
export class TakeoverController implements ReactiveController {
  /** The widget took over a prerendered shadow root: its figures were on screen, final (a counter does not count them up). */
  prerendered = false;
  /**
   * Resolves when the widget should render for the first time: at once, or, for a widget that
   * shows what the page showed, once it is needed (`whenNeeded`); true when the reader reached for it.
   */
  needed: Promise<boolean> = Promise.resolve(false);
  /** What stays on screen: the prerendered nodes, or the fallback slot. */
  private kept?: ChildNode[];
  private sheets?: CSSStyleSheet[];
  private inspected = false;
  /** Which of the kept nodes' focusable elements had focus, to give it to its twin in the first render. */
  private focusIndex = -1;

  constructor(private readonly host: TakeoverHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Once, before the first render: the shadow root is attached, and holds only what the page put there.
    if (this.inspected) return;
    this.inspected = true;
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    if (root.hasChildNodes()) {
      this.prerendered = true;
      this.kept = [...root.childNodes];
      // Rendered after the prerendered nodes, which go when the first real render comes.
      this.host.renderOptions.renderBefore = null;
      this.needed = whenNeeded(this.host);
    } else if (this.host.querySelector(':scope > [slot="fallback"]')) {
      const slot = document.createElement('slot');
      slot.name = 'fallback';
      root.append(slot);
      this.kept = [slot];
      // The host displayed as before its definition (inline, or as the page's rules say).
      keepSheet ??= new CSSStyleSheet();
      keepSheet.replaceSync(':host{display:inline}:host([hidden]){display:none}');
      this.sheets = [...root.adoptedStyleSheets];
      root.adoptedStyleSheets = [keepSheet];
      this.needed = whenNeeded(this.host);
    }
  }

  /** Whether the widget shows what the page showed (until its first render that is not loading). */
  get keeping(): boolean {
    return !!this.kept;
  }

  /**
   * Whether the widget still shows what the page showed: while it is loading, and for good while
   * `defer-hydration` says that the prerendered widget around it will render it afresh.
   */
  get holding(): boolean {
    return !!this.kept && (this.host.status === 'loading' || this.host.hasAttribute('defer-hydration'));
  }

  hostUpdate(): void {
    if (!this.kept || this.holding) return;
    // Just before the first real render, in the same task: no frame shows the widget empty.
    const root = this.host.renderRoot as ShadowRoot;
    this.focusIndex = root.activeElement ? [...root.querySelectorAll(FOCUSABLE)].indexOf(root.activeElement) : -1;
    for (const node of this.kept) node.remove();
    this.kept = undefined;
    if (this.sheets) root.adoptedStyleSheets = this.sheets;
  }

  hostUpdated(): void {
    // A reader who tabbed into the prerendered widget keeps focus on the same control.
    if (this.focusIndex < 0) return;
    this.host.renderRoot.querySelectorAll<HTMLElement>(FOCUSABLE)[this.focusIndex]?.focus();
    this.focusIndex = -1;
  }
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Resolves when a widget that already shows its content is needed: when it comes within 200 px
 * of the viewport or the browser is idle (within 2 s), whichever is first; and at once, with
 * true, when the reader reaches for it (a pointer over it, a touch, focus). Until then the page's
 * own markup stays, and the widget costs the page no work.
 */
function whenNeeded(el: HTMLElement): Promise<boolean> {
  return new Promise((resolve) => {
    const reached = ['pointerover', 'touchstart', 'focusin'];
    const done = (urgent: boolean) => {
      observer.disconnect();
      stopIdle();
      for (const type of reached) el.removeEventListener(type, onReach, true);
      resolve(urgent);
    };
    const onReach = () => done(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(false), { rootMargin: '200px' });
    observer.observe(el);
    const stopIdle = whenIdle(() => done(false));
    for (const type of reached) el.addEventListener(type, onReach, { capture: true, passive: true });
  });
}

/** Runs `run` once the browser is idle (within 2 s); Safari has no requestIdleCallback: there, soon after the page's own work. Returns a cancel. */
function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}
