import { readFileSync } from 'node:fs';
import { BY_CLASS, TAGS as ELEMENTS } from './scripts/tags.mjs';

/**
 * Elements register through defineElement(TAGS.Class, Class) (guarded; the tags of src/tags.json),
 * which the analyzer does not know: this plugin reads those calls so each class gets its tagName
 * (what Storybook, editors and the docs look elements up by) and each define module its
 * custom-element-definition export. A tag written as a string literal is read too.
 */
function defineElementPlugin() {
  const tags = new Map(); // class name → tag name
  return {
    name: 'iom-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isIdentifier(cls)) return;
      const name = ts.isStringLiteral(tag) ? tag.text : ts.isPropertyAccessExpression(tag) && tag.expression.getText() === 'TAGS' ? BY_CLASS[tag.name.text] : undefined;
      if (!name) return;
      tags.set(cls.text, name);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name, declaration: { name: cls.text, module: moduleDoc.path } });
    },
    packageLinkPhase({ customElementsManifest }) {
      const homes = new Map(); // class name → module that declares it
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind === 'class' && tags.has(decl.name)) {
            decl.tagName = tags.get(decl.name);
            decl.customElement = true;
            homes.set(decl.name, mod.path);
          }
        }
      }
      for (const mod of customElementsManifest.modules) {
        for (const exp of mod.exports ?? []) {
          if (exp.kind === 'custom-element-definition' && homes.has(exp.declaration.name)) exp.declaration.module = homes.get(exp.declaration.name);
        }
      }
    },
  };
}


/**
 * The file in the package that holds a source module: an element's define module and the
 * all-in-one entry are the JS files a page imports (dist/stat-counter.js, dist/iom-widgets.js),
 * the chart module is dist/iom-widgets.chart.js; every other module is bundled into shared
 * chunks, so it is named by its shipped type declarations (dist/types/…d.ts), which mirror src/.
 */
export function shippedPath(srcPath) {
  if (srcPath === 'src/index.ts') return 'dist/iom-widgets.js';
  if (srcPath === 'src/donor-ranking/chart.ts') return 'dist/iom-widgets.chart.js';
  const element = /^src\/([^/]+)\/define\.ts$/.exec(srcPath)?.[1];
  if (element && ELEMENTS.includes(element)) return `dist/${element}.js`;
  return srcPath.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
}

/**
 * The analyzer names modules by their source files (src/…ts), which are not in the package: this
 * plugin names them, and every reference to them, by the shipped files instead (see shippedPath).
 */
function shippedPathsPlugin() {
  const toSource = (ref, from) => {
    let path = ref;
    if (path.startsWith('./') || path.startsWith('../')) {
      const parts = from.split('/').slice(0, -1);
      for (const part of path.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      path = parts.join('/');
    }
    path = path.replace(/^\//, '');
    return path.startsWith('src/') ? path.replace(/\.js$/, '.ts') : undefined;
  };
  const rewrite = (value, from) => {
    if (Array.isArray(value)) value.forEach((v) => rewrite(v, from));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'module' && typeof v === 'string') {
          const source = toSource(v, from);
          if (source) value[key] = shippedPath(source);
        } else rewrite(v, from);
      }
    }
  };
  return {
    name: 'iom-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        rewrite(mod, mod.path);
        mod.path = shippedPath(mod.path);
      }
      // In path order, whatever order the file system lists them in, so the manifest (and its
      // freshness check in npm test) does not change from one run to the next.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * The manifest lists the elements' public API only: private and protected members (and `#private`
 * ones) are dropped here, in one place, instead of an `@internal` tag on each. Members still
 * tagged `@internal` (public for the package's own modules, such as `prerendered`) go too.
 */
function publicApiPlugin() {
  const isPublic = (member) => !member.privacy || member.privacy === 'public';
  const keep = (member) => isPublic(member) && !/^[#[]/.test(member.name) && !/@internal\b/.test(member.description ?? '');
  return {
    name: 'iom-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter(keep);
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.fieldName || decl.members?.some((m) => m.name === a.fieldName) !== false);
        }
      }
    },
  };
}

/**
 * The design tokens are documented once, beside their values (the `@cssprop` lines of
 * src/styles/tokens.ts): they are the base class's, so every element lists them as inherited.
 */
function designTokensPlugin() {
  const tokens = [...readFileSync('src/styles/tokens.ts', 'utf8').matchAll(/@cssprop (--[\w-]+) - (.*)/g)].map(([, name, description]) => ({ description, name }));
  return {
    name: 'iom-design-tokens',
    moduleLinkPhase({ moduleDoc }) {
      const base = moduleDoc.declarations?.find((d) => d.kind === 'class' && d.name === 'IomElement');
      if (base) base.cssProperties = [...tokens, ...(base.cssProperties ?? [])];
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // src/react/ wraps the elements for React (dist/react.js): no element API of its own; src/prerender/
  // is the Node command and API, not part of the elements' API.
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/react/**', 'src/prerender/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [designTokensPlugin(), defineElementPlugin(), shippedPathsPlugin(), publicApiPlugin()],
};
