import { describeValue } from '../data/errors.js';

/**
 * The one policy for attribute values a widget cannot use (`format="percentage"`,
 * `heading-level="9"`): the widget still shows its data, with the attribute's documented default;
 * it says so once in the console (element, attribute, value, what it accepts and the default used),
 * fires `iom-attribute-warning`, and shows the same words in a note under the widget, where the
 * webmaster who wrote the tag sees them. An empty value means the default and is not a problem.
 */
export interface AttributeRule {
  /** The attribute's name (`heading-level`). */
  attribute: string;
  /** The value in force (the property's). */
  value: unknown;
  /** Whether the widget can use it. */
  valid: boolean;
  /** What it accepts: "one of list, grid", "a whole number from 1 to 6". */
  expected: string;
  /** What the widget does instead: "showing a list", "using 3". */
  fallback: string;
}

/** Detail of `iom-attribute-warning`. */
export interface IomAttributeWarningDetail {
  /** The attribute's name. */
  attribute: string;
  /** The value as written in the attribute (or the property's value, described). */
  value: string;
  /** The whole message: `heading-level="9" is not valid: use a whole number from 1 to 6; using 3.` */
  message: string;
}

/** Something in an attribute other than spaces. */
export function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** An attribute that takes one of a list of words. */
export function oneOf(attribute: string, value: unknown, choices: readonly string[], fallback: string): AttributeRule {
  return {
    attribute,
    value,
    valid: !given(value) || (typeof value === 'string' && choices.includes(value.trim())),
    expected: `one of ${choices.join(', ')}`,
    fallback,
  };
}

/** An attribute that takes a whole number from `min` to `max`. */
export function wholeNumber(attribute: string, value: unknown, min: number, max: number, fallback: string): AttributeRule {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return {
    attribute,
    value,
    valid: !given(value) || (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max),
    expected: max === Infinity ? `a whole number, ${min} or more` : `a whole number from ${min} to ${max}`,
    fallback,
  };
}

/** The warning for a rule that failed on `el`: the value as the page wrote it. */
export function attributeWarning(el: Element, rule: AttributeRule): IomAttributeWarningDetail {
  const raw = el.getAttribute(rule.attribute);
  const value = raw ?? (typeof rule.value === 'string' ? rule.value : describeValue(rule.value));
  const written = raw !== null ? `${rule.attribute}="${raw}"` : `${rule.attribute} ${describeValue(rule.value)}`;
  return { attribute: rule.attribute, value, message: `${written} is not valid: use ${rule.expected}; ${rule.fallback}.` };
}
