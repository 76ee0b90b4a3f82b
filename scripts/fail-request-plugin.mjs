// A command of the browser tests (web-test-runner.config.mjs), for the page that sends it only:
// its next request for a path fails, as a flaky network drops one. It works through the page's own
// request interception (puppeteer, in Chromium and in Firefox over WebDriver BiDi), so that test
// pages running side by side never take each other's failure.
//   failNextRequest({ path, hold })  arms it; with `hold`, the request waits until failHeldRequest()
//   heldRequestArrived()             waits (up to 20 s) for the held request: true once it is held
//   failHeldRequest()                fails the held request now

export function failRequestPlugin() {
  /** Per test page: the held request's failure, once it has arrived. */
  const held = new Map();
  const waiters = new Map();
  return {
    name: 'iom-fail-request',
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage?.(session.id);
      if (command === 'fail-next-request') {
        if (!page) throw new Error('fail-next-request needs a puppeteer page');
        await page.setRequestInterception(true);
        let matched = false;
        // Every other request goes on as usual, until the one that fails has failed. (One caught as
        // interception is turned off may be past continuing: that is no error of the test's.)
        const goOn = (request) => Promise.resolve().then(() => request.continue()).catch(() => undefined);
        const onRequest = (request) => {
          if (request.isInterceptResolutionHandled()) return;
          if (matched || new URL(request.url()).pathname !== payload.path) return void goOn(request);
          matched = true;
          const fail = async () => {
            await request.abort('failed').catch(() => undefined);
            // The listener stays until interception is off: a request caught meanwhile still goes on.
            await page.setRequestInterception(false);
            page.off('request', onRequest);
          };
          if (!payload.hold) return void fail();
          held.set(session.id, fail);
          waiters.get(session.id)?.();
        };
        page.on('request', onRequest);
        return true;
      }
      if (command === 'held-request-arrived') {
        if (held.has(session.id)) return true;
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), 20_000);
          waiters.set(session.id, () => {
            clearTimeout(timer);
            waiters.delete(session.id);
            resolve(true);
          });
        });
      }
      if (command === 'fail-held-request') {
        const fail = held.get(session.id);
        held.delete(session.id);
        if (!fail) return false;
        await fail();
        return true;
      }
      return undefined;
    },
  };
}
