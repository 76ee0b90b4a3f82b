import { css } from 'lit';

export const styles = css`
  :host {
    --_badge-l3: var(--iom-emergency-list-level-3-color, var(--_danger));
    --_badge-l2: var(--iom-emergency-list-level-2-color, var(--_warning));
    --_badge-l1: var(--iom-emergency-list-level-1-color, var(--_primary));
    --_badge-other: var(--iom-emergency-list-level-other-color, var(--_muted));
    --_badge-text: var(--iom-emergency-list-badge-text-color, var(--_on-primary));
    --_bar-color: var(--iom-emergency-list-bar-color, var(--_primary));
    --_bar-track: var(--iom-emergency-list-bar-track-color, var(--_surface-alt));
    --_bar-height: var(--iom-emergency-list-bar-height, 0.5em);
    --_card-min: var(--iom-emergency-list-card-min-width, 16em);
    --_gap: var(--iom-emergency-list-gap, var(--_space));
    --_name-size: var(--iom-emergency-list-name-size, 1.125em);
    --_card-bg: var(--iom-emergency-list-card-background, var(--_surface));
  }

  .title {
    margin: 0 0 var(--_space-sm);
    font-weight: var(--_weight-bold);
  }
  .as-of {
    font-weight: var(--_weight);
    color: var(--_muted);
    font-size: var(--_size-sm);
  }
  .title .as-of {
    margin-inline-start: var(--_space-sm);
  }

  /* Controls: intrinsic reflow (flex-wrap) so they stack on a phone without any breakpoint. */
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-sm) var(--_space);
    align-items: end;
    margin-block-end: var(--_space-sm);
  }
  .control {
    display: grid;
    gap: var(--_space-xs);
    flex: 1 1 10em;
    min-inline-size: 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .control.search {
    flex: 2 1 14em;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-sm);
    min-block-size: 2.5em;
    inline-size: 100%;
    min-inline-size: 0;
    line-height: 1.4;
  }
  input:hover,
  select:hover {
    border-color: var(--_muted);
  }
  .count {
    margin: 0 0 var(--_space-sm);
    font-size: var(--_size-sm);
    color: var(--_muted);
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  :host(:not([layout='grid'])) .item + .item {
    border-block-start: 1px solid var(--_border);
  }
  :host(:not([layout='grid'])) .item {
    padding-block: var(--_space-sm);
  }
  :host([layout='grid']) .list {
    /* One column on a phone, as many as fit on a wide page: no media query needed. */
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
    gap: var(--_gap);
  }
  :host([layout='grid']) .item {
    padding: var(--_space-sm) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-bg);
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-sm);
  }
  .name {
    margin: 0;
    font-size: var(--_name-size);
    font-weight: var(--_weight-bold);
    line-height: 1.3;
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .name a {
    color: var(--_primary);
    text-decoration-thickness: 0.06em;
    text-underline-offset: 0.15em;
  }
  .name a:hover {
    text-decoration-thickness: 0.12em;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-sm);
    border-radius: 1em;
    font-size: var(--_size-sm);
    font-weight: var(--_weight-bold);
    line-height: 1.6;
    white-space: nowrap;
    color: var(--_badge-text);
    background: var(--_badge-other);
  }
  .badge[data-tone='l3'] {
    background: var(--_badge-l3);
  }
  .badge[data-tone='l2'] {
    background: var(--_badge-l2);
  }
  .badge[data-tone='l1'] {
    background: var(--_badge-l1);
  }
  .countries,
  .meta,
  .foot {
    margin: 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .meta > * + *::before,
  .foot > * + *::before {
    content: '·' / '';
    margin-inline-end: var(--_space-xs);
  }
  .summary {
    margin: 0;
  }

  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space);
    margin: 0;
  }
  .figure {
    display: flex;
    flex-direction: column-reverse;
  }
  .figure dt {
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .figure dd {
    margin: 0;
    font-weight: var(--_weight-bold);
    font-variant-numeric: tabular-nums;
  }

  .funding {
    display: grid;
    gap: var(--_space-xs);
    max-inline-size: 32em;
  }
  .meter {
    block-size: var(--_bar-height);
    border-radius: var(--_bar-height);
    background: var(--_bar-track);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    inline-size: var(--_pct);
    border-radius: inherit;
    background: var(--_bar-color);
  }
  .funding-text {
    margin: 0;
    font-size: var(--_size-sm);
  }
  .funding-text strong {
    font-weight: var(--_weight-bold);
  }
  .funding-detail {
    color: var(--_muted);
    margin-inline-start: var(--_space-xs);
  }

  .no-match {
    display: grid;
    gap: var(--_space-sm);
    justify-items: start;
    padding: var(--_space-sm) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .no-match p {
    margin: 0;
  }
  .more {
    margin-block-start: var(--_space-sm);
  }
  .source {
    margin: var(--_space-sm) 0 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  a {
    color: var(--_primary);
  }

  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
    .meter {
      border: 1px solid CanvasText;
    }
    .fill {
      background: Highlight;
    }
  }
  @media print {
    .controls,
    .count {
      display: none;
    }
    .item {
      break-inside: avoid;
    }
  }
`;
