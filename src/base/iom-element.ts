import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DataController } from '../data/data-controller.js';
import { announceError, type DataStatus, type IomErrorDetail, type SpecLoader } from '../data/data-spec.js';
import { DataError } from '../data/errors.js';
import { hasStrings, loadStrings, msg, type StringKey } from '../i18n/strings.js';
import { attributeWarning, type AttributeRule, type IomAttributeWarningDetail } from './attributes.js';
import { emit } from './events.js';
import { resolveLocale, watchLanguage } from '../i18n/locale.js';
import { IOM_WIDGET, upgradingNow } from './define-element.js';
import { awaiting, canSlice, heldUntil, hold, turn } from './first-renders.js';
import { reset, states, tokens } from '../styles/tokens.js';

/**
 * What every iom-widgets element shares: the four ways to take data, the states (loading, error,
 * empty, ready), locale resolution and the design tokens. Each widget gives its data spec and
 * renders its ready state.
 *
 * The design tokens, read by every widget (set them on `:root` or any ancestor):
 *
 * @cssprop --iom-color-primary - IOM blue: figures, bars, links, buttons (default `#0033a0`; dark `#8fb3ff`).
 * @cssprop --iom-color-on-primary - Text on the primary colour (default `#ffffff`; dark `#0b1020`).
 * @cssprop --iom-color-text - Body text (default `#1b1f24`; dark `#eef1f5`).
 * @cssprop --iom-color-text-muted - Secondary text (default `#545b64`; dark `#b4bcc8`).
 * @cssprop --iom-color-surface - Card and box backgrounds (default `#ffffff`; dark `#151a22`).
 * @cssprop --iom-color-surface-alt - Tracks, zebra rows, skeleton (default `#f2f5fa`; dark `#1f2631`).
 * @cssprop --iom-color-border - Borders and rules (default `#d5dbe3`; dark `#3a4452`).
 * @cssprop --iom-color-accent - Secondary accent (default `#00a0dc`; dark `#5cc8f0`).
 * @cssprop --iom-color-success - Increases (default `#1e7b34`; dark `#6fd08a`).
 * @cssprop --iom-color-warning - Warnings (default `#8a5a00`; dark `#f2c14e`).
 * @cssprop --iom-color-danger - Errors (default `#b3261e`; dark `#ff8a80`).
 * @cssprop --iom-color-focus - The focus ring (default: the primary colour).
 * @cssprop --iom-font-family - Font (default: inherited from the page).
 * @cssprop --iom-font-size-small - Small text, relative to the widget's font size (default `0.875em`).
 * @cssprop --iom-font-size-large - Large text (default `1.25em`).
 * @cssprop --iom-font-size-display - Headline figures (default `2.5em`).
 * @cssprop --iom-font-weight - Body weight (default `400`).
 * @cssprop --iom-font-weight-bold - Bold weight (default `700`).
 * @cssprop --iom-space - Base spacing (default `1em`).
 * @cssprop --iom-radius - Corner radius (default `0.375em`).
 *
 * @fires iom-attribute-warning - An attribute's value cannot be used (`heading-level="9"`): the widget shows its data with the attribute's default and a note saying so. Detail: `{ attribute, value, message }`.
 * @csspart attribute-warning - The note under the widget naming an attribute value it could not use.
 */
export abstract class IomElement<T> extends LitElement {
  static [IOM_WIDGET] = true;

  static override styles = [tokens, reset, states];

  /** The data as a JavaScript object. Wins over every other source. */
  @property({ attribute: false })
  data?: unknown;

  /** The data as a JSON string in the `data` attribute. Used when the `data` property is not set. */
  @property({ attribute: 'data' })
  dataJson?: string;

  /**
   * URL of a JSON (or HXL CSV) file, relative to the page. A fragment is a JSON Pointer into it:
   * `/data/annual-report-2023.json#/objectives/0`. Used when no `data` and no inline
   * `<script type="application/json">` are given.
   */
  @property({ reflect: true })
  src?: string;

