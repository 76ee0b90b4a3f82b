// Writes data/schema/<name>.schema.json from the valibot schemas exported by src/**/*.data.ts
// (an export named FooBarSchema becomes foo-bar.schema.json). With --check, fails when a committed
// schema file differs from what the code defines, so the JSON Schemas never drift from the code.
import { build } from 'esbuild';
import { toJsonSchema } from '@valibot/to-json-schema';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, mkdtempSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const check = process.argv.includes('--check');

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? find(join(dir, d.name)) : d.name.endsWith('.data.ts') ? [join(dir, d.name)] : [],
  );
}

const kebab = (name) => name.replace(/Schema$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const out = mkdtempSync(join(tmpdir(), 'schemas-'));
const files = find('src');
await build({ entryPoints: files, bundle: true, format: 'esm', platform: 'node', outdir: out, outbase: 'src', logLevel: 'error' });

mkdirSync('data/schema', { recursive: true });
let stale = 0;
let written = 0;
for (const file of files) {
  const mod = await import(pathToFileURL(join(out, relative('src', file)).replace(/\.ts$/, '.js')).href);
  for (const [name, schema] of Object.entries(mod)) {
    if (!name.endsWith('Schema') || schema?.kind !== 'schema' || !mod[`${name}Meta`]) continue;
    const meta = mod[`${name}Meta`];
    const json = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: meta.title,
      description: meta.description,
      ...toJsonSchema(schema, { errorMode: 'ignore' }),
    };
    delete json.$schema; // re-added first below, for readability
    const text = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...json }, null, 2) + '\n';
    const target = join('data/schema', `${kebab(name)}.schema.json`);
    written++;
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
        console.error(`${target} is stale: run \`npm run schemas\` and commit the result.`);
        stale++;
      }
    } else writeFileSync(target, text);
  }
}
if (stale) process.exit(1);
console.log(check ? `${written} JSON Schemas are current.` : `Wrote ${written} JSON Schemas to data/schema/.`);
