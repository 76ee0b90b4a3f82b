<?php
/**
 * A block for each widget, registered from its block.json (blocks/<tag>/block.json, written by
 * `npm run build:wordpress` with the widget's attributes). The block saves the widget's tag with
 * its attributes and its fallback content, so the page needs no PHP to show it.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	function () {
		foreach ( array_keys( iom_widgets_catalog() ) as $tag ) {
			register_block_type( IOM_WIDGETS_DIR . '/blocks/' . $tag );
		}
	}
);
