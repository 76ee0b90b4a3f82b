import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { oneOf, wholeNumber, type AttributeRule } from '../base/attributes.js';
import { renderSource } from '../base/source-line.js';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { cssProps } from '../base/css-props.js';
import { IomElement } from '../base/iom-element.js';
import type { DataSpec } from '../data/data-controller.js';
import { safeUrl } from '../data/safe-url.js';
import { formatCurrency, formatNumber, formatPercent } from '../i18n/format.js';
import { isRtl } from '../i18n/locale.js';
import { ChartController, readTheme } from './chart-controller.js';
import type { ChartInput } from './chart.js';
import { DONOR_HXL, DonorRankingSchema, donorsFromHxl, type Donor, type DonorRankingData } from './donor-ranking.data.js';
import { donorRankingStyles } from './donor-ranking.styles.js';

export const DONOR_VIEWS = ['list', 'chart', 'table'] as const;
export type DonorView = (typeof DONOR_VIEWS)[number];

/** Detail of the `iom-view-change` event. */
export interface DonorViewChangeDetail {
  view: DonorView;
}

interface Row {
  donor: Donor;
  /** 1-based position in the data (the rank, when the list is a ranking). */
  rank: number;
  highlighted: boolean;
  /** Shown although past the limit, because it is the highlighted donor. */
  beyond: boolean;
  /** Past the limit: hidden on screen until "Show all", printed all the same. */
  pastLimit: boolean;
}

interface Group {
  name: string;
  /** All donors of this type in the data (the subtotal is over them all). */
  count: number;
  subtotal?: number;
  /** The rows of this type, in order (those past the limit are printed but not shown on screen). */
  rows: Row[];
}

type Change = { kind: 'up' | 'down'; points: number } | { kind: 'same' } | { kind: 'new' };

interface Layout {
  data: DonorRankingData;
  title: string;
  ranked: boolean;
  currency: string;
  hasAmounts: boolean;
  hasShare: boolean;
  hasChange: boolean;
  hasTypes: boolean;
  /** The largest amount: a full-length bar. */
  max: number;
  /** Every row, in order; those past the limit (`pastLimit`) are printed but not shown on screen. */
  rows: Row[];
  /** The rows shown on screen, in order (what the chart draws). */
  shown: Row[];
  /** Donors in the data. */
  count: number;
  /** Whether the limit hides some donors right now. */
  limited: boolean;
  groups?: Group[];
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
  static override styles = [...IomElement.styles, donorRankingStyles];

  /** How to show the donors: `list` (bars drawn with CSS), `chart` (chart.js, loaded on first use) or `table`. */
  @property({ reflect: true })
  view: DonorView = 'list';

  /** Lets the reader switch between list, chart and table. */
  @property({ type: Boolean, reflect: true })
  switchable = false;

  /** How many donors to show before a "Show all" button; `0` shows all. */
  @property({ type: Number })
  limit = 10;

  /** Groups the donors by `type` (government, UN and pooled funds…), with each type's count, subtotal and share. */
  @property({ type: Boolean, reflect: true, attribute: 'group-by-type' })
  groupByType = false;

  /** Name of a donor to emphasise (case-insensitive), such as a national site's own government. Always shown, even past the limit. */
  @property({ reflect: true })
  highlight?: string;

  @state()
  protected expanded = false;

  @state()
  protected tableShown = false;

  protected readonly chartController = new ChartController(this, () => readTheme(this.renderRoot));

  private layout?: Layout;
  private rethemeFrame = 0;

  protected dataSpec(): DataSpec<DonorRankingData> {
    return {
      schema: DonorRankingSchema,
      normalize: (raw) => (Array.isArray(raw) ? { donors: raw } : raw),
      hxl: {
        mapping: DONOR_HXL,
        toData: donorsFromHxl,
      },
      isEmpty: (data) => data.donors.length === 0,
    };
  }

  /** The view in force: `view` when valid, else `list`. */
  /** How many donors to show before "Show all": `limit`, 10 when it is not a whole number, 0 for all. */
  private get limitCount(): number {
    const n = Number(this.limit);
    return Number.isInteger(n) && n >= 0 ? n : 10;
  }

