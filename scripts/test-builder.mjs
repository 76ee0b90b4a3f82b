// The embed builder (builder.html of the built demo, dist-demo/) in headless Chromium: for each of
// the four widgets it drives the builder as an editor would (widget, data entry, an attribute, a
// theme token), takes the HTML it hands out, pastes it into a blank page served with the built
// dist/ and data/, and checks that the pasted widget renders the same as the builder's preview
// (the text of its shadow DOM, and its pixels), in both snippet forms (src and inline JSON). Also:
// the fallback content is what a page without JavaScript shows, the page address restores the
// configuration, pasted CSV works, the contrast warning appears, and axe finds nothing on the
// builder (English; Arabic with a dark preview). Part of `npm test`, after `npm run build`.
//
//   node scripts/test-builder.mjs          (--keep writes the screenshots to .builder-test/)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, findBrowser } from './browser.mjs';
import { checks, serveStatic } from './static-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DEMO = join(ROOT, 'dist-demo');
const DIST = join(ROOT, 'dist');
const keep = process.argv.includes('--keep');
const TIMEOUT = 20_000;

for (const [file, hint] of [
  [join(DEMO, 'builder.html'), 'npm run build:demo'],
  [join(DIST, 'iom-widgets.bundle.js'), 'npm run build:lib'],
]) {
  if (!existsSync(file)) {
    console.error(`${file} not found: run ${hint} (or npm run build) first.`);
    process.exit(1);
  }
}

const blank = mkdtempSync(join(tmpdir(), 'iom-builder-'));
const shots = join(ROOT, '.builder-test');
if (keep) mkdirSync(shots, { recursive: true });
// As on a site that self-hosts the files (docs/pasting.md "Get the files"): the script at /iom-widgets/,
// the data at /data/, which are the builder's default addresses.
const server = await serveStatic({ '/': DEMO, '/iom-widgets/': DIST, '/blank/': blank });
const executablePath = findBrowser();
if (!executablePath) {
  console.error('No Chrome or Chromium found: install Chromium or set CHROME_PATH.');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--headless=new', ...CHROMIUM_ARGS, '--lang=en-US', '--hide-scrollbars'] });
const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const { pass, fail, totals } = checks();
const check = (ok, what, why) => (ok ? pass(what) : fail(what, why));

// ---- in the page -----------------------------------------------------------------------------------

/** The text a widget renders: its shadow DOM, the shadow roots inside it included, whitespace folded. */
const SHADOW_TEXT = `(el) => {
  const text = (node) => {
    let out = '';
    for (const n of node.childNodes) {
      if (n.nodeType === 3) out += n.data;
      else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') out += (n.shadowRoot ? text(n.shadowRoot) : '') + text(n);
    }
    return out;
  };
  return el.shadowRoot ? text(el.shadowRoot).replace(/\\s+/g, ' ').trim() : '';
}`;

/**
 * Waits for a widget and the widgets inside it to have rendered their data or error. (Not
 * `loadComplete`, which never settles for inline data read after the first update.)
 */
const SETTLED = `async (el) => {
  const settle = async (w) => {
    await customElements.whenDefined(w.localName);
    await w.loadComplete;
  };
  await settle(el);
  await Promise.all([...(el.shadowRoot?.querySelectorAll('stat-counter') ?? [])].map(settle));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return el.status;
}`;

async function newPage(problems) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  // No count-up: the figures are final at once, in the preview and in the pasted page alike.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warn') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** Waits until the builder shows a ready preview and the snippets carry its fallback content. */
async function builderSettled(page) {
  await page.waitForFunction(
    () => {
      const code = document.querySelector('#code-inline')?.textContent ?? '';
      return /slot="fallback"/.test(code) && /ready|prête|prêt|lista|جاهزة/.test(document.querySelector('.preview-step .status')?.textContent ?? '');
    },
    { timeout: TIMEOUT, polling: 100 },
  );
  const widget = await page.$('#preview-host > *');
  await page.evaluate(new Function(`return ${SETTLED}`)(), widget);
}

async function builderOutput(page) {
  return page.evaluate((shadowText) => {
    const el = document.querySelector('#preview-host > *');
    const rect = el.getBoundingClientRect();
    return {
      tag: el.localName,
      src: document.querySelector('#code-src')?.textContent,
      inline: document.querySelector('#code-inline')?.textContent,
      preview: new Function(`return ${shadowText}`)()(el),
      width: rect.width,
      lang: document.querySelector('.preview-frame').lang,
      dir: document.querySelector('.preview-frame').dir,
      url: location.href,
    };
  }, SHADOW_TEXT);
}

function pngDiff(a, b) {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  // A box at a different sub-pixel offset covers one more row or column of pixels: compare the
  // rows and columns both have; a difference of more than one pixel is a different size.
  if (Math.abs(x.width - y.width) > 1 || Math.abs(x.height - y.height) > 1) return { sameSize: false, size: `${x.width}×${x.height} vs ${y.width}×${y.height}` };
  const width = Math.min(x.width, y.width);
  const height = Math.min(x.height, y.height);
  // A pixel differs when no pixel of the other image within one pixel of it has its colour: the two
  // widgets may sit at different sub-pixel offsets in their pages, which moves text by a pixel.
  const near = (i, j) => {
    const k = (j * x.width + i) * 4;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const ii = i + dx;
        const jj = j + dy;
        if (ii < 0 || jj < 0 || ii >= y.width || jj >= y.height) continue;
        const m = (jj * y.width + ii) * 4;
        if (Math.abs(x.data[k] - y.data[m]) + Math.abs(x.data[k + 1] - y.data[m + 1]) + Math.abs(x.data[k + 2] - y.data[m + 2]) <= 48) return true;
      }
    }
    return false;
  };
  let differ = 0;
  for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) if (!near(i, j)) differ++;
  return { sameSize: true, share: differ / (width * height) };
}

