// The WordPress plugin (dist/wordpress/iom-widgets.zip, `npm run build:wordpress`) on a real
// WordPress: Debian's 6.1 with MariaDB, Apache and PHP 8.2 on 127.0.0.1 (scripts/wordpress-site.mjs,
// which installs the Debian packages when they are missing, as root). In headless Chromium:
//
//   1. the Administrator uploads the zip on Plugins → Add New → Upload Plugin and activates it;
//      `php -l` on every PHP file it installed; the shortcode's markup and WordPress's HTML filter
//      (kses) with the plugin, from PHP;
//   2. the Administrator, an Editor, an Author and a Contributor each write a post in the block
//      editor: the four blocks, from the block inserter, each given its data in the block's sidebar
//      (a file of the plugin's data folder, or one the role uploads to the Media Library), an entry
//      of the file (and not another widget's) and an option, and a Shortcode block with each
//      widget's [iom_widget …]; the live widget in the editor; Publish (a Contributor's Submit for
//      Review, then an Editor's Publish); the saved HTML (tags, attributes, fallback); the post
//      re-opened with every block valid; the published page, logged out: every widget rendered
//      with its figures, no console error, the loader loaded once as a module; and with
//      JavaScript off, each widget's fallback text, where the widget was;
//   3. a block in the site editor, whose canvas is a frame; an Author's shortcode in the classic
//      editor renders without <p> or <br> inside it;
//   4. a page without a widget loads no script; a tag pasted in a Custom HTML block and saved
//      through the HTML filter renders, and the loader fetches that element's file only; a post
//      under a classic theme; the settings page's script address and data folder are used; no
//      PHP notice;
//   5. Delete on the Plugins screen removes the plugin's folder and option and nothing else.
//
// Each check prints one line as it passes; the first failure stops the run with the role, the
// block and the step. Everything is removed at the end (--keep leaves the site running and prints
// its address, for a look by hand; stop it with Ctrl+C).
//
//   node scripts/test-wordpress.mjs [--keep] [--roles=Author] [--shots=DIR]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBrowser } from './browser.mjs';
import { ROOT, chromium, installHelpers } from './pages.mjs';
import { TAGS } from './tags.mjs';
import { USERS, ensurePackages, startSite } from './wordpress-site.mjs';

const ZIP = join(ROOT, 'dist/wordpress/iom-widgets.zip');
const keep = process.argv.includes('--keep');
/** --roles=Author,Editor: only these roles' block editor runs (while working on the test). */
const ROLES = process.argv.find((a) => a.startsWith('--roles='))?.slice(8).split(',') ?? ['Administrator', 'Editor', 'Author', 'Contributor'];
/** --shots=DIR: screenshots of each role's editor and published page, for a look. */
const SHOTS = process.argv.find((a) => a.startsWith('--shots='))?.slice(8);
const shot = async (page, name) => SHOTS && page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const STEP_TIMEOUT = 30_000;
const report = JSON.parse(readFileSync(join(ROOT, 'data/annual-report-2023.json'), 'utf8'));

if (!existsSync(ZIP)) {
  console.error(`${ZIP} not found: run \`npm run build:wordpress\` first.`);
  process.exit(1);
}

// ---- what each role places ---------------------------------------------------------------------------
// Real figures of IOM's Annual Report 2023 (data/annual-report-2023.json and its HXL export of the top
// donors), as the plugin ships them or as a role uploads them.
const CSV = join(ROOT, 'data/hxl/top-donors-2023.hxl.csv');
const JSON_FILE = join(ROOT, 'data/annual-report-2023.json');
/** The blocks of a role's post: data (a file of the data folder, or one uploaded), the entry (and one of another widget's, not offered), one option, what the page must show. */
const blocksFor = (role) => [
  { tag: 'stat-counter', data: { file: 'annual-report-2023.json' }, entry: '/highlights/peopleReached', notOffered: '/emergencies', option: { select: 'format', value: 'standard' }, shows: ['31,000,000', report.highlights.peopleReached.label] },
  {
    tag: 'objective-card',
    data: role === 'Author' ? { upload: JSON_FILE } : { file: 'annual-report-2023.json' },
    entry: '/objectives/0',
    notOffered: '/highlights/peopleReached',
    option: { text: 'heading-level', value: '2' },
    shows: [report.objectives[0].title, '31.6 million'],
  },
  { tag: 'emergency-list', data: { file: 'annual-report-2023.json' }, entry: '/emergencies', notOffered: '/funding/topDonors', option: { toggle: 'searchable' }, shows: report.emergencies.emergencies.slice(0, 3).map((e) => e.name) },
  // A Contributor may not upload (WordPress's rule): the same CSV from the data folder.
  { tag: 'donor-ranking', data: role === 'Contributor' ? { file: 'hxl/top-donors-2023.hxl.csv' } : { upload: CSV }, entry: '', option: { text: 'limit', value: '5' }, shows: ['United States of America', 'European Commission'] },
];
/** Each widget by shortcode, in a Shortcode block: its attributes, the fallback text its writer gives it, what the page must show. */
const SHORTCODES = [
  { tag: 'stat-counter', attributes: 'src="annual-report-2023.json#/highlights/countries"', text: "168 countries where IOM's response to emergencies reached people (IOM Annual Report 2023).", shows: ['168'] },
  { tag: 'objective-card', attributes: 'src="annual-report-2023.json#/objectives/1" heading-level="3"', text: `Objective 2: ${report.objectives[1].title} (IOM Annual Report 2023).`, shows: [report.objectives[1].title] },
  {
    tag: 'emergency-list',
    attributes: 'src="annual-report-2023.json#/emergencies" limit="3"',
    text: `Ongoing emergencies in 2023: ${report.emergencies.emergencies.slice(0, 3).map((e) => e.name).join(', ')} (IOM Annual Report 2023).`,
    shows: report.emergencies.emergencies.slice(0, 3).map((e) => e.name),
  },
  {
    tag: 'donor-ranking',
    attributes: 'src="annual-report-2023.json#/funding/topDonors" limit="3" switchable',
    text: `Top donors in 2023: ${report.funding.topDonors.donors.slice(0, 3).map((d) => d.name).join(', ')} (IOM Annual Report 2023).`,
    shows: report.funding.topDonors.donors.slice(0, 3).map((d) => d.name),
  },
];
for (const s of SHORTCODES) s.code = `[iom_widget type="${s.tag}" ${s.attributes}]${s.text}[/iom_widget]`;
/** WordPress curls quotes in what it prints (wptexturize). */
const straight = (text) => text.replace(/[‘’]/g, "'");