  protected get currentView(): DonorView {
    return (DONOR_VIEWS as readonly string[]).includes(this.view) ? this.view : 'list';
  }

  protected override renderSkeleton(): TemplateResult {
    const lines = Math.min(this.limitCount || 10, 10);
    return html`<div class="skeleton-box" style=${cssProps({ '--_skeleton-height': `${lines * 1.75 + 2}em` })}>${super.renderSkeleton(lines)}</div>`;
  }

  protected renderReady(data: DonorRankingData): TemplateResult {
    const l = (this.layout = this.computeLayout(data));
    const requested = this.currentView;
    // A rank-only list has nothing to chart: the chart view falls back to the list, and says so.
    const view = requested === 'chart' && !l.hasAmounts ? 'list' : requested;
    return html`
      <div class="head">
        ${view === 'table' ? nothing : html`<p class="title" part="title" id="title"><bdi>${l.title}</bdi></p>`}
        ${this.switchable ? this.renderSwitch(l, view) : nothing}
      </div>
      ${l.ranked ? nothing : html`<p class="note" part="note">${this.t('donorRankingAlphabetical')}</p>`}
      ${requested === 'chart' && !l.hasAmounts ? html`<p class="note" part="note">${this.t('donorRankingNoAmounts')}</p>` : nothing}
      ${view === 'table' ? this.renderTable(l, true) : view === 'chart' ? this.renderChart(l) : this.renderList(l)}
      ${this.renderMore(l)}
      ${l.data.total !== undefined && view !== 'table' ? html`<p class="total" part="total">${this.t('donorRankingTotal', { value: this.money(l.data.total, l) })}</p>` : nothing}
      ${this.renderSource(l.data)}
    `;
  }

  // ---- Layout: what to show, computed once per render -----------------------------------------

  private computeLayout(data: DonorRankingData): Layout {
    const locale = this.activeLocale;
    const wanted = this.highlight?.trim().toLocaleLowerCase(locale);
    const limit = this.limitCount;
    const limited = !this.expanded && limit > 0 && data.donors.length > limit;
    // Every donor is rendered: the limit hides the rest on screen only, so a printout has them all
    // (a print stylesheet cannot run "Show all"). The highlighted donor is shown past the limit.
    const rows: Row[] = data.donors.map((donor, i) => {
      const highlighted = !!wanted && donor.name.toLocaleLowerCase(locale) === wanted;
      const past = limited && i >= limit;
      return { donor, rank: i + 1, highlighted, beyond: past && highlighted, pastLimit: past && !highlighted };
    });
    const all = rows;
    const amounts = data.donors.map((d) => d.amount).filter((a): a is number => a !== undefined);
    const hasAmounts = amounts.length > 0;
    const year = data.year;
    const baseTitle = data.title ?? this.t('donorRankingTitle');
    const layout: Layout = {
      data,
      title: year !== undefined && !baseTitle.includes(String(year)) ? `${baseTitle}, ${this.year(year)}` : baseTitle,
      ranked: data.order !== 'alphabetical',
      currency: data.currency ?? 'USD',
      hasAmounts,
      hasShare: hasAmounts && data.total !== undefined && data.total > 0,
      hasChange: data.donors.some((d) => d.amount !== undefined && d.previousAmount !== undefined),
      hasTypes: data.donors.some((d) => !!d.type),
      max: Math.max(0, ...amounts),
      rows,
      shown: rows.filter((r) => !r.pastLimit),
      count: all.length,
      limited,
    };
    if (this.groupByType) layout.groups = this.group(all, hasAmounts);
    return layout;
  }

