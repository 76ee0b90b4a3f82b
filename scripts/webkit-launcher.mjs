// web-test-runner's WebDriver launcher, driving WebKit (WebKitGTK's MiniBrowser: Safari's engine)
// through WebKitWebDriver, a W3C WebDriver server, in a virtual display (xvfb-run). Coverage is
// Chromium's only, and one test page runs at a time, each in a browser of its own.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { webdriverLauncher } from '@web/test-runner-webdriver';

/** A port nobody listens on. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Resolves once something answers on `port` (up to 20 s). */
async function listening(port) {
  for (let tries = 0; tries < 200; tries++) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}

export function webkitLauncher({ driver, browser }) {
  const options = {
    hostname: '127.0.0.1',
    port: 0,
    logLevel: 'error',
    // A request unanswered in 30 s fails (a new session that hangs: see stopSession below).
    connectionRetryTimeout: 30_000,
    connectionRetryCount: 3,
    // Classic WebDriver: WebKitWebDriver has no BiDi session, which webdriverio asks for by default.
    capabilities: { 'wdio:enforceWebDriverClassic': true, 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } },
  };
  const launcher = webdriverLauncher(options);
  let server;
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    options.port = await freePort();
    server = spawn('xvfb-run', ['-a', driver, `--port=${options.port}`], { stdio: 'ignore', detached: true });
    // Its own process group, ended with the test run, also when the run ends on an error.
    process.once('exit', () => {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already ended by stop().
      }
    });
    await listening(options.port);
    // One page at a time, each in a session of its own (not in iframes of one page).
    await initialize({ ...config, concurrency: 1, coverage: false }, testFiles);
    launcher.name = 'WebKit';
  };
  // Each test page in a browser of its own, as in Chromium and Firefox: WebKit keeps the modules
  // of an earlier page (even those sent as no-store), so a page would never ask for code an
  // earlier page loaded, and a test of that code's first request could not run.
  // Once in a while (seen on a loaded 2-core machine, and on CI) a MiniBrowser start hangs, and
  // WebKitWebDriver, which holds one session at a time, answers no new one: webdriverio does not
  // retry a request that timed out, so the hung MiniBrowser is killed and the session asked for again.
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (id) => {
    const result = await stopSession(id);
    for (let attempt = 1; launcher.driver; attempt++) {
      try {
        await launcher.driver.reloadSession();
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        console.warn(`WebKit: no new session (${error.message.split('\n')[0]}); its MiniBrowser ended, asked again (${attempt}/2)`);
        spawnSync('pkill', ['-KILL', '-f', `${browser} --automation`]);
      }
    }
    return result;
  };
  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    await stop();
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  };
  launcher.name = 'WebKit';
  launcher.concurrency = 1;
  return launcher;
}

/**
 * The `set-window-viewport` command (test/support/viewport.ts) for WebKit: web-test-runner's
 * setViewport needs the DevTools protocol, so the window is resized over WebDriver until the page
 * inside it (the viewport) has the size asked for, or as near as the window goes. Answers the
 * viewport's size.
 */
export function windowViewportPlugin() {
  // The narrowest viewport the window went to when asked for less: asked for less again, the
  // window goes there at once (a test that is then skipped does not wait for the window manager).
  let narrowest = 0;
  return {
    name: 'iom-window-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-window-viewport') return undefined;
      const driver = session.browser.driver;
      if (!driver) throw new Error(`set-window-viewport needs a WebDriver session (${session.browser.name} has none)`);
      const { height } = payload;
      const width = Math.max(payload.width, narrowest);
      const viewport = () => driver.execute(() => [window.innerWidth, window.innerHeight]);
      // The window's own frame and toolbar take a part of it: grow the window by what is missing,
      // and wait for the page to see its new size (the window manager resizes it in its own time).
      // A window that does not move any more is as near as it goes.
      let [w, h] = await viewport();
      const start = w;
      for (let tries = 0; tries < 5 && (w !== width || h !== height); tries++) {
        const before = [w, h];
        const { width: outerWidth, height: outerHeight } = await driver.getWindowSize();
        await driver.setWindowSize(outerWidth + width - w, outerHeight + height - h);
        await driver.waitUntil(async () => ([w, h] = await viewport()) && (w !== width || h !== height) === false, { timeout: 2000 }).catch(() => undefined);
        if (w === before[0] && h === before[1]) break;
      }
      if (w > payload.width && w < start) narrowest = w;
      // MiniBrowser's window cannot be narrower than its toolbar (447 px): the test hears the size it got.
      return { width: w, height: h };
    },
  };
}