/**
 * Pastes `snippet` into a blank page (in the preview's language and direction, as wide as the
 * preview's widget) and compares the widget there with the preview.
 */
async function pasteAndCompare(label, snippet, out, previewShot) {
  const problems = [];
  const name = `${label.replace(/[^a-z0-9]+/gi, '-')}.html`;
  writeFileSync(join(blank, name), `<!doctype html>\n<html lang="${out.lang}" dir="${out.dir}">\n<head><meta charset="utf-8"><title>Blank page</title></head>\n<body>\n${snippet}\n</body>\n</html>\n`);
  const page = await newPage(problems);
  try {
    // The body's default 8 px margins on either side: the widget gets the preview's width.
    await page.setViewport({ width: Math.round(out.width) + 16, height: 900 });
    await page.goto(`${server.base}/blank/${name}`, { waitUntil: 'load', timeout: TIMEOUT });
    const widget = await page.waitForSelector(out.tag, { timeout: TIMEOUT });
    const status = await page.evaluate(new Function(`return ${SETTLED}`)(), widget);
    const text = await page.evaluate(new Function(`return ${SHADOW_TEXT}`)(), widget);
    check(status === 'ready' && problems.length === 0, `${label}: the pasted snippet renders <${out.tag}> (ready, no console error)`, `status ${status}; ${problems.join('; ')}`);
    check(text === out.preview && text.length > 0, `${label}: it shows the same text as the preview`, `pasted:  ${text.slice(0, 300)}\n      preview: ${out.preview.slice(0, 300)}`);
    if (previewShot) {
      const shot = await widget.screenshot();
      if (keep) writeFileSync(join(shots, `${label.replace(/[^a-z0-9]+/gi, '-')}-pasted.png`), shot);
      const diff = pngDiff(previewShot, shot);
      check(diff.sameSize && diff.share < 0.005, `${label}: its pixels match the preview's`, diff.sameSize ? `${(diff.share * 100).toFixed(2)} % of pixels differ` : `sizes differ: ${diff.size}`);
    }
  } finally {
    await page.close();
  }
  return name;
}

