import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { IomElement } from '../base/iom-element.js';
import { oneOf, given, type AttributeRule } from '../base/attributes.js';
import { announceError, type DataSpec, type DataStatus } from '../data/data-controller.js';
import { plainNumber } from '../data/parse.js';
import { DataError, describeValue } from '../data/errors.js';
import { renderSource, sourceText } from '../base/source-line.js';
import { Tween, cancel, motionAllowed, play, whenVisible } from './count-up.js';
import { figureChange, figureText } from './figure-format.js';
import { STAT_FORMATS, StatCounterSchema, type StatCounterData } from './stat-counter.data.js';
import { statCounterStyles } from './stat-counter.styles.js';

export const STAT_COUNTER_STARTS = ['visible', 'load', 'none'] as const;
export type StatCounterStart = (typeof STAT_COUNTER_STARTS)[number];

/** Detail of the `iom-count-end` event. */
export interface StatCounterCountEndDetail {
  /** The value the count ended on. */
  value: number;
}

// A number attribute written other than with digits ("31.6 million", "1,200") becomes NaN, which
// the element reports naming the attribute.
const numberAttribute = {
  fromAttribute: (raw: string | null): number | undefined => (raw === null ? undefined : plainNumber(raw)),
  toAttribute: (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value)),
};

type Figure = StatCounterData;
type Resolution =
  | { kind: 'figure'; figure: Figure; busy: boolean }
  | { kind: 'problem'; message: string }
  /** Nothing of our own to show: the base class renders loading, a data error or the idle message. */
  | { kind: 'base' };

/**
 * One headline figure, such as "31.6 million people assisted", with an optional count-up.
 *
 * The final figure and its label are in the page from the first render: screen readers, crawlers,
 * text extraction, copy and print all get the real number, before, during and after the count.
 * The count-up is decoration drawn over it and hidden from assistive technology; it runs once,
 * when the counter scrolls into view (or on load), on one animation loop shared by every counter
 * on the page, and not at all with reduced motion, in print or in a hidden tab.
 *
 * It reads its figure from attributes alone (`value`, `label`, …) or from data given the four
 * usual ways (`data` property, `data` attribute, inline JSON script, `src`); attributes override
 * the same fields of the data. Content written inside the tag (by convention in `slot="fallback"`)
 * is shown until the script loads, then hidden by the rendered figure (an inline
 * `<script type="application/json">` is read as data). A counter written into the page by
 * `iom-widgets prerender` shows its final figure from the first paint and does not count up.
 *
 * @summary A headline figure with its label that counts up once, and that every reader, crawler and printout reads right.
 *
 * @slot fallback - Plain content shown while the element is not defined (no script, or before it loads) and hidden once it is: the figure as text, for readers that run no script. `iom-widgets prerender` writes it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart figure - The paragraph that holds the prefix, value, suffix and label.
 * @csspart prefix - Text before the value ("Over").
 * @csspart value - The formatted number.
 * @csspart suffix - Text after the value.
 * @csspart label - What the figure counts ("people assisted"), under the value.
 * @csspart description - A sentence under the label.
 * @csspart change - The change from the previous figure ("18% increase from 2022").
 * @csspart source - The source citation.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error box.
 * @csspart retry - The Retry button in the error box.
 *
 * @cssprop --iom-stat-counter-align - Alignment of the figure: `start` (default), `center` or `end`.
 * @cssprop --iom-stat-counter-gap - Space between the lines (default: `--iom-space` / 4).
 * @cssprop --iom-stat-counter-value-size - Font size of the value (default: `--iom-font-size-display`, 2.5em).
 * @cssprop --iom-stat-counter-value-weight - Font weight of the value (default: `--iom-font-weight-bold`).
 * @cssprop --iom-stat-counter-value-color - Colour of the value (default: `--iom-color-primary`).
 * @cssprop --iom-stat-counter-value-line-height - Line height of the value (default: 1.15).
 * @cssprop --iom-stat-counter-label-size - Font size of the label (default: 1em).
 * @cssprop --iom-stat-counter-label-weight - Font weight of the label (default: `--iom-font-weight`).
 * @cssprop --iom-stat-counter-label-color - Colour of the label (default: `--iom-color-text`).
 * @cssprop --iom-stat-counter-affix-size - Font size of the prefix and suffix (default: the label's).
 * @cssprop --iom-stat-counter-affix-color - Colour of the prefix and suffix (default: the label's).
 * @cssprop --iom-stat-counter-change-color - Colour of the change line (default: `--iom-color-text-muted`).
 * @cssprop --iom-stat-counter-change-up-color - Colour of an increase (default: the change colour; whether up is good depends on the figure).
 * @cssprop --iom-stat-counter-change-down-color - Colour of a decrease (default: the change colour).
 * @cssprop --iom-stat-counter-source-color - Colour of the source line (default: `--iom-color-text-muted`).
 *
 * @fires iom-load - Data from the `data` property, `data` attribute, inline script or `src` loaded and is valid. `detail`: the data. A counter that works from attributes alone is ready on its first render and fires none.
 * @fires iom-error - The data or an attribute is not valid, or `src` could not be loaded. `detail`: `{ message, kind, cause }`.
 * @fires iom-count-end - A count-up ended and the counter shows its final value. `detail`: `{ value }`.
 */
