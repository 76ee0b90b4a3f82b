// The widgets on real host pages, in headless Chromium (after npm run build: reads dist/):
// - under a strict Content-Security-Policy (default-src 'self'; script-src 'self'; style-src 'self'),
//   all four widgets, chart included, cause no violation;
// - under Bootstrap 5 and a hostile global theme sheet (test/host/hostile.css), every widget keeps
//   its clean-page size within 5 %;
// - tabbing through every control of every widget, in light, dark and forced colours, each shows a
//   focus indicator at least 2 CSS px thick whose pixels change with at least 3:1 contrast (a long
//   list among them, whose items far off screen skip layout until they come near).
//
//   node scripts/test-host-pages.mjs            (--keep writes screenshots to .capture/)
//
// Outcomes only: no frame counts, no durations.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
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
// The same files under /csp/ come with the policy.
const server = await serveStatic({ '/': ROOT, '/csp/': ROOT }, (pathname) => (pathname.startsWith('/csp/') ? { 'content-security-policy': CSP } : {}));
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
      // The page may still move after the Tab scrolled: a long list's items far off screen are laid
      // out (content-visibility: auto) in the frame after they come near it. Wait until the
      // control's box holds still over two frames.
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
      const bar = document.querySelector('#table donor-ranking, #chart donor-ranking');
      const chartRows = document.querySelector('#chart donor-ranking').shadowRoot.querySelector('[part="chart"]').style.getPropertyValue('--_rows');
      const columns = document.querySelector('#card objective-card').shadowRoot.querySelector('[part="figures"]').style.getPropertyValue('--_columns');
      return { bar: !!bar, chartRows, columns };
    });
    const what2 = 'sizes set through the CSSOM apply under the policy (chart rows, card columns)';
    if (sized.chartRows && sized.columns) pass(`${what2}: --_rows ${sized.chartRows}, --_columns ${sized.columns}`);
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
} catch (error) {
  fail('host pages', error.stack ?? error.message);
} finally {
  await browser.close();
  await server.close();
}

console.log(`host pages: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
