import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DataController } from '../data/data-controller.js';
import type { DataShape, DataState, DataStatus, SourceRequest } from '../data/data-state.js';
import type { Reader } from '../data/load-reader.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { reset, states, tokens } from '../styles/tokens.js';
import { IOM_WIDGET } from './define-element.js';
import { downloadFor, type Table } from './download.js';
import { emit, OutcomeEvents } from './events.js';
import { AttributeWarnings, numberAttribute, type OptionValue } from './options.js';
import { REFRESH, RefreshController, refreshDelay } from './refresh.js';
import { errorBox, skeleton, staleNote } from './state-views.js';
import { TakeoverController } from './takeover.js';
import { takeTurn } from './turns.js';

/**
 * What every iom-widgets element shares: the four ways to take data, its state (loading, error,
 * empty, ready), its language, and the design tokens (documented in `styles/tokens.ts`).
 *
 * @fires iom-attribute-warning - An attribute's value cannot be used (`heading-level="9"`): the widget shows its data with the attribute's default and a note saying so. Detail: `{ attribute, value, message }`.
 * @csspart attribute-warning - The note under the widget naming an attribute value it could not use.
 * @csspart download - The "Get the data: CSV · JSON" line under the widget (with `download`), whose links download what it shows.
 * @csspart stale - The "Could not update" note under figures that `refresh` could not read again (with a Retry button, part `retry`).
 */
export abstract class IomElement<T> extends LitElement {
  static [IOM_WIDGET] = true;

  static override styles = [tokens, reset, states];

  /** The data as a JavaScript object. Wins over every other source. */
  @property({ attribute: false }) data?: unknown;

  /** The data as a JSON string in the `data` attribute. Used when the `data` property is not set. */
  @property({ attribute: 'data' }) dataJson?: string;

  /** URL of a JSON (or HXL CSV) file, relative to the page; a fragment is a JSON Pointer into it: `/data/annual-report-2023.json#/objectives/0`. Used when no `data` and no inline `<script type="application/json">` are given. */
  @property({ reflect: true }) src?: string;

  /** Which file of a CKAN dataset (`src` a `package_show` address, such as HDX's) to read: its id, its name or its position from 1. Without it, the first file whose HXL hashtags fit the widget. */
  @property() resource?: string;

  /** Adds "Get the data: CSV · JSON" under the widget: links that download what it shows, made in the browser from the data it holds. */
  @property({ type: Boolean }) download = false;

  /** Reads `src` again every this many seconds (300, five minutes, or more) while the widget is on screen; a prerendered snapshot gives way to fresh data at once. If a refresh fails, the figures shown stay, with a note. */
  @property({ converter: numberAttribute }) refresh?: number;

  /** Milliseconds to wait for `src` before showing a timeout error. */
  @property({ converter: numberAttribute }) timeout?: number = 15000;

  /** Locale for numbers, dates and the widget's own words (`en`, `fr`, `es`, `ar`, `fr-CH`…). Defaults to the nearest `lang`. */
  @property({ reflect: true }) locale?: string;

  protected readonly i18n = new LocaleController(this);
  protected readonly takeover = new TakeoverController(this);
  protected readonly warnings = new AttributeWarnings(this);
  protected readonly dataController = new DataController<T>(this, (reader) => this.dataShape(reader));
  // `refresh`: when to read `src` again (see `refreshDelay`).
  protected readonly refresher = new RefreshController(
    this,
    () => refreshDelay(this.refresh, this.dataController.refreshable, this.state.kind === 'ready' || this.state.kind === 'empty'),
    () => this.dataController.refresh(),
  );
  /** What this update shows, set in `willUpdate`. */
  protected state: DataState<T> = { kind: 'idle' };
  protected readonly events = new OutcomeEvents<T>(this, () => this.state);

  /** The widget's data shape, from the reader: `reader.shapes.statCounter`. */
  protected abstract dataShape(reader: Reader): DataShape<T>;
  /** Renders the data. */
  protected abstract renderReady(data: T): unknown;
  /** What "Get the data" downloads: the data as the widget shows it (JSON), and as a table (CSV), see `base/download.ts`. */
  protected abstract downloadData(data: T): [shown: object, table: () => Table];
  /** The option attributes and their values in this update, checked each update (see `options.ts`). */
  protected options(): OptionValue[] {
    return [];
  }
  /** What the widget asks of a publisher's response besides its shape (`resource`; a counter adds its column and filter). @internal */
  sourceRequest(): SourceRequest {
    const resource = this.resource?.trim();
    return resource ? { resource } : {};
  }
  /** What the widget's own attributes make of the data's state: a counter's `value` is data, a `value` that is not a number an error. */
  protected withAttributes(state: DataState<T>): DataState<T> {
    return state;
  }

