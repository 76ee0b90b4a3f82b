import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region whose words change once the reader pauses (`after`): typing in a search box
 * is not interrupted by an announcement at every key.
 */
export class PoliteAnnouncer implements ReactiveController {
  private text = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Announces `words()` after `pause` ms without another call (nothing when it gives nothing). */
  after(pause: number, words: () => string | undefined): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const text = words();
      if (text === undefined) return;
      // The same words twice in a row are not read again by screen readers: vary them invisibly.
      this.text = text === this.text.trim() ? `${text}\u00a0` : text;
      this.host.requestUpdate();
    }, pause);
  }

  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status">${this.text}</div>`;
  }
}
