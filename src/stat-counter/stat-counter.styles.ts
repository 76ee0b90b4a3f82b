import { css } from 'lit';

export const statCounterStyles = css`
  :host {
    --_align: var(--iom-stat-counter-align, start);
    --_gap: var(--iom-stat-counter-gap, var(--_space-xs));
    --_value-size: var(--iom-stat-counter-value-size, var(--_size-xl));
    --_value-weight: var(--iom-stat-counter-value-weight, var(--_weight-bold));
    --_value-color: var(--iom-stat-counter-value-color, var(--_primary));
    --_value-line-height: var(--iom-stat-counter-value-line-height, 1.15);
    --_label-size: var(--iom-stat-counter-label-size, 1em);
    --_label-weight: var(--iom-stat-counter-label-weight, var(--_weight));
    --_label-color: var(--iom-stat-counter-label-color, var(--_text));
    --_affix-size: var(--iom-stat-counter-affix-size, var(--_label-size));
    --_affix-color: var(--iom-stat-counter-affix-color, var(--_label-color));
    --_change-color: var(--iom-stat-counter-change-color, var(--_muted));
    --_change-up-color: var(--iom-stat-counter-change-up-color, var(--_change-color));
    --_change-down-color: var(--iom-stat-counter-change-down-color, var(--_change-color));
    --_source-color: var(--iom-stat-counter-source-color, var(--_muted));
    text-align: var(--_align);
  }

  .base {
    display: grid;
    gap: var(--_gap);
  }

  p {
    margin: 0;
  }

  .figure {
    color: var(--_label-color);
  }

  .prefix,
  .suffix {
    font-size: var(--_affix-size);
    color: var(--_affix-color);
  }

  /*
   * The number. Its final text is always in the page (for assistive technology, crawlers, print and
   * copy) and sets the box's size from the first frame. While counting, that text is transparent
   * and the moving digits are drawn over it, in the same box, hidden from assistive technology.
   */
  .value {
    display: inline-grid;
    position: relative;
    font-size: var(--_value-size);
    font-weight: var(--_value-weight);
    line-height: var(--_value-line-height);
    color: var(--_value-color);
    font-variant-numeric: tabular-nums lining-nums;
  }
  .final,
  .hold {
    grid-area: 1 / 1;
  }
  /* While a value counts down from a wider number, the wider text keeps the box from shrinking mid-count. */
  .hold {
    visibility: hidden;
  }
  /* Always laid out (a contained box), shown only while counting, by opacity: starting or ending a
     hundred counts at once then repaints them, without building or removing a hundred boxes. */
  .ticker {
    opacity: 0;
    position: absolute;
    inset: 0;
    text-align: var(--_align);
    pointer-events: none;
    /* Digits wider than the final ones (proportional fonts) must not push the unit onto a hidden line. */
    white-space: nowrap;
    /* Its size comes from the box, never from its digits: each frame's new text is laid out and
       painted inside it alone, not across the page. */
    contain: strict;
  }
  /* Generated content: the moving digits are never part of the page's text. */
  .ticker::before,
  .hold::before {
    content: attr(data-n);
  }
  .value[data-counting] .final {
    opacity: 0;
  }
  .value[data-counting] .ticker {
    opacity: 1;
  }

  /* Text from data keeps its own direction: an English label on an Arabic page ends with its own punctuation. */
  .label,
  .description {
    unicode-bidi: plaintext;
  }
  .label {
    display: block;
    margin-block-start: var(--_gap);
    font-size: var(--_label-size);
    font-weight: var(--_label-weight);
    color: var(--_label-color);
  }

  .description {
    color: var(--_muted);
    font-size: var(--_size-sm);
  }

  .change {
    color: var(--_change-color);
    font-size: var(--_size-sm);
  }
  .change[data-direction='up'] {
    color: var(--_change-up-color);
  }
  .change[data-direction='down'] {
    color: var(--_change-down-color);
  }
  .arrow {
    display: inline-block;
    margin-inline-end: 0.25em;
    font-size: 0.8em;
  }

  .source {
    color: var(--_source-color);
    font-size: var(--_size-sm);
  }
  .source a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .source a:hover {
    color: var(--_primary);
  }

  .skeleton {
    --_skeleton-height: auto;
    gap: var(--_gap);
    justify-items: var(--_align);
  }
  .skeleton .skeleton-value {
    font-size: var(--_value-size);
    block-size: calc(var(--_value-line-height) * 1em);
    inline-size: 4em;
  }
  .skeleton .skeleton-label {
    inline-size: 10em;
    max-inline-size: 100%;
  }

  @media print {
    .value[data-counting] .final {
      opacity: 1;
    }
    .ticker,
    .hold {
      display: none !important;
    }
  }
`;
