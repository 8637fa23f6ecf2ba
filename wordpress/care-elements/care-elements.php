<?php
/**
 * Plugin Name:       Care Elements
 * Description:       The leaky gut article's interactive parts as blocks and shortcodes: a symptom self-check, the causes, a treatment checklist, the free guide signup and an enhanced comment form. Each prints its content as plain HTML first, so a page reads without JavaScript.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       care-elements
 * Domain Path:       /languages
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

define( 'CARE_ELEMENTS_VERSION', '0.1.0' );
define( 'CARE_ELEMENTS_FILE', __FILE__ );
define( 'CARE_ELEMENTS_DIR', plugin_dir_path( __FILE__ ) );
define( 'CARE_ELEMENTS_URL', plugin_dir_url( __FILE__ ) );

/*
 * Settings first (the other files read them through care_elements_settings()), then what prints
 * the elements, then what hooks them into WordPress. A file that is not there yet is skipped, so
 * the plugin keeps working while it is being written.
 */
foreach (
	array(
		'settings',
		'content',
		'render',
		'assets',
		'blocks',
		'shortcodes',
		'kses',
		'comments',
		'signups',
		'admin',
		'privacy',
	) as $care_elements_file
) {
	if ( is_readable( CARE_ELEMENTS_DIR . "includes/{$care_elements_file}.php" ) ) {
		require_once CARE_ELEMENTS_DIR . "includes/{$care_elements_file}.php";
	}
}
unset( $care_elements_file );

/** Loads the plugin's translations (languages/care-elements-<locale>.mo). */
function care_elements_load_textdomain() {
	load_plugin_textdomain( 'care-elements', false, dirname( plugin_basename( CARE_ELEMENTS_FILE ) ) . '/languages' );
}
// Before anything else on init, so block titles and descriptions registered there are translated.
add_action( 'init', 'care_elements_load_textdomain', 1 );

/**
 * On activation: whatever the signups store needs (defined in includes/signups.php).
 *
 * @param bool $network_wide Whether the plugin is activated for every site of a network.
 */
function care_elements_on_activation( $network_wide = false ) {
	if ( function_exists( 'care_elements_activate' ) ) {
		care_elements_activate( $network_wide );
	}
}
register_activation_hook( CARE_ELEMENTS_FILE, 'care_elements_on_activation' );

/**
 * On deactivation: the signups store's clean-up (defined in includes/signups.php).
 *
 * @param bool $network_wide Whether the plugin is deactivated for every site of a network.
 */
function care_elements_on_deactivation( $network_wide = false ) {
	if ( function_exists( 'care_elements_deactivate' ) ) {
		care_elements_deactivate( $network_wide );
	}
}
register_deactivation_hook( CARE_ELEMENTS_FILE, 'care_elements_on_deactivation' );
