// One block per widget: in the editor, the data picker and the widget's options in the sidebar and
// the real widget, live, in the canvas; saved, the widget's tag with its attributes and its fallback
// content (the embed builder's own markup: demo/builder/snippet.ts), so the published page needs
// nothing from this plugin but the script, and reads right without it.
import type { AttributeField, WidgetInfo } from '../../demo/builder/manifest.js';
import { checkValue, dataLayersLoaded, firstValid, loadAddress, valueAt } from '../../demo/builder/data.js';
import { elementMarkup, fallbackOf } from '../../demo/builder/snippet.js';
import { joinSrc, resolveAddress, splitSrc, validEntries, type Entry } from './data.js';
import type { BlockEditProps, EditorConfig } from './wp.js';

/** A block's attributes: `src`, the fallback's inner HTML, and the widget's attributes by name (a string, or `true` for a boolean that is on). */
export type BlockAttributes = { src?: string; fallback?: string } & Record<string, string | boolean | undefined>;

const h = wp.element.createElement;
const { useEffect, useLayoutEffect, useRef, useState, Fragment, RawHTML } = wp.element;
const { InspectorControls, MediaUpload, MediaUploadCheck, useBlockProps } = wp.blockEditor;
const { Button, Notice, PanelBody, Placeholder, SelectControl, Spinner, TextControl, ToggleControl } = wp.components;
const __ = (text: string) => wp.i18n.__(text, 'iom-widgets');
const { sprintf } = wp.i18n;

const config = (): EditorConfig => window.iomWidgetsEditor ?? { dataFolder: '/', dataFiles: [], scriptUrl: '', language: document.documentElement.lang };

/** The widget's attributes as written in HTML, in the manifest's order: `[name, value]`, `''` for a boolean. */
export function htmlAttributes(widget: WidgetInfo, attributes: BlockAttributes): [string, string][] {
  return widget.fields.flatMap((field): [string, string][] => {
    const value = attributes[field.name];
    if (field.kind === 'boolean') return value === true ? [[field.name, '']] : [];
    return typeof value === 'string' && value !== '' ? [[field.name, value]] : [];
  });
}

/**
 * What the block saves: `<tag src="…" …><div slot="fallback">…</div></tag>`, written by the embed
 * builder's elementMarkup. Saved posts hold it: a change to this markup needs a `deprecated` entry
 * for the blocks, or WordPress reports the posts saved before it as invalid.
 */
export function saveMarkup(widget: WidgetInfo, attributes: BlockAttributes): string {
  return elementMarkup({
    tag: widget.tag,
    attributes: htmlAttributes(widget, attributes),
    src: attributes.src || undefined,
    fallback: attributes.fallback ? `<div slot="fallback">${attributes.fallback}</div>` : undefined,
  });
}

type Load = { status: 'idle' | 'loading' } | { status: 'ready'; doc: unknown; entries: Entry[] } | { status: 'error'; message: string };

type Widget = HTMLElement & { status?: string; loadComplete?: Promise<unknown> };

