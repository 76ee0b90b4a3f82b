import { render, type TemplateResult } from 'lit';

/**
 * Rendered items kept by identity while their inputs stay the same, so that an item which leaves
 * the list (a search, a filter, a sort that cuts a long list back to its first chunk) and comes
 * back is moved back in, not built again: Lit's `repeat` drops the DOM of every item it no longer
 * shows, and building an item's DOM is most of the cost of showing it. Like `guard`, `inputs`
 * must name everything the template reads besides `key` itself; other inputs render it afresh.
 * A memo, not state: what `node` returns is always what `template()` renders for those inputs.
 */
export class KeptItems<K extends object> {
  private readonly kept = new WeakMap<K, { inputs: readonly unknown[]; node: Element }>();

  /** `host`: the element whose methods event listeners in the template call (`this`). */
  constructor(private readonly host: object) {}

  /** The one element `template()` renders for `key` and `inputs`, built the first time. */
  node(key: K, inputs: readonly unknown[], template: () => TemplateResult): Element {
    const known = this.kept.get(key);
    if (known && known.inputs.length === inputs.length && known.inputs.every((input, i) => input === inputs[i])) return known.node;
    const fragment = document.createDocumentFragment();
    render(template(), fragment, { host: this.host });
    const node = fragment.firstElementChild!;
    this.kept.set(key, { inputs, node });
    return node;
  }
}
