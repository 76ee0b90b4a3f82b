// The built library (dist/) on real host pages (test/host/widgets.html), in headless Chromium:
// under a strict Content-Security-Policy; under Bootstrap 5 and a hostile theme sheet; tabbed
// through in light, dark and forced colours (the focus indicator measured from pixels); in forced
// colours; and on a flaky mobile network where every file loaded on demand fails once (issue 27).
// Outcomes only: no frame counts, no durations.
//   node --test test/built/host-pages.test.mjs      (after npm run build:lib)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, chromium, frames, needBuilt, openPage, png, rgb, serveStatic } from '../../scripts/pages.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const WIDGETS = 10; // the widgets of test/host/widgets.html, objective-card's counters among them
let browser, server, pages;

before(async () => {
  needBuilt('dist/iom-widgets.js');
  pages = mkdtempSync(join(tmpdir(), 'iom-host-pages-'));
  // One widget per file loaded on demand. The donor chart uses the fictitious fixture, as widgets.html's
  // does: data/'s donor lists give ranks without amounts, and a list without amounts draws no chart.
  writeFileSync(join(pages, 'chunks-fail-once.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every on-demand file fails once</title>
<script type="module" src="/dist/iom-widgets.js"></script></head><body>
<stat-counter id="counter" src="/data/annual-report-2023.json#/highlights/countries" start="none"></stat-counter>
<emergency-list id="list" src="/data/hxl/crisis-responses-2017.hxl.csv"></emergency-list>
<objective-card id="card" locale="fr" src="/data/annual-report-2023.json#/objectives/0"></objective-card>
<donor-ranking id="donors" view="chart" src="/test/fixtures/donors-example.hxl.csv"></donor-ranking>
</body></html>`);
  // The same files under /csp/ come with the policy.
  server = await serveStatic({ '/': ROOT, '/csp/': ROOT, '/pages/': pages }, { headers: (path) => (path.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}) });
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(pages, { recursive: true, force: true });
});

const widgetsPage = (query = '', options = {}) => openPage(browser, `${server.base}${options.csp ? '/csp' : ''}/test/host/widgets.html${query}`, { width: 1000, height: 3000, settle: WIDGETS, ...options });

describe(`under a strict Content-Security-Policy (${CSP})`, () => {
  let page;
  before(async () => {
    page = await widgetsPage('', {
      csp: true,
      before: (p) => p.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`), true);
      }),
    });
  });
  after(() => page?.close());

  it('all four widgets, chart included, cause no violation, no console error and no warning', async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.problems, [], 'no console error or warning (a widget warns of an attribute it cannot use)');
  });
  it('sizes set through the CSSOM apply (a list bar, chart rows, card columns)', async () => {
    const sized = await page.evaluate(() => {
      const shadow = (sel) => document.querySelector(sel).shadowRoot;
      const bar = shadow('#bars donor-ranking').querySelector('[part~="bar"]');
      return {
        bar: bar.style.getPropertyValue('--_pct') !== '' && bar.getBoundingClientRect().width > 0,
        rows: shadow('#chart donor-ranking').querySelector('[part="chart"]').style.getPropertyValue('--_rows') !== '',
        columns: shadow('#card objective-card').querySelector('[part="figures"]').style.getPropertyValue('--_columns') !== '',
      };
    });
    assert.deepEqual(sized, { bar: true, rows: true, columns: true });
  });
});

