import type { PropertyValues, TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { IomElement } from '../base/iom-element.js';
import { choice, numberAttribute, option, wholeNumber, type OptionValue } from '../base/options.js';
import { HXL_AGGREGATES, shownData, type DataState, type SourceRequest } from '../data/data-state.js';
import { DataError, describeValue } from '../data/errors.js';
import type { Reader } from '../data/load-reader.js';
import { plainNumber } from '../data/parse.js';
import { COUNT_DURATION, CountUpController, type CountEndDetail } from './count-up.js';
import { STAT_FORMATS, figureTicker, type StatFormat } from './figure-format.js';
import type { StatCounterData } from './stat-counter.data.js';
import { statCounterStyles } from './stat-counter.styles.js';
import { figureSkeleton, figureTemplate } from './templates.js';

/** When to count up: once first seen, as soon as the figure is in, or never. */
export const STAT_COUNTER_STARTS = ['visible', 'load', 'none'] as const;
export type StatCounterStart = (typeof STAT_COUNTER_STARTS)[number];

/** Detail of the `iom-count-end` event. */
export type StatCounterCountEndDetail = CountEndDetail;

// The figure itself: an empty `value` is not "no value" but a figure left out, said as such (NaN).
const valueAttribute = { ...numberAttribute, fromAttribute: (raw: string | null) => (raw === null ? undefined : plainNumber(raw)) };
const finite = (raw: unknown) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined);
const FORMAT = choice('format', STAT_FORMATS, undefined, "using the data's format, else standard");
const START = choice('start', STAT_COUNTER_STARTS, 'visible', 'counting when visible');
const CURRENCY = option('currency', (raw) => (typeof raw === 'string' && /^[a-z]{3}$/i.test(raw.trim()) ? raw.trim().toUpperCase() : undefined), undefined, 'a three-letter currency code such as USD', "using the data's currency");
const FRACTION_DIGITS = wholeNumber('maximum-fraction-digits', 0, 20, undefined, "using the format's precision");
const DURATION = option('duration', (raw) => ((finite(raw) ?? -1) >= 0 ? (raw as number) : undefined), COUNT_DURATION, 'a number of milliseconds, 0 or more', `counting for ${COUNT_DURATION} ms`);
const PREVIOUS = option('previous', finite, undefined, 'a number written with digits only, such as 26400000', 'showing no change');
const AGGREGATE = choice('hxl-aggregate', HXL_AGGREGATES, undefined, "adding up the rows (or the source's own way)");

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
  @property({ converter: valueAttribute })
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
  format?: StatFormat;

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
  duration = COUNT_DURATION;

  /** When to count up: `visible` (when it first scrolls into view), `load` (as soon as it has its figure) or `none` (never; the value shows at once). */
  @property()
  start: StatCounterStart = 'visible';

  /** With `src` an HXL table (CSV, the HXL Proxy's JSON, a CKAN dataset's file): the hashtag of the column that holds the figure, `#affected+idps`. */
  @property({ attribute: 'hxl-value' })
  hxlValue?: string;

  /** With `src` an HXL table: the rows to use, `#country+code=HTI` (several conditions separated by `;`, `!=` for "not"). */
  @property({ attribute: 'hxl-filter' })
  hxlFilter?: string;

  /** With `src` an HXL table: `sum` adds up the rows' values (default), `count` counts the rows, `latest` adds up the rows of the latest `#date` only (a figure reported again each round, such as IDPs). */
  @property({ attribute: 'hxl-aggregate' })
  hxlAggregate?: string;

  /** Its figure was on screen before its script ran: it took over a prerendered shadow root, or is a figure of a prerendered card (which sets it). That figure does not count up. @internal */
  get prerendered(): boolean {
    return this.figureShown || this.takeover.prerendered;
  }
  set prerendered(value: boolean) {
    this.figureShown = value;
  }

  private figureShown = false;

  @query('.value') private valueBox!: HTMLElement | null;
  @query('.digits') private digits!: HTMLElement | null;
  private readonly countUp = new CountUpController(this, () => ({ box: this.valueBox, digits: this.digits }));
  /** The error for an unusable `value`, kept while the value is the same, so that it is announced once. */
  private valueError?: DataError;

  protected dataShape(reader: Reader) {
    return reader.shapes.statCounter;
  }

  protected override options(): OptionValue[] {
    return [
      [FORMAT, this.format],
      [START, this.start],
      [CURRENCY, this.currency],
      [FRACTION_DIGITS, this.maximumFractionDigits],
      [DURATION, this.duration],
      [PREVIOUS, this.previous],
      [AGGREGATE, this.hxlAggregate],
    ];
  }

  /** @internal */
  override sourceRequest(): SourceRequest {
    const request: SourceRequest = { ...super.sourceRequest() };
    const value = this.hxlValue?.trim();
    const filter = this.hxlFilter?.trim();
    const aggregate = AGGREGATE.value(this.hxlAggregate);
    if (value) request.value = value;
    if (filter) request.filter = filter;
    if (aggregate) request.aggregate = aggregate;
    return request;
  }

  /** A `value` alone is the figure; a `value` that is not a number, or a currency format without a currency, leaves nothing true to show. */
  protected override withAttributes(state: DataState<StatCounterData>): DataState<StatCounterData> {
    const own = this.value !== undefined && this.value !== null ? { value: this.value } : undefined;
    const withValue: DataState<StatCounterData> = state.kind === 'idle' && own ? { kind: 'ready', data: own } : state;
    const figure = withValue.kind === 'ready' || withValue.kind === 'empty' ? this.merge(withValue.data) : undefined;
    const message = this.valueProblem() ?? (figure?.format === 'currency' && !figure.currency ? CURRENCY_NEEDED : undefined);
    if (!message) return withValue;
    if (this.valueError?.message !== message) this.valueError = new DataError(message, 'validation');
    return { kind: 'error', error: this.valueError, retry: false };
  }

  /** The value attribute, when it is given but not a number: the one attribute without which there is no figure. */
  private valueProblem(): string | undefined {
    const value = this.value;
    if (value === undefined || value === null || Number.isFinite(value)) return undefined;
    const raw = this.getAttribute('value');
    const where = raw !== null ? 'value attribute' : 'value property';
    return `${where} must be a number written with digits only, such as 31600000 or 2.5, got ${raw !== null ? JSON.stringify(raw) : describeValue(value)}`;
  }

  /** The figure: the data with the attributes laid over it (those that cannot be used left out). */
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
    set('format', FORMAT.value(this.format));
    set('currency', CURRENCY.value(this.currency));
    set('maximumFractionDigits', FRACTION_DIGITS.value(this.maximumFractionDigits));
    set('previous', PREVIOUS.value(this.previous));
    set('previousLabel', this.previousLabel);
    set('source', this.source?.trim() || undefined);
    return figure;
  }

  protected renderReady(data: StatCounterData): TemplateResult {
    return figureTemplate(this.merge(data), this.i18n.locale);
  }

  /** The loading placeholder: the figure's own layout with grey bars for its text (see `figureSkeleton`). */
  protected override renderSkeleton(): TemplateResult {
    return figureSkeleton(this.merge({}), this.i18n.locale, this.i18n.loadingLabel);
  }

  protected override renderIdle(): TemplateResult {
    return this.renderError(this.i18n.t('statCounterNoValue', { tag: this.localName }), false);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const data = this.status === 'error' ? undefined : shownData(this.state);
    const figure = data ? this.merge(data) : undefined;
    const ticker = figure && { value: figure.value, ticker: figureTicker(figure.value, figure, this.i18n.locale) };
    this.countUp.sync(ticker, START.value(this.start), DURATION.value(this.duration), this.prerendered);
  }
}

const CURRENCY_NEEDED = 'format "currency" needs a currency code: add currency="USD" (or "currency": "USD" in the data)';

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-count-end': CustomEvent<StatCounterCountEndDetail>;
  }
}
