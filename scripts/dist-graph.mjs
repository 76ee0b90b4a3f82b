// What a page downloads from dist/: the files an entry imports statically (what the browser must
// fetch before the element works) and those it reaches only through import() (the chart). Read by
// scripts/size.mjs (budgets) and scripts/bench.mjs (sizes per page).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize } from 'node:path';

const STATIC = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;
const DYNAMIC = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** `entry`'s static import graph (`files`, entry first) and the files it imports dynamically (`lazy`), relative to `dir`. */
export function graph(entry, dir = 'dist') {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(STATIC)) visit(normalize(join(dirname(file), spec)));
    for (const [, spec] of code.matchAll(DYNAMIC)) lazy.add(normalize(join(dirname(file), spec)));
  };
  visit(entry);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

/** Gzip size of `file` in `dir` (zlib's default level unless `level` is given). */
export const gzipSize = (file, { dir = 'dist', level } = {}) => gzipSync(readFileSync(join(dir, file)), level === undefined ? {} : { level }).length;

/** The files dist/ fetches on demand, by name: the data reader, the readers of the sector's APIs (fetched by the data reader), a language's words, the chart file. */
export const ON_DEMAND = {
  reader: /(^|\/)reader-[\w-]+\.js$/,
  apis: /(^|\/)apis-[\w-]+\.js$/,
  words: /(^|\/)(fr|es|ar)-[\w-]+\.js$/,
  chart: /^iom-widgets\.chart\.js$/,
};

/**
 * Every file a page of `entry` downloads when it also fetches the on-demand files matching
 * `wanted` (each with what it imports), once each.
 */
export function pageFiles(entry, wanted, dir = 'dist') {
  const { files, lazy } = graph(entry, dir);
  const fetched = lazy.filter((f) => wanted.some((re) => re.test(f)));
  return { files: [...new Set([...files, ...fetched.flatMap((f) => graph(f, dir).files)])], fetched };
}
