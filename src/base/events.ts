import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataState, IomErrorDetail } from '../data/data-state.js';
import { DataError } from '../data/errors.js';

/** Fires `type` on `host` as every iom-widgets event is fired: a CustomEvent that bubbles out of shadow roots. */
export function emit<D>(host: EventTarget, type: string, detail: D): void {
  host.dispatchEvent(new CustomEvent<D>(type, { detail, bubbles: true, composed: true }));
}

/**
 * Announces each new outcome of a widget once, once it is on screen: `iom-load` with the data as
 * given, or `iom-error` with a console warning that names the tag, where the webmaster looks (also
 * when a refresh fails and the last good figures stay: `stale`).
 */
export class OutcomeEvents<T> implements ReactiveController {
  private announced?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly state: () => DataState<T>,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const s = this.state();
    const outcome = s.kind === 'error' ? s.error : s.kind === 'ready' || s.kind === 'empty' ? (s.stale ?? s.validated) : undefined;
    if (outcome === undefined || outcome === this.announced) return;
    this.announced = outcome;
    if (!(outcome instanceof DataError)) return emit(this.host, 'iom-load', outcome);
    console.warn(`<${this.host.localName}>: ${outcome.message}`);
    emit<IomErrorDetail>(this.host, 'iom-error', { message: outcome.message, kind: outcome.kind, cause: outcome.cause ?? outcome });
  }
}
