<?php
// php scripts/switch-theme.php STYLESHEET
$_SERVER['HTTP_HOST'] = '127.0.0.1:8080'; $_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
switch_theme($argv[1]);
echo get_stylesheet(), "\n";
