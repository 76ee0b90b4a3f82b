import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatNumber } from '../i18n/format.js';
import { msg } from '../i18n/words.js';

/**
 * "Show all N" / "Show fewer" under a list cut at its limit. "Show all" takes the reader to the
 * first item it revealed, as "load more" patterns do (`firstRevealed` finds it once rendered);
 * "Show fewer" leaves focus on the button.
 */
export class ShowMore {
  expanded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly firstRevealed: () => HTMLElement | null | undefined,
  ) {}

  /** The button, for a list of `total` items, in `locale`. */
  button(total: number, locale: string): TemplateResult {
    return html`<button type="button" class="more" part="more" @click=${this.toggle}>
      ${this.expanded ? msg(locale, 'showFewer') : msg(locale, 'showAll', { count: formatNumber(total, locale) })}
    </button>`;
  }

  private readonly toggle = async (): Promise<void> => {
    this.expanded = !this.expanded;
    this.host.requestUpdate();
    if (!this.expanded) return;
    await this.host.updateComplete;
    const item = this.firstRevealed();
    if (!item) return;
    item.tabIndex = -1;
    item.addEventListener('blur', () => item.removeAttribute('tabindex'), { once: true });
    item.focus();
  };
}
