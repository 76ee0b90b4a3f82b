// The chart view of <donor-ranking>, drawn by chart.js. This module is only ever reached through a
// dynamic import() (see chart-controller.ts), so a page that never shows a chart never downloads
// chart.js: the library build puts it in a chunk of its own.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartConfiguration, type ScriptableScaleContext, type TooltipModel } from 'chart.js';

// Only what a horizontal bar chart with tooltips needs: chart.js tree-shakes the rest away.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** What to draw: one bar per donor, in display order. Formatting is done by the element, in its locale. */
export interface ChartInput {
  /** Changes whenever anything drawn changes: the chart is only updated when it does. */
  key: string;
  /** Full donor names (axis labels wrap them onto two lines and cut the rest; the tooltip shows them whole). */
  labels: string[];
  /** Amounts; `null` for a donor without one (no bar). */
  values: (number | null)[];
  /** Index of the highlighted donor, or -1. */
  highlighted: number;
  rtl: boolean;
  reducedMotion: boolean;
  /** Axis tick text for an amount (compact currency). */
  tick: (value: number) => string;
  /** Tooltip lines for donor `index` (amount, share, change). */
  tooltip: (index: number) => string[];
}

/** Colours and type, read from the element's CSS tokens (see readTheme in chart-controller.ts). */
export interface ChartTheme {
  bar: string;
  highlight: string;
  text: string;
  muted: string;
  grid: string;
  fontFamily: string;
  /** px */
  fontSize: number;
  /** px */
  barThickness: number;
}

