<?php
/**
 * Privacy: the guide signups in WordPress's personal data tools (Tools → Export Personal Data and
 * Erase Personal Data, by email address), and suggested text for the site's privacy policy.
 *
 * @package care-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the exporter.
 *
 * @param array $exporters Exporters by id.
 * @return array
 */
function care_elements_register_exporter( array $exporters ): array {
	$exporters['care-elements-signups'] = array(
		'exporter_friendly_name' => __( 'Guide signups', 'care-elements' ),
		'callback'               => 'care_elements_export_signups',
	);
	return $exporters;
}
add_filter( 'wp_privacy_personal_data_exporters', 'care_elements_register_exporter' );

/**
 * Registers the eraser.
 *
 * @param array $erasers Erasers by id.
 * @return array
 */
function care_elements_register_eraser( array $erasers ): array {
	$erasers['care-elements-signups'] = array(
		'eraser_friendly_name' => __( 'Guide signups', 'care-elements' ),
		'callback'             => 'care_elements_erase_signups',
	);
	return $erasers;
}
add_filter( 'wp_privacy_personal_data_erasers', 'care_elements_register_eraser' );

/**
 * The signup of an address, as the exporter's items. An address is on the list at most once, so
 * one page holds everything.
 *
 * @param string $email The address the request is for.
 * @param int    $page  The page asked for, from 1.
 * @return array{data: array, done: bool}
 */
function care_elements_export_signups( $email, $page = 1 ): array {
	$items = array();
	foreach ( care_elements_signup_rows( 1, 0, array( 'email' => (string) $email ) ) as $row ) {
		$data = array(
			array(
				'name'  => __( 'Email', 'care-elements' ),
				'value' => $row['email'],
			),
			array(
				'name'  => __( 'First name', 'care-elements' ),
				'value' => $row['first_name'],
			),
			array(
				'name'  => __( 'Consent given', 'care-elements' ),
				'value' => $row['consent'] ? __( 'Yes', 'care-elements' ) : __( 'No', 'care-elements' ),
			),
		);
		if ( $row['consent'] ) {
			$data[] = array(
				'name'  => __( 'Consent wording', 'care-elements' ),
				'value' => $row['consent_text'],
			);
			$data[] = array(
				'name'  => __( 'Consent given at (UTC)', 'care-elements' ),
				'value' => $row['consent_at'],
			);
		}
		$data[]  = array(
			'name'  => __( 'Asked for the free 3-day supply', 'care-elements' ),
			'value' => $row['offer'] ? __( 'Yes', 'care-elements' ) : __( 'No', 'care-elements' ),
		);
		$data[]  = array(
			'name'  => __( 'Signed up at (UTC)', 'care-elements' ),
			'value' => $row['created_at'],
		);
		$items[] = array(
			'group_id'          => 'care-elements-signups',
			'group_label'       => __( 'Guide signups', 'care-elements' ),
			'group_description' => __( 'Your signup for the free gut health guide.', 'care-elements' ),
			'item_id'           => 'care-signup-' . $row['uuid'],
			'data'              => $data,
		);
	}
	return array(
		'data' => $items,
		'done' => true,
	);
}

/**
 * Deletes the signup of an address (the row, not a masked copy: a list entry without its address
 * is worth nothing).
 *
 * @param string $email The address the request is for.
 * @param int    $page  The page asked for, from 1.
 * @return array{items_removed: bool, items_retained: bool, messages: array, done: bool}
 */
function care_elements_erase_signups( $email, $page = 1 ): array {
	global $wpdb;
	$removed = $wpdb->delete( care_elements_signups_table(), array( 'email' => (string) $email ), array( '%s' ) );
	return array(
		'items_removed'  => (bool) $removed,
		'items_retained' => false,
		'messages'       => false === $removed ? array( __( 'The guide signup could not be erased. Please try again.', 'care-elements' ) ) : array(),
		'done'           => true,
	);
}

/** Suggested text for the privacy policy (Settings → Privacy → the policy guide). */
function care_elements_privacy_policy_content(): void {
	if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
		return;
	}
	$paragraphs = array(
		'<strong class="privacy-policy-tutorial">' . __( 'Suggested text:', 'care-elements' ) . '</strong> '
			. __( 'When you sign up for our free gut health guide, we store the email address you give us, your first name if you give it, whether you agreed to receive the guide and occasional emails (with the time you agreed and the exact wording you agreed to), whether you asked for the free 3-day supply of Life Greens, and when you signed up. We do not store your IP address or your browser\'s details with your signup.', 'care-elements' ),
		__( 'To limit abuse, the form remembers for 10 minutes how many signups came from your network address, under a one-way code made from it rather than the address itself, and remembers for a day the answer it gave to each submission, so that a form sent twice is stored once.', 'care-elements' ),
		__( 'We keep your signup until you ask us to remove it, or until we stop using the list. You can ask us for a copy of it, or ask us to erase it, through the contact details on this page.', 'care-elements' ),
		__( 'The comment form keeps an unsent comment in your browser\'s local storage on your own device, for 30 days after your last change, so that you do not lose it; it is removed once the comment is sent. If you tick "Save my name, email, and website in this browser for the next time I comment.", your name, email address and website are kept in the same place for about a year. Neither is sent to us until you submit a comment, and no cookie is used for either. You can remove them with "Discard draft", by unticking the box, or by clearing your browser\'s site data.', 'care-elements' ),
		__( 'The symptom list and the treatment checklist remember what you tick in the same local storage, on your device only, for 30 days after your last tick; "Forget them" and "Clear ticks" remove it at once.', 'care-elements' ),
	);
	$content = '<p class="privacy-policy-tutorial">' . __( 'Care Elements stores guide signups on this site (when a signup endpoint elsewhere is set in Settings → Care Elements, signups sent there fall under that service\'s policy) and can export or erase them through Tools → Export Personal Data and Erase Personal Data.', 'care-elements' ) . '</p>';
	foreach ( $paragraphs as $paragraph ) {
		$content .= '<p>' . $paragraph . '</p>';
	}
	wp_add_privacy_policy_content( __( 'Care Elements', 'care-elements' ), wp_kses_post( $content ) );
}
add_action( 'admin_init', 'care_elements_privacy_policy_content' );
