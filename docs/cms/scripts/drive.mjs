// node scripts/drive.mjs CASE... ; CASE = user:snippet[:ui]  (e.g. admin:a editor1:b:ui)
// snippet a|b|c → snippets/a-src.html, b-inline-json.html, c-attr-fallback.html
// Writes evidence/<user>-<snippet>[-ui][-TAG]/ and shots/<same>.png ; prints a one-line summary each.
import { readFileSync } from 'node:fs';
import * as wp from './wp-lib.mjs';

const SNIPPETS = { a: 'a-src.html', b: 'b-inline-json.html', c: 'c-attr-fallback.html', d: 'd-tags-only.html' };
const tag = process.env.HWP_TAG ? `-${process.env.HWP_TAG}` : '';

const browser = await wp.launch();
const sessions = {};
try {
  for (const spec of process.argv.slice(2)) {
    const [user, sn, mode] = spec.split(':');
    const name = `${user}-${sn}${mode ? '-' + mode : ''}${tag}`;
    const snippet = readFileSync(new URL(`../snippets/${SNIPPETS[sn]}`, import.meta.url), 'utf8').trimEnd();
    sessions[user] ??= await wp.login(browser, user);
    const { page } = sessions[user];
    await wp.openEditor(page);
    const title = `${name} (${SNIPPETS[sn]})`;
    const saved = mode === 'ui' ? await wp.pasteViaUi(page, { title, snippet })
      : await wp.pasteViaApi(page, { title, snippet });
    const afterSave = await wp.editorState(page);
    await wp.openEditor(page, saved.postId);            // re-open: does the block editor complain?
    const reopened = await wp.editorState(page);
    const db = wp.dbContent(saved.postId);
    const html = wp.curl(saved.link);
    const render = await wp.renderCheck(browser, saved.link, name);
    const d = wp.diff(snippet, wp.innerOfHtmlBlocks(db));
    wp.save(name, {
      'pasted.html': snippet + '\n', 'db-post_content.html': db + '\n', 'diff.txt': d,
      'published-full.html': html, 'published-content.html': wp.contentPart(html),
      'save.json': saved, 'editor-after-save.json': afterSave, 'editor-reopened.json': reopened, 'render.json': render,
    });
    console.log(JSON.stringify({ name, postId: saved.postId, ok: saved.ok, link: saved.link,
      dbIdentical: d === '(identical)', rendered: render.rendered,
      widgets: render.widgets.map((w) => `${w.tag}:${w.shadow ? 'shadow' : 'noshadow'}${w.error ? ':ERR ' + w.error : ''}`),
      reopenWarnings: reopened.warnings, invalidBlocks: reopened.blocks.filter((b) => !b.isValid).length }));
  }
} finally {
  await browser.close();
}