  private group(all: Row[], hasAmounts: boolean): Group[] {
    const groups = new Map<string, Group & { first: number }>();
    const other = this.t('donorRankingOtherType');
    for (const row of all) {
      const key = row.donor.type?.trim() || '';
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { name: key || other, count: 0, rows: [], first: row.rank }));
      g.count++;
      if (row.donor.amount !== undefined) g.subtotal = (g.subtotal ?? 0) + row.donor.amount;
      g.rows.push({ ...row, beyond: false });
    }
    // Largest subtotal first when there are amounts, else in order of each type's best rank; untyped last.
    return [...groups.entries()]
      .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0) || (hasAmounts ? (b.subtotal ?? 0) - (a.subtotal ?? 0) : 0) || a.first - b.first)
      .map(([, g]) => g);
  }

  // ---- Formatting ------------------------------------------------------------------------------

  private money(value: number, l: Layout, compact = true): string {
    return formatCurrency(value, this.activeLocale, l.currency, compact);
  }

  private year(year: number): string {
    return formatNumber(year, this.activeLocale, { useGrouping: false });
  }

  private share(amount: number | undefined, l: Layout): string | undefined {
    if (!l.hasShare || amount === undefined) return undefined;
    const points = (amount / l.data.total!) * 100;
    return formatPercent(points, this.activeLocale, points > 0 && points < 1 ? 1 : 0);
  }

  private change(d: Donor): Change | undefined {
    if (d.amount === undefined || d.previousAmount === undefined) return undefined;
    if (d.previousAmount === 0) return { kind: d.amount === 0 ? 'same' : 'new' };
    const points = ((d.amount - d.previousAmount) / d.previousAmount) * 100;
    if (Math.abs(points) < 0.05) return { kind: 'same' };
    return { kind: points > 0 ? 'up' : 'down', points: Math.abs(points) };
  }

  private changePoints(points: number): string {
    return formatPercent(points, this.activeLocale, points < 10 ? 1 : 0);
  }

  /** "up 12% from 2022", for screen readers and the tooltip. */
  private changeText(c: Change, l: Layout): string {
    const year = l.data.year !== undefined ? this.year(l.data.year - 1) : this.t('donorRankingPreviousYear');
    switch (c.kind) {
      case 'up':
        return this.t('donorRankingUp', { value: this.changePoints(c.points), year });
      case 'down':
        return this.t('donorRankingDown', { value: this.changePoints(c.points), year });
      case 'same':
        return this.t('donorRankingSame', { year });
      default:
        return this.t('donorRankingNew', { year });
    }
  }

  /** "+12%", "−5%", "0%", "new": the short visible form. */
  private changeShort(c: Change): string {
    if (c.kind === 'new') return this.t('donorRankingNewShort');
    if (c.kind === 'same') return formatPercent(0, this.activeLocale);
    const points = c.kind === 'up' ? c.points : -c.points;
    return formatNumber(points / 100, this.activeLocale, { style: 'percent', maximumFractionDigits: c.points < 10 ? 1 : 0, signDisplay: 'exceptZero' });
  }

  // ---- View switch -----------------------------------------------------------------------------

  private renderSwitch(l: Layout, view: DonorView): TemplateResult {
    const label: Record<DonorView, string> = {
      list: this.t('donorRankingViewList'),
      chart: this.t('donorRankingViewChart'),
      table: this.t('donorRankingViewTable'),
    };
    // Without amounts there is no chart to offer.
    const views = DONOR_VIEWS.filter((v) => v !== 'chart' || l.hasAmounts);
    return html`<fieldset class="views" part="views">
      <legend class="visually-hidden">${this.t('donorRankingViews')}</legend>
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
    this.dispatchEvent(new CustomEvent<DonorViewChangeDetail>('iom-view-change', { detail: { view }, bubbles: true, composed: true }));
  }

  // ---- List ------------------------------------------------------------------------------------

  private renderList(l: Layout): TemplateResult {
    if (l.groups) {
      return html`<div class="groups">
        ${l.groups.map(
          (g, i) => html`<div class=${classMap({ group: true, 'past-limit': g.rows.every((r) => r.pastLimit) })} part="group" role="group" aria-labelledby=${`group-${i}`}>
            <p class="group-head" id=${`group-${i}`}>
              <span class="group-name"><bdi>${g.name}</bdi></span>
              <span class="subtotal" part="subtotal">${this.groupSummary(g, l)}</span>
            </p>
            ${g.rows.length ? this.renderItems(g.rows, l) : nothing}
          </div>`,
        )}
      </div>`;
    }
    return this.renderItems(l.rows, l, 'title');
  }

  private groupSummary(g: Group, l: Layout): string {
    const parts = [this.t('donorRankingCount', { count: formatNumber(g.count, this.activeLocale) })];
    if (g.subtotal !== undefined) {
      parts.push(this.money(g.subtotal, l));
      const share = this.share(g.subtotal, l);
      if (share) parts.push(this.t('donorRankingShareOf', { value: share }));
    }
    return parts.join(' · ');
  }

  private renderItems(rows: Row[], l: Layout, labelledBy?: string): TemplateResult {
    const classes = classMap({ list: true, 'rank-only': !l.hasAmounts, unranked: !l.ranked });
    const items = rows.map((row) => this.renderRow(row, l));
    // Explicit role="list": list-style: none makes some screen readers drop the list semantics.
    return l.ranked
      ? // eslint-disable-next-line lit-a11y/no-redundant-role -- see above
        html`<ol class=${classes} part="list" role="list" aria-labelledby=${labelledBy ?? nothing}>${items}</ol>`
      : // eslint-disable-next-line lit-a11y/no-redundant-role -- see above
        html`<ul class=${classes} part="list" role="list" aria-labelledby=${labelledBy ?? nothing}>${items}</ul>`;
  }

  private renderRow(row: Row, l: Layout): TemplateResult {
    const d = row.donor;
    const href = safeUrl(d.url);
    const pct = d.amount !== undefined && l.max > 0 ? (d.amount / l.max) * 100 : 0;
    return html`<li part=${row.highlighted ? 'row highlighted' : 'row'} class=${classMap({ row: true, highlighted: row.highlighted, beyond: row.beyond, 'past-limit': row.pastLimit })}>
      ${l.ranked ? html`<span class="rank" part="rank">${formatNumber(row.rank, this.activeLocale)}</span>` : nothing}
      <span class="main">
        <span class="name" part="name"
          ><bdi>${href ? html`<a href=${href}>${d.name}</a>` : d.name}</bdi>${row.highlighted ? html`<span class="visually-hidden"> ${this.t('donorRankingHighlighted')}</span>` : nothing}</span
        >
        ${l.hasAmounts ? this.renderFigures(d, l) : nothing}
      </span>
      ${l.hasAmounts && d.amount !== undefined
        ? html`<span class="track" aria-hidden="true"><span class="bar" part="bar" style=${cssProps({ '--_pct': `${pct}%` })}></span></span>`
        : nothing}
    </li>`;
  }

  private renderFigures(d: Donor, l: Layout): TemplateResult {
    const share = this.share(d.amount, l);
    const change = this.change(d);
    return html`<span class="figures">
      <span class=${d.amount === undefined ? 'amount na' : 'amount'} part="amount">${d.amount === undefined ? this.t('notAvailable') : this.money(d.amount, l)}</span>
      ${share ? html`<span class="share" part="share">${this.t('donorRankingShareOf', { value: share })}</span>` : nothing}
      ${change
        ? html`<span class=${`change ${change.kind}`} part="change"
            ><span aria-hidden="true">${change.kind === 'up' ? '▲ ' : change.kind === 'down' ? '▼ ' : ''}${this.changeShort(change)}</span
            ><span class="visually-hidden">${this.changeText(change, l)}</span></span
          >`
        : l.hasChange
          ? html`<span class="change"></span>`
          : nothing}
    </span>`;
  }

  private renderMore(l: Layout): TemplateResult | typeof nothing {
    if (!l.limited && !this.expanded) return nothing;
    if (this.expanded && !(this.limitCount > 0 && l.count > this.limitCount)) return nothing;
    return html`<button type="button" class="more" part="more" @click=${() => (this.expanded = !this.expanded)}>
      ${this.expanded ? this.t('showFewer') : this.t('showAll', { count: formatNumber(l.count, this.activeLocale) })}
    </button>`;
  }

  private renderSource(data: DonorRankingData): TemplateResult | typeof nothing {
    return data.source ? renderSource(data.source, this.activeLocale) : nothing;
  }

  // ---- Table -----------------------------------------------------------------------------------

  private renderTable(l: Layout, visible: boolean): TemplateResult {
    const showType = l.hasTypes && !l.groups;
    const lead = (l.ranked ? 1 : 0) + 1 + (showType ? 1 : 0);
    const locale = this.activeLocale;
    const exact = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 0 });
    const previousYear = l.data.year !== undefined ? this.year(l.data.year - 1) : this.t('donorRankingPreviousYear');
    const row = (r: Row) => {
      const d = r.donor;
      const change = this.change(d);
      return html`<tr class=${classMap({ highlighted: r.highlighted, beyond: r.beyond, 'past-limit': r.pastLimit })}>
        ${l.ranked ? html`<td class="num">${formatNumber(r.rank, locale)}</td>` : nothing}
        <th scope="row"><bdi>${d.name}</bdi>${r.highlighted ? html`<span class="visually-hidden"> ${this.t('donorRankingHighlighted')}</span>` : nothing}</th>
        ${showType ? html`<td>${d.type ?? ''}</td>` : nothing}
        ${l.hasAmounts ? html`<td class=${d.amount === undefined ? 'num na' : 'num'}>${d.amount === undefined ? this.t('notAvailable') : exact(d.amount)}</td>` : nothing}
        ${l.hasShare ? html`<td class="num">${this.share(d.amount, l) ?? ''}</td>` : nothing}
        ${l.hasChange ? html`<td class="num">${change ? this.changeShort(change) : ''}</td>` : nothing}
      </tr>`;
    };
    const body = l.groups
      ? l.groups.map(
          (g) => html`<tbody class=${classMap({ 'past-limit': g.rows.every((r) => r.pastLimit) })}>
            <tr class="group-row">
              <th scope="rowgroup" colspan=${lead}><bdi>${g.name}</bdi> <span class="group-count">(${this.t('donorRankingCount', { count: formatNumber(g.count, locale) })})</span></th>
              ${l.hasAmounts ? html`<td class="num">${g.subtotal !== undefined ? exact(g.subtotal) : ''}</td>` : nothing}
              ${l.hasShare ? html`<td class="num">${this.share(g.subtotal, l) ?? ''}</td>` : nothing}
              ${l.hasChange ? html`<td></td>` : nothing}
            </tr>
            ${g.rows.map(row)}
          </tbody>`,
        )
      : html`<tbody>${l.rows.map(row)}</tbody>`;
    const total = l.data.total;
    // A table wider than a phone scrolls sideways; it is then a focusable, named region (keyboard scroll).
    return html`<div class="table-scroll" role=${visible ? 'region' : nothing} aria-labelledby=${visible ? 'caption' : nothing} tabindex=${visible ? '0' : nothing}>
      <table part="table">
        <caption id="caption" class=${this.currentView === 'table' ? 'caption' : 'visually-hidden'}><bdi>${l.title}</bdi></caption>
        <thead>
          <tr>
            ${l.ranked ? html`<th scope="col" class="num">${this.t('donorRankingRank')}</th>` : nothing}
            <th scope="col" class="donor">${this.t('donorRankingDonor')}</th>
            ${showType ? html`<th scope="col">${this.t('donorRankingType')}</th>` : nothing}
            ${l.hasAmounts ? html`<th scope="col" class="num">${this.t('donorRankingAmount', { currency: l.currency })}</th>` : nothing}
            ${l.hasShare ? html`<th scope="col" class="num">${this.t('donorRankingShare')}</th>` : nothing}
            ${l.hasChange ? html`<th scope="col" class="num">${this.t('donorRankingChangeFrom', { year: previousYear })}</th>` : nothing}
          </tr>
        </thead>
        ${body}
        ${total !== undefined
          ? html`<tfoot>
              <tr>
                <th scope="row" colspan=${lead}>${this.t('donorRankingTotalRow')}</th>
                ${l.hasAmounts ? html`<td class="num">${exact(total)}</td>` : nothing}
                ${l.hasShare ? html`<td class="num">${formatPercent(100, locale)}</td>` : nothing}
                ${l.hasChange ? html`<td></td>` : nothing}
              </tr>
            </tfoot>`
          : nothing}
      </table>
    </div>`;
  }

  // ---- Chart -----------------------------------------------------------------------------------

  private renderChart(l: Layout): TemplateResult {
    const state = this.chartController.state;
    const showTable = this.tableShown || state === 'error';
    return html`
      <div class="chart" part="chart" data-state=${state} style=${cssProps({ '--_rows': String(l.shown.length) })}>
        <canvas aria-hidden="true"></canvas>
      </div>
      <div class="probes" aria-hidden="true" @transitionend=${this.onThemeProbe}>
        <span class="probe" data-token="bar"></span><span class="probe" data-token="highlight"></span><span class="probe" data-token="text"></span
        ><span class="probe" data-token="muted"></span><span class="probe" data-token="grid"></span><span class="probe" data-token="surface"></span
        ><span class="probe" data-token="font"></span><span class="probe" data-token="thickness"></span>
      </div>
      ${state === 'error'
        ? html`<p class="note" part="note">
            ${this.chartController.missingUrl
              ? // The URL keeps its own direction inside Arabic text.
                this.t('donorRankingChartMissing', { url: `\u2068${this.chartController.missingUrl}\u2069` })
              : this.t('donorRankingChartFailed')}
          </p>`
        : html`<button type="button" class="table-toggle" part="table-toggle" aria-pressed=${this.tableShown ? 'true' : 'false'} @click=${() => (this.tableShown = !this.tableShown)}>
            ${this.t('donorRankingShowTable')}
          </button>`}
      <div class=${showTable ? 'table-wrap' : 'table-wrap offscreen'}>${this.renderTable(l, showTable)}</div>
    `;
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

  private chartInput(l: Layout): ChartInput {
    const locale = this.activeLocale;
    const rows = l.shown;
    const labels = rows.map((r) => r.donor.name);
    const values = rows.map((r) => r.donor.amount ?? null);
    const highlighted = rows.findIndex((r) => r.highlighted);
    const rtl = isRtl(this);
    const reducedMotion = matchMedia(REDUCED_MOTION).matches;
    return {
      key: JSON.stringify([labels, values, highlighted, rtl, locale, l.currency, l.data.total, l.data.year, rows.map((r) => r.donor.previousAmount)]),
      labels,
      values,
      highlighted,
      rtl,
      reducedMotion,
      tick: (value) => this.money(value, l),
      tooltip: (index) => {
        const d = rows[index]?.donor;
        if (!d) return [];
        if (d.amount === undefined) return [this.t('notAvailable')];
        const lines = [this.money(d.amount, l)];
        const share = this.share(d.amount, l);
        if (share) lines.push(this.t('donorRankingShareOf', { value: share }));
        const change = this.change(d);
        if (change) lines.push(this.changeText(change, l));
        return lines;
      },
    };
  }

  // ---- Lifecycle -------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const status = this.dataController.status;
    const l = this.layout;
    const shown = (status === 'ready' || (status === 'loading' && this.dataController.value !== undefined)) && l;
    const container = shown && this.currentView === 'chart' && l.hasAmounts ? this.renderRoot.querySelector<HTMLElement>('.chart') : null;
    this.chartController.sync(container, container && l ? this.chartInput(l) : undefined);
  }

  protected override attributeRules(): AttributeRule[] {
    const wanted = this.highlight?.trim();
    const data = this.dataController.status === 'ready' ? this.dataController.value : undefined;
    const locale = this.activeLocale;
    return [
      oneOf('view', this.view, DONOR_VIEWS, 'showing the list'),
      wholeNumber('limit', this.limit, 0, Infinity, 'showing 10'),
      {
        attribute: 'highlight',
        value: this.highlight,
        valid: !wanted || !data || data.donors.some((d) => d.name.toLocaleLowerCase(locale) === wanted.toLocaleLowerCase(locale)),
        expected: 'the name of a donor in the data',
        fallback: 'highlighting none',
      },
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
