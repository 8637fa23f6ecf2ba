<?php
/**
 * The comment form: `<care-comment-form>` around the theme's own `comment_form()` when the
 * `comment_form` setting is on (and around the comment-form block's), WordPress's REST route for
 * it when the site allows that, and the reply script out of its way.
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether the plugin is printing its own comment form (the block's) now, so the theme hooks below
 * do not wrap it a second time.
 *
 * @param bool|null $printing True when it starts, false when it ends; null only asks.
 * @return bool
 */
function care_elements_printing_comment_form( $printing = null ) {
	static $now = false;
	if ( null !== $printing ) {
		$now = (bool) $printing;
	}
	return $now;
}

/**
 * Whether the plugin printed a post's comment form on this page (the Comment form block or the
 * `[care_comment_form]` shortcode, in the post's content). The theme prints the post's own form
 * after the content, under the post: that would be a second form, with the same ids (`respond`,
 * `commentform`, `comment`, `email`, …), so the labels of one would name the fields of the other.
 *
 * @param int  $post_id The post.
 * @param bool $printed True when its form has just been printed; false only asks.
 * @return bool
 */
function care_elements_comment_form_printed( $post_id, $printed = false ) {
	static $posts = array();
	if ( $printed ) {
		$posts[ (int) $post_id ] = true;
	}
	return isset( $posts[ (int) $post_id ] );
}

/**
 * Whether the theme's comment form being printed now is held back (see
 * care_elements_hold_back_theme_comment_form()).
 *
 * @param bool|null $holding True when it starts, false when it ends; null only asks.
 * @return bool Whether it was held back before this call.
 */
function care_elements_holding_back_comment_form( $holding = null ) {
	static $now = false;
	$was = $now;
	if ( null !== $holding ) {
		$now = (bool) $holding;
	}
	return $was;
}

/**
 * Holds back the theme's comment form of a post whose form the plugin has already printed: what
 * comment_form() prints from `comment_form_before` (first of its callbacks) to `comment_form_after`
 * (last) is buffered and dropped. The reader has one form, the one the post's author placed.
 */
function care_elements_hold_back_theme_comment_form() {
	if ( care_elements_printing_comment_form() || ! get_the_ID() || ! care_elements_comment_form_printed( get_the_ID() ) ) {
		return;
	}
	care_elements_holding_back_comment_form( true );
	ob_start();
}
add_action( 'comment_form_before', 'care_elements_hold_back_theme_comment_form', PHP_INT_MIN );

/** Drops the theme's comment form held back by care_elements_hold_back_theme_comment_form(). */
function care_elements_drop_theme_comment_form() {
	if ( care_elements_holding_back_comment_form( false ) ) {
		ob_end_clean();
	}
}
add_action( 'comment_form_after', 'care_elements_drop_theme_comment_form', PHP_INT_MAX );

/**
 * The comment `?replytocom` names, if it is an approved comment of this post: what a theme's Reply
 * link asks for when comment-reply.js is not there to move the form.
 *
 * @param int $post_id The post of the form.
 * @return WP_Comment|null Null without `?replytocom`, and for a comment of another post or one not approved.
 */
function care_elements_reply_to_comment( $post_id ) {
	$id = isset( $_GET['replytocom'] ) ? absint( $_GET['replytocom'] ) : 0; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- WordPress's own reply link.
	$comment = $id ? get_comment( $id ) : null;
	if ( ! $comment instanceof WP_Comment || (int) $comment->comment_post_ID !== (int) $post_id || '1' !== (string) $comment->comment_approved ) {
		return null;
	}
	return $comment;
}

