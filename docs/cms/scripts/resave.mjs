// Re-open and re-save tests.
//  R1: editor1 re-opens a post the administrator published (snippet a), adds a paragraph, Updates.
//  R2: the administrator publishes snippet c in a post whose author is author1; author1 then
//      re-opens it, adds a paragraph, Updates.
// node scripts/resave.mjs ADMIN_POST_ID   (ADMIN_POST_ID: the admin-a post from drive.mjs)
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as wp from './wp-lib.mjs';

const adminPost = Number(process.argv[2]);
const snippetC = readFileSync(new URL('../snippets/c-attr-fallback.html', import.meta.url), 'utf8').trimEnd();
const authorId = Number(execFileSync('mysql', ['-N', '-B', 'wp_iom', '-e',
  "SELECT ID FROM wp_users WHERE user_login='author1'"], { encoding: 'utf8' }).trim());

const browser = await wp.launch();
try {
  // R1
  if (!process.argv.includes('--only-R2')) {
    const before = wp.dbContent(adminPost);
    const { page } = await wp.login(browser, 'editor1');
    await wp.openEditor(page, adminPost);
    const opened = await wp.editorState(page);
    const saved = await wp.resaveWithEdit(page, 'Edited later by editor1.');
    const after = wp.dbContent(adminPost);
    const render = await wp.renderCheck(browser, saved.link, 'resave-R1-editor1-updates-admin-post');
    wp.save('resave-R1-editor1-updates-admin-post', {
      'db-before.html': before + '\n', 'db-after.html': after + '\n', 'diff.txt': wp.diff(before, after, ['post_content before', 'post_content after']),
      'editor-opened.json': opened, 'save.json': saved, 'render.json': render });
    console.log(JSON.stringify({ case: 'R1', post: adminPost, ok: saved.ok, rendered: render.rendered,
      htmlBlockUnchanged: wp.innerOfHtmlBlocks(before) === wp.innerOfHtmlBlocks(after) }));
  }
  // R2
  {
    const a = await wp.login(browser, 'admin');
    await wp.openEditor(a.page);
    const saved1 = await wp.pasteViaApi(a.page, { title: 'resave-R2 admin pastes c into author1 post', snippet: snippetC, author: authorId });
    const before = wp.dbContent(saved1.postId);
    const render1 = await wp.renderCheck(browser, saved1.link, 'resave-R2-before-author-edit');
    // the administrator leaves: close the session and clear the post lock (it lasts 150 s otherwise)
    await a.ctx.close();
    execFileSync('mysql', ['wp_iom', '-e', `DELETE FROM wp_postmeta WHERE post_id=${saved1.postId} AND meta_key='_edit_lock'`]);
    const u = await wp.login(browser, 'author1');
    await wp.openEditor(u.page, saved1.postId);
    const opened = await wp.editorState(u.page);
    await u.page.screenshot({ path: `${wp.SHOTS}/resave-R2-author1-editor-open.png` });
    const saved2 = await wp.resaveWithEdit(u.page, 'Typo fixed by author1.');
    const after = wp.dbContent(saved1.postId);
    const afterSaveState = await wp.editorState(u.page);
    await u.page.screenshot({ path: `${wp.SHOTS}/resave-R2-author1-editor-after-update.png` });
    await wp.openEditor(u.page, saved1.postId);
    const reopened = await wp.editorState(u.page);
    const render2 = await wp.renderCheck(browser, saved1.link, 'resave-R2-after-author-edit');
    const revisions = execFileSync('mysql', ['-N', '-B', 'wp_iom', '-e',
      `SELECT ID, post_author, post_name, LENGTH(post_content), LOCATE('<stat-counter', post_content) > 0 AS has_tag FROM wp_posts WHERE post_parent=${saved1.postId} AND post_type='revision' ORDER BY ID`],
    { encoding: 'utf8' });
    wp.save('resave-R2-author1-updates-admin-pasted-post', {
      'db-before.html': before + '\n', 'db-after.html': after + '\n', 'diff.txt': wp.diff(before, after, ['post_content before', 'post_content after']),
      'editor-opened.json': opened, 'editor-after-update.json': afterSaveState, 'editor-reopened.json': reopened,
      'save-admin.json': saved1, 'save-author.json': saved2, 'render-before.json': render1, 'render-after.json': render2,
      'revisions.tsv': 'ID\tpost_author\tpost_name\tlength\thas_stat_counter\n' + revisions });
    console.log(JSON.stringify({ case: 'R2', post: saved1.postId, renderedBefore: render1.rendered, authorSave: saved2.ok,
      notices: saved2.notices, renderedAfter: render2.rendered, reopenWarnings: reopened.warnings, revisions }));
  }
} finally {
  await browser.close();
}
