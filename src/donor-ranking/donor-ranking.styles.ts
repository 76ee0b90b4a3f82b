import { css } from 'lit';
import { tableAndChartStyles } from './table-chart.styles.js';

/** The element's own variables, the head, notes, view switch, list, groups and buttons. */
const listStyles = css`
  :host {
    --_bar-color: var(--iom-donor-ranking-bar-color, var(--_primary));
    --_highlight-color: var(--iom-donor-ranking-highlight-color, var(--_accent));
    --_bar-thickness: var(--iom-donor-ranking-bar-thickness, 0.625em);
    --_track-color: var(--iom-donor-ranking-track-color, var(--_surface-alt));
    --_rank-width: 2.25em;
    --_marker: 0.25em;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-sm);
    margin-block-end: var(--_space-sm);
  }
  .head:empty {
    display: none;
  }
  .title {
    margin: 0;
    font-size: var(--_size-lg);
    font-weight: var(--_weight-bold);
    line-height: 1.25;
  }
  .note,
  .total,
  .source {
    margin-block: var(--_space-sm) 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .note {
    margin-block: 0 var(--_space-sm);
    /* A missing chart file's URL is one long word. */
    overflow-wrap: anywhere;
  }
  .total {
    font-weight: var(--_weight-bold);
    color: var(--_text);
  }
  a {
    color: inherit;
    text-decoration-color: var(--_primary);
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--_primary);
  }

  /* The view switch: native radio buttons (arrow keys move between them), drawn as a segmented control. */
  .views {
    display: inline-flex;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    overflow: hidden;
    min-inline-size: 0;
  }
  .view-option {
    position: relative;
    padding: var(--_space-xs) var(--_space-sm);
    font-size: var(--_size-sm);
    color: var(--_primary);
    background: var(--_surface);
    cursor: pointer;
  }
  .view-option + .view-option {
    border-inline-start: 1px solid var(--_primary);
  }
  .view-option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .view-option:has(input:checked) {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: var(--_weight-bold);
  }
  /* Inside the segment (the switch clips what is outside): the primary colour on an unchecked
     segment, the text colour of the checked one on its primary fill. */
  .view-option:has(input:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: calc(-2px - var(--_focus-width));
  }
  .view-option:has(input:checked:focus-visible) {
    outline-color: var(--_on-primary);
  }
  @media (forced-colors: active) {
    .view-option:has(input:focus-visible) {
      outline-color: Highlight;
    }
  }

  /* The list. */
  .list {
    display: grid;
    gap: var(--_space-sm);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Names only: two columns where there is room (1-10, then 11-20). */
  .list.rank-only {
    display: block;
    columns: 2 16em;
    column-gap: calc(var(--_space) * 2);
  }
  .list.rank-only .row {
    break-inside: avoid;
    margin-block-end: var(--_space-xs);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_rank-width) minmax(0, 1fr);
    column-gap: var(--_space-sm);
    row-gap: var(--_space-xs);
    align-items: baseline;
    padding-inline-start: var(--_space-xs);
    border-inline-start: var(--_marker) solid transparent;
  }
  .unranked .row {
    grid-template-columns: minmax(0, 1fr);
  }
  .rank {
    text-align: end;
    font-weight: var(--_weight-bold);
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .main {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    column-gap: var(--_space-sm);
    min-inline-size: 0;
  }
  /* Long names ("United Kingdom of Great Britain and Northern Ireland") wrap: the full name is always there. */
  .name {
    flex: 1 1 12em;
    min-inline-size: 0;
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--_space-sm);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* Fixed minimum widths line the figures up in columns from row to row. */
  .figures > * {
    text-align: end;
  }
  .amount {
    min-inline-size: 5.5em;
    font-weight: var(--_weight-bold);
  }
  .share {
    min-inline-size: 7em;
  }
  .change {
    min-inline-size: 4em;
  }
  .amount.na,
  td.na {
    font-weight: var(--_weight);
    font-style: italic;
    color: var(--_muted);
  }
  .share,
  .change {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .change.up {
    color: var(--_success);
  }
  .change.down {
    color: var(--_danger);
  }
  .track {
    grid-column: -2;
    display: block;
    block-size: var(--_bar-thickness);
    border-radius: calc(var(--_bar-thickness) / 2);
    background: var(--_track-color);
    overflow: hidden;
  }
  .bar {
    display: block;
    block-size: 100%;
    inline-size: var(--_pct, 0%);
    min-inline-size: 2px;
    border-radius: inherit;
    background: var(--_bar-color);
  }
  /* The highlighted donor: a marker on the leading edge and a bold name, as well as the colour. */
  .row.highlighted {
    border-inline-start-color: var(--_highlight-color);
  }
  .row.highlighted .name,
  tr.highlighted th {
    font-weight: var(--_weight-bold);
  }
  .row.highlighted .bar {
    background: var(--_highlight-color);
  }
  /* The highlighted donor shown past the limit, set apart from the top of the list. */
  .row.shown-past-limit {
    margin-block-start: var(--_space-sm);
    padding-block-start: var(--_space-sm);
    border-block-start: 1px dashed var(--_border);
  }

  /* Groups by donor type. */
  .groups {
    display: grid;
    gap: var(--_space);
  }
  .group-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-sm);
    margin: 0 0 var(--_space-sm);
    padding-block-end: var(--_space-xs);
    border-block-end: 1px solid var(--_border);
  }
  .group-name {
    font-weight: var(--_weight-bold);
  }
  .subtotal {
    font-size: var(--_size-sm);
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .more,
  .table-toggle {
    margin-block-start: var(--_space-sm);
  }
  .table-toggle[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
`;

/** All of `<donor-ranking>`'s styles, in cascade order. */
export const donorRankingStyles = [listStyles, tableAndChartStyles];
