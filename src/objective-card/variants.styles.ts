import { css } from 'lit';

/**
 * The variants of `<objective-card>` (its `variant` and `subgrid` attributes): each sets the custom
 * properties that objective-card.styles.ts declares on `.card`, and the banner lays its figures
 * beside its text when it is wide. After the card's own styles, so that they win.
 */
export const objectiveCardVariants = css`
  /* plain: an inline block inside an article; no box, a bar of the accent at the inline start. */
  :host([variant='plain']) .card {
    --_background: var(--iom-objective-card-background, transparent);
    --_border-width: 0;
    --_bar-block: 0;
    --_bar-inline: var(--_bar-size);
    --_inline-bar-color: var(--_accent);
    --_card-padding: 0;
    --_card-padding-start: calc(var(--_space) * 1.25);
    --_card-radius: 0;
  }

  /* banner: a wide header on the accent colour; text and figures in the on-accent colour. */
  :host([variant='banner']) .base {
    container: objective-card-banner / inline-size;
  }
  :host([variant='banner']) .card {
    --_background: var(--iom-objective-card-background, var(--_accent));
    --_fg: var(--iom-objective-card-color, var(--_on-accent));
    --_fg-muted: var(--_fg);
    --_number-color: var(--iom-objective-card-number-color, var(--_fg));
    --_link-color: var(--iom-objective-card-link-color, var(--_fg));
    --_figure-color: var(--_fg);
    --_rule-color: color-mix(in srgb, var(--_fg) 40%, transparent);
    /* Transparent, so forced-colors mode still draws the banner's outline. */
    --_border-color: transparent;
    --_bar-block: 1px;
    --_card-padding: calc(var(--_padding) * 1.5);
    --_title-size: var(--iom-objective-card-title-size, 1.6em);
    --_figure-size: var(--iom-objective-card-figure-size, 2.25em);
  }
  /* subgrid: the card's rows are rows of the parent grid, shared with the cards beside it. */
  :host([subgrid]) {
    grid-row: span 5;
    grid-template-rows: subgrid;
    row-gap: 0;
  }
  /* span 5, not 1 / -1: outside a grid the host has no rows to share, and span 5 makes it five auto
     rows of its own, so the card still lays out (as a card without the row alignment). */
  :host([subgrid]) .base,
  :host([subgrid]) .card {
    grid-row: span 5;
    grid-template-rows: subgrid;
    row-gap: 0;
  }

  /* banner, wide: the text on the inline start, the figures beside it. */
  @container objective-card-banner (min-inline-size: 44em) {
    .card {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      grid-template-rows: auto auto 1fr auto;
      column-gap: calc(var(--_gap) * 2);
    }
    .head,
    .body,
    .foot {
      grid-column: 1;
    }
    .foot {
      grid-row: 4;
    }
    .figures {
      grid-column: 2;
      grid-row: 1 / -1;
      align-self: center;
      margin-block-start: 0;
      padding-block-start: 0;
      border-block-start: 0;
    }
  }
`;
