<?php
/**
 * The article's default content: the heading, items and caution of its three lists, in English
 * and Spanish. It is the library's own `ARTICLE` (src/content/article.ts), written to
 * content/article.json by wordpress/build.mjs, so the plugin and the elements never disagree.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The whole article as content/article.json holds it: `{en: {symptoms, causes, treatment}, es: …}`,
 * each list `{heading, caution, items: [{id, label, detail?}]}`. An empty array when the file is
 * missing or unreadable (a plugin copied without running the build).
 *
 * @return array
 */
function care_elements_article() {
	static $article = null;
	if ( null === $article ) {
		$file    = CARE_ELEMENTS_DIR . 'content/article.json';
		$json    = is_readable( $file ) ? file_get_contents( $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$decoded = false === $json ? null : json_decode( $json, true );
		$article = is_array( $decoded ) ? $decoded : array();
	}
	return $article;
}

/**
 * The language of the article to show: Spanish when WordPress's locale is Spanish (`es_ES`,
 * `es_MX`, …), English otherwise, as the elements pick their own strings from the page's `lang`.
 *
 * @return string 'es' or 'en'.
 */
function care_elements_content_lang() {
	return 0 === strpos( determine_locale(), 'es' ) ? 'es' : 'en';
}

/**
 * One list of the article in the current language.
 *
 * @param string $list 'symptoms', 'causes' or 'treatment'.
 * @return array{heading: string, caution: string, items: array} Empty strings and no items when
 *               the content is missing, so that the element then shows its own default.
 */
function care_elements_article_list( $list ) {
	$article = care_elements_article();
	$lang    = care_elements_content_lang();
	$found   = isset( $article[ $lang ][ $list ] ) ? $article[ $lang ][ $list ] : array();
	return array(
		'heading' => isset( $found['heading'] ) ? (string) $found['heading'] : '',
		'caution' => isset( $found['caution'] ) ? (string) $found['caution'] : '',
		'items'   => isset( $found['items'] ) && is_array( $found['items'] ) ? $found['items'] : array(),
	);
}
