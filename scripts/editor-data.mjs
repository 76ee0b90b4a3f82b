// Editor hints, generated from custom-elements.json after the library build (`npm run build:lib`):
//
//   dist/vscode.html-custom-data.json   VS Code `html.customData`: the tags, their attributes with
//                                       descriptions and, for a union of string literals, its values
//   dist/vscode.css-custom-data.json    VS Code `css.customData`: the --iom-* custom properties
//   dist/web-types.json                 JetBrains IDEs (package.json "web-types"): tags, attributes,
//                                       values, properties, events, slots, parts, custom properties
//
// The manifest names an attribute's type as written in the code (`DonorView`); the values come
// from TypeScript itself, which resolves that name in the shipped declarations (dist/types/, which
// the manifest's module paths point at), so a new value needs no list here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: mod.path })));
if (elements.length === 0) throw new Error('custom-elements.json lists no element: run `npm run analyze`.');

// ---- Attribute values, from the types -------------------------------------------------------------
const dts = [...new Set(elements.map((e) => join(ROOT, e.module)))];
const missing = dts.filter((f) => !existsSync(f));
if (missing.length) throw new Error(`Missing ${missing.join(', ')}: run \`tsc -p tsconfig.build.json\` first.`);
const program = ts.createProgram(dts, { strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] });
const checker = program.getTypeChecker();

/** The instance type of an element's class, from its shipped declaration file. */
function classType(element) {
  const file = program.getSourceFile(join(ROOT, element.module));
  const symbol = file && checker.getSymbolAtLocation(file);
  const cls = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === element.name);
  if (!cls) throw new Error(`${element.module} does not export class ${element.name}.`);
  return checker.getDeclaredTypeOfSymbol(cls);
}

/** Whether a member is public to TypeScript (the manifest leaves out `protected`). */
function isPublic(type, name) {
  const decls = type.getProperty(name)?.declarations ?? [];
  return decls.length > 0 && decls.every((d) => !(ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)));
}

