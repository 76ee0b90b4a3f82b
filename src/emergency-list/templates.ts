// The parts of <emergency-list> as templates: pure functions of what they show (an entry, the
// locale, the heading level…), with no state of the element, so an item renders the same
// wherever and whenever it is asked for (the element skips unchanged ones with `guard`).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { SOURCE_COLUMNS, sourceCells, type Table } from '../base/download.js';
import { cssProps } from '../base/css-props.js';
import { heading } from '../base/heading.js';
import { sourceContent } from '../base/source-line.js';
import { safeUrl } from '../data/safe-url.js';
import { formatCompact, formatCurrency, formatDate, formatNumber, formatPercent, listFormat } from '../i18n/format.js';
import { msg, plural, type WordKey } from '../i18n/words.js';
import type { Emergency, EmergencyListData } from './emergency-list.data.js';
import { foldText, type EmergencyFilter, type EmergencySort, type Entry, type Model, type View } from './model.js';

const SORT_LABELS: Record<EmergencySort | '', WordKey> = {
  '': 'emergencyListSortListed',
  name: 'emergencyListSortName',
  level: 'emergencyListSortLevel',
  people: 'emergencyListSortPeople',
  'funding-gap': 'emergencyListSortFundingGap',
  updated: 'emergencyListSortUpdated',
};

const FILTER_LABELS: Record<EmergencyFilter, [label: WordKey, all: WordKey]> = {
  region: ['emergencyListRegion', 'emergencyListAllRegions'],
  level: ['emergencyListLevel', 'emergencyListAllLevels'],
  type: ['emergencyListType', 'emergencyListAllTypes'],
};

const PEOPLE: [keyof Emergency, WordKey][] = [
  ['peopleAffected', 'emergencyListAffected'],
  ['peopleInNeed', 'emergencyListInNeed'],
  ['peopleTargeted', 'emergencyListTargeted'],
  ['peopleReached', 'emergencyListReached'],
];

/** "6 of 10 emergencies", in the plural the language needs. */
export function countText(view: View): string {
  const { locale, entries } = view.model;
  const total = entries.length;
  return plural(locale, 'emergencyListCount', total, { visible: formatNumber(view.matches.length, locale), total: formatNumber(total, locale) });
}

/** The data's title and date line, or nothing without either. */
export function titleTemplate(data: EmergencyListData, locale: string): TemplateResult | typeof nothing {
  const asOf =
    typeof data.asOf === 'string'
      ? msg(locale, 'emergencyListAsOf', { date: formatDate(data.asOf, locale, { dateStyle: 'long', timeZone: 'UTC' }) })
      : (data.asOf ?? data.year);
  if (!data.title && asOf === undefined) return nothing;
  return html`<p part="title" class="title">
    ${data.title ? html`<bdi>${data.title}</bdi>` : nothing} ${asOf !== undefined ? html`<span class="as-of">${String(asOf)}</span>` : nothing}
  </p>`;
}

/** The message when nothing matches the search and filters, and a button that clears them. */
export function noMatchTemplate(locale: string, onClear: () => void): TemplateResult {
  return html`<div part="no-match" class="no-match">
    <p>${msg(locale, 'emergencyListNoMatch')}</p>
    <button part="clear" type="button" @click=${onClear}>${msg(locale, 'emergencyListClear')}</button>
  </div>`;
}

/** What the row of controls shows and where the reader's changes go. */
export interface ControlsState {
  readonly model: Model;
  readonly searchable: boolean;
  readonly query: string;
  /** The filter menus on offer, and the value chosen in each (`''`: all). */
  readonly filters: readonly EmergencyFilter[];
  readonly chosen: Readonly<Record<EmergencyFilter, string>>;
  /** The orders the sort menu offers (none: no menu), and the one in force. */
  readonly sorts: readonly (EmergencySort | '')[];
  readonly sort: EmergencySort | '';
  readonly onSearch: (event: Event) => void;
  readonly onSearchKey: (event: KeyboardEvent) => void;
  readonly onFilter: (event: Event) => void;
  readonly onSort: (event: Event) => void;
}

/** The search box, filter menus and sort menu, or nothing when none is on offer. */
export function controlsTemplate(s: ControlsState): TemplateResult | typeof nothing {
  if (!s.searchable && s.filters.length === 0 && s.sorts.length === 0) return nothing;
  const t = (key: WordKey) => msg(s.model.locale, key);
  return html`<div part="controls" class="controls">
    ${s.searchable
      ? html`<label class="control search"
          ><span class="control-label">${t('emergencyListSearch')}</span>
          <input part="search" type="search" autocomplete="off" spellcheck="false" .value=${live(s.query)} @input=${s.onSearch} @keydown=${s.onSearchKey}
        /></label>`
      : nothing}
    ${s.filters.map((key) => {
      const [label, all] = FILTER_LABELS[key];
      const current = s.chosen[key];
      return html`<label class="control"
        ><span class="control-label">${t(label)}</span>
        <select part="filter" data-filter=${key} @change=${s.onFilter}>
          <option value="" .selected=${current === ''}>${t(all)}</option>
          ${s.model.options[key].map((value) => html`<option value=${value} .selected=${current === value}>${value}</option>`)}
        </select></label
      >`;
    })}
    ${s.sorts.length
      ? html`<label class="control"
          ><span class="control-label">${t('emergencyListSort')}</span>
          <select part="sort" @change=${s.onSort}>
            ${s.sorts.map((sort) => html`<option value=${sort} .selected=${sort === s.sort}>${t(SORT_LABELS[sort])}</option>`)}
          </select></label
        >`
      : nothing}
  </div>`;
}

