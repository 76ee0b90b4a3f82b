// A fake clock for the page's timeouts while a test runs, so a test can say "700 ms later" without
// waiting for it, and a pause that is too short or too long fails.

/**
 * Replaces `setTimeout` and `clearTimeout` until `restore()`: a timeout runs only when `tick`
 * moves the clock past its time. (Mocha keeps its own timers: a test's own timeout still works.)
 */
export function fakeTimeouts(): { tick: (ms: number) => void; restore: () => void } {
  const real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout };
  const timers = new Map<number, { at: number; run: () => void }>();
  let now = 0;
  let last = 0;
  window.setTimeout = ((run: () => void, ms = 0) => {
    timers.set(++last, { at: now + ms, run });
    return last;
  }) as typeof setTimeout;
  window.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout;
  return {
    tick(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort(([, a], [, b]) => a.at - b.at)) {
        if (timer.at > now || !timers.has(id)) continue;
        timers.delete(id);
        timer.run();
      }
    },
    restore() {
      Object.assign(window, real);
    },
  };
}
