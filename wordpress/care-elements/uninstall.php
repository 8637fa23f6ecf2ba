<?php
/**
 * Deleting the plugin (Plugins → Delete, after deactivating it) removes everything it stored, on
 * every site of a network: the signups table, the settings, the schema version and the plugin's
 * transients. Deactivating alone keeps the signups and the settings.
 *
 * @package care-elements
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

// The plugin is not loaded while it is deleted: take the table's name and the transients' prefix
// from where they are defined, not from a copy.
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/signups.php';

/** Removes what the plugin stored on the current site. */
function care_elements_uninstall_site(): void {
	global $wpdb;
	$wpdb->query( 'DROP TABLE IF EXISTS ' . care_elements_signups_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table name is ours.
	delete_option( 'care_elements_settings' );
	delete_option( 'care_elements_db_version' );
	care_elements_forget_transients();
}

care_elements_each_site( true, 'care_elements_uninstall_site' );