// ---- steps ---------------------------------------------------------------------------------------------
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
let passed = 0;
/** Runs one step within 30 s: prints "✓ where · what", or throws "where · what: why". */
async function step(where, what, run, ms = STEP_TIMEOUT) {
  const t = performance.now();
  let timer;
  try {
    const value = await Promise.race([run(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${ms / 1000} s`)), ms)))]);
    passed++;
    console.log(`  ✓ ${where} · ${what} (${seconds(performance.now() - t)})`);
    return value;
  } catch (error) {
    throw Object.assign(new Error(`${where} · ${what}: ${error.message}`), { page: error.page });
  } finally {
    clearTimeout(timer);
  }
}
const expect = (ok, message) => {
  if (!ok) throw new Error(message);
};
const section = (title) => console.log(`\n${title}`);

// ---- in the browser ------------------------------------------------------------------------------------
/** Marks the form control labelled `label` inside `scope` with data-iom-test=`mark`; rejects when there is none. */
async function markControl(page, scope, label, mark) {
  const found = await page.evaluate(
    (scope, label, mark) => {
      const root = document.querySelector(scope);
      const labelEl = root && [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === label);
      const control = labelEl && (labelEl.htmlFor ? document.getElementById(labelEl.htmlFor) : labelEl.querySelector('input, select, textarea'));
      if (!control) return false;
      document.querySelectorAll(`[data-iom-test="${mark}"]`).forEach((e) => e.removeAttribute('data-iom-test'));
      control.setAttribute('data-iom-test', mark);
      return true;
    },
    scope,
    label,
    mark,
  );
  if (!found) throw new Error(`no control labelled "${label}" in ${scope}`);
  return `[data-iom-test="${mark}"]`;
}

const SIDEBAR = '.interface-complementary-area';

// What WordPress itself asks of the internet, which this machine does not reach (avatars and images
// from gravatar.com and s.w.org, the block directory's search on wordpress.org, answered 500 when
// WP_HTTP_BLOCK_EXTERNAL stops it), and the favicon the site has none of: not the plugin's doing.
const OFFLINE = [/https:\/\/[^/\s]*(gravatar\.com|\.w\.org|wordpress\.org)\//, /\/wp-json\/wp\/v2\/block-directory\//, /\/favicon\.ico\b/];
const notOffline = (line) => !OFFLINE.some((pattern) => pattern.test(line));

async function login(browser, role) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // window.__iom.text(el): a widget's text as seen, its nested shadow roots included (scripts/pages.mjs).
  await installHelpers(page);
  await page.setViewport({ width: 1280, height: 1000 });
  const errors = [];
  // WordPress's own editor asks for things a role may not have (an Editor gets 403 for the theme's
  // templates and the site's settings): only what concerns the plugin counts, and any uncaught error.
  const note = (line) => notOffline(line) && /iom|block validation/i.test(line) && errors.push(line);
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && note(`console error: ${message.text()} (${message.location()?.url ?? ''})`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && note(`HTTP ${r.status()}: ${r.url()}`));
  const { login, password } = USERS[role];
  await page.goto(`${site.base}/wp-login.php`, { waitUntil: 'domcontentloaded' });
  await page.$eval('#user_login', (el, v) => (el.value = v), login);
  await page.$eval('#user_pass', (el, v) => (el.value = v), password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('#wp-submit')]);
  expect(page.url().includes('/wp-admin'), `login as ${login} ended on ${page.url()}`);
  return { context, page, errors };
}

/** Opens the block editor on a new post (or `postId`) and waits until it has started. */
async function openEditor(page, postId) {
  await page.goto(postId ? `${site.base}/wp-admin/post.php?post=${postId}&action=edit` : `${site.base}/wp-admin/post-new.php`, { waitUntil: 'domcontentloaded' });
  await editorStarted(page);
}

/** Waits until the block editor on this page has started, and shows the block settings. */
async function editorStarted(page) {
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.() && document.querySelector('.block-editor-block-list__layout'), { timeout: 25_000 });
  // The first visit's welcome guide covers the editor.
  await page.evaluate(() => {
    wp.data.dispatch('core/preferences').set('core/edit-post', 'welcomeGuide', false);
    if (!wp.data.select('core/edit-post').isEditorSidebarOpened()) wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
  });
  await page.waitForSelector(SIDEBAR, { visible: true });
}

/** The inserter: search `search`, click the block `name`; resolves to the new block's clientId. */
async function insertBlock(page, search, name) {
  const before = await page.evaluate(() => wp.data.select('core/block-editor').getBlockOrder().length);
  if (!(await page.$('.block-editor-inserter__search input'))) await page.click('button.edit-post-header-toolbar__inserter-toggle');
  const input = await page.waitForSelector('.block-editor-inserter__search input', { visible: true });
  await input.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  await input.type(search);
  const item = `button.editor-block-list-item-${name.replace(/^core\//, '').replace('/', '-')}`;
  await (await page.waitForSelector(item, { visible: true })).click();
  await page.waitForFunction((n) => wp.data.select('core/block-editor').getBlockOrder().length > n, {}, before);
  // Close the inserter if it stayed open, and open the settings (the gear) if the inserter closed them.
  if (await page.$('.edit-post-editor__inserter-panel')) await page.click('button.edit-post-header-toolbar__inserter-toggle');
  const settings = await page.waitForSelector('.edit-post-header__settings button[aria-label="Settings"]');
  if ((await settings.evaluate((b) => b.getAttribute('aria-expanded'))) !== 'true') await settings.click();
  await page.waitForSelector(SIDEBAR, { visible: true });
  const clientId = await page.evaluate(() => wp.data.select('core/block-editor').getSelectedBlockClientId());
  expect(clientId, `the ${name} block is not selected after insertion`);
  return clientId;
}

/** Uploads `file` in the Media Library window our block opens, and selects it. */
async function uploadInMediaLibrary(page, file) {
  await (await page.waitForSelector(`${SIDEBAR} .iom-widgets-data-picker button.is-secondary:not([type="submit"])`, { visible: true })).click();
  // Each block's button has its own window; the ones opened before stay in the page, hidden.
  await page.waitForFunction(() => {
    const open = [...document.querySelectorAll('.media-modal')].find((m) => m.getClientRects().length > 0);
    document.querySelectorAll('[data-iom-test="modal"]').forEach((m) => m.removeAttribute('data-iom-test'));
    open?.setAttribute('data-iom-test', 'modal');
    return open;
  });
  const modal = '[data-iom-test="modal"]';
  await page.click(`${modal} #menu-item-upload`);
  const input = await page.waitForSelector(`${modal} input[type="file"]`);
  await input.uploadFile(file);
  // The new file is selected when its upload ends; an upload error shows in the window instead.
  await page.waitForFunction(
    (modal) => document.querySelector(`${modal} .upload-error, ${modal} .upload-error-message`) ||
      (document.querySelector(`${modal} .attachment.selected:not(.uploading)`) && document.querySelector(`${modal} .media-button-select:not([disabled])`)),
    { timeout: 20_000 },
    modal,
  );
  const error = await page.$eval(modal, (m) => m.querySelector('.upload-error, .upload-error-message')?.textContent.trim() ?? '');
  expect(!error, `the Media Library refused the file: ${error}`);
  await page.click(`${modal} .media-button-select`);
  await page.waitForSelector(modal, { hidden: true });
}

/** Waits until the block's live widget shows its data and the block holds its fallback content. */
async function waitForPreview(page, clientId, tag) {
  await page.waitForFunction(
    (clientId, tag) => {
      const el = document.querySelector(`[data-block="${clientId}"] ${tag}`);
      const attributes = wp.data.select('core/block-editor').getBlockAttributes(clientId);
      return el?.status === 'ready' && attributes?.fallback && !wp.data.select('core/editor').isPostSavingLocked();
    },
    { timeout: 25_000 },
    clientId,
    tag,
  );
  return page.evaluate((clientId) => wp.data.select('core/block-editor').getBlockAttributes(clientId), clientId);
}

/** Publish (or Submit for Review) through the publish panel; resolves to the saved post's id and address. */
async function publish(page, label = 'Publish') {
  await page.waitForFunction(() => !wp.data.select('core/editor').isPostSavingLocked() && wp.data.select('core/editor').isEditedPostSaveable());
  await page.click('button.editor-post-publish-panel__toggle');
  const button = await page.waitForSelector('.editor-post-publish-panel button.editor-post-publish-button', { visible: true });
  const text = await button.evaluate((b) => b.textContent.trim());
  expect(text === label, `the publish panel's button says "${text}", not "${label}"`);
  // The panel slides in: a click at the button's place during the slide misses it.
  await page.waitForFunction((b) => b.getAnimations({ subtree: false }).length === 0 && b.closest('.editor-post-publish-panel').getAnimations({ subtree: true }).every((a) => a.playState !== 'running'), {}, button);
  await button.click();
  await page.waitForFunction(() => {
    const editor = wp.data.select('core/editor');
    return !editor.isSavingPost() && !editor.isEditedPostDirty() && ['publish', 'pending'].includes(editor.getCurrentPost().status);
  });
  return page.evaluate(() => ({ id: wp.data.select('core/editor').getCurrentPostId(), link: wp.data.select('core/editor').getCurrentPost().link }));
}

/** The published page, logged out, with or without JavaScript. */
async function openPublished(link, { javaScript = true } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // window.__iom.text(el): a widget's text as seen, its nested shadow roots included (scripts/pages.mjs).
  await installHelpers(page);
  await page.setViewport({ width: 1280, height: 1000 });
  await page.setJavaScriptEnabled(javaScript);
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  const problems = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const note = (line) => notOffline(line) && problems.push(line);
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && note(`console ${m.type()}: ${m.text()} (${m.location()?.url ?? ''})`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && note(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(link, { waitUntil: 'networkidle0' });
  return { page, problems, requests, close: () => context.close() };
}

/** Every widget on a published page, once settled: tag, status, the text it shows, its fallback's text. */
async function widgetsOn(page) {
  return page.evaluate(
    async (tags) => {
      const found = [...document.querySelectorAll(tags.join(','))];
      for (const el of found) {
        await customElements.whenDefined(el.localName);
        await el.loadComplete;
        for (const inner of el.shadowRoot.querySelectorAll(tags.join(','))) await inner.loadComplete;
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return found.map((el) => ({
        tag: el.localName,
        status: el.status,
        error: el.shadowRoot.querySelector('[part~="error"]')?.textContent.replace(/\s+/g, ' ').trim(),
        text: window.__iom.text(el),
        fallback: el.querySelector(':scope > [slot="fallback"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        parent: el.parentElement.localName,
        box: [el.getBoundingClientRect().left, el.getBoundingClientRect().width].map(Math.round),
      }));
    },
    TAGS,
  );
}

/** What a reader without JavaScript sees of each widget: the text shown inside each tag. */
async function fallbacksOn(page) {
  return page.evaluate(
    (tags) =>
      [...document.querySelectorAll(tags.join(','))].map((el) => ({
        tag: el.localName,
        text: el.innerText.replace(/\s+/g, ' ').trim(),
        box: [el.getBoundingClientRect().left, el.getBoundingClientRect().width].map(Math.round),
      })),
    TAGS,
  );
}

/** The numbers of a text (31,000,000; 31.6; 2023), to compare the fallback's figures with the widget's. */
const numbersIn = (text) => text.match(/\d[\d,.]*\d|\d/g) ?? [];

// ---- the run -------------------------------------------------------------------------------------------
let site;
let browser;
// Interrupted: still stop the servers and remove the site.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    if (keep) return;
    await browser?.close();
    await site?.stop();
    process.exit(130);
  });
}
const failureShot = join(tmpdir(), 'iom-wordpress-failure.png');
let currentPage;
const installed = [];
try {
  section('The site');
  // Setting up the machine, not a check: apt-get takes what it takes (minutes, the first time).
  installed.push(...ensurePackages((line) => console.log(`    ${line}`)));
  // Not raced against a step's timeout, which would leave the servers it started running: each of
  // its waits gives up after 30 s, and it stops what it started when it fails.
  const siteStarted = performance.now();
  site = await startSite({ log: (line) => console.log(`    ${line}`) });
  passed++;
  console.log(`  ✓ machine · WordPress on 127.0.0.1 with MariaDB and Apache (own folders, own ports) (${seconds(performance.now() - siteStarted)})`);
  console.log(`    WordPress ${site.version} at ${site.base}/`);
  expect(ensureBrowser(), 'no Chrome or Chromium: run `node scripts/browser.mjs`');
  browser = await chromium();

  // ---- 1. install ----------------------------------------------------------------------------------------
  section('Installing the plugin');
  const admin = await login(browser, 'Administrator');
  currentPage = admin.page;
  await step('Administrator', 'Plugins → Add New → Upload Plugin: the zip installs', async () => {
    await admin.page.goto(`${site.base}/wp-admin/plugin-install.php?tab=upload`, { waitUntil: 'domcontentloaded' });
    await (await admin.page.$('#pluginzip')).uploadFile(ZIP);
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.page.click('#install-plugin-submit')]);
    const text = await admin.page.$eval('.wrap', (w) => w.innerText);
    expect(/Plugin installed successfully/.test(text), `the upload page says: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  });
  await step('Administrator', 'Activate Plugin', async () => {
    const activate = await admin.page.waitForSelector('.wrap a.button-primary[href*="action=activate"]');
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), activate.click()]);
    const row = await admin.page.$eval('tr[data-slug="iom-widgets"]', (tr) => ({ active: tr.classList.contains('active'), text: tr.innerText }));
    expect(row.active, `the plugin is not active: ${row.text}`);
    expect(/Settings/.test(row.text), 'no Settings link beside Deactivate');
  });
  const pluginDir = join(site.contentDir, 'plugins/iom-widgets');
  await step('plugin', '`php -l` on every PHP file it installed', async () => {
    const files = readdirSync(pluginDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.php'));
    expect(files.length >= 8, `only ${files.length} PHP files in ${pluginDir}`);
    for (const file of files) execFileSync('php', ['-l', join(pluginDir, file)], { stdio: 'pipe' });
    console.log(`    ${files.length} files: ${files.sort().join(', ')}`);
  });

  await step('plugin', 'the shortcode writes the documented attributes only, booleans bare, a file name from the data folder', async () => {
    const folder = `${site.base}/wp-content/plugins/iom-widgets/data/`;
    const cases = [
      [
        `[iom_widget type="donor-ranking" src="annual-report-2023.json#/funding/topDonors" switchable group-by-type="false" limit="5" data='{"value": 1}' onclick="alert(1)" highlight="Switzerland"]`,
        `<donor-ranking src="${folder}annual-report-2023.json#/funding/topDonors" switchable limit="5" highlight="Switzerland"></donor-ranking>`,
      ],
      [
        `[iom_widget type="stat-counter" value="31000000" format="compact" prefix="Over" label="people's lives <b>"]`,
        `<stat-counter value="31000000" format="compact" prefix="Over" label="people&#039;s lives &lt;b&gt;"></stat-counter>`,
      ],
      [`[iom_widget type="objective-card" src="/data/x.json#/objectives/0"]Objective 1[/iom_widget]`, `<objective-card src="/data/x.json#/objectives/0"><div slot="fallback"><p>Objective 1</p></div></objective-card>`],
      ['[iom_widget type="pie-chart"]', ''],
    ];
    for (const [shortcode, expected] of cases) {
      const out = site.php(`echo do_shortcode(<<<'SC'\n${shortcode}\nSC\n);`).trim();
      expect(out === expected, `${shortcode}\n      gave     ${out}\n      expected ${expected}`);
    }
  });
  await step('plugin', 'WordPress’s HTML filter keeps the tags, their attributes and the fallback, not `data`, handlers or scripts', async () => {
    const html = `<stat-counter src="/d.json#/a" data='{"value": 1}' onclick="x()" label="L" class="c"><div slot="fallback"><p>Over <bdi>31 million</bdi> in <time datetime="2023">2023</time></p></div></stat-counter><script>alert(1)</script>`;
    const expected = `<stat-counter src="/d.json#/a" label="L" class="c"><div slot="fallback"><p>Over <bdi>31 million</bdi> in <time datetime="2023">2023</time></p></div></stat-counter>alert(1)`;
    const out = site.php(`echo wp_kses_post(<<<'HTML'\n${html}\nHTML\n);`).trim();
    expect(out === expected, `gave     ${out}\n      expected ${expected}`);
  });

  await step('plugin', 'uploads: .json and .csv allowed, also where PHP reads them as text/plain; nothing else added', async () => {
    // Debian 12's PHP reads JSON as application/json; older ones (libmagic before 5.35) as text/plain.
    const check = (name, real) =>
      `$r = apply_filters('wp_check_filetype_and_ext', array('ext' => false, 'type' => false, 'proper_filename' => false), '/tmp/x', '${name}', get_allowed_mime_types(), '${real}'); echo '${name} ${real}: ', $r['type'] ?: 'refused', "\\n";`;
    const out = site.php(
      `wp_set_current_user(get_user_by('login', '${USERS.Author.login}')->ID); $m = get_allowed_mime_types(); echo 'json ', $m['json'] ?? 'none', ', csv ', $m['csv'] ?? 'none', "\\n"; ` +
        check('data.json', 'text/plain') + check('data.csv', 'text/plain') + check('page.html', 'text/plain') + check('data.json', 'text/html'),
    );
    const expected = 'json application/json, csv text/csv\ndata.json text/plain: application/json\ndata.csv text/plain: text/csv\npage.html text/plain: refused\ndata.json text/html: refused\n';
    expect(out === expected, `gave\n${out}expected\n${expected}`);
  });

  // ---- 2. each role: the four blocks and a shortcode --------------------------------------------------------
  const posts = {};
  for (const role of ROLES) {
    section(`${role}: the four blocks and the four shortcodes, in the block editor`);
    const session = role === 'Administrator' ? admin : await login(browser, role);
    const { page } = session;
    currentPage = page;
    await step(role, 'opens a new post in the block editor', async () => {
      await openEditor(page);
      await page.click('.editor-post-title__input');
      await page.keyboard.type(`${role}'s widgets (test post)`);
    });
    const blocks = blocksFor(role);
    for (const block of blocks) {
      const name = `iom-widgets/${block.tag}`;
      const where = `${role} · ${block.tag}`;
      const clientId = await step(where, `inserted from the inserter ("IOM ${block.tag.replace('-', ' ')}")`, () => insertBlock(page, `IOM ${block.tag.replace('-', ' ')}`, name));
      const blockScope = `[data-block="${clientId}"]`;
      if (block.data.file) {
        await step(where, `data: ${block.data.file} from the data folder's list`, async () => {
          const select = await markControl(page, SIDEBAR, 'Data file', 'data-file');
          const value = await page.$eval(select, (s, file) => [...s.options].find((o) => o.textContent === file)?.value, block.data.file);
          expect(value, `"${block.data.file}" is not in the list of data files`);
          await page.select(select, value);
        });
      } else {
        await step(where, `data: ${block.data.upload.split('/').pop()} uploaded to the Media Library`, () => uploadInMediaLibrary(page, block.data.upload));
      }
      await step(where, `entry "${block.entry || '(the whole file)'}" chosen among the entries the widget takes`, async () => {
        await page.waitForFunction((scope) => [...document.querySelectorAll(`${scope} label`)].some((l) => l.textContent.trim() === 'Entry of the file') || document.querySelector(`${scope} .components-notice.is-error`), { timeout: 20_000 }, SIDEBAR);
        const problem = await page.$eval(SIDEBAR, (s) => s.querySelector('.components-notice.is-error')?.textContent.trim());
        expect(!problem, `the file could not be read: ${problem}`);
        const select = await markControl(page, SIDEBAR, 'Entry of the file', 'entry');
        const values = await page.$eval(select, (s) => [...s.options].map((o) => o.value));
        expect(values.includes(block.entry), `"${block.entry}" is not offered; the entries are ${values.join(', ')}`);
        expect(!block.notOffered || !values.includes(block.notOffered), `"${block.notOffered}", not data for <${block.tag}>, is offered`);
        await page.select(select, block.entry);
      });
      const option = block.option;
      await step(where, `option ${option.select ?? option.text ?? option.toggle} set in the sidebar`, async () => {
        const toggle = await page.evaluateHandle((sidebar) => [...document.querySelectorAll(`${sidebar} .components-panel__body-toggle`)].find((b) => b.textContent.trim() === 'Options'), SIDEBAR);
        if ((await toggle.evaluate((b) => b?.getAttribute('aria-expanded'))) === 'false') await toggle.click();
        const control = await markControl(page, SIDEBAR, option.select ?? option.text ?? option.toggle, 'option');
        if (option.select) await page.select(control, option.value);
        if (option.text) {
          await page.click(control, { clickCount: 3 });
          await page.type(control, option.value);
          await page.keyboard.press('Tab');
        }
        if (option.toggle) await page.click(control);
      });
      const attributes = await step(where, 'the live widget renders in the editor and its fallback is made', async () => {
        const attributes = await waitForPreview(page, clientId, block.tag);
        const text = await page.$eval(`${blockScope} ${block.tag}`, (el) => window.__iom.text(el));
        for (const shown of block.shows) expect(text.includes(shown), `the editor's widget does not show "${shown}": ${text.slice(0, 200)}`);
        return attributes;
      });
      await shot(page, `${role}-editor-${block.tag}`);
      const expectedSrc = block.entry ? `#${block.entry}` : '';
      expect(attributes.src?.endsWith(expectedSrc) || !expectedSrc, `${where}: src is ${attributes.src}`);
      block.saved = attributes;
    }
    await step(`${role} · shortcode`, `a Shortcode block with [iom_widget …] for each widget (${SHORTCODES.map((s) => s.tag).join(', ')})`, async () => {
      await insertBlock(page, 'Shortcode', 'core/shortcode');
      const textarea = await page.waitForSelector('.wp-block-shortcode textarea, .blocks-shortcode__textarea', { visible: true });
      // As pasted: the text in one input event (typed key by key, it takes seconds).
      await textarea.click();
      await page.keyboard.sendCharacter(SHORTCODES.map((s) => s.code).join('\n\n'));
    });
    await shot(page, `${role}-editor`);
    // A Contributor submits the post for review; an Editor publishes it.
    const contributor = role === 'Contributor';
    const post = await step(role, contributor ? 'Submit for Review' : 'Publish → Publish', () => publish(page, contributor ? 'Submit for Review' : 'Publish'));
    posts[role] = post;
    console.log(`    post ${post.id}: ${post.link}`);

    const content = site.sql(`SELECT post_content FROM wp_posts WHERE ID=${post.id}`);
    await step(role, 'the saved post holds each widget tag with its src, option and fallback, and the shortcode', async () => {
      for (const block of blocks) {
        const comment = `<!-- wp:iom-widgets/${block.tag} -->`;
        const at = content.indexOf(comment);
        expect(at >= 0, `no ${comment} in the saved post`);
        const html = content.slice(at, content.indexOf(`<!-- /wp:iom-widgets/${block.tag} -->`, at));
        expect(new RegExp(`<${block.tag} src="[^"]+${block.entry.replace(/\//g, '\\/')}"`).test(html), `${block.tag}: no src ending in #${block.entry} in ${html.slice(0, 300)}`);
        const option = block.option.toggle ? ` ${block.option.toggle}[ >]` : ` ${block.option.select ?? block.option.text}="${block.option.value}"`;
        expect(new RegExp(option).test(html), `${block.tag}: the option ${option.trim()} was not saved: ${html.slice(0, 300)}`);
        expect(/<div slot="fallback">.*\d.*<\/div>/s.test(html), `${block.tag}: no fallback with figures in ${html.slice(0, 400)}`);
      }
      for (const s of SHORTCODES) expect(content.includes(s.code), `the ${s.tag} shortcode was not saved as typed`);
    });
    await step(role, 're-opened in the editor: every block valid, nothing changed', async () => {
      await openEditor(page, post.id);
      const state = await page.evaluate(() => ({
        blocks: wp.data.select('core/block-editor').getBlocks().map((b) => ({ name: b.name, valid: b.isValid, fallback: b.attributes.fallback ?? null, src: b.attributes.src ?? null })),
        dirty: wp.data.select('core/editor').isEditedPostDirty(),
      }));
      const invalid = state.blocks.filter((b) => !b.valid);
      expect(!invalid.length, `invalid blocks: ${invalid.map((b) => b.name).join(', ')}`);
      for (const block of blocks) {
        const found = state.blocks.find((b) => b.name === `iom-widgets/${block.tag}`);
        expect(found?.fallback === block.saved.fallback, `${block.tag}: its fallback read back differs from the saved one`);
      }
      // The widgets render again; their fallback must come out the same, so the post stays unchanged.
      for (const block of blocks) await page.waitForFunction((tag) => document.querySelector(`.block-editor-block-list__layout ${tag}`)?.status === 'ready', { timeout: 20_000 }, block.tag);
      await page.waitForFunction(() => !wp.data.select('core/editor').isPostSavingLocked());
      expect(!(await page.evaluate(() => wp.data.select('core/editor').isEditedPostDirty())), 'opening the post changed it (a fallback came out different)');
    });
    await step(role, 'no error of the plugin’s in the editor’s console, no uncaught error', async () => {
      expect(!session.errors.length, session.errors.join('\n'));
    });
    if (contributor) {
      const editor = await login(browser, 'Editor');
      currentPage = editor.page;
      await step('Editor', 'opens the Contributor’s post, pending review, takes it over, and publishes it unchanged', async () => {
        await openEditor(editor.page, post.id);
        // The Contributor's editor is still open: WordPress says so, and the Editor takes over.
        const takeOver = await editor.page.waitForSelector('.editor-post-locked-modal a[href*="get-post-lock"]', { visible: true });
        await Promise.all([editor.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), takeOver.click()]);
        await editorStarted(editor.page);
        for (const block of blocks) await editor.page.waitForFunction((tag) => document.querySelector(`.block-editor-block-list__layout ${tag}`)?.status === 'ready', { timeout: 20_000 }, block.tag);
        Object.assign(post, await publish(editor.page));
        const saved = site.sql(`SELECT post_content FROM wp_posts WHERE ID=${post.id}`);
        expect(saved === content, 'publishing changed the post');
        expect(!editor.errors.length, editor.errors.join('\n'));
      });
      await editor.context.close();
      currentPage = page;
    }

    section(`${role}: the published page`);
    const live = await openPublished(post.link);
    currentPage = live.page;
    const widgets = await step(role, 'every widget renders with its figures (JavaScript on, logged out)', async () => {
      const widgets = await widgetsOn(live.page);
      const expected = [...blocks.map((b) => b.tag), ...SHORTCODES.map((s) => s.tag)];
      expect(widgets.length === expected.length, `${widgets.length} widgets on the page (${widgets.map((w) => w.tag).join(', ')}), expected ${expected.length}`);
      for (const [i, w] of widgets.entries()) {
        expect(w.tag === expected[i], `widget ${i + 1} is <${w.tag}>, expected <${expected[i]}>`);
        expect(w.status === 'ready' && !w.error, `<${w.tag}> is ${w.status}: ${w.error ?? ''}`);
        const shows = i < blocks.length ? blocks[i].shows : SHORTCODES[i - blocks.length].shows;
        for (const s of shows) expect(w.text.includes(s), `<${w.tag}> does not show "${s}": ${w.text.slice(0, 200)}`);
        // A block's fallback, made from the widget, says the same figures as the widget.
        if (i < blocks.length) for (const n of numbersIn(w.fallback)) expect(w.text.includes(n), `<${w.tag}>'s fallback has ${n}, which the widget does not show: ${w.text.slice(0, 200)}`);
        expect(!['p', 'br'].includes(w.parent), `<${w.tag}> is inside a <${w.parent}>`);
      }
      return widgets;
    });
    await step(role, 'the script loaded once, as a module, and no console error or failed request', async () => {
      const scripts = await live.page.$$eval('script[src*="iom-widgets"]', (s) => s.map((e) => ({ type: e.type, src: e.src })));
      expect(scripts.length === 1 && /\/iom-widgets-[^/]+\/iom-widgets\.loader\.js$/.test(scripts[0].src), `scripts: ${JSON.stringify(scripts)}`);
      expect(scripts.length === 1 && scripts[0].type === 'module', `scripts: ${JSON.stringify(scripts)}`);
      expect(!live.problems.length, live.problems.join('\n'));
    });
    await shot(live.page, `${role}-published`);
    await step(role, 'the fallback is hidden while the widgets show', async () => {
      const visible = await live.page.$$eval('[slot="fallback"]', (els) => els.filter((e) => e.getClientRects().length > 0).length);
      expect(visible === 0, `${visible} fallback blocks visible beside their widgets`);
    });
    await live.close();
    const off = await openPublished(post.link, { javaScript: false });
    currentPage = off.page;
    await shot(off.page, `${role}-no-javascript`);
    await step(role, 'with JavaScript off, each widget’s fallback text shows its figures, in the widget’s column', async () => {
      const shown = await fallbacksOn(off.page);
      expect(shown.length === widgets.length, `${shown.length} widgets without JavaScript, ${widgets.length} with`);
      for (const [i, w] of shown.entries()) {
        expect(w.text.length > 0, `<${w.tag}> shows nothing without JavaScript`);
        expect(w.box.join() === widgets[i].box.join(), `<${w.tag}> without JavaScript spans ${w.box[1]} px from x ${w.box[0]}; the widget, ${widgets[i].box[1]} px from x ${widgets[i].box[0]}`);
        if (i >= blocks.length) {
          const { text } = SHORTCODES[i - blocks.length];
          expect(straight(w.text) === text, `<${w.tag}> (shortcode) without JavaScript shows "${w.text}", not its fallback "${text}"`);
          continue;
        }
        const expected = numbersIn(widgets[i].fallback);
        expect(expected.length > 0, `<${w.tag}>'s fallback has no figure`);
        for (const n of expected) expect(w.text.includes(n), `<${w.tag}> without JavaScript does not show ${n}: ${w.text.slice(0, 200)}`);
      }
    });
    await off.close();
    if (session !== admin) await session.context.close();
  }

  section('Administrator: a block in the site editor (a template, whose canvas is a frame of its own)');
  {
    const session = await login(browser, 'Administrator');
    const { page } = session;
    currentPage = page;
    const canvas = () => page.frames().find((f) => f.name() === 'editor-canvas');
    await step('Administrator · site editor', 'IOM stat counter inserted in the Home template from the inserter', async () => {
      await page.goto(`${site.base}/wp-admin/site-editor.php`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => document.querySelector('iframe[name="editor-canvas"]')?.contentDocument?.querySelector('.is-root-container') && window.wp?.blocks?.getBlockType('iom-widgets/stat-counter'), { timeout: 25_000 });
      await page.evaluate(() => wp.data.dispatch('core/preferences').set('core/edit-site', 'welcomeGuide', false));
      await page.click('button.edit-site-header-toolbar__inserter-toggle');
      const input = await page.waitForSelector('.block-editor-inserter__search input', { visible: true });
      await input.type('IOM stat counter');
      await (await page.waitForSelector('button.editor-block-list-item-iom-widgets-stat-counter', { visible: true })).click();
      await canvas().waitForSelector('.iom-widgets-data-picker select', { visible: true });
    });
    await step('Administrator · site editor', 'data from the list in the block; the widget renders in the frame, its fallback is made', async () => {
      const frame = canvas();
      const value = await frame.$eval('.iom-widgets-data-picker select', (s) => [...s.options].find((o) => o.textContent === 'annual-report-2023.json')?.value);
      await frame.select('.iom-widgets-data-picker select', value);
      await frame.waitForFunction(() => document.querySelector('stat-counter')?.status === 'ready', { timeout: 20_000 });
      const text = await frame.$eval('stat-counter', (el) => window.__iom.text(el));
      expect(text.includes(report.highlights.peopleReached.label), `the widget in the frame shows: ${text.slice(0, 200)}`);
      await page.waitForFunction(() => {
        const all = (blocks) => blocks.flatMap((b) => [b, ...all(b.innerBlocks)]);
        return all(wp.data.select('core/block-editor').getBlocks()).some((b) => b.name === 'iom-widgets/stat-counter' && /31 million/.test(b.attributes.fallback ?? ''));
      }, { timeout: 20_000 });
      expect(!session.errors.length, session.errors.join('\n'));
    });
    await session.context.close(); // the template is left unsaved
  }

  // ---- 3. the classic editor -----------------------------------------------------------
  section('Author: the shortcode in the classic editor');
  {
    // WordPress 6.1 still has the classic editor; this test-only must-use plugin shows it for ?iom-classic.
    writeFileSync(join(site.contentDir, 'mu-plugins/classic-on-request.php'), "<?php\nadd_filter('use_block_editor_for_post', function ($use) { return isset($_GET['iom-classic']) ? false : $use; });\n");
    const session = await login(browser, 'Author');
    const { page } = session;
    currentPage = page;
    const link = await step('Author · classic editor', 'Text tab: a shortcode with a line of fallback text, Publish', async () => {
      await page.goto(`${site.base}/wp-admin/post-new.php?iom-classic=1`, { waitUntil: 'domcontentloaded' });
      await page.type('#title', "Author's classic shortcode (test post)");
      await page.click('#content-html');
      await page.type('#content', `Before the widget.\n\n[iom_widget type="objective-card" src="annual-report-2023.json#/objectives/1"]\n${report.objectives[1].title}\n[/iom_widget]\n\nAfter the widget.`);
      // post.php saves the post, then sends the browser to post.php?post=ID&action=edit.
      const [saved] = await Promise.all([page.waitForResponse((r) => /post\.php\?post=\d+&action=edit/.test(r.url()), { timeout: 20_000 }), page.click('#publish')]);
      const id = Number(/post=(\d+)/.exec(saved.url())[1]);
      expect(site.sql(`SELECT post_status FROM wp_posts WHERE ID=${id}`).trim() === 'publish', `post ${id} is not published`);
      return site.php(`echo get_permalink(${id});`).trim();
    });
    const live = await openPublished(link);
    currentPage = live.page;
    await step('Author · classic editor', 'the published card renders, not inside a <p>, with no <p> or <br> inside the tag', async () => {
      const [w] = await widgetsOn(live.page);
      expect(w?.status === 'ready', `the card is ${w?.status}: ${w?.error ?? ''}`);
      expect(w.text.includes(report.objectives[1].title), `the card shows: ${w.text.slice(0, 200)}`);
      expect(w.parent !== 'p', 'the card is inside a <p>');
      const inner = await live.page.$eval('objective-card', (el) => el.innerHTML);
      expect(!/<br|^\s*<\/?p>\s*$/.test(inner) && !/<p>\s*<\/p>/.test(inner), `inside the tag: ${inner}`);
      expect(/^<div slot="fallback"><p>[^<]+<\/p><\/div>$/.test(inner.trim()), `the fallback is not one paragraph: ${inner}`);
      expect(!live.problems.length, live.problems.join('\n'));
    });
    await live.close();
    await session.context.close();
  }

  // ---- 4. only pages with widgets; the script address setting ------------------------------------------------
  section('Loading and settings');
  await step('site', 'a page without a widget loads no widget script', async () => {
    const html = await (await fetch(`${site.base}/?p=1`)).text();
    expect(/Hello world/.test(html), 'the first post is not "Hello world!"');
    expect(!html.includes('iom-widgets'), 'the page names iom-widgets');
  });
  await step('site', 'a tag pasted in a Custom HTML block, saved through the HTML filter, renders; the loader fetches that element’s file, not the others’', async () => {
    // Run from PHP with no user logged in, wp_insert_post filters the HTML as for an Author.
    const id = site.php(`echo wp_insert_post(array('post_title' => 'A pasted tag (test post)', 'post_status' => 'publish', 'post_content' => '<!-- wp:html -->' . "\\n" . '<emergency-list src="/wp-content/plugins/iom-widgets/data/annual-report-2023.json#/emergencies" limit="3" onclick="alert(1)"></emergency-list>' . "\\n" . '<!-- /wp:html -->'));`).trim();
    const saved = site.sql(`SELECT post_content FROM wp_posts WHERE ID=${Number(id)}`);
    expect(saved.includes('<emergency-list src="/wp-content/plugins/iom-widgets/data/annual-report-2023.json#/emergencies" limit="3"></emergency-list>'), `saved: ${saved}`);
    const live = await openPublished(site.php(`echo get_permalink(${Number(id)});`).trim());
    const [widget] = await widgetsOn(live.page);
    expect(widget?.status === 'ready' && widget.text.includes(report.emergencies.emergencies[0].name), `the list: ${widget?.status} ${widget?.error ?? widget?.text.slice(0, 200)}`);
    expect(!live.problems.length, live.problems.join('\n'));
    const fetched = live.requests.filter((url) => url.includes('/plugins/iom-widgets/assets/')).map((url) => url.split('/').pop());
    expect(fetched.includes('emergency-list.js'), `the loader did not fetch emergency-list.js: ${fetched.join(', ')}`);
    const others = fetched.filter((file) => /^(stat-counter|objective-card|donor-ranking|iom-widgets\.chart|iom-widgets\.bundle)\.js$/.test(file));
    expect(!others.length, `a page with only an emergency list fetched ${others.join(', ')}`);
    await live.close();
  });
  await step('site', 'with a classic theme (Twenty Twenty-One), a post’s widgets render and the script loads once', async () => {
    site.php(`switch_theme('twentytwentyone');`);
    try {
      const live = await openPublished(Object.values(posts).at(-1).link);
      const widgets = await widgetsOn(live.page);
      expect(widgets.length === TAGS.length + SHORTCODES.length && widgets.every((w) => w.status === 'ready'), widgets.map((w) => `${w.tag}: ${w.status} ${w.error ?? ''}`).join(', '));
      const scripts = await live.page.$$eval('script[src*="iom-widgets.loader.js"]', (list) => list.map((e) => e.type));
      expect(scripts.length === 1 && scripts[0] === 'module', `scripts: ${scripts.join(', ')}`);
      expect(!live.problems.length, live.problems.join('\n'));
      await live.close();
    } finally {
      site.php(`switch_theme('twentytwentythree');`);
    }
  });
  await step('Administrator', 'Settings → IOM widgets: another script address (the one-file build) and a data folder of the site’s, both used on the pages', async () => {
    // The one-file build and its chart file, as a CDN would hold them; a data folder of the site's.
    mkdirSync(join(site.contentDir, 'iom-cdn'));
    for (const file of ['iom-widgets.bundle.js', 'iom-widgets.chart.js']) cpSync(join(ROOT, 'dist', file), join(site.contentDir, 'iom-cdn', file));
    mkdirSync(join(site.contentDir, 'iom-data'));
    cpSync(JSON_FILE, join(site.contentDir, 'iom-data/annual-report-2023.json'));
    currentPage = admin.page;
    await admin.page.goto(`${site.base}/wp-admin/options-general.php?page=iom-widgets`, { waitUntil: 'domcontentloaded' });
    await admin.page.click('input[name="iom_widgets_settings[script]"][value="url"]');
    await admin.page.type('#iom-widgets-script-url', `${site.base}/wp-content/iom-cdn/iom-widgets.bundle.js`);
    await admin.page.type('#iom-widgets-data-folder', '/wp-content/iom-data/');
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.page.click('#submit')]);
    const text = await admin.page.$eval('.wrap', (w) => w.innerText);
    expect(/Settings saved/.test(text), 'no "Settings saved."');
    expect(/Files found there: 1\./.test(text), `the settings page does not find the one file of the data folder: ${text.replace(/\s+/g, ' ')}`);
    // The last post's shortcodes name only a file: it is now read from the site's data folder.
    const live = await openPublished(Object.values(posts).at(-1).link);
    const scripts = await live.page.$$eval('script[type="module"][src*="iom-widgets"]', (s) => s.map((e) => e.src));
    expect(scripts.length === 1 && scripts[0] === `${site.base}/wp-content/iom-cdn/iom-widgets.bundle.js`, `scripts: ${scripts.join(', ')}`);
    const widgets = await widgetsOn(live.page);
    expect(widgets.every((w) => w.status === 'ready'), widgets.map((w) => `${w.tag}: ${w.status}`).join(', '));
    const sources = await live.page.$$eval(TAGS.join(','), (els) => els.map((el) => el.getAttribute('src')));
    const fromFolder = sources.filter((src) => src?.startsWith('/wp-content/iom-data/annual-report-2023.json#'));
    expect(fromFolder.length === SHORTCODES.length, `the widgets' src: ${sources.join(', ')}`);
    expect(live.requests.includes(`${site.base}/wp-content/iom-data/annual-report-2023.json`), 'the file of the data folder was not fetched');
    expect(!live.problems.length, live.problems.join('\n'));
    await live.close();
  });
  await step('site', 'no PHP notice or warning from the plugin', async () => {
    const logFile = join(site.dir, 'php-debug.log');
    const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter((l) => /iom-widgets/.test(l)) : [];
    expect(!lines.length, lines.join('\n'));
  });

  // ---- 5. uninstall --------------------------------------------------------------------------------------------
  section('Uninstalling');
  /** What a Delete must leave: every option's name (but WordPress's own caches, transients), the posts, the uploaded files. */
  const state = () => ({
    options: site.sql("SELECT option_name FROM wp_options WHERE option_name NOT LIKE '%\\_transient\\_%' ORDER BY option_name").trim().split('\n'),
    posts: site.sql("SELECT post_type, COUNT(*) FROM wp_posts GROUP BY post_type ORDER BY post_type").trim(),
    uploads: readdirSync(join(site.contentDir, 'uploads'), { recursive: true }).sort().join('\n'),
  });
  await step('Administrator', 'Plugins → Deactivate', async () => {
    expect(site.sql("SELECT COUNT(*) FROM wp_options WHERE option_name='iom_widgets_settings'").trim() === '1', 'the settings were not saved as iom_widgets_settings');
    await admin.page.goto(`${site.base}/wp-admin/plugins.php`, { waitUntil: 'domcontentloaded' });
    await Promise.all([admin.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), admin.page.click('tr[data-slug="iom-widgets"] .deactivate a')]);
  });
  const before = state();
  await step('Administrator', 'Plugins → Delete: its folder and its option go; every other option, the posts and the uploaded files stay', async () => {
    admin.page.once('dialog', (dialog) => dialog.accept()); // "Are you sure you want to delete IOM widgets…?"
    await admin.page.click('tr[data-slug="iom-widgets"] .delete a');
    await admin.page.waitForFunction(() => !document.querySelector('tr[data-slug="iom-widgets"]') || document.querySelector('tr.plugin-deleted-tr'), { timeout: 20_000 });
    expect(!existsSync(pluginDir), `${pluginDir} is still there`);
    const after = state();
    const removed = before.options.filter((name) => !after.options.includes(name));
    expect(JSON.stringify(removed) === '["iom_widgets_settings"]', `options removed: ${removed.join(', ') || 'none'}`);
    expect(after.posts === before.posts, `posts by type before:\n${before.posts}\nafter:\n${after.posts}`);
    const uploaded = ROLES.some((role) => blocksFor(role).some((block) => block.data.upload));
    expect(after.uploads === before.uploads && (!uploaded || /\.(json|csv)$/m.test(after.uploads)), `uploaded files before:\n${before.uploads}\nafter:\n${after.uploads}`);
    // Without the plugin, a post still reads right: its fallback text.
    const html = await (await fetch(Object.values(posts).at(-1).link)).text();
    expect(html.includes('<div slot="fallback">') && !html.includes('iom-widgets.loader.js'), 'the post lost its fallback, or still loads the script');
  });

  console.log(`\n${passed} checks passed in ${seconds(performance.now() - started)}${installed.length ? ` (installed: ${installed.join(' ')})` : ''}.`);
} catch (error) {
  if (currentPage) {
    try {
      await currentPage.screenshot({ path: failureShot, fullPage: true });
      console.error(`\nscreenshot of the page at the failure: ${failureShot}`);
    } catch {
      // the page is gone
    }
  }
  console.error(`\n✗ ${error.message}`);
  if (site) console.error(`  (logs: ${site.dir}/apache-error.log, ${site.dir}/php-debug.log${keep ? '' : ', removed at exit: run with --keep to look'})`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  if (site && keep) {
    console.log(`\n--keep: WordPress is still running at ${site.base}/ (users: ${Object.values(USERS).map((u) => `${u.login}/${u.password}`).join(', ')}); Ctrl+C stops it and removes it.`);
    const alive = setInterval(() => {}, 60_000); // a signal listener alone does not keep Node running
    await new Promise((resolve) => process.once('SIGINT', resolve));
    clearInterval(alive);
  }
  if (site) {
    await site.stop();
    console.log('The test site was stopped and removed.');
  }
}
