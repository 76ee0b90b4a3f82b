import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { cssProps } from '../base/css-props.js';
import { SOURCE_COLUMNS, sourceCells, type Table } from '../base/download.js';
import { IomElement } from '../base/iom-element.js';
import { choice, numberAttribute, option, wholeNumber, type OptionValue } from '../base/options.js';
import { ShowMore } from '../base/show-more.js';
import { renderSource } from '../base/source-line.js';
import { skeleton } from '../base/state-views.js';
import { shownData } from '../data/data-state.js';
import type { Reader } from '../data/load-reader.js';
import { isRtl } from '../i18n/locale.js';
import { ChartController } from './chart-controller.js';
import { chartInput, renderChartView } from './chart-view.js';
import type { DonorRankingData } from './donor-ranking.data.js';
import { donorRankingStyles } from './donor-ranking.styles.js';
import { findDonor, layoutFor, money, type Layout } from './layout.js';
import { renderList } from './list.js';
import { renderTable } from './table.js';

export const DONOR_VIEWS = ['list', 'chart', 'table'] as const;
export type DonorView = (typeof DONOR_VIEWS)[number];

const VIEW = choice('view', DONOR_VIEWS, 'list', 'showing the list');
/** `limit`: a whole number from 0 (all), else 10. */
export const LIMIT = wholeNumber('limit', 0, Infinity, 10, 'showing 10');

/** Detail of the `iom-view-change` event. */
export interface DonorViewChangeDetail {
  view: DonorView;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * The top donors of IOM as a ranked list with bars, a chart.js bar chart or an accessible table,
 * from one data set. Works with rank order alone (names in order, no amounts): then it is a clean
 * numbered ranking. With amounts it adds bars, compact currency values, each donor's share of
 * `total` and the change from `previousAmount`.
 *
 * @summary Top donors as a ranked list, a bar chart or a table.
 *
 * @slot - A `<script type="application/json">` with the data (the easiest way in a CMS).
 * @slot fallback - Plain content shown while the element is not defined (no script, or before it loads) and hidden once it is: the figures as text, for readers that run no script. `iom-widgets prerender` writes it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart title - The list's title (from the data's `title` and `year`).
 * @csspart views - The view switch (a fieldset of radio buttons), with `switchable`.
 * @csspart note - A short note: alphabetical list, no amounts to chart, chart not loaded.
 * @csspart list - The list (`ol` for a ranking, `ul` for an alphabetical list).
 * @csspart row - One donor in the list.
 * @csspart highlighted - The highlighted donor's row (with `row`).
 * @csspart rank - The rank number.
 * @csspart name - The donor's name.
 * @csspart amount - The amount, in compact currency.
 * @csspart share - The share of the total.
 * @csspart change - The change from the previous year.
 * @csspart bar - The bar (its track is not a part).
 * @csspart group - One donor type, with `group-by-type`.
 * @csspart subtotal - A group's count, subtotal and share.
 * @csspart total - The total line.
 * @csspart chart - The chart's box (holds the canvas).
 * @csspart tooltip - The chart's tooltip: the donor, amount, share and change of the row under the pointer or finger.
 * @csspart table-toggle - The "Show as table" button in the chart view.
 * @csspart table - The table.
 * @csspart more - The "Show all" / "Show fewer" button.
 * @csspart source - The source line.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error box.
 * @csspart retry - The Retry button in the error box.
 * @csspart empty - The message shown for an empty list.
 *
 * @cssprop --iom-donor-ranking-bar-color - Bar colour, in the list and the chart (default: `--iom-color-primary`).
 * @cssprop --iom-donor-ranking-highlight-color - The highlighted donor's bar and marker (default: `--iom-color-accent`).
 * @cssprop --iom-donor-ranking-bar-thickness - Bar thickness, in the list and the chart (default: `0.625em`).
 * @cssprop --iom-donor-ranking-track-color - The track behind the list's bars (default: `--iom-color-surface-alt`).
 *
 * @fires iom-load - The data was loaded and checked (detail: the data).
 * @fires iom-error - The data could not be loaded or is invalid (detail: `{ message, kind, cause }`).
 * @fires iom-view-change - The reader chose another view in the view switch (detail: `{ view }`).
 */
export class DonorRanking extends IomElement<DonorRankingData> {
  static override styles = [...IomElement.styles, ...donorRankingStyles];

  /** How to show the donors: `list` (bars drawn with CSS), `chart` (chart.js, loaded on first use) or `table`. */
  @property({ reflect: true })
  view: DonorView = 'list';

  /** Lets the reader switch between list, chart and table. */
  @property({ type: Boolean, reflect: true })
  switchable = false;

  /** How many donors to show before a "Show all" button; `0` shows all. */
  @property({ converter: numberAttribute })
  limit = 10;

  /** Groups the donors by `type` (government, UN and pooled funds…), with each type's count, subtotal and share. */
  @property({ type: Boolean, reflect: true, attribute: 'group-by-type' })
  groupByType = false;

  /** Name of a donor to emphasise (case-insensitive), such as a national site's own government. Always shown, even past the limit. */
  @property({ reflect: true })
  highlight?: string;

  @state()
  protected tableShown = false;

  @query('[part~="chart"]') private chartBox!: HTMLElement | null;
  @query('.probes') private probes!: HTMLElement | null;
  @query('[part~="tooltip"]') private tip!: HTMLElement | null;
  protected readonly chartController = new ChartController(this, () => ({ box: this.chartBox, probes: this.probes, tip: this.tip }));

  private rethemeFrame = 0;

