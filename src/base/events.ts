/** Fires `type` on `host` as every iom-widgets event is fired: a CustomEvent that bubbles out of shadow roots. */
export function emit<D>(host: EventTarget, type: string, detail: D): void {
  host.dispatchEvent(new CustomEvent<D>(type, { detail, bubbles: true, composed: true }));
}