export class StatCounter extends IomElement<StatCounterData> {
  static override styles = [...IomElement.styles, statCounterStyles];

  /** The figure, as a plain number: `31600000`, not "31.6 million". With `format="percent"`, in percent points (18 means 18 %). Overrides the data's `value`. */
  @property({ converter: numberAttribute })
  value?: number;

  /** What the figure counts, shown under it: "people assisted". */
  @property()
  label?: string;

  /** A sentence shown under the label. */
  @property()
  description?: string;

  /** Text before the value: "Over", "Nearly". */
  @property({ attribute: 'prefix' })
  valuePrefix?: string;

  /** Text after the value: "+", "people". */
  @property({ attribute: 'suffix' })
  valueSuffix?: string;

  /** `standard` (31,600,000), `compact` (31.6 million), `percent` (value in percent points) or `currency` (with `currency`). `compact` with a `currency` gives "USD 30 million". */
  @property()
  format?: 'standard' | 'compact' | 'percent' | 'currency';

  /** Three-letter currency code (ISO 4217) for `format="currency"` or a compact amount: `USD`, `EUR`, `CHF`. */
  @property()
  currency?: string;

  /** Most digits after the decimal point (0 to 20); overrides the default precision. Defaults: compact shows up to three significant digits (1.14 million, 31.6 million, 30 million), percent 1, currency the currency's own, standard 3. */
  @property({ attribute: 'maximum-fraction-digits', converter: numberAttribute })
  maximumFractionDigits?: number;

  /** An earlier value of the same figure, to show the change: "18% increase from 2022". */
  @property({ converter: numberAttribute })
  previous?: number;

  /** What the earlier value refers to ("2022"). Without it, the change names the earlier value itself. */
  @property({ attribute: 'previous-label' })
  previousLabel?: string;

  /** The source, shown as a small citation: a title ("IOM Annual Report 2023") or a URL. */
  @property()
  source?: string;

  /** Length of the count-up in milliseconds (0: none). */
  @property({ converter: numberAttribute })
  duration = 1500;

  /** When to count up: `visible` (when it first scrolls into view), `load` (as soon as it has its figure) or `none` (never; the value shows at once). */
  @property()
  start: 'visible' | 'load' | 'none' = 'visible';

  /** The value on screen now (the count's end), while a count is prepared or running. */
  private target?: number;
  private tween?: Tween;
  /** Stops waiting to be scrolled into view. */
  private stopWaiting?: () => void;
  private ticker?: (shown: number) => string;
  private announcedProblem?: string;
  /** The value's box, and in it the final number, over which the moving digits are drawn. */
  private valueEl?: HTMLElement | null;
  private digitsEl?: HTMLElement | null;
  /** A prerendered counter showed its first figure as written, without counting. */
  private tookOver = false;

  protected dataSpec(): DataSpec<StatCounterData> {
    return { schema: StatCounterSchema };
  }

