<?php
/**
 * Data files in the Media Library: .json (and .csv, which WordPress already accepts) for every
 * role that may upload files, so a block can use a file uploaded by its author.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'upload_mimes',
	function ( $mimes ) {
		$mimes['json'] = 'application/json';
		$mimes['csv']  = 'text/csv';
		return $mimes;
	}
);

// WordPress compares a file's content with its name and refuses a mismatch. A small JSON file
// reads as text/plain to PHP's fileinfo, and a CSV as text/plain or application/csv: accept
// those for these two endings only.
add_filter(
	'wp_check_filetype_and_ext',
	function ( $data, $file, $filename, $mimes, $real_mime = null ) {
		if ( ! empty( $data['ext'] ) ) {
			return $data;
		}
		$ext      = strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) );
		$readable = array(
			'json' => array( 'application/json', 'text/plain' ),
			'csv'  => array( 'text/csv', 'text/plain', 'application/csv' ),
		);
		if ( isset( $readable[ $ext ] ) && in_array( $real_mime, $readable[ $ext ], true ) && current_user_can( 'upload_files' ) ) {
			$data['ext']  = $ext;
			$data['type'] = 'json' === $ext ? 'application/json' : 'text/csv';
		}
		return $data;
	},
	10,
	5
);
