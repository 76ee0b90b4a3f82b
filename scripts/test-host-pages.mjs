// The widgets on real host pages, in headless Chromium (after npm run build: reads dist/):
// - under a strict Content-Security-Policy (default-src 'self'; script-src 'self'; style-src 'self'),
//   all four widgets, chart included, cause no violation;
// - under Bootstrap 5 and a hostile global theme sheet (test/host/hostile.css), every widget keeps
//   its clean-page size within 5 %;
// - tabbing through every control of every widget, in light, dark and forced colours, each shows a
//   focus indicator at least 2 CSS px thick whose pixels change with at least 3:1 contrast (a long
//   list among them);
// - every on-demand file (the data reader, the French words, the chart) failing once, as on a flaky
//   mobile network (issue 27): a counter, a list, a French card and a donor chart each show an error
//   with a Retry and fire iom-error, the page raises no uncaught error, and after Retry all four
//   show their data (the chart drawn), each file having been asked for exactly twice;
// - six counters without fallback content in a row (three from attributes, three from data that
//   needs the reader): each is on screen in the first frame after the elements are defined, and
//   nothing moves after that frame (the paragraph below them stays put, no layout shift).
//
//   node scripts/test-host-pages.mjs            (--keep writes screenshots to .capture/)
//
// Outcomes only: no frame counts, no durations.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { launchChromium } from './browser.mjs';
import { checks, serveStatic } from './static-server.mjs';
import { TAGS, TAG_SELECTOR } from './tags.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
if (!existsSync(join(ROOT, 'dist/iom-widgets.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
// The pages that this script writes for its checks (see PAGES below), served under /pages/ beside the repository.
const pagesDir = mkdtempSync(join(tmpdir(), 'iom-host-pages-'));
// The same files under /csp/ come with the policy.
const server = await serveStatic({ '/': ROOT, '/csp/': ROOT, '/pages/': pagesDir }, (pathname) => (pathname.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}));
const { base } = server;

const { pass, fail, totals } = checks();

const browser = await launchChromium(['--hide-scrollbars', '--lang=en-US']).catch((error) => {
  console.error(error.message);
  process.exit(1);
});

/** Opens the widgets page and waits until every widget (objective-card's counters too) is ready and the chart is drawn. */
async function open(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 3000, deviceScaleFactor: 1 });
  // Settled figures, so screenshots of the two pages can be compared by eye.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`), true);
  });
  const console_ = [];
  page.on('console', (m) => m.type() === 'error' && console_.push(m.text()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((tags) => {
    const all = [];
    const walk = (root) => root.querySelectorAll('*').forEach((el) => {
      if (tags.includes(el.localName)) all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    });
    walk(document);
    const chart = document.querySelector('#chart donor-ranking')?.shadowRoot?.querySelector('[part="chart"]');
    return all.length >= 10 && all.every((el) => el.status === 'ready') && chart?.getAttribute('data-state') === 'ready' && document.fonts.status === 'loaded';
  }, { timeout: 30_000 }, TAGS);
  // Two frames, so what was just laid out is painted.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return { page, console: console_ };
}

/** WCAG contrast ratio of two sRGB colours. */
function contrast([r1, g1, b1], [r2, g2, b2]) {
  const lum = (r, g, b) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [a, b] = [lum(r1, g1, b1), lum(r2, g2, b2)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/**
 * Tabs through the page. For each control inside a widget: a screenshot around it focused and
 * unfocused; the indicator is the run of changed pixels crossing its left edge, at mid-height
 * (thickness), and its contrast is the median contrast of those pixels between the two states.
 */
async function focusRing(page) {
  const results = [];
  const seen = new Set();
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(async () => {
      let el = document.activeElement;
      const path = [];
      while (el?.shadowRoot?.activeElement) {
        path.push(el.localName);
        el = el.shadowRoot.activeElement;
      }
      if (!path.length) return null;
      // The page may still move after the Tab scrolled (a long list still filling in): wait until
      // the control's box holds still over two frames.
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const box = () => JSON.stringify(el.getBoundingClientRect()) + window.scrollY;
      for (let last = box(), tries = 0; tries < 50; tries++) {
        await frame();
        await frame();
        const now = box();
        if (now === last) break;
        last = now;
      }
      const r = el.getBoundingClientRect();
      const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('part') || el.localName).trim().slice(0, 40);
      return { name: `${path.join(' > ')} ${el.localName} "${label}"`, x: r.x, y: r.y + window.scrollY, w: r.width, h: r.height };
    });
    if (process.env.DEBUG_FOCUS) console.log(i, info?.name ?? await page.evaluate(() => document.activeElement?.localName));
    if (!info) {
      if (results.length) break; // past the last widget
      continue;
    }
    const key = `${info.name}@${Math.round(info.x)},${Math.round(info.y)}`;
    if (seen.has(key)) break;
    seen.add(key);
    const pad = 8;
    const handle = await page.evaluateHandle(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el;
    });
    const where = () => page.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y + window.scrollY, w: r.width, h: r.height };
    }, handle);
    // Focused, then unfocused (focus moved away without scrolling, then back, so Tab goes on from
    // it). Had the control moved in between (a late layout), the two would not be of the same
    // pixels: measured again where it is then, up to three times.
    let focused;
    let unfocused;
    for (let attempt = 1, at = { x: info.x, y: info.y, w: info.w, h: info.h }; ; attempt++) {
      const clip = { x: Math.max(0, Math.floor(at.x - pad)), y: Math.max(0, Math.floor(at.y - pad)), width: Math.ceil(at.w + 2 * pad), height: Math.ceil(at.h + 2 * pad) };
      const shot = async () => PNG.sync.read(await page.screenshot({ clip, captureBeyondViewport: true }));
      focused = await shot();
      await page.evaluate((el) => el.blur(), handle);
      unfocused = await shot();
      await page.evaluate((el) => el.focus({ focusVisible: true, preventScroll: true }), handle);
      const now = await where();
      if (JSON.stringify(now) === JSON.stringify(at) || attempt === 3) break;
      at = now;
    }
    await handle.dispose();
    const px = (img, x, y) => {
      const o = (y * img.width + x) * 4;
      return [img.data[o], img.data[o + 1], img.data[o + 2]];
    };
    const changed = (x, y) => px(focused, x, y).some((v, k) => v !== px(unfocused, x, y)[k]);
    // Crossing the left edge and the top edge, from outside in: the longest run of changed pixels.
    const run = (points) => {
      let best = [];
      let cur = [];
      for (const [x, y] of points) {
        if (changed(x, y)) cur.push([x, y]);
        else {
          if (cur.length > best.length) best = cur;
          cur = [];
        }
      }
      return cur.length > best.length ? cur : best;
    };
    const midY = Math.min(focused.height - 1, Math.round(focused.height / 2));
    const midX = Math.min(focused.width - 1, Math.round(focused.width / 2));
    const across = Math.min(2 * pad + 6, focused.width);
    const down = Math.min(2 * pad + 6, focused.height);
    const left = run(Array.from({ length: across }, (_, x) => [x, midY]));
    const top = run(Array.from({ length: down }, (_, y) => [midX, y]));
    const ring = [...left, ...top];
    const ratios = ring.map(([x, y]) => contrast(px(focused, x, y), px(unfocused, x, y))).sort((a, b) => a - b);
    results.push({ name: info.name, thickness: Math.min(left.length, top.length), contrast: ratios.length ? ratios[Math.floor(ratios.length / 2)] : 0 });
  }
  return results;
}

