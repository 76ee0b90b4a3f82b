// The React entry, built to dist/react.js (`import { StatCounter } from 'iom-widgets/react'`): the
// four elements wrapped with @lit/react's createComponent (bundled in: 1.4 kB). Importing it
// registers the four elements. React itself is the app's (an optional peer dependency).
import * as React from 'react';
import { createComponent } from '@lit/react';
import TAGS from '../tags.json' with { type: 'json' };
import { DonorRanking as DonorRankingElement } from '../donor-ranking/define.js';
import { EmergencyList as EmergencyListElement } from '../emergency-list/define.js';
import { ObjectiveCard as ObjectiveCardElement } from '../objective-card/define.js';
import { StatCounter as StatCounterElement } from '../stat-counter/define.js';
import type { DonorRankingEvents, EmergencyListEvents, IomReactComponent, ObjectiveCardEvents, StatCounterEvents } from './types.js';

export type { StatCounterElement, EmergencyListElement, DonorRankingElement, ObjectiveCardElement };
export type * from './types.js';

const eventProp = (name: string) => `on${name.replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase())}`;

/** Wraps one element; `events` must name every event of Events (a missing or unknown one is a type error). */
function wrap<E extends HTMLElement, Events>(tagName: string, elementClass: new () => E, events: Record<keyof Events & string, true>, displayName: string): IomReactComponent<E, Events> {
  return createComponent({
    react: React,
    tagName,
    elementClass,
    events: Object.fromEntries(Object.keys(events).map((name) => [eventProp(name), name])),
    displayName,
  }) as unknown as IomReactComponent<E, Events>;
}

/**
 * `<stat-counter>` for React: `<StatCounter value={600000} label="…" onIomCountEnd={…} />`. Every
 * property of the element is a prop (`data` takes an object); events `onIomLoad`, `onIomError`, `onIomAttributeWarning`,
 * `onIomCountEnd`.
 */
export const StatCounter = wrap<StatCounterElement, StatCounterEvents>(TAGS.StatCounter, StatCounterElement, { 'iom-load': true, 'iom-error': true, 'iom-attribute-warning': true, 'iom-count-end': true }, 'StatCounter');

/** `<emergency-list>` for React; events `onIomLoad`, `onIomError`, `onIomAttributeWarning`, `onIomFilterChange`. */
export const EmergencyList = wrap<EmergencyListElement, EmergencyListEvents>(TAGS.EmergencyList, EmergencyListElement, { 'iom-load': true, 'iom-error': true, 'iom-attribute-warning': true, 'iom-filter-change': true }, 'EmergencyList');

/** `<donor-ranking>` for React; events `onIomLoad`, `onIomError`, `onIomAttributeWarning`, `onIomViewChange`. */
export const DonorRanking = wrap<DonorRankingElement, DonorRankingEvents>(TAGS.DonorRanking, DonorRankingElement, { 'iom-load': true, 'iom-error': true, 'iom-attribute-warning': true, 'iom-view-change': true }, 'DonorRanking');

/** `<objective-card>` for React; events `onIomLoad`, `onIomError`, `onIomAttributeWarning`, `onIomCountEnd` (from its figures). */
export const ObjectiveCard = wrap<ObjectiveCardElement, ObjectiveCardEvents>(TAGS.ObjectiveCard, ObjectiveCardElement, { 'iom-load': true, 'iom-error': true, 'iom-attribute-warning': true, 'iom-count-end': true }, 'ObjectiveCard');
