/**
 * Elements register through defineElement('tag', Class) (guarded), which the analyzer does not know:
 * this plugin reads those calls so each class gets its tagName (what Storybook, editors and the docs
 * look elements up by) and each define module its custom-element-definition export.
 */
function defineElementPlugin() {
  const tags = new Map(); // class name → tag name
  return {
    name: 'iom-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag) || !ts.isIdentifier(cls)) return;
      tags.set(cls.text, tag.text);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.text, module: moduleDoc.path } });
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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementPlugin()],
};
