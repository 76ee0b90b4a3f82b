// <donor-ranking>'s chart as its tests see it: drawn and settled, its bars found by their colour,
// its tooltip. Imports chart.js (the widget's own copy: the same module), only to wait for it.
import { expect, waitUntil } from '@open-wc/testing';
import { animator, Chart } from 'chart.js';
import type { DonorRanking } from '../../src/donor-ranking/donor-ranking.js';
import { Pixels, rgbOf } from './canvas.js';
import { clean } from './dom.js';

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
export const colourOf = (el: Element, property: 'color' | 'backgroundColor' = 'color') => rgbOf(getComputedStyle(el)[property]);
/** A colour token of the widget's, as the chart reads it (its probe: see readTheme in chart-controller.ts). */
export const token = (el: Element, name: string) => colourOf($(el, `.probe[data-token="${name}"]`));

/** Waits until the chart is drawn and done animating: its canvas's pixels then are what the reader sees. */
export async function drawn(el: DonorRanking): Promise<{ chart: Chart; canvas: HTMLCanvasElement; pixels: () => Pixels }> {
  await el.loadComplete;
  await el.updateComplete;
  const canvas = () => $<HTMLCanvasElement>(el, '.chart canvas');
  await waitUntil(() => $(el, '.chart')?.dataset.state === 'ready' && Chart.getChart(canvas()), 'the chart is drawn', { timeout: 10_000 });
  const chart = Chart.getChart(canvas())!;
  await waitUntil(() => !animator.running(chart), 'the bars have grown', { timeout: 10_000 });
  return { chart, canvas: canvas(), pixels: () => new Pixels(canvas()) };
}

/** The chart, drawn, with where each bar is on the screen (CSS px in the viewport), and its tooltip. */
export async function chartOnScreen(el: DonorRanking) {
  const { chart, pixels } = await drawn(el);
  const px = pixels();
  const box = chart.canvas.getBoundingClientRect();
  const bars = px.bars([token(el, 'bar'), token(el, 'highlight')]).map((b) => ({
    y: box.top + b.y / px.scale,
    start: box.left + b.start / px.scale,
    end: box.left + (b.end + 1) / px.scale,
  }));
  return { chart, box, bars, tip: $(el, '[part="tooltip"]') };
}

/** The tooltip's text as shown, one space between its lines. */
export const tipText = (tip: HTMLElement) => clean(tip.innerText);

/** The tooltip is inside the chart's box, and below or above the row at `y`, which stays in sight. */
export function checkTipPlace(tip: HTMLElement, box: DOMRect, y: number): void {
  const r = tip.getBoundingClientRect();
  expect(r.left, 'the tooltip inside the chart (left)').to.be.at.least(box.left - 0.5);
  expect(r.right, 'the tooltip inside the chart (right)').to.be.at.most(box.right + 0.5);
  expect(r.top > y || r.bottom < y, 'the tooltip leaves its row in sight').to.equal(true);
}
