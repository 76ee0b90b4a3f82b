#!/bin/sh
# The whole run, in the order it was done. Evidence goes to $HWP_OUT (default /work/hwp/evidence), PNGs to $HWP_SHOTS (default /work/hwp/shots).
set -eu
cd "$(dirname "$0")/.."
MU=/var/lib/wordpress/wp-content/mu-plugins
./scripts/setup.sh
php scripts/users.php
rm -f $MU/iom-widgets-*.php $MU/classic-editor-switch.php
# 1. no plugin: each role x snippet, through wp.data (same path as the Custom HTML block), then UI typing
node scripts/drive.mjs admin:a admin:b admin:c editor1:a editor1:b editor1:c author1:a author1:b author1:c
node scripts/drive.mjs editor1:a:ui editor1:c:ui author1:c:ui
ADMIN_A=$(mysql -N wp_iom -e "SELECT ID FROM wp_posts WHERE post_title='admin-a (a-src.html)' AND post_status='publish' ORDER BY ID LIMIT 1")
node scripts/resave.mjs "$ADMIN_A"
# 2. site-wide loader (mu-plugin)
mkdir -p $MU && cp wp-site/iom-widgets-loader.php $MU/
HWP_TAG=loader node scripts/drive.mjs editor1:d author1:d
# 3. loader + kses allow-list for the widget tags
cp wp-site/iom-widgets-kses.php $MU/
HWP_TAG=loader-kses-nodata node scripts/drive.mjs author1:d author1:c author1:b
# 3b. the loader hooks in a child theme's functions.php instead of the mu-plugin, then a control with no loader
mv $MU/iom-widgets-loader.php /tmp/ && cp -a wp-site/iom-tt3-child /var/lib/wordpress/wp-content/themes/
php scripts/switch-theme.php iom-tt3-child
node scripts/render-only.mjs "http://127.0.0.1:8080/?p=$(mysql -N wp_iom -e "SELECT ID FROM wp_posts WHERE post_title LIKE 'editor1-d-loader %' AND post_status='publish' LIMIT 1")" editor1-d-child-theme-loader
php scripts/switch-theme.php twentytwentythree
node scripts/render-only.mjs "http://127.0.0.1:8080/?p=$(mysql -N wp_iom -e "SELECT ID FROM wp_posts WHERE post_title LIKE 'editor1-d-loader %' AND post_status='publish' LIMIT 1")" editor1-d-no-loader-control
mv /tmp/iom-widgets-loader.php $MU/
# 4. classic editor (core, switched on by one filter), Text tab; :visual = round trip through Visual
rm -f $MU/iom-widgets-*.php; cp wp-site/classic-editor-switch.php $MU/
mysql wp_iom -e "UPDATE wp_usermeta SET meta_value='editor=html' WHERE meta_key='wp_user-settings'"
node scripts/classic.mjs editor1:c editor1:b author1:c editor1:c:visual
rm -f $MU/classic-editor-switch.php
./scripts/stop.sh
