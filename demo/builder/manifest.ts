// What the embed builder offers for each widget, read from custom-elements.json (the manifest the
// analyzer writes from the elements' JSDoc): the tags, their attributes (the form), their custom
// properties (the theme), so a new attribute or token appears in the builder with no list here.

export interface ManifestAttribute {
  name: string;
  type?: { text: string };
  default?: string;
  description?: string;
  fieldName?: string;
}
export interface ManifestCssProperty {
  name: string;
  description?: string;
  inheritedFrom?: { name: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: ManifestAttribute[];
  cssProperties?: ManifestCssProperty[];
  type?: { text: string };
  default?: string;
}
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

export type FieldKind = 'enum' | 'boolean' | 'number' | 'string';

/** One input of the attribute form. */
export interface AttributeField {
  name: string;
  kind: FieldKind;
  /** The words an `enum` takes, in the order the code writes them. */
  values?: string[];
  /** The default as written in HTML (`list`, not `'list'`), when the manifest gives one. */
  default?: string;
  description: string;
}

export interface ThemeToken {
  name: string;
  description: string;
  /** A colour (a colour picker, and a contrast check for the global ones). */
  colour: boolean;
  /** Shared by every widget (the global `--iom-*` tokens of the base class), else the widget's own. */
  global: boolean;
  /** The documented defaults, when the description gives them as hex codes (`default #0033a0; dark #8fb3ff`). */
  light?: string;
  dark?: string;
}

export interface WidgetInfo {
  tag: string;
  className: string;
  summary: string;
  fields: AttributeField[];
  tokens: ThemeToken[];
}

/** Attributes the builder sets itself: the data comes from the data step. */
const DATA_ATTRIBUTES = new Set(['data', 'src']);

const unquote = (code: string | undefined): string | undefined => (code === undefined || code === 'undefined' ? undefined : /^(['"`]).*\1$/.test(code) ? code.slice(1, -1) : code);

/** The string literals of a type written as `'a' | 'b'` or `['a', 'b']`, or undefined when it is anything else. */
export function literals(text: string): string[] | undefined {
  const parts = text
    .replace(/^\[|\]$/g, '')
    .split(/[|,]/)
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined');
  if (!parts.length || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/** `DonorView` → `DONOR_VIEWS`: the constant tuple a named string type is made from (`(typeof DONOR_VIEWS)[number]`). */
const constantOf = (typeName: string) => `${typeName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}S`;

/** The kind of an attribute's input, from its type as written in the code (`declarations`: the package's, where a named type's tuple is looked for). */
export function fieldOf(attribute: ManifestAttribute, declarations: Declaration[]): AttributeField {
  const text = (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined\b/g, '').trim();
  const base = { name: attribute.name, default: unquote(attribute.default), description: attribute.description ?? '' };
  if (text === 'boolean') return { ...base, kind: 'boolean' };
  if (text === 'number') return { ...base, kind: 'number' };
  const own = literals(text);
  if (own) return { ...base, kind: 'enum', values: own };
  // A named type (`DonorView`): the exported tuple of its words, when the package has one.
  if (/^[A-Z]\w*$/.test(text)) {
    const tuple = declarations.find((d) => d.kind === 'variable' && d.name === constantOf(text));
    const values = tuple && literals(tuple.type?.text ?? tuple.default ?? '');
    if (values) return { ...base, kind: 'enum', values };
  }
  return { ...base, kind: 'string' };
}

const HEX = /`(#[0-9a-f]{3,8})`/gi;

/** A token's documented light and dark defaults (`default `#0033a0`; dark `#8fb3ff``). */
function defaultsOf(description: string): { light?: string; dark?: string } {
  const codes = [...description.matchAll(HEX)].map((m) => m[1]);
  if (!codes.length) return {};
  return { light: codes[0], dark: /dark/i.test(description) ? codes[1] : undefined };
}

export function tokenOf(property: ManifestCssProperty): ThemeToken {
  const description = property.description ?? '';
  return {
    name: property.name,
    description,
    colour: /colou?r|accent/i.test(property.name) || /\bcolou?r\b/i.test(description) || /`#[0-9a-f]{3,8}`/i.test(description),
    global: property.inheritedFrom !== undefined,
    ...defaultsOf(description),
  };
}

/** The four widgets, as the manifest describes them (their declaration files, not the built bundles). */
export function widgetsOf(manifest: Manifest): WidgetInfo[] {
  const out: WidgetInfo[] = [];
  const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      out.push({
        tag: d.tagName,
        className: d.name,
        summary: d.summary ?? '',
        fields: (d.attributes ?? []).filter((a) => !DATA_ATTRIBUTES.has(a.name)).map((a) => fieldOf(a, declarations)),
        // The element's own properties first, then the tokens every widget reads.
        tokens: (d.cssProperties ?? []).map(tokenOf).sort((a, b) => Number(a.global) - Number(b.global)),
      });
    }
  }
  return out;
}
