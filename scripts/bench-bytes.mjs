// Benchmark: where a page's bytes come from, by source module.
//
//   node scripts/bench-bytes.mjs [--top 25]
//
// Builds the library again with source maps, into a temporary folder (dist/ is left alone), and
// takes the same pages as `npm run bench -- --only sizes` from it: a page of counters given plain
// attributes (what it imports statically) and a page of all four elements (the same, no chart).
// "CSS" is what the stylesheets add: each file's gzip -9 size, less the same file's with the text
// of its CSS literals taken out (the minified literals, scripts/minify-css-literals.ts, are the
// code with no source map). The rest of each file's gzip size is shared out among the source
// modules its bytes come from, in proportion to the minified bytes each wrote into it: an
// estimate, since gzip does not compress every part of a file alike (CSS shared out that way
// would have counted 40% more than it adds).
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { arg } from './bench-data.mjs';
import { gzipSize, pageFiles } from './dist-graph.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TOP = arg('top', 25);
const dir = mkdtempSync(join(tmpdir(), 'bench-bytes-'));

/** The module a source path belongs to: a package by name, a file of src/ by its path. */
const moduleOf = (source) => source.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1').replace(/^.*?\/?src\//, 'src/');

/** gzip -9 bytes of `file` shared out among its source modules, and what its CSS adds. */
function attribute(file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const gz = gzipSize(file, { dir, level: 9 });
  let map;
  try {
    map = new TraceMap(readFileSync(join(dir, `${file}.map`), 'utf8'));
  } catch {
    return { [`(${file}: no source map)`]: gz }; // an entry file that only re-exports
  }
  const lines = code.split('\n');
  const written = {};
  const unmapped = []; // [line, from, to]: the CSS literals and a few bytes of glue
  let previous;
  const close = (next) => {
    if (!previous) return;
    const line = previous.generatedLine - 1;
    const end = next && next.generatedLine === previous.generatedLine ? next.generatedColumn : lines[line].length;
    if (previous.source) {
      const who = moduleOf(previous.source);
      written[who] = (written[who] ?? 0) + (end - previous.generatedColumn);
    } else unmapped.push([line, previous.generatedColumn, end]);
  };
  eachMapping(map, (m) => {
    close(m);
    previous = m;
  });
  close();
  // The file without the text of its CSS literals (template literals of 50 characters or more in
  // the unmapped code), compressed again.
  const stripped = [...lines];
  for (const [line, from, to] of unmapped.sort((a, b) => b[1] - a[1])) {
    const text = stripped[line];
    stripped[line] = text.slice(0, from) + text.slice(from, to).replace(/`[^`]{50,}`/g, '``') + text.slice(to);
  }
  const withoutCss = gzipSync(stripped.join('\n'), { level: 9 }).length;
  const total = Object.values(written).reduce((a, b) => a + b, 0);
  return { CSS: gz - withoutCss, ...Object.fromEntries(Object.entries(written).map(([who, n]) => [who, (n / total) * withoutCss])) };
}

try {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--sourcemap', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
  const PAGES = [
    ['a page of counters (attributes)', 'stat-counter.js'],
    ['all four elements, no chart shown (static imports)', 'iom-widgets.js'],
  ];
  const kB = (n) => `${(n / 1024).toFixed(2)} kB`;
  for (const [what, entry] of PAGES) {
    const files = pageFiles(entry, [], dir).files;
    const byModule = {};
    for (const file of files) for (const [who, n] of Object.entries(attribute(file))) byModule[who] = (byModule[who] ?? 0) + n;
    const total = Object.values(byModule).reduce((a, b) => a + b, 0);
    console.log(`\n${what}: ${kB(total)} gzip -9 in ${files.length} files, by source module (a share of each file's gzip size):`);
    const ranked = Object.entries(byModule).sort((a, b) => b[1] - a[1]);
    for (const [who, n] of ranked.slice(0, TOP)) console.log(`  ${kB(n).padStart(9)}  ${who}`);
    const rest = ranked.slice(TOP);
    if (rest.length) console.log(`  ${kB(rest.reduce((a, [, n]) => a + n, 0)).padStart(9)}  ${rest.length} more modules`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
