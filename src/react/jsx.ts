// JSX types for the tags themselves in React 19 TSX (`<stat-counter value={600000} label="…">`),
// shipped as dist/types/react/jsx.d.ts and opted into with `import type {} from 'iom-widgets/jsx'`.
// Each tag takes React's HTML props plus the element's own settable properties, typed from its
// class, and its events as React 19 hands them to custom elements: `oniom-load={…}` listens to
// `iom-load`. Set properties such as `data={…}` once the element is registered (import
// `iom-widgets` or its element module before rendering), or React writes them as attributes.
import type * as React from 'react';
import type { DonorRanking } from '../donor-ranking/donor-ranking.js';
import type { EmergencyList } from '../emergency-list/emergency-list.js';
import type { ObjectiveCard } from '../objective-card/objective-card.js';
import type { StatCounter } from '../stat-counter/stat-counter.js';
import type { DonorRankingEvents, EmergencyListEvents, HtmlProps, ObjectiveCardEvents, SettableProps, StatCounterEvents } from './types.js';

/** React 19 adds a listener for a custom element's `on<event name>` prop: `oniom-load`. */
export type TagEventProps<Events> = { [N in keyof Events & string as `on${N}`]?: (event: Events[N]) => void };

/** The props of one of our tags in JSX. */
export type IomTagProps<E extends HTMLElement, Events> = Omit<HtmlProps<E>, SettableProps<E>> &
  Partial<Pick<E, SettableProps<E>>> &
  TagEventProps<Events> &
  React.RefAttributes<E> & {
    /** React 19 passes `class` to custom elements as the attribute. */
    class?: string;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'stat-counter': IomTagProps<StatCounter, StatCounterEvents>;
      'emergency-list': IomTagProps<EmergencyList, EmergencyListEvents>;
      'donor-ranking': IomTagProps<DonorRanking, DonorRankingEvents>;
      'objective-card': IomTagProps<ObjectiveCard, ObjectiveCardEvents>;
    }
  }
}
