// The list view of <donor-ranking>: a numbered ranking (or an alphabetical list) with CSS bars,
// optionally grouped by donor type. A function of the layout alone.
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { cssProps } from '../base/css-props.js';
import { safeUrl } from '../data/safe-url.js';
import { formatNumber } from '../i18n/format.js';
import { msg } from '../i18n/words.js';
import type { Donor } from './donor-ranking.data.js';
import { changeOf, changeShort, changeText, groupSummary, money, shareOf, type Layout, type Row } from './layout.js';

export function renderList(l: Layout): TemplateResult {
  if (!l.groups) return renderItems(l.rows, l, 'title');
  return html`<div class="groups">
    ${l.groups.map(
      (g, i) => html`<div class=${classMap({ group: true, 'past-limit': g.rows.every((r) => r.pastLimit) })} part="group" role="group" aria-labelledby=${`group-${i}`}>
        <p class="group-head" id=${`group-${i}`}>
          <span class="group-name"><bdi>${g.name}</bdi></span>
          <span class="subtotal" part="subtotal">${groupSummary(g, l)}</span>
        </p>
        ${g.rows.length ? renderItems(g.rows, l) : nothing}
      </div>`,
    )}
  </div>`;
}

function renderItems(rows: Row[], l: Layout, labelledBy?: string): TemplateResult {
  const classes = classMap({ list: true, 'rank-only': !l.hasAmounts, unranked: !l.ranked });
  const items = rows.map((row) => renderRow(row, l));
  // Explicit role="list": list-style: none makes some screen readers drop the list semantics.
  return l.ranked
    ? // eslint-disable-next-line lit-a11y/no-redundant-role -- see above
      html`<ol class=${classes} part="list" role="list" aria-labelledby=${labelledBy ?? nothing}>${items}</ol>`
    : // eslint-disable-next-line lit-a11y/no-redundant-role -- see above
      html`<ul class=${classes} part="list" role="list" aria-labelledby=${labelledBy ?? nothing}>${items}</ul>`;
}

function renderRow(row: Row, l: Layout): TemplateResult {
  const d = row.donor;
  const href = safeUrl(d.url);
  const pct = d.amount !== undefined && l.max > 0 ? (d.amount / l.max) * 100 : 0;
  return html`<li part=${row.highlighted ? 'row highlighted' : 'row'} data-rank=${row.rank} class=${classMap({ row: true, highlighted: row.highlighted, 'shown-past-limit': row.shownPastLimit, 'past-limit': row.pastLimit })}>
    ${l.ranked ? html`<span class="rank" part="rank">${formatNumber(row.rank, l.locale)}</span>` : nothing}
    <span class="main">
      <span class="name" part="name"
        ><bdi>${href ? html`<a href=${href}>${d.name}</a>` : d.name}</bdi>${row.highlighted ? html`<span class="visually-hidden"> ${msg(l.locale, 'donorRankingHighlighted')}</span>` : nothing}</span
      >
      ${l.hasAmounts ? renderFigures(d, l) : nothing}
    </span>
    ${l.hasAmounts && d.amount !== undefined
      ? html`<span class="track" aria-hidden="true"><span class="bar" part="bar" style=${cssProps({ '--_pct': `${pct}%` })}></span></span>`
      : nothing}
  </li>`;
}

function renderFigures(d: Donor, l: Layout): TemplateResult {
  const ofTotal = shareOf(d.amount, l);
  const change = changeOf(d);
  return html`<span class="figures">
    <span class=${d.amount === undefined ? 'amount na' : 'amount'} part="amount">${d.amount === undefined ? msg(l.locale, 'notAvailable') : money(d.amount, l)}</span>
    ${ofTotal ? html`<span class="share" part="share">${ofTotal}</span>` : nothing}
    ${change
      ? html`<span class=${`change ${change.kind}`} part="change"
          ><span aria-hidden="true">${change.kind === 'up' ? '▲ ' : change.kind === 'down' ? '▼ ' : ''}${changeShort(change, l.locale)}</span
          ><span class="visually-hidden">${changeText(change, l)}</span></span
        >`
      : l.hasChange
        ? html`<span class="change"></span>`
        : nothing}
  </span>`;
}
