<?php
/**
 * The plugin's settings: one option, `care_elements_settings`, an array read through
 * care_elements_settings() (saved values over the defaults) and written through the Settings API
 * (Settings → Care Elements, see admin.php) with care_elements_sanitize_settings() as its gate.
 *
 * Also the consent wording a reader is shown, which each signup records.
 *
 * @package care-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * What each setting is when nothing was saved.
 *
 * - `comment_form`: replace the theme's comment form with <care-comment-form>.
 * - `rest_comments`: allow anonymous comments through the REST API (WordPress refuses them by
 *   default), which the element then uses instead of wp-comments-post.php.
 * - `guide_url`: the guide's download link, shown after a signup ('' = none).
 * - `offer`: show the opt-in for the free 3-day supply of Life Greens.
 * - `consent_text`: the consent checkbox's wording ('' = the element's own, in the page's language).
 * - `name_field`: show a first-name field.
 * - `consent_required`: a signup without the consent box ticked is refused.
 * - `signup_action`: '' stores signups in this site's table through the plugin's REST route; an
 *   http(s) URL makes the element post to that endpoint instead.
 *
 * @return array{comment_form: bool, rest_comments: bool, guide_url: string, offer: bool, consent_text: string, name_field: bool, consent_required: bool, signup_action: string}
 */
function care_elements_setting_defaults(): array {
	return array(
		'comment_form'     => false,
		'rest_comments'    => false,
		'guide_url'        => '',
		'offer'            => false,
		'consent_text'     => '',
		'name_field'       => false,
		'consent_required' => true,
		'signup_action'    => '',
	);
}

/**
 * The settings in force: the saved option over the defaults, each value of its default's type.
 * A value of the wrong type (an option written by hand) reads as the default.
 *
 * @return array{comment_form: bool, rest_comments: bool, guide_url: string, offer: bool, consent_text: string, name_field: bool, consent_required: bool, signup_action: string}
 */
function care_elements_settings(): array {
	$defaults = care_elements_setting_defaults();
	$saved    = get_option( 'care_elements_settings', array() );
	$settings = $defaults;
	if ( is_array( $saved ) ) {
		foreach ( $defaults as $name => $default ) {
			if ( isset( $saved[ $name ] ) && gettype( $saved[ $name ] ) === gettype( $default ) ) {
				$settings[ $name ] = $saved[ $name ];
			}
		}
	}
	return $settings;
}

/**
 * The Settings API's gate for `care_elements_settings`: takes the submitted form (or any array
 * given to update_option()) and returns a complete, typed settings array. A checkbox that is
 * absent is off, as an HTML form leaves an unticked box out. A URL that cannot be kept is dropped
 * with a notice on the settings page. A value that is not an array changes nothing.
 *
 * @param mixed $input The submitted value.
 * @return array The settings to store.
 */
function care_elements_sanitize_settings( $input ): array {
	if ( ! is_array( $input ) ) {
		// Not a form's fields: keep what is in force rather than turn every box off.
		return care_elements_settings();
	}
	$settings = care_elements_setting_defaults();

	foreach ( array( 'comment_form', 'rest_comments', 'offer', 'name_field', 'consent_required' ) as $name ) {
		$settings[ $name ] = ! empty( $input[ $name ] ) && is_scalar( $input[ $name ] ) && rest_sanitize_boolean( $input[ $name ] );
	}

	$guide_url = isset( $input['guide_url'] ) && is_string( $input['guide_url'] ) ? trim( $input['guide_url'] ) : '';
	if ( '' !== $guide_url ) {
		// A path on this site ("/guide.pdf") or an http(s) URL as typed; anything else is not a
		// download link (esc_url_raw() alone would make "guide.pdf" the host "http://guide.pdf").
		$typed                 = preg_match( '#^(/(?!/)|https?://)#i', $guide_url );
		$settings['guide_url'] = $typed ? esc_url_raw( $guide_url, array( 'http', 'https' ) ) : '';
		if ( '' === $settings['guide_url'] ) {
			care_elements_settings_error( 'guide_url', __( 'The guide link must be an http or https address, or a path on this site. It was not saved.', 'care-elements' ) );
		}
	}

	$action = isset( $input['signup_action'] ) && is_string( $input['signup_action'] ) ? trim( $input['signup_action'] ) : '';
	if ( '' !== $action ) {
		$kept = preg_match( '#^https?://#i', $action ) ? esc_url_raw( $action, array( 'http', 'https' ) ) : '';
		// Only a full address: the element posts to it from any page, so a relative one would move with the page.
		if ( '' !== $kept && wp_parse_url( $kept, PHP_URL_HOST ) ) {
			$settings['signup_action'] = $kept;
		} else {
			care_elements_settings_error( 'signup_action', __( 'The signup endpoint must be a full http or https address. Signups stay on this site.', 'care-elements' ) );
		}
	}

	$consent = isset( $input['consent_text'] ) && is_string( $input['consent_text'] ) ? sanitize_text_field( $input['consent_text'] ) : '';
	// The wording is stored with each signup; a sentence or two is what a checkbox label holds.
	$settings['consent_text'] = mb_substr( $consent, 0, 1000 );

	return $settings;
}

/**
 * Notes a refused value for the settings page, when there is one to show it (not when the option
 * is written from code). Once: WordPress runs the gate twice when the option is first saved.
 *
 * @param string $field   The setting's name.
 * @param string $message What was refused and what happened instead.
 */
function care_elements_settings_error( string $field, string $message ): void {
	if ( ! function_exists( 'add_settings_error' ) ) {
		return;
	}
	$code = 'care_elements_' . $field;
	foreach ( get_settings_errors( 'care_elements_settings' ) as $error ) {
		if ( $error['code'] === $code ) {
			return;
		}
	}
	add_settings_error( 'care_elements_settings', $code, $message );
}

/**
 * The consent wording a reader is shown: the `consent_text` setting, else the element's own.
 *
 * @return string
 */
function care_elements_consent_text(): string {
	$settings = care_elements_settings();
	return '' !== $settings['consent_text'] ? $settings['consent_text'] : care_elements_element_consent_text();
}

/**
 * The element's own consent wording in the site's language (the theme prints the site's locale as
 * `<html lang>`, which the element reads). These two sentences are copies of `signupConsent` in
 * src/i18n/en.ts and src/i18n/es.ts, the only languages the element speaks: change them together.
 *
 * @param string|null $locale A locale (default: the site's).
 * @return string
 */
function care_elements_element_consent_text( ?string $locale = null ): string {
	$locale = null === $locale ? get_locale() : $locale;
	if ( 0 === strpos( strtolower( $locale ), 'es' ) ) {
		return 'Acepto recibir la guía y correos ocasionales sobre salud intestinal. Puedo darme de baja cuando quiera.';
	}
	return 'I agree to receive the guide and occasional gut-health emails. I can unsubscribe at any time.';
}

/**
 * Registers the option with its gate. On `init`, so that options.php (which saves the settings
 * page), the REST API and any code that updates the option all go through the same sanitizing.
 */
function care_elements_register_settings(): void {
	register_setting(
		'care_elements',
		'care_elements_settings',
		array(
			'type'              => 'object',
			'description'       => __( 'Settings of the Care Elements plugin.', 'care-elements' ),
			'sanitize_callback' => 'care_elements_sanitize_settings',
			'default'           => care_elements_setting_defaults(),
			'show_in_rest'      => false,
		)
	);
}
add_action( 'init', 'care_elements_register_settings' );
