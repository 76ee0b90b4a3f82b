// Every story and docs page of the built Storybook (storybook-static/), in headless Chromium, four
// at a time: no console error or warning, no page error, every widget registered and rendered
// (settled, or holding its loading state in a story tagged "loading"), no axe violation. A widget
// warns ("<tag>: …") as part of an error state: that is expected in a story named for an error,
// which must then show one, and fails any other story (its data is wrong). Stories tagged
// `http-error` may log the browser's "Failed to load resource" for the request they expect to fail.
//   node --test test/built/stories.test.mjs      (after `storybook build -o storybook-static`)
//   IOM_STORIES=donor node --test test/built/stories.test.mjs      only the entries whose id has "donor"
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, axe, chromium, needBuilt, openPage, serveStatic } from '../../scripts/pages.mjs';

needBuilt('storybook-static/index.json');
const TIMEOUT = 30_000;
const index = JSON.parse(readFileSync(join(ROOT, 'storybook-static/index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !process.env.IOM_STORIES || e.id.includes(process.env.IOM_STORIES));
let browser, server;
const free = []; // pages not in use: each keeps Storybook's runtime and axe compiled between stories
before(async () => {
  // Storybook's hashed assets may be cached (and their compiled code with them) across pages.
  server = await serveStatic({ '/': join(ROOT, 'storybook-static') }, { headers: (path) => (path.startsWith('/assets/') ? { 'cache-control': 'max-age=3600, immutable' } : {}) });
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `check(page)` on a free page; after a failure the page goes back to about:blank, so nothing of it reaches the next. */
async function withPage(check) {
  const page = free.pop() ?? (await openPage(browser));
  page.problems = [];
  try {
    return await check(page);
  } catch (error) {
    await page.goto('about:blank').catch(() => undefined);
    throw error;
  } finally {
    free.push(page);
  }
}

/**
 * Shows a story as Storybook's own sidebar does: the first by loading iframe.html, each next one by
 * asking the preview already in the page to switch (SET_CURRENT_STORY), which unmounts the last
 * story and renders the new one. Then waits for it, its play function and every widget to settle.
 */
async function show(page, entry) {
  const live = await page.evaluate(() => !!window.__STORYBOOK_PREVIEW__?.currentRender).catch(() => false);
  if (live) await page.evaluate((id) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' }), entry.id);
  // The a11y addon's own run is off: axe runs below, on every story.
  else await page.goto(`${server.base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load', timeout: TIMEOUT });
  await page.waitForFunction((id) => window.__STORYBOOK_PREVIEW__?.currentRender?.id === id && /\bsb-show-(main|errordisplay|nopreview)\b/.test(document.body.className), { timeout: TIMEOUT, polling: 20 }, entry.id);
  const error = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay') && (document.querySelector('#error-message, .sb-errordisplay')?.textContent?.trim() || 'error display shown'));
  assert.equal(error, false, 'Storybook could not render the story');
  await page.waitForFunction(() => [undefined, 'completed', 'finished', 'errored', 'aborted'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase), { timeout: TIMEOUT, polling: 50 });
  assert.notEqual(await page.evaluate(() => window.__STORYBOOK_PREVIEW__.currentRender.phase), 'errored', 'the story or its play function threw');
  const loading = !!entry.tags?.includes('loading');
  await page.waitForFunction((loading) => window.__iom.widgets(document.querySelector('#storybook-root')).every((el) => el.shadowRoot && el.updateComplete && (loading || el.status !== 'loading')), { timeout: TIMEOUT, polling: 50 }, loading)
    .catch(() => assert.fail(`a widget was still loading after ${TIMEOUT / 1000} s (tag the story "loading" if that is the point)`));
  // Pending renders, a count-up's first frame and late console output.
  await page.evaluate(async () => {
    await Promise.all(window.__iom.widgets(document.querySelector('#storybook-root')).map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

describe('every story', { concurrency: 4 }, () => {
  for (const entry of entries.filter((e) => e.type === 'story')) {
    it(`${entry.title} › ${entry.name}`, () => withPage(async (page) => {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: entry.tags?.includes('reduced-motion') ? 'reduce' : '' }]);
      await show(page, entry);
      const shown = await page.evaluate(() => {
        const els = window.__iom.widgets(document.querySelector('#storybook-root'));
        return {
          count: els.length,
          empty: els.filter((el) => el.shadowRoot.childElementCount === 0 && !el.shadowRoot.textContent.trim()).map((el) => el.localName),
          unregistered: els.filter((el) => !customElements.get(el.localName)).map((el) => el.localName),
          statuses: els.map((el) => el.status),
          // An error box, a note on an attribute it ignored, or the chart's note over its table.
          showingErrors: els.filter((el) => el.status === 'error' || el.shadowRoot.querySelector('[part~="error"], [part~="attribute-warning"], [part~="note"]')).length,
        };
      });
      assert.ok(shown.count > 0, 'no widget in the story');
      assert.deepEqual([shown.unregistered, shown.empty], [[], []], 'every widget registered and rendered');
      if (entry.tags?.includes('loading')) assert.deepEqual(shown.statuses.filter((s) => s !== 'loading'), [], 'a loading story');
      const showsError = /error/i.test(entry.name) || !!entry.tags?.includes('expected-warning');
      if (showsError) assert.ok(shown.showingErrors > 0, 'the story is named for an error, but no widget shows one');
      const expected = (p) => (showsError && /^console\.warn: <[a-z]+-[a-z-]+>: /.test(p)) || (entry.tags?.includes('http-error') && p.startsWith('console.error: Failed to load resource'));
      assert.deepEqual(page.problems.filter((p) => !expected(p)), []);
      assert.deepEqual(await axe(page, '#storybook-root'), []);
    }));
  }
});

describe('every docs page', { concurrency: 4 }, () => {
  for (const entry of entries.filter((e) => e.type === 'docs')) {
    it(`${entry.title} › ${entry.name}`, () => withPage(async (page) => {
      // A docs page shows every story of its file, so it may hold the http-error stories' requests.
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: '' }]);
      const httpError = Object.values(index.entries).some((s) => s.importPath === entry.importPath && s.tags?.includes('http-error'));
      await page.goto(`${server.base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load', timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('#storybook-docs .sbdocs-content') || document.body.classList.contains('sb-show-errordisplay'), { timeout: TIMEOUT });
      assert.equal(await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')), false, 'the docs page did not render');
      // Every widget in the page has its data or its error, but those of the stories that hold their loading state.
      const holding = Object.values(index.entries).filter((s) => s.importPath === entry.importPath && s.tags?.includes('loading')).map((s) => `#anchor--${s.id}`);
      await page.waitForFunction((holding) => window.__iom.widgets(document.querySelector('#storybook-docs')).every((el) => (el.hasUpdated && el.status !== 'loading') || holding.some((id) => document.querySelector(id)?.contains(el))), { timeout: TIMEOUT, polling: 100 }, holding);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.deepEqual(page.problems.filter((p) => p.startsWith('page error') || (p.startsWith('console.error') && !(httpError && p.startsWith('console.error: Failed to load resource')))), []);
      // The page's stories (or, for a page of prose, its content). Two rules judge how a page puts
      // several stories together (the order of headings across them, one name per landmark): each
      // story is checked against them on its own page above.
      const stories = await page.evaluate(() => !!document.querySelector('#storybook-docs .docs-story'));
      const composition = { 'heading-order': { enabled: false }, 'landmark-unique': { enabled: false } };
      assert.deepEqual(await axe(page, stories ? '#storybook-docs .docs-story' : '#storybook-docs .sbdocs-content', composition), []);
      // Nothing of it reaches the next page.
      await page.goto('about:blank');
    }));
  }
});
