// <donor-ranking>'s chart as a reader meets it: the pixels of its canvas (getImageData) in light
// and dark, left to right and right to left, at 320, 412 and 1280 px; its tooltip under the mouse
// and under a finger; its colours in forced colours. chart.js's own objects (its laid-out labels)
// only cross-check what the pixels say.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys } from '@web/test-runner-commands';
import { animator, Chart } from 'chart.js';
import '../src/donor-ranking/define.js';
import type { DonorRanking } from '../src/donor-ranking/donor-ranking.js';
import type { DonorRankingData } from '../src/donor-ranking/donor-ranking.data.js';
import { digitsLocale } from '../src/i18n/format.js';
import { needsDevTools } from './support/browsers.js';
import { Pixels, type Bar, type Rgb } from './support/canvas.js';
import { $, chartOnScreen, checkTipPlace, colourOf, drawn, tipText, token } from './support/chart.js';
import { clean } from './support/dom.js';
import { emulateForcedColors, hover } from './support/input.js';
import { setViewport } from './support/viewport.js';
import { exampleDonors, LONG_NAME, threeDonors } from './fixtures/donors.js';

const compactUsd = (value: number, locale: string) =>
  new Intl.NumberFormat(digitsLocale(locale), { style: 'currency', currency: 'USD', currencyDisplay: 'code', notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);

type LabelItem = { label: string | string[]; font: { string: string } };
/** chart.js's laid-out labels of an axis: the cross-check. */
const labelItems = (chart: Chart, axis: 'x' | 'y') => (chart.scales[axis] as unknown as { getLabelItems(): LabelItem[] }).getLabelItems();
/**
 * The width of a label's widest line in its font, as the canvas measures it: its advance, which
 * is its ink and a pixel or so of space at each end. (Not the ink's bounding box: Firefox's is
 * wrong for a line that mixes Arabic and Latin.)
 */
function textWidth(chart: Chart, item: LabelItem): number {
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = item.font.string;
  const width = Math.max(...([] as string[]).concat(item.label).map((line) => ctx.measureText(line).width));
  ctx.restore();
  return width;
}

/** The figures of the chart view's table (its rows on screen), as a screen reader hears them. */
function tableFigures(el: Element): { name: string; amount: number }[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('table tbody tr')]
    .filter((row) => !row.classList.contains('past-limit'))
    .map((row) => ({ name: clean(row.querySelector('th')!.textContent), amount: Number(clean(row.querySelector('th ~ td.num')!.textContent).replace(/\D/g, '')) }));
}

/** The rows of the canvas between a bar and its neighbours: each name's band. */
function bands(bars: Bar[]): [number, number][] {
  return bars.map((b, i) => {
    const top = i === 0 ? 0 : (bars[i - 1].y + b.y) / 2;
    const bottom = i === bars.length - 1 ? b.y + (b.y - bars[i - 1].y) / 2 : (b.y + bars[i + 1].y) / 2;
    return [top, bottom];
  });
}

/**
 * Everything a reader checks by eye on a drawn chart, from its pixels: one bar per donor of the
 * table, each as long as its amount, all from the same edge (the left, or the right in RTL); each
 * name beside its bar, none running into another or into the bars, nothing cut at the canvas's
 * edges; the amount labels apart from each other and each under the amount it names.
 */
