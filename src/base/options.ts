import { nothing, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { describeValue } from '../data/errors.js';
import { plainNumber } from '../data/parse.js';
import { emit } from './events.js';

/**
 * An option attribute, declared once: how its value is read, the default used in its place, and
 * what to say when a value cannot be used (`format="percentage"`, `heading-level="9"`). The widget
 * then shows its data with the default, says so once in the console, fires `iom-attribute-warning`
 * and shows the same words in a note under itself, where the webmaster who wrote the tag sees them.
 * An empty value means the default and is not a problem.
 */
export interface Option<V> {
  readonly attribute: string;
  /** The value in force: what the property holds, read, when it can be used; else the default. */
  value(raw: unknown): V;
  /** When `raw` cannot be used: what the attribute takes and what is used instead ("use one of list, grid; showing a list"). */
  problem(raw: unknown): string | undefined;
}

/**
 * How a number attribute is read (a Lit converter): a blank one is no value, so the default
 * applies; one not written with digits only ("31.6 million", "1,200") is NaN, which the option's
 * warning names.
 */
export const numberAttribute = {
  fromAttribute: (raw: string | null): number | undefined => (raw === null || raw.trim() === '' ? undefined : plainNumber(raw)),
  toAttribute: (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value)),
};

/** Whether an attribute holds something other than spaces. */
export function isSet<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** An option whose value `read` makes of what is set (undefined: it cannot be used), else `fallback`. */
export function option<V>(attribute: string, read: (raw: unknown) => V | undefined, fallback: V, expected: string, instead: string): Option<V> {
  return {
    attribute,
    value: (raw) => (isSet(raw) ? (read(raw) ?? fallback) : fallback),
    problem: (raw) => (isSet(raw) && read(raw) === undefined ? `use ${expected}; ${instead}` : undefined),
  };
}

/** An option that takes one of a list of words (`as const`, which gives its type too). */
export function choice<const C extends readonly string[], D extends string | undefined>(attribute: string, choices: C, fallback: D, instead: string): Option<C[number] | D> {
  const read = (raw: unknown) => (typeof raw === 'string' && choices.includes(raw.trim()) ? (raw.trim() as C[number]) : undefined);
  return option<C[number] | D>(attribute, read, fallback, `one of ${choices.join(', ')}`, instead);
}

/** An option that takes a whole number from `min` to `max`. */
export function wholeNumber<D extends number | undefined>(attribute: string, min: number, max: number, fallback: D, instead: string): Option<number | D> {
  const read = (raw: unknown) => {
    const n = typeof raw === 'string' ? Number(raw) : raw;
    return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  return option<number | D>(attribute, read, fallback, max === Infinity ? `a whole number, ${min} or more` : `a whole number from ${min} to ${max}`, instead);
}

/** An option and the value its property holds in this update. */
export type OptionValue = readonly [Option<unknown>, unknown];

/** Detail of `iom-attribute-warning`. */
export interface IomAttributeWarningDetail {
  /** The attribute's name. */
  attribute: string;
  /** The value as written in the attribute (or the property's value, described). */
  value: string;
  /** The whole message: `heading-level="9" is not valid: use a whole number from 1 to 6; using 3.` */
  message: string;
}

/**
 * The attribute values a widget cannot use in this update (`check`, from its options), shown in a
 * note under it (`note`) and each warned about once, in the console and with `iom-attribute-warning`.
 */
export class AttributeWarnings implements ReactiveController {
  list: IomAttributeWarningDetail[] = [];
  private readonly warned = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  check(values: readonly OptionValue[]): void {
    this.list = values.flatMap(([option, raw]) => {
      const problem = option.problem(raw);
      if (!problem) return [];
      // The value as the page wrote it, when the attribute is what the property holds (not a property set since).
      const attribute = this.host.getAttribute(option.attribute);
      const written = attribute !== null && (attribute === raw || (typeof raw === 'number' && numberAttribute.fromAttribute(attribute) === raw) || Number.isNaN(raw)) ? attribute : null;
      const value = written ?? (typeof raw === 'string' ? raw : describeValue(raw));
      const what = written !== null ? `${option.attribute}="${written}"` : `${option.attribute} ${describeValue(raw)}`;
      return [{ attribute: option.attribute, value, message: `${what} is not valid: ${problem}.` }];
    });
  }

  hostUpdated(): void {
    for (const warning of this.list) {
      const key = `${warning.attribute}\u0000${warning.value}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      console.warn(`<${this.host.localName}>: ${warning.message}`);
      emit<IomAttributeWarningDetail>(this.host, 'iom-attribute-warning', warning);
    }
  }

  /** The note under the widget, `label` in its language ("Attribute ignored:"), the messages in English. */
  note(label: string): TemplateResult | typeof nothing {
    if (!this.list.length) return nothing;
    return html`<div class="attribute-warning" part="attribute-warning" role="note">
      <strong>${label}</strong>
      ${this.list.map((w) => html` <span lang="en" dir="ltr">${w.message}</span>`)}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  }
}
