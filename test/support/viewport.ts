// Sets the size of the test page's viewport, in every engine: web-test-runner's setViewport where
// the test runner speaks the DevTools protocol (Chromium, Firefox), and in WebKit a resized window
// (the `set-window-viewport` command of scripts/webkit-launcher.mjs).
import { executeServerCommand, setViewport as devToolsViewport } from '@web/test-runner-commands';
import { isWebKit, skipBecause } from './browsers.js';

interface Size {
  width: number;
  height: number;
}

/**
 * Gives the page a viewport of `size`. WebKit's test window (MiniBrowser) is never narrower than
 * its toolbar, 447 px: a test that needs a phone's width there is skipped, when it passes its
 * `this` as `test` (it runs in Chromium and Firefox), and otherwise fails with the size it got.
 */
export async function setViewport(size: Size, test?: Mocha.Context): Promise<void> {
  if (!isWebKit) return devToolsViewport(size);
  const got = (await executeServerCommand('set-window-viewport', size)) as Size;
  if (got.width === size.width && got.height === size.height) return;
  if (test && got.width > size.width) skipBecause(test, `WebKit's test window is at least ${got.width} px wide`);
  throw new Error(`the viewport is ${got.width}×${got.height}, not the ${size.width}×${size.height} asked for`);
}
