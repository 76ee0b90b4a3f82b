import { css } from 'lit';

/**
 * Layout: `.card` is a one-column grid with five rows (head, body, a stretchable spacer, figures,
 * foot). The host is a grid too, so in a flex or grid row every card stretches to the row's height
 * and the spacer pushes the figures and the link to the bottom: cards of one row have equal
 * heights and their figures line up whatever the length of their titles and summaries. With the
 * `subgrid` attribute the five rows become rows of the parent grid (CSS subgrid), so titles,
 * summaries and figures line up row by row even when the cards hold different numbers of figures.
 *
 * The accent depends on data (the objective's number), so the accent and everything derived from
 * it is declared on `.card`, and the variants set their custom properties there.
 */
export const objectiveCardStyles = css`
  :host {
    display: grid;
    --_gap: var(--iom-objective-card-gap, var(--_space));
    --_padding: var(--iom-objective-card-padding, calc(var(--_space) * 1.25));
    --_card-radius: var(--iom-objective-card-radius, var(--_radius));
    --_bar-size: var(--iom-objective-card-bar-size, 0.375em);
    --_title-size: var(--iom-objective-card-title-size, var(--_size-lg));
    --_icon-size: var(--iom-objective-card-icon-size, 3em);
    --_figure-min: var(--iom-objective-card-figure-min-width, 11em);
    --_figure-size: var(--iom-objective-card-figure-size, 1.75em);
  }

  .base {
    display: grid;
  }

  .card {
    /* The objective's accent; data-accent comes from the accent attribute or the objective's number. */
    --_objective-accent: var(--_primary);
    --_accent: var(--iom-objective-card-accent, var(--_objective-accent));
    --_on-accent: var(--iom-objective-card-on-accent, var(--_on-primary));

    /* What the variants change. */
    --_background: var(--iom-objective-card-background, var(--_surface));
    --_border-color: var(--iom-objective-card-border-color, var(--_border));
    --_shadow: var(--iom-objective-card-shadow, none);
    --_fg: var(--iom-objective-card-color, var(--_text));
    --_fg-muted: var(--_muted);
    --_number-color: var(--iom-objective-card-number-color, var(--_accent));
    --_title-color: var(--iom-objective-card-title-color, var(--_fg));
    --_link-color: var(--iom-objective-card-link-color, var(--_accent));
    --_figure-color: var(--_accent);
    --_rule-color: var(--_border-color);
    --_bar-block: var(--_bar-size);
    --_bar-inline: 1px;
    --_border-width: 1px;
    --_card-padding: var(--_padding);

    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto auto 1fr auto auto;
    align-content: start;
    min-inline-size: 0;
    padding: var(--_card-padding);
    padding-inline-start: var(--_card-padding-start, var(--_card-padding));
    border: var(--_border-width) solid var(--_border-color);
    border-block-start: var(--_bar-block) solid var(--_accent);
    border-inline-start: var(--_bar-inline) solid var(--_inline-bar-color, var(--_border-color));
    border-radius: var(--_card-radius);
    background: var(--_background);
    box-shadow: var(--_shadow);
    color: var(--_fg);
  }
  .card[data-accent='1'] {
    --_objective-accent: var(--_objective-1);
  }
  .card[data-accent='2'] {
    --_objective-accent: var(--_objective-2);
  }
  .card[data-accent='3'] {
    --_objective-accent: var(--_objective-3);
  }

  .head {
    grid-row: 1;
    display: flex;
    align-items: start;
    gap: var(--_space-sm) var(--_gap);
  }
  .icon {
    flex: none;
    inline-size: var(--_icon-size);
    color: var(--_number-color);
  }
  ::slotted([slot='icon']) {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: var(--_icon-size);
    object-fit: contain;
  }
  .title {
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    color: var(--_title-color);
    font-size: 1em;
    font-weight: var(--_weight-bold);
  }
  .number {
    display: block;
    margin-block-end: var(--_space-xs);
    color: var(--_number-color);
    font-size: var(--_size-sm);
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .title-text {
    display: block;
    font-size: var(--_title-size);
    line-height: 1.25;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  .body {
    grid-row: 2;
    display: grid;
    gap: var(--_space-sm);
    margin-block-start: var(--_space-sm);
  }
  .summary {
    margin: 0;
    /* Text from data keeps its own direction (English on an Arabic page). */
    unicode-bidi: plaintext;
    color: var(--_fg-muted);
    overflow-wrap: break-word;
  }

  .figures {
    grid-row: 4;
    display: grid;
    /* One column when narrow, up to --_columns when the card is wide: the tracks follow the card's
       own width (like a container query, without the size containment that would collapse a card
       sized by its content in a flex row). */
    grid-template-columns: repeat(
      auto-fit,
      minmax(min(100%, max(var(--_figure-min), (100% - (var(--_columns, 3) - 1) * var(--_gap)) / var(--_columns, 3))), 1fr)
    );
    gap: var(--_gap);
    margin: var(--_gap) 0 0;
    padding: var(--_gap) 0 0;
    border-block-start: 1px solid var(--_rule-color);
    list-style: none;
    /* The composed counters read the shared tokens: their figures take the objective's accent. */
    --iom-color-primary: var(--_figure-color);
    --iom-color-text: var(--_fg);
    --iom-color-text-muted: var(--_fg-muted);
    --iom-font-size-display: var(--_figure-size);
  }
  .figure {
    min-inline-size: 0;
  }
  .figure > stat-counter {
    block-size: 100%;
  }

  .foot {
    grid-row: 5;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-sm) var(--_gap);
    margin-block-start: var(--_gap);
  }
  .link {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_link-color);
    font-weight: var(--_weight-bold);
    text-decoration: underline;
    text-decoration-thickness: 0.08em;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    text-decoration-thickness: 0.15em;
  }
  .arrow {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
  }
  :host(:dir(rtl)) .arrow {
    transform: scaleX(-1);
  }
  .footer {
    display: contents;
  }
  .source,
  .download {
    flex-basis: 100%;
    margin: 0;
    color: var(--_fg-muted);
    font-size: var(--_size-sm);
  }
  .source a {
    color: inherit;
  }
  .is-empty {
    display: none;
  }

  /* Loading: the card's frame with grey blocks where the heading, summary and figures will be. */
  .skeleton.card {
    gap: var(--_space-sm);
    min-block-size: 14em;
    grid-template-rows: none;
  }
  .skeleton .skeleton-number {
    inline-size: 30%;
  }
  .skeleton .skeleton-title {
    block-size: 1.5em;
    inline-size: 85%;
  }
  .skeleton-figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_figure-min)), 1fr));
    gap: var(--_gap);
    margin-block-start: var(--_gap);
  }
  .skeleton .skeleton-figure {
    block-size: 3.5em;
    inline-size: 100%;
  }

  @media print {
    .card {
      break-inside: avoid;
      box-shadow: none;
    }
  }
`;
