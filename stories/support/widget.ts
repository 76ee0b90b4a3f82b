// Helpers shared by the stories: render an element from story args the way a webmaster writes it
// (attributes, an inline JSON script), and derive the docs table and controls from custom-elements.json.
import type { ArgTypes, Args } from '@storybook/web-components-vite';
import manifestJson from '../../custom-elements.json';

interface ManifestMember {
  name: string;
  default?: string;
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
  slots?: ManifestMember[];
  cssParts?: ManifestMember[];
  cssProperties?: ManifestMember[];
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

function row(item: ManifestMember, category: string, key = item.name): Partial<ArgTypes>[string] {
  const type = item.type?.text;
  return {
    name: key === item.name ? item.name : item.name || '(default)',
    description: item.description ?? '',
    table: {
      category,
      type: type ? { summary: type } : undefined,
      defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
    },
    control: false,
  };
}

/**
 * The docs table and controls of an element, from custom-elements.json. Storybook's own reader
 * keys every entry by its bare name, so a CSS part called `value` hides the `value` attribute; here
 * attributes keep their names (they are the controls, and what `renderWidget` writes) and parts,
 * slots, CSS properties, events and properties get keys of their own.
 */
export function argTypesFromManifest(tag: string): Partial<ArgTypes> {
  const decl = declarationOf(tag);
  if (!decl) return {};
  const out: Partial<ArgTypes> = {};
  const attributeNames = new Set((decl.attributes ?? []).map((a) => a.name));
  for (const attr of decl.attributes ?? []) {
    const type = attr.type?.text;
    const options = literalOptions(type);
    const entry = row(attr, 'attributes')!;
    // Storybook draws a control (and its "Set …" button) from the arg's type; extracted argTypes
    // are not normalised, so controls are written in their object form.
    if (options) Object.assign(entry, { type: { name: 'enum', value: options }, control: { type: 'select' }, options });
    else if (type?.includes('boolean')) Object.assign(entry, { type: { name: 'boolean' }, control: { type: 'boolean' } });
    else if (type?.includes('number')) Object.assign(entry, { type: { name: 'number' }, control: { type: 'number' } });
    else Object.assign(entry, { type: { name: 'string' }, control: { type: 'text' } });
    out[attr.name] = entry;
  }
  for (const member of decl.members ?? []) {
    if (member.kind !== 'field' || member.static || (member.privacy && member.privacy !== 'public') || !member.description || member.name.startsWith('[')) continue;
    const key = attributeNames.has(member.name) || out[member.name] ? `property:${member.name}` : member.name;
    out[key] = row(member, 'properties', key);
    out[key]!.name = member.name;
  }
  for (const event of decl.events ?? []) {
    out[actionArgName(event.name)] = { ...row(event, 'events'), name: event.name, action: event.name };
  }
  for (const slot of decl.slots ?? []) out[`slot:${slot.name}`] = { ...row(slot, 'slots', `slot:${slot.name}`), name: slot.name || '(default)' };
  for (const part of decl.cssParts ?? []) out[`part:${part.name}`] = { ...row(part, 'css shadow parts', `part:${part.name}`), name: part.name };
  for (const prop of decl.cssProperties ?? []) out[`css:${prop.name}`] = { ...row(prop, 'css custom properties', `css:${prop.name}`), name: prop.name };
  out.inlineJson = {
    name: 'inline JSON',
    description: 'Story helper: data written as a child `<script type="application/json">`, the way to give data in a CMS.',
    type: { name: 'object', value: {} },
    control: { type: 'object' },
    table: { category: 'story' },
  };
  return out;
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
