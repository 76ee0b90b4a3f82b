<?php
/**
 * [iom_widget type="stat-counter" src="annual-report-2023.json#/highlights/peopleReached"], for
 * the classic editor and older themes: the same tag a block saves, from the widget's documented
 * attributes only. Text between [iom_widget …] and [/iom_widget] is the fallback content, shown
 * where the script does not run.
 *
 * @package iom-widgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The widget's markup for a shortcode's attributes (and fallback content), or a short error
 * for the page's editors.
 *
 * @param array|string $atts    The shortcode's attributes; a bare word (`switchable`) is a boolean attribute.
 * @param string|null  $content The text between the opening and closing shortcode.
 */
function iom_widgets_shortcode( $atts, $content = null ) {
	$atts    = is_array( $atts ) ? $atts : array();
	$catalog = iom_widgets_catalog();
	$type    = isset( $atts['type'] ) ? strtolower( (string) $atts['type'] ) : '';
	if ( ! isset( $catalog[ $type ] ) ) {
		$message = sprintf(
			/* translators: 1: the type given, 2: the list of widget types */
			__( '[iom_widget]: type="%1$s" is not a widget; use one of %2$s.', 'iom-widgets' ),
			$type,
			implode( ', ', array_keys( $catalog ) )
		);
		// Only people who can fix it see the message; readers see nothing.
		return current_user_can( 'edit_posts' ) ? '<p class="iom-widgets-error"><strong>' . esc_html( $message ) . '</strong></p>' : '';
	}
	$known = $catalog[ $type ];
	$html  = '';
	foreach ( $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word: a boolean attribute (`[iom_widget type="donor-ranking" switchable]`).
			$name  = strtolower( (string) $value );
			$value = 'true';
		}
		if ( ! isset( $known[ $name ] ) ) {
			continue;
		}
		if ( 'boolean' === $known[ $name ] ) {
			if ( ! in_array( strtolower( (string) $value ), array( 'false', '0', 'no', 'off', '' ), true ) ) {
				$html .= ' ' . $name;
			}
			continue;
		}
		if ( 'src' === $name ) {
			$html .= ' src="' . esc_url( iom_widgets_resolve_src( (string) $value ) ) . '"';
			continue;
		}
		$html .= ' ' . $name . '="' . esc_attr( (string) $value ) . '"';
	}
	$fallback = iom_widgets_shortcode_fallback( (string) $content );
	iom_widgets_enqueue();
	return '<' . $type . $html . '>' . ( '' !== $fallback ? '<div slot="fallback">' . $fallback . '</div>' : '' ) . '</' . $type . '>';
}

/**
 * The text between the shortcodes as fallback content: without the <p> and <br /> that wpautop
 * put around and inside it before shortcodes ran, and filtered like the post itself.
 *
 * @param string $content The enclosed content.
 */
function iom_widgets_shortcode_fallback( $content ) {
	// wpautop ran before shortcodes: it may have closed a paragraph just after the opening
	// shortcode, opened one before the closing one, and ended lines with <br />.
	$content = preg_replace( '#^(\s|</p>|<br\s*/?>)+|(\s|<p>|<br\s*/?>)+$#i', '', (string) $content );
	if ( '' === $content ) {
		return '';
	}
	if ( '<' !== $content[0] ) {
		$content = '<p>' . $content . '</p>';
	}
	return force_balance_tags( wp_kses_post( $content ) );
}

add_shortcode( 'iom_widget', 'iom_widgets_shortcode' );
