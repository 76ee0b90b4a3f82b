// The loader, dist/iom-widgets.loader.js: the one script tag a page or a CMS needs. It registers
// each of the four elements when the page has one (in the document, in the open shadow roots of
// the page's components, and when one is added later), fetching only that element's module, and the core the four share,
// from beside itself: a page without a widget fetches nothing more. Beside the one-file build, or
// loaded twice, it leaves defined elements alone. It imports nothing statically (the tags are
// written out: src/tags.json is in the core), so it stays a file of its own, under 1 kB.

/** Each element's module: the bundler makes these the element files beside this one (dist/stat-counter.js…). */
export const MODULES: Record<string, () => Promise<unknown>> = {
  'stat-counter': () => import('./stat-counter/define.js'),
  'objective-card': () => import('./objective-card/define.js'),
  'emergency-list': () => import('./emergency-list/define.js'),
  'donor-ranking': () => import('./donor-ranking/define.js'),
};
const SELECTOR = Object.keys(MODULES).join(',');

/** Shadow roots already watched. */
const watched = new WeakSet<Node>();
const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
});

/** Registers the elements `root` holds (itself included), and watches the open shadow roots in it. */
function discover(root: Element | Document | ShadowRoot): void {
  const tags = new Set<string>();
  if (root instanceof Element && root.matches(SELECTOR)) tags.add(root.localName);
  for (const el of root.querySelectorAll(SELECTOR)) tags.add(el.localName);
  for (const tag of tags) register(tag);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!(el instanceof Element)) continue;
    if (el.shadowRoot) watch(el.shadowRoot);
    else if (el.localName.includes('-') && !customElements.get(el.localName)) laterComponent(el);
  }
}

/** The page's own components not defined yet, by tag: once defined, they may have a shadow root to watch. */
const undefinedComponents = new Map<string, Element[]>();
function laterComponent(el: Element): void {
  const tag = el.localName;
  if (tag in MODULES) return;
  const waiting = undefinedComponents.get(tag);
  if (waiting) return void waiting.push(el);
  undefinedComponents.set(tag, [el]);
  void customElements.whenDefined(tag).then(() => {
    for (const component of undefinedComponents.get(tag)!) if (component.shadowRoot) watch(component.shadowRoot);
    undefinedComponents.delete(tag);
  });
}

function watch(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true });
  discover(root);
}

/** Tags whose module is on its way. */
const loading = new Set<string>();
/**
 * The address of each element file that failed, when the browser's error names it (Chromium,
 * Firefox): asked for again under a new address (`?retry=1`), it loads even in a browser that
 * keeps a failed import failed (Firefox ESR). The same rule as `once()` in src/base/once.ts, written
 * here again because the loader imports nothing.
 */
const failed = new Map<string, string>();
let retries = 0;

function register(tag: string): void {
  if (customElements.get(tag) || loading.has(tag)) return;
  loading.add(tag);
  const url = failed.get(tag);
  (url ? import(/* @vite-ignore */ `${url}?retry=${++retries}`) : MODULES[tag]()).then(() => loading.delete(tag), (error: unknown) => {
    loading.delete(tag);
    const named = /\b(?:https?|file):\/\/\S+/.exec(error instanceof Error ? error.message : String(error))?.[0].replace(/[.,;:)]+$/, '');
    if (named) failed.set(tag, named.replace(/\?retry=\d+$/, ''));
    // The widgets keep their fallback content. Told where a webmaster looks: the console, and an
    // iom-error on each widget of that tag; the next widget of that tag added asks again.
    const message = `iom-widgets: <${tag}> could not be loaded (${error instanceof Error ? error.message : String(error)}). Upload the whole dist/ folder beside iom-widgets.loader.js, or use the one-file build.`;
    console.error(message);
    for (const el of document.querySelectorAll(tag)) el.dispatchEvent(new CustomEvent('iom-error', { bubbles: true, composed: true, detail: { message, kind: 'network', cause: error } }));
  });
}

watch(document);
