// Minifying the widgets' css`…` stylesheets (scripts/minify-css-literals.ts) changes nothing the
// browser computes. The library is built once more with the stylesheets as written
// (IOM_CSS_MINIFY=0); test/host/widgets.html is opened with each build (dist/, minified, and that
// one), in English and in Arabic (right to left), with reduced motion, and for every element of the
// page and of every shadow root in it (with its ::before and ::after) every computed style and its
// layout box must be the same.
// Custom properties (--_*) are left out: they are untyped token lists that the browser keeps as
// written (esbuild's `max(2px,.15em)` for `max(2px, 0.15em)`); what they do is compared all the
// same, through every property that reads them.
//   node --test test/built/css.test.mjs      (after npm run build:lib)
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, chromium, needBuilt, openPage, serveStatic } from '../../scripts/pages.mjs';

let browser, raw, servers;
before(async () => {
  needBuilt('dist/iom-widgets.js');
  raw = mkdtempSync(join(tmpdir(), 'iom-test-css-'));
  process.env.IOM_CSS_MINIFY = '0';
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: raw, emptyOutDir: true } });
  delete process.env.IOM_CSS_MINIFY;
  servers = { minified: await serveStatic({ '/': ROOT }), written: await serveStatic({ '/': ROOT, '/dist/': raw }) };
  browser = await chromium();
});
after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers ?? {}).map((s) => s.close()));
  rmSync(raw, { recursive: true, force: true });
});

/** In the page: every element of the document and of each shadow root, in tree order: its path, box and computed styles. */
function snapshot() {
  const styleOf = (el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    return [...cs].filter((name) => !name.startsWith('--')).map((name) => `${name}:${cs.getPropertyValue(name)}`);
  };
  const rows = [];
  const walk = (root, prefix) => {
    [...root.querySelectorAll('*')].forEach((el, i) => {
      const key = `${prefix}/${i}:${el.localName}`;
      const r = el.getBoundingClientRect();
      const styles = { '': styleOf(el, null) };
      for (const pseudo of prefix ? ['::before', '::after'] : []) if (!['none', 'normal'].includes(getComputedStyle(el, pseudo).content)) styles[pseudo] = styleOf(el, pseudo);
      rows.push({ key, box: [r.x + scrollX, r.y + scrollY, r.width, r.height].map((n) => Math.round(n * 1000) / 1000).join(' '), styles, shadow: !!el.shadowRoot });
      if (el.shadowRoot) walk(el.shadowRoot, key);
    });
  };
  walk(document, '');
  return rows;
}

for (const [lang, query] of [['English', ''], ['Arabic, right to left', '?ar']]) {
  it(`${lang}: the minified stylesheets give every element the same computed styles and layout box as the stylesheets as written`, async () => {
    const [written, minified] = await Promise.all(['written', 'minified'].map(async (build) => {
      const page = await openPage(browser, `${servers[build].base}/test/host/widgets.html${query}`, { width: 1280, height: 900, settle: 10 });
      const rows = await page.evaluate(snapshot);
      await page.close();
      return rows;
    }));
    assert.ok(written.filter((r) => r.shadow).length >= 10, 'the page has its widgets\' shadow roots');
    assert.deepEqual(minified.map((r) => r.key), written.map((r) => r.key), 'the same elements');
    const problems = [];
    written.forEach((a, i) => {
      const b = minified[i];
      if (a.box !== b.box) problems.push(`${a.key}: box ${a.box} as written, ${b.box} minified`);
      for (const pseudo of new Set([...Object.keys(a.styles), ...Object.keys(b.styles)])) {
        const [la, lb] = [a.styles[pseudo] ?? [], b.styles[pseudo] ?? []];
        const only = la.filter((d) => !lb.includes(d));
        if (only.length || la.length !== lb.length) problems.push(`${a.key}${pseudo}: as written ${only.slice(0, 3).join('; ')} — minified ${only.slice(0, 3).map((d) => lb.find((e) => e.startsWith(d.slice(0, d.indexOf(':') + 1))) ?? '(none)').join('; ')}`);
      }
    });
    assert.deepEqual(problems.slice(0, 12), []);
  });
}
