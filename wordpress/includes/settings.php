<?php
/**
 * Settings → IOM widgets: where the widgets' script comes from, and the default data folder.
 * One option, iom_widgets_settings, which uninstall.php removes.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_init',
	function () {
		register_setting(
			'iom_widgets',
			'iom_widgets_settings',
			array(
				'type'              => 'object',
				'sanitize_callback' => 'iom_widgets_sanitize_settings',
				'default'           => array(
					'script_url'  => '',
					'data_folder' => '',
				),
			)
		);
	}
);

/**
 * The settings as saved: addresses only ('' for the plugin's own copy).
 *
 * @param mixed $input The submitted form.
 */
function iom_widgets_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	// From the form, `script` says which of the two; WordPress may pass the result through here a
	// second time (when it adds the option), without it.
	$use_url = isset( $input['script'] ) ? 'url' === $input['script'] : true;
	$script  = $use_url ? trim( (string) ( $input['script_url'] ?? '' ) ) : '';
	$folder = trim( (string) ( $input['data_folder'] ?? '' ) );
	return array(
		'script_url'  => '' === $script ? '' : esc_url_raw( $script ),
		'data_folder' => '' === $folder ? '' : trailingslashit( esc_url_raw( $folder ) ),
	);
}

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'IOM widgets', 'iom-widgets' ), __( 'IOM widgets', 'iom-widgets' ), 'manage_options', 'iom-widgets', 'iom_widgets_settings_page' );
	}
);

// A "Settings" link beside "Deactivate" on the Plugins screen.
add_filter(
	'plugin_action_links_' . plugin_basename( IOM_WIDGETS_FILE ),
	function ( $links ) {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=iom-widgets' ) ) . '">' . esc_html__( 'Settings', 'iom-widgets' ) . '</a>' );
		return $links;
	}
);

/** The settings page. */
function iom_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = iom_widgets_settings();
	$own      = '' === $settings['script_url'];
	$files    = iom_widgets_data_files();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'IOM widgets', 'iom-widgets' ); ?></h1>
		<p><?php esc_html_e( 'Editors, Authors and Contributors place a widget with its block (search "IOM" in the block inserter) or, in the classic editor, with the [iom_widget] shortcode.', 'iom-widgets' ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'iom_widgets' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Widgets’ script', 'iom-widgets' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Widgets’ script', 'iom-widgets' ); ?></legend>
							<p><label><input type="radio" name="iom_widgets_settings[script]" value="own" <?php checked( $own ); ?>>
								<?php
								/* translators: %s: the plugin's version */
								printf( esc_html__( 'This plugin’s copy (version %s)', 'iom-widgets' ), esc_html( IOM_WIDGETS_VERSION ) );
								?>
							</label></p>
							<p><label><input type="radio" name="iom_widgets_settings[script]" value="url" <?php checked( ! $own ); ?>>
								<?php esc_html_e( 'Another address:', 'iom-widgets' ); ?></label>
								<input type="url" class="regular-text code" id="iom-widgets-script-url" name="iom_widgets_settings[script_url]" value="<?php echo esc_attr( $settings['script_url'] ); ?>" placeholder="https://cdn.jsdelivr.net/npm/iom-widgets@<?php echo esc_attr( IOM_WIDGETS_VERSION ); ?>/dist/iom-widgets.loader.js" aria-label="<?php esc_attr_e( 'Address of the widgets’ script', 'iom-widgets' ); ?>">
							</p>
							<p class="description"><?php esc_html_e( 'The address of iom-widgets.loader.js, with the other files of the package’s dist/ folder beside it (the element files, chunks/ and iom-widgets.chart.js); or of the one-file iom-widgets.bundle.js, with iom-widgets.chart.js beside it. It is loaded as a module, only on pages that show a widget.', 'iom-widgets' ); ?></p>
						</fieldset>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="iom-widgets-data-folder"><?php esc_html_e( 'Default data folder', 'iom-widgets' ); ?></label></th>
					<td>
						<input type="text" class="regular-text code" id="iom-widgets-data-folder" name="iom_widgets_settings[data_folder]" value="<?php echo esc_attr( $settings['data_folder'] ); ?>" placeholder="<?php echo esc_attr( plugins_url( 'data/', IOM_WIDGETS_FILE ) ); ?>" aria-describedby="iom-widgets-data-folder-description">
						<p class="description" id="iom-widgets-data-folder-description">
							<?php esc_html_e( 'Where your data files are (an address, or a path from the site’s root such as /data/). Empty: IOM’s report files that come with this plugin. The block lists the .json and .csv files of this folder when it is on this site, and a shortcode’s src that is only a file name is read from it.', 'iom-widgets' ); ?>
						</p>
						<p class="description">
							<?php
							/* translators: %d: number of files */
							printf( esc_html( _n( 'Files found there: %d.', 'Files found there: %d.', count( $files ), 'iom-widgets' ) ), count( $files ) );
							?>
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