/** Resolves once a widget, and the widgets inside it (objective-card's counters), show their data or error. */
async function settled(el: Widget): Promise<void> {
  const registry = el.ownerDocument.defaultView?.customElements ?? customElements;
  await registry.whenDefined(el.localName);
  await el.loadComplete;
  for (const inner of el.shadowRoot?.querySelectorAll<Widget>('stat-counter') ?? []) {
    await registry.whenDefined(inner.localName);
    await inner.loadComplete;
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** An editor canvas in an iframe (the site editor) has its own element registry: load the widgets there too. */
function ensureScriptIn(doc: Document): void {
  if (doc === document || doc.querySelector('script[data-iom-widgets]') || !config().scriptUrl) return;
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = config().scriptUrl;
  script.dataset.iomWidgets = '';
  doc.head.append(script);
}

/** Saving waits while a widget's fallback is being made, so what is saved always matches what is shown. */
function savingLock(name: string): { lock(): void; unlock(): void } {
  const editor = () => {
    try {
      return wp.data.dispatch('core/editor');
    } catch {
      return undefined; // no post editor here (the site editor, the widgets screen)
    }
  };
  return { lock: () => void editor()?.lockPostSaving?.(name), unlock: () => void editor()?.unlockPostSaving?.(name) };
}

/** Where the data comes from: a file of the data folder, the Media Library, or an address. */
function DataPicker(props: { address: string; onAddress(address: string): void }) {
  const { dataFiles, dataFolder } = config();
  const [draft, setDraft] = useState(props.address);
  useEffect(() => setDraft(props.address), [props.address]);
  const listed = dataFiles.some((f) => f.url === props.address);
  return h(
    'div',
    { className: 'iom-widgets-data-picker' },
    dataFiles.length
      ? h(SelectControl, {
          label: __('Data file'),
          value: listed ? props.address : '',
          options: [{ label: listed || !props.address ? __('Choose a file…') : __('(another address, below)'), value: '' }, ...dataFiles.map((f) => ({ label: f.name, value: f.url }))],
          onChange: (url: string) => url && props.onAddress(url),
          help: sprintf(__('The files of the data folder, %s'), dataFolder),
        })
      : null,
    h(
      MediaUploadCheck,
      null,
      h(MediaUpload, {
        allowedTypes: ['application/json', 'text/csv'],
        onSelect: (media: { url: string }) => props.onAddress(media.url),
        render: ({ open }: { open(): void }) => h(Button, { variant: 'secondary', onClick: open }, __('Media Library…')),
      }),
    ),
    h(
      'form',
      {
        className: 'iom-widgets-address',
        onSubmit: (event: Event) => {
          event.preventDefault();
          props.onAddress(resolveAddress(draft, dataFolder));
        },
      },
      h(TextControl, {
        label: __('Address of a data file'),
        value: draft,
        onChange: setDraft,
        help: __('A JSON or CSV (HXL) file: an address, a path from the site’s root, or a file name of the data folder.'),
      }),
      h(Button, { variant: 'secondary', type: 'submit' }, __('Use this address')),
    ),
  );
}

/** The widget's options, generated from its attributes in custom-elements.json. */
function OptionField(props: { field: AttributeField; value: string | boolean | undefined; onChange(value: string | boolean | undefined): void }) {
  const { field } = props;
  const help = field.description.replace(/`/g, '');
  if (field.kind === 'boolean') {
    return h(ToggleControl, { label: field.name, help, checked: props.value === true, onChange: (on: boolean) => props.onChange(on || undefined) });
  }
  const value = typeof props.value === 'string' ? props.value : '';
  const onChange = (v: string) => props.onChange(v === '' ? undefined : v);
  if (field.kind === 'enum') {
    const unset = field.default !== undefined ? sprintf(__('Default (%s)'), field.default) : __('Not set');
    return h(SelectControl, { label: field.name, help, value, options: [{ label: unset, value: '' }, ...field.values!.map((v) => ({ label: v, value: v }))], onChange });
  }
  return h(TextControl, { label: field.name, help, value, type: field.kind === 'number' ? 'number' : 'text', placeholder: field.default ?? '', onChange });
}

export function editFor(widget: WidgetInfo) {
  return function Edit({ attributes, setAttributes, clientId }: BlockEditProps<BlockAttributes>) {
    const { address, pointer } = splitSrc(attributes.src);
    const [load, setLoad] = useState<Load>({ status: 'idle' });
    const [status, setStatus] = useState('');
    /** Pick the first entry the widget takes once the file is read: after the editor chose a new file. */
    const autoPick = useRef(false);
    const preview = useRef<Widget | null>(null);
    // A widget without `locale` follows the nearest `lang`: in the editor, the site's, as on the page.
    const blockProps = useBlockProps({ lang: config().language });

    const chooseAddress = (next: string) => {
      autoPick.current = true;
      setAttributes({ src: joinSrc(next, '') || undefined });
    };

    // Read the file as the widget will, and list the entries the widget accepts.
    useEffect(() => {
      if (!address) return setLoad({ status: 'idle' });
      const abort = new AbortController();
      setLoad({ status: 'loading' });
      (async () => {
        await dataLayersLoaded();
        const doc = await loadAddress(address, abort.signal);
        if (abort.signal.aborted) return;
        setLoad({ status: 'ready', doc, entries: validEntries(widget.tag, doc, __('The whole file')) });
        if (autoPick.current) {
          autoPick.current = false;
          const found = valueAt(doc, pointer, address);
          if (!found.ok || !checkValue(widget.tag, found.value).ok) {
            const first = firstValid(widget.tag, doc);
            if (first !== undefined) setAttributes({ src: joinSrc(address, first) });
          }
        }
      })().catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
      return () => abort.abort();
    }, [address]);

    // The fallback content, from the live widget once it shows its data: what readers without
    // JavaScript get, in the widget's own words and figures. A layout effect: saving is locked in
    // the same task as the widget's new attributes reach the page, so no save falls between them.
    const markup = saveMarkup(widget, { ...attributes, fallback: undefined });
    useLayoutEffect(() => {
      const el = preview.current;
      if (!el) return;
      ensureScriptIn(el.ownerDocument);
      const saving = savingLock(`iom-widgets-${clientId}`);
      let current = true;
      saving.lock();
      setStatus(__('Loading the widget…'));
      const giveUp = new Promise((resolve) => setTimeout(resolve, 25_000));
      Promise.race([settled(el), giveUp])
        .then(() => {
          if (!current) return;
          const ready = el.status === 'ready';
          const fallback = ready ? fallbackOf(el)?.replace(/^<div slot="fallback">|<\/div>$/g, '') : undefined;
          if (fallback !== attributes.fallback) setAttributes({ fallback });
          setStatus(ready ? __('The widget is ready; its fallback text is saved with it.') : el.status === 'error' ? __('The widget shows an error: see the widget.') : '');
        })
        .finally(() => current && saving.unlock());
      return () => {
        current = false;
        saving.unlock();
      };
    }, [markup]);

    const options = widget.fields.map((field) =>
      h(OptionField, { key: field.name, field, value: attributes[field.name], onChange: (value: string | boolean | undefined) => setAttributes({ [field.name]: value }) }),
    );
    const picker = h(DataPicker, { address, onAddress: chooseAddress });
    const entryPicker =
      load.status === 'loading'
        ? h(Spinner)
        : load.status === 'error'
          ? h(Notice, { status: 'error', isDismissible: false }, load.message)
          : load.status === 'ready'
            ? load.entries.length
              ? h(SelectControl, {
                  label: __('Entry of the file'),
                  value: pointer,
                  options: [...(load.entries.some((e) => e.pointer === pointer) ? [] : [{ label: pointer || __('The whole file'), value: pointer }]), ...load.entries.map((e) => ({ label: e.label, value: e.pointer }))],
                  onChange: (next: string) => setAttributes({ src: joinSrc(address, next) }),
                  help: sprintf(__('Only the entries that are data for <%s> are listed.'), widget.tag),
                })
              : h(Notice, { status: 'warning', isDismissible: false }, sprintf(__('No entry of this file is data for <%s>.'), widget.tag))
            : null;
    const empty = !attributes.src && htmlAttributes(widget, attributes).length === 0;
    return h(
      Fragment,
      null,
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: __('Data'), initialOpen: true },
          picker,
          entryPicker,
          address ? h('p', { className: 'iom-widgets-src' }, h('code', { style: { wordBreak: 'break-all' } }, attributes.src)) : null,
          h('p', { className: 'iom-widgets-status', role: 'status' }, status),
        ),
        h(PanelBody, { title: __('Options'), initialOpen: false }, ...options),
      ),
      h(
        'div',
        blockProps,
        empty
          ? h(
              Placeholder,
              { icon: 'chart-bar', label: sprintf(__('IOM %s'), widget.tag.replace(/-/g, ' ')), instructions: __('Choose its data: a file of the data folder, of the Media Library, or an address. Its options are in the block’s settings.') },
              picker,
            )
          : h(widget.tag, { ...Object.fromEntries(htmlAttributes(widget, attributes)), src: attributes.src || undefined, ref: preview }),
      ),
    );
  };
}

export function saveFor(widget: WidgetInfo) {
  return function Save({ attributes }: { attributes: BlockAttributes }) {
    return h(RawHTML, null, saveMarkup(widget, attributes));
  };
}
