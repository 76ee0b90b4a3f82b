// Finds the browsers of the browser tests: Chrome or Chromium (CHROME_PATH, then the usual places)
// and Firefox (FIREFOX_PATH, then the usual places). Run as a script, when one is missing and this
// runs as root on Debian, it installs Debian's package (chromium, firefox-esr); elsewhere it stops
// with a one-line message saying what to install.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The flags every headless Chromium of ours starts with (tests, story smoke test, benchmarks). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The executable named by the environment variable `env`, else the first of `candidates` that exists. */
function findIn(env, candidates) {
  const path = process.env[env];
  if (path) {
    if (existsSync(path)) return path;
    throw new Error(`${env} is set to ${path}, which does not exist.`);
  }
  return candidates.find((p) => existsSync(p));
}

export const findBrowser = () => findIn('CHROME_PATH', CANDIDATES);

/** Headless Chromium through puppeteer-core, with CHROMIUM_ARGS and `extraArgs`; rejects when there is none. */
export async function launchChromium(extraArgs = []) {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chrome or Chromium found: run `node scripts/browser.mjs` (installs Debian chromium as root) or set CHROME_PATH.');
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ executablePath, headless: true, args: ['--headless=new', ...CHROMIUM_ARGS, ...extraArgs] });
}

function isDebian() {
  try {
    return existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** `find()`, or, as root on Debian, Debian's `pkg` installed and then `find()`. */
function ensure(find, pkg, what) {
  const found = find();
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && isDebian()) {
    console.log(`No ${what} found: installing Debian's ${pkg} package…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: 'inherit' });
    return find();
  }
  return undefined;
}

export const ensureBrowser = () => ensure(findBrowser, 'chromium', 'Chrome or Chromium');

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export const findFirefox = () => findIn('FIREFOX_PATH', FIREFOX_CANDIDATES);

export const ensureFirefox = () => ensure(findFirefox, 'firefox-esr', 'Firefox');

/**
 * WebKit: WebKitGTK's MiniBrowser and its WebDriver server (Debian's webkit2gtk-driver), with
 * xvfb-run for a virtual display. `{ driver, browser }`, or undefined when one of them is missing.
 */
export function findWebKit() {
  const driver = findIn('WEBKIT_DRIVER', ['/usr/bin/WebKitWebDriver']);
  const browser = findIn('WEBKIT_BROWSER', ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser']);
  return driver && browser && ['/usr/bin/xvfb-run'].some(existsSync) ? { driver, browser } : undefined;
}

/** pdftotext (poppler), for the print check (test/built/print.test.mjs): PDFTOTEXT, then the usual places. */
export const findPdftotext = () => findIn('PDFTOTEXT', ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext', '/opt/homebrew/bin/pdftotext']);

export const ensurePdftotext = () => ensure(findPdftotext, 'poppler-utils', 'pdftotext');

export const ensureWebKit = () => ensure(findWebKit, 'webkit2gtk-driver xvfb xauth', 'WebKit (WebKitWebDriver, MiniBrowser, xvfb-run)');

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const path = ensureBrowser();
    if (!path) {
      console.error('No Chrome or Chromium found: install Chromium or Google Chrome, or set CHROME_PATH to its executable.');
      process.exit(1);
    }
    console.log(`Browser: ${path}`);
    const firefox = ensureFirefox();
    if (!firefox) {
      console.error('No Firefox found: install Firefox (Debian: firefox-esr), or set FIREFOX_PATH to its executable.');
      process.exit(1);
    }
    console.log(`Browser: ${firefox}`);
    const webkit = ensureWebKit();
    if (!webkit) {
      console.error('No WebKit found: install WebKitGTK\'s WebDriver and a virtual display (Debian: webkit2gtk-driver xvfb xauth), or set WEBKIT_DRIVER and WEBKIT_BROWSER.');
      process.exit(1);
    }
    console.log(`Browser: ${webkit.browser} (through ${webkit.driver})`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
