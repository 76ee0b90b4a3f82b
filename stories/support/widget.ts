// Helpers shared by the stories: render an element from story args the way a webmaster writes it
// (attributes, an inline JSON script), and derive controls from custom-elements.json.
import type { ArgTypes, Args } from '@storybook/web-components-vite';
import manifestJson from '../../custom-elements.json';

interface ManifestMember {
  name: string;
  kind?: string;
  type?: { text?: string };
  description?: string;
  fieldName?: string;
  attribute?: string;
  privacy?: string;
  static?: boolean;
}
interface ManifestDeclaration {
  tagName?: string;
  attributes?: ManifestMember[];
  members?: ManifestMember[];
  events?: ManifestMember[];
}
interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

const manifest = manifestJson as unknown as Manifest;

/** The manifest entry of a tag (undefined until `npm run analyze` has seen the element). */
export function declarationOf(tag: string): ManifestDeclaration | undefined {
  for (const mod of manifest.modules) {
    const found = mod.declarations?.find((d) => d.tagName === tag);
    if (found) return found;
  }
  return undefined;
}

/** Storybook's name for the action arg of an event (`iom-load` → `onIomLoad`). */
function actionArgName(event: string): string {
  const camel = event.replace(/[-_:.\s]+(.)?/g, (_m, chr?: string) => (chr ? chr.toUpperCase() : ''));
  return `on${camel.charAt(0).toUpperCase()}${camel.slice(1)}`;
}

/** The literal options of a union type such as `'list' | 'table' | undefined`. */
function literalOptions(type: string | undefined): string[] | undefined {
  if (!type) return undefined;
  const parts = type.split('|').map((p) => p.trim()).filter((p) => p && p !== 'undefined' && p !== 'null');
  if (parts.length < 2 || !parts.every((p) => /^(['"]).*\1$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/**
 * Controls for every attribute in the manifest, refined from its type: a select for a union of
 * string literals, a number field, a switch for a boolean. Properties that only mirror an
 * attribute stay in the docs table without a second control; `data` (the JS object) gets no
 * control either: the `data` attribute (a JSON string) is the control for it.
 */
export function controlsFor(tag: string): Partial<ArgTypes> {
  const decl = declarationOf(tag);
  const argTypes: Partial<ArgTypes> = {
    inlineJson: {
      name: 'inline JSON',
      description: 'Story helper: data written as a child `<script type="application/json">`, the way to give data in a CMS.',
      control: 'object',
      table: { category: 'story' },
    },
  };
  if (!decl) return argTypes;
  const attributeNames = new Set((decl.attributes ?? []).map((a) => a.name));
  for (const attr of decl.attributes ?? []) {
    const type = attr.type?.text;
    const options = literalOptions(type);
    if (options) argTypes[attr.name] = { control: 'select', options };
    else if (type?.includes('boolean')) argTypes[attr.name] = { control: 'boolean' };
    else if (type?.includes('number')) argTypes[attr.name] = { control: 'number' };
    else argTypes[attr.name] = { control: 'text' };
    if (attr.fieldName && attr.fieldName !== attr.name && !attributeNames.has(attr.fieldName)) {
      argTypes[attr.fieldName] = { control: false };
    }
  }
  return argTypes;
}

export interface WidgetArgs extends Args {
  /** Data written as a child <script type="application/json"> (story helper). */
  inlineJson?: unknown;
}

/**
 * Builds `<tag>` from story args: args named like an attribute in the manifest become attributes
 * (so "Show code" gives markup a webmaster can paste), action args listen to the element's events,
 * `inlineJson` becomes a child JSON script, anything else is set as a property.
 */
export function renderWidget(tag: string, args: WidgetArgs): HTMLElement {
  const el = document.createElement(tag);
  const decl = declarationOf(tag);
  const attributes = new Set((decl?.attributes ?? []).map((a) => a.name));
  const events = new Map((decl?.events ?? []).map((e) => [actionArgName(e.name), e.name]));
  for (const event of ['iom-load', 'iom-error']) events.set(actionArgName(event), event);
  for (const [key, value] of Object.entries(args)) {
    if (key === 'inlineJson') continue;
    if (events.has(key)) {
      if (typeof value === 'function') el.addEventListener(events.get(key)!, value as EventListener);
      continue;
    }
    if (attributes.has(key) || (!decl && typeof value !== 'object')) {
      if (value === undefined || value === null || value === false || value === '') el.removeAttribute(key);
      else el.setAttribute(key, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    } else if (value !== undefined) {
      (el as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (args.inlineJson !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = `\n${JSON.stringify(args.inlineJson, null, 2)}\n`;
    el.append(script);
  }
  return el;
}

/** A render function for a meta: `render: widget('stat-counter')`. */
export function widget(tag: string): (args: WidgetArgs) => HTMLElement {
  return (args) => renderWidget(tag, args);
}

/**
 * A src that Storybook holds open forever (see .storybook/preview.ts): the loading state. Give the
 * story `timeout: 0` too, or the widget's own timeout turns it into an error after 15 s.
 */
export function heldSrc(src: string): string {
  return `storybook-hold/${src}`;
}
