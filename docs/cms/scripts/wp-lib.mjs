// Helpers to drive the WordPress block editor (Gutenberg) with puppeteer-core and record
// what survives: DB post_content, published HTML, rendering in Chromium, editor warnings.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.WP_BASE ?? 'http://127.0.0.1:8080';
export const OUT = process.env.HWP_OUT ?? '/work/hwp/evidence';
export const SHOTS = process.env.HWP_SHOTS ?? '/work/hwp/shots';
export const USERS = {
  admin: 'hwp-admin-pw',
  editor1: 'hwp-editor1-pw',
  author1: 'hwp-author1-pw',
};
const TAGS = ['stat-counter', 'emergency-list', 'donor-ranking', 'objective-card'];

export async function launch() {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu'],
    defaultViewport: { width: 1100, height: 900 },
  });
}

export async function login(browser, user) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.goto(`${BASE}/wp-login.php`, { waitUntil: 'load' });
  // wp-login.php focuses and selects #user_login 200 ms after load: wait, or typing races with it
  await new Promise((r) => setTimeout(r, 400));
  await page.type('#user_login', user);
  await page.type('#user_pass', USERS[user]);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#wp-submit')]);
  if (!page.url().includes('/wp-admin')) throw new Error(`login failed for ${user}: ${page.url()}`);
  return { ctx, page, user };
}

// Open the block editor (new post or existing) and wait until it is ready.
export async function openEditor(page, postId) {
  const url = postId ? `${BASE}/wp-admin/post.php?post=${postId}&action=edit` : `${BASE}/wp-admin/post-new.php`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.()
    && document.querySelector('.block-editor-block-list__layout'), { timeout: 90000 });
  await page.evaluate(() => {
    try { wp.data.dispatch('core/preferences').set('core/edit-post', 'welcomeGuide', false); } catch {}
  });
  await new Promise((r) => setTimeout(r, 800));
}

export async function editorState(page) {
  return page.evaluate(() => {
    const blocks = wp.data.select('core/block-editor').getBlocks();
    const warnings = [...document.querySelectorAll('.block-editor-warning, .block-editor-warning__message')]
      .map((e) => e.textContent.trim());
    const notices = wp.data.select('core/notices').getNotices().map((n) => `${n.status}: ${n.content}`);
    return {
      postId: wp.data.select('core/editor').getCurrentPostId(),
      status: wp.data.select('core/editor').getEditedPostAttribute('status'),
      blocks: blocks.map((b) => ({ name: b.name, isValid: b.isValid,
        validationIssues: (b.validationIssues ?? []).map((i) => String(i.args?.[0] ?? i)),
        content: b.attributes.content ?? null, originalContent: b.originalContent ?? null })),
      warnings: [...new Set(warnings)],
      notices,
    };
  });
}

// Insert a Custom HTML block with `snippet` the way the inserter does, set the title, publish.
export async function pasteViaApi(page, { title, snippet, author }) {
  await page.evaluate((title, snippet, author) => {
    const block = wp.blocks.createBlock('core/html', { content: snippet });
    wp.data.dispatch('core/block-editor').insertBlocks(block);
    const edits = { title };
    if (author) edits.author = author;
    wp.data.dispatch('core/editor').editPost(edits);
  }, title, snippet, author ?? null);
  return publish(page);
}

// Same through the UI: inserter → "Custom HTML" → type into the block's textarea → Publish.
export async function pasteViaUi(page, { title, snippet }) {
  await page.evaluate((title) => wp.data.dispatch('core/editor').editPost({ title }), title);
  await page.click('button.edit-post-header-toolbar__inserter-toggle');
  await page.waitForSelector('.block-editor-inserter__search input');
  await page.type('.block-editor-inserter__search input', 'Custom HTML');
  await page.waitForSelector('button.editor-block-list-item-html');
  await page.click('button.editor-block-list-item-html');
  await page.waitForSelector('.wp-block-html textarea');
  await page.click('.wp-block-html textarea');
  // real key presses, character by character (Enter for each newline)
  await page.keyboard.type(snippet);
  await new Promise((r) => setTimeout(r, 500));
  // close the inserter if it is still open, then Publish → Publish
  const toggle = await page.$('.editor-post-publish-panel__toggle');
  await toggle.click();
  await page.waitForSelector('.editor-post-publish-panel .editor-post-publish-button');
  await page.click('.editor-post-publish-panel .editor-post-publish-button');
  await page.waitForFunction(() => !wp.data.select('core/editor').isSavingPost()
    && wp.data.select('core/editor').getEditedPostAttribute('status') === 'publish'
    && !wp.data.select('core/editor').isEditedPostDirty(), { timeout: 60000 });
  return saveResult(page);
}

