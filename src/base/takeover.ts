import type { ReactiveController, ReactiveElement } from 'lit';
import type { DataStatus } from '../data/data-state.js';

type TakeoverHost = ReactiveElement & { readonly status: DataStatus; readonly renderOptions: { renderBefore?: ChildNode | null } };

let keepSheet: CSSStyleSheet | undefined;

/**
 * What the page showed before the widget's script ran stays on screen until the widget has its
 * figures (or an error) to show, so that it changes once, never through a loading state:
 * - a prerendered shadow root (`iom-widgets prerender`): its content, the widget's own markup,
 *   until the first render that is not loading replaces it in the same task;
 * - content in `slot="fallback"`: shown through a slot, as the page laid it out, meanwhile.
 * A widget with neither renders at once (its loading state, then its data), as Lit does.
 */
export class TakeoverController implements ReactiveController {
  /** The widget took over a prerendered shadow root: its figures were on screen, final (a counter does not count them up). */
  prerendered = false;
  /** What stays on screen: the prerendered nodes, or the fallback slot. */
  private kept?: ChildNode[];
  private sheets?: CSSStyleSheet[];
  private inspected = false;

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
    }
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
    for (const node of this.kept) node.remove();
    this.kept = undefined;
    if (this.sheets) (this.host.renderRoot as ShadowRoot).adoptedStyleSheets = this.sheets;
  }
}
