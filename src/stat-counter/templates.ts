// How <stat-counter> lays out its figure, and its loading placeholder in the same layout: pure
// functions of the figure (its data with the attributes laid over it) and the locale.
import { html, nothing, type TemplateResult } from 'lit';
import { renderSource, sourceText } from '../base/source-line.js';
import { msg } from '../i18n/words.js';
import { figureChange, figureText } from './figure-format.js';
import type { StatCounterData } from './stat-counter.data.js';

/** The figure: prefix, value, suffix and label, then its description, change and source. A count-up draws over `.value` and `.digits`. */
export function figureTemplate(f: StatCounterData, locale: string): TemplateResult {
  const text = figureText(f.value, f, locale);
  const { before, after } = affixSpaces(f);
  return html`<p class="figure" part="figure"
      >${f.prefix ? html`<span class="prefix" part="prefix">${f.prefix}</span>${before}` : nothing}<span class="value" part="value"
        ><span class="final">${text.head}<span class="digits" data-n=${text.digits}>${text.digits}</span>${text.tail}</span></span
      >${f.suffix ? html`${after}<span class="suffix" part="suffix">${f.suffix}</span>` : nothing}${f.label
        ? html` <span class="label" part="label">${f.label}</span>`
        : nothing}</p
    >
    ${f.description ? html`<p class="description" part="description">${f.description}</p>` : nothing}
    ${f.previous !== undefined ? changeTemplate(f, f.previous, locale) : nothing}
    ${f.source !== undefined ? renderSource(f.source, locale) : nothing}`;
}

/** "18% increase from 2022", with its arrow. */
function changeTemplate(f: StatCounterData, previous: number, locale: string): TemplateResult {
  const change = figureChange(f.value, previous, f, locale);
  const from = f.previousLabel || figureText(previous, f, locale).text;
  const key = change.direction === 'up' ? 'statCounterUp' : change.direction === 'down' ? 'statCounterDown' : 'statCounterSame';
  const arrow = change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '';
  return html`<p class="change" part="change" data-direction=${change.direction}
    >${arrow ? html`<span class="arrow" aria-hidden="true">${arrow}</span>` : nothing}${msg(locale, key, { change: change.amount, from })}</p
  >`;
}

/**
 * The loading placeholder: the ready figure's own layout, with grey bars where its text will be.
 * What the attributes already say (prefix, label, description, source) is laid out as the ready
 * state lays it out, in transparent text over a bar, so the placeholder has the ready state's
 * size, line breaks included, and nothing moves when the figure arrives. The pieces carry the
 * ready state's part names, so a page's `::part()` rules (a hidden source line) apply to both.
 */
export function figureSkeleton(f: Partial<StatCounterData>, locale: string, label: string | undefined): TemplateResult {
  const bar = (text: string) => html`<span class="placeholder">${text}</span>`;
  const line = html`<span class="placeholder placeholder-line">\u200b</span>`;
  const { before, after } = affixSpaces(f);
  const source = f.source !== undefined ? sourceText(f.source, locale) : undefined;
  // The value when it is known (an attribute), else a number of the figure's format and typical
  // width ("12.3 million") stands in for it.
  const typical = { compact: 12_300_000, percent: 12.3, currency: 1_234_567, standard: 123_456 }[f.format ?? 'standard'];
  const known = typeof f.value === 'number' && Number.isFinite(f.value);
  const placeholder = known || (f.format && (f.format !== 'currency' || f.currency)) ? figureText(known ? f.value! : typical, f, locale).text : '00.0';
  return html`<div class="skeleton" part="skeleton" role="status" aria-label=${label ?? nothing}>
    <p class="figure" part="figure" aria-hidden="true"
      >${f.prefix ? html`<span class="prefix" part="prefix">${bar(f.prefix)}</span>${before}` : nothing}<span class="value" part="value">${bar(placeholder)}</span
      >${f.suffix ? html`${after}<span class="suffix" part="suffix">${bar(f.suffix)}</span>` : nothing} <span class="label" part="label">${f.label ? bar(f.label) : line}</span></p
    >
    ${f.description ? html`<p class="description" part="description" aria-hidden="true">${bar(f.description)}</p>` : nothing}
    ${f.previous !== undefined ? html`<p class="change" part="change" aria-hidden="true">${line}</p>` : nothing}
    ${source ? html`<p class="source" part="source" aria-hidden="true">${bar(source.lead + source.title + source.trail)}</p>` : nothing}
  </div>`;
}

/** A space between words ("Over 31.6 million"), none before or after signs ("600,000+", "~5"). */
function affixSpaces(f: Pick<StatCounterData, 'prefix' | 'suffix'>): { before: string; after: string } {
  return {
    before: f.prefix && /[\p{L}\p{N}]$/u.test(f.prefix) ? ' ' : '',
    after: f.suffix && /^[\p{L}\p{N}]/u.test(f.suffix) ? ' ' : '',
  };
}
