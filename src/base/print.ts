import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Made once: matchMedia() is costly.
let printQuery: MediaQueryList | undefined;

/** The `print` media query list (undefined where there is no matchMedia, as on the server). */
export function printMedia(): MediaQueryList | undefined {
  return (printQuery ??= globalThis.matchMedia?.('print'));
}

/**
 * Calls `onChange(true)` when the page starts printing and `onChange(false)` when it stops: the
 * print dialog (beforeprint, afterprint) and print media without a dialog (PDF services, emulated
 * print), which fires no beforeprint. Returns a function that stops listening.
 */
export function watchPrint(onChange: (printing: boolean) => void): () => void {
  const before = () => onChange(true);
  const after = () => onChange(false);
  const media = (event: MediaQueryListEvent) => onChange(event.matches);
  globalThis.addEventListener?.('beforeprint', before);
  globalThis.addEventListener?.('afterprint', after);
  printMedia()?.addEventListener('change', media);
  return () => {
    globalThis.removeEventListener?.('beforeprint', before);
    globalThis.removeEventListener?.('afterprint', after);
    printMedia()?.removeEventListener('change', media);
  };
}

/**
 * Whether the page is printing, for an element: `printing` follows `watchPrint` while connected and
 * updates the host, at once: `renderNow` (the host's `performUpdate`) renders within the print
 * event. Firefox lays the printout out right after `beforeprint` and its print media change, before
 * any microtask: an update Lit schedules as usual came after the printout (a list printed its first
 * few items only).
 */
export class PrintController implements ReactiveController {
  printing = false;
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly renderNow: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = watchPrint((printing) => {
      this.set(printing);
      this.renderNow();
    });
    // (Connecting already asks for an update.)
    if (printMedia()?.matches) this.set(true);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }

  private set(printing: boolean): void {
    this.printing = printing;
    this.host.requestUpdate();
  }
}
