// What a canvas shows, read pixel by pixel (getImageData): the chart's tests look at the drawing
// as a reader does, and use chart.js's own objects only to cross-check it.

export type Rgb = [number, number, number];

/** `rgb(0, 51, 160)` (a computed colour) → [0, 51, 160]. */
export const rgbOf = (css: string): Rgb => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number) as Rgb;

/** A bar as drawn: its rows, and on its middle row where its colour begins and ends and how much of it there is (device px). */
export interface Bar {
  top: number;
  bottom: number;
  /** Its middle row. */
  y: number;
  /** The first and last column of its colour on that row. */
  start: number;
  end: number;
  /** Its length on that row: the coverage of its colour added up, so an edge pixel half covered counts half. */
  length: number;
  colour: Rgb;
}

/** A canvas's pixels, as the page drew them. Coordinates are device pixels; `scale` of them make a CSS pixel. */
export class Pixels {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  private readonly data: Uint8ClampedArray;

  constructor(canvas: HTMLCanvasElement) {
    this.width = canvas.width;
    this.height = canvas.height;
    this.scale = canvas.width / canvas.getBoundingClientRect().width;
    this.data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  }

  /** The opacity of pixel (x, y), 0 to 1 (the canvas is transparent where nothing is drawn). */
  alpha(x: number, y: number): number {
    return this.data[(y * this.width + x) * 4 + 3] / 255;
  }

  /** How much of pixel (x, y) is `colour`: its opacity when its colour is within `tolerance` of it, else 0. */
  cover(x: number, y: number, colour: Rgb, tolerance = 48): number {
    const i = (y * this.width + x) * 4;
    const d = Math.hypot(this.data[i] - colour[0], this.data[i + 1] - colour[1], this.data[i + 2] - colour[2]);
    return d <= tolerance ? this.data[i + 3] / 255 : 0;
  }

  /** Whether pixel (x, y) is one of `colours` (text, a bar…), at least `least` of it (its opacity: less at a smoothed edge). */
  is(x: number, y: number, colours: Rgb[], least = 0.5): boolean {
    return colours.some((c) => this.cover(x, y, c) >= least);
  }

  /** How many pixels of `colours` the rectangle [x0, x1) × [y0, y1) holds. */
  count(colours: Rgb[], x0: number, x1: number, y0: number, y1: number): number {
    let n = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) if (this.is(x, y, colours)) n++;
    return n;
  }

  /** How many pixels with anything drawn on them (at least a tenth opaque) the rectangle holds. */
  drawn(x0: number, x1: number, y0: number, y1: number): number {
    let n = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++)
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) if (this.alpha(x, y) >= 0.1) n++;
    return n;
  }

  /**
   * The columns of [x0, x1) that hold a pixel of `colours` in rows [y0, y1), grouped into runs that
   * gaps narrower than `gap` do not break: the extent of text, its smoothed edges included.
   */
  runs(colours: Rgb[], x0: number, x1: number, y0: number, y1: number, gap: number): { start: number; end: number }[] {
    const runs: { start: number; end: number }[] = [];
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) {
      let inked = false;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)) && !inked; y++) inked = this.is(x, y, colours, 0.2);
      if (!inked) continue;
      const last = runs.at(-1);
      if (last && x - last.end <= gap) last.end = x;
      else runs.push({ start: x, end: x });
    }
    return runs;
  }

  /** The bars drawn in one of `colours`: each run of rows that holds the colour, measured on its middle row. */
  bars(colours: Rgb[]): Bar[] {
    const bars: Bar[] = [];
    let top = -1;
    const rowHas = (y: number) => {
      for (let x = 0; x < this.width; x++) if (this.is(x, y, colours)) return true;
      return false;
    };
    for (let y = 0; y <= this.height; y++) {
      const has = y < this.height && rowHas(y);
      if (has && top < 0) top = y;
      if (!has && top >= 0) {
        const bottom = y - 1;
        const mid = Math.floor((top + bottom) / 2);
        let start = -1;
        let end = -1;
        let length = 0;
        let colour = colours[0];
        for (let x = 0; x < this.width; x++) {
          const c = colours.find((col) => this.cover(x, mid, col) > 0);
          if (!c) continue;
          length += this.cover(x, mid, c);
          if (this.cover(x, mid, c) >= 0.5) {
            if (start < 0) start = x;
            end = x;
            colour = c;
          }
        }
        bars.push({ top, bottom, y: mid, start, end, length, colour });
        top = -1;
      }
    }
    return bars;
  }
}
