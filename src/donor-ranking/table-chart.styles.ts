import { css } from 'lit';

/** The table, the chart view, and the forced-colour and print rules of the whole element (after the list's rules in the cascade). */
export const tableAndChartStyles = css`
  /* The table. */
  .table-scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
  }
  caption.caption {
    margin-block-end: var(--_space-sm);
    font-size: var(--_size-lg);
    font-weight: var(--_weight-bold);
    line-height: 1.25;
  }
  th,
  td {
    padding: var(--_space-xs) var(--_space-sm);
    text-align: start;
    vertical-align: baseline;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    font-size: var(--_size-sm);
    color: var(--_muted);
    border-block-end-width: 2px;
  }
  tbody th {
    font-weight: var(--_weight);
  }
  /* The names get the room; the figures keep to one line. */
  th.donor {
    inline-size: 40%;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .group-row th,
  .group-row td,
  tfoot th,
  tfoot td {
    font-weight: var(--_weight-bold);
    background: var(--_surface-alt);
  }
  .group-count {
    font-weight: var(--_weight);
    color: var(--_muted);
  }
  tr.highlighted > :first-child {
    border-inline-start: var(--_marker) solid var(--_highlight-color);
  }
  tr.shown-past-limit > * {
    border-block-start: 1px dashed var(--_border);
  }

  /* The chart: its height follows the number of bars, its width the container. */
  .chart {
    position: relative;
    /* Room for a name on two lines in every row. */
    block-size: calc(var(--_rows, 10) * max(3em, var(--_bar-thickness) * 2) + 2.5em);
    inline-size: 100%;
    font-size: var(--_size-sm);
  }
  .chart canvas {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    display: block;
  }
  .chart[data-state='loading'],
  .chart[data-state='idle'] {
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .chart[data-state='error'] {
    display: none;
  }
  /* The chart's tooltip, placed by chart.ts: text over the canvas, never wider than the chart. */
  .tip {
    position: absolute;
    z-index: 1;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    inline-size: max-content;
    max-inline-size: min(20em, 100%);
    padding: var(--_space-xs) var(--_space-sm);
    /* Drawn in forced colours, where the background is not. */
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_surface);
    line-height: 1.3;
    overflow-wrap: break-word;
    pointer-events: none;
  }
  .tip[hidden] {
    display: none;
  }
  .table-wrap {
    margin-block-start: var(--_space-sm);
  }
  /* Out of sight, not out of reach: screen readers read the figures from this table. */
  .offscreen {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .offscreen .table-scroll {
    overflow: visible;
  }
  /* Hidden elements that carry the tokens for the chart: a token change ends a tiny transition,
     which tells the element to redraw the chart with the new colours (see onThemeProbe). */
  .probes {
    position: absolute;
    inline-size: 0;
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
  }
  .probe {
    display: block;
    transition:
      color 1ms,
      font-size 1ms,
      block-size 1ms,
      font-family 1ms allow-discrete;
  }
  .probe[data-token='bar'] {
    color: var(--_bar-color);
  }
  .probe[data-token='highlight'] {
    color: var(--_highlight-color);
  }
  .probe[data-token='text'] {
    color: var(--_text);
  }
  .probe[data-token='muted'] {
    color: var(--_muted);
  }
  .probe[data-token='grid'] {
    color: var(--_border);
  }
  .probe[data-token='font'] {
    font-family: var(--_font);
    font-size: var(--_size-sm);
  }
  .probe[data-token='thickness'] {
    block-size: var(--_bar-thickness);
  }

  /* Windows high contrast: backgrounds are dropped, so draw the bars in system colours. */
  @media (forced-colors: active) {
    /* Forced colours paint every border, a transparent one too: only the highlighted row keeps its marker. */
    .row:not(.highlighted) {
      border-inline-start-style: none;
      padding-inline-start: calc(var(--_space-xs) + var(--_marker));
    }
    .row.highlighted {
      border-inline-start-color: Highlight;
    }
    .bar {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .row.highlighted .bar {
      background: Highlight;
    }
    .track {
      border: 1px solid CanvasText;
    }
    /* The canvas is never recoloured by the browser: the chart reads system colours from its
       probes (as forced, every colour would be CanvasText: no highlighted bar to see). */
    .probe[data-token] {
      forced-color-adjust: none;
      color: CanvasText;
    }
    .probe[data-token='highlight'] {
      color: Highlight;
    }
    .probe[data-token='grid'] {
      color: GrayText;
    }
  }

  /* Past the limit: hidden on screen until "Show all"; a printout lists every donor. */
  @media not print {
    .past-limit {
      display: none !important;
    }
  }

  /* Print the figures, not a canvas: the table replaces the chart, controls disappear. */
  @media print {
    /* Every row is printed in its place: the highlighted donor needs no separator of its own. */
    .row.shown-past-limit {
      margin-block-start: 0;
      padding-block-start: 0;
      border-block-start: 0;
    }
    tr.shown-past-limit > * {
      border-block-start: 0;
    }
    .chart,
    .probes,
    .views,
    .table-toggle,
    .more {
      display: none;
    }
    .offscreen {
      position: static;
      inline-size: auto;
      block-size: auto;
      margin: var(--_space-sm) 0 0;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
    .table-scroll {
      overflow: visible;
    }
    .bar,
    .track {
      print-color-adjust: exact;
    }
  }
`;