function checkDrawing(chart: Chart, px: Pixels, figures: { name: string; amount: number }[], colours: { bar: Rgb; text: Rgb; muted: Rgb }, rtl: boolean): void {
  const s = px.scale;
  expect(px.drawn(0, px.width, 0, px.height), 'pixels drawn on the canvas').to.be.greaterThan(px.width * px.height * 0.02);

  // The bars, in the bar colour: one per donor, top to bottom, as long as its amount.
  const bars = px.bars([colours.bar]);
  expect(bars.length, 'one bar per donor in the table').to.equal(figures.length);
  const zero = rtl ? Math.max(...bars.map((b) => b.end)) : Math.min(...bars.map((b) => b.start));
  const perUnit = bars[0].length / figures[0].amount;
  bars.forEach((b, i) => {
    const what = `${figures[i].name}'s bar`;
    expect(rtl ? b.end : b.start, `${what} grows from the axis`).to.be.closeTo(zero, 1);
    expect(b.length / s, `${what}: ${figures[i].amount} drawn as long as its share of the longest`).to.be.closeTo((figures[i].amount * perUnit) / s, 1.5);
  });
  expect(rtl ? zero > px.width / 2 : zero < px.width / 2, `the bars grow from the ${rtl ? 'right' : 'left'}`).to.equal(true);

  // Nothing is cut: the canvas's outer 2 px are blank on every side.
  const rim = 2 * s;
  expect(px.drawn(0, rim, 0, px.height) + px.drawn(px.width - rim, px.width, 0, px.height), 'nothing at the left and right edges').to.equal(0);
  expect(px.drawn(0, px.width, 0, rim) + px.drawn(0, px.width, px.height - rim, px.height), 'nothing at the top and bottom edges').to.equal(0);

  // The names: beside the bars, each in its bar's band, centred on its bar, none crossing into the
  // next band or into the bars; as wide as their text (not cut: chart.js's labels cross-check).
  const [x0, x1] = rtl ? [zero + 2 * s, px.width] : [0, zero - 2 * s];
  const names = labelItems(chart, 'y');
  expect(names.length, 'a name per bar (chart.js)').to.equal(bars.length);
  bands(bars).forEach(([top, bottom], i) => {
    const what = `${figures[i].name}'s name`;
    expect(px.count([colours.text], x0, x1, top, bottom), `${what} is drawn`).to.be.greaterThan(20);
    if (i > 0) expect(px.count([colours.text], 0, px.width, top - s / 2, top + s / 2), `${what} and the name above it stay apart`).to.equal(0);
    const rows: number[] = [];
    for (let y = Math.ceil(top); y < bottom; y++) if (px.count([colours.text], x0, x1, y, y + 1)) rows.push(y);
    expect((rows[0] + rows.at(-1)!) / 2 / s, `${what} is centred on its bar`).to.be.closeTo(bars[i].y / s, 5);
    const ink = px.runs([colours.text], x0, x1, top, bottom, 12 * s);
    expect(ink.length, `${what} is one block of text`).to.equal(1);
    expect((ink[0].end - ink[0].start + 1) / s, `${what} is as wide as its text`).to.be.closeTo(textWidth(chart, names[i]), 3);
  });
  expect(px.count([colours.text], rtl ? zero + 1 : zero - 2 * s, rtl ? zero + 1 + 2 * s : zero, 0, px.height), 'no name runs into the bars').to.equal(0);

  // The amount axis: its line under the last bar, then its labels, apart, each under its amount.
  const from = Math.min(...bars.map((b) => b.start));
  const to = Math.max(...bars.map((b) => b.end));
  let axis = bars.at(-1)!.bottom + 1;
  while (axis < px.height && px.drawn(from, to, axis, axis + 1) < (to - from) * 0.8) axis++;
  expect(axis, 'the amount axis is drawn').to.be.lessThan(px.height);
  const labels = px.runs([colours.muted], 0, px.width, axis + 1, px.height, 8 * s);
  const ticks = labelItems(chart, 'x');
  expect(labels.length, 'the amount labels, at least 8 px apart (as many as chart.js laid out)').to.equal(ticks.length);
  expect(labels.length, 'two amount labels or more').to.be.at.least(2);
  // (chart.js's ticks run left to right on the screen: from the largest amount in RTL.)
  const values = chart.scales.x.ticks.map((t) => t.value);
  labels.forEach((run, i) => {
    const centre = (run.start + run.end + 1) / 2;
    const at = rtl ? zero + 1 - values[i] * perUnit : zero + values[i] * perUnit;
    expect(centre / s, `the label of ${values[i]} under that amount on the bars' scale`).to.be.closeTo(at / s, 3);
    expect((run.end - run.start + 1) / s, `the label of ${values[i]} is as wide as its text`).to.be.closeTo(textWidth(chart, ticks[i]), 3);
  });
}

