// A throwaway WordPress site for `npm run test:wordpress`: Debian's WordPress 6.1 (`wordpress`),
// MariaDB and Apache with mod_php, each started by hand on 127.0.0.1 with its own files in one
// temporary folder (database, wp-content, logs, Apache's configuration), so nothing of the machine's
// own Apache, MariaDB or WordPress sites is touched. The one file outside that folder is Debian's
// per-site WordPress configuration, /etc/wordpress/config-iom-widgets-test.php (Debian's
// wp-config.php picks it by the WORDPRESS_CONFIG variable that Apache sets). `stop()` ends the two
// servers it started (by their process ids) and removes both.
//
// Run as root on Debian 12. Missing packages are installed with apt-get (as `npm test` installs its
// browsers).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Debian's packages for the site: WordPress 6.1, its default block theme and a classic theme, MariaDB, Apache with PHP. */
export const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'wordpress-theme-twentytwentyone', 'mariadb-server', 'apache2', 'libapache2-mod-php', 'php-cli', 'php-mysql'];
const CONFIG_NAME = 'iom-widgets-test';
const CONFIG_FILE = `/etc/wordpress/config-${CONFIG_NAME}.php`;
const WP = '/usr/share/wordpress';
export const USERS = {
  Administrator: { login: 'admin', password: 'iom-test-admin-pw' },
  Editor: { login: 'editor1', password: 'iom-test-editor-pw', role: 'editor' },
  Author: { login: 'author1', password: 'iom-test-author-pw', role: 'author' },
  Contributor: { login: 'contributor1', password: 'iom-test-contributor-pw', role: 'contributor' },
};

const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The packages that are not installed. */
export function missingPackages() {
  return PACKAGES.filter((pkg) => {
    try {
      return !/^install ok installed$/m.test(run('dpkg-query', ['-W', '-f=${Status}\n', pkg]));
    } catch {
      return true;
    }
  });
}