  // "Show all" takes the reader to the first donor past the limit, in the list or the table on screen
  // (the chart view's table is off screen until shown).
  private readonly more = new ShowMore(this, () =>
    VIEW.value(this.view) === 'chart' && !this.tableShown && this.chartController.state !== 'error'
      ? undefined
      : this.renderRoot.querySelector<HTMLElement>(`[data-rank="${LIMIT.value(this.limit) + 1}"]`),
  );

  protected dataShape(reader: Reader) {
    return reader.shapes.donorRanking;
  }

  /** The layout of `data` for this update's options (the same object while neither changes: see `layoutFor`). */
  private layout(data: DonorRankingData): Layout {
    return layoutFor(data, {
      locale: this.i18n.locale,
      limit: LIMIT.value(this.limit),
      highlight: this.highlight,
      groupByType: this.groupByType,
      expanded: this.more.expanded,
    });
  }

  protected override renderSkeleton(): TemplateResult {
    const lines = Math.min(LIMIT.value(this.limit) || 10, 10);
    return html`<div class="skeleton-box" style=${cssProps({ '--_skeleton-height': `${lines * 1.75 + 2}em` })}>${skeleton(this.i18n.loadingLabel, lines)}</div>`;
  }

  protected renderReady(data: DonorRankingData): TemplateResult {
    const l = this.layout(data);
    const requested = VIEW.value(this.view);
    // A rank-only list has nothing to chart: the chart view falls back to the list, and says so.
    const view = requested === 'chart' && !l.hasAmounts ? 'list' : requested;
    return html`
      <div class="head">
        ${view === 'table' ? nothing : html`<p class="title" part="title" id="title"><bdi>${l.title}</bdi></p>`}
        ${this.switchable ? this.renderSwitch(l, view) : nothing}
      </div>
      ${l.ranked ? nothing : html`<p class="note" part="note">${this.i18n.t('donorRankingAlphabetical')}</p>`}
      ${requested === 'chart' && !l.hasAmounts ? html`<p class="note" part="note">${this.i18n.t('donorRankingNoAmounts')}</p>` : nothing}
      ${view === 'table' ? renderTable(l, { visible: true, asView: true }) : view === 'chart' ? this.renderChart(l) : renderList(l)}
      ${l.canLimit ? this.more.button(l.count, this.i18n.locale) : nothing}
      ${l.data.total !== undefined && view !== 'table' ? html`<p class="total" part="total">${this.i18n.t('donorRankingTotal', { value: money(l.data.total, l) })}</p>` : nothing}
      ${data.source ? renderSource(data.source, this.i18n.locale) : nothing}
    `;
  }

  protected downloadData(data: DonorRankingData): [object, () => Table] {
    const ranked = data.order !== 'alphabetical';
    const source = sourceCells(data.source);
    return [
      data,
      () => [
        ['rank', 'name', 'amount', 'currency', 'previous_amount', 'type', 'year', ...SOURCE_COLUMNS],
        ...data.donors.map((d, i) => [ranked ? i + 1 : undefined, d.name, d.amount, d.amount === undefined ? undefined : (data.currency ?? 'USD'), d.previousAmount, d.type, data.year, ...source]),
      ],
    ];
  }

  private renderSwitch(l: Layout, view: DonorView): TemplateResult {
    const label: Record<DonorView, string> = {
      list: this.i18n.t('donorRankingViewList'),
      chart: this.i18n.t('donorRankingViewChart'),
      table: this.i18n.t('donorRankingViewTable'),
    };
    // Without amounts there is no chart to offer.
    const views = DONOR_VIEWS.filter((v) => v !== 'chart' || l.hasAmounts);
    return html`<fieldset class="views" part="views">
      <legend class="visually-hidden">${this.i18n.t('donorRankingViews')}</legend>
      ${views.map(
        (v) => html`<label class="view-option">
          <input type="radio" name="view" value=${v} .checked=${v === view} @change=${() => this.choose(v)} />
          <span>${label[v]}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  private choose(view: DonorView): void {
    if (view === this.view) return;
    this.view = view;
    this.emit<DonorViewChangeDetail>('iom-view-change', { view });
  }

  private renderChart(l: Layout): TemplateResult {
    return renderChartView(l, {
      chart: this.chartController,
      tableShown: this.tableShown,
      onThemeProbe: this.onThemeProbe,
      onToggleTable: () => (this.tableShown = !this.tableShown),
    });
  }

  /** A token probe finished a transition: a colour, font or size token changed (theme switch, colour scheme, class on an ancestor). */
  private onThemeProbe = (): void => {
    // Several probes report the same change: redraw once, on the next frame.
    if (this.rethemeFrame) return;
    this.rethemeFrame = requestAnimationFrame(() => {
      this.rethemeFrame = 0;
      this.chartController.retheme();
    });
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The layout just rendered (layoutFor gives the same object back), when the chart view shows it.
    const data = shownData(this.state);
    const l = data && VIEW.value(this.view) === 'chart' ? this.layout(data) : undefined;
    this.chartController.sync(l?.hasAmounts ? chartInput(l, isRtl(this), matchMedia(REDUCED_MOTION).matches) : undefined);
  }

  protected override options(): OptionValue[] {
    const data = this.status === 'ready' ? shownData(this.state) : undefined;
    const locale = this.i18n.locale;
    // A name the data does not have is a problem only once the data is in.
    const named = (raw: unknown) => (!data || findDonor(data.donors, String(raw), locale) ? String(raw) : undefined);
    const highlight = option('highlight', named, undefined, 'the name of a donor in the data', 'highlighting none');
    return [
      [VIEW, this.view],
      [LIMIT, this.limit],
      [highlight, this.highlight],
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.rethemeFrame);
    this.rethemeFrame = 0;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-view-change': CustomEvent<DonorViewChangeDetail>;
  }
}
