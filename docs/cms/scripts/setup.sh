#!/bin/sh
# Set up Debian's WordPress on http://127.0.0.1:8080 with MariaDB and Apache, no systemd,
# no internet. Run as root. Stop everything with scripts/stop.sh.
set -eu
PORT=${PORT:-8080}
HWP=${HWP:-/work/hwp}
MAIN=${MAIN:-/work/main}

# 1. packages (Debian 12: wordpress 6.1.9, php 8.2, mariadb 10.11, apache 2.4)
if ! dpkg -s wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone mariadb-server apache2 libapache2-mod-php php-mysql >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone \
    mariadb-server php php-mysql apache2 libapache2-mod-php curl
fi

# 2. MariaDB by hand (no systemd)
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
if ! mysqladmin ping >/dev/null 2>&1; then
  (mariadbd --user=mysql --skip-networking=0 --bind-address=127.0.0.1 \
     >/tmp/hwp-mariadbd.log 2>&1 & echo $! >/tmp/hwp-mariadbd.pid)
  for i in $(seq 30); do mysqladmin ping >/dev/null 2>&1 && break; sleep 1; done
fi
mysql <<'SQL'
CREATE DATABASE IF NOT EXISTS wp_iom;
CREATE USER IF NOT EXISTS 'wp_iom'@'localhost' IDENTIFIED BY 'wp_iom_pw';
GRANT ALL PRIVILEGES ON wp_iom.* TO 'wp_iom'@'localhost';
FLUSH PRIVILEGES;
SQL

# 3. Debian's per-host config: /etc/wordpress/config-<host>.php (host = 127.0.0.1)
cat >/etc/wordpress/config-127.0.0.1.php <<'PHP'
<?php
define('DB_NAME', 'wp_iom');
define('DB_USER', 'wp_iom');
define('DB_PASSWORD', 'wp_iom_pw');
define('DB_HOST', 'localhost');
define('AUTH_KEY', 'hwp-test-1'); define('SECURE_AUTH_KEY', 'hwp-test-2');
define('LOGGED_IN_KEY', 'hwp-test-3'); define('NONCE_KEY', 'hwp-test-4');
define('AUTH_SALT', 'hwp-test-5'); define('SECURE_AUTH_SALT', 'hwp-test-6');
define('LOGGED_IN_SALT', 'hwp-test-7'); define('NONCE_SALT', 'hwp-test-8');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('FS_METHOD', 'direct');
define('WP_HTTP_BLOCK_EXTERNAL', true);   // no internet here: do not wait on api.wordpress.org
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
PHP
chmod 640 /etc/wordpress/config-127.0.0.1.php; chgrp www-data /etc/wordpress/config-127.0.0.1.php

# 4. Apache on 127.0.0.1:$PORT, docroot /usr/share/wordpress
cat >/etc/apache2/sites-available/hwp-wordpress.conf <<EOF
Listen 127.0.0.1:$PORT
<VirtualHost 127.0.0.1:$PORT>
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php index.html
  ErrorLog /tmp/hwp-apache-error.log
  TransferLog /tmp/hwp-apache-access.log
  Alias /wp-content /var/lib/wordpress/wp-content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride All
    Require all granted
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
EOF
sed -i 's/^Listen 80$/#Listen 80/' /etc/apache2/ports.conf
a2dissite -q 000-default >/dev/null 2>&1 || true
a2ensite -q hwp-wordpress >/dev/null
a2enmod -q rewrite >/dev/null
mkdir -p /var/lib/wordpress/wp-content/uploads && chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads

# 5. the widget files, served from the WordPress docroot: /iom-widgets/ and /iom-widgets/data/
rm -rf /usr/share/wordpress/iom-widgets
mkdir -p /usr/share/wordpress/iom-widgets
cp -a "$MAIN/dist/." /usr/share/wordpress/iom-widgets/
cp -a "$MAIN/data" /usr/share/wordpress/iom-widgets/data

apachectl -k start || apachectl -k restart
for i in $(seq 20); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 1; done

# 6. install wizard (offline): HTTP POST to wp-admin/install.php?step=2
if ! mysql -N wp_iom -e "SELECT 1 FROM wp_options LIMIT 1" >/dev/null 2>&1; then
  curl -s -o /tmp/hwp-install.html "http://127.0.0.1:$PORT/wp-admin/install.php?step=2" \
    --data-urlencode weblog_title="IOM widgets test" --data-urlencode user_name=admin \
    --data-urlencode admin_password=hwp-admin-pw --data-urlencode admin_password2=hwp-admin-pw \
    --data-urlencode pw_weak=1 --data-urlencode admin_email=admin@example.invalid \
    --data-urlencode blog_public=0 --data-urlencode language=
  grep -o '<h1>[^<]*</h1>' /tmp/hwp-install.html || true
fi
echo "WordPress: http://127.0.0.1:$PORT/  (users are created by scripts/users.php)"
