<?php
/**
 * Plugin Name: care-elements test instance
 * Description: Written by test/wordpress/instance.mjs into the private test instance's
 *   wp-content/mu-plugins/ (never into the system's). Test-only switches; nothing here belongs
 *   in a real site.
 */

// No outgoing HTTP and no pseudo-cron: the instance talks to nobody but the tests.
if ( ! defined( 'WP_HTTP_BLOCK_EXTERNAL' ) ) {
	define( 'WP_HTTP_BLOCK_EXTERNAL', true );
}
if ( ! defined( 'DISABLE_WP_CRON' ) ) {
	define( 'DISABLE_WP_CRON', true );
}

/*
 * Visitors. Every test request comes from 127.0.0.1, and WordPress's flood control counts per IP
 * (and per email). A request from loopback may name its visitor with `X-Care-Client: <name>`:
 * the name becomes a stable fake address in 10.0.0.0/8, which the REST controller and
 * wp-comments-post.php then read from REMOTE_ADDR like a real one. WordPress's own flood check
 * (same IP or same email within 15 s) runs unchanged. The receiver's `trustClientHeader` option
 * reads the same header, so both servers see the same visitors.
 */
// Whether the connection itself comes from loopback (read before REMOTE_ADDR may change below).
define( 'CARE_TEST_LOOPBACK', isset( $_SERVER['REMOTE_ADDR'] ) && in_array( $_SERVER['REMOTE_ADDR'], array( '127.0.0.1', '::1' ), true ) );
if ( CARE_TEST_LOOPBACK && isset( $_SERVER['HTTP_X_CARE_CLIENT'] )
	&& preg_match( '/^[A-Za-z0-9._:-]{1,100}$/', $_SERVER['HTTP_X_CARE_CLIENT'] ) ) {
	$care_hash              = md5( $_SERVER['HTTP_X_CARE_CLIENT'] );
	$_SERVER['REMOTE_ADDR'] = sprintf( '10.%d.%d.%d', hexdec( substr( $care_hash, 0, 2 ) ), hexdec( substr( $care_hash, 2, 2 ) ), hexdec( substr( $care_hash, 4, 2 ) ) );
	unset( $care_hash );
}

// Anonymous REST comments, switched by an option the harness sets ('1' on, anything else off).
add_filter(
	'rest_allow_anonymous_comments',
	function () {
		return '1' === (string) get_option( 'care_test_rest_anonymous', '0' );
	}
);

// No mail (new-comment and moderation notices): there is no MTA, and nobody to read it.
add_filter( 'pre_wp_mail', '__return_false' );

/*
 * The comment form on a post page, as a site with care-elements would print it: the built bundle
 * (copied by the harness to wp-content/care-elements/) and <care-comment-form> wrapping the
 * theme's own comment_form() output, which stays the no-JavaScript fallback.
 *
 * Query arguments for the tests:
 *   care-protocol=wordpress   the element posts to the REST API (default: the light form's
 *                             wp-comments-post.php, i.e. wordpress-classic)
 *   care-nonce=stale          print a wrong wp-nonce, as a day-old cached page would carry
 *   care-bundle=off           print the wrapper but not the bundle
 *   care-post-id=<n>          the element's post-id (a post that does not exist, say)
 *   care-parent-id=<n>        the element's parent-id (a reply)
 * A logged-in reader gets a fresh `wp_rest` nonce.
 *
 * While the plugin (wordpress/care-elements/) is active, it prints the bundle and the comment form
 * itself: both hooks below step aside (`CARE_ELEMENTS_VERSION` is defined once it has loaded,
 * after this file, so they ask when they run).
 */
function care_test_plugin_active() {
	return defined( 'CARE_ELEMENTS_VERSION' );
}
function care_test_query_arg( $name ) {
	return isset( $_GET[ $name ] ) && is_string( $_GET[ $name ] ) ? sanitize_key( $_GET[ $name ] ) : '';
}

add_action(
	'wp_head',
	function () {
		if ( care_test_plugin_active() || ! is_singular() || 'off' === care_test_query_arg( 'care-bundle' ) ) {
			return;
		}
		$file = WP_CONTENT_DIR . '/care-elements/care-elements.js';
		$ver  = file_exists( $file ) ? filemtime( $file ) : 0;
		printf( "<script type=\"module\" src=\"%s\"></script>\n", esc_url( content_url( 'care-elements/care-elements.js?ver=' . $ver ) ) );
	}
);

add_action(
	'comment_form_before',
	function () {
		if ( care_test_plugin_active() ) {
			return;
		}
		$attributes = '';
		if ( 'wordpress' === care_test_query_arg( 'care-protocol' ) ) {
			$attributes .= sprintf( ' protocol="wordpress" action="%s"', esc_url( rest_url( 'wp/v2/comments' ) ) );
		}
		foreach ( array( 'care-post-id' => 'post-id', 'care-parent-id' => 'parent-id' ) as $arg => $attribute ) {
			if ( ctype_digit( care_test_query_arg( $arg ) ) ) {
				$attributes .= sprintf( ' %s="%s"', $attribute, esc_attr( care_test_query_arg( $arg ) ) );
			}
		}
		if ( 'stale' === care_test_query_arg( 'care-nonce' ) ) {
			$attributes .= ' wp-nonce="0123456789"';
		} elseif ( is_user_logged_in() ) {
			$attributes .= sprintf( ' wp-nonce="%s"', esc_attr( wp_create_nonce( 'wp_rest' ) ) );
		}
		echo '<care-comment-form' . $attributes . '>';
	}
);