/**
 * The content of one emergency's item: name (a heading of `level`), badge, countries, region and
 * type, people figures, funding, summary, and the update date and source (`withSource`: its own
 * source, when the list does not show one shared by all).
 */
export function itemTemplate(entry: Entry, level: number, locale: string, withSource: boolean): TemplateResult {
  const e = entry.e;
  const t = (key: WordKey, params?: Record<string, string>) => msg(locale, key, params);
  const href = safeUrl(e.url);
  const name = href ? html`<a part="link" href=${href}><bdi>${e.name}</bdi></a>` : html`<bdi>${e.name}</bdi>`;
  const countries = ([] as string[]).concat(e.country ?? []);
  const showCountries = countries.length > 0 && !(countries.length === 1 && foldText(countries[0]) === foldText(e.name));
  const figures = PEOPLE.filter(([key]) => e[key] !== undefined);
  const source = withSource ? e.source : undefined;
  const updated = e.updated ? t('emergencyListUpdated', { date: formatDate(e.updated, locale, { dateStyle: 'medium', timeZone: 'UTC' }) }) : undefined;
  const started = e.started ? t('emergencyListStarted', { date: formatDate(e.started, locale, { dateStyle: 'medium', timeZone: 'UTC' }) }) : undefined;

  return html`<div class="head">
      ${heading(level, name, { part: 'name', class: 'name' })}
      ${e.level
        ? html`<span part="badge" class="badge" data-tone=${entry.tone ?? 'other'}
            ><span class="visually-hidden">${t('emergencyListLevelIs')}</span><bdi>${e.level}</bdi></span
          >`
        : nothing}
    </div>
    ${showCountries ? html`<p class="countries"><bdi>${listFormat(locale, { type: 'unit' }).format(countries)}</bdi></p>` : nothing}
    ${e.region || e.type || e.status
      ? html`<p class="meta">
          ${e.region ? html`<span class="region"><bdi>${e.region}</bdi></span>` : nothing} ${e.type
            ? html`<span class="type"><bdi>${e.type}</bdi></span>`
            : nothing} ${e.status ? html`<span class="status"><bdi>${e.status}</bdi></span>` : nothing}
        </p>`
      : nothing}
    ${figures.length
      ? html`<dl part="figures" class="figures">
          ${figures.map(([key, label]) => html`<div class="figure"><dt>${t(label)}</dt> <dd>${formatCompact(e[key] as number, locale)}</dd></div>`)}
        </dl>`
      : nothing}
    ${fundingTemplate(e, locale)} ${e.summary ? html`<p part="summary" class="summary"><bdi>${e.summary}</bdi></p>` : nothing}
    ${started || updated || source
      ? html`<p class="foot">
          ${started ? html`<span>${started}</span>` : nothing} ${updated ? html`<span>${updated}</span>` : nothing} ${source
            ? html`<span>${sourceContent(source, locale)}</span>`
            : nothing}
        </p>`
      : nothing}`;
}

/** The funding bar and its words, only when both the appeal and the amount received are known. */
function fundingTemplate(e: Emergency, locale: string): TemplateResult | typeof nothing {
  if (e.appeal === undefined || e.funded === undefined || e.appeal <= 0) return nothing;
  const pct = (e.funded / e.appeal) * 100;
  const line = msg(locale, 'emergencyListFundedPercent', { percent: formatPercent(pct, locale) });
  const detail = msg(locale, 'emergencyListFundedOf', { funded: formatCurrency(e.funded, locale), appeal: formatCurrency(e.appeal, locale) });
  const now = Math.min(100, Math.round(pct * 10) / 10);
  return html`<div part="funding" class="funding">
    <div
      part="meter"
      class="meter"
      role="meter"
      aria-label=${msg(locale, 'emergencyListFunding')}
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

/** What the list shows, as "Get the data" writes it: a row per emergency, in the data's order. */
export function emergencyTable(data: EmergencyListData): Table {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('; ') : value);
  const head = ['name', 'country', 'iso3', 'region', 'level', 'type', 'status', 'started', 'updated', 'people_affected', 'people_in_need', 'people_targeted', 'people_reached', 'appeal_usd', 'funded_usd', 'url'];
  return [
    [...head, ...SOURCE_COLUMNS],
    ...data.emergencies.map((e) => [
      e.name, list(e.country), list(e.iso3), e.region, e.level, e.type, e.status, e.started, e.updated,
      e.peopleAffected, e.peopleInNeed, e.peopleTargeted, e.peopleReached, e.appeal, e.funded, e.url,
      ...sourceCells(e.source ?? data.source),
    ]),
  ];
}
