import type { TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

// Heading tags as static literals: a real <h1>…<h6>, with no string from outside ever becoming a tag.
const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** Whether `value` is a heading level: a whole number from 1 to 6. */
export function isHeadingLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
}

/**
 * A real `<hN>` (N = `level`, 1 to 6; anything else gives `<h3>`) with the given part and class,
 * so a widget's headings fit the page's outline.
 */
export function heading(level: number, content: unknown, attributes: { part: string; class: string; id?: string }): TemplateResult {
  const tag = TAGS[(isHeadingLevel(level) ? level : 3) - 1];
  return attributes.id
    ? staticHtml`<${tag} part=${attributes.part} class=${attributes.class} id=${attributes.id}>${content}</${tag}>`
    : staticHtml`<${tag} part=${attributes.part} class=${attributes.class}>${content}</${tag}>`;
}
