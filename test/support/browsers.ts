// What differs between the browsers the suite runs in (Chromium and Firefox).

/** Whether this test page runs in Firefox. */
export const isFirefox = navigator.userAgent.includes('Firefox');

/**
 * Skips the current test in Firefox: it emulates a media feature (print, reduced motion, colour
 * scheme) or reads the accessibility tree, which the test runner does over the Chrome DevTools
 * Protocol, and Firefox does not speak it. Call it first, in a `function` test (not an arrow).
 */
export function needsDevTools(test: Mocha.Context): void {
  if (isFirefox) test.skip();
}
