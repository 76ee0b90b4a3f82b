import { defineConfig, type Plugin } from 'vite';
import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ELEMENTS = ['stat-counter', 'emergency-list', 'donor-ranking', 'objective-card'];
const root = import.meta.dirname;

// dist/iom-widgets.js registers all four; dist/<element>.js registers one. chart.js ends up in a
// chunk of its own because donor-ranking only reaches it through a dynamic import().
const entries: Record<string, string> = { 'iom-widgets': resolve(root, 'src/index.ts') };
for (const name of ELEMENTS) {
  const file = resolve(root, `src/${name}/define.ts`);
  if (existsSync(file)) entries[name] = file;
}

export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    // The demo report page, built as a static site (dist-demo/), with data/ copied beside it. The
    // page reads its data with relative URLs (data/…), so it works published under any path.
    const copyData: Plugin = {
      name: 'iom-copy-data',
      apply: 'build',
      closeBundle() {
        cpSync(resolve(root, 'data'), resolve(root, 'dist-demo/data'), { recursive: true });
      },
    };
    return {
      root,
      base: './',
      publicDir: false,
      plugins: [copyData],
      build: {
        outDir: 'dist-demo',
        emptyOutDir: true,
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  return {
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        output: {
          minify: true,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
