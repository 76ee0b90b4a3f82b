// A command of the browser tests (web-test-runner.config.mjs), for the page that sends it only:
// its next request for a path fails, as a flaky network drops one. In Chromium and Firefox it works
// through the page's own request interception (puppeteer); in WebKit, driven over WebDriver, which
// has none, the test server fails the next request for that path that comes with that page's user
// agent (WebKit runs one test page at a time). Test pages running side by side never take each
// other's failure.
//   failNextRequest({ path, hold, userAgent })  arms it; with `hold`, the request waits until failHeldRequest()
//   heldRequestArrived()                        waits (up to 10 s) for the held request: true once it is held
//   failHeldRequest()                           fails the held request now

export function failRequestPlugin() {
  /** Per test page: how to fail its held request, once it has arrived. */
  const held = new Map();
  const waiters = new Map();
  /** The server's rules, for pages without request interception: path → { userAgent, hold, session }. */
  const rules = new Map();
  const arrived = (session, fail) => {
    held.set(session, fail);
    waiters.get(session)?.();
  };
  return {
    name: 'iom-fail-request',
    /** The server's side, for the config's `middleware` (which runs before the files are served). */
    middleware: async (ctx, next) => {
      const session = ctx.query['wtr-session-id'];
      // A new test page: rules an earlier page armed and never used are void.
      if (session) for (const [path, rule] of rules) if (rule.session !== session) rules.delete(path);
      const rule = rules.get(ctx.path);
      if (!rule || rule.userAgent !== ctx.get('user-agent')) return next();
      rules.delete(ctx.path);
      if (rule.hold) await new Promise((resolve) => arrived(rule.session, async () => resolve()));
      ctx.status = 503;
      ctx.body = 'Service Unavailable (a test made this request fail)';
    },
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage?.(session.id);
      if (command === 'fail-next-request') {
        if (!page) {
          rules.set(payload.path, { userAgent: payload.userAgent, hold: payload.hold, session: session.id });
          return true;
        }
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
          arrived(session.id, fail);
        };
        page.on('request', onRequest);
        return true;
      }
      if (command === 'held-request-arrived') {
        if (held.has(session.id)) return true;
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), 10_000);
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
