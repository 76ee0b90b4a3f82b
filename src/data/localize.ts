import { LANGUAGE_TAG, type Resolved } from './validate.js';

/**
 * The text for `locale` of text given in one language or several (a language map): its own tag
 * (`fr-CH`), then each shorter form of it (`fr`), then English, then the first given.
 */
export function pickText(map: string | Readonly<Record<string, string>>, locale: string): string {
  if (typeof map === 'string') return map;
  const tags = Object.keys(map);
  const find = (tag: string) => tags.find((t) => t.toLowerCase() === tag);
  const parts = locale.toLowerCase().replace(/_/g, '-').split('-');
  let tag: string | undefined;
  while (!tag && parts.length) {
    tag = find(parts.join('-'));
    parts.pop();
  }
  return map[tag ?? find('en') ?? tags[0]];
}

// After validation, the only objects whose keys are all language tags and values all text are the
// language maps the schemas allow (`LanguageMap`): no widget's own object has such keys only.
function isLanguageMap(value: object): value is Record<string, string> {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, text]) => LANGUAGE_TAG.test(key) && typeof text === 'string');
}

/** `data` (valid widget data) with every language map replaced by its text for `locale`. */
export function localize<T>(data: T, locale: string): Resolved<T> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(walk);
      return items.some((item, i) => item !== value[i]) ? items : value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (isLanguageMap(value)) return pickText(value, locale);
    let out: Record<string, unknown> | undefined;
    for (const [key, inner] of Object.entries(value)) {
      const resolved = walk(inner);
      if (resolved !== inner) (out ??= { ...(value as Record<string, unknown>) })[key] = resolved;
    }
    // Nothing to pick: the same object, so data without language maps keeps its identity.
    return out ?? value;
  };
  return walk(data) as Resolved<T>;
}
