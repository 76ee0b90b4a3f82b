/**
 * Marker set on every iom-widgets element class, so that a second copy of the library on the
 * same page (two CMS plugins each bundling it) is recognised as ours and not warned about.
 */
export const IOM_WIDGET = Symbol.for('iom-widgets.element');

const warned = new Set<string>();

/**
 * Registers a custom element without ever throwing.
 *
 * - name free: define it;
 * - name already taken by an iom-widgets class (this copy or another copy of the library): do nothing;
 * - name taken by something else: do nothing and warn once, naming the tag.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name);
  if (existing === undefined) return registry.define(name, ctor);
  if (existing === ctor || (existing as unknown as Record<symbol, unknown>)[IOM_WIDGET]) return;
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(
      `iom-widgets: <${name}> is already defined by another script on this page; iom-widgets left it alone.`,
    );
  }
}
