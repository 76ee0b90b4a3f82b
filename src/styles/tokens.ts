import { css } from 'lit';

/**
 * The design tokens. A site sets the public `--iom-*` properties on `:root` or any ancestor; each
 * widget reads them through private `--_*` properties with IOM's defaults. Colours use
 * `light-dark()`, so a host page with `color-scheme: dark` gets dark widgets without setting a token.
 * Sizes are in `em`, never `rem`: the host page owns the root font size.
 *
 * Every element's documentation lists them (custom-elements-manifest.config.mjs reads them here):
 *
 * @cssprop --iom-color-primary - IOM blue: figures, bars, links, buttons (default `#0033a0`; dark `#8fb3ff`).
 * @cssprop --iom-color-on-primary - Text on the primary colour (default `#ffffff`; dark `#0b1020`).
 * @cssprop --iom-color-text - Body text (default `#1b1f24`; dark `#eef1f5`).
 * @cssprop --iom-color-text-muted - Secondary text (default `#545b64`; dark `#b4bcc8`).
 * @cssprop --iom-color-surface - Card and box backgrounds (default `#ffffff`; dark `#151a22`).
 * @cssprop --iom-color-surface-alt - Tracks, zebra rows, skeleton (default `#f2f5fa`; dark `#1f2631`).
 * @cssprop --iom-color-border - Borders and rules (default `#d5dbe3`; dark `#3a4452`).
 * @cssprop --iom-color-accent - Secondary accent (default `#00a0dc`; dark `#5cc8f0`).
 * @cssprop --iom-color-success - Increases (default `#1e7b34`; dark `#6fd08a`).
 * @cssprop --iom-color-warning - Warnings (default `#8a5a00`; dark `#f2c14e`).
 * @cssprop --iom-color-danger - Errors (default `#b3261e`; dark `#ff8a80`).
 * @cssprop --iom-color-focus - The focus ring (default: the primary colour).
 * @cssprop --iom-font-family - Font (default: inherited from the page).
 * @cssprop --iom-font-size-small - Small text, relative to the widget's font size (default `0.875em`).
 * @cssprop --iom-font-size-large - Large text (default `1.25em`).
 * @cssprop --iom-font-size-display - Headline figures (default `2.5em`).
 * @cssprop --iom-font-weight - Body weight (default `400`).
 * @cssprop --iom-font-weight-bold - Bold weight (default `700`).
 * @cssprop --iom-line-height - Line height of the widget's text (default `1.4`; a host page's `line-height` does not reach it).
 * @cssprop --iom-space - Base spacing (default `1em`).
 * @cssprop --iom-radius - Corner radius (default `0.375em`).
 */
export const tokens = css`
  :host {
    --_primary: var(--iom-color-primary, light-dark(#0033a0, #8fb3ff));
    --_on-primary: var(--iom-color-on-primary, light-dark(#ffffff, #0b1020));
    --_text: var(--iom-color-text, light-dark(#1b1f24, #eef1f5));
    --_muted: var(--iom-color-text-muted, light-dark(#545b64, #b4bcc8));
    --_surface: var(--iom-color-surface, light-dark(#ffffff, #151a22));
    --_surface-alt: var(--iom-color-surface-alt, light-dark(#f2f5fa, #1f2631));
    --_border: var(--iom-color-border, light-dark(#d5dbe3, #3a4452));
    --_accent: var(--iom-color-accent, light-dark(#00a0dc, #5cc8f0));
    --_success: var(--iom-color-success, light-dark(#1e7b34, #6fd08a));
    --_warning: var(--iom-color-warning, light-dark(#8a5a00, #f2c14e));
    --_danger: var(--iom-color-danger, light-dark(#b3261e, #ff8a80));
    --_objective-1: var(--iom-objective-1, light-dark(#0033a0, #8fb3ff));
    --_objective-2: var(--iom-objective-2, light-dark(#0e6b5c, #6fd3c1));
    --_objective-3: var(--iom-objective-3, light-dark(#8c3b00, #ffb27a));
    --_font: var(--iom-font-family, inherit);
    --_size-sm: var(--iom-font-size-small, 0.875em);
    --_size-lg: var(--iom-font-size-large, 1.25em);
    --_size-xl: var(--iom-font-size-display, 2.5em);
    --_weight: var(--iom-font-weight, 400);
    --_weight-bold: var(--iom-font-weight-bold, 700);
    --_space: var(--iom-space, 1em);
    --_space-sm: calc(var(--_space) / 2);
    --_space-xs: calc(var(--_space) / 4);
    --_radius: var(--iom-radius, 0.375em);
    --_focus: var(--iom-color-focus, var(--_primary));
    --_focus-width: max(2px, 0.15em);
  }
`;

