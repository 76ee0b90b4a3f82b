// Print (after npm run build:lib: reads dist/). A page with all four widgets, each with more than it
// shows on screen (the emergency list and the donor rankings cut at a limit; the ranking as a list,
// a chart and a table), printed to PDF as soon as its figures are in (the counters still counting),
// and the PDF's text read back with pdftotext (Debian: poppler-utils, installed as root on Debian
// when missing): every figure and every donor row must be on paper.
//
//   Chromium  the DevTools protocol's Page.printToPDF (puppeteer's page.pdf)
//   Firefox   WebDriver BiDi's browsingContext.print (puppeteer's page.pdf)
//   WebKit    not checked: WebKitWebDriver has no Print Page command (it answers "Unknown command:
//             /session/…/print"), and MiniBrowser prints through a dialog only.
//
// The expected figures are written here from the data files, with the number formats the widgets
// document (compact people figures in words, "USD 500M", whole amounts in the tables), not read
// from the widgets.
//
//   node --test test/built/print.test.mjs      (after npm run build:lib; IOM_KEEP=1 writes the
//                                               PDFs and their text to .capture/)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensurePdftotext, findFirefox } from '../../scripts/browser.mjs';
import { ROOT, chromium, needBuilt, openPage, serveStatic } from '../../scripts/pages.mjs';

const json = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const report = json('data/annual-report-2023.json');
const emergencies = json('test/fixtures/emergencies-example.json').emergencies;
// test/fixtures/donors-example.hxl.csv, fictitious: name, amount, previous amount.
const DONORS = [
  ['Example donor A (fictitious)', 500_000_000, 400_000_000],
  ['Example donor B (fictitious)', 250_000_000, 300_000_000],
  ['Example fund C (fictitious)', 125_000_000, undefined],
];
const DONORS_CSV = '/test/fixtures/donors-example.hxl.csv';
/** The widgets of the page, objective-card's counters among them. */
const WIDGETS = 7;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Print check: all four widgets</title>
    <script type="module" src="/dist/iom-widgets.js"></script>
  </head>
  <body>
    <stat-counter src="/data/annual-report-2023.json#/highlights/peopleReached"></stat-counter>
    <objective-card src="/data/annual-report-2023.json#/objectives/0"></objective-card>
    <emergency-list src="/test/fixtures/emergencies-example.json" searchable filters="region level" sortable limit="3"></emergency-list>
    <donor-ranking src="/data/annual-report-2023.json#/funding/topDonors"></donor-ranking>
    <donor-ranking src="${DONORS_CSV}" limit="2"></donor-ranking>
    <donor-ranking src="${DONORS_CSV}" view="chart" switchable limit="2"></donor-ranking>
    <donor-ranking src="${DONORS_CSV}" view="table" group-by-type limit="2"></donor-ranking>
  </body>
