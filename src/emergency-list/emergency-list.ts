import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { oneOf, wholeNumber, type AttributeRule } from '../base/attributes.js';
import { emit } from '../base/events.js';
import { isHeadingLevel } from '../base/heading.js';
import { IomElement } from '../base/iom-element.js';
import { PrintController } from '../base/print.js';
import { renderSource } from '../base/source-line.js';
import { lazySpec, type SpecLoader } from '../data/data-spec.js';
import { formatNumber } from '../i18n/format.js';
import type { EmergencyListData } from './emergency-list.data.js';
import { styles } from './emergency-list.styles.js';
import {
  EMERGENCY_FILTERS,
  EMERGENCY_SORTS,
  filterWords,
  modelFor,
  offeredFilters,
  offeredSorts,
  parseFilters,
  parseSort,
  searchTokens,
  viewOf,
  type EmergencyFilter,
  type EmergencySort,
  type Entry,
  type View,
} from './model.js';
import { KeptItems } from './kept-items.js';
import { ProgressiveList } from './progressive.js';
import { RevealItems } from './reveal.js';
import { controlsTemplate, countText, itemTemplate, titleTemplate } from './templates.js';

const loadSpec = lazySpec(() => import('./emergency-list.spec.js').then((m) => m.spec));

export { EMERGENCY_FILTERS, EMERGENCY_SORTS, type EmergencyFilter, type EmergencySort } from './model.js';

/** Detail of `iom-filter-change`. */
export interface EmergencyFilterChangeDetail {
  /** The search text as typed (empty when none). */
  query: string;
  /** The chosen value of each filter menu; an empty string means "all". */
  filters: Record<EmergencyFilter, string>;
  /** The order in force; an empty string is the data's own order. */
  sort: EmergencySort | '';
  /** How many emergencies match the search and filters (the "6" of "6 of 10 emergencies"). */
  visible: number;
  /** How many are on screen: `visible`, or fewer under `limit` until "Show all" is pressed. */
  shown: number;
  /** How many emergencies the data has. */
  total: number;
}

const NO_FILTERS: Record<EmergencyFilter, string> = { region: '', level: '', type: '' };
/**
 * Lists with more matches than this let the browser skip the layout and paint of the items off
 * screen (`content-visibility: auto`, the `long` class) until they are all in, which halves the
 * first render of a list of 100; then reveal.ts lays them out in idle time, so that a full-page
 * capture drawn beyond the viewport (puppeteer's `fullPage`) paints them (BENCHMARKS.md, "Long
 * lists in full-page captures").
 */
const SKIPPABLE_LIST = 20;
/**
 * The same for a prerendered page, which a reader without JavaScript sees as it is, skipped items
 * and all (nothing lays them out later): only lists of more than 100, as before the reveal.
 */
