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
    /* Read by the reset's text-align (which a page's own !important cannot override). */
    --_text-align: var(--_align);
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
   * copy) and sets the box's size, its line breaks included, from the first frame. While counting,
   * only its digits turn transparent, and the moving digits are drawn over them, ending at the same
   * edge; the words around them ("USD", "million") stay where the final text puts them.
   */
  .value {
    font-size: var(--_value-size);
    font-weight: var(--_value-weight);
    line-height: var(--_value-line-height);
    color: var(--_value-color);
    font-variant-numeric: tabular-nums lining-nums;
  }
  /* Left to right inside, like every number, so the moving digits end where its last digit ends. */
  .digits {
    unicode-bidi: isolate;
    direction: ltr;
  }
  /* A box of no width after the last digit; the moving digits overflow from it towards the first
     (flex-end), so they sit on the final number's baseline and end at its edge, and never change
     the line's layout. It always holds digits (the final ones until a count draws others), so the
     line is laid out the same whether a count ran or not. Generated content with empty
     alternative text: never part of the page's text or of the accessibility tree. */
  .digits::after {
    display: inline-flex;
    justify-content: flex-end;
    inline-size: 0;
    white-space: nowrap;
    opacity: 0;
    pointer-events: none;
  }
  @supports (content: '' / '') {
    .digits::after {
      content: attr(data-n) / '';
    }
    .value[data-counting] .digits {
      color: transparent;
      -webkit-text-fill-color: transparent;
    }
    .value[data-counting] .digits::after {
      opacity: 1;
      color: var(--_value-color);
      -webkit-text-fill-color: var(--_value-color);
    }
  }
  @media (forced-colors: active) {
    .value[data-counting] .digits {
      forced-color-adjust: none;
    }
    .value[data-counting] .digits::after {
      color: CanvasText;
      -webkit-text-fill-color: CanvasText;
    }
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
  }
  /* A line whose words are not known yet. */
  .skeleton .placeholder-line {
    display: inline-block;
    inline-size: 10em;
    max-inline-size: 100%;
  }
  @media print {
    .value[data-counting] .digits {
      color: inherit !important;
      -webkit-text-fill-color: currentcolor !important;
    }
    .digits::after {
      display: none !important;
    }
  }
`;