</html>`;

// The formats the widgets document (src/i18n/format.ts, src/stat-counter/figure-format.ts), in English.
const nf = (value, options = {}) => new Intl.NumberFormat('en', options).format(value);
const counterFigure = (f) => (f.format === 'compact' ? nf(f.value, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }) : nf(f.value));
const people = (v) => nf(v, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
const usd = (v) => nf(v, { style: 'currency', currency: 'USD', currencyDisplay: 'code', notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: 1 });
const whole = (v) => nf(v, { maximumFractionDigits: 0 });
function percent(points, signed = false) {
  const size = Math.abs(points);
  let shown = points;
  let precision = { maximumFractionDigits: 0 };
  if (size > 0 && size < 1) precision = { maximumSignificantDigits: 1 };
  else if (size < 10) precision = { maximumFractionDigits: 1 };
  else if (size > 99 && size < 100) [shown, precision] = [Math.sign(points) * (Math.floor(size * 10) / 10), { maximumFractionDigits: 1 }];
  return nf(shown / 100, { style: 'percent', ...precision, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
}

/** What must be on paper: [what, text, at least how many times]. */
const EXPECTED = [
  ['stat-counter: the figure', counterFigure(report.highlights.peopleReached), 1],
  ...report.objectives[0].figures.map((f, i) => [`objective-card: figure ${i + 1}`, counterFigure(f), 1]),
  ...emergencies.flatMap((e) => [
    [`emergency-list: ${e.name}`, e.name, 1],
    ...['peopleAffected', 'peopleInNeed', 'peopleTargeted', 'peopleReached'].filter((k) => e[k] !== undefined).map((k) => [`emergency-list: ${e.name}, ${k}`, people(e[k]), 1]),
    ...(e.appeal > 0 && e.funded !== undefined
      ? [
          [`emergency-list: ${e.name}, funded`, `${percent((e.funded / e.appeal) * 100)} funded`, 1],
          [`emergency-list: ${e.name}, amounts`, `${usd(e.funded)} received of ${usd(e.appeal)} required`, 1],
        ]
      : []),
  ]),
  ...report.funding.topDonors.donors.map((d, i) => [`donor-ranking (IOM, list): ${i + 1}. ${d.name}`, d.name, 1]),
  // The list, the chart (printed as its table) and the table: each donor in all three.
  ...DONORS.flatMap(([name, amount, previous]) => [
    [`donor-ranking: ${name}, in the list, the chart and the table`, name, 3],
    [`donor-ranking: ${name}, its amount in the list`, usd(amount), 1],
    [`donor-ranking: ${name}, its amount in the chart and the table`, whole(amount), 2],
    ...(previous ? [[`donor-ranking: ${name}, its change`, percent(((amount - previous) / previous) * 100, true), 2]] : []),
  ]),
];

// (pdftotext gives a ligature as its own character: "ﬁ" for "fi".)
const normal = (s) =>
  s
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u061c\u2066-\u2069\u00ad]/g, '')
    .replace(/[\u2212\u2010-\u2013]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
const occurrences = (text, needle) => text.split(normal(needle)).length - 1;

let server, pagesDir, pdftotext;
before(async () => {
  needBuilt('dist/iom-widgets.js');
  pdftotext = ensurePdftotext();
  assert.ok(pdftotext, 'pdftotext: install poppler-utils (Debian, Ubuntu), poppler (Homebrew), or set PDFTOTEXT');
  pagesDir = mkdtempSync(join(tmpdir(), 'iom-print-'));
  writeFileSync(join(pagesDir, 'print.html'), PAGE);
  server = await serveStatic({ '/': ROOT, '/pages/': pagesDir });
});
after(async () => {
  await server?.close();
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

/** The page printed to PDF as soon as every widget has its figures and the chart is drawn: the PDF's text. */
async function printedText(browser, engine) {
  const url = `${server.base}/pages/print.html`;
  // (openPage in Firefox too: puppeteer speaks WebDriver BiDi to it.)
  const page = await openPage(browser, url, { motion: true, settle: WIDGETS });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = join(pagesDir, `${engine}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync(pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (process.env.IOM_KEEP) {
    const out = join(ROOT, '.capture');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `print-${engine}.pdf`), pdf);
    writeFileSync(join(out, `print-${engine}.txt`), text);
  }
  assert.deepEqual(page.problems.filter((p) => p.startsWith('page error')), [], 'no page error');
  await page.close();
  return normal(text);
}

describe('every figure and every donor row on paper', () => {
  for (const [engine, launch] of [
    ['Chromium', () => chromium()],
    ['Firefox', () => puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true })],
  ]) {
    it(`${engine}: the printed PDF's text holds all ${EXPECTED.length} figures and donor rows`, async () => {
      const browser = await launch();
      try {
        const text = await printedText(browser, engine);
        const missing = EXPECTED.filter(([, needle, times]) => occurrences(text, needle) < times).map(([what, needle, times]) => `${what}: "${needle}"${times > 1 ? ` ${times} times` : ''} (found ${occurrences(text, needle)})`);
        assert.deepEqual(missing, []);
      } finally {
        await browser.close();
      }
    });
  }
  it('WebKit: not printed, WebKitWebDriver has no Print Page command', { skip: 'WebKitWebDriver answers "Unknown command" to /session/…/print; MiniBrowser prints through a dialog only' }, () => {});
});
