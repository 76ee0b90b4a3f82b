// web-test-runner's Chrome launcher, driving Firefox through puppeteer-core over WebDriver BiDi.
// Coverage is Chromium's (V8) only: the Firefox sessions run the same tests without it.
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';

export function firefoxLauncher(executablePath) {
  const launcher = chromeLauncher({
    puppeteer,
    // One window per test page, as for Chromium: a background tab gets no animation frames.
    createPage: ({ context }) => context.newPage({ type: 'window' }),
    launchOptions: { browser: 'firefox', executablePath, headless: true, args: [] },
  });
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = (config, testFiles) => initialize({ ...config, coverage: false }, testFiles);
  launcher.name = 'Firefox';
  // One test file at a time: with two Firefox windows at once, a key sent over BiDi to a window
  // that is not the active one is sometimes lost (a focused button's Enter did nothing).
  launcher.concurrency = 1;
  return launcher;
}