/** Each slot's widget: its box. */
const boxes = (page) => page.evaluate((tags) => Object.fromEntries([...document.querySelectorAll('.slot')].map((slot) => {
  const el = slot.querySelector(tags);
  const r = el.getBoundingClientRect();
  return [slot.id, { width: r.width, height: r.height }];
})), TAG_SELECTOR);

/** A page for the checks below: the built library's all-in-one module and `body`. */
const hostPage = (title, body, style = '') => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>${style}</style>
    <script type="module" src="/dist/iom-widgets.js"></script>
  </head>
  <body>
${body}
  </body>
</html>
`;

const counter = '<stat-counter value="1234" label="example things" start="none"></stat-counter>';
const counterFromData = `<stat-counter data='{"value": 5678, "label": "example things"}' start="none"></stat-counter>`;
/** The pages of the last two checks, by file name under /pages/. */
const PAGES = {
  // One widget per on-demand file. The donor chart uses the fictitious fixture, as widgets.html's
  // does: data/'s donor lists give ranks without amounts, and a list without amounts draws no chart.
  'chunks-fail-once.html': hostPage(
    'Host page test: every on-demand file fails once',
    `    <stat-counter id="counter" src="/data/annual-report-2023.json#/highlights/countries" start="none"></stat-counter>
    <emergency-list id="list" src="/data/hxl/crisis-responses-2017.hxl.csv"></emergency-list>
    <objective-card id="card" locale="fr" src="/data/annual-report-2023.json#/objectives/0"></objective-card>
    <donor-ranking id="donors" view="chart" src="/test/fixtures/donors-example.hxl.csv"></donor-ranking>`,
  ),
  // A CMS row of figures, with no fallback content to hold their place. align-items: start, so that
  // each counter's height is its own and not the row's.
  'counters-no-fallback.html': hostPage(
    'Host page test: counters without fallback content',
    `    <p>Before the figures: a paragraph of the host page.</p>
    <div class="figures">${counter}${counter}${counter}${counterFromData}${counterFromData}${counterFromData}</div>
    <p class="after">After the figures</p>`,
    '.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 1em; align-items: start; }',
  ),
};
for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(pagesDir, name), html);

/** Waits for `fn` in the page: true once it holds, false when it has not within 30 s (the caller says what it saw). */
const reached = (page, fn, ...args) => page.waitForFunction(fn, { timeout: 30_000 }, ...args).then(() => true, () => false);

/** What each widget with an id shows: its status, its text, where its Retry is (`error`, `note` or none), its chart's state, whether its table is on screen. */
const shown = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[id]')].filter((el) => el.shadowRoot).map((el) => {
  const root = el.shadowRoot;
  const retry = root.querySelector('[part~="retry"]');
  const table = root.querySelector('[part~="table"]');
  return [el.id, {
    status: el.status,
    text: root.textContent.replace(/\s+/g, ' ').trim(),
    retry: retry ? (retry.closest('[part~="error"]') ? 'error' : retry.closest('[part~="note"]') ? 'note' : 'elsewhere') : null,
    chart: root.querySelector('[part~="chart"]')?.getAttribute('data-state') ?? null,
    // Behind the chart, the table is kept for screen readers in a 1 px box (.offscreen) until it is shown.
    table: !!table && !table.closest('.offscreen'),
  }];
})));

/** Clicks the Retry that the widget `id` shows, as a reader would. */
const clickRetry = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[part~="retry"]').click(), id);

/** One line per widget, for a fail line. */
const describe = (states) => Object.entries(states).map(([id, s]) => `#${id}: ${s.status}${s.chart ? `, chart ${s.chart}` : ''}${s.retry ? `, Retry in ${s.retry}` : ''}: "${s.text.slice(0, 160)}"`).join('\n      ');

