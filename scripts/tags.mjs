// The four elements' tags, from their one list (src/tags.json), for the build and test scripts.
import TAGS from '../src/tags.json' with { type: 'json' };

export { TAGS };
/** A CSS selector matching any of them: "stat-counter, emergency-list, …". */
export const TAG_SELECTOR = TAGS.join(', ');
/** A regular expression alternative matching any of them (no group): "stat-counter|emergency-list|…". */
export const TAG_ALTERNATIVES = TAGS.join('|');
