// Size budgets (gzip) for what a webmaster's page downloads. Fails when a file grows past its budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const KB = 1024;
const budgets = [
  // [file or pattern, gzip budget, what it is]
  ['iom-widgets.js', 45 * KB, 'all four elements, with Lit and the data layer'],
  [/^(stat-counter|emergency-list|donor-ranking|objective-card)\.js$/, 45 * KB, 'one element'],
  [/^chunks\/.*chart.*\.js$/, 75 * KB, 'chart.js, only fetched when a chart is shown'],
];

if (!existsSync('dist')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const files = [
  ...readdirSync('dist').filter((f) => f.endsWith('.js')),
  ...(existsSync('dist/chunks') ? readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`) : []),
];
let failed = 0;
for (const file of files) {
  const gz = gzipSync(readFileSync(join('dist', file))).length;
  const rule = budgets.find(([m]) => (typeof m === 'string' ? m === file : m.test(file)));
  const over = rule && gz > rule[1];
  if (over) failed++;
  console.log(`${over ? 'OVER ' : '     '}${file.padEnd(44)} ${(gz / KB).toFixed(1).padStart(6)} kB gzip${rule ? ` (budget ${(rule[1] / KB).toFixed(0)} kB: ${rule[2]})` : ''}`);
}
if (failed) {
  console.error(`${failed} file(s) over budget.`);
  process.exit(1);
}
