import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Table } from '../base/download.js';
import { IomElement } from '../base/iom-element.js';
import { numberAttribute, type OptionValue } from '../base/options.js';
import { PrintController } from '../base/print.js';
import { ShowMore } from '../base/show-more.js';
import { renderSource } from '../base/source-line.js';
import { skeleton } from '../base/state-views.js';
import { shownData } from '../data/data-state.js';
import type { Reader } from '../data/load-reader.js';
import type { EmergencyListData } from './emergency-list.data.js';
import { styles } from './emergency-list.styles.js';
import { PoliteAnnouncer } from './announcer.js';
import { KeptItems } from './kept-items.js';
import { NO_FILTERS, modelFor, offeredFilters, offeredSorts, searchTokens, viewOf, type EmergencyFilter, type EmergencySort, type Entry, type View } from './model.js';
import { FILTERS, HEADING_LEVEL, LAYOUT, LIMIT, SORT, type EmergencyFilterChangeDetail, type EmergencyLayout } from './options.js';
import { ProgressiveList } from './progressive.js';
import { controlsTemplate, countText, emergencyTable, itemTemplate, noMatchTemplate, titleTemplate } from './templates.js';

export { EMERGENCY_FILTERS, EMERGENCY_SORTS, type EmergencyFilter, type EmergencySort } from './model.js';
export { EMERGENCY_LAYOUTS, type EmergencyFilterChangeDetail, type EmergencyLayout } from './options.js';

/** How long the count waits after the reader's last change before it is announced: longer while typing. */
const TYPING_PAUSE = 700;
const CHOICE_PAUSE = 150;

/**
 * A list of the emergencies IOM responds to, as rows or cards, with optional search, filters, sort
 * menu and "Show all". Works from names alone and shows level, region, people figures and funding
 * as the data provides them.
 *
 * @summary IOM's ongoing emergencies: searchable, filterable, sortable, honest about missing figures.
 *
 * @slot - A `<script type="application/json">` with the data (the easiest way in a CMS).
 * @slot fallback - Plain content shown while the element is not defined (no script, or before it loads) and hidden once it is: the figures as text, for readers that run no script. `iom-widgets prerender` writes it.
 *
 * @csspart base - The wrapper of every state.
 * @csspart title - The data's title and date line.
 * @csspart controls - The row of search, filter and sort controls.
 * @csspart search - The search input.
 * @csspart filter - Each filter menu (a select).
 * @csspart sort - The sort menu (a select).
 * @csspart count - The visible "6 of 10 emergencies" line.
 * @csspart list - The list of emergencies.
 * @csspart item - One emergency.
 * @csspart name - The emergency's name (a heading).
 * @csspart link - The link on the name, when the emergency has a safe `url`.
 * @csspart badge - The level badge.
 * @csspart figures - The people figures of one emergency.
 * @csspart funding - The funding block (bar and text).
 * @csspart meter - The funding bar (role meter).
 * @csspart summary - The emergency's summary.
 * @csspart no-match - The message shown when nothing matches the search and filters.
 * @csspart clear - The "Clear filters" button.
 * @csspart more - The "Show all N" / "Show fewer" button.
 * @csspart source - The source line of the list.
 * @csspart empty - The message shown when the data has no emergencies.
 * @csspart error - The error box.
 * @csspart retry - The Retry button of the error box.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --iom-emergency-list-level-3-color - Badge colour of L3 (default: the danger token).
 * @cssprop --iom-emergency-list-level-2-color - Badge colour of L2 (default: the warning token).
 * @cssprop --iom-emergency-list-level-1-color - Badge colour of L1 (default: the primary token).
 * @cssprop --iom-emergency-list-level-other-color - Badge colour of other categories, such as "Significant crisis response" (default: muted text).
 * @cssprop --iom-emergency-list-badge-text-color - Text colour on badges (default: on-primary).
 * @cssprop --iom-emergency-list-bar-color - Funding bar fill (default: primary).
 * @cssprop --iom-emergency-list-bar-track-color - Funding bar track (default: surface-alt).
 * @cssprop --iom-emergency-list-bar-height - Funding bar thickness (default: 0.5em).
 * @cssprop --iom-emergency-list-card-min-width - Narrowest card in the grid layout before it reflows (default: 16em).
 * @cssprop --iom-emergency-list-card-background - Card background in the grid layout (default: surface).
 * @cssprop --iom-emergency-list-gap - Space between cards (default: the space token).
 * @cssprop --iom-emergency-list-name-size - Font size of the names (default: 1.125em).
 *
 * @fires iom-filter-change - The reader changed the search, a filter or the sort. Detail: `{ query, filters, sort, visible, shown, total }`.
 * @fires iom-load - The data loaded and is valid. Detail: the data.
 * @fires iom-error - The data could not be loaded or is invalid. Detail: `{ message, kind, cause }`.
 */