/**
 * The opening `<care-comment-form>` tag for a post's form:
 * - `post-id`, and `parent-id` with `reply-to` (the replied author) for a valid `?replytocom`;
 *   `parent-id="0"` for an invalid one, which WordPress 6.1 still prints in the theme form's
 *   `comment_parent`, where the element would otherwise take it from;
 * - REST (`protocol="wordpress"`, `action` = the site's `wp/v2/comments`) when the site allows
 *   anonymous REST comments (the `rest_comments` setting) or the reader is logged in; otherwise no
 *   `action`, and the element posts where the theme's form does (`wp-comments-post.php`);
 * - `wp-nonce` only for a logged-in reader (a nonce printed into a cached page goes stale), and
 *   `nonce-url`, where the element renews a stale one.
 * Printing it also loads the bundle and keeps comment-reply.js off the page: that script moves the
 * theme's form out of the element. Reply links then reload the page with `?replytocom`.
 *
 * @param int   $post_id    The post.
 * @param array $attributes More attributes (`heading`, `heading-level`, `keep-days`, `class`).
 * @return string
 */
function care_elements_comment_form_open_tag( $post_id, $attributes = array() ) {
	$site = array( 'post-id' => (int) $post_id );
	if ( isset( $_GET['replytocom'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$parent            = care_elements_reply_to_comment( $post_id );
		$site['parent-id'] = $parent ? (int) $parent->comment_ID : 0;
		if ( $parent ) {
			$site['reply-to'] = get_comment_author( $parent );
		}
	}
	$settings = care_elements_current_settings();
	if ( $settings['rest_comments'] || is_user_logged_in() ) {
		$site['protocol'] = 'wordpress';
		$site['action']   = rest_url( 'wp/v2/comments' );
	}
	if ( is_user_logged_in() ) {
		$site['wp-nonce'] = wp_create_nonce( 'wp_rest' );
	}
	$site['nonce-url'] = admin_url( 'admin-ajax.php?action=rest-nonce' );

	care_elements_enqueue();
	add_action( 'wp_footer', 'care_elements_dequeue_comment_reply', 1 );
	return care_elements_open_tag( 'care-comment-form', $site + $attributes );
}

/** Takes comment-reply.js off the page before the footer prints it (block themes enqueue it while rendering). */
function care_elements_dequeue_comment_reply() {
	wp_dequeue_script( 'comment-reply' );
}

/**
 * Opens `<care-comment-form>` before the theme's comment form when the `comment_form` setting is
 * on. (`comment_form_before` fires only when comments are open.)
 */
function care_elements_open_theme_comment_form() {
	$settings = care_elements_current_settings();
	if ( ! $settings['comment_form'] || care_elements_printing_comment_form() || ! get_the_ID() ) {
		return;
	}
	care_elements_theme_comment_form_open( true );
	echo care_elements_comment_form_open_tag( get_the_ID() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped when built.
}
add_action( 'comment_form_before', 'care_elements_open_theme_comment_form' );

/** Closes the `<care-comment-form>` that care_elements_open_theme_comment_form() opened. */
function care_elements_close_theme_comment_form() {
	if ( care_elements_theme_comment_form_open( false ) ) {
		echo '</care-comment-form>';
	}
}
add_action( 'comment_form_after', 'care_elements_close_theme_comment_form' );

/**
 * Whether a `<care-comment-form>` around the theme's form is open: set when it opens, taken back
 * when it closes, so a close is printed only after an open.
 *
 * @param bool $open True when it opens; false to close it.
 * @return bool Whether it was open before this call.
 */
function care_elements_theme_comment_form_open( $open ) {
	static $is_open = false;
	$was     = $is_open;
	$is_open = (bool) $open;
	return $was;
}

/**
 * Lets anonymous readers comment through the REST API when the `rest_comments` setting is on
 * (WordPress refuses them with 401 `rest_comment_login_required` by default).
 *
 * @param bool $allow What WordPress or another plugin decided.
 * @return bool
 */
function care_elements_allow_anonymous_rest_comments( $allow ) {
	$settings = care_elements_current_settings();
	return $settings['rest_comments'] ? true : $allow;
}
add_filter( 'rest_allow_anonymous_comments', 'care_elements_allow_anonymous_rest_comments' );
