import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../base/css-props.js';
import { heading } from '../base/heading.js';
import { IomElement } from '../base/iom-element.js';
import { choice, numberAttribute, wholeNumber, type OptionValue } from '../base/options.js';
import { filledSlots, serverContext, showsContent } from '../base/server-context.js';
import { SOURCE_COLUMNS, sourceCells, type Table } from '../base/download.js';
import { citeOnce, renderSource } from '../base/source-line.js';
import type { Reader } from '../data/load-reader.js';
import { safeUrl } from '../data/safe-url.js';
import { formatNumber } from '../i18n/format.js';
import type { StatCounterData } from '../stat-counter/stat-counter.data.js';
import type { ObjectiveCardData } from './objective-card.data.js';
import { objectiveCardStyles } from './objective-card.styles.js';
import { objectiveCardVariants } from './variants.styles.js';

export const OBJECTIVE_CARD_VARIANTS = ['card', 'plain', 'banner'] as const;
export type ObjectiveCardVariant = (typeof OBJECTIVE_CARD_VARIANTS)[number];

/** The objectives that have an accent token (`--iom-objective-1` … `-3`). */
export const OBJECTIVE_ACCENTS = ['1', '2', '3'] as const;
export type ObjectiveAccent = (typeof OBJECTIVE_ACCENTS)[number];

const HEADING_LEVEL = wholeNumber('heading-level', 1, 6, 3, 'using 3');
const COLUMNS = wholeNumber('columns', 1, 6, 3, 'using 3');
const VARIANT = choice('variant', OBJECTIVE_CARD_VARIANTS, 'card', 'showing a card');
const ACCENT = choice('accent', OBJECTIVE_ACCENTS, undefined, "using the objective's own accent");

/** Whether a slot holds something to show (an inline JSON script or whitespace does not count). */
function hasContent(slot: HTMLSlotElement): boolean {
  return slot.assignedNodes({ flatten: true }).some(showsContent);
}

/** The counters' own load events stay inside: a page listening to the card hears the card's `iom-load` only. */
function stopInnerLoad(event: Event): void {
  event.stopPropagation();
}

/**
 * One of IOM's strategic objectives as a card: its number and title as a heading, its summary,
 * its key figures (each one a `<stat-counter>`), and a "Learn more" link.
 *
 * @summary A strategic objective with its summary, key figures and a link, as a card, an inline block or a banner.
 *
 * @slot icon - A pictogram shown beside the heading (an `<img>` or `<svg>`; `currentColor` takes the accent).
 * @slot - Extra content shown under the summary.
 * @slot footer - Actions or notes shown at the bottom, beside the link.
 * @slot fallback - Plain content shown while the element is not defined (no script, or before it loads) and hidden once it is: the figures as text, for readers that run no script. `iom-widgets prerender` writes it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart card - The card itself (background, border, padding).
 * @csspart icon - The box around the `icon` slot.
 * @csspart title - The heading (holds the number and the title).
 * @csspart number - "Objective 1", above the title.
 * @csspart summary - The summary paragraph.
 * @csspart figures - The list of figures.
 * @csspart figure - One item of the list of figures (holds a `<stat-counter>`).
 * @csspart link - The "Learn more" link.
 * @csspart footer - The bottom row (link, `footer` slot and source).
 * @csspart source - The source line.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error box.
 * @csspart retry - The Retry button in the error box.
 *
 * @cssprop --iom-objective-1 - Accent of objective 1 (global token; default IOM blue `#0033a0`, dark `#8fb3ff`).
 * @cssprop --iom-objective-2 - Accent of objective 2 (global token; default `#0e6b5c`, dark `#6fd3c1`).
 * @cssprop --iom-objective-3 - Accent of objective 3 (global token; default `#8c3b00`, dark `#ffb27a`).
 * @cssprop --iom-objective-card-accent - Accent of this card, whatever its number (default: the objective's token).
 * @cssprop --iom-objective-card-on-accent - Text colour on the accent, used by the banner (default: `--iom-color-on-primary`).
 * @cssprop --iom-objective-card-background - Background (default: surface; plain: transparent; banner: the accent).
 * @cssprop --iom-objective-card-color - Text colour (default: `--iom-color-text`; banner: on-accent).
 * @cssprop --iom-objective-card-border-color - Border colour of the card variant (default: `--iom-color-border`).
 * @cssprop --iom-objective-card-shadow - Box shadow of the card (default: none).
 * @cssprop --iom-objective-card-padding - Inner padding (default: 1.25 × `--iom-space`).
 * @cssprop --iom-objective-card-radius - Corner radius (default: `--iom-radius`).
 * @cssprop --iom-objective-card-bar-size - Thickness of the accent bar (default: 0.375em).
 * @cssprop --iom-objective-card-gap - Space between the card's blocks and between figures (default: `--iom-space`).
 * @cssprop --iom-objective-card-number-color - Colour of "Objective 1" (default: the accent).
 * @cssprop --iom-objective-card-title-color - Colour of the title (default: the text colour).
 * @cssprop --iom-objective-card-title-size - Font size of the title (default: `--iom-font-size-large`; banner: 1.6em).
 * @cssprop --iom-objective-card-link-color - Colour of the link (default: the accent).
 * @cssprop --iom-objective-card-icon-size - Width of the icon (default: 3em).
 * @cssprop --iom-objective-card-figure-min-width - Narrowest a figure column gets before the figures wrap to fewer columns (default: 11em).
 * @cssprop --iom-objective-card-figure-size - Font size of the figures' numbers (default: 1.75em; banner: 2.25em).
 *
 * @fires iom-load - The data loaded and is valid. `detail`: the data.
 * @fires iom-error - The data could not be loaded or is not valid. `detail`: `{ message, kind, cause }`.
 * @fires iom-count-end - A figure (a `<stat-counter>` inside) finished counting up. `detail`: `{ value }`.
 */