it('under Bootstrap 5 and a hostile theme sheet (test/host/hostile.css), every widget keeps its clean-page size within 5 %', async () => {
  const boxes = (page) => page.evaluate(() => [...document.querySelectorAll('.slot')].map((slot) => {
    const r = window.__iom.widgets(slot)[0].getBoundingClientRect();
    return { slot: slot.id, width: r.width, height: r.height };
  }));
  const clean = await widgetsPage();
  const before = await boxes(clean);
  await clean.close();
  const hostile = await widgetsPage('?hostile');
  assert.equal(await hostile.evaluate(() => getComputedStyle(document.body).lineHeight), '48px', 'the hostile sheet is applied');
  const changed = (await boxes(hostile)).filter((b, i) => Math.abs(b.width / before[i].width - 1) > 0.05 || Math.abs(b.height / before[i].height - 1) > 0.05);
  await hostile.close();
  assert.deepEqual(changed.map((b, i) => `#${b.slot}: ${b.width}×${b.height} px, clean ${before[i].width}×${before[i].height} px`), []);
});

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a, b) {
  const lum = (c) => c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Tabs through the page. For each control inside a widget: a screenshot around it focused and
 * unfocused; the indicator is the longest run of changed pixels crossing its left edge and its top
 * edge from outside in (its thickness), and its contrast the median contrast of those pixels.
 */
async function focusRings(page) {
  const results = [];
  const seen = new Set();
  const pad = 8;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getRootNode() instanceof ShadowRoot ? el : null;
    });
    const el = handle.asElement();
    if (!el) {
      if (results.length) break; // past the last widget
      continue;
    }
    // The page may still move after the Tab scrolled: measured where the control holds still.
    const where = () => el.evaluate(async (e) => {
      const box = () => JSON.stringify([e.getBoundingClientRect(), scrollY]);
      for (let last = box(), tries = 0; tries < 50; tries++) {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        if (box() === last) break;
        last = box();
      }
      const r = e.getBoundingClientRect();
      return { name: `${e.localName} "${(e.getAttribute('aria-label') || e.textContent || e.getAttribute('part') || '').trim().slice(0, 40)}"`, x: r.x, y: r.y + scrollY, w: r.width, h: r.height };
    });
    let at = await where();
    const key = `${at.name}@${Math.round(at.x)},${Math.round(at.y)}`;
    if (seen.has(key)) break;
    seen.add(key);
    // Focused, then unfocused (and focused again, so Tab goes on from it); measured again if it moved.
    let focused, unfocused;
    for (let attempt = 1; ; attempt++) {
      const clip = { x: Math.max(0, Math.floor(at.x - pad)), y: Math.max(0, Math.floor(at.y - pad)), width: Math.ceil(at.w + 2 * pad), height: Math.ceil(at.h + 2 * pad) };
      focused = await png(page.screenshot({ clip, captureBeyondViewport: true }));
      await el.evaluate((e) => e.blur());
      unfocused = await png(page.screenshot({ clip, captureBeyondViewport: true }));
      await el.evaluate((e) => e.focus({ focusVisible: true, preventScroll: true }));
      const now = await where();
      if (JSON.stringify(now) === JSON.stringify(at) || attempt === 3) break;
      at = now;
    }
    await handle.dispose();
    const changed = ([x, y]) => rgb(focused, x, y).some((v, k) => v !== rgb(unfocused, x, y)[k]);
    const run = (points) => {
      let [best, cur] = [[], []];
      for (const p of points) {
        if (changed(p)) cur.push(p);
        else [best, cur] = [cur.length > best.length ? cur : best, []];
      }
      return cur.length > best.length ? cur : best;
    };
    const { width, height } = focused;
    const left = run(Array.from({ length: Math.min(2 * pad + 6, width) }, (_, x) => [x, Math.min(height - 1, Math.round(height / 2))]));
    const top = run(Array.from({ length: Math.min(2 * pad + 6, height) }, (_, y) => [Math.min(width - 1, Math.round(width / 2)), y]));
    const ratios = [...left, ...top].map(([x, y]) => contrast(rgb(focused, x, y), rgb(unfocused, x, y))).sort((a, b) => a - b);
    results.push({ name: at.name, thickness: Math.min(left.length, top.length), contrast: ratios[Math.floor(ratios.length / 2)] ?? 0 });
  }
  return results;
}

describe('every control, tabbed to, shows a focus indicator at least 2 px thick with at least 3:1 contrast', () => {
  for (const mode of ['light', 'dark', 'forced colours']) {
    it(mode, async () => {
      const page = await widgetsPage(mode === 'dark' ? '?dark' : '');
      // (Puppeteer's emulateMediaFeatures does not know forced-colors: the DevTools Protocol does.)
      if (mode === 'forced colours') await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }, { name: 'forced-colors', value: 'active' }] });
      const results = await focusRings(page);
      await page.close();
      assert.ok(results.length >= 10, `only ${results.length} controls were reached by Tab (search, item links, source link, Show all, view switch, table toggle, table region)`);
      assert.deepEqual(results.filter((r) => !(r.thickness >= 2 && r.contrast >= 3)).map((r) => `${r.name}: ${r.thickness} px, ${r.contrast.toFixed(2)}:1`), []);
    });
  }
});

it('in forced colours (Windows High Contrast), skeletons, the highlighted donor\'s marker, bars and meters are drawn', async () => {
  const page = await widgetsPage();
  await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  const seen = await page.evaluate(async () => {
    // A widget that stays loading, for its skeleton.
    const loading = Object.assign(document.createElement('emergency-list'), { src: '/__hang' });
    document.body.append(loading);
    await loading.updateComplete;
    const canvas = getComputedStyle(document.body).backgroundColor;
    const colours = (root, sel) => [...root.querySelectorAll(sel)].map((e) => getComputedStyle(e).backgroundColor);
    const drawn = (list) => list.length > 0 && list.every((c) => c !== canvas && c !== 'rgba(0, 0, 0, 0)');
    const bars = document.querySelector('#bars donor-ranking').shadowRoot;
    const rows = [...bars.querySelectorAll('.row')].map((r) => ({ highlighted: r.classList.contains('highlighted'), marker: getComputedStyle(r).borderInlineStartStyle !== 'none' && parseFloat(getComputedStyle(r).borderInlineStartWidth) > 0 }));
    return {
      skeletons: drawn(colours(loading.shadowRoot, '.skeleton-line')),
      markers: rows.filter((r) => r.marker).map((r) => r.highlighted),
      bars: drawn(colours(bars, '.bar')),
      meters: drawn(colours(document.querySelector('#emergencies emergency-list').shadowRoot, '.fill')),
    };
  });
  await page.close();
  assert.deepEqual(seen, { skeletons: true, markers: [true], bars: true, meters: true });
});