try {
  console.log(`Strict Content-Security-Policy (${CSP}):`);
  {
    const { page, console: errors } = await open(`${base}/csp/test/host/widgets.html`);
    const violations = await page.evaluate(() => window.__violations);
    const what = 'all four widgets, chart included, cause no violation';
    if (violations.length === 0) pass(`${what} (0 securitypolicyviolation events)`);
    else fail(what, `${violations.length} violations:\n      ${violations.join('\n      ')}`);
    // The sizes set through the CSSOM are there: bars, meters and columns are not collapsed.
    const sized = await page.evaluate(() => {
      const bar = document.querySelector('#bars donor-ranking').shadowRoot.querySelector('[part~="bar"]');
      const barPct = bar?.style.getPropertyValue('--_pct');
      const barWidth = bar ? Math.round(bar.getBoundingClientRect().width) : 0;
      const chartRows = document.querySelector('#chart donor-ranking').shadowRoot.querySelector('[part="chart"]').style.getPropertyValue('--_rows');
      const columns = document.querySelector('#card objective-card').shadowRoot.querySelector('[part="figures"]').style.getPropertyValue('--_columns');
      return { barPct, barWidth, chartRows, columns };
    });
    const what2 = 'sizes set through the CSSOM apply under the policy (a list bar, chart rows, card columns)';
    if (sized.barPct && sized.barWidth > 0 && sized.chartRows && sized.columns) pass(`${what2}: bar --_pct ${sized.barPct} (${sized.barWidth} px), --_rows ${sized.chartRows}, --_columns ${sized.columns}`);
    else fail(what2, JSON.stringify(sized));
    if (errors.length) fail('no console errors under the policy', errors.join('\n      '));
    else pass('no console errors under the policy');
    await page.close();
  }

  console.log('Bootstrap 5 and a hostile theme sheet (test/host/hostile.css) against the clean page:');
  {
    const clean = await open(`${base}/test/host/widgets.html`);
    const cleanBoxes = await boxes(clean.page);
    if (keep) writeFileSync(join(ROOT, '.capture/host-clean.png'), await clean.page.screenshot({ fullPage: true }));
    await clean.page.close();
    const hostile = await open(`${base}/test/host/widgets.html?hostile`);
    const applied = await hostile.page.evaluate(() => getComputedStyle(document.body).lineHeight);
    const hostileBoxes = await boxes(hostile.page);
    if (keep) {
      mkdirSync(join(ROOT, '.capture'), { recursive: true });
      writeFileSync(join(ROOT, '.capture/host-hostile.png'), await hostile.page.screenshot({ fullPage: true }));
    }
    await hostile.page.close();
    if (applied !== '48px') fail('the hostile sheet is applied', `body line-height is ${applied}, not 48px`);
    for (const [slot, a] of Object.entries(cleanBoxes)) {
      const b = hostileBoxes[slot];
      const dw = Math.abs(b.width - a.width) / a.width;
      const dh = Math.abs(b.height - a.height) / a.height;
      const what = `#${slot}: ${a.width.toFixed(0)}×${a.height.toFixed(0)} px clean, ${b.width.toFixed(0)}×${b.height.toFixed(0)} px hostile`;
      if (dw <= 0.05 && dh <= 0.05) pass(`${what} (within 5 %)`);
      else fail(what, `differs by ${(dw * 100).toFixed(1)} % in width and ${(dh * 100).toFixed(1)} % in height (budget 5 %)`);
    }
  }

  console.log('Visible focus: every control, tabbed to, against its unfocused pixels:');
  for (const mode of ['light', 'dark', 'forced colours']) {
    const { page } = await open(`${base}/test/host/widgets.html${mode === 'dark' ? '?dark' : ''}`);
    // (Puppeteer's emulateMediaFeatures does not know forced-colors: the DevTools Protocol does.)
    if (mode === 'forced colours') await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }, { name: 'forced-colors', value: 'active' }] });
    const results = await focusRing(page);
    await page.close();
    const bad = results.filter((r) => !(r.thickness >= 2 && r.contrast >= 3));
    const what = `${mode}: ${results.length} controls show a focus indicator ≥ 2 px thick with ≥ 3:1 contrast`;
    if (results.length < 10) fail(what, `only ${results.length} controls were reached by Tab (search, item links, source link, Show all, view switch, table toggle, table region)`);
    else if (bad.length) fail(what, bad.map((r) => `${r.name}: ${r.thickness} px, ${r.contrast.toFixed(2)}:1`).join('\n      '));
    else pass(`${what} (thinnest ${Math.min(...results.map((r) => r.thickness))} px, lowest ${Math.min(...results.map((r) => r.contrast)).toFixed(1)}:1)`);
  }

  console.log('Forced colours (Windows High Contrast and the like):');
  {
    const { page } = await open(`${base}/test/host/widgets.html`);
    await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    // A widget that stays loading, for its skeleton.
    await page.evaluate(() => {
      const el = document.createElement('emergency-list');
      el.id = 'loading';
      el.setAttribute('src', '/__hang');
      document.body.append(el);
      return el.updateComplete;
    });
    const seen = await page.evaluate(() => {
      const canvas = getComputedStyle(document.body).backgroundColor;
      const shadow = (sel) => document.querySelector(sel).shadowRoot;
      const lines = [...shadow('#loading').querySelectorAll('.skeleton-line')].map((l) => getComputedStyle(l).backgroundColor);
      const rows = [...shadow('#bars donor-ranking').querySelectorAll('.row')].map((r) => ({ highlighted: r.classList.contains('highlighted'), marker: getComputedStyle(r).borderInlineStartStyle !== 'none' && parseFloat(getComputedStyle(r).borderInlineStartWidth) > 0 }));
      const bars = [...shadow('#bars donor-ranking').querySelectorAll('.bar')].map((b) => getComputedStyle(b).backgroundColor);
      const fills = [...shadow('#emergencies emergency-list').querySelectorAll('.fill')].map((f) => getComputedStyle(f).backgroundColor);
      return { canvas, lines, rows, bars, fills };
    });
    await page.close();
    const visible = (colours) => colours.length > 0 && colours.every((c) => c !== seen.canvas && c !== 'rgba(0, 0, 0, 0)');
    if (visible(seen.lines)) pass(`loading skeletons are drawn (${seen.lines.length} lines in ${seen.lines[0]})`);
    else fail('loading skeletons are drawn', `skeleton lines ${JSON.stringify(seen.lines)} on ${seen.canvas}`);
    const markers = seen.rows.filter((r) => r.marker);
    if (seen.rows.length > 1 && markers.length === 1 && markers[0].highlighted) pass(`only the highlighted donor row has its marker (1 of ${seen.rows.length})`);
    else fail('only the highlighted donor row has its marker', JSON.stringify(seen.rows));
    if (visible(seen.bars)) pass(`donor bars are drawn (${seen.bars.length})`);
    else fail('donor bars are drawn', JSON.stringify(seen.bars));
    if (visible(seen.fills)) pass(`emergency funding meters are drawn (${seen.fills.length})`);
    else fail('emergency funding meters are drawn', JSON.stringify(seen.fills));
  }

  console.log('A flaky mobile network: every on-demand file fails once, then Retry (issue 27):');
  {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 3000, deviceScaleFactor: 1 });
    // Each file loaded on demand, by its path: a Retry may ask for it under another URL (?retry=1).
    const ON_DEMAND = { reader: /^\/dist\/chunks\/reader-[\w-]+\.js$/, 'French words': /^\/dist\/chunks\/fr-[\w-]+\.js$/, chart: /^\/dist\/iom-widgets\.chart\.js$/ };
    const asked = Object.fromEntries(Object.keys(ON_DEMAND).map((name) => [name, 0]));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      const name = Object.keys(ON_DEMAND).find((n) => ON_DEMAND[n].test(pathname));
      if (name && ++asked[name] === 1) return request.abort('failed');
      return request.continue();
    });
    const uncaught = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    // Before the page's script, so that no event is missed.
    await page.evaluateOnNewDocument(() => {
      window.__iomErrors = [];
      document.addEventListener('iom-error', (e) => window.__iomErrors.push({ id: e.target.id, message: e.detail.message }));
    });
    await page.goto(`${base}/pages/chunks-fail-once.html`, { waitUntil: 'load' });
    const ids = ['counter', 'list', 'card', 'donors'];
    const showRetry = (ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('[part~="retry"]'));

    // 1. The reader fails for all four at once (they ask for it together), the French words for the card too.
    const failed = await reached(page, showRetry, ids);
    let states = await shown(page);
    const what1 = 'each of the four shows an error with a Retry (counter, list, card, donor ranking)';
    if (failed && ids.every((id) => states[id].status === 'error' && states[id].retry === 'error')) pass(`${what1}: ${ids.map((id) => `#${id} ${states[id].retry}`).join(', ')}`);
    else fail(what1, describe(states));
    const firstErrors = await page.evaluate(() => window.__iomErrors);
    const what2 = 'each of the four fired iom-error';
    const silent = ids.filter((id) => !firstErrors.some((e) => e.id === id));
    if (!silent.length) pass(`${what2} (${firstErrors.length} events)`);
    else fail(what2, `none from ${silent.map((id) => `#${id}`).join(', ')}; fired: ${JSON.stringify(firstErrors)}`);

    // 2. Retry on each. The counter, list and card show their data; the donor ranking has its data
    // and shows its table, and its chart fails once in turn: the chart's note holds the Retry.
    for (const id of ids) if (states[id].retry) await clickRetry(page, id);
    await reached(page, () => ['counter', 'list', 'card'].every((id) => document.getElementById(id).status !== 'loading')
      && ['error', 'ready'].includes(document.getElementById('donors').shadowRoot.querySelector('[part~="chart"]')?.getAttribute('data-state') ?? document.getElementById('donors').status));
    states = await shown(page);
    const recovered = {
      counter: states.counter.status === 'ready' && states.counter.text.includes('168'),
      list: states.list.status === 'ready' && states.list.text.includes('Syrian Arab Republic'),
      card: states.card.status === 'ready' && states.card.text.includes('Objectif 1'),
    };
    const what3 = 'after Retry, the counter shows 168, the list a row of the CSV file, the French card "Objectif 1"';
    if (Object.values(recovered).every(Boolean)) pass(`${what3} (all three ready)`);
    else fail(what3, describe(states));
    const chartErrors = (await page.evaluate(() => window.__iomErrors)).filter((e) => e.id === 'donors' && e.message.includes('iom-widgets.chart.js'));
    const what4 = 'the donor ranking shows its table and, in the chart\'s note, a Retry, and fires iom-error for the chart';
    const noted = states.donors.status === 'ready' && states.donors.chart === 'error' && states.donors.retry === 'note' && states.donors.table;
    if (noted && chartErrors.length) pass(what4);
    else fail(what4, `${describe({ donors: states.donors })}; ${chartErrors.length} iom-error events for the chart`);

    // 3. The chart's Retry draws it.
    const what5 = 'after its Retry, the chart is drawn (data-state="ready")';
    if (noted) {
      await clickRetry(page, 'donors');
      // (Between the click and the new load, the chart is "idle" for a frame: wait for an outcome.)
      await reached(page, () => ['error', 'ready'].includes(document.getElementById('donors').shadowRoot.querySelector('[part~="chart"]')?.getAttribute('data-state')));
      states = await shown(page);
      if (states.donors.chart === 'ready') pass(what5);
      else fail(what5, describe({ donors: states.donors }));
    } else fail(what5, 'not reached: the chart\'s note with its Retry was not shown');

    const what6 = 'each on-demand file was asked for exactly twice (the failure, then the Retry)';
    const counts = Object.entries(asked).map(([name, n]) => `${name} ${n}`).join(', ');
    if (Object.values(asked).every((n) => n === 2)) pass(`${what6}: ${counts}`);
    else fail(what6, counts);
    const what7 = 'the page raised no uncaught error';
    if (uncaught.length) fail(what7, uncaught.join('\n      '));
    else pass(what7);
    await page.close();
  }

  console.log('Six counters without fallback content (three needing the reader), in a row of 1200 px:');
  {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800, deviceScaleFactor: 1 });
    // Before the page's script: the layout shifts from the start (buffered), and the first frame
    // after the elements are defined, measured in that frame (a page.evaluate after goto() comes
    // too late: by then the reader has arrived and all six show their figures).
    await page.evaluateOnNewDocument(() => {
      window.__shifts = [];
      window.__shiftObserver = new PerformanceObserver((list) => window.__shifts.push(...list.getEntries()));
      window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
      customElements.whenDefined('stat-counter').then(() => requestAnimationFrame(() => {
        const counters = [...document.querySelectorAll('stat-counter')].map((el) => ({ height: el.getBoundingClientRect().height, skeleton: !!el.shadowRoot.querySelector('[part~="skeleton"]') }));
        const after = document.querySelector('.after').getBoundingClientRect().top;
        // A shift of this frame is reported as it is painted, after this callback: the shifts that
        // count start with the next frame.
        requestAnimationFrame(() => (window.__firstFrame = { counters, after, since: performance.now() }));
      }));
    });
    // The reader is held back until that frame is measured, so that the three counters that need it
    // are in it as skeletons whatever the speed of this machine.
    let held;
    let release = () => {};
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!held && /^\/dist\/chunks\/reader-[\w-]+\.js$/.test(new URL(request.url()).pathname)) {
        held = new Promise((ok) => (release = ok)).then(() => request.continue());
      } else request.continue();
    });
    await page.goto(`${base}/pages/counters-no-fallback.html`, { waitUntil: 'domcontentloaded' });
    const first = (await reached(page, () => window.__firstFrame)) ? await page.evaluate(() => window.__firstFrame) : undefined;
    release();
    await held;
    const ready = await reached(page, () => [...document.querySelectorAll('stat-counter')].every((el) => el.status === 'ready'));
    // Two frames, so that what was just laid out is painted and its shifts reported.
    const last = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__shifts.push(...window.__shiftObserver.takeRecords());
      const since = window.__firstFrame?.since ?? 0;
      const later = window.__shifts.filter((s) => s.startTime >= since && !s.hadRecentInput);
      ok({
        heights: [...document.querySelectorAll('stat-counter')].map((el) => el.getBoundingClientRect().height),
        after: document.querySelector('.after').getBoundingClientRect().top,
        shift: later.reduce((sum, s) => sum + s.value, 0),
        moved: later.flatMap((s) => s.sources.map((src) => `${src.node?.nodeName ?? '?'} ${src.previousRect.y}→${src.currentRect.y} px`)),
      });
    }))));
    await page.close();
    const what1 = 'in the first frame after they are defined, all six are on screen (non-zero height)';
    const skeletons = first?.counters.filter((c) => c.skeleton).length;
    if (first && first.counters.length === 6 && first.counters.every((c) => c.height > 0) && skeletons === 3) {
      pass(`${what1}: 3 figures and 3 skeletons, ${[...new Set(first.counters.map((c) => c.height.toFixed(0)))].join(' and ')} px tall`);
    } else fail(what1, first ? `${JSON.stringify(first.counters)} (the three from data should be skeletons: the reader is held back)` : 'the first frame was not measured');
    // Each counter's own height too: in a row, the counters with figures hold the row's height, so a
    // skeleton shorter than its figure would move nothing below the row.
    const what2 = 'once all six are ready, each keeps its height, the paragraph after them has not moved and no layout shift was recorded since that frame';
    const resized = first ? last.heights.map((h, i) => h !== first.counters[i]?.height && `counter ${i + 1}: ${first.counters[i]?.height} → ${h} px`).filter(Boolean) : [];
    if (!ready) fail(what2, 'not all six counters became ready');
    else if (first && !resized.length && last.after === first.after && last.shift === 0) pass(`${what2} (top ${last.after.toFixed(0)} px, shift 0)`);
    else fail(what2, `${resized.join(', ') || 'heights kept'}; the paragraph's top went from ${first?.after} to ${last.after} px; layout shift ${last.shift.toFixed(4)} (${last.moved.join(', ') || 'none'})`);
  }
} catch (error) {
  fail('host pages', error.stack ?? error.message);
} finally {
  await browser.close();
  await server.close();
  rmSync(pagesDir, { recursive: true, force: true });
}

console.log(`host pages: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