/** The same page with JavaScript off: the fallback content is what it shows. */
async function checkFallback(label, name, snippet) {
  const fallback = /<div slot="fallback">([\s\S]*?)<\/div>\n?\s*<\/[a-z]+-[a-z-]+>\s*$/.exec(snippet)?.[1] ?? '';
  const words = fallback
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(`${server.base}/blank/${name}`, { waitUntil: 'load', timeout: TIMEOUT });
    const shown = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
    check(words.length > 10 && shown.includes(words.slice(0, 60)), `${label}: without JavaScript the page shows the fallback content`, `fallback: "${words.slice(0, 80)}"; page: "${shown.slice(0, 200)}"`);
  } finally {
    await page.close();
  }
}

// ---- the four widgets --------------------------------------------------------------------------------

/** Each case: how an editor sets it up in the builder. */
const CASES = [
  {
    tag: 'stat-counter',
    async drive(page) {
      // Pick another figure in the tree, and a theme colour.
      await page.click('input[name=widget][value="stat-counter"]');
      await builderSettled(page);
      const countries = await page.waitForSelector('xpath///button[contains(@class,"pick")][.//span[normalize-space()="countries"]]', { timeout: TIMEOUT });
      await countries.click();
      await page.waitForFunction(() => document.querySelector('#pointer').value === '/highlights/countries', { timeout: TIMEOUT });
      await page.type('#token--iom-color-primary', '#8a3b12');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => document.querySelector('#code-src')?.textContent.includes('--iom-color-primary: #8a3b12'), { timeout: TIMEOUT });
    },
  },
  {
    tag: 'objective-card',
    async drive(page) {
      await page.click('input[name=widget][value="objective-card"]');
      await builderSettled(page);
      await page.select('#attr-variant', 'plain');
      await page.type('#attr-heading-level', '2');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => /heading-level="2"/.test(document.querySelector('#code-src')?.textContent ?? '') && /variant="plain"/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
    },
  },
  {
    tag: 'emergency-list',
    async drive(page) {
      await page.click('input[name=widget][value="emergency-list"]');
      await builderSettled(page);
      await page.select('#data-file', 'iom-at-a-glance-2017.json');
      await page.waitForFunction(() => document.querySelector('#pointer')?.value === '/crisisResponses', { timeout: TIMEOUT });
      await page.select('#attr-layout', 'grid');
      await page.click('#attr-searchable');
      await page.waitForFunction(() => /layout="grid" searchable>/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
    },
  },
  {
    tag: 'donor-ranking',
    async drive(page) {
      // The Arabic preview, right to left; a limit.
      await page.click('input[name=widget][value="donor-ranking"]');
      await builderSettled(page);
      await page.type('#attr-limit', '5');
      await page.keyboard.press('Tab');
      await page.select('#preview-lang', 'ar');
      await page.waitForFunction(() => document.querySelector('.preview-frame').dir === 'rtl' && /limit="5"/.test(document.querySelector('#code-src')?.textContent ?? ''), { timeout: TIMEOUT });
    },
  },
];

