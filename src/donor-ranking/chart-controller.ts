import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../base/events.js';
import { failedModuleUrl, once, within } from '../base/once.js';
import type { IomErrorDetail } from '../data/data-state.js';
// Types only: erased at build time, so this module does not pull chart.js into the element's bundle.
import type { ChartInput, ChartTheme, DonorChart } from './chart.js';

/** The chart chunk (chart.js and chart.ts), loaded when a chart is first shown. */
const loadChart = once(() => import('./chart.js'));
type ChartModule = typeof import('./chart.js');

export type ChartState = 'idle' | 'loading' | 'ready' | 'error';

/** The chart file of the built library (dist/iom-widgets.chart.js), named when the browser's error does not give its URL. */
const CHART_FILE = 'iom-widgets.chart.js';

/**
 * Reads the chart's colours and type from the element's CSS tokens. Canvas cannot resolve
 * `var()` or `light-dark()`, so each token is applied to a hidden probe element (one per
 * `data-token`, in `probes`) and read back as a computed `rgb()` colour or pixel size.
 */
export function readTheme(probes: ParentNode | undefined): ChartTheme {
  const style = (token: string) => {
    const probe = probes?.querySelector<HTMLElement>(`[data-token="${token}"]`);
    return probe ? getComputedStyle(probe) : undefined;
  };
  const color = (token: string, fallback: string) => style(token)?.color || fallback;
  const font = style('font');
  return {
    bar: color('bar', '#0033a0'),
    highlight: color('highlight', '#00a0dc'),
    text: color('text', '#1b1f24'),
    muted: color('muted', '#545b64'),
    grid: color('grid', '#d5dbe3'),
    fontFamily: font?.fontFamily || 'sans-serif',
    fontSize: parseFloat(font?.fontSize ?? '') || 12,
    barThickness: parseFloat(style('thickness')?.blockSize ?? '') || 12,
  };
}

/**
 * The chart's lifecycle inside a shadow root, as a reactive controller:
 * - the chart is created only once its container is connected and has a size (a ResizeObserver
 *   reports it), which is also when chart.js is first downloaded;
 * - it follows the container's size (the same ResizeObserver);
 * - it is updated in place when the data, locale, direction or theme change;
 * - it is destroyed, and the observer disconnected, when the element leaves the page or the chart
 *   view; a load still in flight then creates nothing.
 *
 * The host gives the chart's container (with its canvas), the probes (see `readTheme`) and the
 * tooltip's element in `elements`, calls `sync()` after every render and `retheme()` when a token probe reports a change.
 */
export class ChartController implements ReactiveController {
  state: ChartState = 'idle';
  /** When the chart code itself could not be downloaded (state `error`): the URL that failed. */
  missingUrl?: string;
  private container?: HTMLElement;
  private observer?: ResizeObserver;
  private chart?: DonorChart;
  private input?: ChartInput;
  private size?: { width: number; height: number };
  // Bumped on every teardown, so that a chart module arriving late for an old container is ignored.
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly elements: () => { box: HTMLElement | null; probes: HTMLElement | null; tip: HTMLElement | null },
  ) {
    host.addController(this);
  }

  private theme(): ChartTheme {
    return readTheme(this.elements().probes ?? undefined);
  }

  hostConnected(): void {
    // Lit does not re-render on reconnection: ask for an update so sync() sets the chart up again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.teardown();
  }

  /** After each render: what to draw when the chart view is shown (else undefined). */
  sync(input: ChartInput | undefined): void {
    const container = this.elements().box;
    if (!container || !input) {
      this.teardown();
      return;
    }
    const previous = this.input;
    this.input = input;
    if (container !== this.container) {
      this.teardown();
      this.container = container;
      this.observer = new ResizeObserver((entries) => this.resized(entries[entries.length - 1]));
      this.observer.observe(container);
      return;
    }
    // Same chart, new data (or locale, direction): update it in place.
    if (this.chart && input.key !== previous?.key) this.chart.update(input, this.theme());
  }

  /** Tries again after the chart code failed to load (the note's Retry). */
  retry(): void {
    // The next render's sync() observes the container afresh: its size creates the chart.
    this.teardown();
    this.host.requestUpdate();
  }

  /** Re-reads the CSS tokens and redraws (theme, colour scheme or font changed). */
  retheme(): void {
    if (this.chart && this.input) this.chart.update(this.input, this.theme());
  }

  private resized(entry: ResizeObserverEntry | undefined): void {
    if (!entry) return;
    const { width, height } = entry.contentRect;
    if (width < 1 || height < 1) return; // hidden (display: none, a closed tab): wait for a size
    this.size = { width, height };
    if (this.chart) this.chart.resize(width, height);
    // After a failed load, the table stands in; a new attempt waits for the chart view to be shown again.
    else if (this.state === 'idle') void this.create();
  }

  private async create(): Promise<void> {
    const generation = this.generation;
    this.setState('loading');
    let createDonorChart: ChartModule['createDonorChart'];
    try {
      ({ createDonorChart } = await within(loadChart()));
    } catch (error) {
      if (generation !== this.generation) return;
      // The usual cause on a self-hosted site: iom-widgets.chart.js was not uploaded beside the script.
      this.missingUrl = failedModuleUrl(error) ?? CHART_FILE;
      const message = `the chart could not be shown: ${this.missingUrl} could not be loaded (${error instanceof Error ? error.message : String(error)}); showing the table instead`;
      console.warn(`<${this.host.localName}>: ${message}.`);
      emit<IomErrorDetail>(this.host, 'iom-error', { message, kind: 'network', cause: error });
      this.setState('error');
      return;
    }
    try {
      const canvas = this.container?.querySelector('canvas');
      const tip = this.elements().tip;
      if (generation !== this.generation || !canvas || !tip || !this.input || !this.size || !this.host.isConnected) return;
      this.chart = createDonorChart(canvas, tip, this.size.width, this.size.height, this.input, this.theme());
      this.setState('ready');
    } catch (error) {
      if (generation !== this.generation) return;
      console.warn(`<${this.host.localName}>: the chart could not be drawn (${error instanceof Error ? error.message : String(error)}); showing the table instead.`);
      this.setState('error');
    }
  }

  private setState(state: ChartState): void {
    if (state === this.state) return;
    this.state = state;
    this.host.requestUpdate();
  }

  private teardown(): void {
    this.generation++;
    this.observer?.disconnect();
    this.observer = undefined;
    this.chart?.destroy();
    this.chart = undefined;
    this.container = undefined;
    this.size = undefined;
    // No re-render for this: the state is only read while a chart container is shown.
    this.state = 'idle';
    this.missingUrl = undefined;
  }
}