export class ObjectiveCard extends IomElement<ObjectiveCardData> {
  static override styles = [...IomElement.styles, objectiveCardStyles, objectiveCardVariants];

  /** Level of the heading that holds the number and title, 1 to 6 (`<h3>` by default): pick the one that fits the page's outline. */
  @property({ attribute: 'heading-level', converter: numberAttribute })
  headingLevel = 3;

  /** Most columns of figures on a wide card (1 to 6). Narrow cards (phones, cards in a row) show fewer, down to one. */
  @property({ converter: numberAttribute })
  columns = 3;

  /** Look: `card` (a box with an accent bar, for a row of cards), `plain` (an inline block with an accent rule) or `banner` (a wide header on the accent colour). */
  @property({ reflect: true })
  variant: ObjectiveCardVariant = 'card';

  /** Use the accent of objective 1, 2 or 3 whatever the card's number. By default the card's number picks it. */
  @property({ reflect: true })
  accent?: ObjectiveAccent;

  /** Share row tracks with the parent CSS grid, so headings, summaries and figures line up across a row of cards (each card spans 5 rows of the parent grid). */
  @property({ type: Boolean, reflect: true })
  subgrid = false;

  @state() private hasIcon = false;
  @state() private hasExtra = false;
  @state() private hasFooter = false;

  /** The figures as given to the counters, kept per data object so a re-render gives them the same objects. */
  private cited = new WeakMap<ObjectiveCardData, ReturnType<typeof citeOnce<StatCounterData>>>();

  protected dataShape(reader: Reader) {
    return reader.shapes.objectiveCard;
  }

  protected override options(): OptionValue[] {
    return [
      [HEADING_LEVEL, this.headingLevel],
      [COLUMNS, this.columns],
      [VARIANT, this.variant],
      [ACCENT, this.accent],
    ];
  }

  /** The accent in use: the `accent` attribute, else the card's number when it has an accent, else none (primary colour). */
  protected accentKey(data?: ObjectiveCardData): string | undefined {
    return ACCENT.value(this.accent) ?? ACCENT.value(data ? String(data.number) : undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The first render lays out the slots the page fills (slotchange comes only after it), so a
    // prerendered card and the card that takes it over have the same boxes.
    if (!this.hasUpdated) {
      const filled = isServer ? new Set(serverContext(this)?.filledSlots ?? []) : filledSlots(this);
      this.hasIcon = filled.has('icon');
      this.hasFooter = filled.has('footer');
      this.hasExtra = filled.has('');
    }
  }

  protected onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const filled = hasContent(slot);
    if (slot.name === 'icon') this.hasIcon = filled;
    else if (slot.name === 'footer') this.hasFooter = filled;
    else this.hasExtra = filled;
  }

