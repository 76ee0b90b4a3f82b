// What differs between the engines the suite runs in (Chromium, Firefox, WebKit).

/** Whether this test page runs in Chromium (or Chrome). */
export const isChromium = navigator.userAgent.includes('Chrome/');

/** Whether this test page runs in Firefox. */
export const isFirefox = navigator.userAgent.includes('Firefox/');

/** Whether this test page runs in WebKit (Safari's engine; here WebKitGTK's MiniBrowser). */
export const isWebKit = !isChromium && !isFirefox && navigator.userAgent.includes('AppleWebKit/');

/**
 * Skips the current test, with its reason: added to its name, the run's summary prints it
 * (`scripts/summary-reporter.mjs`). Call it in a `function` test (not an arrow), as `this.skip()`.
 */
export function skipBecause(test: Mocha.Context, reason: string): never {
  if (test.test) test.test.title += ` (skipped: ${reason})`;
  return test.skip();
}

/** Skips the current test where the Layout Instability API (layout-shift entries, Chromium's) is missing. */
export function needsLayoutShiftApi(test: Mocha.Context): void {
  if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) skipBecause(test, 'the Layout Instability API is Chromium\'s');
}

/**
 * Skips the current test outside Chromium: it emulates a media feature (print, reduced motion,
 * colour scheme, forced colours) or reads the accessibility tree, which the test runner does over the Chrome
 * DevTools Protocol, and Firefox and WebKit do not speak it. Call it first, in a `function` test
 * (not an arrow).
 */
export function needsDevTools(test: Mocha.Context): void {
  if (!isChromium) skipBecause(test, 'needs the DevTools Protocol, which only Chromium speaks here');
}
