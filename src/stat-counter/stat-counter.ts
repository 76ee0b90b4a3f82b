import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { IomElement } from '../base/iom-element.js';
import { oneOf, given, type AttributeRule } from '../base/attributes.js';
import type { SpecLoader } from '../data/data-spec.js';
import { plainNumber } from '../data/parse.js';
import { describeValue } from '../data/errors.js';
import { renderSource, sourceText } from '../base/source-line.js';
import { CountUpController, type CountEndDetail } from './count-up.js';
import { STAT_FORMATS, figureChange, figureText, figureTicker } from './figure-format.js';
import type { StatCounterData } from './stat-counter.data.js';
import { loadStatCounterSpec } from './spec-loader.js';
import { statCounterStyles } from './stat-counter.styles.js';

export const STAT_COUNTER_STARTS = ['visible', 'load', 'none'] as const;
export type StatCounterStart = (typeof STAT_COUNTER_STARTS)[number];

/** Detail of the `iom-count-end` event. */
export type StatCounterCountEndDetail = CountEndDetail;

// A number attribute written other than with digits ("31.6 million", "1,200") becomes NaN, which
// the element reports naming the attribute.
const numberAttribute = {
  fromAttribute: (raw: string | null): number | undefined => (raw === null ? undefined : plainNumber(raw)),
  toAttribute: (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value)),
};

type Figure = StatCounterData;

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

  private readonly countUp = new CountUpController(this);

  protected dataSpec(): SpecLoader<StatCounterData> {
    return loadStatCounterSpec;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: pick up the count where disconnecting left it (waiting to be seen, or done).
    if (this.hasUpdated) this.requestUpdate();
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
    // An attribute its rule (attributeRules) rejects is left out: the data's value or the default applies.
    const use = <V>(attribute: string, value: V | null | undefined) => (given(value) && this.usable(attribute) ? value : undefined);
    set('format', use('format', this.format)?.trim() as Figure['format']);
    set('currency', use('currency', this.currency)?.trim().toUpperCase());
    set('maximumFractionDigits', use('maximum-fraction-digits', this.maximumFractionDigits));
    set('previous', use('previous', this.previous));
    set('previousLabel', this.previousLabel);
    set('source', this.source?.trim() || undefined);
    return figure;
  }

  /** With no data source, a `value` attribute alone is the figure. */
  protected override ownData(): StatCounterData | undefined {
    return this.value !== undefined && this.value !== null ? { value: this.value } : undefined;
  }

  protected override inputProblem(data: StatCounterData | undefined): string | undefined {
    const problem = this.valueProblem();
    if (problem || !data) return problem;
    const figure = this.merge(data);
    if (figure.format === 'currency' && !figure.currency) {
      return 'format "currency" needs a currency code: add currency="USD" (or "currency": "USD" in the data)';
    }
    return undefined;
  }

  protected renderReady(data: StatCounterData): TemplateResult {
    return this.renderFigure(this.merge(data));
  }

  protected renderFigure(f: Figure): TemplateResult {
    const locale = this.activeLocale;
    const text = figureText(f.value, f, locale);
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
    // Held off screen with its batch of first renders, it waits to be shown to start its count.
    if (!this.held) this.syncCount();
  }

  protected override shown(): void {
    super.shown();
    this.syncCount();
  }

  private syncCount(): void {
    const data = this.status === 'error' ? undefined : this.shownData;
    const figure = data ? this.merge(data) : undefined;
    const duration = given(this.duration) && this.usable('duration') ? this.duration : 1500;
    this.countUp.sync(figure && { value: figure.value, ticker: figureTicker(figure.value, figure, this.activeLocale) }, this.startMode, duration);
  }

  /** When to count: `start`, or `visible` when it is not one of the three. */
  private get startMode(): StatCounterStart {
    return given(this.start) && this.usable('start') ? (this.start.trim() as StatCounterStart) : 'visible';
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
