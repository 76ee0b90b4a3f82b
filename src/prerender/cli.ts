/// <reference types="node" />
// The `iom-widgets` command. Two subcommands: prerender, and fetch (./fetch.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fetchCommand } from './fetch.js';
import { FETCH_USAGE } from './fetch-args.js';
import { prerenderFile } from './prerender.js';

const USAGE = `Usage: iom-widgets prerender IN.html [--root DIR] [-o OUT.html] [--styles DIR] [--strict]

Writes every <stat-counter>, <emergency-list>, <donor-ranking> and <objective-card> of IN.html
into its HTML (declarative shadow DOM, fallback content and the data it read), so the page shows
its figures before any script runs, and to readers that run none.

  --root DIR     the site's root folder, for root-relative URLs such as /data/report.json
                 (default: the folder of IN.html)
  -o, --out FILE where to write the page (default: standard output); may be IN.html itself
  --styles DIR   for a Content-Security-Policy without 'unsafe-inline' in style-src: write the
                 widgets' styles as stylesheet files into DIR (inside the root) and link them,
                 instead of inline <style> and style attributes (links are relative to IN.html:
                 write the output beside it or in place)
  --strict       exit with status 1 when a widget's data fails (each is reported either way)
  -h, --help     this help

${FETCH_USAGE}`;

interface Args {
  input?: string;
  root?: string;
  out?: string;
  styles?: string;
  strict: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--root') args.root = value();
    else if (a.startsWith('--root=')) args.root = a.slice(7);
    else if (a === '-o' || a === '--out') args.out = value();
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '--styles') args.styles = value();
    else if (a.startsWith('--styles=')) args.styles = a.slice(9);
    else if (a === '--strict') args.strict = true;
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (args.input === undefined) args.input = a;
    else return `one input file only (got ${args.input} and ${a})`;
  }
  return args.input === undefined ? 'no input file' : args;
}

/** A path as the command prints it: from the current folder when it is below it. */
const shownPath = (path: string) => {
  const from = relative(process.cwd(), path);
  return from.startsWith('..') ? path : from || '.';
};

/** Runs the command; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'fetch' && (rest.includes('-h') || rest.includes('--help'))) {
    process.stdout.write(`${FETCH_USAGE}\n`);
    return 0;
  }
  if (command === undefined || command === '-h' || command === '--help' || rest.includes('-h') || rest.includes('--help')) {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'fetch') return fetchCommand(rest);
  if (command !== 'prerender') {
    process.stderr.write(`iom-widgets: unknown command ${command}\n\n${USAGE}\n`);
    return 2;
  }
  let args: Args | string;
  try {
    args = parseArgs(rest);
  } catch (error) {
    args = (error as Error).message;
  }
  if (typeof args === 'string') {
    process.stderr.write(`iom-widgets prerender: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await prerenderFile(args.input!, { root: args.root, styles: args.styles });
    const shown = relative(process.cwd(), args.input!) || args.input!;
    // One line per failing widget: where it is, which tag, and the message of its error box.
    for (const p of result.problems) process.stderr.write(`${shown}:${p.line}:${p.column} <${p.tag}>: ${p.message}\n`);
    for (const sheet of result.stylesheets) {
      await mkdir(dirname(sheet.path), { recursive: true });
      await writeFile(sheet.path, sheet.css);
    }
    if (args.out) await writeFile(args.out, result.html);
    else process.stdout.write(result.html);
    const failed = result.problems.length;
    process.stderr.write(`iom-widgets prerender: ${result.widgets} widget${result.widgets === 1 ? '' : 's'} written${failed ? `, ${failed} with an error` : ''}${args.out ? ` to ${args.out}` : ''}${result.stylesheets.length ? `, their styles in ${result.stylesheets.length} file${result.stylesheets.length === 1 ? '' : 's'} in ${shownPath(dirname(result.stylesheets[0].path))}` : ''}\n`);
    return failed && args.strict ? 1 : 0;
  } catch (error) {
    process.stderr.write(`iom-widgets prerender: ${(error as Error).message}\n`);
    return 1;
  }
}
