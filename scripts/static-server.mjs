// For the Node test scripts (capture, host pages): a small static file server, which serves folders
// under URL prefixes on 127.0.0.1 with a free port and per-path extra headers (a CSP, for
// instance), and the scripts' pass/fail lines.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip, constants as zlib } from 'node:zlib';

/** Content types by file ending. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
/** What a server compresses, when asked to: text, not images or fonts. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/**
 * Starts a server. `mounts` maps a URL prefix ("/demo/") to a folder, longest prefix first;
 * `headers(pathname)` may add response headers; `{ gzip: true }` sends text gzip-compressed
 * (level 9) to a client that accepts it, as a production server would. Resolves to `{ base, close }`.
 */
export async function serveStatic(mounts, headers = () => ({}), { gzip = false } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    // A request that is never answered: a widget stays in its loading state.
    if (pathname === '/__hang') return;
    const prefix = prefixes.find((p) => pathname.startsWith(p));
    if (!prefix) return res.writeHead(404).end();
    const dir = mounts[prefix];
    let file = normalize(join(dir, pathname.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compress = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}), ...headers(pathname) });
    if (compress) createReadStream(file).pipe(createGzip({ level: zlib.Z_BEST_COMPRESSION })).pipe(res);
    else createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { base: `http://127.0.0.1:${server.address().port}`, close };
}

/** The pass/fail lines of a test script, and its closing count ("N passed, N failed"). */
export function checks() {
  const totals = { passed: 0, failed: 0 };
  return {
    pass(what) {
      totals.passed++;
      console.log(`  ✓ ${what}`);
    },
    fail(what, why) {
      totals.failed++;
      console.log(`  ✗ ${what}\n      ${why}`);
    },
    totals,
  };
}
