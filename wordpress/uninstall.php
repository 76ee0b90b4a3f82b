<?php
/**
 * Uninstall: removes the plugin's one option, on every site of a network. Posts keep their
 * widgets (each with its fallback text), and data files stay in the Media Library.
 *
 * @package iom-widgets
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $iom_widgets_site ) {
		switch_to_blog( $iom_widgets_site );
		delete_option( 'iom_widgets_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'iom_widgets_settings' );
}