  /** The state of the data: `idle`, `loading`, `ready`, `empty` or `error`. */
  get status(): DataStatus {
    return this.state.kind;
  }
  /** The locale of the last update: `locale`, else the nearest `lang`, else the document's, else `en`. */
  get resolvedLocale(): string {
    return this.i18n.locale;
  }
  /** Loads again what failed: `src` (past the page's shared cache; the HTTP cache still applies), the widget's words, the data reader. */
  reload(): void {
    this.i18n.retry();
    this.dataController.retry();
  }
  /** Resolves once the current load has settled and the element shows its outcome. */
  get loadComplete(): Promise<boolean> {
    return this.updateComplete.then(() => this.dataController.settled).then(() => this.updateComplete);
  }

  /**
   * A widget that shows what the page showed (prerendered, or its fallback) first renders once it
   * is needed, in a turn of the main thread when many wake at once (`takeover.ts`, `turns.ts`).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !this.takeover.keeping) return super.scheduleUpdate();
    return this.takeover.needed.then((urgent) => (urgent ? super.scheduleUpdate() : takeTurn(() => super.scheduleUpdate())));
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.i18n.resolve();
    // The data's state even while the words load: its own loads start beside theirs.
    const data = this.dataController.stateFor(this.i18n.locale);
    const { error, loading } = this.i18n;
    this.state = error ? { kind: 'error', error, retry: true } : loading ? { kind: 'loading' } : this.withAttributes(data);
    this.warnings.check([[REFRESH, this.refresh], ...this.options()]);
  }

  /** Also waits for the widget's own code that it needs to show what it was given (its words, the data reader). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let wait = this.i18n.pending ?? this.dataController.readerLoading; wait; wait = this.i18n.pending ?? this.dataController.readerLoading) {
      await wait;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override render(): unknown {
    if (this.takeover.holding) return nothing;
    const s = this.state;
    const content =
      s.kind === 'ready' ? this.renderReady(s.data)
      : s.kind === 'empty' ? this.renderEmpty(s.data)
      : s.kind === 'error' ? this.renderError(s.error.message, s.retry)
      : s.kind === 'loading' ? (s.last !== undefined ? this.renderReady(s.last) : this.renderSkeleton())
      : this.renderIdle();
    const stale = (s.kind === 'ready' || s.kind === 'empty') && s.stale ? staleNote(this.i18n.t('stale'), s.stale.message, { label: this.i18n.t('retry'), run: () => this.reload() }) : nothing;
    return html`<div part="base" class="base" aria-busy=${s.kind === 'loading' ? 'true' : 'false'} lang=${this.locale ? this.i18n.locale : nothing}>${content}${stale}${this.downloadInside ? nothing : this.renderDownload()}${this.warnings.note(this.i18n.t('attributeWarning'))}</div>`;
  }

  /** The "Get the data" line goes where the widget's template puts `renderDownload()` (objective-card: in its card's foot), not under the widget. */
  protected downloadInside = false;

  /** With `download`: "Get the data" for what this update shows, or its place while the data loads (see `base/download.ts`). */
  protected renderDownload(): unknown {
    return this.download ? downloadFor(this.state, this.localName, this.i18n.t('download'), (data) => this.downloadData(data)) : nothing;
  }

  /** Placeholder while loading. Widgets lay it out as their data, so that nothing moves when the data comes. */
  protected renderSkeleton(): TemplateResult {
    return skeleton(this.i18n.loadingLabel, 3);
  }

  protected renderError(message: string, retry: boolean): TemplateResult {
    return errorBox(this.i18n.t('errorTitle'), message, retry ? { label: this.i18n.t('retry'), run: () => this.reload() } : undefined);
  }

  protected renderEmpty(_data: T): unknown {
    return html`<p class="empty" part="empty">${this.i18n.t('empty')}</p>`;
  }

  /** Shown when no data source is given at all. */
  protected renderIdle(): unknown {
    return this.renderError(this.i18n.t('noData', { tag: this.localName }), false);
  }

  /** Fires `type` as every iom-widgets event is fired: a CustomEvent that bubbles out of shadow roots. */
  protected emit<D>(type: string, detail: D): void {
    emit(this, type, detail);
  }
}
