import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import customElements from '../custom-elements.json';
import { LANGUAGE_OPTIONS, THEMES } from '../demo/themes.js';
import { argTypesFromManifest } from '../stories/support/widget.js';
import '../demo/themes.css';
import './preview.css';

// Registers every element that exists (each stories file also imports its own).
import.meta.glob('../src/*/define.ts', { eager: true });

// Controls and the docs pages come from the manifest (`npm run analyze` refreshes it).
setCustomElementsManifest(customElements);

// The loading state, held: any request whose path contains /storybook-hold/ never answers (until
// the widget aborts it), in `storybook dev`, in the static build and wherever that is published.
const HOLD = '/storybook-hold/';
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
  if (!url.pathname.includes(HOLD)) return realFetch(input, init);
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  return new Promise<Response>((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError')), { once: true });
  });
};

/** Container widths a story can ask for with `parameters.iom.width`. */
const WIDTHS: Record<string, string> = { narrow: '320px', wide: '1200px' };

/**
 * Wraps every story in a frame that carries the toolbar's language (lang, dir) and theme
 * (data-iom-theme, from demo/themes.css), and the container width the story asks for.
 */
const withFrame: Decorator = (story, context) => {
  const language = LANGUAGE_OPTIONS.find((l) => l.id === context.globals.locale) ?? LANGUAGE_OPTIONS[0];
  const theme = THEMES.find((t) => t.id === context.globals.theme)?.id ?? 'default';
  const width = (context.parameters.iom as { width?: string } | undefined)?.width;
  // The iframe's own lang follows the toolbar too, for the page-level accessibility checks.
  if (context.viewMode === 'story') document.documentElement.lang = language.id;
  return html`<div
    class="iom-story-frame"
    lang=${language.id}
    dir=${language.dir}
    data-iom-theme=${theme === 'default' ? nothing : theme}
    data-width=${width ?? nothing}
  >
    <div class="iom-story-container" style=${styleMap(width ? { inlineSize: WIDTHS[width] ?? width } : {})}>${story()}</div>
  </div>`;
};

const preview: Preview = {
  decorators: [withFrame],
  globalTypes: {
    locale: {
      description: 'Language and direction of the page around the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: LANGUAGE_OPTIONS.map((l) => ({ value: l.id, title: `${l.label}${l.dir === 'rtl' ? ' (RTL)' : ''}`, right: l.id })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme (demo/themes.css): default, dark, and two example regional themes',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: THEMES.map((t) => ({ value: t.id, title: t.label })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'default' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { source: { excludeDecorators: true }, extractArgTypes: argTypesFromManifest },
    a11y: {
      // Violations fail the story in test runs, not only in the panel.
      test: 'error',
      context: '#storybook-root',
    },
    options: {
      storySort: { order: ['Introduction', 'stat-counter', 'objective-card', 'emergency-list', 'donor-ranking'] },
    },
  },
};

export default preview;
