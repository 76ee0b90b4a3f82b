<?php
// php scripts/users.php : create editor and author users (admin is made by the install wizard)
$_SERVER['HTTP_HOST'] = '127.0.0.1:8080';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
foreach ([['editor1', 'editor'], ['author1', 'author']] as [$login, $role]) {
  if (!username_exists($login)) {
    $id = wp_insert_user(['user_login' => $login, 'user_pass' => "hwp-$login-pw",
      'user_email' => "$login@example.invalid", 'role' => $role]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  }
}
foreach (['admin', 'editor1', 'author1'] as $login) {
  $u = get_user_by('login', $login);
  printf("%-8s id=%d roles=%s unfiltered_html=%s\n", $login, $u->ID, implode(',', $u->roles),
    user_can($u, 'unfiltered_html') ? 'yes' : 'no');
}
printf("is_multisite=%s DISALLOW_UNFILTERED_HTML=%s wp_version=%s theme=%s\n",
  is_multisite() ? 'yes' : 'no', defined('DISALLOW_UNFILTERED_HTML') ? var_export(DISALLOW_UNFILTERED_HTML, true) : 'undefined',
  get_bloginfo('version'), get_stylesheet());
