<?php
/**
 * The five tags written directly in post content by users without `unfiltered_html` (Authors, and
 * Editors on multisite): kses strips tags it does not know, so an Author's
 * `<care-cause-list heading="Causes"><ul>…</ul></care-cause-list>` would be stored as the bare
 * list. The light-DOM content inside (headings, `ul`/`li` with `data-id` and `data-detail`, `p`)
 * is already allowed.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Allows the five tags in the `post` context, each with exactly its own attributes (lower case,
 * as kses compares them), plus the global attributes kses grants every tag it allows (`id`,
 * `class`, `lang`, `dir`, `style`, `title`, `role`, `aria-*`, `data-*`, …): `lang` picks the
 * element's language, `id` is a link's target.
 *
 * @param array  $tags    Tag name => allowed attributes.
 * @param string $context The kses context.
 * @return array
 */
function care_elements_kses_allowed_html( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	foreach ( care_elements_element_attributes() as $tag => $types ) {
		$allowed      = array_fill_keys( array_keys( $types ), true );
		$tags[ $tag ] = function_exists( '_wp_add_global_attributes' ) ? _wp_add_global_attributes( $allowed ) : $allowed;
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'care_elements_kses_allowed_html', 10, 2 );

/**
 * Checks the elements' URL attributes that kses does not already know as URLs (`src` and `action`
 * it does) against the allowed protocols, so `javascript:` cannot get into `guide-url` or
 * `nonce-url`.
 *
 * @param string[] $attributes The attribute names kses treats as URLs.
 * @return string[]
 */
function care_elements_kses_uri_attributes( $attributes ) {
	return array_merge( $attributes, array( 'guide-url', 'nonce-url' ) );
}
add_filter( 'wp_kses_uri_attributes', 'care_elements_kses_uri_attributes' );