export class EmergencyList extends IomElement<EmergencyListData> {
  static override styles = [...IomElement.styles, styles];

  /** `list` (rows) or `grid` (cards, one column on a phone, more as the width allows). */
  @property({ reflect: true })
  layout: EmergencyLayout = 'list';

  /** Shows a search box that filters by name, country, region, level, type and summary. */
  @property({ type: Boolean, reflect: true })
  searchable = false;

  /** Space-separated filter menus to offer, built from the data: `region`, `level`, `type`. */
  @property()
  filters = '';

  /** Initial order: `name`, `level`, `people`, `funding-gap` or `updated`. Without it, the data's order. */
  @property()
  sort = '';

  /** Shows a "Sort by" menu with the orders the data supports. */
  @property({ type: Boolean, reflect: true })
  sortable = false;

  /** Shows at most this many emergencies, with a "Show all N" button for the rest. */
  @property({ converter: numberAttribute })
  limit?: number;

  /** Level (1 to 6) of the heading of each emergency, to fit the page's outline. */
  @property({ attribute: 'heading-level', converter: numberAttribute })
  headingLevel = 3;

  @state() private query = '';
  @state() private chosen: Readonly<Record<EmergencyFilter, string>> = NO_FILTERS;
  @state() private userSort?: EmergencySort | '';
  private readonly items = new KeptItems<Entry>(this);
  private readonly announcer = new PoliteAnnouncer(this);
  // A printout gets every emergency, not only the first `limit`, all at once (rendered within the print event).
  private readonly print = new PrintController(this, () => this.performUpdate());
  private readonly more = new ShowMore(this, () => this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[LIMIT.value(this.limit) ?? 0]);
  private readonly progressive = new ProgressiveList(this, () => {
    const data = shownData(this.state);
    if (!data) return undefined;
    const view = this.viewFor(data);
    return { results: view, cap: this.capFor(view), progressive: !this.print.printing };
  });

  protected dataShape(reader: Reader) {
    return reader.shapes.emergencyList;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new `sort` from the page replaces the reader's choice.
    if (changed.has('sort')) this.userSort = undefined;
  }

  protected override options(): OptionValue[] {
    return [
      [LAYOUT, this.layout],
      [SORT, this.sort],
      [FILTERS, this.filters],
      [LIMIT, this.limit],
      [HEADING_LEVEL, this.headingLevel],
    ];
  }

  /** The order in force: the reader's choice in the sort menu, else `sort`. */
  private get currentSort(): EmergencySort | '' {
    return this.userSort ?? SORT.value(this.sort);
  }

  /** The filter menus to show: asked for in `filters`, and with at least two values in the data. */
  private shownFilters(data: EmergencyListData): EmergencyFilter[] {
    return offeredFilters(modelFor(data, this.i18n.locale), FILTERS.value(this.filters));
  }

  /** What the search, filters and sort in force leave of `data` (memoised in the model module). */
  private viewFor(data: EmergencyListData): View {
    const chosen = Object.fromEntries(this.shownFilters(data).map((key) => [key, this.chosen[key]]));
    return viewOf(modelFor(data, this.i18n.locale), this.currentSort, chosen, this.searchable ? searchTokens(this.query) : []);
  }

  /** How many of the matches belong on screen: all of them, or `limit` until "Show all" (not in print). */
  private capFor(view: View): number {
    const limit = this.print.printing ? undefined : LIMIT.value(this.limit);
    return limit && !this.more.expanded ? Math.min(limit, view.matches.length) : view.matches.length;
  }

