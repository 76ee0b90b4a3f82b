// The four elements' tags, from their one list (src/tags.json: each element class's tag, read by
// the definitions, the prerender and React too), for the build and test scripts.
import BY_CLASS from '../src/tags.json' with { type: 'json' };

/** The tags, simplest widget first. */
export const TAGS = Object.values(BY_CLASS);
/** Each element class's tag: `{ StatCounter: 'stat-counter', … }`. */
export { BY_CLASS };
/** A CSS selector matching any of them: "stat-counter, emergency-list, …". */
export const TAG_SELECTOR = TAGS.join(', ');
/** A regular expression alternative matching any of them (no group): "stat-counter|emergency-list|…". */
export const TAG_ALTERNATIVES = TAGS.join('|');