const SKIPPABLE_PRERENDERED_LIST = 100;
/** Whether a list of `matches` lets the browser skip its items off screen (the `long` class). */
const skipsItems = (matches: number) => matches > (isServer ? SKIPPABLE_PRERENDERED_LIST : SKIPPABLE_LIST);

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
  layout: 'list' | 'grid' = 'list';

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
  @property({ type: Number })
  limit?: number;

  /** Level (1 to 6) of the heading of each emergency, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 3;

  @state() private query = '';
  @state() private chosen: Record<EmergencyFilter, string> = NO_FILTERS;
  @state() private userSort?: EmergencySort | '';
  @state() private expanded = false;
  @state() private announcement = '';

  private announceTimer?: ReturnType<typeof setTimeout>;
  private readonly items = new KeptItems<Entry>(this);
  // A printout gets every emergency, not only the first `limit`, all at once.
  private readonly print = new PrintController(this);
  // After the data controller (added by the base class): it decides from the data of this update.
  private readonly progressive = new ProgressiveList(this, () => {
    const data = this.shownData;
    if (!data) return undefined;
    const view = this.viewFor(data);
    return { results: view, cap: this.capFor(view), progressive: !this.print.printing };
  });

  constructor() {
    super();
    // Once a long list is all in, its skipped items are laid out in idle time, for captures.
    new RevealItems(this, () => {
      const data = this.shownData;
      if (!data || this.status !== 'ready') return undefined;
      // The items on screen are the progressive list's count of this update (at most the cap).
      return { count: this.progressive.count, skipping: skipsItems(this.viewFor(data).matches.length), complete: !this.progressive.filling };
    });
  }

  protected dataSpec(): SpecLoader<EmergencyListData> {
    return loadSpec;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new `sort` from the page replaces the reader's choice.
    if (changed.has('sort')) this.userSort = undefined;
  }

  protected override attributeRules(): AttributeRule[] {
    const unknown = filterWords(this.filters).filter((word) => !(EMERGENCY_FILTERS as readonly string[]).includes(word));
    return [
      oneOf('layout', this.layout, ['list', 'grid'], 'showing a list'),
      oneOf('sort', this.sort, EMERGENCY_SORTS, "showing the data's order"),
      {
        attribute: 'filters',
        value: this.filters,
        valid: unknown.length === 0,
        expected: `words from ${EMERGENCY_FILTERS.join(', ')}`,
        fallback: `leaving out ${unknown.join(', ')}`,
      },
      wholeNumber('limit', this.limit, 1, Infinity, 'showing every emergency'),
      wholeNumber('heading-level', this.headingLevel, 1, 6, 'using 3'),
    ];
  }

  /** The order in force: the reader's choice in the sort menu, else `sort`. */
  private get currentSort(): EmergencySort | '' {
    return this.userSort ?? parseSort(this.sort);
  }

  private get level(): number {
    return isHeadingLevel(this.headingLevel) ? this.headingLevel : 3;
  }

  private get limitCount(): number | undefined {
    const n = Number(this.limit);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  /** The filter menus to show: asked for in `filters`, and with at least two values in the data. */
  private shownFilters(data: EmergencyListData): EmergencyFilter[] {
    return offeredFilters(modelFor(data, this.activeLocale), parseFilters(this.filters));
  }

  /** What the search, filters and sort in force leave of `data` (memoised in the model module). */
  private viewFor(data: EmergencyListData): View {
    const chosen = Object.fromEntries(this.shownFilters(data).map((key) => [key, this.chosen[key]]));
    return viewOf(modelFor(data, this.activeLocale), this.currentSort, chosen, this.searchable ? searchTokens(this.query) : []);
  }

  /** How many of the matches belong on screen: all of them, or `limit` until "Show all" (not in print). */
  private capFor(view: View): number {
    const limit = this.print.printing ? undefined : this.limitCount;
    return limit && !this.expanded ? Math.min(limit, view.matches.length) : view.matches.length;
  }

  // ---- Reader actions ----

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.changed(700);
  };

  // Escape empties the search in every browser (Chromium does it natively for type=search, others do not).
  private readonly onSearchKey = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Escape' || input.value === '') return;
    event.preventDefault();
    input.value = '';
    this.query = '';
    this.changed(150);
  };

  private readonly onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.chosen = { ...this.chosen, [select.dataset.filter as EmergencyFilter]: select.value };
    this.changed(150);
  };

  private readonly onSort = (event: Event): void => {
    this.userSort = (event.target as HTMLSelectElement).value as EmergencySort | '';
    this.changed(150);
  };

  private async toggleMore(): Promise<void> {
    this.expanded = !this.expanded;
    // "Show all": take the reader to the first emergency that was hidden, as "load more" patterns do.
    // "Show fewer": focus stays on the button.
    if (!this.expanded) return;
    const first = this.limitCount;
    await this.updateComplete;
    const item = first === undefined ? undefined : this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[first];
    if (!item) return;
    item.tabIndex = -1;
    item.addEventListener('blur', () => item.removeAttribute('tabindex'), { once: true });
    item.focus();
  }

  /** Clears the search and every filter (the sort stays), then puts focus on the first control. */
  private async clearFilters(): Promise<void> {
    this.query = '';
    this.chosen = NO_FILTERS;
    this.changed(150);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.controls input, .controls select')?.focus();
  }

  /**
   * After a change: fire `iom-filter-change` now, and announce the count politely once the reader
   * pauses (typing gets a longer pause, so a screen reader is not interrupted at every key).
   */
  private changed(announceAfter: number): void {
    const data = this.shownData;
    if (!data) return;
    const view = this.viewFor(data);
    const limit = this.limitCount;
    const visible = view.matches.length;
    emit<EmergencyFilterChangeDetail>(this, 'iom-filter-change', {
      query: this.searchable ? this.query : '',
      filters: { ...NO_FILTERS, ...Object.fromEntries(this.shownFilters(data).map((k) => [k, this.chosen[k]])) },
      sort: this.currentSort,
      visible,
      shown: limit && !this.expanded ? Math.min(limit, visible) : visible,
      total: view.model.entries.length,
    });
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const now = this.shownData;
      if (!now) return;
      const text = countText(this.viewFor(now));
      // The same words twice in a row are not read again by screen readers: vary them invisibly.
      this.announcement = text === this.announcement.trim() ? `${text}\u00a0` : text;
    }, announceAfter);
  }

  // ---- Rendering ----

  protected override renderSkeleton(): TemplateResult {
    const lines = Math.min(this.limitCount ?? 5, 8) * 2;
    return super.renderSkeleton(lines);
  }

  protected renderReady(data: EmergencyListData): TemplateResult {
    const view = this.viewFor(data);
    const { model, matches } = view;
    const locale = model.locale;
    const cap = this.capFor(view);
    // The server renders the whole list at once; the browser progressively (see progressive.ts).
    const count = isServer ? cap : Math.min(cap, this.progressive.count);
    const shown = count < matches.length ? matches.slice(0, count) : matches;
    const level = this.level;
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
    const limit = this.print.printing ? undefined : this.limitCount;

    return html`${titleTemplate(data, locale)} ${controls}
      ${controls === nothing
        ? nothing
        : html`<p part="count" class="count">${countText(view)}</p>
            <div class="visually-hidden" role="status">${this.announcement}</div>`}
      ${matches.length === 0
        ? html`<div part="no-match" class="no-match">
            <p>${this.t('emergencyListNoMatch')}</p>
            <button part="clear" type="button" @click=${this.clearFilters}>${this.t('emergencyListClear')}</button>
          </div>`
        : html`<ul part="list" class=${skipsItems(matches.length) ? 'list long' : 'list'} aria-label=${data.title ?? this.t('emergencyListLabel')}>
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
      ${limit && matches.length > limit
        ? html`<button part="more" class="more" type="button" @click=${this.toggleMore}>
            ${this.expanded ? this.t('showFewer') : this.t('showAll', { count: formatNumber(matches.length, locale) })}
          </button>`
        : nothing}
      ${data.source || model.sharedSource ? renderSource((data.source ?? model.sharedSource)!, locale) : nothing}`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-filter-change': CustomEvent<EmergencyFilterChangeDetail>;
  }
}
