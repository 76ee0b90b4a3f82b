// A finger and a mouse, through each driver's own input: taps by the `tap` command of
// scripts/input-plugin.mjs (Chromium: the DevTools protocol's touch events; Firefox: WebDriver
// BiDi's touch pointer; WebKit: WebDriver's touch pointer, which WebKitGTK performs as a mouse),
// the mouse by @web/test-runner-commands' sendMouse.
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';

/** The centre of an element's box, in the viewport's CSS pixels. */
export function centreOf(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}

/**
 * A finger's tap at (x, y), in the viewport's CSS pixels. Resolves to the pointer type the page
 * saw: `touch`, except in WebKit, whose WebDriver on Linux has no touch input and taps as a mouse.
 */
export async function tap([x, y]: [number, number]): Promise<string> {
  const seen = new Promise<string>((resolve) => window.addEventListener('pointerup', (e) => resolve(e.pointerType), { once: true, capture: true }));
  await executeServerCommand('tap', { x: Math.round(x), y: Math.round(y) });
  return seen;
}

/** Moves the mouse to (x, y), in the viewport's CSS pixels. */
export async function hover([x, y]: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: [Math.round(x), Math.round(y)] });
}

/** Forced colours (Windows high contrast) on or off: Chromium only (the DevTools protocol). */
export async function emulateForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active });
}
