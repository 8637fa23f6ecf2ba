<?php
/**
 * Installs and seeds the private test WordPress, from PHP, without wp-cli or a browser.
 * Run by test/wordpress/instance.mjs as `php provision.php install|seed` with these variables:
 *
 *   CARE_WP_CONFIG      the name of /etc/wordpress/config-<name>.php (Debian's WORDPRESS_CONFIG)
 *   CARE_WP_HOST        127.0.0.1:<port>
 *   CARE_WP_PASSWORD    the password of both users (admin and the author)
 *   CARE_WP_ARTICLE     a file holding the article post's HTML (seed)
 *
 * Prints one line `CARE-JSON {...}` with what the tests need (ids, names); anything else it prints
 * is shown by the harness when provisioning fails.
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}
error_reporting( E_ALL & ~E_DEPRECATED );
ini_set( 'display_errors', 'stderr' );
ini_set( 'log_errors', '0' );
// A fatal error is reported as PHP prints it, not as WordPress's "critical error" page.
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );

$mode = isset( $argv[1] ) ? $argv[1] : '';
foreach ( array( 'CARE_WP_CONFIG', 'CARE_WP_HOST', 'CARE_WP_PASSWORD' ) as $name ) {
	if ( ! getenv( $name ) ) {
		fwrite( STDERR, "provision.php: $name is not set\n" );
		exit( 2 );
	}
}

// What Debian's wp-config.php reads to find our config file; what WordPress reads to build URLs.
$_SERVER['HTTP_HOST']        = getenv( 'CARE_WP_HOST' );
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'CARE_WP_CONFIG' );
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['REMOTE_ADDR']      = '127.0.0.1';

function care_done( $data ) {
	echo 'CARE-JSON ' . wp_json_encode( $data ) . "\n";
	exit( 0 );
}

function care_fail( $message ) {
	fwrite( STDERR, "provision.php: $message\n" );
	exit( 3 );
}

if ( 'install' === $mode ) {
	define( 'WP_INSTALLING', true );
	require '/usr/share/wordpress/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	if ( is_blog_installed() ) {
		care_fail( 'the database already holds a WordPress site' );
	}
	$result = wp_install( 'care-elements test site', 'admin', 'admin@example.com', false, '', wp_slash( getenv( 'CARE_WP_PASSWORD' ) ), 'en_US' );
	if ( empty( $result['user_id'] ) ) {
		care_fail( 'wp_install() returned no user' );
	}
	care_done( array( 'adminId' => (int) $result['user_id'] ) );
}

if ( 'seed' !== $mode ) {
	care_fail( "unknown mode '$mode' (install or seed)" );
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
$admin = get_user_by( 'login', 'admin' );
if ( ! $admin ) {
	care_fail( 'no admin user: run install first' );
}
wp_set_current_user( $admin->ID );

// The site: UTC, pretty permalinks (the REST API at /wp-json/), default discussion settings.
update_option( 'timezone_string', 'UTC' );
update_option( 'gmt_offset', 0 );
update_option( 'blog_public', 0 );
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
flush_rewrite_rules( false );
// The mu-plugin's switch for anonymous REST comments; on unless a test turns it off.
update_option( 'care_test_rest_anonymous', '1', true );

// WordPress's sample post and its sample comment would only be noise in the tests.
$hello = get_page_by_path( 'hello-world', OBJECT, 'post' );
if ( $hello ) {
	wp_delete_post( $hello->ID, true );
}

$author_id = wp_insert_user(
	array(
		'user_login'   => 'care-author',
		'user_pass'    => getenv( 'CARE_WP_PASSWORD' ),
		'user_email'   => 'care-author@example.com',
		'display_name' => 'Care Author',
		'role'         => 'author',
	)
);
if ( is_wp_error( $author_id ) ) {
	care_fail( 'author: ' . $author_id->get_error_message() );
}

$article_file = getenv( 'CARE_WP_ARTICLE' );
$article      = $article_file ? file_get_contents( $article_file ) : false;
if ( false === $article || '' === trim( $article ) ) {
	care_fail( 'CARE_WP_ARTICLE names no readable article' );
}

function care_post( $fields ) {
	$id = wp_insert_post(
		wp_slash(
			array_merge(
				array(
					'post_status'    => 'publish',
					'post_type'      => 'post',
					'post_author'    => get_current_user_id(),
					'comment_status' => 'open',
					'ping_status'    => 'closed',
				),
				$fields
			)
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		care_fail( 'post ' . $fields['post_name'] . ': ' . $id->get_error_message() );
	}
	return $id;
}

$posts = array(
	'article'  => care_post(
		array(
			'post_title'   => 'Understanding Leaky Gut Syndrome: Symptoms, Causes, and Treatment',
			'post_name'    => 'leaky-gut',
			'post_content' => $article,
		)
	),
	// Spare open posts, so that tests can keep their comments apart.
	'open'     => care_post(
		array(
			'post_title'   => 'Comments welcome',
			'post_name'    => 'comments-welcome',
			'post_content' => '<p>A post for the contract tests.</p>',
		)
	),
	'closed'   => care_post(
		array(
			'post_title'     => 'Comments closed',
			'post_name'      => 'comments-closed',
			'post_content'   => '<p>Comments are closed here.</p>',
			'comment_status' => 'closed',
		)
	),
	'password' => care_post(
		array(
			'post_title'    => 'Members only',
			'post_name'     => 'members-only',
			'post_content'  => '<p>A password-protected post.</p>',
			'post_password' => 'care-secret',
		)
	),
);

// An application password for admin: moderation over REST (approve, list held comments).
if ( ! wp_is_application_passwords_available() ) {
	care_fail( 'application passwords are not available (WP_ENVIRONMENT_TYPE must be local)' );
}
$created = WP_Application_Passwords::create_new_application_password( $admin->ID, array( 'name' => 'care-elements tests' ) );
if ( is_wp_error( $created ) ) {
	care_fail( 'application password: ' . $created->get_error_message() );
}

$links = array();
foreach ( $posts as $name => $id ) {
	$links[ $name ] = get_permalink( $id );
}

care_done(
	array(
		'posts'          => $posts,
		'links'          => $links,
		'adminId'        => $admin->ID,
		'authorId'       => $author_id,
		'appPassword'    => $created[0],
		'restUrl'        => rest_url(),
		'wpVersion'      => get_bloginfo( 'version' ),
		'passwordOfPost' => 'care-secret',
	)
);
