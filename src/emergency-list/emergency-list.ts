import { html, isServer, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '../base/css-props.js';
import { oneOf, wholeNumber, type AttributeRule } from '../base/attributes.js';
import { isHeadingLevel } from '../base/heading.js';
import { IomElement } from '../base/iom-element.js';
import type { DataSpec } from '../data/data-controller.js';
import { safeUrl } from '../data/safe-url.js';
import type { Source } from '../data/validate.js';
import { citeOnce, renderSource, sourceContent } from '../base/source-line.js';
import { formatCompact, formatCurrency, formatDate, formatNumber, formatPercent, listFormat } from '../i18n/format.js';
import { msg, plural, type StringKey } from '../i18n/strings.js';
import { EMERGENCY_HXL, EmergencyListSchema, type Emergency, type EmergencyListData } from './emergency-list.data.js';
import { styles } from './emergency-list.styles.js';

/** The orders `sort` accepts. Each has one natural direction; entries without the figure go last. */
export const EMERGENCY_SORTS = ['name', 'level', 'people', 'funding-gap', 'updated'] as const;
export type EmergencySort = (typeof EMERGENCY_SORTS)[number];

/** The fields `filters` can offer a menu for. */
export const EMERGENCY_FILTERS = ['region', 'level', 'type'] as const;
export type EmergencyFilter = (typeof EMERGENCY_FILTERS)[number];

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

/** One emergency with what searching, filtering and sorting need, computed once per data change. */
interface Entry {
  readonly e: Emergency;
  readonly index: number;
  /** Folded text of every searchable field. */
  readonly search: string;
  /** Level rank, higher is more severe; undefined without a level. */
  readonly rank?: number;
  readonly tone?: 'l3' | 'l2' | 'l1' | 'other';
  readonly people?: number;
  readonly gap?: number;
  readonly updated?: number;
  readonly values: Record<EmergencyFilter, string | undefined>;
  /** The rendered `<li>`, kept while the data, locale and heading level stay the same. */
  node?: HTMLLIElement;
  nodeLevel?: number;
}

/** Everything derived from one data value in one locale. */
interface Model {
  readonly data: EmergencyListData;
  readonly locale: string;
  readonly entries: Entry[];
  readonly options: Record<EmergencyFilter, string[]>;
  readonly has: Record<EmergencySort, boolean>;
  /** The entries in each order, each sorted once, the first time it is asked for. */
  order(sort: EmergencySort | ''): Entry[];
  /** The source every emergency names, when they all name the same one: shown once, under the list. */
  readonly sharedSource?: Source;
}

interface View {
  readonly key: string;
  readonly model: Model;
  readonly matches: Entry[];
}

// A real hN per level, picked from a static map: Lit templates cannot have a dynamic tag name.
const HEADINGS: Record<number, (content: unknown) => TemplateResult> = {
  1: (c) => html`<h1 part="name" class="name">${c}</h1>`,
  2: (c) => html`<h2 part="name" class="name">${c}</h2>`,
  3: (c) => html`<h3 part="name" class="name">${c}</h3>`,
  4: (c) => html`<h4 part="name" class="name">${c}</h4>`,
  5: (c) => html`<h5 part="name" class="name">${c}</h5>`,
  6: (c) => html`<h6 part="name" class="name">${c}</h6>`,
};

const SORT_LABELS: Record<EmergencySort | '', StringKey> = {
  '': 'emergencyListSortListed',
  name: 'emergencyListSortName',
  level: 'emergencyListSortLevel',
  people: 'emergencyListSortPeople',
  'funding-gap': 'emergencyListSortFundingGap',
  updated: 'emergencyListSortUpdated',
};

const FILTER_LABELS: Record<EmergencyFilter, [label: StringKey, all: StringKey]> = {
  region: ['emergencyListRegion', 'emergencyListAllRegions'],
  level: ['emergencyListLevel', 'emergencyListAllLevels'],
  type: ['emergencyListType', 'emergencyListAllTypes'],
};

const PEOPLE: [keyof Emergency, StringKey][] = [
  ['peopleAffected', 'emergencyListAffected'],
  ['peopleInNeed', 'emergencyListInNeed'],
  ['peopleTargeted', 'emergencyListTargeted'],
  ['peopleReached', 'emergencyListReached'],
];

const NO_FILTERS: Record<EmergencyFilter, string> = { region: '', level: '', type: '' };

// Long lists render progressively: the first FIRST_CHUNK items at once (more than a screen), the
// rest in chunks while the browser is idle, so a change answers within a frame or two and the
// whole list still ends up in the page (for screen readers, find-in-page, crawlers).
const LONG_LIST = 100;
const FIRST_CHUNK = 40;
/** Time to spend on each later chunk, in ms: the chunk size adapts to the device's speed. */
const CHUNK_BUDGET = 8;

const whenIdle: (callback: () => void) => () => void =
  typeof requestIdleCallback === 'function'
    ? (callback) => {
        const id = requestIdleCallback(callback, { timeout: 250 });
        return () => cancelIdleCallback(id);
      }
    : (callback) => {
        const id = setTimeout(callback, 16);
        return () => clearTimeout(id);
      };

/** Lower case, accents and other marks removed, so "turkiye" finds "TÜRKİYE" and "cote" finds "Côte". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ');
}

/** `L3`, `Level 2`, `L-1` → 3, 2, 1; anything else → undefined. */
function levelNumber(level: string): number | undefined {
  const m = /^(?:l|level)\s*-?\s*(\d{1,2})$/i.exec(level.trim());
  return m ? Number(m[1]) : undefined;
}

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

  private model?: Model;
  private view?: View;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private printing = false;
  /** Progressive rendering of a long list: how far it has got, for which view and cap. */
  private fill?: { view: View; cap: number; count: number };
  private lastShown = 0;
  private lastView?: View;
  private fillPending = false;
  private cancelFill?: () => void;
  private chunk = 60;

  protected dataSpec(): DataSpec<EmergencyListData> {
    return {
      schema: EmergencyListSchema,
      normalize: (raw) => (Array.isArray(raw) ? { emergencies: raw } : raw),
      hxl: { mapping: EMERGENCY_HXL, toData: (records) => ({ emergencies: records }) },
      isEmpty: (data) => data.emergencies.length === 0,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A long list that was still filling in when the element left the page carries on.
    if (this.fillPending) this.requestUpdate();
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    // Print media without a print dialog (PDF services, emulated print) fires no beforeprint.
    this.printQuery ??= globalThis.matchMedia?.('print');
    this.printQuery?.addEventListener('change', this.onPrintMedia);
    if (this.printQuery?.matches) this.onBeforePrint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.printQuery?.removeEventListener('change', this.onPrintMedia);
    clearTimeout(this.announceTimer);
    this.cancelFill?.();
    this.cancelFill = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.fillPending && !this.cancelFill) {
      this.cancelFill = whenIdle(async () => {
        this.cancelFill = undefined;
        if (!this.fill) return;
        const start = performance.now();
        this.fill.count += this.chunk;
        this.requestUpdate();
        await this.updateComplete;
        const spent = Math.max(1, performance.now() - start);
        this.chunk = Math.round(Math.min(500, Math.max(20, (this.chunk * CHUNK_BUDGET) / spent)));
      });
    }
  }

  // A printout gets every emergency, not only the first `limit`.
  private readonly onBeforePrint = (): void => {
    this.printing = true;
    this.requestUpdate();
  };

  private readonly onAfterPrint = (): void => {
    this.printing = false;
    this.requestUpdate();
  };

  private printQuery?: MediaQueryList;

  private readonly onPrintMedia = (event: MediaQueryListEvent): void => (event.matches ? this.onBeforePrint() : this.onAfterPrint());

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new `sort` from the page replaces the reader's choice.
    if (changed.has('sort')) this.userSort = undefined;
  }

  /** The order in force: the reader's choice in the sort menu, else `sort`. */
  private get currentSort(): EmergencySort | '' {
    if (this.userSort !== undefined) return this.userSort;
    // A removed attribute sets the property to null.
    const sort = (this.sort ?? '').trim();
    if (!sort) return '';
    return (EMERGENCY_SORTS as readonly string[]).includes(sort) ? (sort as EmergencySort) : '';
  }

  /** The filter menus asked for in `filters`. */
  private get requestedFilters(): EmergencyFilter[] {
    const out: EmergencyFilter[] = [];
    for (const word of (this.filters ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean)) {
      if ((EMERGENCY_FILTERS as readonly string[]).includes(word) && !out.includes(word as EmergencyFilter)) out.push(word as EmergencyFilter);
    }
    return out;
  }

  protected override attributeRules(): AttributeRule[] {
    const filters = (this.filters ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
    return [
      oneOf('layout', this.layout, ['list', 'grid'], 'showing a list'),
      oneOf('sort', this.sort, EMERGENCY_SORTS, "showing the data's order"),
      {
        attribute: 'filters',
        value: this.filters,
        valid: filters.every((word) => (EMERGENCY_FILTERS as readonly string[]).includes(word)),
        expected: `words from ${EMERGENCY_FILTERS.join(', ')}`,
        fallback: `leaving out ${filters.filter((word) => !(EMERGENCY_FILTERS as readonly string[]).includes(word)).join(', ')}`,
      },
      wholeNumber('limit', this.limit, 1, Infinity, 'showing every emergency'),
      wholeNumber('heading-level', this.headingLevel, 1, 6, 'using 3'),
    ];
  }

  private get level(): number {
    return isHeadingLevel(this.headingLevel) ? this.headingLevel : 3;
  }

  private get limitCount(): number | undefined {
    const n = Number(this.limit);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  // ---- Derived data (once per data change and locale, never per keystroke) ----

  private modelFor(data: EmergencyListData, locale: string): Model {
    if (this.model && this.model.data === data && this.model.locale === locale) return this.model;
    const categories = new Map<string, number>();
    const entries = data.emergencies.map((e, index): Entry => {
      let rank: number | undefined;
      let tone: Entry['tone'];
      if (e.level) {
        const n = levelNumber(e.level);
        if (n !== undefined) {
          rank = 1000 + n;
          tone = n >= 3 ? 'l3' : n === 2 ? 'l2' : n === 1 ? 'l1' : 'other';
        } else {
          // Response categories ("Significant crisis response") rank after numbered levels, in the order the data gives them.
          const key = foldText(e.level);
          if (!categories.has(key)) categories.set(key, categories.size);
          rank = 999 - categories.get(key)!;
          tone = 'other';
        }
      }
      const countries = ([] as string[]).concat(e.country ?? []);
      const iso3 = ([] as string[]).concat(e.iso3 ?? []);
      const search = foldText([e.name, ...countries, ...iso3, e.region, e.level, e.type, e.summary].filter(Boolean).join('\n'));
      const people = e.peopleAffected ?? e.peopleInNeed ?? e.peopleTargeted ?? e.peopleReached;
      const gap = e.appeal !== undefined && e.funded !== undefined && e.appeal > 0 ? Math.max(0, e.appeal - e.funded) : undefined;
      const updated = e.updated ? Date.parse(e.updated) : undefined;
      return {
        e,
        index,
        search,
        rank,
        tone,
        people,
        gap,
        updated: Number.isFinite(updated) ? updated : undefined,
        values: { region: e.region || undefined, level: e.level || undefined, type: e.type || undefined },
      };
    });

    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const distinct = (key: EmergencyFilter): string[] => {
      const seen = new Map<string, Entry>();
      for (const entry of entries) {
        const value = entry.values[key];
        if (value !== undefined && !seen.has(value)) seen.set(value, entry);
      }
      const values = [...seen.keys()];
      // Levels from most to least severe; other fields alphabetically.
      return key === 'level' ? values.sort((a, b) => seen.get(b)!.rank! - seen.get(a)!.rank!) : values.sort(collator.compare);
    };
    const options = { region: distinct('region'), level: distinct('level'), type: distinct('type') };

    // Numbers from largest to smallest, missing last; ties keep the data's order.
    const byNumber = (pick: (e: Entry) => number | undefined) =>
      [...entries].sort((a, b) => {
        const x = pick(a);
        const y = pick(b);
        if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? 1 : -1;
        return y - x || a.index - b.index;
      });
    const sorters: Record<EmergencySort, () => Entry[]> = {
      name: () => [...entries].sort((a, b) => collator.compare(a.e.name, b.e.name) || a.index - b.index),
      level: () => byNumber((x) => x.rank),
      people: () => byNumber((x) => x.people),
      'funding-gap': () => byNumber((x) => x.gap),
      updated: () => byNumber((x) => x.updated),
    };
    const orders = new Map<EmergencySort | '', Entry[]>([['', entries]]);
    const order = (sort: EmergencySort | ''): Entry[] => {
      let sorted = orders.get(sort);
      if (!sorted) orders.set(sort, (sorted = sorters[sort as EmergencySort]()));
      return sorted;
    };

    const has: Record<EmergencySort, boolean> = {
      name: true,
      level: entries.some((x) => x.rank !== undefined),
      people: entries.some((x) => x.people !== undefined),
      'funding-gap': entries.some((x) => x.gap !== undefined),
      updated: entries.some((x) => x.updated !== undefined),
    };

    const sharedSource = citeOnce(data.emergencies).source;

    this.model = { data, locale, entries, options, has, order, sharedSource };
    return this.model;
  }

  /** The filter menus to show: asked for, and with at least two values in the data. */
  private shownFilters(model: Model): EmergencyFilter[] {
    return this.requestedFilters.filter((key) => model.options[key].length >= 2);
  }

  private viewFor(model: Model): View {
    const sort = this.currentSort;
    const active = this.shownFilters(model);
    // A choice the current data no longer offers (the data changed) is ignored rather than hiding everything.
    const chosen = active.map((key) => [key, this.chosen[key]] as const).filter(([key, value]) => value !== '' && model.options[key].includes(value));
    const tokens = this.searchable ? foldText(this.query).trim().split(' ').filter(Boolean) : [];
    const key = JSON.stringify([sort, chosen, tokens]);
    if (this.view && this.view.model === model && this.view.key === key) return this.view;
    const ordered = model.order(sort);
    const matches =
      chosen.length === 0 && tokens.length === 0
        ? ordered
        : ordered.filter((entry) => chosen.every(([k, value]) => entry.values[k] === value) && tokens.every((t) => entry.search.includes(t)));
    this.view = { key, model, matches };
    return this.view;
  }

  private countText(view: View): string {
    const locale = view.model.locale;
    const total = view.model.entries.length;
    return plural(locale, 'emergencyListCount', total, { visible: formatNumber(view.matches.length, locale), total: formatNumber(total, locale) });
  }

  // ---- Reader actions ----

  private onSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.changed(700);
  }

  // Escape empties the search in every browser (Chromium does it natively for type=search, others do not).
  private onSearchKey(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key !== 'Escape' || input.value === '') return;
    event.preventDefault();
    input.value = '';
    this.query = '';
    this.changed(150);
  }

  private onFilter(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.chosen = { ...this.chosen, [select.dataset.filter as EmergencyFilter]: select.value };
    this.changed(150);
  }

  private onSort(event: Event): void {
    this.userSort = (event.target as HTMLSelectElement).value as EmergencySort | '';
    this.changed(150);
  }

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
    const model = this.model;
    if (!model) return;
    const view = this.viewFor(model);
    const limit = this.limitCount;
    const visible = view.matches.length;
    const detail: EmergencyFilterChangeDetail = {
      query: this.searchable ? this.query : '',
      filters: { ...NO_FILTERS, ...Object.fromEntries(this.shownFilters(model).map((k) => [k, this.chosen[k]])) },
      sort: this.currentSort,
      visible,
      shown: limit && !this.expanded ? Math.min(limit, visible) : visible,
      total: model.entries.length,
    };
    this.dispatchEvent(new CustomEvent('iom-filter-change', { detail, bubbles: true, composed: true }));
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (!this.model) return;
      const text = this.countText(this.viewFor(this.model));
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
    const locale = this.activeLocale;
    const model = this.modelFor(data, locale);
    const view = this.viewFor(model);
    const t = (key: StringKey, params?: Record<string, string | number>) => msg(locale, key, params);
    const limit = this.printing ? undefined : this.limitCount;
    const cap = limit && !this.expanded ? Math.min(limit, view.matches.length) : view.matches.length;
    let count = cap;
    if (!this.printing && cap > LONG_LIST) {
      if (this.fill?.view !== view || this.fill.cap !== cap) {
        // Same results, more room ("Show all"): keep what is on screen and add a chunk at once.
        const start = this.lastView === view ? this.lastShown + FIRST_CHUNK : FIRST_CHUNK;
        this.fill = { view, cap, count: start };
      }
      count = Math.min(cap, this.fill.count);
    }
    this.fillPending = count < cap;
    const shown = count < view.matches.length ? view.matches.slice(0, count) : view.matches;
    this.lastShown = shown.length;
    this.lastView = view;
    const level = this.level;
    const controls = this.renderControls(model, t);

    return html`${this.renderTitle(data, locale, t)} ${controls}
      ${controls === nothing
        ? nothing
        : html`<p part="count" class="count">${this.countText(view)}</p>
            <div class="visually-hidden" role="status">${this.announcement}</div>`}
      ${view.matches.length === 0
        ? html`<div part="no-match" class="no-match">
            <p>${t('emergencyListNoMatch')}</p>
            <button part="clear" type="button" @click=${this.clearFilters}>${t('emergencyListClear')}</button>
          </div>`
        : html`<ul part="list" class=${view.matches.length > LONG_LIST ? 'list long' : 'list'} aria-label=${data.title ?? t('emergencyListLabel')}>
            ${repeat(
              shown,
              (entry) => entry.index,
              // On the server (prerender) there are no nodes to keep: the same <li> as markup.
              (entry) =>
                isServer
                  ? html`<li part="item" class="item">${this.renderItem(entry, level, model.locale, !model.sharedSource)}</li>`
                  : this.itemNode(entry, level, model),
            )}
          </ul>`}
      ${limit && view.matches.length > limit
        ? html`<button part="more" class="more" type="button" @click=${this.toggleMore}>
            ${this.expanded ? t('showFewer') : t('showAll', { count: formatNumber(view.matches.length, locale) })}
          </button>`
        : nothing}
      ${data.source || model.sharedSource ? renderSource((data.source ?? model.sharedSource)!, locale) : nothing}`;
  }

  private renderTitle(data: EmergencyListData, locale: string, t: (key: StringKey, params?: Record<string, string>) => string) {
    const asOf =
      typeof data.asOf === 'string'
        ? t('emergencyListAsOf', { date: formatDate(data.asOf, locale, { dateStyle: 'long', timeZone: 'UTC' }) })
        : (data.asOf ?? data.year);
    if (!data.title && asOf === undefined) return nothing;
    return html`<p part="title" class="title">
      ${data.title ? html`<bdi>${data.title}</bdi>` : nothing} ${asOf !== undefined ? html`<span class="as-of">${String(asOf)}</span>` : nothing}
    </p>`;
  }

  private renderControls(model: Model, t: (key: StringKey) => string): TemplateResult | typeof nothing {
    const filters = this.shownFilters(model);
    const sorts = this.sortable ? (['', ...EMERGENCY_SORTS] as const).filter((s) => s === '' || model.has[s] || s === this.currentSort) : [];
    if (!this.searchable && filters.length === 0 && sorts.length === 0) return nothing;
    const sort = this.currentSort;
    return html`<div part="controls" class="controls">
      ${this.searchable
        ? html`<label class="control search"
            ><span class="control-label">${t('emergencyListSearch')}</span>
            <input part="search" type="search" autocomplete="off" spellcheck="false" .value=${live(this.query)} @input=${this.onSearch} @keydown=${this.onSearchKey}
          /></label>`
        : nothing}
      ${filters.map((key) => {
        const [label, all] = FILTER_LABELS[key];
        const current = this.chosen[key];
        return html`<label class="control"
          ><span class="control-label">${t(label)}</span>
          <select part="filter" data-filter=${key} @change=${this.onFilter}>
            <option value="" .selected=${current === ''}>${t(all)}</option>
            ${model.options[key].map((value) => html`<option value=${value} .selected=${current === value}>${value}</option>`)}
          </select></label
        >`;
      })}
      ${sorts.length
        ? html`<label class="control"
            ><span class="control-label">${t('emergencyListSort')}</span>
            <select part="sort" @change=${this.onSort}>
              ${sorts.map((s) => html`<option value=${s} .selected=${s === sort}>${t(SORT_LABELS[s])}</option>`)}
            </select></label
          >`
        : nothing}
    </div>`;
  }

  /**
   * One emergency's `<li>`, rendered once per data, locale and heading level, then moved rather
   * than rebuilt when the search, filters or sort change.
   */
  private itemNode(entry: Entry, level: number, model: Model): HTMLLIElement {
    if (entry.node && entry.nodeLevel === level) return entry.node;
    const li = entry.node ?? document.createElement('li');
    li.setAttribute('part', 'item');
    li.className = 'item';
    render(this.renderItem(entry, level, model.locale, !model.sharedSource), li, { host: this });
    entry.node = li;
    entry.nodeLevel = level;
    return li;
  }

  private renderItem(entry: Entry, level: number, locale: string, withSource: boolean): TemplateResult {
    const e = entry.e;
    const t = (key: StringKey, params?: Record<string, string>) => msg(locale, key, params);
    const href = safeUrl(e.url);
    const name = href ? html`<a part="link" href=${href}><bdi>${e.name}</bdi></a>` : html`<bdi>${e.name}</bdi>`;
    const countries = ([] as string[]).concat(e.country ?? []);
    const showCountries = countries.length > 0 && !(countries.length === 1 && foldText(countries[0]) === foldText(e.name));
    const figures = PEOPLE.filter(([key]) => e[key] !== undefined);
    const source = withSource ? e.source : undefined;
    const updated = e.updated ? t('emergencyListUpdated', { date: formatDate(e.updated, locale, { dateStyle: 'medium', timeZone: 'UTC' }) }) : undefined;

    return html`<div class="head">
        ${HEADINGS[level](name)}
        ${e.level
          ? html`<span part="badge" class="badge" data-tone=${entry.tone ?? 'other'}
              ><span class="visually-hidden">${t('emergencyListLevelIs')}</span><bdi>${e.level}</bdi></span
            >`
          : nothing}
      </div>
      ${showCountries ? html`<p class="countries"><bdi>${listFormat(locale, { type: 'unit' }).format(countries)}</bdi></p>` : nothing}
      ${e.region || e.type
        ? html`<p class="meta">
            ${e.region ? html`<span class="region"><bdi>${e.region}</bdi></span>` : nothing} ${e.type
              ? html`<span class="type"><bdi>${e.type}</bdi></span>`
              : nothing}
          </p>`
        : nothing}
      ${figures.length
        ? html`<dl part="figures" class="figures">
            ${figures.map(([key, label]) => html`<div class="figure"><dt>${t(label)}</dt> <dd>${formatCompact(e[key] as number, locale)}</dd></div>`)}
          </dl>`
        : nothing}
      ${this.renderFunding(e, locale, t)} ${e.summary ? html`<p part="summary" class="summary"><bdi>${e.summary}</bdi></p>` : nothing}
      ${updated || source
        ? html`<p class="foot">
            ${updated ? html`<span>${updated}</span>` : nothing} ${source ? html`<span>${sourceContent(source, locale)}</span>` : nothing}
          </p>`
        : nothing}`;
  }

  /** The funding bar and its words, only when both the appeal and the amount received are known. */
  private renderFunding(e: Emergency, locale: string, t: (key: StringKey, params?: Record<string, string>) => string) {
    if (e.appeal === undefined || e.funded === undefined || e.appeal <= 0) return nothing;
    const pct = (e.funded / e.appeal) * 100;
    // Whole percents, except where rounding would lie: 0.04 % is not "0%", 99.6 % is not "100%".
    const percent =
      pct > 0 && pct < 1
        ? formatNumber(pct / 100, locale, { style: 'percent', maximumSignificantDigits: 1 })
        : pct > 99 && pct < 100
          ? formatPercent(Math.floor(pct * 10) / 10, locale, 1)
          : formatPercent(Math.round(pct), locale);
    const line = t('emergencyListFundedPercent', { percent });
    const detail = t('emergencyListFundedOf', { funded: formatCurrency(e.funded, locale), appeal: formatCurrency(e.appeal, locale) });
    const now = Math.min(100, Math.round(pct * 10) / 10);
    return html`<div part="funding" class="funding">
      <div
        part="meter"
        class="meter"
        role="meter"
        aria-label=${t('emergencyListFunding')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${now}
        aria-valuetext=${line}
      >
        <div class="fill" style=${cssProps({ '--_pct': `${now}%` })}></div>
      </div>
      <p class="funding-text"><strong>${line}</strong> <span class="funding-detail">${detail}</span></p>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-filter-change': CustomEvent<EmergencyFilterChangeDetail>;
  }
}
