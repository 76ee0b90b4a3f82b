// The Node entry `iom-widgets/prerender`.
export { prerender, prerenderFile, WIDGET_TAGS } from './prerender.js';
export type { PrerenderOptions, PrerenderProblem, PrerenderResult, PrerenderStylesheet } from './prerender.js';