describe('donor-ranking chart, as drawn', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  type Case = { width: number; dir: 'ltr' | 'rtl'; scheme: 'light' | 'dark'; data: () => DonorRankingData; column?: number };
  const cases: Case[] = [320, 412, 1280].flatMap((width) =>
    (['ltr', 'rtl'] as const).flatMap((dir) => (['light', 'dark'] as const).map((scheme) => ({ width, dir, scheme, data: exampleDonors }))),
  );
  // Three donors and no currency: few, short amount labels.
  cases.push(...[320, 1280].flatMap((width) => (['ltr', 'rtl'] as const).map((dir) => ({ width, dir, scheme: 'light' as const, data: threeDonors }))));
  // A phone's column in a wider window (the page's 8 px margins off a 320 or 412 px phone): the
  // chart follows its box, not the window, so WebKit (whose window is never narrower than 447 px)
  // draws a phone's chart too, light and dark, in both directions.
  const PHONES: Record<number, number> = { 304: 320, 396: 412 };
  cases.push(
    ...[304, 396].flatMap((column) =>
      (['ltr', 'rtl'] as const).flatMap((dir) => (['light', 'dark'] as const).map((scheme) => ({ width: 800, dir, scheme, data: exampleDonors, column }))),
    ),
  );

  for (const { width, dir, scheme, data, column } of cases) {
    const where = column ? `in a ${column} px column (a ${PHONES[column]} px phone's)` : `at ${width} px`;
    const what = `${scheme}, ${dir === 'rtl' ? 'right to left (Arabic)' : 'left to right'}, ${where}${data === threeDonors ? ', 3 donors' : ''}`;
    it(`draws every donor of its table as a bar as long as its amount, with names and amounts whole and apart: ${what}`, async function () {
      await setViewport({ width, height: 900 }, this);
      const locale = dir === 'rtl' ? 'ar' : 'en';
      const donors: DonorRankingData = data();
      const wrap = await fixture<HTMLDivElement>(html`<div dir=${dir} style=${`color-scheme: ${scheme}; inline-size: ${column ? `${column}px` : 'auto'}`}>
        <donor-ranking view="chart" locale=${locale} .data=${donors}></donor-ranking>
        <donor-ranking locale=${locale} .data=${donors}></donor-ranking>
      </div>`);
      const [el, list] = [...wrap.querySelectorAll('donor-ranking')];
      const { chart, pixels } = await drawn(el);
      // The table beside the chart holds the same donors and amounts as the data.
      const figures = tableFigures(el);
      const shown = donors.donors.slice(0, 10);
      expect(figures, 'the table alternative').to.deep.equal(shown.map((d) => ({ name: d.name, amount: d.amount })));
      // The bars in the colour of the list's bars (the same token), light or dark.
      const bar = colourOf($(list, '[part="bar"]'), 'backgroundColor');
      expect(bar, 'the bar colour').to.deep.equal(scheme === 'dark' ? [143, 179, 255] : [0, 51, 160]);
      checkDrawing(chart, pixels(), figures, { bar, text: token(el, 'text'), muted: token(el, 'muted') }, dir === 'rtl');
    });
  }

  it('labels the amounts in the locale, and wraps a long name onto two lines, its end cut with "…"', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 480px"><donor-ranking view="chart" locale="es" .data=${exampleDonors()}></donor-ranking></div>`);
    const el = wrap.querySelector('donor-ranking')!;
    const { chart, pixels } = await drawn(el);
    const px = pixels();
    const text = token(el, 'text');
    const bars = px.bars([token(el, 'bar')]);
    // The amount labels are drawn as wide as the texts chart.js was given (checkDrawing), and
    // those are the Spanish amounts, first and last.
    checkDrawing(chart, px, tableFigures(el), { bar: token(el, 'bar'), text, muted: token(el, 'muted') }, false);
    const ticks = labelItems(chart, 'x');
    expect([ticks[0].label, ticks.at(-1)!.label], 'the amount labels').to.deep.equal([compactUsd(0, 'es'), compactUsd(500_000_000, 'es')]);
    // The long name (4th) takes two lines: its ink is taller than one line, inside its band.
    const [top, bottom] = bands(bars)[3];
    const zero = Math.min(...bars.map((b) => b.start));
    const rows: number[] = [];
    for (let y = Math.ceil(top); y < bottom; y++) if (px.count([text], 0, zero - 2, y, y + 1)) rows.push(y);
    const fontSize = parseFloat(getComputedStyle($(el, '.probe[data-token="font"]')).fontSize);
    expect((rows.at(-1)! - rows[0]) / px.scale, 'two lines of the long name').to.be.greaterThan(fontSize * 1.5);
    const label = labelItems(chart, 'y')[3].label as string[];
    expect(label, 'chart.js was given two lines').to.have.length(2);
    expect(label[1].endsWith('…')).to.equal(true);
    // The tooltip names it whole.
    await hover([zero / px.scale + chart.canvas.getBoundingClientRect().left + 20, chart.canvas.getBoundingClientRect().top + bars[3].y / px.scale]);
    await waitUntil(() => !$(el, '[part="tooltip"]').hidden, 'the tooltip', { timeout: 10_000 });
    expect(clean($(el, '[part="tooltip"]').innerText)).to.contain(LONG_NAME);
  });

  it('marks the highlighted donor with its colour, an outline and a bolder name', async () => {
    const plain = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
    const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" highlight="Example donor B" .data=${exampleDonors()}></donor-ranking>`);
    const [a, b] = [(await drawn(plain)).pixels(), (await drawn(el)).pixels()];
    const [bar, highlight, text] = [token(el, 'bar'), token(el, 'highlight'), token(el, 'text')];
    expect(b.bars([highlight]).map((x) => x.y), 'one bar in the highlight colour, the second').to.deep.equal([a.bars([bar])[1].y]);
    const hi = b.bars([highlight])[0];
    // The outline: text-coloured pixels just above and below its fill.
    expect(b.count([text], hi.start, hi.end, hi.top - 2, hi.top), 'an outline above').to.be.greaterThan((hi.end - hi.start) * 0.8);
    expect(b.count([text], hi.start, hi.end, hi.bottom + 1, hi.bottom + 3), 'an outline below').to.be.greaterThan((hi.end - hi.start) * 0.8);
    // The name in bold: more ink than the same name in the plain chart.
    const zero = a.bars([bar])[0].start;
    const [top, bottom] = bands(a.bars([bar]))[1];
    expect(b.count([text], 0, zero - 2, top, bottom), 'a bolder name').to.be.greaterThan(a.count([text], 0, zero - 2, top, bottom) * 1.15);
  });

  it('follows a theme change on an ancestor, and a change of direction, in the same chart', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl"><donor-ranking view="chart" locale="ar" .data=${exampleDonors()}></donor-ranking></div>`);
    const el = wrap.querySelector('donor-ranking')!;
    const { chart, pixels } = await drawn(el);
    const before = pixels().bars([[0, 51, 160]]);
    expect(before[0].end, 'from the right').to.be.greaterThan(pixels().width / 2);
    wrap.style.setProperty('--iom-donor-ranking-bar-color', 'rgb(200, 30, 30)');
    await waitUntil(() => pixels().bars([[200, 30, 30]]).length === 10, 'the bars redrawn in the new colour', { timeout: 10_000 });
    wrap.removeAttribute('dir');
    await waitUntil(() => !animator.running(chart) && pixels().bars([[200, 30, 30]])[0]?.start < pixels().width / 2, 'the bars now from the left', { timeout: 10_000 });
    expect(Chart.getChart(chart.canvas), 'the same chart').to.equal(chart);
  });

  it('redraws in the dark colours when the page switches to a dark colour scheme', async function () {
    needsDevTools(this);
    const wrap = await fixture<HTMLDivElement>(html`<div style="color-scheme: light dark"><donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking></div>`);
    const el = wrap.querySelector('donor-ranking')!;
    const { pixels } = await drawn(el);
    try {
      await emulateMedia({ colorScheme: 'light' });
      await waitUntil(() => pixels().bars([[0, 51, 160]]).length === 10, 'light bars', { timeout: 10_000 });
      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => pixels().bars([[143, 179, 255]]).length === 10, 'dark bars after the colour scheme changed', { timeout: 10_000 });
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('draws in system colours under forced colours, the highlighted bar in Highlight, and back', async function () {
    needsDevTools(this);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <span class="system" style="color: CanvasText"></span><span class="system" style="color: Highlight"></span>
      <donor-ranking view="chart" highlight="Example donor B" .data=${exampleDonors()}></donor-ranking>
    </div>`);
    const el = wrap.querySelector('donor-ranking')!;
    const { chart, pixels } = await drawn(el);
    // Where the bars are, in the brand colours; then what colour each is drawn in.
    const bars = pixels().bars([token(el, 'bar'), token(el, 'highlight')]);
    // (The share of each bar's middle row in `colour`: Chromium's Highlight is 80 % opaque.)
    const drawnIn = (px: Pixels, colour: Rgb) => bars.map((b) => px.count([colour], b.start, b.end + 1, b.y, b.y + 1) / (b.end - b.start + 1));
    try {
      await emulateForcedColors(true);
      const [canvasText, highlight] = [...wrap.querySelectorAll('.system')].map((s) => colourOf(s));
      expect(canvasText, 'CanvasText is not the brand blue').to.not.deep.equal([0, 51, 160]);
      const inSystemColours = () => {
        const px = pixels();
        const [text, hi] = [drawnIn(px, canvasText), drawnIn(px, highlight)];
        return bars.every((_, i) => (i === 1 ? hi[i] : text[i]) > 0.9);
      };
      await waitUntil(() => !animator.running(chart) && inSystemColours(), 'the bars in CanvasText, the second in Highlight', { timeout: 10_000 });
      // The tooltip is text: the browser gives it system colours, readable on each other.
      const box = chart.canvas.getBoundingClientRect();
      await hover([box.left + (bars[1].start + bars[1].end) / 2 / pixels().scale, box.top + bars[1].y / pixels().scale]);
      const tip = $(el, '[part="tooltip"]');
      await waitUntil(() => !tip.hidden, 'the tooltip', { timeout: 10_000 });
      expect(colourOf(tip), 'tooltip text').to.not.deep.equal(colourOf(tip, 'backgroundColor'));
      expect(clean(tip.innerText)).to.contain('Example donor B');
    } finally {
      await emulateForcedColors(false);
    }
    await waitUntil(() => drawnIn(pixels(), [0, 51, 160])[0] > 0.9, 'brand colours again', { timeout: 10_000 });
  });
});

describe('donor-ranking chart, by mouse', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the donor and its figures when the mouse is over a bar, and hides them when it leaves or on Escape', async () => {
    const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
    const { box, bars, tip } = await chartOnScreen(el);
    expect(tip.hidden, 'no tooltip at first').to.equal(true);
    await hover([(bars[2].start + bars[2].end) / 2, bars[2].y]);
    await waitUntil(() => !tip.hidden, 'the tooltip under the mouse', { timeout: 10_000 });
    expect(tipText(tip)).to.equal('Example pooled fund C USD 125M 6.3% of total unchanged from 2022');
    checkTipPlace(tip, box, bars[2].y);
    await hover([box.left + box.width / 2, box.bottom + 40]);
    await waitUntil(() => tip.hidden, 'hidden when the mouse leaves the chart', { timeout: 10_000 });
    await hover([(bars[0].start + bars[0].end) / 2, bars[0].y]);
    await waitUntil(() => tipText(tip).startsWith('Example donor A'), 'the first donor', { timeout: 10_000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => tip.hidden, 'Escape hides it, the mouse where it was', { timeout: 10_000 });
  });

  it('shows a donor anywhere in its row, even where its bar is a pixel long (mouse)', async () => {
    const el = await fixture<DonorRanking>(html`<donor-ranking view="chart" .data=${exampleDonors()}></donor-ranking>`);
    const { box, bars, tip } = await chartOnScreen(el);
    // Donor J: USD 5M, a hundredth of the longest bar.
    await hover([(bars[9].end + box.right) / 2, bars[9].y]);
    await waitUntil(() => !tip.hidden, 'the tooltip', { timeout: 10_000 });
    expect(tipText(tip)).to.equal('Example donor J USD 5M 0.3% of total');
  });
});
