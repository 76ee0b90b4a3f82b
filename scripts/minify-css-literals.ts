// A Vite plugin (build only) that minifies the CSS inside Lit's css`…` tagged templates with
// esbuild's CSS minifier: comments, indentation and redundant syntax go, the rules stay as they
// are (no target is given, so esbuild lowers no syntax: light-dark(), nesting, logical properties
// and :host selectors are kept as written). Without it, dist/ ships every stylesheet with its
// comments and indentation.
//
// Only templates whose tag is `css` imported from Lit ('lit', 'lit-element' or
// '@lit/reactive-element') are touched. A template with `${…}` interpolations is left alone with
// a warning: its pieces are not whole stylesheets, and minifying them one by one could join or
// split tokens across an interpolation. (None of src/ has one today.)
//
// `npm run test:css` checks that minifying changes nothing the browser computes: every element's
// computed style and layout box in every shadow root of the demo page, in English and Arabic.
// IOM_CSS_MINIFY=0 turns the plugin off (that test builds the demo once each way).
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const LIT = new Set(['lit', 'lit-element', '@lit/reactive-element', 'lit/index.js']);

/** The parts of an ESTree node this plugin reads. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') walk(value, visit);
}

/** Text that reads back as `text` inside a template literal. */
const escapeTemplate = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** Statistics of one build, for the test and for curiosity: literals minified and skipped, bytes before and after. */
export interface MinifyStats {
  minified: number;
  skipped: number;
  before: number;
  after: number;
}

export function minifyCssLiterals(stats: MinifyStats = { minified: 0, skipped: 0, before: 0, after: 0 }): Plugin {
  return {
    name: 'iom-minify-css-literals',
    apply: 'build',
    // After the TypeScript transform: the code is JavaScript.
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.[cm]?[jt]s$/.test(id) || /[\\/]node_modules[\\/]/.test(id) || !code.includes('css')) return null;
      const ast = this.parse(code) as unknown as Node;
      const tags = new Set<string>();
      walk(ast, (node) => {
        if (node.type !== 'ImportDeclaration' || !LIT.has((node.source as { value: string }).value)) return;
        for (const spec of node.specifiers as { type: string; imported?: { name: string }; local: { name: string } }[]) {
          if (spec.type === 'ImportSpecifier' && spec.imported?.name === 'css') tags.add(spec.local.name);
        }
      });
      if (!tags.size) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const pending: Promise<void>[] = [];
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const tag = node.tag as Node & { name?: string };
        if (tag.type !== 'Identifier' || !tags.has(tag.name!)) return;
        const quasi = node.quasi as Node & { quasis: (Node & { value: { cooked: string | null } })[]; expressions: Node[] };
        if (quasi.expressions.length) {
          stats.skipped++;
          this.warn(`css\`…\` at ${id}:${code.slice(0, quasi.start).split('\n').length} has \${…} interpolations: left unminified.`);
          return;
        }
        const source = quasi.quasis[0].value.cooked;
        // The node offsets must point at the template itself (they are UTF-16 offsets into `code`).
        if (source === null || code[quasi.start] !== '`' || code[quasi.end - 1] !== '`') {
          stats.skipped++;
          return;
        }
        pending.push(
          transform(source, { loader: 'css', minify: true, logLevel: 'silent' }).then((result) => {
            for (const warning of result.warnings) this.warn(`css\`…\` in ${id}: ${warning.text}`);
            const minified = result.code.trim();
            stats.minified++;
            stats.before += source.length;
            stats.after += minified.length;
            edits.push({ start: quasi.start, end: quasi.end, text: `\`${escapeTemplate(minified)}\`` });
          }),
        );
      });
      await Promise.all(pending);
      if (!edits.length) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      // No source map: the builds make none (see vite.config.ts); with one, Rolldown would warn.
      return { code: out };
    },
  };
}