  // ---- Reader actions ----

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.changed(TYPING_PAUSE);
  };

  // Escape empties the search in every browser (Chromium does it natively for type=search, others do not).
  private readonly onSearchKey = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Escape' || input.value === '') return;
    event.preventDefault();
    input.value = '';
    this.query = '';
    this.changed(CHOICE_PAUSE);
  };

  private readonly onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.chosen = { ...this.chosen, [select.dataset.filter as EmergencyFilter]: select.value };
    this.changed(CHOICE_PAUSE);
  };

  private readonly onSort = (event: Event): void => {
    this.userSort = (event.target as HTMLSelectElement).value as EmergencySort | '';
    this.changed(CHOICE_PAUSE);
  };

  /** Clears the search and every filter (the sort stays), then puts focus on the first control. */
  private readonly clearFilters = async (): Promise<void> => {
    this.query = '';
    this.chosen = NO_FILTERS;
    this.changed(CHOICE_PAUSE);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="controls"] :is(input, select)')?.focus();
  };

  /**
   * After a change: fire `iom-filter-change` now, and announce the count politely once the reader
   * pauses (typing gets a longer pause, so a screen reader is not interrupted at every key).
   */
  private changed(pause: number): void {
    const data = shownData(this.state);
    if (!data) return;
    const view = this.viewFor(data);
    const visible = view.matches.length;
    this.emit<EmergencyFilterChangeDetail>('iom-filter-change', {
      query: this.searchable ? this.query : '',
      filters: { ...NO_FILTERS, ...Object.fromEntries(this.shownFilters(data).map((k) => [k, this.chosen[k]])) },
      sort: this.currentSort,
      visible,
      shown: this.capFor(view),
      total: view.model.entries.length,
    });
    this.announcer.after(pause, () => {
      const now = shownData(this.state);
      return now && countText(this.viewFor(now));
    });
  }

  // ---- Rendering ----

  protected override renderSkeleton(): TemplateResult {
    return skeleton(this.i18n.loadingLabel, Math.min(LIMIT.value(this.limit) ?? 5, 8) * 2);
  }

  protected downloadData(data: EmergencyListData): [object, () => Table] {
    return [data, () => emergencyTable(data)];
  }

  protected renderReady(data: EmergencyListData): TemplateResult {
    const view = this.viewFor(data);
    const { model, matches } = view;
    const locale = model.locale;
    const cap = this.capFor(view);
    // The server renders the whole list at once; the browser progressively (see progressive.ts).
    const count = isServer ? cap : Math.min(cap, this.progressive.count);
    const shown = count < matches.length ? matches.slice(0, count) : matches;
    const level = HEADING_LEVEL.value(this.headingLevel);
    const withSource = !model.sharedSource;
    const sort = this.currentSort;
    const controls = controlsTemplate({
      model,
      searchable: this.searchable,
      query: this.query,
      filters: this.shownFilters(data),
      chosen: this.chosen,
      sorts: this.sortable ? offeredSorts(model, sort) : [],
      sort,
      onSearch: this.onSearch,
      onSearchKey: this.onSearchKey,
      onFilter: this.onFilter,
      onSort: this.onSort,
    });
    const limit = this.print.printing ? undefined : LIMIT.value(this.limit);

    return html`${titleTemplate(data, locale)} ${controls}
      ${controls === nothing
        ? nothing
        : html`<p part="count" class="count" data-fallback="omit">${countText(view)}</p>
            ${this.announcer.region()}`}
      ${matches.length === 0
        ? noMatchTemplate(locale, this.clearFilters)
        : html`<ul part="list" class="list" aria-label=${data.title ?? this.i18n.t('emergencyListLabel')}>
            ${repeat(
              shown,
              (entry) => entry.index,
              // Keyed: a sort or filter moves the items' nodes. An item that was shown before comes back
              // as it was built (in the browser; the server has nothing to keep).
              (entry) => {
                const item = () => html`<li part="item" class="item">${itemTemplate(entry, level, locale, withSource)}</li>`;
                return isServer ? item() : this.items.node(entry, [level, locale, withSource], item);
              },
            )}
          </ul>`}
      ${limit && matches.length > limit ? this.more.button(matches.length, locale) : nothing}
      ${data.source || model.sharedSource ? renderSource((data.source ?? model.sharedSource)!, locale) : nothing}`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-filter-change': CustomEvent<EmergencyFilterChangeDetail>;
  }
}
