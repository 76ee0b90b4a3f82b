import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
const entry = process.argv[2] ?? 'src/index.ts';
await build({ configFile: 'vite.config.ts', mode: 'bundle', logLevel: 'error', build: { outDir: '/tmp/attr', emptyOutDir: true, sourcemap: true, lib: { entry: { 'iom-widgets.bundle': entry }, formats: ['es'] } } });
const code = readFileSync('/tmp/attr/iom-widgets.bundle.js', 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync('/tmp/attr/iom-widgets.bundle.js.map', 'utf8')));
const lines = code.split('\n'); const by = {};
let last = null;
map.eachMapping((m) => { last = m; });
// attribute each char by the mapping at or before it
const ms = []; map.eachMapping((m) => ms.push(m));
for (let i = 0; i < ms.length; i++) {
  const m = ms[i], n = ms[i + 1];
  const len = n && n.generatedLine === m.generatedLine ? n.generatedColumn - m.generatedColumn : lines[m.generatedLine - 1].length - m.generatedColumn;
  const k = (m.source ?? '?').replace(/.*node_modules\//, 'nm/').replace(/^.*\/src\//, 'src/');
  by[k] = (by[k] ?? 0) + len;
}
const total = code.length, gz = gzipSync(code, { level: 9 }).length;
console.log('total', total, 'gz', gz);
const group = (k) => k.startsWith('nm/') ? k.split('/').slice(1, k.split('/')[1].startsWith('@') ? 3 : 2).join('/') : k;
const g = {}; for (const [k, v] of Object.entries(by)) g[group(k)] = (g[group(k)] ?? 0) + v;
console.log(Object.entries(g).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${String(v).padStart(7)} ~${(v / total * gz / 1024).toFixed(2)}kgz ${k}`).join('\n'));
