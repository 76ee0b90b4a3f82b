// Types shared by the React wrappers (index.ts) and the JSX types of the tags (jsx.ts), all derived
// from the element classes and their event maps, so a new property or event needs no list here.
import type * as React from 'react';
import type { LitElement } from 'lit';
import type { IomErrorDetail } from '../data/data-state.js';
import type { IomAttributeWarningDetail } from '../base/options.js';
import type { DonorRankingData } from '../donor-ranking/donor-ranking.data.js';
import type { DonorViewChangeDetail } from '../donor-ranking/donor-ranking.js';
import type { EmergencyListData } from '../emergency-list/emergency-list.data.js';
import type { EmergencyFilterChangeDetail } from '../emergency-list/emergency-list.js';
import type { ObjectiveCardData } from '../objective-card/objective-card.data.js';
import type { StatCounterCountEndDetail } from '../stat-counter/stat-counter.js';
import type { StatCounterData } from '../stat-counter/stat-counter.data.js';

// Each element's events, as its class JSDoc lists them (@fires). `iom-load`'s detail is the
// element's data, checked.

/** The events `<stat-counter>` fires, by name. */
export interface StatCounterEvents {
  'iom-load': CustomEvent<StatCounterData>;
  'iom-error': CustomEvent<IomErrorDetail>;
  'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  'iom-count-end': CustomEvent<StatCounterCountEndDetail>;
}
/** The events `<emergency-list>` fires, by name. */
export interface EmergencyListEvents {
  'iom-load': CustomEvent<EmergencyListData>;
  'iom-error': CustomEvent<IomErrorDetail>;
  'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  'iom-filter-change': CustomEvent<EmergencyFilterChangeDetail>;
}
/** The events `<donor-ranking>` fires, by name. */
export interface DonorRankingEvents {
  'iom-load': CustomEvent<DonorRankingData>;
  'iom-error': CustomEvent<IomErrorDetail>;
  'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  'iom-view-change': CustomEvent<DonorViewChangeDetail>;
}
/** The events `<objective-card>` fires, by name (`iom-count-end` comes from its figures). */
export interface ObjectiveCardEvents {
  'iom-load': CustomEvent<ObjectiveCardData>;
  'iom-error': CustomEvent<IomErrorDetail>;
  'iom-attribute-warning': CustomEvent<IomAttributeWarningDetail>;
  'iom-count-end': CustomEvent<StatCounterCountEndDetail>;
}

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
/**
 * The element's own properties that can be set, which are what its attributes and `data` set:
 * not methods, not read-only getters (`status`, `loadComplete`), not LitElement's or HTMLElement's.
 */
export type SettableProps<E> = {
  [K in keyof E]-?: E[K] extends (...args: never[]) => unknown ? never : IfEquals<{ [Q in K]: E[K] }, { -readonly [Q in K]: E[K] }, K, never>;
}[Exclude<keyof E, keyof LitElement>];

/** `iom-filter-change` → `IomFilterChange`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
/** The React prop of an event: `iom-load` → `onIomLoad`. */
export type EventProp<N extends string> = `on${Pascal<N>}`;
/** The wrapper's event props: `onIomLoad?: (event: CustomEvent<…>) => void`. */
export type EventProps<Events> = { [N in keyof Events & string as EventProp<N>]?: (event: Events[N]) => void };

/**
 * React's HTML props minus `prefix`: on an element that is the read-only namespace prefix, which
 * React would try to assign (and fail); `<stat-counter>`'s text before its value is `valuePrefix`.
 */
export type HtmlProps<E extends HTMLElement> = Omit<React.HTMLAttributes<E>, 'prefix'>;

/** The props of a wrapper: React's HTML props, the element's settable properties, its event props. */
export type IomComponentProps<E extends HTMLElement, Events> = Omit<HtmlProps<E>, SettableProps<E> | keyof EventProps<Events>> &
  Partial<Pick<E, SettableProps<E>>> &
  EventProps<Events>;

/** A wrapper: a React component whose `ref` is the element. */
export type IomReactComponent<E extends HTMLElement, Events> = React.ForwardRefExoticComponent<IomComponentProps<E, Events> & React.RefAttributes<E>>;
