<?php
/**
 * The four widgets and their attributes (widgets.json, written by `npm run build:wordpress` from
 * the library's custom-elements.json, so they follow the widgets' API), and the plugin's settings.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The widgets and their attributes: tag => array( attribute => 'string'|'number'|'boolean' ), the
 * documented attributes without `data` (WordPress's HTML filter cuts a JSON attribute at each
 * colon, so the data comes from a file: `src`).
 *
 * @return array<string, array<string, string>>
 */
function iom_widgets_catalog() {
	static $catalog = null;
	if ( null === $catalog ) {
		$json    = file_get_contents( IOM_WIDGETS_DIR . '/widgets.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$catalog = $json ? (array) json_decode( $json, true ) : array();
	}
	return $catalog;
}

/**
 * The settings, with their defaults: '' means the plugin's own copy (of the script, of the data).
 *
 * @return array{script_url: string, data_folder: string}
 */
function iom_widgets_settings() {
	$saved = get_option( 'iom_widgets_settings', array() );
	return array_merge( array( 'script_url' => '', 'data_folder' => '' ), is_array( $saved ) ? $saved : array() );
}

/**
 * The address of a file of the plugin's copy of the library: assets/iom-widgets-VERSION/, the
 * loader, the element files and chunks/ it fetches from beside itself, the chart, the editor script.
 *
 * @param string $file A file name in that folder.
 */
function iom_widgets_asset_url( $file ) {
	return plugins_url( 'assets/iom-widgets-' . IOM_WIDGETS_VERSION . '/' . $file, IOM_WIDGETS_FILE );
}

/** The address of the widgets' script: the setting, or the plugin's copy of the loader. */
function iom_widgets_script_url() {
	$url = iom_widgets_settings()['script_url'];
	return '' !== $url ? $url : iom_widgets_asset_url( 'iom-widgets.loader.js' );
}

/** The address of the default data folder, ending in "/": the setting, or the plugin's copy of IOM's report files. */
function iom_widgets_data_folder() {
	$folder = iom_widgets_settings()['data_folder'];
	return trailingslashit( '' !== $folder ? $folder : plugins_url( 'data', IOM_WIDGETS_FILE ) );
}

/**
 * A widget's `src` as written in a shortcode or the editor: an address relative to nothing
 * (`annual-report-2023.json#/emergencies`) is a file of the default data folder; an absolute
 * address or one from the site's root (`/data/…`) is kept.
 *
 * @param string $src The address, with an optional JSON Pointer after "#".
 */
function iom_widgets_resolve_src( $src ) {
	$src = trim( $src );
	if ( '' === $src || preg_match( '#^([a-z][a-z0-9+.-]*:|/)#i', $src ) ) {
		return $src;
	}
	return iom_widgets_data_folder() . ltrim( $src, './' );
}

/**
 * The data files (.json, .csv) of the default data folder, when that folder is on this server
 * (the plugin's copy, or a folder under wp-content or the site's root), for the block's list.
 *
 * @return array<int, array{name: string, url: string}>
 */
function iom_widgets_data_files() {
	$folder = iom_widgets_data_folder();
	if ( '/' === substr( $folder, 0, 1 ) && '/' !== substr( $folder, 1, 1 ) ) {
		// From the site's root ("/data/"): the same folder as a full address.
		$site   = wp_parse_url( site_url() );
		$folder = $site['scheme'] . '://' . $site['host'] . ( isset( $site['port'] ) ? ':' . $site['port'] : '' ) . $folder;
	}
	$roots = array(
		trailingslashit( plugins_url( '', IOM_WIDGETS_FILE ) ) => trailingslashit( IOM_WIDGETS_DIR ),
		trailingslashit( content_url() )                     => trailingslashit( WP_CONTENT_DIR ),
		trailingslashit( site_url() )                        => ABSPATH,
	);
	$dir   = null;
	foreach ( $roots as $url => $path ) {
		if ( 0 === strpos( $folder, $url ) ) {
			$dir = $path . substr( $folder, strlen( $url ) );
			break;
		}
	}
	$real = $dir ? realpath( $dir ) : false;
	if ( ! $real || ! is_dir( $real ) ) {
		return array();
	}
	$files    = array();
	$iterator = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $real, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $iterator as $file ) {
		$relative = str_replace( DIRECTORY_SEPARATOR, '/', substr( $file->getPathname(), strlen( $real ) + 1 ) );
		if ( preg_match( '/\.(json|csv)$/i', $relative ) && 0 !== strpos( $relative, 'schema/' ) && count( $files ) < 200 ) {
			$files[] = array(
				'name' => $relative,
				'url'  => $folder . $relative,
			);
		}
	}
	usort(
		$files,
		function ( $a, $b ) {
			return strcmp( $a['name'], $b['name'] );
		}
	);
	return $files;
}