try {
  for (const c of CASES) {
    console.log(`<${c.tag}>`);
    const problems = [];
    const page = await newPage(problems);
    try {
      await page.goto(`${server.base}/builder.html`, { waitUntil: 'load', timeout: TIMEOUT });
      // The builder appears once the data reader, with the widgets' data shapes, has loaded (demo/builder/main.ts).
      await page.waitForSelector('input[name=widget]', { timeout: TIMEOUT });
      await c.drive(page);
      await builderSettled(page);
      const out = await builderOutput(page);
      check(out.tag === c.tag && out.src && out.inline, `builder: <${c.tag}> has its src and inline-JSON snippets`, JSON.stringify(out).slice(0, 300));
      check(problems.length === 0, `builder: no console error or warning`, problems.join('; '));
      const previewShot = await (await page.$('#preview-host > *')).screenshot();
      if (keep) writeFileSync(join(shots, `${c.tag}-preview.png`), previewShot);

      // The address holds the configuration: opening it again gives the same HTML.
      const again = await newPage(problems);
      await again.goto(out.url, { waitUntil: 'load', timeout: TIMEOUT });
      await builderSettled(again);
      const restored = await builderOutput(again);
      await again.close();
      check(restored.src === out.src && restored.inline === out.inline, `builder: its address (${new URL(out.url).search.length} characters) restores the same HTML`, `restored:\n${restored.src}\n      was:\n${out.src}`);

      const srcPage = await pasteAndCompare(`${c.tag} src form`, out.src, out, previewShot);
      await pasteAndCompare(`${c.tag} inline-JSON form`, out.inline, out, previewShot);
      await checkFallback(`${c.tag} src form`, srcPage, out.src);
    } catch (error) {
      fail(`<${c.tag}>: the builder could be driven`, error.message.split('\n')[0]);
    } finally {
      await page.close();
    }
  }

  console.log('pasted CSV, contrast, accessibility');
  {
    const problems = [];
    const page = await newPage(problems);
    try {
      // An HXL table pasted as text: the inline form carries it as JSON rows, which the widget reads.
      await page.goto(`${server.base}/builder.html?widget=donor-ranking`, { waitUntil: 'load', timeout: TIMEOUT });
      await builderSettled(page);
      await page.click('input[name=source][value="paste"]');
      const csv = readFileSync(join(ROOT, 'data/hxl/top-donors-2023.hxl.csv'), 'utf8');
      await page.$eval('#data-paste', (el, text) => {
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, csv);
      await page.click('#data-paste + button');
      await builderSettled(page);
      const out = await builderOutput(page);
      check(!out.src && /"#org\+name\+funder"/.test(out.inline ?? ''), 'pasted CSV: only the inline form, with the HXL rows as JSON', (out.inline ?? '').slice(0, 200));
      await pasteAndCompare('donor-ranking pasted CSV', out.inline, out);

      // A pale muted text colour: the contrast warning names the pair.
      await page.type('#token--iom-color-text-muted', '#bbbbbb');
      await page.keyboard.press('Tab');
      const warning = await page.waitForSelector('.contrast .warning', { timeout: TIMEOUT }).then(
        () => page.$eval('.contrast', (el) => el.textContent.replace(/\s+/g, ' ').trim()),
        () => '',
      );
      check(/--iom-color-text-muted/.test(warning) && /AA/.test(warning), 'theme: a contrast below WCAG AA is warned about', `contrast box: "${warning}"`);

      const axe = async (label) => {
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () =>
          (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')})`),
        );
        check(violations.length === 0, `axe finds nothing on the builder (${label})`, violations.join('\n      '));
      };
      await page.goto(`${server.base}/builder.html?widget=emergency-list`, { waitUntil: 'load', timeout: TIMEOUT });
      await builderSettled(page);
      await axe('English, emergency-list');
      await page.select('#builder-lang', 'ar');
      await page.click('input[name=scheme][value="dark"]');
      await page.click('input[name=widget][value="objective-card"]');
      await builderSettled(page);
      const arabic = await page.evaluate(() => ({ dir: document.documentElement.dir, title: document.querySelector('h1').textContent }));
      check(arabic.dir === 'rtl' && /[\u0600-\u06FF]/.test(arabic.title), 'the builder in Arabic is right to left, in Arabic', JSON.stringify(arabic));
      await axe('Arabic, dark preview, objective-card');
      check(problems.length === 0, 'no console error or warning', problems.join('; '));
    } catch (error) {
      fail('pasted CSV, contrast and axe checks could run', error.message.split('\n')[0]);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(blank, { recursive: true, force: true });
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
