<?php
/**
 * WordPress's HTML filter (kses) keeps the four tags and their documented attributes for every
 * role, Authors and Contributors included (without `unfiltered_html` they would lose them on
 * save), and `slot` on the elements that hold fallback content. Never `data` (kses reads it as a
 * URL and cuts JSON at each colon) and never <script>.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context ) {
			return $tags;
		}
		$widgets = array();
		foreach ( iom_widgets_catalog() as $tag => $attributes ) {
			$widgets[ $tag ] = array_fill_keys( array_keys( $attributes ), true );
		}
		// class, id, lang, dir, style, title, role, aria-* and data-*, as on every other tag.
		if ( function_exists( '_wp_add_global_attributes' ) ) {
			$widgets = array_map( '_wp_add_global_attributes', $widgets );
		}
		$tags = array_merge( $tags, $widgets );
		// The fallback content a block saves is the widget's own words in plain HTML
		// (<div slot="fallback">…</div>); WordPress 6.1's list lacks two of its elements.
		$tags += array(
			'bdi'  => array( 'dir' => true, 'lang' => true ),
			'time' => array( 'datetime' => true ),
		);
		foreach ( array( 'p', 'div', 'ul', 'ol', 'span', 'table', 'section' ) as $tag ) {
			if ( isset( $tags[ $tag ] ) ) {
				$tags[ $tag ]['slot'] = true;
			}
		}
		return $tags;
	},
	10,
	2
);