  /** Milliseconds to wait for `src` before showing a timeout error. */
  @property({ type: Number })
  timeout = 15000;

  /** Locale for numbers, dates and the widget's own words (`en`, `fr`, `es`, `ar`, `fr-CH`…). Defaults to the nearest `lang`. */
  @property({ reflect: true })
  locale?: string;

  protected readonly dataController: DataController<T>;

  /**
   * True when the element took over a shadow root written into the page by `iom-widgets prerender`
   * (declarative shadow DOM): its figures are on screen already, final, so nothing counts up. @internal
   */
  prerendered = false;

  private unwatchLanguage?: () => void;
  /** The locale of the update in progress, resolved once in `willUpdate`. */
  private localeNow = 'en';
  /** The attribute values this update cannot use (see `attributeRules`). */
  private warnings: IomAttributeWarningDetail[] = [];
  /** The attributes whose values this update cannot use. */
  private unusable = new Set<string>();
  /** The warnings already given, so each is given once. */
  private readonly warnedAttributes = new Set<string>();
  private announcedProblem?: string;
  /** The prerendered content of the shadow root, removed by the first render. */
  private prerenderedNodes?: ChildNode[];
  /** Upgraded by its definition, so its first render takes its turn (see `first-renders.ts`). */
  private readonly sliced = !isServer && upgradingNow() && canSlice();

  constructor() {
    super();
    this.dataController = new DataController<T>(this, this.dataSpec());
  }

  /**
   * The loader of the widget's data spec (its shape and how to read it: see `lazySpec`), loaded
   * with the data layer's reader when the widget first has data to read. Called once, in the constructor.
   */
  protected abstract dataSpec(): SpecLoader<T>;

  /** Renders the ready state. */
  protected abstract renderReady(data: T): TemplateResult | typeof nothing;

  override connectedCallback(): void {
    // A widget inside a prerendered widget's shadow root (objective-card's counters) waits, as in
    // Lit's SSR protocol: its host's first render replaces it with a live one.
    if (this.hasAttribute('defer-hydration')) return;
    super.connectedCallback();
    this.unwatchLanguage = watchLanguage(this);
  }

  /**
   * Takes over a prerendered shadow root by rendering into it afresh: its content (the same
   * markup, styles in a <style>) stays on screen until the first render, which removes it in the
   * same task, so no frame is painted between them. Cheaper and sturdier than hydration (no
   * @lit-labs/ssr-client in the bundle, no mismatch to fail on).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.shadowRoot) {
      const root = super.createRenderRoot();
      // Upgraded by its definition: shows what it showed before it, until its batch has rendered.
      if (this.sliced) hold(this, root as ShadowRoot, () => this.shown());
      return root;
    }
    this.prerendered = true;
    this.prerenderedNodes = [...this.shadowRoot.childNodes];
    const root = super.createRenderRoot();
    // Lit renders before the root's first child, here a prerendered node the first render removes.
    this.renderOptions.renderBefore = null;
    return root;
  }

  /**
   * A widget upgraded by its definition (held) or prerendered keeps what it showed on screen until
   * what its first render needs has loaded, then renders once: the words of its language (its held
   * batch waits), and for a prerendered one the data layer's reader and an HXL table's readers.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !(this.sliced || this.prerendered)) return super.scheduleUpdate();
    const locale = resolveLocale(this, this.locale);
    const words = hasStrings(locale) ? undefined : loadStrings(locale);
    // Held: the words first (its batch waits for them), then its turn; then it asks again.
    const turnWait = this.sliced ? (words ? awaiting(words) : turn()) : undefined;
    if (turnWait) return turnWait.then(() => this.scheduleUpdate());
    const waits = this.prerendered ? [words, this.dataController.prerequisites()].filter(Boolean) : [];
    return waits.length ? Promise.all(waits).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The element's option attributes and whether their values can be used (see `attributes.ts`):
   * each one that cannot is warned about once and shown in a note; the element uses its default.
   */
  protected attributeRules(): AttributeRule[] {
    return [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.localeNow = resolveLocale(this, this.locale);
    // The words of a language other than English load when a widget first shows it: until then the
    // widget is loading (no English words in a French widget), and its iom-load waits.
    const waiting = !hasStrings(this.localeNow);
    // Held until its batch of first renders is all in, it announces nothing it does not show yet.
    this.dataController.holdAnnouncements = waiting || this.held;
    this.dataController.locale = this.localeNow;
    if (waiting) void loadStrings(this.localeNow).then(() => this.requestUpdate());
    // @lit-labs/ssr calls willUpdate but skips the controllers' hostUpdate: read the synchronous
    // sources (attribute, inline script, what the prerender read at src) here, as hostUpdate does.
    if (isServer) {
      this.dataController.hostUpdate();
      this.checkAttributes();
    }
  }

  protected override update(changed: PropertyValues): void {
    // After the controllers' hostUpdate: a rule may look at the data (a highlight no donor has).
    this.checkAttributes();
    this.prerenderedNodes?.forEach((node) => node.remove());
    this.prerenderedNodes = undefined;
    super.update(changed);
  }

  private checkAttributes(): void {
    const invalid = this.attributeRules().filter((rule) => !rule.valid);
    this.warnings = invalid.map((rule) => attributeWarning(this, rule));
    this.unusable = new Set(invalid.map((rule) => rule.attribute));
  }

  /** Whether this update can use the attribute's value (its rule in `attributeRules` passed): else its default applies. */
  protected usable(attribute: string): boolean {
    return !this.unusable.has(attribute);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.held) this.announce();
  }