/** An attribute's default as written in HTML: `list`, not the code's `'list'`. */
const htmlDefault = (code) => (code === undefined ? undefined : /^(['"`]).*\1$/.test(code) ? code.slice(1, -1) : code);

/** `{ kind, values }` of a property: its string literals when it is a union of them (undefined aside). */
function valueOf(type, field) {
  const prop = field && type.getProperty(field);
  if (!prop) return { kind: 'string' };
  const t = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
  const parts = t.isUnion() ? t.types : [t];
  if (parts.every((p) => p.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
  if (parts.every((p) => p.flags & ts.TypeFlags.NumberLike)) return { kind: 'number' };
  if (parts.every((p) => p.isStringLiteral())) return { kind: 'enum', values: parts.map((p) => p.value) };
  return { kind: 'string' };
}

// ---- What each element offers ---------------------------------------------------------------------
const importPath = (element) => `${pkg.name}/${element.module.replace(/^dist\//, '').replace(/^types\/([^/]+)\/.*$/, '$1.js')}`;
const tags = elements.map((element) => {
  const type = classType(element);
  const attributes = (element.attributes ?? []).map((a) => {
    const value = valueOf(type, a.fieldName);
    // TypeScript orders a union as it met its members; the code's own order reads better (standard, compact…).
    const written = a.type?.text ?? '';
    if (value.values?.every((v) => written.includes(`'${v}'`))) value.values.sort((x, y) => written.indexOf(`'${x}'`) - written.indexOf(`'${y}'`));
    return { name: a.name, description: a.description ?? '', default: htmlDefault(a.default), field: a.fieldName, ...value };
  });
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && isPublic(type, m.name));
  return { element, type, attributes, properties, events: element.events ?? [], slots: element.slots ?? [], parts: element.cssParts ?? [], cssProperties: element.cssProperties ?? [], module: importPath(element) };
});

const list = (title, items, name = (i) => `\`${i.name}\``) => (items.length ? `\n\n**${title}**\n${items.map((i) => `- ${i.name ? name(i) : '(default)'}${i.description ? `: ${i.description}` : ''}`).join('\n')}` : '');
const tagMarkdown = (t) =>
  [t.element.summary, t.element.description].filter(Boolean).join('\n\n') +
  list('Events', t.events) +
  list('Slots', t.slots) +
  list('CSS parts', t.parts, (p) => `\`::part(${p.name})\``);

// ---- VS Code: HTML ----------------------------------------------------------------------------------
const html = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: tags.map((t) => ({
    name: t.element.tagName,
    description: { kind: 'markdown', value: tagMarkdown(t) },
    attributes: t.attributes.map((a) => ({
      name: a.name,
      description: { kind: 'markdown', value: a.description + (a.default !== undefined ? `\n\nDefault: \`${a.default}\`` : '') },
      ...(a.kind === 'boolean' ? { valueSet: 'v' } : {}),
      ...(a.kind === 'enum' ? { values: a.values.map((name) => ({ name })) } : {}),
    })),
  })),
};

// ---- VS Code: CSS -----------------------------------------------------------------------------------
// One entry per property: the global tokens (declared on the shared base class) once, for all
// widgets; an element's own properties with the element named.
const cssProperties = new Map();
for (const t of tags) {
  for (const p of t.cssProperties) {
    const shared = p.inheritedFrom !== undefined;
    const entry = cssProperties.get(p.name) ?? { name: p.name, description: p.description ?? '', tags: [] };
    if (!shared) entry.tags.push(t.element.tagName);
    entry.shared ||= shared;
    cssProperties.set(p.name, entry);
  }
}
const cssList = [...cssProperties.values()].map((p) => ({
  name: p.name,
  description: `${p.shared ? 'iom-widgets, every widget' : p.tags.map((tag) => `<${tag}>`).join(', ')}: ${p.description}`,
}));
const css = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: cssList,
};

// ---- JetBrains: web-types ---------------------------------------------------------------------------
const attributeValue = (a) =>
  a.kind === 'boolean' ? { kind: 'no-value' } : a.kind === 'enum' ? { kind: 'plain', type: 'enum' } : { kind: 'plain', type: a.kind };
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: tags.map((t) => ({
        name: t.element.tagName,
        // Events, slots and parts are listed below, where the IDE shows them on their own.
        description: [t.element.summary, t.element.description].filter(Boolean).join('\n\n'),
        source: { module: t.module, symbol: t.element.name },
        attributes: t.attributes.map((a) => ({
          name: a.name,
          description: a.description,
          ...(a.default !== undefined ? { default: a.default } : {}),
          value: attributeValue(a),
          ...(a.kind === 'enum' ? { values: a.values.map((name) => ({ name })) } : {}),
        })),
        slots: t.slots.map((s) => ({ name: s.name, description: s.description ?? '' })),
        js: {
          properties: t.properties.map((p) => ({ name: p.name, description: p.description ?? '', ...(p.type?.text ? { type: p.type.text } : {}) })),
          events: t.events.map((e) => ({ name: e.name, description: e.description ?? '' })),
        },
        css: {
          properties: t.cssProperties.map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: t.parts.map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
    css: { properties: cssList },
  },
};

const files = { 'vscode.html-custom-data.json': html, 'vscode.css-custom-data.json': css, 'web-types.json': webTypes };
for (const [file, data] of Object.entries(files)) writeFileSync(join(DIST, file), `${JSON.stringify(data, null, 2)}\n`);
const valued = tags.flatMap((t) => t.attributes.filter((a) => a.kind === 'enum').map((a) => `${t.element.tagName} ${a.name}`));
console.log(
  `Editor hints: ${Object.keys(files).map((f) => `dist/${f}`).join(', ')}: ${tags.length} tags, ${tags.reduce((n, t) => n + t.attributes.length, 0)} attributes (values for ${valued.join(', ')}), ${cssList.length} custom properties.`,
);