add_action(
	'comment_form_after',
	function () {
		if ( care_test_plugin_active() ) {
			return;
		}
		echo '</care-comment-form>';
	}
);

/*
 * Lost answers. A comment request from loopback (REST `POST /wp/v2/comments`, or
 * wp-comments-post.php) that carries `X-Care-Lose-Answer: <token>` is handled in full (the comment
 * stored, or refused) and then its answer is lost: the Apache child serving it kills itself, so the
 * connection breaks. The first `X-Care-Lose-Count` (default 1, at most 9) such requests of a token
 * lose their answer; later ones are answered as usual. `X-Care-Lose-How` says where it breaks:
 *   before   no byte of the answer leaves (a browser may then resend the request by itself, on a
 *            reused keep-alive connection)
 *   during   (default) a 200 status line, headers and a first chunk leave, then the connection
 *            breaks: the answer arrived in part, which no browser resends
 */
function care_test_lose_answer() {
	if ( ! isset( $_SERVER['HTTP_X_CARE_LOSE_ANSWER'] ) || ! preg_match( '/^[A-Za-z0-9._-]{1,64}$/', $_SERVER['HTTP_X_CARE_LOSE_ANSWER'] ) ) {
		return;
	}
	if ( ! CARE_TEST_LOOPBACK ) {
		return;
	}
	$limit  = isset( $_SERVER['HTTP_X_CARE_LOSE_COUNT'] ) && preg_match( '/^[1-9]$/', $_SERVER['HTTP_X_CARE_LOSE_COUNT'] ) ? (int) $_SERVER['HTTP_X_CARE_LOSE_COUNT'] : 1;
	$option = 'care_test_lost_' . md5( $_SERVER['HTTP_X_CARE_LOSE_ANSWER'] );
	$count  = (int) get_option( $option, 0 );
	if ( $count >= $limit ) {
		return;
	}
	update_option( $option, $count + 1, false );
	if ( 'before' !== ( isset( $_SERVER['HTTP_X_CARE_LOSE_HOW'] ) ? $_SERVER['HTTP_X_CARE_LOSE_HOW'] : '' ) ) {
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		header_remove();
		status_header( 200 );
		header( 'Content-Type: text/plain; charset=utf-8' );
		header( 'Cache-Control: no-store' );
		echo str_repeat( 'The answer breaks here. ', 8 );
		flush();
		usleep( 50000 );
	}
	posix_kill( getmypid(), 9 );
	exit; // not reached
}

add_filter(
	'rest_post_dispatch',
	function ( $result, $server, $request ) {
		if ( 'POST' === $request->get_method() && '/wp/v2/comments' === $request->get_route() ) {
			care_test_lose_answer();
		}
		return $result;
	},
	PHP_INT_MAX,
	3
);

function care_test_is_comment_post() {
	return isset( $_SERVER['SCRIPT_FILENAME'] ) && 'wp-comments-post.php' === basename( $_SERVER['SCRIPT_FILENAME'] );
}

// The classic handler's redirect (stored) and its wp_die() pages (refused).
add_filter(
	'comment_post_redirect',
	function ( $location ) {
		care_test_lose_answer();
		return $location;
	},
	PHP_INT_MAX
);
add_filter(
	'wp_die_handler',
	function ( $handler ) {
		if ( ! care_test_is_comment_post() ) {
			return $handler;
		}
		return function ( $message, $title = '', $args = array() ) use ( $handler ) {
			care_test_lose_answer();
			call_user_func( $handler, $message, $title, $args );
		};
	},
	PHP_INT_MAX
);

/*
 * A stand-in for a current Spanish catalogue. Debian's wordpress-l10n es_ES.mo predates WordPress
 * 6.1's wording of the classic handler's field errors ("<strong>Error:</strong> Please fill the
 * required fields." and the like), so on a Spanish site those still come in English. A loopback
 * request with `X-Care-Catalogue: es-current` gets them in Spanish instead, as a site with an
 * up-to-date translation would send them (the harness's own words, not translate.wordpress.org's).
 */
if ( CARE_TEST_LOOPBACK && isset( $_SERVER['HTTP_X_CARE_CATALOGUE'] ) && 'es-current' === $_SERVER['HTTP_X_CARE_CATALOGUE'] ) {
	add_filter(
		'gettext',
		function ( $translation, $text, $domain ) {
			static $spanish = array(
				'<strong>Error:</strong> Please fill the required fields.'     => '<strong>Error:</strong> Por favor, rellena los campos obligatorios.',
				'<strong>Error:</strong> Please enter a valid email address.'  => '<strong>Error:</strong> Por favor, introduce una dirección de correo electrónico válida.',
				'<strong>Error:</strong> Please type your comment text.'       => '<strong>Error:</strong> Por favor, escribe el texto de tu comentario.',
				'<strong>Error:</strong> Your name is too long.'               => '<strong>Error:</strong> Tu nombre es demasiado largo.',
				'<strong>Error:</strong> Your email address is too long.'      => '<strong>Error:</strong> Tu dirección de correo electrónico es demasiado larga.',
				'<strong>Error:</strong> Your URL is too long.'                => '<strong>Error:</strong> Tu URL es demasiado larga.',
				'<strong>Error:</strong> Your comment is too long.'            => '<strong>Error:</strong> Tu comentario es demasiado largo.',
				'Comment Submission Failure'                                   => 'Error al enviar el comentario',
			);
			return 'default' === $domain && isset( $spanish[ $text ] ) ? $spanish[ $text ] : $translation;
		},
		10,
		3
	);
}