/**
 * A clean slate inside the host page. Every inherited property that a CMS theme or a hostile global
 * sheet may set (`* { line-height: 3 !important; letter-spacing: .2em; text-transform: uppercase }`:
 * `*` matches the host element) is set again on the host with `!important`, which inside a shadow
 * root beats the page's own `!important`. Only the font family, the font size and the colour come
 * through from the page (themes set the rest with the `--iom-*` properties).
 */
export const reset = css`
  :host {
    display: block;
    box-sizing: border-box !important;
    font-family: var(--_font);
    font-weight: var(--_weight) !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-kerning: auto !important;
    font-size-adjust: none !important;
    font-synthesis: weight style small-caps !important;
    font-optical-sizing: auto !important;
    line-height: var(--iom-line-height, 1.4) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: var(--_text-align, start) !important;
    text-align-last: auto !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    text-decoration: none !important;
    text-emphasis: none !important;
    text-rendering: auto !important;
    text-underline-offset: auto !important;
    text-underline-position: auto !important;
    white-space: normal !important;
    text-wrap-style: auto !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    line-break: auto !important;
    hyphens: manual !important;
    tab-size: 8 !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke: 0 !important;
    paint-order: normal !important;
    list-style: none !important;
    quotes: auto !important;
    border-collapse: separate !important;
    border-spacing: 0 !important;
    empty-cells: show !important;
    caption-side: top !important;
    visibility: visible !important;
    pointer-events: auto !important;
    cursor: auto !important;
    writing-mode: horizontal-tb !important;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  /* Not inherit: a page rule such as * { box-sizing: content-box !important } reaches the host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* At least 2 CSS px thick, outside the control, in the primary colour (3:1 against the widget's
     surface in light and dark), in the system's highlight colour in forced colours. */
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** The shared state pieces: skeleton, error box, empty message, buttons. */
export const states = css`
  /* "Get the data: CSV · JSON", under the widget: quiet, and not in print (a printout has no downloads). */
  .download {
    margin-block: var(--_space-xs) 0;
    font-size: var(--_size-sm);
    color: var(--_muted);
  }
  .download a {
    color: inherit;
  }
  /* As prerendered, before the script makes its links: its place kept, nothing shown. */
  .download.pending {
    visibility: hidden;
  }
  @media print {
    .download {
      display: none;
    }
  }
  .skeleton {
    display: grid;
    gap: var(--_space-sm);
    min-block-size: var(--_skeleton-height, 4em);
  }
  .skeleton-line {
    block-size: 1em;
  }
  /* A grey bar: a placeholder line, or a widget's own text laid out but not shown (.placeholder). */
  .skeleton-line,
  .placeholder {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-alt) 25%, var(--_border) 50%, var(--_surface-alt) 75%);
    background-size: 200% 100%;
    animation: iom-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton-line:nth-child(3n + 2) {
    inline-size: 80%;
  }
  .skeleton-line:nth-child(3n) {
    inline-size: 60%;
  }
  @keyframes iom-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  /* Forced colours drop backgrounds: the placeholder is drawn in a system colour instead. */
  @media (forced-colors: active) {
    .skeleton-line,
    .placeholder {
      forced-color-adjust: none;
      background: GrayText;
    }
  }
  .placeholder {
    color: transparent;
    -webkit-text-fill-color: transparent;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-line,
    .placeholder {
      animation: none;
    }
  }
  .error {
    display: grid;
    gap: var(--_space-xs);
    justify-items: start;
    padding: var(--_space-sm) var(--_space);
    border: 1px solid var(--_danger);
    border-inline-start-width: 0.3em;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--_size-sm);
  }
  .error-title {
    font-weight: var(--_weight-bold);
    color: var(--_danger);
  }
  .error-message {
    overflow-wrap: anywhere;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  /* The note on attribute values the widget could not use (it shows its data with the defaults). */
  .attribute-warning,
  .stale {
    margin-block-start: var(--_space-sm);
    padding: var(--_space-xs) var(--_space-sm);
    border: 1px solid var(--_warning);
    border-inline-start-width: 0.3em;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--_size-sm);
    overflow-wrap: anywhere;
  }
  .attribute-warning strong,
  .stale strong {
    color: var(--_warning);
  }
  .empty {
    padding: var(--_space-sm) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  button {
    font: inherit;
    font-size: var(--_size-sm);
    cursor: pointer;
    padding: var(--_space-xs) var(--_space-sm);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    line-height: 1.4;
  }
  button:hover {
    background: var(--_surface-alt);
  }
  @media print {
    .skeleton-line,
    .placeholder {
      animation: none;
    }
    button {
      display: none;
    }
  }
`;
