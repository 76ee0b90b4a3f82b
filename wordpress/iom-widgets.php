<?php
/**
 * Plugin Name:       IOM widgets
 * Description:       IOM's report figures in your pages: a block for each of the four widgets (stat counter, emergency list, donor ranking, objective card) and the [iom_widget] shortcode, usable by every role that edits posts, with fallback text for readers without JavaScript.
 * Version:           @version@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            iom-widgets contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       iom-widgets
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

define( 'IOM_WIDGETS_VERSION', '@version@' );
define( 'IOM_WIDGETS_DIR', __DIR__ );
define( 'IOM_WIDGETS_FILE', __FILE__ );

require __DIR__ . '/includes/widgets.php';  // the four widgets and their attributes, the settings
require __DIR__ . '/includes/assets.php';   // the widgets' script, on pages that show a widget
require __DIR__ . '/includes/blocks.php';   // a block for each widget
require __DIR__ . '/includes/shortcode.php'; // [iom_widget type="…" …]
require __DIR__ . '/includes/kses.php';     // the tags and their attributes kept for every role
require __DIR__ . '/includes/uploads.php';  // .json and .csv data files in the Media Library
require __DIR__ . '/includes/settings.php'; // Settings → IOM widgets
