// The one harness of the Node checks that open pages (test/built/, test/prerender/) and of the
// benchmarks: a static server, headless Chromium, a page opened and waited for until its widgets
// have settled, their text, axe, and pixels.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip, constants as zlib } from 'node:zlib';
import { PNG } from 'pngjs';
import { launchChromium } from './browser.mjs';
import { TAGS } from './tags.mjs';

export const ROOT = resolve(import.meta.dirname, '..');

/** Throws, naming the command to run, when a file that a build writes is missing. */
export function needBuilt(...files) {
  const missing = files.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first.`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Serves folders under URL prefixes (`{ '/demo/': dir }`, longest prefix first) on 127.0.0.1 with a
 * free port. `headers(pathname)` may add response headers (a CSP); `gzip` compresses text (level 9)
 * for a client that accepts it, as a production server would. `/__hang` never answers (a widget
 * that stays loading). Resolves to `{ base, close }`.
 */
export async function serveStatic(mounts, { headers = () => ({}), gzip = false } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    if (pathname === '/__hang') return;
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    const dir = mounts[prefix];
    let file = prefix && normalize(join(dir, pathname.slice(prefix.length)));
    if (!file || (file !== dir && !file.startsWith(dir + sep))) return res.writeHead(404).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compress = gzip && /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), ...headers(pathname) });
    const stream = createReadStream(file);
    (compress ? stream.pipe(createGzip({ level: zlib.Z_BEST_COMPRESSION })) : stream).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => (server.closeAllConnections(), new Promise((ok) => server.close(ok))),
  };
}

/** Headless Chromium (scripts/browser.mjs's flags), in English, without scrollbars. */
export const chromium = (...args) => launchChromium(['--lang=en-US', ...args]);

/**
 * In every page the harness opens, `__iom`: the widgets of the page, those in other widgets' shadow
 * roots too (objective-card's counters); a widget's text (its shadow DOM, nested ones included,
 * without styles, whitespace folded); and whether every widget has settled, charts drawn.
 */
function install(tags) {
  const widgets = (root = document) => {
    const found = [];
    for (const el of root.querySelectorAll('*')) {
      if (tags.includes(el.localName)) found.push(el);
      if (el.shadowRoot) found.push(...widgets(el.shadowRoot));
    }
    return found;
  };
  const text = (node) => {
    let out = '';
    for (const n of node.childNodes) {
      if (n.nodeType === 3) out += n.data;
      else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') out += (n.shadowRoot ? text(n.shadowRoot) : '') + text(n);
    }
    return out;
  };
  window.__iom = {
    widgets,
    text: (el) => (el?.shadowRoot ? text(el.shadowRoot).replace(/\s+/g, ' ').trim() : ''),
    /** Every widget (at least `min`) in one of `states`, every chart drawn, the fonts in. */
    settled: (min = 1, states = ['ready']) => {
      const all = widgets();
      const charts = all.map((el) => el.shadowRoot?.querySelector('[part~="chart"]')).filter(Boolean);
      return all.length >= min && all.every((el) => states.includes(el.status)) && charts.every((c) => c.dataset.state === 'ready') && document.fonts.status === 'loaded';
    },
  };
}

/** Gives `page`, and every document it loads (frames too), the harness's `__iom` (see `install`). */
export const installHelpers = (page) => page.evaluateOnNewDocument(install, TAGS);

/** Resolves after two animation frames in the page: what was just laid out is painted. */
export const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

/**
 * A new page (a window of its own: a background tab gets no animation frames) at `width`×`height`,
 * with reduced motion unless `motion`, `__iom` installed, and its console errors, warnings and page
 * errors collected in `page.problems`. With `url`, runs `before(page)`, opens it and, unless `settle`
 * is false, waits until at least `settle` widgets (default 1) are ready.
 */
export async function openPage(browser, url, { width = 1280, height = 900, motion = false, settle = 1, timeout = 30_000, before } = {}) {
  const page = await browser.newPage({ type: 'window' });
  page.problems = [];
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && page.problems.push(`console.${m.type()}: ${m.text()}${m.location()?.url && m.text().startsWith('Failed to load') ? `: ${m.location().url}` : ''}`));
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  if (!motion) await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await installHelpers(page);
  await before?.(page);
  if (!url) return page;
  await page.goto(url, { waitUntil: 'load', timeout });
  if (settle) await settled(page, settle, { timeout });
  return page;
}

/** Waits until at least `min` widgets are ready (`states`), then two frames; on a timeout, says which were not. */
export async function settled(page, min = 1, { states = ['ready'], timeout = 30_000 } = {}) {
  try {
    await page.waitForFunction((n, s) => window.__iom.settled(n, s), { timeout, polling: 50 }, min, states);
  } catch {
    const seen = await page.evaluate(() => window.__iom.widgets().map((el) => `<${el.localName}> ${customElements.get(el.localName) ? el.status : 'not registered'}`));
    throw new Error(`widgets did not settle within ${timeout / 1000} s: ${seen.join(', ') || 'none on the page'}`);
  }
  await frames(page);
}

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** axe's violations in what `selector` matches (the document by default), one line each. */
export async function axe(page, selector, rules = {}) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (selector, rules) => {
    const context = selector ? { include: [...document.querySelectorAll(selector)] } : document;
    if (selector && !context.include.length) return [`nothing to check: no ${selector} in the page`];
    const { violations } = await window.axe.run(context, { resultTypes: ['violations'], rules });
    return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}`);
  }, selector, rules);
  return violations;
}

/** A PNG (a buffer, or a page's or element's screenshot) as pixels. */
export const png = async (shot) => PNG.sync.read(Buffer.from(await shot));

/** The RGB of pixel (x, y). */
export const rgb = (img, x, y) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];

/**
 * The pixels that differ between two images of one size: how many, where, and the box around
 * them. With `near`, a pixel of `a` is the same when a pixel of `b` within one pixel of it has
 * nearly its colour (two renderings at different sub-pixel offsets).
 */
export function diffPixels(a, b, { near = false } = {}) {
  if (!near && (a.width !== b.width || a.height !== b.height)) return { count: Infinity, points: [], box: `sizes ${a.width}×${a.height} and ${b.width}×${b.height}` };
  if (near && (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1)) return { count: Infinity, points: [], box: `sizes ${a.width}×${a.height} and ${b.width}×${b.height}` };
  const same = (x, y) => {
    const p = rgb(a, x, y);
    const r = near ? 1 : 0;
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (x + dx < 0 || y + dy < 0 || x + dx >= b.width || y + dy >= b.height) continue;
        const q = rgb(b, x + dx, y + dy);
        if (near ? Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) <= 48 : p.every((v, i) => v === q[i])) return true;
      }
    }
    return false;
  };
  const points = [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < Math.min(a.height, b.height); y++) {
    for (let x = 0; x < Math.min(a.width, b.width); x++) {
      if (same(x, y)) continue;
      points.push([x, y]);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  const box = points.length ? `x ${x0}–${x1}, y ${y0}–${y1}` : '';
  return { count: points.length, points, box, share: points.length / (Math.min(a.width, b.width) * Math.min(a.height, b.height)) };
}
