import { html, nothing, type TemplateResult } from 'lit';

/** A loading placeholder of grey lines, named for screen readers ("Loading…") once the words of its language are in. */
export function skeleton(label: string | undefined, lines: number): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status" aria-label=${label ?? nothing}>${Array.from({ length: lines }, () => html`<div class="skeleton-line"></div>`)}</div>`;
}

/** The error box: what failed, in words for the webmaster, with a Retry button when loading again may help. */
export function errorBox(title: string, message: string, retry?: { label: string; run: () => void }): TemplateResult {
  return html`<div class="error" part="error">
    <span class="error-title">${title}</span>
    <span class="error-message">${message}</span>
    ${retry ? html`<button type="button" part="retry" @click=${retry.run}>${retry.label}</button>` : nothing}
  </div>`;
}

/** Under figures that `refresh` could not read again: they stay, and this says so (`lead`, in the widget's language), why (in English, as errors are), and offers Retry. */
export function staleNote(lead: string, message: string, retry: { label: string; run: () => void }): TemplateResult {
  return html`<div class="stale" part="stale" role="status">
    <strong>${lead}</strong> <span lang="en" dir="ltr">${message}</span>
    <button type="button" part="retry" @click=${retry.run}>${retry.label}</button>
  </div>`;
}
