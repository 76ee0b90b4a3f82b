// The chart view of <donor-ranking>: the canvas box, the token probes that report a theme change,
// the "Show as table" toggle and the table behind it; and what the chart draws (ChartInput). The
// drawing itself is chart.ts, loaded on first use by chart-controller.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../base/css-props.js';
import { isolate } from '../i18n/format.js';
import { msg } from '../i18n/words.js';
import type { ChartController } from './chart-controller.js';
import type { ChartInput } from './chart.js';
import { money, tooltipLines, type Layout } from './layout.js';
import { renderTable } from './table.js';

export interface ChartViewState {
  /** The chart: its state and its Retry. */
  chart: ChartController;
  /** The reader asked for the table. */
  tableShown: boolean;
  /** A token probe finished a transition: a colour, font or size token changed. */
  onThemeProbe: () => void;
  onToggleTable: () => void;
}

export function renderChartView(l: Layout, { chart, tableShown, onThemeProbe, onToggleTable }: ChartViewState): TemplateResult {
  const { state, missingUrl } = chart;
  const showTable = tableShown || state === 'error';
  return html`
    <div class="chart" part="chart" data-state=${state} style=${cssProps({ '--_rows': String(l.shown.length) })}>
      <canvas aria-hidden="true"></canvas>
      <!-- The tooltip: written by chart.ts. The table says the same to screen readers. -->
      <div class="tip" part="tooltip" aria-hidden="true" hidden></div>
    </div>
    <div class="probes" aria-hidden="true" @transitionend=${onThemeProbe}>
      <span class="probe" data-token="bar"></span><span class="probe" data-token="highlight"></span><span class="probe" data-token="text"></span
      ><span class="probe" data-token="muted"></span><span class="probe" data-token="grid"></span
      ><span class="probe" data-token="font"></span><span class="probe" data-token="thickness"></span>
    </div>
    ${state === 'error'
      ? html`<p class="note" part="note">
          ${missingUrl
            ? // The URL keeps its own direction inside Arabic text.
              msg(l.locale, 'donorRankingChartMissing', { url: isolate(missingUrl) })
            : msg(l.locale, 'donorRankingChartFailed')}
          ${missingUrl ? html`<button type="button" part="retry" @click=${() => chart.retry()}>${msg(l.locale, 'retry')}</button>` : nothing}
        </p>`
      : html`<button type="button" class="table-toggle" part="table-toggle" aria-pressed=${tableShown ? 'true' : 'false'} @click=${onToggleTable}>
          ${msg(l.locale, 'donorRankingShowTable')}
        </button>`}
    <div class=${showTable ? 'table-wrap' : 'table-wrap offscreen'}>${renderTable(l, { visible: showTable, asView: false })}</div>
  `;
}

/** What the chart draws for the layout: the donors shown on screen, formatted in its locale. */
export function chartInput(l: Layout, rtl: boolean, reducedMotion: boolean): ChartInput {
  const rows = l.shown;
  const labels = rows.map((r) => r.donor.name);
  const values = rows.map((r) => r.donor.amount ?? null);
  const highlighted = rows.findIndex((r) => r.highlighted);
  return {
    key: JSON.stringify([labels, values, highlighted, rtl, l.locale, l.currency, l.data.total, l.data.year, rows.map((r) => r.donor.previousAmount)]),
    labels,
    values,
    highlighted,
    rtl,
    reducedMotion,
    tick: (value) => money(value, l),
    tooltip: (index) => {
      const d = rows[index]?.donor;
      return d ? tooltipLines(d, l) : [];
    },
  };
}
