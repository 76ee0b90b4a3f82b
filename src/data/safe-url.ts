/**
 * The URL to put in an `href` when it comes from data: http(s) and relative URLs pass,
 * anything else (`javascript:`, `data:`, `vbscript:`, …) gives `undefined`, and the widget shows
 * the text without a link.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!trimmed) return undefined;
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"): strip them before looking.
  const compact = trimmed.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return /^https?$/i.test(scheme[1]) ? trimmed : undefined;
  // Relative (path, query, fragment, protocol-relative to the page's scheme).
  return trimmed;
}