  protected renderReady(data: ObjectiveCardData): TemplateResult {
    const locale = this.i18n.locale;
    const number = this.i18n.t('objectiveCardNumber', { number: formatNumber(data.number, locale) });
    let cited = this.cited.get(data);
    if (!cited) this.cited.set(data, (cited = citeOnce(data.figures ?? [], data.source)));
    const { items: figures, source } = cited;
    const href = safeUrl(data.url);
    const hasBody = !!data.summary || this.hasExtra;
    const hasFoot = !!href || this.hasFooter || source !== undefined || this.download;
    return html`<article class="card" part="card" data-accent=${this.accentKey(data) ?? nothing} aria-labelledby="title">
      <div class="head">
        <div class="icon ${this.hasIcon ? '' : 'is-empty'}" part="icon">
          <slot name="icon" @slotchange=${this.onSlotChange}></slot>
        </div>
        ${heading(
          HEADING_LEVEL.value(this.headingLevel),
          html`<span class="number" part="number">${number}</span><span class="visually-hidden">: </span><span class="title-text">${data.title}</span>`,
          { part: 'title', class: 'title', id: 'title' },
        )}
      </div>
      <div class="body ${hasBody ? '' : 'is-empty'}">
        ${data.summary ? html`<p class="summary" part="summary">${data.summary}</p>` : nothing}
        <slot @slotchange=${this.onSlotChange}></slot>
      </div>
      ${figures.length
        ? html`<ul class="figures" part="figures" aria-label=${this.i18n.t('objectiveCardFigures')} @iom-load=${stopInnerLoad} style=${cssProps({ '--_columns': String(COLUMNS.value(this.columns)) })}>
            ${figures.map((figure) => html`<li class="figure" part="figure"><stat-counter .data=${figure} .prerendered=${this.takeover.prerendered} .locale=${isServer || this.locale ? locale : undefined}></stat-counter></li>`)}
          </ul>`
        : nothing}
      <div class="foot ${hasFoot ? '' : 'is-empty'}" part="footer">
        ${href ? this.renderLink(href, data) : nothing}
        <div class="footer"><slot name="footer" @slotchange=${this.onSlotChange}></slot></div>
        ${source !== undefined ? renderSource(source, locale) : nothing} ${this.renderDownload()}
      </div>
    </article>`;
  }

  // "Get the data" in the card's foot, under its source: the card is the whole box, in a row of cards too.
  protected override downloadInside = true;

  protected downloadData(data: ObjectiveCardData): [object, () => Table] {
    const figures = data.figures ?? [];
    const row = (f?: (typeof figures)[number]) => [data.number, data.title, f?.label, f?.value, f?.unit, f?.year, ...sourceCells(f?.source ?? data.source)];
    return [data, () => [['objective', 'title', 'label', 'value', 'unit', 'year', ...SOURCE_COLUMNS], ...(figures.length ? figures.map(row) : [row()])]];
  }

  protected renderLink(href: string, data: ObjectiveCardData): TemplateResult {
    const label = data.linkLabel || this.i18n.t('objectiveCardLearnMore');
    // The accessible name carries the title ("Learn more about …") and starts with the visible words
    // (WCAG 2.5.3); a label that already names the objective is its own name.
    let name: string | undefined;
    if (!data.linkLabel) name = this.i18n.t('objectiveCardLearnMoreAbout', { title: data.title });
    else if (!data.linkLabel.toLocaleLowerCase().includes(data.title.toLocaleLowerCase())) {
      name = this.i18n.t('objectiveCardLinkAbout', { label: data.linkLabel, title: data.title });
    }
    return html`<a class="link" part="link" href=${href} aria-label=${name ?? nothing}
      >${label}<svg class="arrow" viewBox="0 0 16 16" aria-hidden="true" focusable="false"
        ><path d="M3 8h9M8.5 4l4 4-4 4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" /></svg
    ></a>`;
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="card skeleton" part="skeleton" role="status" aria-label=${this.i18n.loadingLabel ?? nothing} data-accent=${this.accentKey() ?? nothing}>
      <div class="skeleton-line skeleton-number"></div>
      <div class="skeleton-line skeleton-title"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-figures">
        ${Array.from({ length: Math.min(COLUMNS.value(this.columns), 3) }, () => html`<div class="skeleton-line skeleton-figure"></div>`)}
      </div>
    </div>`;
  }
}
