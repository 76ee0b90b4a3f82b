// Commands of the browser tests (web-test-runner.config.mjs) for input and media that
// @web/test-runner-commands does not have, each through the driver's own input, for the page that
// sends it:
//   tap({ x, y })                 a finger's tap at (x, y), CSS px in the viewport: in Chromium the
//                                 DevTools protocol's Input.dispatchTouchEvent (puppeteer's
//                                 touchscreen), in Firefox WebDriver BiDi's input.performActions
//                                 with a "touch" pointer (puppeteer's touchscreen again), in WebKit
//                                 WebDriver's Perform Actions with a "touch" pointer.
//   emulateForcedColors(active)   forced colours (Windows high contrast) on or off: Chromium only,
//                                 over the DevTools protocol; elsewhere an error says so.
export function inputPlugin() {
  /** Per test page: a DevTools protocol session of its own, which stays open (an emulation ends with the session that set it). */
  const sessions = new Map();
  const devTools = async (page, id) => {
    if (!sessions.has(id)) sessions.set(id, await page.createCDPSession());
    return sessions.get(id);
  };
  return {
    name: 'iom-input',
    async executeCommand({ command, payload, session }) {
      if (command === 'tap') {
        const { x, y } = payload;
        const page = session.browser.getPage?.(session.id);
        if (page && session.browser.name !== 'Firefox') {
          // A viewport set by setViewport turns Chromium's touch input off (puppeteer's hasTouch):
          // on again, as on a phone, for this page's later taps too.
          await (await devTools(page, session.id)).send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        }
        if (page) {
          await page.touchscreen.tap(x, y);
          return true;
        }
        const driver = session.browser.driver;
        if (!driver) throw new Error(`tap: ${session.browser.name} has neither puppeteer nor WebDriver`);
        await driver.performActions([
          {
            type: 'pointer',
            id: 'finger',
            parameters: { pointerType: 'touch' },
            actions: [
              { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ]);
        await driver.releaseActions();
        return true;
      }
      if (command === 'emulate-forced-colors') {
        const page = session.browser.getPage?.(session.id);
        if (!page || session.browser.name === 'Firefox') throw new Error(`forced colours cannot be emulated in ${session.browser.name}`);
        // puppeteer's emulateMediaFeatures does not know forced-colors: the protocol's own command.
        await (await devTools(page, session.id)).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.active ? 'active' : '' }] });
        return true;
      }
      return undefined;
    },
  };
}
