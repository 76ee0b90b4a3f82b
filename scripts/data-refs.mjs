// Finds every reference to a file in data/ made by the demo page and the stories, read from their
// source: `data/x.json#/pointer` in an attribute, a string or prose. test/unit/data-files.test.ts
// checks that each one resolves to data the element that reads it can show.
//
// A reference says which element reads it (the tag on its line, else the stories file's element)
// and whether it is meant to fail: inside a story whose export or name says "error"
// (ErrorNotFound, "…, error").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TAG_ALTERNATIVES } from './tags.mjs';

const DATA_REF = /(?:^|[^\w.~/-])((?:\.{1,2}\/|\/)*data\/[\w./-]+?\.(?:json|csv))(#[^\s"'`<>)\]]*)?/g;
const SCANNED = /\.(?:html|ts|js|mjs|mdx?|json)$/;
const TAG_ON_LINE = new RegExp(`<(${TAG_ALTERNATIVES})\\b`);
const STORIES_OF = new RegExp(`(${TAG_ALTERNATIVES})\\.stories\\.\\w+$`);
const DECLARATION = /^(?:export\s+)?(?:const|let|var|function|class)\s+(\w+)/;

/** The files under `dir` (or `dir` itself), without node_modules and dot folders. */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.name === 'node_modules' || d.name.startsWith('.') ? [] : d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** Whether line `i` lies in a story (the closest top-level declaration above it) meant to show an error. */
function inErrorStory(lines, i) {
  for (let j = i; j >= 0; j--) {
    const name = DECLARATION.exec(lines[j])?.[1];
    if (name) return /error/i.test(name) || /\bname:\s*(['"`])[^'"`]*error/i.test(lines.slice(j, i + 1).join('\n'));
  }
  return false;
}

/** The references to data/ files in `files`, in file and line order. */
export function dataReferences(files) {
  const refs = [];
  for (const file of files.filter((f) => SCANNED.test(f) && existsSync(f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const isStories = /\.stories\.\w+$/.test(file);
    const fileElement = STORIES_OF.exec(file)?.[1] ?? null;
    lines.forEach((line, i) => {
      for (const [, path, hash] of line.matchAll(DATA_REF)) {
        const pointer = hash === undefined ? null : hash.slice(1).replace(/[.,;:]+$/, '');
        refs.push({
          from: `${file}:${i + 1}`,
          file: `/data/${path.replace(/^(?:\.{1,2}\/|\/)*data\//, '')}`,
          pointer,
          element: TAG_ON_LINE.exec(line)?.[1] ?? fileElement,
          // `#/objectives/${i}` or the `#/…` of prose: not a pointer that can be resolved as written.
          literal: !/\$\{|…|\.\.\./.test(pointer ?? ''),
          expectsError: isStories && inErrorStory(lines, i),
        });
      }
    });
  }
  return refs;
}

/** The references made by the demo page and the stories of this repository. */
export const projectDataReferences = () => dataReferences(['index.html', ...listFiles('demo'), ...listFiles('stories')]);
