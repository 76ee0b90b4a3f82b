import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { stampDemo } from './demo/stamp.js';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import TAGS from './src/tags.json' with { type: 'json' };

const ELEMENTS = Object.values(TAGS);

const root = import.meta.dirname;

// dist/iom-widgets.js registers all four; dist/<element>.js registers one. The chart view (chart.ts
// with chart.js) is an entry of its own, dist/iom-widgets.chart.js, with a name that does not
// change between builds: donor-ranking reaches it only through a dynamic import(), and the
// one-file build (mode "bundle") loads that same file.
const CHART_MODULE = resolve(root, 'src/donor-ranking/chart.ts');
const CHART_FILE = 'iom-widgets.chart.js';
const entries: Record<string, string> = { 'iom-widgets': resolve(root, 'src/index.ts'), 'iom-widgets.chart': CHART_MODULE };
for (const name of ELEMENTS) {
  const file = resolve(root, `src/${name}/define.ts`);
  if (existsSync(file)) entries[name] = file;
}
// dist/react.js: the four elements wrapped for React (`iom-widgets/react`). React is the app's.
entries.react = resolve(root, 'src/react/index.ts');
/** The entries that define elements: every one but the chart (and the loader, added next). */
const ELEMENT_ENTRIES = Object.keys(entries).length - 1;
// dist/iom-widgets.loader.js: registers each element a page has, fetching that element's file above.
entries['iom-widgets.loader'] = resolve(root, 'src/loader.ts');
const REACT = /^react(\/|$)/;

// Tree-shaking that drops what is never used even when it reads a property. chart.js defines each
// scale as a class whose static defaults read another object (`callback: Ticks.formatters.logarithmic`,
// `static defaults = TimeScale.defaults`); by default Rolldown counts any property read as a
// possible getter call with side effects and keeps every such class, so the chart chunk carried the
// logarithmic, radialLinear, time and timeseries scales that chart.ts never registers (about 6 kB
// gzip). Nothing in src/ reads a property for its side effect (no `void el.offsetHeight` to force a
// layout: call getBoundingClientRect() instead); `npm run size` checks that the chart chunk holds
// only the chart.js components chart.ts registers.
const TREESHAKE = { propertyReadSideEffects: false } as const;

// Lit's css`…` stylesheets minified in every build (scripts/minify-css-literals.ts); IOM_CSS_MINIFY=0
// builds them as written (`npm run test:css` compares the two).
const minifyCss: Plugin[] = process.env.IOM_CSS_MINIFY === '0' ? [] : [minifyCssLiterals()];

// The demo page reaches the browser with its widgets in place (demo/stamp.ts), in the dev server and the build.
const demoPage: Plugin = {
  name: 'iom-demo-page',
  transformIndexHtml: { order: 'pre', handler: (page) => stampDemo(page) },
};

// The demo pages' widgets in one file: every widget of the report page reads data, so it needs the
// data reader and every data spec at once. Left on demand as in the library: the chart, the other
// languages' words and the CSV readers; and to the embed builder, what only it uses (the fallback
// markup with parse5, the report files' schema).
const DEMO_WIDGETS = (id: string) =>
  (/[\\/]src[\\/]/.test(id) && !/[\\/](chart|fr|es|ar|tables|hxl|csv)\.ts$|[\\/]src[\\/](prerender|report)[\\/]/.test(id)) ||
  /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element|@lit[\\/]task|valibot)[\\/]/.test(id);

// The demo build's pages: the report page and the embed builder.
const DEMO_PAGES: Record<string, string> = { index: resolve(root, 'index.html'), builder: resolve(root, 'builder.html') };
// The embed builder page (builder.html) lists the data files: data/*.json and data/hxl/*.csv.
const DATA_FILES = 'virtual:iom-data-files';
const dataFiles: Plugin = {
  name: 'iom-data-files',
  resolveId: (id) => (id === DATA_FILES ? `\0${DATA_FILES}` : null),
  load(id) {
    if (id !== `\0${DATA_FILES}`) return null;
    const dir = resolve(root, 'data');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(sep).join('/'))
      .filter((f) => !f.startsWith('schema/') && /\.(json|csv)$/.test(f))
      .sort();
    return `export default ${JSON.stringify(files)};`;
  },
};

