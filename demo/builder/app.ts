// The embed builder (builder.html): choose a widget and its data, set its attributes and theme,
// see the real widget, and copy the HTML to paste into a CMS. Rendered in the page's own DOM (no
// shadow root), so the page's styles and axe reach all of it. Every choice is kept in the address.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../../src/base/define-element.js';
import { contrastRatio, parseHex, toHex, CONTRAST_PAIRS, type Rgb } from './contrast.js';
import { ancestorsOf, apiOf, checkSource, checkValue, childrenOf, entryOf, firstValid, loadAddress, parsePasted, pointerFragment, valueAt, type Check, type TreeEntry } from './data.js';
import type { AttributeField, ThemeToken, WidgetInfo } from './manifest.js';
import { elementMarkup, fallbackOf, snippet, type SnippetInput } from './snippet.js';
import { BUILDER_LANGUAGES, DEFAULTS, MAX_PASTE_IN_URL, fromQuery, naturalDir, toQuery, type BuilderLanguage, type BuilderState, type SourceKind } from './state.js';
import { BUILDER_STRINGS, LANGUAGE_NAMES, type BuilderStringKey } from './strings.js';

/** Addresses of the sector's APIs the widgets read (docs/sources.md): the examples under "An address". */
const API_EXAMPLES: [name: string, url: string][] = [
  ['OCHA FTS', 'https://api.hpc.tools/v1/public/fts/flow?organizationAbbrev=IOM&year=2023&groupby=organization'],
  ['ReliefWeb', 'https://api.reliefweb.int/v2/disasters?appname=YOUR-APPNAME&filter[field]=status&filter[value]=ongoing&profile=list&limit=20'],
  ['HDX (CKAN)', 'https://data.humdata.org/api/3/action/package_show?id=global-iom-dtm-from-api'],
  ['HXL Proxy', 'https://proxy.hxlstandard.org/data.json?url=https%3A%2F%2Fdata.humdata.org%2Fdataset%2Fglobal-iom-dtm-from-api%2Fresource%2F80911e9b-7527-469a-a545-4074860e1288%2Fdownload%2Fglobal-iom-dtm-from-api-admin-0-to-2.csv'],
  ['Missing Migrants Project', 'https://missingmigrants.iom.int/global-figures/2024/json'],
];

type Load = { status: 'idle' | 'loading' } | { status: 'ready'; doc: unknown } | { status: 'error'; message: string };

interface ContrastResult {
  text: string;
  background: string;
  ratio: number;
  minimum: number;
  where: BuilderStringKey;
}

/** Widgets inside a root, through shadow roots (objective-card draws its figures with stat-counter). */
function widgetsIn(root: ParentNode, tags: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (tags.includes(el.localName)) found.push(el);
    if (el.shadowRoot) found.push(...widgetsIn(el.shadowRoot, tags));
  }
  return found;
}

/** A manifest description: its `code` spans as <code>. */
const described = (text: string) => text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

type Widget = HTMLElement & { updateComplete?: Promise<unknown>; status?: string };

/** Resolves once a widget has rendered its data or its error. */
async function settled(el: Widget): Promise<void> {
  await customElements.whenDefined(el.localName);
  await (el as Widget & { loadComplete?: Promise<unknown> }).loadComplete;
}

export class EmbedBuilder extends LitElement {
  /** The widgets and their attributes and tokens, from custom-elements.json. */
  widgets: WidgetInfo[] = [];
  /** The files of data/ (relative to it). */
  files: string[] = [];

  @state() private s!: BuilderState;
  @state() private load: Load = { status: 'idle' };
  @state() private open = new Set<string>(['']);
  @state() private fallback?: string;
  @state() private previewStatus = '';
  @state() private contrast: ContrastResult[] = [];
  @state() private resolved: Record<string, string> = {};
  @state() private copyStatus: Record<string, string> = {};
  @state() private pasteDraft = '';
  @state() private urlDraft = '';
  /** What the widget makes of an API's response (read whole from its address), for the address, widget and attributes in `key`. */
  @state() private apiCheck?: { key: string; check: Check };

