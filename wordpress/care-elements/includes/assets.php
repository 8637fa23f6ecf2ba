<?php
/**
 * The bundle (assets/care-elements.js, the library's dist/care-elements.js): one ES module with
 * all five elements, loaded only on pages that show one of them.
 *
 * WordPress 6.5 and later load it through the Script Modules API; 6.1 to 6.4 have no such API, so
 * there it is a registered script whose tag gets `type="module"`. Either way it is versioned by the
 * file's modification time, so a new build is never served from a stale cache.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether WordPress has the Script Modules API (6.5+).
 *
 * @return bool
 */
function care_elements_uses_script_modules() {
	return function_exists( 'wp_register_script_module' ) && function_exists( 'wp_enqueue_script_module' );
}

/** Registers the bundle under the id `care-elements`, as a script module or as a script. */
function care_elements_register_bundle() {
	$file    = CARE_ELEMENTS_DIR . 'assets/care-elements.js';
	$src     = CARE_ELEMENTS_URL . 'assets/care-elements.js';
	$version = is_readable( $file ) ? (string) filemtime( $file ) : CARE_ELEMENTS_VERSION;
	if ( care_elements_uses_script_modules() ) {
		wp_register_script_module( 'care-elements', $src, array(), $version );
	} else {
		// In the head when enqueued in time (a module is deferred: it blocks nothing, and is fetched
		// sooner); a later enqueue, by a block or shortcode rendered after wp_head, prints in the footer.
		wp_register_script( 'care-elements', $src, array(), $version, false );
	}
}
add_action( 'init', 'care_elements_register_bundle' );

/**
 * Makes the bundle's script tag a module's (WordPress before 6.5). Only the tag with the bundle's
 * id is changed: inline scripts another plugin adds before or after it stay as they are.
 *
 * @param string $tag    The HTML of the script's tags.
 * @param string $handle The script's handle.
 * @param string $src    The script's URL.
 * @return string
 */
function care_elements_module_script_tag( $tag, $handle, $src ) {
	if ( 'care-elements' !== $handle ) {
		return $tag;
	}
	$module = sprintf( '<script type="module" src="%s" id="care-elements-js"></script>', esc_url( $src ) );
	return preg_replace( '#<script\b[^>]*\bid=([\'"])care-elements-js\1[^>]*>\s*</script>#', $module, $tag, 1 );
}
add_filter( 'script_loader_tag', 'care_elements_module_script_tag', 10, 3 );

/**
 * Loads the bundle on this page. Each render function calls it, so the bundle comes only where an
 * element is printed; calling it again changes nothing.
 */
function care_elements_enqueue() {
	if ( care_elements_uses_script_modules() ) {
		wp_enqueue_script_module( 'care-elements' );
	} else {
		wp_enqueue_script( 'care-elements' );
	}
}

/**
 * Loads the bundle up front on a post or page that holds an element: tags written in the content
 * directly (`<care-symptom-list>`), which no render function sees, and the plugin's blocks and
 * shortcodes, whose render would otherwise enqueue it only after the head was printed.
 */
function care_elements_enqueue_for_content() {
	$post = is_singular() ? get_post() : null;
	if ( ! $post instanceof WP_Post ) {
		return;
	}
	foreach ( array( '<care-', '<!-- wp:care-elements/', '[care_' ) as $mark ) {
		if ( false !== strpos( $post->post_content, $mark ) ) {
			care_elements_enqueue();
			return;
		}
	}
}
add_action( 'wp_enqueue_scripts', 'care_elements_enqueue_for_content' );