export async function publish(page, status = 'publish') {
  await page.evaluate(async (status) => {
    wp.data.dispatch('core/editor').editPost({ status });
    await wp.data.dispatch('core/editor').savePost();
  }, status);
  await page.waitForFunction(() => !wp.data.select('core/editor').isSavingPost(), { timeout: 60000 });
  return saveResult(page);
}

async function saveResult(page) {
  return page.evaluate(() => ({
    postId: wp.data.select('core/editor').getCurrentPostId(),
    ok: wp.data.select('core/editor').didPostSaveRequestSucceed(),
    link: wp.data.select('core/editor').getCurrentPost().link,
    notices: wp.data.select('core/notices').getNotices().map((n) => `${n.status}: ${n.content}`),
  }));
}

// An ordinary later edit: add a paragraph at the end, then Update.
export async function resaveWithEdit(page, text) {
  await page.evaluate((text) => {
    wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('core/paragraph', { content: text }));
  }, text);
  return publish(page);
}

export function dbContent(postId) {
  return execFileSync('mysql', ['-N', '-B', '--raw', 'wp_iom', '-e',
    `SELECT post_content FROM wp_posts WHERE ID=${Number(postId)}`], { encoding: 'utf8' }).replace(/\n$/, '');
}

export function curl(url) {
  return execFileSync('curl', ['-s', url], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

export function contentPart(html) {
  // the post's content: from the theme's entry-content div to the end of <main>
  const m = /<div class="[^"]*\bentry-content\b[^"]*"/.exec(html);
  const start = m ? m.index : 0;
  const end = html.indexOf('</main>', start);
  return html.slice(start, end < 0 ? undefined : end) + '\n';
}

// Open the published page logged out, reduced motion (final figures), check each widget.
export async function renderCheck(browser, url, shotName) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  const consoleLines = [];
  page.on('console', (m) => { if (m.type() !== 'log') consoleLines.push(`${m.type()}: ${m.text()}`); });
  page.on('requestfailed', (r) => consoleLines.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) consoleLines.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
  await new Promise((r) => setTimeout(r, 1500));
  const widgets = await page.evaluate((TAGS) => [...document.querySelectorAll(TAGS.join(','))].map((el) => ({
    tag: el.localName,
    attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
    defined: !!customElements.get(el.localName),
    shadow: !!el.shadowRoot,
    busy: el.getAttribute('aria-busy'),
    shadowText: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160),
    error: el.shadowRoot?.querySelector('[part~="error"]')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    lightText: el.textContent.replace(/\s+/g, ' ').trim().slice(0, 160),
  })), TAGS);
  const scripts = await page.evaluate(() => [...document.querySelectorAll('script')]
    .filter((s) => /iom-widgets|application\/json/.test(s.outerHTML))
    .map((s) => s.outerHTML.slice(0, 200)));
  const visibleText = await page.evaluate(() =>
    (document.querySelector('.wp-block-post-content')?.innerText ?? '').trim().slice(0, 600));
  const el = await page.$('.wp-block-post-content');
  const path = join(SHOTS, `${shotName}.png`);
  // the post's content area; when it is empty (0 px high) the whole page instead
  try { await el.screenshot({ path }); } catch { await page.screenshot({ path, fullPage: true }); }
  await ctx.close();
  return { url, widgets, rendered: widgets.length > 0 && widgets.every((w) => w.shadow && !w.error && w.busy !== 'true'),
    scripts, visibleText, console: consoleLines, screenshot: path };
}

export function diff(a, b, [la, lb] = ['pasted', 'saved (post_content inside the wp:html block)']) {
  mkdirSync('/tmp/hwp-diff', { recursive: true });
  writeFileSync('/tmp/hwp-diff/pasted', a.endsWith('\n') ? a : a + '\n');
  writeFileSync('/tmp/hwp-diff/saved', b.endsWith('\n') ? b : b + '\n');
  try {
    execFileSync('diff', ['-u', '--label', la, '--label', lb,
      '/tmp/hwp-diff/pasted', '/tmp/hwp-diff/saved'], { encoding: 'utf8' });
    return '(identical)';
  } catch (e) { return e.stdout; }
}

// post_content of a Custom HTML block is "<!-- wp:html -->\n…\n<!-- /wp:html -->"
export function innerOfHtmlBlocks(content) {
  return [...content.matchAll(/<!-- wp:html -->\n?([\s\S]*?)\n?<!-- \/wp:html -->/g)].map((m) => m[1]).join('\n');
}

export function save(name, files) {
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
  return dir;
}