  private loadKey = '';
  private loadAbort?: AbortController;
  /** Pick the first valid entry once the data has loaded (after the reader changed widget or data). */
  private autoPick = false;
  private previewKey = '';
  private previewRun = 0;
  private apiChecking = '';
  private canvas?: CanvasRenderingContext2D | null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.s = fromQuery(location.search, this.widgets.map((w) => w.tag));
    this.pasteDraft = this.s.paste;
    this.urlDraft = this.s.url;
    this.autoPick = !this.s.pointer;
    for (const p of ancestorsOf(this.s.pointer)) this.open.add(p);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private t(key: BuilderStringKey, params?: Record<string, string | number>): string {
    const text: string = BUILDER_STRINGS[this.s.lang][key] ?? BUILDER_STRINGS.en[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  }

  private get widget(): WidgetInfo {
    return this.widgets.find((w) => w.tag === this.s.widget) ?? this.widgets[0];
  }

  private set(patch: Partial<BuilderState>): void {
    this.s = { ...this.s, ...patch };
    history.replaceState(null, '', `${location.pathname}${toQuery(this.s)}${location.hash}`);
  }

  /** The address of the data as this page reads it, or undefined for pasted data. */
  private get localAddress(): string | undefined {
    if (this.s.source === 'file') return this.s.file ? `data/${this.s.file}` : undefined;
    if (this.s.source === 'url') return this.s.url.trim() || undefined;
    return undefined;
  }

  /** The address of the data on the site that will show the widget (the src form's `src`). */
  private get siteAddress(): string | undefined {
    if (this.s.source === 'file') return this.s.file ? `${this.s.dataBase}${this.s.file}` : undefined;
    if (this.s.source === 'url') return this.s.url.trim() || undefined;
    return undefined;
  }

  private get where(): string {
    return this.localAddress ?? this.t('pastedData');
  }

  /** The API whose response the address gave (docs/sources.md), in words, or undefined. */
  private get api(): string | undefined {
    return this.load.status === 'ready' && this.s.source === 'url' ? apiOf(this.load.doc) : undefined;
  }

  /** What an API's check depends on: the address, the widget, and the attributes that say what it takes. */
  private get apiKey(): string {
    return JSON.stringify([this.s.url, this.s.widget, this.attributeList.filter(([name]) => name === 'resource' || name.startsWith('hxl-'))]);
  }

  /** The chosen entry, checked: the value and what the widget says of it. */
  private get chosen(): { value?: unknown; check: Check } | undefined {
    if (this.load.status !== 'ready') return undefined;
    // An API's response is read whole, from its address, by the widget's readers (checked in `updated`).
    if (this.api) return this.apiCheck?.key === this.apiKey ? { value: this.load.doc, check: this.apiCheck.check } : undefined;
    const found = valueAt(this.load.doc, this.s.pointer, this.where);
    if (!found.ok) return { check: { ok: false, message: found.message } };
    return { value: found.value, check: checkValue(this.s.widget, found.value) };
  }

  /** Attributes in the form's order. */
  private get attributeList(): [string, string][] {
    return this.widget.fields.filter((f) => f.name in this.s.attributes).map((f) => [f.name, this.s.attributes[f.name]]);
  }

  private get tokenList(): [string, string][] {
    const known = new Set(this.widget.tokens.map((t) => t.name));
    return Object.entries(this.s.tokens).filter(([name, value]) => known.has(name) && value.trim());
  }

  private snippetInput(form: 'src' | 'inline', forPreview = false): SnippetInput | undefined {
    const chosen = this.chosen;
    if (!chosen?.check.ok) return undefined;
    const base = { tag: this.s.widget, attributes: this.attributeList, tokens: this.tokenList, fallback: forPreview ? undefined : this.fallback };
    if (form === 'src') {
      const address = forPreview ? this.localAddress : this.siteAddress;
      if (!address) return undefined;
      return { ...base, src: `${address}${this.api ? '' : pointerFragment(this.s.pointer)}` };
    }
    // An API's response given inline is not read (the widget says to give its address).
    return this.api ? undefined : { ...base, inline: chosen.value };
  }

  // ---- loading --------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('s')) return;
    document.documentElement.lang = this.s.lang;
    document.documentElement.dir = naturalDir(this.s.lang);
    document.title = this.t('documentTitle');
    const key = `${this.s.source}\n${this.s.source === 'paste' ? this.s.paste : this.localAddress ?? ''}`;
    if (key !== this.loadKey) {
      this.loadKey = key;
      void this.loadData();
    }
  }

