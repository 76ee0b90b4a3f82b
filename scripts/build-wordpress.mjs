// The WordPress plugin (wordpress/, docs/wordpress.md) as the zip an administrator uploads from
// Plugins → Add New → Upload Plugin: dist/wordpress/iom-widgets.zip, with one folder,
// iom-widgets/, holding
//
//   iom-widgets.php, uninstall.php, includes/   the PHP of wordpress/, with the package's version
//   widgets.json                                the four widgets and their attributes (not `data`),
//                                               from custom-elements.json: kses and the shortcode
//   blocks/<tag>/block.json                     a block per widget, its attributes from the same
//   assets/iom-widgets-<version>/               the library's loader, iom-widgets.loader.js, with
//                                               what it fetches from beside itself (the element
//                                               files, chunks/, iom-widgets.chart.js), so a page
//                                               fetches only the elements it shows; and the block
//                                               editor script, which imports the chart file from
//                                               beside itself. The folder is named by the version
//                                               because these files are fetched without
//                                               WordPress's ?ver=: an update never meets a
//                                               browser's cached copy of the old ones.
//   data/                                       IOM's report files of data/ (no schemas)
//
// Run by `npm run build:wordpress`, after the library build (dist/) and the editor script's
// (`vite build --mode wordpress`: dist/wordpress/editor/).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'wordpress');
const OUT = join(ROOT, 'dist/wordpress');
const PLUGIN = join(OUT, 'iom-widgets');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const TAGS = Object.values(JSON.parse(readFileSync(join(ROOT, 'src/tags.json'), 'utf8')));

/** The loader and the files it fetches from beside itself (docs/pasting.md#get-the-files). */
const LOADER_FILES = ['iom-widgets.loader.js', ...TAGS.map((tag) => `${tag}.js`), 'iom-widgets.chart.js', 'chunks'];
const needed = {
  ...Object.fromEntries(LOADER_FILES.map((file) => [`dist/${file}`, 'npm run build:lib'])),
  'dist/wordpress/editor/iom-widgets-editor.js': 'vite build --mode wordpress',
};
for (const [file, command] of Object.entries(needed)) {
  if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`${command}\` first (\`npm run build:wordpress\` runs both).`);
}

// ---- the widgets, from the manifest -----------------------------------------------------------------
// `data` is left out: WordPress's HTML filter reads it as a URL and cuts JSON at each colon, so for
// Authors it could never work (docs/cms/wordpress-findings.md); a block or shortcode uses `src`.
const LEFT_OUT = new Set(['data']);
const kindOf = (attribute) => {
  const type = (attribute.type?.text ?? '').replace(/\s*\|\s*undefined\b/g, '').trim();
  return type === 'boolean' || type === 'number' ? type : 'string';
};
const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => TAGS.indexOf(a.tagName) - TAGS.indexOf(b.tagName));
if (elements.length !== TAGS.length) throw new Error(`custom-elements.json lists ${elements.length} elements, src/tags.json ${TAGS.length}: run \`npm run analyze\`.`);

const title = (tag) => tag.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const ICONS = { 'stat-counter': 'chart-line', 'objective-card': 'flag', 'emergency-list': 'list-view', 'donor-ranking': 'chart-bar' };
/** tag → { attribute → 'string' | 'number' | 'boolean' }. */
const widgets = Object.fromEntries(elements.map((e) => [e.tagName, Object.fromEntries((e.attributes ?? []).filter((a) => !LEFT_OUT.has(a.name)).map((a) => [a.name, kindOf(a)]))]));

/** A block.json: every attribute read back from the saved tag (so the HTML is the one record), and the fallback content. */
function blockJson(e) {
  const attributes = {};
  for (const [name, kind] of Object.entries(widgets[e.tagName])) {
    attributes[name] = { type: kind === 'boolean' ? 'boolean' : 'string', source: 'attribute', selector: e.tagName, attribute: name };
  }
  attributes.fallback = { type: 'string', source: 'html', selector: `${e.tagName} > [slot="fallback"]` };
  return {
    $schema: 'https://schemas.wp.org/trunk/block.json',
    apiVersion: 2,
    name: `iom-widgets/${e.tagName}`,
    version: pkg.version,
    title: `IOM ${title(e.tagName).toLowerCase()}`,
    category: 'widgets',
    icon: ICONS[e.tagName] ?? 'chart-bar',
    description: e.summary ?? '',
    keywords: ['iom', 'migration', ...e.tagName.split('-')],
    textdomain: 'iom-widgets',
    attributes,
    // The saved HTML is the widget's tag itself: no wrapper, so no class of WordPress's on it.
    supports: { html: false, className: false, customClassName: false },
    editorScript: 'iom-widgets-editor',
  };
}

// ---- the plugin's folder -----------------------------------------------------------------------------
rmSync(PLUGIN, { recursive: true, force: true });
mkdirSync(PLUGIN, { recursive: true });
const withVersion = (text) => text.replaceAll('@version@', pkg.version);
for (const file of ['iom-widgets.php', 'uninstall.php', 'readme.txt', ...readdirSync(join(SOURCE, 'includes')).map((f) => `includes/${f}`)]) {
  mkdirSync(join(PLUGIN, file, '..'), { recursive: true });
  writeFileSync(join(PLUGIN, file), withVersion(readFileSync(join(SOURCE, file), 'utf8')));
}
writeFileSync(join(PLUGIN, 'widgets.json'), `${JSON.stringify(widgets, null, 2)}\n`);
for (const e of elements) {
  mkdirSync(join(PLUGIN, 'blocks', e.tagName), { recursive: true });
  writeFileSync(join(PLUGIN, 'blocks', e.tagName, 'block.json'), `${JSON.stringify(blockJson(e), null, 2)}\n`);
}
const LIBRARY = join(PLUGIN, 'assets', `iom-widgets-${pkg.version}`);
mkdirSync(LIBRARY, { recursive: true });
for (const file of LOADER_FILES) cpSync(join(ROOT, 'dist', file), join(LIBRARY, file), { recursive: true });
cpSync(join(ROOT, 'dist/wordpress/editor/iom-widgets-editor.js'), join(LIBRARY, 'iom-widgets-editor.js'));
cpSync(join(ROOT, 'data'), join(PLUGIN, 'data'), { recursive: true, filter: (src) => !src.includes(`${sep}schema`) });
cpSync(join(ROOT, 'LICENSE'), join(PLUGIN, 'LICENSE'));

// ---- the zip -----------------------------------------------------------------------------------------
const files = (dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
const zip = new JSZip();
for (const file of files(PLUGIN)) zip.file(`iom-widgets/${file.split(sep).join('/')}`, readFileSync(join(PLUGIN, file)), { date: new Date('2020-01-01T00:00:00Z') });
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
writeFileSync(join(OUT, 'iom-widgets.zip'), bytes);
console.log(`WordPress plugin: ${relative(ROOT, join(OUT, 'iom-widgets.zip'))}, ${(bytes.length / 1024).toFixed(0)} kB, version ${pkg.version}: ${files(PLUGIN).length} files, blocks ${TAGS.map((t) => `iom-widgets/${t}`).join(', ')}.`);
