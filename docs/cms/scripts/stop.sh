#!/bin/sh
# Stop the Apache and MariaDB started by setup.sh (by their pid files, nothing else).
apachectl -k stop 2>/dev/null
[ -f /tmp/hwp-mariadbd.pid ] && kill "$(cat /tmp/hwp-mariadbd.pid)" 2>/dev/null && rm -f /tmp/hwp-mariadbd.pid
sleep 2; pgrep -a apache2; pgrep -a mariadbd; true
