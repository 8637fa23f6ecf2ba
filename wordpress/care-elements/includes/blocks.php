<?php
/**
 * The five blocks (blocks/<name>/block.json): each rendered on the server by the same function as
 * its shortcode, and edited through one script without a build step (blocks/editor.js), which
 * previews the server's rendering and offers the attributes in the sidebar.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Each block's folder under blocks/ and the function that renders it.
 *
 * @return array<string, callable> Block name without the namespace => render function.
 */
function care_elements_blocks() {
	return array(
		'symptom-list'        => 'care_elements_render_symptom_list',
		'cause-list'          => 'care_elements_render_cause_list',
		'treatment-checklist' => 'care_elements_render_treatment_checklist',
		'guide-signup'        => 'care_elements_render_guide_signup',
		'comment-form'        => 'care_elements_render_comment_form',
	);
}

/**
 * Registers the editor script (the handle each block.json names as `editorScript`) and the blocks.
 * Block attributes are camelCase (`headingLevel`); the render functions read that spelling too.
 */
function care_elements_register_blocks() {
	$editor = CARE_ELEMENTS_DIR . 'blocks/editor.js';
	wp_register_script(
		'care-elements-editor',
		CARE_ELEMENTS_URL . 'blocks/editor.js',
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
		is_readable( $editor ) ? (string) filemtime( $editor ) : CARE_ELEMENTS_VERSION,
		true
	);
	wp_set_script_translations( 'care-elements-editor', 'care-elements', CARE_ELEMENTS_DIR . 'languages' );

	foreach ( care_elements_blocks() as $name => $render ) {
		register_block_type(
			CARE_ELEMENTS_DIR . 'blocks/' . $name,
			array(
				'render_callback' => static function ( $attributes, $content, $block ) use ( $render ) {
					// The comment form is the post's in context (a query loop, a template), else the current one.
					$post_id = $block instanceof WP_Block && isset( $block->context['postId'] ) ? (int) $block->context['postId'] : 0;
					return call_user_func( $render, (array) $attributes, $post_id );
				},
			)
		);
	}
}
add_action( 'init', 'care_elements_register_blocks' );

/**
 * Gives the editor script what its sidebar shows as placeholders and defaults: the article's lists
 * in the editor's language, the signup's texts and the plugin's settings.
 */
function care_elements_editor_data() {
	$settings = care_elements_current_settings();
	$data     = array(
		'lists'    => array(
			'symptoms'  => care_elements_article_list( 'symptoms' ),
			'causes'    => care_elements_article_list( 'causes' ),
			'treatment' => care_elements_article_list( 'treatment' ),
		),
		'signup'   => array(
			'heading' => __( 'Get our free gut health guide', 'care-elements' ),
		),
		'comments' => array(
			'heading' => __( 'Leave a Reply' ), // phpcs:ignore WordPress.WP.I18n.MissingArgDomain -- WordPress's own words, as comment_form() prints them.
		),
		'settings' => $settings,
	);
	wp_add_inline_script( 'care-elements-editor', 'window.careElementsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}
add_action( 'enqueue_block_editor_assets', 'care_elements_editor_data' );
