<?php
/**
 * The widgets' script, loaded as a module on the pages that show a widget: the library's loader
 * (iom-widgets.loader.js), which fetches from beside itself only the elements the page has (and
 * iom-widgets.chart.js for a chart); and the block editor's script.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

/** The four tags, as a regular expression that finds one in HTML. */
function iom_widgets_tag_pattern() {
	return '/<(' . implode( '|', array_map( 'preg_quote', array_keys( iom_widgets_catalog() ) ) ) . ')[\s>]/';
}

add_action(
	'init',
	function () {
		// No ?ver= (null): the plugin's folder of scripts is named by its version, as a CDN's
		// address carries its own, and the files a script fetches from beside itself get no ?ver=.
		wp_register_script( 'iom-widgets', iom_widgets_script_url(), array(), null, true );
		// The tags as blocks, as the widgets display themselves: so a fallback, where the script
		// does not run, sits in the theme's content column like the widget, not across the page.
		wp_register_style( 'iom-widgets', false, array(), null );
		wp_add_inline_style( 'iom-widgets', implode( ',', array_keys( iom_widgets_catalog() ) ) . '{display:block}' );
		wp_register_script(
			'iom-widgets-editor',
			iom_widgets_asset_url( 'iom-widgets-editor.js' ),
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-data', 'wp-element', 'wp-i18n' ),
			null,
			true
		);
	},
	5 // before the blocks, which name the editor script.
);

// What the editor script needs from the server: the data folder and its files, the script's address.
add_action(
	'enqueue_block_editor_assets',
	function () {
		$config = array(
			'dataFolder' => iom_widgets_data_folder(),
			'dataFiles'  => iom_widgets_data_files(),
			'scriptUrl'  => iom_widgets_script_url(),
			// The preview, and so the saved fallback, speaks the site's language, not the editor's.
			'language'   => get_bloginfo( 'language' ),
		);
		wp_add_inline_script( 'iom-widgets-editor', 'window.iomWidgetsEditor = ' . wp_json_encode( $config ) . ';', 'before' );
	}
);

// WordPress 6.1 has no way to enqueue a module: add type="module" to the script's own tag (not to
// the inline scripts printed with it).
add_filter(
	'script_loader_tag',
	function ( $tag, $handle ) {
		if ( 'iom-widgets' !== $handle && 'iom-widgets-editor' !== $handle ) {
			return $tag;
		}
		return preg_replace_callback(
			'/<script\b([^>]*\ssrc=[^>]*)>/',
			function ( $m ) {
				return '<script type="module"' . preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $m[1] ) . '>';
			},
			$tag
		);
	},
	10,
	2
);

/** Loads the widgets' script on this page (printed before </body>, once), and their one CSS rule. */
function iom_widgets_enqueue() {
	if ( ! is_admin() ) {
		wp_enqueue_script( 'iom-widgets' );
		wp_enqueue_style( 'iom-widgets' );
	}
}

// Any block that holds a widget: ours, a Custom HTML block, a template part, a widget area.
add_filter(
	'render_block',
	function ( $content ) {
		if ( is_string( $content ) && preg_match( iom_widgets_tag_pattern(), $content ) ) {
			iom_widgets_enqueue();
		}
		return $content;
	}
);

// Content without blocks (the classic editor). The shortcode enqueues by itself.
add_filter(
	'the_content',
	function ( $content ) {
		if ( is_string( $content ) && preg_match( iom_widgets_tag_pattern(), $content ) ) {
			iom_widgets_enqueue();
		}
		return $content;
	},
	100
);