  /** Whether the element's render is held off screen until its batch of first renders is all in. */
  protected get held(): boolean {
    return !!heldUntil(this);
  }

  /** The element's held render is on screen with its batch: what it held back (events) is given now. */
  protected shown(): void {
    this.dataController.holdAnnouncements = !hasStrings(this.localeNow);
    this.dataController.hostUpdated();
    this.announce();
  }

  /** Announces an input problem and the attribute warnings of the update on screen, each once. */
  private announce(): void {
    // An input problem is announced like a data error: one console warning and one iom-error.
    const problem = this.state.problem;
    if (problem !== this.announcedProblem) {
      this.announcedProblem = problem;
      if (problem) announceError(this, new DataError(problem, 'validation'));
    }
    for (const warning of this.warnings) {
      const key = `${warning.attribute}\u0000${warning.value}`;
      if (this.warnedAttributes.has(key)) continue;
      this.warnedAttributes.add(key);
      console.warn(`<${this.localName}>: ${warning.message}`);
      emit<IomAttributeWarningDetail>(this, 'iom-attribute-warning', warning);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLanguage?.();
  }

  /** The locale in force: `locale`, else the nearest `lang`, else the document's, else `en`. */
  get resolvedLocale(): string {
    return resolveLocale(this, this.locale);
  }

  /** The locale of the current update (resolved once per update; use it while rendering). */
  protected get activeLocale(): string {
    return this.localeNow;
  }

  /** The current state of the data: `idle`, `loading`, `ready`, `empty` or `error`. */
  get status(): DataStatus {
    return this.state.status;
  }

  /** Loads `src` again, bypassing the page's shared cache (the HTTP cache still applies). */
  reload(): void {
    this.dataController.retry();
  }

  /**
   * Also waits for the data layer's reader (when the widget has data to read) and the words of the
   * element's language, so an update is complete once it shows them.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const reader = this.dataController.loading;
    if (reader) {
      await reader;
      done = await super.getUpdateComplete();
    }
    if (!hasStrings(this.resolvedLocale)) {
      await loadStrings(this.resolvedLocale);
      done = await super.getUpdateComplete();
    }
    // Held with its batch of first renders: complete once on screen.
    const shown = heldUntil(this);
    if (shown) {
      await shown;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Resolves once the current data load has settled and the element has rendered it. */
  get loadComplete(): Promise<boolean> {
    // After the pending update, which reads the synchronous sources and starts any load.
    return this.updateComplete
      .then(() => Promise.all([this.dataController.complete, loadStrings(this.resolvedLocale)]))
      .then(() => this.updateComplete);
  }

  /** A string from the shared table in the language of the current update. */
  protected t(key: StringKey, params?: Record<string, string | number>): string {
    return msg(this.localeNow, key, params);
  }

  /**
   * Data the element has without any data source, such as a counter's `value` attribute: with
   * no `data`, inline script or `src`, the element is ready with it. None by default.
   */
  protected ownData(): T | undefined {
    return undefined;
  }

  /**
   * A problem with the element's own input that leaves nothing true to show (a counter's `value`
   * attribute that is not a number): shown and announced as an error, like bad data. `data` is
   * the data in hand, if any. None by default.
   */
  protected inputProblem(_data: T | undefined): string | undefined {
    return undefined;
  }

  /** What the element shows: the data layer's state, the element's own data, or an input problem. */
  private get state(): { status: DataStatus; value?: T; problem?: string } {
    const c = this.dataController;
    if (!hasStrings(this.localeNow)) return { status: 'loading' };
    let status = c.status;
    let value = c.value;
    if (status === 'idle') {
      value = this.ownData();
      if (value !== undefined) status = 'ready';
    }
    const problem = this.inputProblem(status === 'error' ? undefined : value);
    return problem ? { status: 'error', problem } : { status, value };
  }

  /** The data on screen: ready, empty, or kept on screen while a reload is under way. */
  protected get shownData(): T | undefined {
    const { status, value } = this.state;
    return status === 'ready' || status === 'empty' || status === 'loading' ? value : undefined;
  }

  protected override render(): unknown {
    const { status, value, problem } = this.state;
    if (problem) return this.renderFrame(this.renderError(problem, false));
    switch (status) {
      case 'loading':
        // A reload keeps the last good data on screen, marked busy.
        return this.renderFrame(value !== undefined ? this.renderReady(value) : this.renderSkeleton(), true);
      case 'error':
        return this.renderFrame(this.renderError(this.dataController.error!.message, this.dataController.canRetry));
      case 'empty':
        return this.renderFrame(this.renderEmpty(value as T));
      case 'ready':
        return this.renderFrame(this.renderReady(value as T));
      default:
        return this.renderFrame(this.renderIdle());
    }
  }

  /** The outer wrapper every state renders in, with the note on attributes that could not be used. */
  protected renderFrame(content: unknown, busy = false): TemplateResult {
    const lang = this.locale ? this.localeNow : undefined;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'} lang=${lang ?? nothing}>${content}${this.warnings.length
        ? html`<div class="attribute-warning" part="attribute-warning" role="note">
            <strong>${this.t('attributeWarning')}</strong>
            ${this.warnings.map((w) => html` <span lang="en" dir="ltr">${w.message}</span>`)}
          </div>`
        : nothing}</div>`;
  }

  /** Placeholder while loading: grey lines that reserve the widget's size. Widgets override it to match their layout. */
  protected renderSkeleton(lines = 3): TemplateResult {
    return html`<div class="skeleton" part="skeleton" role="status" aria-label=${this.t('loading')}>
      ${Array.from({ length: lines }, () => html`<div class="skeleton-line"></div>`)}
    </div>`;
  }

  protected renderError(message: string, canRetry: boolean): TemplateResult {
    return html`<div class="error" part="error">
      <span class="error-title">${this.t('errorTitle')}</span>
      <span class="error-message">${message}</span>
      ${canRetry ? html`<button type="button" part="retry" @click=${() => this.reload()}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  protected renderEmpty(_data: T): TemplateResult {
    return html`<p class="empty" part="empty">${this.t('empty')}</p>`;
  }

  /** Shown when no data source is given at all. Widgets that can work from attributes override it. */
  protected renderIdle(): unknown {
    return html`<div class="error" part="error">
      <span class="error-title">${this.t('errorTitle')}</span>
      <span class="error-message">${this.t('noData', { tag: this.localName })}</span>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-load': CustomEvent<unknown>;
    'iom-error': CustomEvent<IomErrorDetail>;
    'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  }
}
