#!/usr/bin/env node
// Checks every figure and name in data/*.json against the source text it comes from.
//
//   node scripts/check-data-sources.mjs [--seeds <dir>]     (default: ../shared/seeds, or $IOM_SEEDS)
//
// The source texts (the "seeds") are copies of IOM's publications kept outside the repository.
// For each figure: its `quote` must appear word for word in its source's text (ignoring line breaks
// and Markdown bold), its value must be a number of that quote (scale words applied, a percentage
// only for `format: "percent"`), its `prefix` must match the quote's "over" / "nearly" / "~" / "+",
// a currency figure's quote must name the currency, and no quote may hold the 0 placeholder of
// the annual-report page. Emergency and donor names, levels, objective titles and summaries must
// appear in the source too (ignoring case and accents). Prints a count per file; exits 1 on any problem.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkFigureAgainstQuote } from './quote-numbers.mjs';

const at = process.argv.indexOf('--seeds');
const seedsDir = resolve(at > 0 && process.argv[at + 1] ? process.argv[at + 1] : (process.env.IOM_SEEDS ?? '../shared/seeds'));

/** Which seed text holds each source named in data/ (by the source's title). */
const SEED_OF = {
  'IOM Annual Report 2023': '000_2710041ee6a1dc4f.txt',
  'IOM at a glance: Dignified, orderly and safe migration for the benefit of all (2017 figures)': '001_46ae561d9e0f8cb1.txt',
  'IOM Global Appeal 2024: introduction to the 2024 Crisis Response Plans': '002_ad1905fffe42fcda.txt',
  'IOM Annual Report 2024 (press release on its presentation to the Standing Committee on Programmes and Finance)': '003_0d572d82725325cf.txt',
  'The International Organization for Migration: reference entry on its mandate, structure and resources': '004_914dfb978c23559a.txt',
};

/**
 * Names written differently from the source on purpose, each with the source's own spelling.
 * The page has "The Global Funds to Fight AIDS, Tuberculosis and Malaria"; the organisation's
 * name (and the one a reader searches for) is "The Global Fund to Fight AIDS, Tuberculosis and Malaria".
 */
const CORRECTIONS = {
  'The Global Fund to Fight AIDS, Tuberculosis and Malaria': 'The Global Funds to Fight AIDS, Tuberculosis and Malaria',
};

if (!existsSync(seedsDir)) {
  console.error(`No source texts at ${seedsDir}: pass --seeds <dir> or set IOM_SEEDS.`);
  process.exit(2);
}

const exact = (text) => text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
const fold = (text) => exact(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const seeds = new Map();
function seed(source) {
  const title = typeof source === 'string' ? source : source?.title;
  const file = SEED_OF[title];
  if (!file) return undefined;
  if (!seeds.has(file)) {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    seeds.set(file, { file, exact: exact(text), folded: fold(text) });
  }
  return seeds.get(file);
}

let problems = 0;
const report = [];
const fail = (where, message) => {
  problems++;
  console.error(`✗ ${where}: ${message}`);
};

for (const name of readdirSync('data').filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join('data', name), 'utf8'));
  const counts = { figures: 0, names: 0, texts: 0, corrections: [] };
  const fileSources = Array.isArray(doc.source) ? doc.source : [doc.source];
  for (const s of fileSources) if (!seed(s)) fail(name, `no source text known for the file's source "${s?.title ?? s}"`);

  /** Checks that `text` (a name, a title) is in the source's text, or is a listed correction of it. */
  const named = (where, text, source, plural = false) => {
    const src = seed(source);
    if (!src) return fail(where, `no source text known for "${source?.title ?? source}"`);
    const spelt = CORRECTIONS[text] ?? text;
    const words = new RegExp(`(^|[^\\p{L}\\d])${fold(spelt).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${plural ? 's?' : ''}($|[^\\p{L}\\d])`, 'u');
    if (!words.test(src.folded)) return fail(where, `"${spelt}" is not in ${src.file}`);
    if (spelt !== text) counts.corrections.push(`${text} (source: ${spelt})`);
  };

  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`));
    if (node === null || typeof node !== 'object') {
      if (node === 0) fail(`${name}#${path}`, 'is 0');
      return;
    }
    if (typeof node.value === 'number') {
      counts.figures++;
      const where = `${name}#${path}`;
      for (const field of ['unit', 'year', 'source', 'label']) if (node[field] === undefined || node[field] === '') fail(where, `has no ${field}`);
      if (node.value === 0) fail(where, 'is 0');
      for (const p of checkFigureAgainstQuote(node)) fail(where, p);
      const src = seed(node.source);
      if (!src) fail(where, `no source text known for "${node.source?.title ?? node.source}"`);
      else if (typeof node.quote === 'string' && !src.exact.includes(exact(node.quote))) fail(where, `quote "${node.quote}" is not word for word in ${src.file}`);
      return;
    }
    if (Array.isArray(node.emergencies)) {
      node.emergencies.forEach((e, i) => {
        const where = `${name}#${path}/emergencies/${i}`;
        counts.names++;
        named(where, e.name, node.source);
        // A level is a heading of the source's list: "Currently active L3s", "Significant crisis responses".
        if (e.level) named(where, e.level, node.source, true);
        // The 2017 snapshot writes "Syrian Arab Republic (country and regional)".
        if (e.summary === 'Country and regional response') named(where, `${e.name} (country and regional)`, node.source);
        else if (e.summary) named(where, e.summary, node.source);
        for (const f of ['peopleAffected', 'peopleInNeed', 'peopleTargeted', 'peopleReached', 'appeal', 'funded']) {
          if (e[f] !== undefined) fail(where, `${f} has no quote to check it against: give it as a figure instead`);
        }
      });
      return;
    }
    if (Array.isArray(node.donors)) {
      node.donors.forEach((d, i) => {
        counts.names++;
        named(`${name}#${path}/donors/${i}`, d.name, node.source);
        if (d.amount !== undefined || d.previousAmount !== undefined) fail(`${name}#${path}/donors/${i}`, 'has an amount, which no source text gives');
      });
      return;
    }
    if (typeof node.number === 'number' && typeof node.title === 'string') {
      counts.texts++;
      named(`${name}#${path}/title`, node.title, node.source);
      if (node.summary) {
        counts.texts++;
        named(`${name}#${path}/summary`, node.summary.replace(/\.$/, ''), node.source);
      }
      (node.figures ?? []).forEach((f, i) => walk(f, `${path}/figures/${i}`));
      return;
    }
    for (const [key, value] of Object.entries(node)) if (!['$schema', 'title', 'year', 'source'].includes(key) || path !== '') walk(value, `${path}/${key}`);
  };
  walk(doc, '');
  report.push({ name, ...counts });
}

for (const r of report) {
  console.log(
    `${r.name}: ${r.figures} figures, ${r.names} names, ${r.texts} objective texts checked` +
      (r.corrections.length ? `; spelling corrected from the source: ${r.corrections.join('; ')}` : ''),
  );
}
if (problems) {
  console.error(`${problems} problem${problems === 1 ? '' : 's'}.`);
  process.exit(1);
}
console.log(`All figures and names found in their sources (${seedsDir}).`);
