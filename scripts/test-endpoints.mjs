// Test-only endpoints of the browser tests' server (web-test-runner.config.mjs), as one middleware:
//   /__test__/delay/<ms>/<path>  answers <path> after <ms>
//   /__test__/hang               never answers (until 60 s)
//   /__test__/status/<code>[/…]  answers with that status (any path after it, any query: an API's
//                                address); ?message=… gives a JSON body {"error": {"message": …}},
//                                as ReliefWeb's errors have
//   /__test__/held/<key>/<path>  answers <path> only once /__test__/held-outcome/<key> is asked for
//   /__test__/held-arrived/<key> waits (up to 20 s) for that held request to reach the server:
//                                { arrived: true|false }
//   /__test__/held-outcome/<key> waits for that held request to arrive and for the browser to drop
//                                it (abort), then answers { outcome: 'aborted' }, or 'open' when it
//                                was still waiting 20 s later ('not requested' if it never came);
//                                then lets the held request through
//   /__test__/held-release/<key> lets that held request through now: { released: true }

/** The held requests, by key: when each arrived, when the browser closed it, and its release. */
const holds = new Map();
function hold(key) {
  if (!holds.has(key)) {
    const h = {};
    h.arrived = new Promise((r) => (h.arrive = r));
    h.closed = new Promise((r) => (h.close = r));
    h.released = new Promise((r) => (h.release = r));
    holds.set(key, h);
  }
  return holds.get(key);
}
const within = (promise, ms, otherwise) => Promise.race([promise, new Promise((r) => setTimeout(() => r(otherwise), ms))]);

const json = (ctx, value) => {
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(value);
};

export function testEndpoints() {
  return async (ctx, next) => {
    const delay = /^\/__test__\/delay\/(\d+)(\/.*)$/.exec(ctx.path);
    if (delay) {
      await new Promise((r) => setTimeout(r, Number(delay[1])));
      ctx.url = delay[2] + (ctx.querystring ? `?${ctx.querystring}` : '');
      return next();
    }
    const held = /^\/__test__\/held\/([\w-]+)(\/.*)$/.exec(ctx.path);
    if (held) {
      const h = hold(held[1]);
      ctx.res.once('close', () => h.close('aborted'));
      h.arrive('arrived');
      if ((await Promise.race([h.closed, h.released])) === 'aborted') {
        // Nobody to answer (and not a 404 for the runner's report).
        ctx.status = 204;
        ctx.respond = false;
        return;
      }
      ctx.url = held[2] + (ctx.querystring ? `?${ctx.querystring}` : '');
      return next();
    }
    const status = /^\/__test__\/status\/(\d{3})(\/.*)?$/.exec(ctx.path);
    if (status) {
      ctx.status = Number(status[1]);
      if (typeof ctx.query.message === 'string') json(ctx, { status: ctx.status, error: { type: 'TestError', message: ctx.query.message } });
      else ctx.body = status[1] === '500' ? 'boom' : `status ${status[1]}`;
      return;
    }
    const arrived = /^\/__test__\/held-arrived\/([\w-]+)$/.exec(ctx.path);
    if (arrived) return json(ctx, { arrived: (await within(hold(arrived[1]).arrived, 20000, false)) === 'arrived' });
    const release = /^\/__test__\/held-release\/([\w-]+)$/.exec(ctx.path);
    if (release) {
      const h = hold(release[1]);
      // (Kept: the request may arrive after this, and must find itself released.)
      h.release('released');
      return json(ctx, { released: true });
    }
    const asked = /^\/__test__\/held-outcome\/([\w-]+)$/.exec(ctx.path);
    if (asked) {
      const h = hold(asked[1]);
      const outcome = (await within(h.arrived, 20000, 'not requested')) === 'not requested' ? 'not requested' : await within(h.closed, 20000, 'open');
      h.release('released');
      holds.delete(asked[1]);
      return json(ctx, { outcome });
    }
    switch (ctx.path) {
      case '/__test__/hang':
        await new Promise((r) => setTimeout(r, 60000));
        ctx.status = 504;
        return;
      default:
        return next();
    }
  };
}