/** Installs the missing packages (as root on Debian), or says what to install. Returns what it installed. */
export function ensurePackages(log) {
  const missing = missingPackages();
  if (!missing.length) return [];
  if (process.getuid?.() !== 0 || !existsSync('/etc/debian_version')) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (run as root on Debian 12, or install them: apt-get install ${missing.join(' ')})`);
  }
  log(`installing Debian packages: ${missing.join(' ')} (apt-get, a few minutes)`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return missing;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitFor(what, check, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`${what} did not start within ${ms / 1000} s`);
    await sleep(250);
  }
}

/**
 * Starts the site. Resolves to `{ base, dir, contentDir, php(code), sql(query), stop() }`:
 * `php(code)` runs PHP with WordPress loaded and returns what it prints.
 */
export async function startSite({ log = () => {} } = {}) {
  if (process.getuid?.() !== 0) throw new Error('the WordPress test site needs root: it starts MariaDB and Apache as their own users (mysql, www-data)');
  const dir = mkdtempSync('/tmp/iom-wordpress-');
  chmodSync(dir, 0o755); // the servers' users (mysql, www-data) read below it
  /** [name, pid file the server writes and removes when it has stopped, pid]. */
  const started = [];
  const stop = async () => {
    for (const [name, pidFile, pid] of started.reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
        await waitFor(`${name} to stop`, () => !existsSync(pidFile), 30_000);
      } catch (error) {
        log(`${name}: ${error.message}`);
      }
    }
    rmSync(CONFIG_FILE, { force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // ---- MariaDB: its own data folder and socket, no network ----------------------------------------
    const mysql = join(dir, 'mysql'); // the server's socket, pid and log: written as the mysql user
    const db = join(mysql, 'db');
    const socket = join(mysql, 'mysqld.sock');
    mkdirSync(db, { recursive: true });
    run('chown', ['-R', 'mysql:mysql', mysql]);
    run('mariadb-install-db', ['--no-defaults', '--user=mysql', `--datadir=${db}`, '--auth-root-authentication-method=socket', '--skip-test-db']);
    const mysqld = spawn('mariadbd', ['--no-defaults', '--user=mysql', `--datadir=${db}`, `--socket=${socket}`, `--pid-file=${join(mysql, 'mysqld.pid')}`, '--skip-networking', `--log-error=${join(mysql, 'mysqld.log')}`], { detached: true, stdio: 'ignore' });
    mysqld.unref();
    started.push(['MariaDB', join(mysql, 'mysqld.pid'), mysqld.pid]);
    await waitFor('MariaDB', () => run('mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'ping']).includes('alive'));
    const sql = (query) => run('mariadb', ['--no-defaults', `--socket=${socket}`, '-N', '-B', '--raw', '-e', query]);
    sql("CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-test-pw'; GRANT ALL ON wp.* TO 'wp'@'localhost';");

    // ---- wp-content of its own: the theme from Debian's package, empty plugins and uploads --------------
    const content = join(dir, 'wp-content');
    for (const sub of ['plugins', 'uploads', 'themes', 'mu-plugins']) mkdirSync(join(content, sub), { recursive: true });
    for (const theme of readdirSync(join(WP, 'wp-content/themes'))) symlinkSync(join(WP, 'wp-content/themes', theme), join(content, 'themes', theme));
    run('chown', ['-R', 'www-data:www-data', content]);

    // ---- Apache on a free port, its own configuration and pid file -----------------------------------
    const port = Number(process.env.IOM_WP_PORT) || (await freePort());
    const base = `http://127.0.0.1:${port}`;
    const libphp = readdirSync('/usr/lib/apache2/modules').find((f) => /^libphp.*\.so$/.test(f));
    const modules = ['mpm_prefork', 'authz_core', 'mime', 'dir', 'alias', 'env', 'rewrite'].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
    writeFileSync(
      join(dir, 'apache.conf'),
      `ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}
Mutex file:${dir} default
User www-data
Group www-data
${modules.join('\n')}
LoadModule php_module /usr/lib/apache2/modules/${libphp}
StartServers 3
MaxRequestWorkers 12
TypesConfig /etc/mime.types
ErrorLog ${dir}/apache-error.log
LogFormat "%h %t \\"%r\\" %>s %b" short
CustomLog ${dir}/apache-access.log short
DocumentRoot ${WP}
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG ${CONFIG_NAME}
Alias /wp-content ${content}
<Directory ${WP}>
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory ${content}>
  Options FollowSymLinks
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`,
    );
    // ---- Debian's per-site WordPress configuration --------------------------------------------------
    writeFileSync(
      CONFIG_FILE,
      `<?php
// The iom-widgets test site (scripts/wordpress-site.mjs): removed when the test ends.
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test-pw');
define('DB_HOST', 'localhost:${socket}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${base}/wp-content');
define('FS_METHOD', 'direct');
define('WP_HTTP_BLOCK_EXTERNAL', true); // no internet: never wait on wordpress.org
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', true);               // PHP notices and warnings go to the log the test reads
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${dir}/php-debug.log');
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT') as $key) {
  define($key, 'iom-widgets-test-' . $key);
}
`,
    );
    run('chgrp', ['www-data', CONFIG_FILE]);
    chmodSync(CONFIG_FILE, 0o640);
    // In the foreground, as this process's child: it ends with SIGTERM and leaves no orphan behind.
    const apache = spawn('/usr/sbin/apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'], { detached: true, stdio: 'ignore' });
    apache.unref();
    started.push(['Apache', join(dir, 'apache.pid'), apache.pid]);
    await waitFor('Apache', () => existsSync(join(dir, 'apache.pid')));
    await waitFor('Apache', async () => (await fetch(`${base}/wp-login.php`, { redirect: 'manual' })).status < 500);

    // ---- WordPress's install wizard, then the other users -----------------------------------------------
    const install = await fetch(`${base}/wp-admin/install.php?step=2`, {
      method: 'POST',
      body: new URLSearchParams({
        weblog_title: 'IOM widgets test (fictitious site)',
        user_name: USERS.Administrator.login,
        admin_password: USERS.Administrator.password,
        admin_password2: USERS.Administrator.password,
        pw_weak: '1',
        admin_email: 'admin@example.invalid',
        blog_public: '0',
        language: '',
      }),
    });
    const page = await install.text();
    if (!/Success!/.test(page)) throw new Error(`WordPress's install wizard did not succeed: ${page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);

    const php = (code) =>
      run('php', ['-d', 'display_errors=stderr', '-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; $_SERVER['REQUEST_URI'] = '/'; $_SERVER['WORDPRESS_CONFIG'] = '${CONFIG_NAME}'; require '${WP}/wp-load.php'; ${code}`]);
    for (const { login, password, role } of Object.values(USERS).filter((u) => u.role)) {
      php(`$id = wp_insert_user(array('user_login' => '${login}', 'user_pass' => '${password}', 'user_email' => '${login}@example.invalid', 'role' => '${role}')); if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }`);
    }
    const version = php('echo get_bloginfo("version");').trim();
    return { base, dir, contentDir: content, version, php, sql: (q) => run('mariadb', ['--no-defaults', `--socket=${socket}`, '-N', '-B', '--raw', 'wp', '-e', q]), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
