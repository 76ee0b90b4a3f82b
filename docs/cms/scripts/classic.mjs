// Classic editor, "Text" tab (needs wp-site/classic-editor-switch.php in mu-plugins).
// node scripts/classic.mjs user:snippet[:visual] ...   → evidence/classic-<user>-<snippet>/
import { readFileSync } from 'node:fs';
import * as wp from './wp-lib.mjs';
const SNIPPETS = { a: 'a-src.html', b: 'b-inline-json.html', c: 'c-attr-fallback.html', d: 'd-tags-only.html' };
const browser = await wp.launch();
try {
  for (const spec of process.argv.slice(2)) {
    const [user, sn, mode] = spec.split(':');
    const name = `classic-${user}-${sn}${mode ? '-' + mode : ''}`;
    const snippet = readFileSync(new URL(`../snippets/${SNIPPETS[sn]}`, import.meta.url), 'utf8').trimEnd();
    const { page, ctx } = await wp.login(browser, user);
    await page.goto(`${wp.BASE}/wp-admin/post-new.php`, { waitUntil: 'load' });
    await page.waitForSelector('#content-html');
    await page.click('#content-html');                       // the "Text" tab
    await page.type('#title', name);
    await page.click('#content');
    await page.keyboard.type(snippet);
    // mode "visual": round trip through the "Visual" tab and back, as an editor might
    if (mode === 'visual') {
      await page.click('#content-tmce');
      await new Promise((r) => setTimeout(r, 1000));
      await page.click('#content-html');
      await new Promise((r) => setTimeout(r, 500));
    }
    const afterVisual = await page.$eval('#content', (t) => t.value);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#publish')]);
    await page.waitForSelector('#message.updated, #message.notice-success', { timeout: 30000 }); // "Post published."
    const noticeText = await page.$eval('#message', (m) => m.textContent.trim());
    const postId = new URL(page.url()).searchParams.get('post');
    const link = `${wp.BASE}/?p=${postId}`;
    const db = wp.dbContent(postId).replace(/\r\n/g, '\n'); // the textarea posts CRLF line ends
    const _html = wp.curl(`${wp.BASE}/?p=${postId}`) || '';
    const render = await wp.renderCheck(browser, link, name);
    wp.save(name, { 'pasted.html': snippet + '\n', 'text-tab-before-publish.html': afterVisual + '\n',
      'diff-text-tab.txt': wp.diff(snippet, afterVisual, ['pasted', 'Text tab just before Publish']),
      'db-post_content.html': db + '\n', 'diff.txt': wp.diff(snippet, db, ['pasted', 'post_content']), 'render.json': render });
    console.log(JSON.stringify({ name, postId, noticeText, roundtripIdentical: afterVisual === snippet, dbIdentical: db === snippet,
      rendered: render.rendered, widgets: render.widgets.map((w) => w.tag + (w.shadow ? ':shadow' : '')) }));
    await ctx.close();
  }
} finally { await browser.close(); }
