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

export function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

function isDebian() {
  try {
    return existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

export function ensureBrowser() {
  let found = findBrowser();
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && isDebian()) {
    console.log('No Chrome or Chromium found: installing Debian\'s chromium package…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    found = findBrowser();
    if (found) return found;
  }
  return undefined;
}

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  }
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

export function ensureFirefox() {
  let found = findFirefox();
  if (found) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && isDebian()) {
    console.log('No Firefox found: installing Debian\'s firefox-esr package…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr', { stdio: 'inherit' });
    found = findFirefox();
    if (found) return found;
  }
  return undefined;
}

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
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