  /** The current state: `idle`, `loading`, `ready` or `error` (a counter with a valid `value` attribute and no data source is `ready`). */
  override get status(): DataStatus {
    const r = this.resolve();
    if (r.kind === 'problem') return 'error';
    if (r.kind === 'figure') return r.busy ? 'loading' : 'ready';
    return super.status;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: pick up the count where disconnecting left it (waiting to be seen, or done).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.stopWaiting) {
      this.stopWaiting();
      this.stopWaiting = undefined;
      this.target = undefined;
    }
    this.endCount(false);
  }

  /** The value attribute, when it is given but not a number: the one attribute without which there is no figure. */
  private valueProblem(): string | undefined {
    const value = this.value;
    if (value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value))) return undefined;
    const raw = this.getAttribute('value');
    const where = raw !== null ? 'value attribute' : 'value property';
    return `${where} must be a number written with digits only, such as 31600000 or 2.5, got ${raw !== null ? JSON.stringify(raw) : describeValue(value)}`;
  }

  protected override attributeRules(): AttributeRule[] {
    const number = (attribute: string, value: unknown, valid: (n: number) => boolean, expected: string, fallback: string): AttributeRule => ({
      attribute,
      value,
      valid: value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value) && valid(value)),
      expected,
      fallback,
    });
    return [
      oneOf('format', this.format, STAT_FORMATS, 'using the data\'s format, else standard'),
      oneOf('start', this.start, STAT_COUNTER_STARTS, 'counting when visible'),
      {
        attribute: 'currency',
        value: this.currency,
        valid: !given(this.currency) || isCurrency(this.currency!),
        expected: 'a three-letter currency code such as USD',
        fallback: "using the data's currency",
      },
      number('maximum-fraction-digits', this.maximumFractionDigits, (n) => Number.isInteger(n) && n <= 20 && n >= 0, 'a whole number from 0 to 20', "using the format's precision"),
      number('duration', this.duration, (n) => n >= 0, 'a number of milliseconds, 0 or more', 'counting for 1500 ms'),
      number('previous', this.previous, () => true, 'a number written with digits only, such as 26400000', 'showing no change'),
    ];
  }

  /** The figure: the data with the attributes laid over it. */
  protected merge(data: Partial<StatCounterData>): Figure {
    const figure = { ...data } as Figure;
    const set = <K extends keyof Figure>(key: K, value: Figure[K] | null | undefined) => {
      if (value !== undefined && value !== null) figure[key] = value;
    };
    set('value', this.value);
    set('label', this.label);
    set('description', this.description);
    set('prefix', this.valuePrefix);
    set('suffix', this.valueSuffix);
    const usable = (n: number | undefined, ok: (n: number) => boolean) => (typeof n === 'number' && Number.isFinite(n) && ok(n) ? n : undefined);
    set('format', given(this.format) && (STAT_FORMATS as readonly string[]).includes(this.format.trim()) ? (this.format.trim() as Figure['format']) : undefined);
    set('currency', given(this.currency) && isCurrency(this.currency) ? this.currency.trim().toUpperCase() : undefined);
    set('maximumFractionDigits', usable(this.maximumFractionDigits, (n) => Number.isInteger(n) && n >= 0 && n <= 20));
    set('previous', usable(this.previous, () => true));
    set('previousLabel', this.previousLabel);
    set('source', this.source?.trim() || undefined);
    return figure;
  }

  /** What to show: a figure, a problem with the attributes, or whatever the data layer is at. */
  protected resolve(): Resolution {
    const problem = this.valueProblem();
    if (problem) return { kind: 'problem', message: problem };
    const c = this.dataController;
    const status = c.status;
    let data: Partial<StatCounterData> | undefined;
    if (status === 'idle') data = this.value !== undefined && this.value !== null ? {} : undefined;
    else if (status !== 'error') data = c.value;
    if (!data) return { kind: 'base' };
    const figure = this.merge(data);
    if (figure.format === 'currency' && !figure.currency) {
      return { kind: 'problem', message: 'format "currency" needs a currency code: add currency="USD" (or "currency": "USD" in the data)' };
    }
    return { kind: 'figure', figure, busy: status === 'loading' };
  }

  protected override render(): unknown {
    const r = this.resolve();
    this.ticker = undefined;
    if (r.kind === 'problem') return this.renderFrame(this.renderError(r.message, false));
    if (r.kind === 'figure') return this.renderFrame(this.renderFigure(r.figure), r.busy);
    return super.render();
  }

  protected renderReady(data: StatCounterData): TemplateResult {
    return this.renderFigure(this.merge(data));
  }

  protected renderFigure(f: Figure): TemplateResult {
    const locale = this.activeLocale;
    const text = figureText(f.value, f, locale);
    this.ticker = text.ticker;
    const { before, after } = affixSpaces(f);
    return html`<p class="figure" part="figure"
        >${f.prefix ? html`<span class="prefix" part="prefix">${f.prefix}</span>${before}` : nothing}<span class="value" part="value"
          ><span class="final">${text.head}<span class="digits" data-n=${text.digits}>${text.digits}</span>${text.tail}</span></span
        >${f.suffix ? html`${after}<span class="suffix" part="suffix">${f.suffix}</span>` : nothing}${f.label
          ? html` <span class="label" part="label">${f.label}</span>`
          : nothing}</p
      >
      ${f.description ? html`<p class="description" part="description">${f.description}</p>` : nothing}
      ${f.previous !== undefined ? this.renderChange(f, f.previous) : nothing}
      ${f.source !== undefined ? renderSource(f.source, this.activeLocale) : nothing}`;
  }

  protected renderChange(f: Figure, previous: number): TemplateResult {
    const locale = this.activeLocale;
    const change = figureChange(f.value, previous, f, locale);
    const from = f.previousLabel || figureText(previous, f, locale).text;
    const key = change.direction === 'up' ? 'statCounterUp' : change.direction === 'down' ? 'statCounterDown' : 'statCounterSame';
    const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
    return html`<p class="change" part="change" data-direction=${change.direction}
      >${arrow ? html`<span class="arrow" aria-hidden="true">${arrow}</span>` : nothing}${this.t(key, { change: change.amount, from })}</p
    >`;
  }

  /**
   * The loading placeholder: the ready figure's own layout, with grey bars where its text will be.
   * What the attributes already say (prefix, label, description, source) is laid out as the ready
   * state lays it out, in transparent text over a bar, so the placeholder has the ready state's
   * size, line breaks included, and nothing moves when the figure arrives. The pieces carry the
   * ready state's part names, so a page's `::part()` rules (a hidden source line) apply to both.
   */
  protected override renderSkeleton(): TemplateResult {
    const f = this.merge({});
    const bone = (text: string) => html`<span class="bone">${text}</span>`;
    const line = html`<span class="bone bone-line">\u200b</span>`;
    const { before, after } = affixSpaces(f);
    const source = f.source !== undefined ? sourceText(f.source, this.activeLocale) : undefined;
    // A number of the figure's format and typical width stands in for the value ("12.3 million").
    const stand = { compact: 12_300_000, percent: 12.3, currency: 1_234_567, standard: 123_456 }[f.format ?? 'standard'];
    const placeholder = f.format && (f.format !== 'currency' || f.currency) ? figureText(stand, f, this.activeLocale).text : '00.0';
    return html`<div class="skeleton" part="skeleton" role="status" aria-label=${this.t('loading')}>
      <p class="figure" part="figure" aria-hidden="true"
        >${f.prefix ? html`<span class="prefix" part="prefix">${bone(f.prefix)}</span>${before}` : nothing}<span class="value" part="value">${bone(placeholder)}</span
        >${f.suffix ? html`${after}<span class="suffix" part="suffix">${bone(f.suffix)}</span>` : nothing} <span class="label" part="label">${f.label ? bone(f.label) : line}</span></p
      >
      ${f.description ? html`<p class="description" part="description" aria-hidden="true">${bone(f.description)}</p>` : nothing}
      ${f.previous !== undefined ? html`<p class="change" part="change" aria-hidden="true">${line}</p>` : nothing}
      ${source ? html`<p class="source" part="source" aria-hidden="true">${bone(source.lead + source.title + source.trail)}</p>` : nothing}
    </div>`;
  }

  protected override renderIdle(): TemplateResult {
    return html`<div class="error" part="error">
      <span class="error-title">${this.t('errorTitle')}</span>
      <span class="error-message">${this.t('statCounterNoValue', { tag: this.localName })}</span>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const r = this.resolve();
    // Attribute problems are announced like data errors: one console warning and one iom-error.
    const problem = r.kind === 'problem' ? r.message : undefined;
    if (problem !== this.announcedProblem) {
      this.announcedProblem = problem;
      if (problem) announceError(this, new DataError(problem, 'validation'));
    }
    this.valueEl = this.renderRoot.querySelector<HTMLElement>('.value');
    this.digitsEl = this.valueEl?.querySelector<HTMLElement>('.digits');
    this.syncCount(r.kind === 'figure' ? r.figure.value : undefined);
  }

  /** When to count: `start`, or `visible` when it is not one of the three. */
  private get startMode(): (typeof STAT_COUNTER_STARTS)[number] {
    const start = this.start?.trim() as (typeof STAT_COUNTER_STARTS)[number];
    return STAT_COUNTER_STARTS.includes(start) ? start : 'visible';
  }

  /** Starts, retargets or ends the count-up after each render. */
  private syncCount(value: number | undefined): void {
    const start = this.startMode;
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
    if (before === undefined && this.prerendered && !this.tookOver) {
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
      this.stopWaiting = whenVisible(this, () => {
        this.stopWaiting = undefined;
        if (this.target !== undefined && this.startMode !== 'none' && motionAllowed()) this.countFrom(0);
      });
    }
  }

  private countFrom(from: number): void {
    const to = this.target!;
    cancel(this.tween);
    this.tween = undefined;
    const duration = typeof this.duration === 'number' && this.duration >= 0 ? this.duration : 1500;
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
      this.dispatchEvent(new CustomEvent<StatCounterCountEndDetail>('iom-count-end', { detail: { value: tween.to }, bubbles: true, composed: true }));
    }
  }
}

/** A space between words ("Over 31.6 million"), none before or after signs ("600,000+", "~5"). */
function affixSpaces(f: Pick<Figure, 'prefix' | 'suffix'>): { before: string; after: string } {
  return {
    before: f.prefix && /[\p{L}\p{N}]$/u.test(f.prefix) ? ' ' : '',
    after: f.suffix && /^[\p{L}\p{N}]/u.test(f.suffix) ? ' ' : '',
  };
}


/** A well-formed ISO 4217 code (Intl accepts any three letters; an unknown one shows as written). */
function isCurrency(code: string): boolean {
  return /^[a-z]{3}$/i.test(code.trim());
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-count-end': CustomEvent<StatCounterCountEndDetail>;
  }
}
