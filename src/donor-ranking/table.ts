// The table of <donor-ranking>: the table view, and the chart view's table (shown on request or
// when the chart cannot be drawn). A function of the layout alone.
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { msg, type WordKey } from '../i18n/words.js';
import { changeOf, changeShort, donorCount, exact, previousYear, share, type Layout, type Row } from './layout.js';

export interface TableOptions {
  /** The table is on screen (not the chart view's offscreen copy): a focusable, named scroll region. */
  visible: boolean;
  /** The table is the view: its caption is the title, shown. */
  asView: boolean;
}

export function renderTable(l: Layout, { visible, asView }: TableOptions): TemplateResult {
  const { locale } = l;
  const t = (key: WordKey, params?: Record<string, string | number>) => msg(locale, key, params);
  const showType = l.hasTypes && !l.groups;
  const lead = (l.ranked ? 1 : 0) + 1 + (showType ? 1 : 0);
  const row = (r: Row) => {
    const d = r.donor;
    const change = changeOf(d);
    return html`<tr data-rank=${r.rank} class=${classMap({ highlighted: r.highlighted, 'shown-past-limit': r.shownPastLimit, 'past-limit': r.pastLimit })}>
      ${l.ranked ? html`<td class="num">${formatNumber(r.rank, locale)}</td>` : nothing}
      <th scope="row"><bdi>${d.name}</bdi>${r.highlighted ? html`<span class="visually-hidden"> ${t('donorRankingHighlighted')}</span>` : nothing}</th>
      ${showType ? html`<td>${d.type ?? ''}</td>` : nothing}
      ${l.hasAmounts ? html`<td class=${d.amount === undefined ? 'num na' : 'num'}>${d.amount === undefined ? t('notAvailable') : exact(d.amount, locale)}</td>` : nothing}
      ${l.hasShare ? html`<td class="num">${share(d.amount, l) ?? ''}</td>` : nothing}
      ${l.hasChange ? html`<td class="num">${change ? changeShort(change, locale) : ''}</td>` : nothing}
    </tr>`;
  };
  const body = l.groups
    ? l.groups.map(
        (g) => html`<tbody class=${classMap({ 'past-limit': g.rows.every((r) => r.pastLimit) })}>
          <tr class="group-row">
            <th scope="rowgroup" colspan=${lead}><bdi>${g.name}</bdi> <span class="group-count">(${donorCount(g.count, locale)})</span></th>
            ${l.hasAmounts ? html`<td class="num">${g.subtotal !== undefined ? exact(g.subtotal, locale) : ''}</td>` : nothing}
            ${l.hasShare ? html`<td class="num">${share(g.subtotal, l) ?? ''}</td>` : nothing}
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
      <caption id="caption" class=${asView ? 'caption' : 'visually-hidden'}><bdi>${l.title}</bdi></caption>
      <thead>
        <tr>
          ${l.ranked ? html`<th scope="col" class="num">${t('donorRankingRank')}</th>` : nothing}
          <th scope="col" class="donor">${t('donorRankingDonor')}</th>
          ${showType ? html`<th scope="col">${t('donorRankingType')}</th>` : nothing}
          ${l.hasAmounts ? html`<th scope="col" class="num">${t('donorRankingAmount', { currency: l.currency })}</th>` : nothing}
          ${l.hasShare ? html`<th scope="col" class="num">${t('donorRankingShare')}</th>` : nothing}
          ${l.hasChange ? html`<th scope="col" class="num">${t('donorRankingChangeFrom', { year: previousYear(l) })}</th>` : nothing}
        </tr>
      </thead>
      ${body}
      ${total !== undefined
        ? html`<tfoot>
            <tr>
              <th scope="row" colspan=${lead}>${t('donorRankingTotalRow')}</th>
              ${l.hasAmounts ? html`<td class="num">${exact(total, locale)}</td>` : nothing}
              ${l.hasShare ? html`<td class="num">${formatPercent(100, locale)}</td>` : nothing}
              ${l.hasChange ? html`<td></td>` : nothing}
            </tr>
          </tfoot>`
        : nothing}
    </table>
  </div>`;
}