// The one-file builds (the bundle, the WordPress editor script) leave the chart module out: they
// import the library build's dist/iom-widgets.chart.js from beside themselves, when a chart is
// first shown.
const chartBesideBundle: Plugin = {
  name: 'iom-chart-beside-bundle',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !/\bchart\.js$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === CHART_MODULE ? { id: `./${CHART_FILE}`, external: true } : null;
  },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'demo') {
    // The demo report page, built as a static site (dist-demo/), with data/ copied beside it. The
    // page reads its data with relative URLs (data/…), so it works published under any path.
    let outDir = resolve(root, 'dist-demo');
    const copyData: Plugin = {
      name: 'iom-copy-data',
      apply: 'build',
      configResolved(config) {
        outDir = resolve(config.root, config.build.outDir);
      },
      closeBundle() {
        cpSync(resolve(root, 'data'), resolve(outDir, 'data'), { recursive: true });
      },
    };
    return {
      root,
      base: './',
      publicDir: false,
      plugins: [demoPage, dataFiles, copyData, ...minifyCss],
      build: {
        outDir: 'dist-demo',
        emptyOutDir: true,
        rolldownOptions: {
          input: DEMO_PAGES,
          treeshake: TREESHAKE,
          output: { minify: true, codeSplitting: { groups: [{ name: 'widgets', test: DEMO_WIDGETS }] } },
        },
      },
    };
  }
  if (mode === 'prerender') {
    // dist/prerender.js (the Node API, `iom-widgets/prerender`) and dist/cli.js (the `iom-widgets`
    // command): built for Node, with every package left to Node to resolve, so Lit and
    // @lit-labs/ssr load their Node builds. Runs after the library build and only adds to dist/.
    return {
      publicDir: false,
      // The prerendered pages carry each widget's stylesheet in its declarative shadow root.
      plugins: [...minifyCss],
      build: {
        ssr: true,
        target: 'node20',
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: false,
        minify: false,
        rolldownOptions: {
          input: { prerender: resolve(root, 'src/prerender/index.ts'), cli: resolve(root, 'src/prerender/cli.ts') },
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'node/[name]-[hash].js' },
        },
      },
    };
  }
  if (mode === 'wordpress') {
    // The WordPress plugin's block editor script (wordpress/editor/, `npm run build:wordpress`): the
    // four widgets, the embed builder's data checks and markup, and the blocks, in one module that
    // uses WordPress's own wp.* globals and sits beside the plugin's copy of the loader and chart.
    return {
      publicDir: false,
      plugins: [chartBesideBundle, ...minifyCss],
      build: {
        target: 'es2022',
        outDir: 'dist/wordpress/editor',
        emptyOutDir: true,
        sourcemap: false,
        lib: { entry: { 'iom-widgets-editor': resolve(root, 'wordpress/editor/index.ts') }, formats: ['es'] },
        rolldownOptions: { treeshake: TREESHAKE, output: { minify: true, entryFileNames: '[name].js', codeSplitting: false } },
      },
    };
  }
  if (mode === 'bundle') {
    // dist/iom-widgets.bundle.js: all four elements, Lit and the data layer in one ES module with no
    // static import, for a webmaster who uploads one file. Runs after the library build (which
    // empties dist/) and only adds to it. The chart module is left out: the bundle imports the
    // library build's dist/iom-widgets.chart.js from beside itself, when a chart is first shown.
    return {
      publicDir: false,
      plugins: [chartBesideBundle, ...minifyCss],
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: false,
        lib: { entry: { 'iom-widgets.bundle': resolve(root, 'src/index.ts') }, formats: ['es'] },
        // The language tables (import()) go inside the one file too: it must work uploaded alone.
        rolldownOptions: { treeshake: TREESHAKE, output: { minify: true, entryFileNames: '[name].js', inlineDynamicImports: true } },
      },
    };
  }
  return {
    publicDir: false,
    plugins: [demoPage, dataFiles, ...minifyCss],
    build: {
      target: 'es2022',
      outDir: 'dist',
      // A clean dist/ on every build, so chunks of an older build are never packed.
      emptyOutDir: true,
      // No source maps in the package: they point at src/, which is not shipped, so they are either
      // useless or carry every source (1.4 MB, 786 kB of it for chart.js alone).
      sourcemap: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        treeshake: TREESHAKE,
        external: (id) => REACT.test(id),
        output: {
          minify: true,
          entryFileNames: '[name].js',
          // Fewer, larger chunks. "core": every module that all the entries defining elements import
          // (each element's file, iom-widgets.js and react.js: Lit, the base class, the data
          // controller, the shared styles and words): a counter page fetches 4 files instead of 7,
          // and every page about 1 kB less. The data reader (src/data/reader.ts) is one chunk by
          // itself: nothing else imports what it imports. (A group for it made the bundler wrap its
          // import, `.then((m) => m.t)`, which once()'s retry under a new address cannot repeat.)
          codeSplitting: { groups: [{ name: 'core', tags: ['$initial'], minShareCount: ELEMENT_ENTRIES }] },
          // package.json `sideEffects` lists dist/*.js and dist/chunks/define-*.js: any chunk that
          // holds a define.ts (a customElements.define call) must be named define-*, whatever
          // module the bundler names it after.
          chunkFileNames: (chunk) =>
            chunk.moduleIds.some((id) => /[\\/]src[\\/][^\\/]+[\\/]define\.ts$/.test(id)) ? 'chunks/define-[hash].js' : 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
