<?php
/**
 * The shortcodes, for the classic editor and widgets: the same HTML as the blocks.
 *
 *     [care_symptom_list selectable persist]
 *     [care_cause_list heading="What can cause it" heading_level="3"]
 *     [care_treatment_checklist storage-key="gut-plan"]
 *     [care_guide_signup offer name_field]
 *     [care_comment_form]
 *
 * Attributes are the elements' own, written with hyphens or underscores. A bare word is a boolean
 * attribute that is on; `="false"` (or `0`, `no`, `off`) turns one off, as to override a setting of
 * the signup. `heading=""` or `caution=""` prints none.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Shortcode attributes as the render functions take them: a bare word (WordPress gives it a
 * numeric key) is a boolean attribute that is on.
 *
 * @param array|string $atts What WordPress parsed ('' when the shortcode has none).
 * @return array
 */
function care_elements_shortcode_attributes( $atts ) {
	$given = array();
	foreach ( is_array( $atts ) ? $atts : array() as $key => $value ) {
		if ( is_int( $key ) ) {
			$given[ strtolower( (string) $value ) ] = true;
		} else {
			$given[ $key ] = $value;
		}
	}
	return $given;
}

/**
 * The five shortcodes and the render function of each one's element.
 *
 * @return array<string, callable>
 */
function care_elements_shortcodes() {
	return array(
		'care_symptom_list'        => 'care_elements_render_symptom_list',
		'care_cause_list'          => 'care_elements_render_cause_list',
		'care_treatment_checklist' => 'care_elements_render_treatment_checklist',
		'care_guide_signup'        => 'care_elements_render_guide_signup',
		'care_comment_form'        => 'care_elements_render_comment_form',
	);
}

/** Registers the five shortcodes. */
function care_elements_register_shortcodes() {
	foreach ( care_elements_shortcodes() as $tag => $render ) {
		add_shortcode(
			$tag,
			static function ( $atts ) use ( $render ) {
				return call_user_func( $render, care_elements_shortcode_attributes( $atts ) );
			}
		);
	}
}
add_action( 'init', 'care_elements_register_shortcodes' );

/**
 * Takes back out the paragraphs and line breaks wpautop() put around the plugin's shortcodes and
 * around the five tags written directly in classic content. wpautop() knows neither as a block:
 * shortcodes on consecutive lines become one paragraph (`<p>[care_symptom_list]<br />
 * [care_cause_list]</p>`, and the elements printed into it end up split across paragraphs), and a
 * tag is wrapped like an inline one (`<p><care-cause-list></p><ul>…</ul><p></care-cause-list></p>`,
 * which the browser parses with the list outside the element). WordPress's shortcode_unautop()
 * handles only a shortcode alone in its paragraph.
 *
 * Runs after wpautop (same priority, added later) and before shortcodes are expanded (11).
 *
 * @param string $content The post content.
 * @return string
 */
function care_elements_unautop( $content ) {
	if ( false === strpos( $content, '[care_' ) && false === strpos( $content, '<care-' ) ) {
		return $content;
	}
	$tags       = implode( '|', array_keys( care_elements_element_attributes() ) );
	$shortcodes = implode( '|', array_keys( care_elements_shortcodes() ) );
	$piece      = '</?(?:' . $tags . ')\b[^>]*>|\[(?:' . $shortcodes . ')\b[^\]]*\]';
	$content    = preg_replace( '#<p>\s*(' . $piece . ')#', '$1', $content );
	return preg_replace( '#(' . $piece . ')\s*(?:<br\s*/?>|</p>)#', '$1', $content );
}
add_filter( 'the_content', 'care_elements_unautop' );
