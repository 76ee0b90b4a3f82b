import { noChange } from 'lit';
import { Directive, PartType, directive, type AttributePart, type PartInfo } from 'lit/directive.js';

type Props = Record<string, string>;

/**
 * Sets CSS custom properties on an element through the CSSOM (`style.setProperty`), which a strict
 * Content-Security-Policy (`style-src 'self'`) allows: a `style` attribute, which Lit's `styleMap`
 * writes on first render, is blocked there. Goes alone in a `style` attribute:
 * `<span style=${cssProps({ '--_pct': '40%' })}>`. On a server (SSR), which has no CSSOM, it
 * renders the attribute instead.
 */
class CssProps extends Directive {
  private previous: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('cssProps() must be the whole value of a style attribute');
    }
  }

  render(props: Props): string {
    return Object.entries(props)
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
  }

  override update(part: AttributePart, [props]: [Props]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    this.previous = Object.keys(props);
    return noChange;
  }
}

export const cssProps = directive(CssProps);