it('on a flaky network, every file loaded on demand fails once: each widget shows an error with Retry and fires iom-error, and after Retry shows its data, each file asked for twice', async () => {
  // Each file loaded on demand, by its path: a Retry may ask for it under another URL (?retry=1).
  const ON_DEMAND = { reader: /^\/dist\/chunks\/reader-[\w-]+\.js$/, 'French words': /^\/dist\/chunks\/fr-[\w-]+\.js$/, chart: /^\/dist\/iom-widgets\.chart\.js$/ };
  const asked = Object.fromEntries(Object.keys(ON_DEMAND).map((name) => [name, 0]));
  const page = await openPage(browser, `${server.base}/pages/chunks-fail-once.html`, {
    width: 1000,
    height: 3000,
    settle: false,
    before: async (p) => {
      await p.setRequestInterception(true);
      p.on('request', (request) => {
        const name = Object.keys(ON_DEMAND).find((n) => ON_DEMAND[n].test(new URL(request.url()).pathname));
        return name && ++asked[name] === 1 ? request.abort('failed') : request.continue();
      });
      await p.evaluateOnNewDocument(() => {
        window.__errors = [];
        document.addEventListener('iom-error', (e) => window.__errors.push({ id: e.target.id, message: e.detail.message }));
      });
    },
  });
  const ids = ['counter', 'list', 'card', 'donors'];
  const state = (id) => page.evaluate((id) => {
    const el = document.getElementById(id);
    const retry = el.shadowRoot.querySelector('[part~="retry"]');
    const table = el.shadowRoot.querySelector('[part~="table"]');
    return { status: el.status, text: window.__iom.text(el), retry: retry?.closest('[part~="error"]') ? 'error' : retry?.closest('[part~="note"]') ? 'note' : null, chart: el.shadowRoot.querySelector('[part~="chart"]')?.dataset.state ?? null, table: !!table && !table.closest('.offscreen') };
  }, id);
  const retry = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[part~="retry"]').click(), id);
  const until = (fn, ...args) => page.waitForFunction(fn, { timeout: 30_000 }, ...args);

  // 1. The reader fails for all four at once (they ask for it together), the French words for the card too.
  await until((ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('[part~="retry"]')), ids);
  for (const id of ids) assert.deepEqual([id, (await state(id)).status, (await state(id)).retry], [id, 'error', 'error']);
  assert.deepEqual([...new Set((await page.evaluate(() => window.__errors)).map((e) => e.id))].sort(), [...ids].sort(), 'each fired iom-error');

  // 2. After Retry the counter, list and card show their data; the ranking its table, and its chart
  // fails once in turn: the chart's note holds the Retry, and an iom-error names the chart file.
  for (const id of ids) await retry(id);
  await until(() => ['counter', 'list', 'card'].every((id) => document.getElementById(id).status !== 'loading') && ['error', 'ready'].includes(document.getElementById('donors').shadowRoot.querySelector('[part~="chart"]')?.dataset.state));
  const [counter, list, card, donors] = await Promise.all(ids.map(state));
  assert.ok(counter.status === 'ready' && counter.text.includes('168'), `counter: ${JSON.stringify(counter)}`);
  assert.ok(list.status === 'ready' && list.text.includes('Syrian Arab Republic'), `list: ${JSON.stringify(list)}`);
  assert.ok(card.status === 'ready' && card.text.includes('Objectif 1'), `card: ${JSON.stringify(card)}`);
  assert.deepEqual([donors.status, donors.chart, donors.retry, donors.table], ['ready', 'error', 'note', true], 'the ranking: its table, and a Retry in the chart\'s note');
  assert.ok((await page.evaluate(() => window.__errors)).some((e) => e.id === 'donors' && e.message.includes('iom-widgets.chart.js')), 'an iom-error for the chart');

  // 3. The chart's Retry draws it. (Between the click and the new load the chart is "idle" for a frame.)
  await retry('donors');
  await until(() => ['error', 'ready'].includes(document.getElementById('donors').shadowRoot.querySelector('[part~="chart"]')?.dataset.state));
  assert.equal((await state('donors')).chart, 'ready', 'the chart is drawn after its Retry');
  assert.deepEqual(asked, { reader: 2, 'French words': 2, chart: 2 }, 'each file asked for twice: the failure, then the Retry');
  await frames(page);
  assert.deepEqual(page.problems.filter((p) => p.startsWith('page error')), [], 'no uncaught error');
  await page.close();
});