  private async loadData(): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const address = this.localAddress;
    try {
      let doc: unknown;
      if (this.s.source === 'paste') {
        if (!this.s.paste.trim()) {
          this.load = { status: 'idle' };
          return;
        }
        doc = await parsePasted(this.s.paste);
      } else {
        if (!address) {
          this.load = { status: 'idle' };
          return;
        }
        this.load = { status: 'loading' };
        doc = await loadAddress(address, abort.signal);
      }
      if (abort.signal.aborted) return;
      this.load = { status: 'ready', doc };
      this.pickIfNeeded();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.load = { status: 'error', message: (error as Error).message };
    }
  }

  /** After a new widget or new data: keep the entry if the widget takes it, else take the first one it does. */
  private pickIfNeeded(): void {
    if (!this.autoPick || this.load.status !== 'ready') return;
    this.autoPick = false;
    if (this.chosen?.check.ok) return;
    const pointer = firstValid(this.s.widget, this.load.doc);
    if (pointer === undefined) return;
    for (const p of ancestorsOf(pointer)) this.open.add(p);
    this.set({ pointer });
  }

  // ---- preview, fallback, contrast -------------------------------------------------------------

  protected override updated(): void {
    void this.checkApi();
    void this.refreshPreview();
    this.measureTheme();
  }

  private async checkApi(): Promise<void> {
    const key = this.apiKey;
    if (!this.api || this.apiCheck?.key === key || this.apiChecking === key || this.load.status !== 'ready') return;
    this.apiChecking = key;
    const url = new URL(this.s.url.trim(), document.baseURI).href.replace(/#.*$/, '');
    const check = await checkSource(this.s.widget, this.load.doc, url, this.attributeList, new AbortController().signal);
    if (this.apiChecking === key) this.apiCheck = { key, check };
  }

  private async refreshPreview(): Promise<void> {
    const host = this.querySelector<HTMLElement>('#preview-host');
    if (!host) return;
    const input = this.snippetInput(this.localAddress ? 'src' : 'inline', true);
    const markup = input ? elementMarkup({ ...input, tokens: [] }) : '';
    const key = `${markup}\n${this.s.previewLang}\n${this.s.dir}`;
    if (key === this.previewKey) return;
    this.previewKey = key;
    const run = ++this.previewRun;
    host.innerHTML = markup;
    this.fallback = undefined;
    const widget = host.firstElementChild as Widget | null;
    if (!widget) {
      this.previewStatus = '';
      return;
    }
    this.previewStatus = this.t('previewLoading');
    await settled(widget);
    // The counters inside a card render after it.
    for (const inner of widgetsIn(widget.shadowRoot ?? widget, this.widgets.map((w) => w.tag))) await settled(inner as Widget);
    await frame();
    if (run !== this.previewRun) return;
    this.fallback = widget.status === 'ready' ? fallbackOf(widget) : undefined;
    this.previewStatus = widget.status === 'ready' ? this.t('previewReady') : widget.status === 'empty' ? this.t('previewEmpty') : this.t('previewError');
  }

  /** A CSS colour as sRGB, by painting it (any syntax the browser knows: names, rgb(), hsl(), oklch()…). */
  private rgbOf(css: string): Rgb | undefined {
    this.canvas ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
    const ctx = this.canvas;
    if (!ctx) return undefined;
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return a === 0 ? undefined : [r, g, b];
  }

  /** Resolves every colour token in the preview (its theme, its colour scheme) and checks the text pairs. */
  private measureTheme(): void {
    const probe = this.querySelector<HTMLElement>('#token-probe');
    if (!probe) return;
    const byName = new Map(this.widget.tokens.map((t) => [t.name, t]));
    const resolved: Record<string, string> = {};
    for (const token of this.widget.tokens) {
      if (!token.colour) continue;
      const fallback = token.light ? (token.dark ? `light-dark(${token.light}, ${token.dark})` : token.light) : 'transparent';
      probe.style.color = `var(${token.name}, ${fallback})`;
      const rgb = this.rgbOf(getComputedStyle(probe).color);
      if (rgb) resolved[token.name] = toHex(rgb);
    }
    probe.style.color = '';
    const contrast: ContrastResult[] = [];
    for (const pair of CONTRAST_PAIRS) {
      if (!byName.has(pair.text) || !byName.has(pair.background)) continue;
      const fg = parseHex(resolved[pair.text] ?? '');
      const bg = parseHex(resolved[pair.background] ?? '');
      if (!fg || !bg) continue;
      contrast.push({ text: pair.text, background: pair.background, ratio: contrastRatio(fg, bg), minimum: pair.minimum, where: pair.where as BuilderStringKey });
    }
    if (JSON.stringify(resolved) !== JSON.stringify(this.resolved)) this.resolved = resolved;
    if (JSON.stringify(contrast) !== JSON.stringify(this.contrast)) this.contrast = contrast;
  }

  // ---- actions ----------------------------------------------------------------------------------

  private chooseWidget(tag: string): void {
    if (tag === this.s.widget) return;
    this.autoPick = true;
    this.set({ widget: tag, attributes: {} });
    this.pickIfNeeded();
  }

  private chooseSource(source: SourceKind): void {
    this.autoPick = true;
    this.set({ source, pointer: '' });
  }

  private chooseFile(file: string): void {
    this.autoPick = true;
    this.open = new Set(['']);
    this.set({ file, pointer: '' });
  }

  private useExample(url: string): void {
    this.urlDraft = url;
    this.autoPick = true;
    this.open = new Set(['']);
    this.set({ url, pointer: '' });
  }

  private useUrl(event: Event): void {
    event.preventDefault();
    this.autoPick = true;
    this.open = new Set(['']);
    this.set({ url: this.urlDraft.trim(), pointer: '' });
  }

  private usePaste(event: Event): void {
    event.preventDefault();
    this.autoPick = true;
    this.open = new Set(['']);
    this.set({ paste: this.pasteDraft, pointer: '' });
  }

  private pick(pointer: string): void {
    this.set({ pointer });
  }

  private toggle(pointer: string): void {
    const open = new Set(this.open);
    if (open.has(pointer)) open.delete(pointer);
    else open.add(pointer);
    this.open = open;
  }

  private setAttribute_(name: string, value: string | undefined): void {
    const attributes = { ...this.s.attributes };
    if (value === undefined) delete attributes[name];
    else attributes[name] = value;
    this.set({ attributes });
  }

  private setToken(name: string, value: string): void {
    const tokens = { ...this.s.tokens };
    if (value.trim()) tokens[name] = value.trim();
    else delete tokens[name];
    this.set({ tokens });
  }

  private async copy(id: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = { ...this.copyStatus, [id]: this.t('copied') };
    } catch {
      // No clipboard access (permissions, an old browser): select the text for Ctrl+C.
      const code = this.querySelector(`#${id}`);
      if (code) getSelection()?.selectAllChildren(code);
      this.copyStatus = { ...this.copyStatus, [id]: this.t('copyFailed') };
    }
    const shown = this.copyStatus[id];
    setTimeout(() => {
      if (this.copyStatus[id] === shown) this.copyStatus = { ...this.copyStatus, [id]: '' };
    }, 4000);
  }

  // ---- rendering --------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.s;
    return html`
      <a class="skip-link" href="#builder-main">${this.t('skip')}</a>
      <header class="masthead">
        <div class="wrap masthead-row">
          <div>
            <p class="kicker">${this.t('kicker')}</p>
            <h1>${this.t('title')}</h1>
            <p class="lead">${this.t('lead')}</p>
          </div>
          <div class="settings">
            <label for="builder-lang">${this.t('language')}</label>
            <select id="builder-lang" @change=${(e: Event) => this.chooseLanguage((e.target as HTMLSelectElement).value as BuilderLanguage)}>
              ${BUILDER_LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === s.lang}>${LANGUAGE_NAMES[l]}</option>`)}
            </select>
            <a href="./${s.lang === 'en' ? '' : `?lang=${s.lang}`}">${this.t('backToDemo')}</a>
          </div>
        </div>
      </header>
      <main id="builder-main" class="wrap builder" tabindex="-1">
        <div class="steps">
          ${this.renderWidgetStep()} ${this.renderDataStep()} ${this.renderAttributeStep()} ${this.renderThemeStep()}
        </div>
        <div class="results">${this.renderPreview()} ${this.renderSnippets()}</div>
      </main>
    `;
  }

  private chooseLanguage(lang: BuilderLanguage): void {
    // The preview follows the builder's language unless it was set apart.
    const follows = this.s.previewLang === this.s.lang && this.s.dir === naturalDir(this.s.previewLang);
    this.set(follows ? { lang, previewLang: lang, dir: naturalDir(lang) } : { lang });
  }

  private renderWidgetStep(): TemplateResult {
    return html`
      <section class="step" aria-labelledby="step-widget">
        <h2 id="step-widget"><span class="step-number">1</span> ${this.t('stepWidget')}</h2>
        <fieldset class="choices">
          <legend class="visually-hidden">${this.t('stepWidget')}</legend>
          ${this.widgets.map(
            (w) => html`
              <label class="choice">
                <input
                  type="radio"
                  name="widget"
                  value=${w.tag}
                  aria-describedby="summary-${w.tag}"
                  .checked=${live(w.tag === this.s.widget)}
                  @change=${() => this.chooseWidget(w.tag)}
                />
                <span class="choice-text">
                  <strong>${this.t(`widget:${w.tag}` as BuilderStringKey)}</strong>
                  <code>&lt;${w.tag}&gt;</code>
                  <span class="hint" id="summary-${w.tag}" lang="en" dir="auto">${described(w.summary)}</span>
                </span>
              </label>
            `,
          )}
        </fieldset>
      </section>
    `;
  }

  private renderDataStep(): TemplateResult {
    const s = this.s;
    const sources: [SourceKind, BuilderStringKey][] = [
      ['file', 'sourceFile'],
      ['url', 'sourceUrl'],
      ['paste', 'sourcePaste'],
    ];
    return html`
      <section class="step" aria-labelledby="step-data">
        <h2 id="step-data"><span class="step-number">2</span> ${this.t('stepData')}</h2>
        <fieldset class="segmented">
          <legend>${this.t('sourceLegend')}</legend>
          ${sources.map(
            ([kind, label]) => html`<label><input type="radio" name="source" value=${kind} .checked=${live(s.source === kind)} @change=${() => this.chooseSource(kind)} /> ${this.t(label)}</label>`,
          )}
        </fieldset>
        ${s.source === 'file'
          ? html`<div class="field">
              <label for="data-file">${this.t('fileLabel')}</label>
              <select id="data-file" @change=${(e: Event) => this.chooseFile((e.target as HTMLSelectElement).value)}>
                ${this.files.map((f) => html`<option value=${f} ?selected=${f === s.file}>data/${f}</option>`)}
              </select>
            </div>`
          : nothing}
        ${s.source === 'url'
          ? html`<form class="field" @submit=${this.useUrl}>
              <label for="data-url">${this.t('urlLabel')}</label>
              <p class="hint" id="data-url-hint">${this.t('urlHint')}</p>
              <div class="inline-row">
                <input id="data-url" type="text" inputmode="url" spellcheck="false" aria-describedby="data-url-hint" .value=${live(this.urlDraft)} @input=${(e: Event) => (this.urlDraft = (e.target as HTMLInputElement).value)} />
                <button type="submit">${this.t('load')}</button>
              </div>
              <p class="hint">
                ${this.t('urlExamples')}
                ${API_EXAMPLES.map(([name, url], i) => html`${i ? ', ' : ''}<button type="button" class="link" @click=${() => this.useExample(url)}>${name}</button>`)}
              </p>
            </form>`
          : nothing}
        ${s.source === 'paste'
          ? html`<form class="field" @submit=${this.usePaste}>
              <label for="data-paste">${this.t('pasteLabel')}</label>
              <p class="hint" id="data-paste-hint">${this.t('pasteHint')}${s.paste.length > MAX_PASTE_IN_URL ? html` ${this.t('pasteTooLong')}` : nothing}</p>
              <textarea id="data-paste" rows="8" spellcheck="false" dir="ltr" aria-describedby="data-paste-hint" .value=${live(this.pasteDraft)} @input=${(e: Event) => (this.pasteDraft = (e.target as HTMLTextAreaElement).value)}></textarea>
              <button type="submit">${this.t('usePasted')}</button>
            </form>`
          : nothing}
        ${this.renderLoad()}
      </section>
    `;
  }

  private renderLoad(): TemplateResult | typeof nothing {
    const load = this.load;
    if (load.status === 'idle') return nothing;
    if (load.status === 'error') return html`<p class="problem" role="alert"><strong>${this.t('loadFailed')}</strong> <span lang="en" dir="auto">${load.message}</span></p>`;
    if (load.status !== 'ready') return html`<p class="status" role="status">${this.t('loadingData')}</p>`;
    const check = this.chosen?.check;
    if (this.api) {
      return html`
        <p class="hint">${this.t('apiFound')} <span lang="en" dir="auto">${this.api}</span>: ${this.t('apiWhole')}</p>
        <p id="pointer-check" class=${check?.ok ? 'ok' : 'problem'} role="status">
          ${check === undefined
            ? this.t('apiChecking')
            : check.ok
              ? this.t(check.empty ? 'pointerEmpty' : 'pointerOk', { tag: this.s.widget })
              : html`${this.t('pointerBad', { tag: this.s.widget })} <span lang="en" dir="auto">${check.message}</span>`}
        </p>
      `;
    }
    const root = entryOf(load.doc, '', '');
    return html`
      <h3 id="tree-title">${this.t('treeTitle', { tag: this.s.widget })}</h3>
      <p class="hint" id="tree-hint">${this.t('treeHint')}</p>
      <div class="tree" role="group" aria-labelledby="tree-title" aria-describedby="tree-hint">
        ${root ? html`<ul class="tree-list">${this.renderEntry(root)}</ul>` : html`<p class="problem">${this.t('notAContainer')}</p>`}
      </div>
      <div class="field pointer-field">
        <label for="pointer">${this.t('pointerLabel')}</label>
        <input
          id="pointer"
          type="text"
          spellcheck="false"
          dir="ltr"
          aria-describedby="pointer-check"
          .value=${live(this.s.pointer)}
          @change=${(e: Event) => this.pick((e.target as HTMLInputElement).value.trim())}
        />
        <p id="pointer-check" class=${check?.ok ? 'ok' : 'problem'} role="status">
          ${check === undefined
            ? nothing
            : check.ok
              ? this.t(check.empty ? 'pointerEmpty' : 'pointerOk', { tag: this.s.widget })
              : html`${this.t('pointerBad', { tag: this.s.widget })} <span lang="en" dir="auto">${check.message}</span>`}
        </p>
      </div>
    `;
  }

  private renderEntry(entry: TreeEntry): TemplateResult {
    const children = childrenOf(entry);
    const expanded = this.open.has(entry.pointer);
    const check = checkValue(this.s.widget, entry.value);
    const current = entry.pointer === this.s.pointer;
    const name = entry.pointer === '' ? this.t('wholeFile') : entry.key;
    const size = entry.kind === 'object' ? this.t('sizeObject', { n: entry.size }) : entry.kind === 'table' ? this.t('sizeTable', { n: Math.max(0, entry.size - 2) }) : this.t('sizeList', { n: entry.size });
    const why = `why-${entry.pointer.replace(/[^A-Za-z0-9_-]/g, '_') || 'root'}`;
    return html`
      <li>
        <div class="entry ${current ? 'current' : ''}">
          ${children.length
            ? html`<button type="button" class="toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-label=${this.t(expanded ? 'collapse' : 'expand', { name })} @click=${() => this.toggle(entry.pointer)}>
                <span aria-hidden="true">${expanded ? '▾' : '▸'}</span>
              </button>`
            : html`<span class="toggle-space"></span>`}
          ${check.ok
            ? html`<button type="button" class="pick" aria-pressed=${current ? 'true' : 'false'} aria-describedby=${why} @click=${() => this.pick(entry.pointer)}>
                  <span class="key" dir="auto">${name}</span>
                </button>
                <span class="meta" id=${why}>${size}${check.empty ? html` · ${this.t('validEmpty')}` : html` · <span class="valid">${this.t('valid')}</span>`}</span>`
            : html`<span class="key unpickable" dir="auto">${name}</span>
                <span class="meta">${size} · <span class="why" lang="en" dir="auto">${check.message}</span></span>`}
        </div>
        ${children.length && expanded ? html`<ul>${children.map((c) => this.renderEntry(c))}</ul>` : nothing}
      </li>
    `;
  }

  private renderAttributeStep(): TemplateResult {
    return html`
      <section class="step" aria-labelledby="step-attributes">
        <h2 id="step-attributes"><span class="step-number">3</span> ${this.t('stepAttributes')}</h2>
        <p class="hint">${this.t('attributesHint', { tag: this.s.widget })}</p>
        <div class="form-grid">${this.widget.fields.map((f) => this.renderField(f))}</div>
      </section>
    `;
  }

  private renderField(field: AttributeField): TemplateResult {
    const id = `attr-${field.name}`;
    const value = this.s.attributes[field.name];
    const description = html`<p class="hint" id="${id}-desc" lang="en" dir="auto">
      ${described(field.description)}${field.default !== undefined ? html` <span class="default" lang=${this.s.lang} dir="auto">${this.t('defaultIs', { value: field.default })}</span>` : nothing}
    </p>`;
    if (field.kind === 'boolean') {
      return html`<div class="field check">
        <input id=${id} type="checkbox" aria-describedby="${id}-desc" .checked=${live(value !== undefined)} @change=${(e: Event) => this.setAttribute_(field.name, (e.target as HTMLInputElement).checked ? '' : undefined)} />
        <label for=${id}><code>${field.name}</code></label>
        ${description}
      </div>`;
    }
    const onInput = (e: Event) => {
      const v = (e.target as HTMLInputElement | HTMLSelectElement).value;
      this.setAttribute_(field.name, v === '' ? undefined : v);
    };
    let control: TemplateResult;
    if (field.kind === 'enum') {
      control = html`<select id=${id} aria-describedby="${id}-desc" @change=${onInput}>
        <option value="" ?selected=${value === undefined}>${field.default !== undefined ? this.t('optionDefault', { value: field.default }) : this.t('optionUnset')}</option>
        ${field.values!.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
      </select>`;
    } else {
      control = html`<input
        id=${id}
        type=${field.kind === 'number' ? 'number' : 'text'}
        step=${field.kind === 'number' ? 'any' : nothing}
        aria-describedby="${id}-desc"
        placeholder=${field.default ?? ''}
        .value=${live(value ?? '')}
        @change=${onInput}
      />`;
    }
    return html`<div class="field">
      <label for=${id}><code>${field.name}</code></label>
      ${control} ${description}
    </div>`;
  }

  private renderThemeStep(): TemplateResult {
    const tokens = this.widget.tokens;
    const shared = tokens.filter((t) => t.global);
    const own = tokens.filter((t) => !t.global);
    const failing = this.contrast.filter((c) => c.ratio < c.minimum);
    return html`
      <section class="step" aria-labelledby="step-theme">
        <h2 id="step-theme"><span class="step-number">4</span> ${this.t('stepTheme')}</h2>
        <p class="hint">${this.t('themeHint')}</p>
        <div class="contrast" role="status">
          ${this.contrast.length === 0
            ? nothing
            : failing.length
              ? html`<p class="warning"><strong>${this.t('contrastWarning', { n: failing.length })}</strong></p>
                  <ul class="contrast-list">
                    ${failing.map(
                      (c) =>
                        html`<li>${this.t(c.where)}: <code>${c.text}</code> / <code>${c.background}</code>, ${this.t('ratio', { ratio: c.ratio.toFixed(2), minimum: c.minimum })}</li>`,
                    )}
                  </ul>`
              : html`<p class="ok">${this.t('contrastOk', { ratio: Math.min(...this.contrast.map((c) => c.ratio)).toFixed(2) })}</p>`}
        </div>
        <details open>
          <summary>${this.t('sharedTokens', { n: shared.length })}</summary>
          <div class="form-grid">${shared.map((t) => this.renderToken(t))}</div>
        </details>
        ${own.length
          ? html`<details>
              <summary>${this.t('ownTokens', { tag: this.s.widget, n: own.length })}</summary>
              <div class="form-grid">${own.map((t) => this.renderToken(t))}</div>
            </details>`
          : nothing}
        ${this.tokenList.length ? html`<button type="button" @click=${() => this.set({ tokens: {} })}>${this.t('resetTheme')}</button>` : nothing}
      </section>
    `;
  }

  private renderToken(token: ThemeToken): TemplateResult {
    const id = `token${token.name}`;
    const value = this.s.tokens[token.name] ?? '';
    const swatch = parseHex(value) ? toHex(parseHex(value)!) : (this.resolved[token.name] ?? '#000000');
    return html`<div class="field token">
      <label for=${id}><code>${token.name}</code></label>
      <div class="inline-row">
        <input id=${id} type="text" spellcheck="false" dir="ltr" aria-describedby="${id}-desc" placeholder=${token.light ?? ''} .value=${live(value)} @change=${(e: Event) => this.setToken(token.name, (e.target as HTMLInputElement).value)} />
        ${token.colour
          ? html`<input
              type="color"
              aria-label=${this.t('pickColour', { name: token.name })}
              .value=${live(swatch)}
              @input=${(e: Event) => this.setToken(token.name, (e.target as HTMLInputElement).value)}
            />`
          : nothing}
      </div>
      <p class="hint" id="${id}-desc" lang="en" dir="auto">${described(token.description)}</p>
    </div>`;
  }

  private renderPreview(): TemplateResult {
    const s = this.s;
    const style: Record<string, string> = { 'color-scheme': s.scheme };
    for (const [name, value] of this.tokenList) style[name] = value;
    return html`
      <section class="step preview-step" aria-labelledby="step-preview">
        <h2 id="step-preview"><span class="step-number">5</span> ${this.t('stepPreview')}</h2>
        <div class="preview-settings">
          <div class="field">
            <label for="preview-lang">${this.t('previewLanguage')}</label>
            <select id="preview-lang" @change=${(e: Event) => {
              const lang = (e.target as HTMLSelectElement).value as BuilderLanguage;
              this.set({ previewLang: lang, dir: naturalDir(lang) });
            }}>
              ${BUILDER_LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === s.previewLang}>${LANGUAGE_NAMES[l]}</option>`)}
            </select>
          </div>
          <fieldset class="segmented">
            <legend>${this.t('direction')}</legend>
            <label><input type="radio" name="dir" value="ltr" .checked=${live(s.dir === 'ltr')} @change=${() => this.set({ dir: 'ltr' })} /> ${this.t('ltr')}</label>
            <label><input type="radio" name="dir" value="rtl" .checked=${live(s.dir === 'rtl')} @change=${() => this.set({ dir: 'rtl' })} /> ${this.t('rtl')}</label>
          </fieldset>
          <fieldset class="segmented">
            <legend>${this.t('scheme')}</legend>
            <label><input type="radio" name="scheme" value="light" .checked=${live(s.scheme === 'light')} @change=${() => this.set({ scheme: 'light' })} /> ${this.t('light')}</label>
            <label><input type="radio" name="scheme" value="dark" .checked=${live(s.scheme === 'dark')} @change=${() => this.set({ scheme: 'dark' })} /> ${this.t('dark')}</label>
          </fieldset>
        </div>
        <p class="hint">${this.t('previewHint')}</p>
        <div class="preview-frame scheme-${s.scheme}" lang=${s.previewLang} dir=${s.dir} style=${styleMap(style)} role="region" aria-label=${this.t('previewRegion')}>
          <div id="preview-host"></div>
          <span id="token-probe" aria-hidden="true"></span>
        </div>
        <p class="status" role="status">${this.previewStatus}</p>
      </section>
    `;
  }

  private renderSnippets(): TemplateResult {
    const s = this.s;
    const srcInput = this.snippetInput('src');
    const inlineInput = this.snippetInput('inline');
    const chosen = this.chosen;
    return html`
      <section class="step" aria-labelledby="step-html">
        <h2 id="step-html"><span class="step-number">6</span> ${this.t('stepHtml')}</h2>
        <div class="form-grid">
          <div class="field">
            <label for="script-url">${this.t('scriptUrl')}</label>
            <input id="script-url" type="text" spellcheck="false" dir="ltr" aria-describedby="script-url-hint" .value=${live(s.script)} @change=${(e: Event) => this.set({ script: (e.target as HTMLInputElement).value.trim() || DEFAULTS.script })} />
            <p class="hint" id="script-url-hint">${this.t('scriptUrlHint')}</p>
          </div>
          ${s.source === 'file'
            ? html`<div class="field">
                <label for="data-base">${this.t('dataBase')}</label>
                <input id="data-base" type="text" spellcheck="false" dir="ltr" aria-describedby="data-base-hint" .value=${live(s.dataBase)} @change=${(e: Event) => this.set({ dataBase: (e.target as HTMLInputElement).value.trim() })} />
                <p class="hint" id="data-base-hint">${this.t('dataBaseHint', { file: s.file })}</p>
              </div>`
            : nothing}
        </div>
        ${!chosen?.check.ok
          ? html`<p class="problem">${this.t('noSnippet', { tag: s.widget })}</p>`
          : html`
              ${this.fallback === undefined ? html`<p class="hint">${this.t('fallbackPending')}</p>` : nothing}
              ${srcInput ? this.renderCode('code-src', this.t('srcForm'), this.t('srcFormHint'), snippet(srcInput, s.script)) : html`<h3>${this.t('srcForm')}</h3><p class="hint">${this.t('srcFormPasted')}</p>`}
              ${inlineInput ? this.renderCode('code-inline', this.t('inlineForm'), this.t('inlineFormHint'), snippet(inlineInput, s.script)) : nothing}
            `}
        <h3>${this.t('shareTitle')}</h3>
        <p class="hint">${this.t('shareHint')}</p>
        <div class="inline-row">
          <button type="button" @click=${() => this.copy('share-link', location.href)}>${this.t('copyLink')}</button>
          <span class="copy-status" role="status">${this.copyStatus['share-link'] ?? ''}</span>
        </div>
        <h3>${this.t('notesTitle')}</h3>
        <ul class="notes">
          ${(['note1', 'note2', ...(s.widget === 'donor-ranking' ? (['noteChart'] as const) : []), 'note3', 'note4', 'note5', 'note6'] as const).map(
            (k) => html`<li>${this.t(k, { tag: s.widget, script: s.script })}</li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderCode(id: string, title: string, hint: string, code: string): TemplateResult {
    return html`
      <h3 id="${id}-title">${title}</h3>
      <p class="hint">${hint}</p>
      <pre class="code" tabindex="0" aria-labelledby="${id}-title" dir="ltr"><code id=${id}>${code}</code></pre>
      <div class="inline-row">
        <button type="button" class="copy" data-copy=${id} @click=${() => this.copy(id, code)}>${this.t('copy')} <span class="visually-hidden">${title}</span></button>
        <span class="copy-status" role="status">${this.copyStatus[id] ?? ''}</span>
      </div>
    `;
  }
}

defineElement('iom-embed-builder', EmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'iom-embed-builder': EmbedBuilder;
  }
}