export interface DonorChart {
  update(input: ChartInput, theme: ChartTheme): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/** Splits a long name onto at most two lines of about `max` characters, ending in "…" when cut. */
export function wrapLabel(name: string, max: number): string | string[] {
  if (name.length <= max) return name;
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
  return lines.length <= 2 ? lines.map(cut) : [cut(lines[0]), cut(lines.slice(1).join(' '))];
}

/**
 * Wraps text in a first-strong isolate, so its direction comes from its own first letter. The same
 * as `isolate()` in i18n/format.ts, written here because this module imports nothing of the
 * library's: it is dist/iom-widgets.chart.js, which the one-file bundle fetches from beside itself,
 * and an import would make it need a file from dist/chunks/ as well.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Shows chart.js's tooltip as text in `tip`, an element over the canvas, rather than drawn on it:
 * the text wraps in the box (a long name at 320 px ran off the canvas), zooms with the page and
 * takes forced colours. Below the bar, or above it near the end of the box; never past its sides.
 */
function showTip(tip: HTMLElement, tooltip: TooltipModel<'bar'>, box: { width: number; height: number }, thickness: number): void {
  const active = tooltip.getActiveElements()[0];
  if (!active) {
    tip.hidden = true;
    return;
  }
  const lines = [...tooltip.title, ...tooltip.body.flatMap((b) => b.lines)];
  tip.replaceChildren(
    ...lines.map((text, i) => {
      const line = document.createElement(i === 0 ? 'strong' : 'span');
      line.textContent = text;
      // A Latin name keeps its own direction in an Arabic page, and the other way round.
      if (i === 0) line.dir = 'auto';
      return line;
    }),
  );
  tip.hidden = false;
  // Where the bar ends up (not where an animation has it now).
  const { x, y } = active.element.getProps(['x', 'y'], true) as { x: number; y: number };
  const { offsetWidth: w, offsetHeight: h } = tip;
  const below = y + thickness / 2 + 4;
  tip.style.left = `${Math.max(0, Math.min(x - w / 2, box.width - w))}px`;
  tip.style.top = `${below + h <= box.height ? below : Math.max(0, y - thickness / 2 - 4 - h)}px`;
}

function options(input: ChartInput, theme: ChartTheme, tip: HTMLElement, maxChars: () => number, amountTicks: () => number): ChartConfiguration<'bar'>['options'] {
  const font = { family: theme.fontFamily, size: theme.fontSize };
  return {
    indexAxis: 'y',
    // We size the canvas ourselves (chart-controller.ts): chart.js's responsive mode watches
    // `document` with a MutationObserver, which cannot see inside a shadow root.
    responsive: false,
    maintainAspectRatio: false,
    animation: input.reducedMotion ? false : { duration: 400 },
    layout: { padding: { top: 4, bottom: 4, left: 4, right: 4 } },
    // A pointer or a finger anywhere in a donor's row shows its tooltip: a bar of 1 % is a pixel
    // wide on a phone, too small to hit.
    interaction: { mode: 'nearest', axis: 'y', intersect: false },
    scales: {
      x: {
        // RTL: bars grow from the right, the amount axis runs right to left.
        reverse: input.rtl,
        beginAtZero: true,
        grid: { color: theme.grid },
        border: { color: theme.grid },
        // Fewer ticks rather than slanted ones when the amounts are long ("500 مليون USD"): as many
        // as fit side by side with a gap (chart.js's own estimate assumes labels 40 px wide).
        ticks: { color: theme.muted, font, maxTicksLimit: amountTicks(), maxRotation: 0, autoSkipPadding: 16, callback: (value) => input.tick(Number(value)) },
      },
      y: {
        position: input.rtl ? 'right' : 'left',
        grid: { display: false },
        border: { color: theme.grid },
        ticks: {
          color: theme.text,
          autoSkip: false,
          // The highlighted donor's label is bold: a cue that does not rely on colour.
          font: (ctx: ScriptableScaleContext) => ({ ...font, weight: ctx.index === input.highlighted ? 'bold' : 'normal' }),
          callback: (_value, index) => {
            const label = wrapLabel(input.labels[index] ?? '', maxChars());
            // In RTL, isolate each line so a Latin name keeps its "…" and brackets at its own end.
            return input.rtl ? (Array.isArray(label) ? label.map(isolate) : isolate(label)) : label;
          },
        },
      },
    },
    plugins: {
      tooltip: {
        enabled: false,
        external: ({ chart, tooltip }) => showTip(tip, tooltip, chart, theme.barThickness),
        callbacks: {
          title: (items) => input.labels[items[0]?.dataIndex ?? 0] ?? '',
          label: (item) => input.tooltip(item.dataIndex),
        },
      },
    },
  };
}

function dataset(input: ChartInput, theme: ChartTheme): ChartConfiguration<'bar'>['data']['datasets'][number] {
  const isHi = (i: number) => i === input.highlighted;
  return {
    data: input.values,
    backgroundColor: input.values.map((_, i) => (isHi(i) ? theme.highlight : theme.bar)),
    // The highlighted bar also gets an outline in the text colour.
    borderColor: input.values.map((_, i) => (isHi(i) ? theme.text : 'transparent')),
    borderWidth: input.values.map((_, i) => (isHi(i) ? 2 : 0)),
    borderSkipped: false,
    barThickness: theme.barThickness,
    borderRadius: 2,
  };
}

/** Draws the chart on `canvas` at `width` × `height` CSS pixels; its tooltip is the text of `tip`. */
export function createDonorChart(canvas: HTMLCanvasElement, tip: HTMLElement, width: number, height: number, input: ChartInput, theme: ChartTheme): DonorChart {
  let current = input;
  let currentTheme = theme;
  let chartWidth = width;
  // Characters per axis label line: about 38 % of the width for the labels.
  const maxChars = () => Math.max(10, Math.floor((chartWidth * 0.38) / (currentTheme.fontSize * 0.55)));
  // Amount ticks that fit side by side in what the names leave (about 62 % of the width), each as
  // wide as the widest amount label it could get, with a 24 px gap: 2 to 6 of them.
  const amountTicks = () => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 6;
    ctx.save();
    ctx.font = `${currentTheme.fontSize}px ${currentTheme.fontFamily}`;
    const max = Math.max(0, ...current.values.map((v) => v ?? 0));
    const widest = Math.max(...[max, max * 1.25].map((v) => ctx.measureText(current.tick(v)).width));
    ctx.restore();
    return Math.max(2, Math.min(6, Math.floor((chartWidth * 0.62) / (widest + 24))));
  };
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: input.labels, datasets: [dataset(input, theme)] },
    options: options(input, theme, tip, maxChars, amountTicks),
  });
  chart.resize(width, height);
  // The tooltip goes on Escape, without moving the pointer (WCAG 1.4.13), and on a tap or click
  // anywhere else: a finger that leaves the chart sends no "mouseout" (the tooltip stayed).
  const hide = () => {
    if (!tip.hidden) chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
  };
  const onKey = (event: KeyboardEvent) => event.key === 'Escape' && hide();
  const onDown = (event: PointerEvent) => !event.composedPath().includes(canvas) && hide();
  const doc = canvas.ownerDocument;
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('pointerdown', onDown);
  return {
    update(next, nextTheme) {
      current = next;
      currentTheme = nextTheme;
      chart.data.labels = current.labels;
      // Mutate the dataset rather than replace it, so chart.js animates from the old bars.
      Object.assign(chart.data.datasets[0], dataset(current, currentTheme));
      chart.options = options(current, currentTheme, tip, maxChars, amountTicks)!;
      chart.update(current.reducedMotion ? 'none' : undefined);
    },
    resize(w, h) {
      chartWidth = w;
      const ticks = chart.options.scales?.x?.ticks;
      if (ticks) ticks.maxTicksLimit = amountTicks();
      chart.resize(w, h);
    },
    destroy() {
      doc.removeEventListener('keydown', onKey);
      doc.removeEventListener('pointerdown', onDown);
      tip.hidden = true;
      chart.destroy();
    },
  };
}
