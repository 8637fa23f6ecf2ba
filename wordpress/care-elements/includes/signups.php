<?php
/**
 * Guide signups: the table they are kept in, and the two ways in.
 *
 * - `POST /wp-json/care-elements/v1/guide-signups`, which <care-guide-signup> posts to (JSON or a
 *   form body). It answers as the reference receiver does (demo/receiver/signups.mjs), so that the
 *   element shows the same outcomes on WordPress as in the demo:
 *   - 201 `{status: "subscribed", id, guide_url}` for a new address; the same shape with a fresh
 *     id, storing nothing, for an address already on the list and for a submission judged a
 *     program's (honeypot filled, or filled faster than a person can). An answer never tells
 *     whether an address is on the list, nor whether the server believed the sender.
 *   - 400 `rest_invalid_param` naming every refused field in `data.params`.
 *   - 429 with `Retry-After` when one address sends too many (see care_elements_rate_wait()).
 *   - `Idempotency-Key`: a retry with the key of a stored signup gets the first answer again; the
 *     key with another body gets 422. Refusals are not remembered, so a corrected retry with the
 *     same key gets a fresh verdict, as in the receiver.
 * - `admin-post.php` with `action=care_elements_guide_signup`, where the light-DOM form posts for
 *   readers without JavaScript: the same checks, then a redirect back to the page with
 *   `care-signup=ok|invalid|error` and `#care-guide-signup`. A client that posts that form with
 *   `Accept: application/json` (the element does, should it be given the form's action) gets the
 *   route's answers as JSON instead.
 *
 * Each stored signup keeps only what the list needs and what consent needs: the address, the first
 * name if given, whether consent was given with its time and the exact wording, whether the free
 * supply was asked for, and when. No IP address, hashed or not, and no user agent: neither proves
 * anything about consent that the wording and time do not, and what is not kept cannot leak.
 *
 * @package care-elements
 */

defined( 'ABSPATH' ) || exit;

/** The schema version of the signups table; raise it with any change to care_elements_install_table(). */
const CARE_ELEMENTS_DB_VERSION = '1';

/** Longest email and first name taken, in characters (the table's columns). */
const CARE_ELEMENTS_MAX_EMAIL      = 100;
const CARE_ELEMENTS_MAX_FIRST_NAME = 245;

/** A form filled faster than this (ms, the element's `fill_ms`) was filled by a program, as in the receiver. */
const CARE_ELEMENTS_MIN_FILL_MS = 1500;

/** Longest `Idempotency-Key` taken, as in the receiver. */
const CARE_ELEMENTS_MAX_IDEMPOTENCY_KEY = 255;

/** Signups one address may attempt per window (care_elements_signup_rate_limit filters it), and the window in seconds. */
const CARE_ELEMENTS_RATE_LIMIT  = 5;
const CARE_ELEMENTS_RATE_WINDOW = 600;

/**
 * Transient names start with this: remembered answers (`idem_`, a day) and per-address attempt
 * times (`rate_`, the rate window). Deactivation and uninstall remove everything under it.
 */
const CARE_ELEMENTS_TRANSIENT_PREFIX = 'care_elements_';

// ---------------------------------------------------------------------------------------------
// The table

/**
 * The signups table of the current site.
 *
 * @return string
 */
function care_elements_signups_table(): string {
	global $wpdb;
	return $wpdb->prefix . 'care_signups';
}

/**
 * Creates or upgrades the current site's table (dbDelta compares and alters) and records the
 * schema version. Times are UTC. `email` is unique under the table's case-insensitive collation,
 * so "Ada@Example.com" and "ada@example.com" are one subscriber. `uuid` is the id the route
 * answers: a random one, so that it counts nothing and a fresh one can be given for a signup
 * that was not stored.
 */
function care_elements_install_table(): void {
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$table = care_elements_signups_table();
	dbDelta(
		"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  uuid char(36) NOT NULL,
  email varchar(100) NOT NULL,
  first_name varchar(245) NOT NULL DEFAULT '',
  consent tinyint(1) NOT NULL DEFAULT 0,
  consent_text text NOT NULL,
  consent_at datetime NULL DEFAULT NULL,
  offer tinyint(1) NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY email (email)
) {$wpdb->get_charset_collate()};"
	);
	update_option( 'care_elements_db_version', CARE_ELEMENTS_DB_VERSION );
}

/**
 * Runs `$task` on every site of a network-wide (de)activation, else on the current site only.
 *
 * @param bool     $network_wide Whether the plugin is (de)activated for the whole network.
 * @param callable $task         What to do on each site.
 */
function care_elements_each_site( bool $network_wide, callable $task ): void {
	if ( ! $network_wide || ! is_multisite() ) {
		$task();
		return;
	}
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
		switch_to_blog( $site_id );
		$task();
		restore_current_blog();
	}
}

/**
 * Activation: the table on this site, or on every site when activated network-wide. A site
 * created later gets its table from care_elements_maybe_upgrade() on its first request.
 *
 * @param bool $network_wide Passed by WordPress to activation hooks.
 */
function care_elements_activate( $network_wide = false ): void {
	care_elements_each_site( (bool) $network_wide, 'care_elements_install_table' );
}

/**
 * Deactivation: forgets the remembered answers and rate-limit records. The signups and the
 * settings stay until the plugin is deleted (uninstall.php).
 *
 * @param bool $network_wide Passed by WordPress to deactivation hooks.
 */
function care_elements_deactivate( $network_wide = false ): void {
	care_elements_each_site( (bool) $network_wide, 'care_elements_forget_transients' );
}

/** Creates or upgrades the table when the stored schema version is older than this file's. */
function care_elements_maybe_upgrade(): void {
	if ( version_compare( (string) get_option( 'care_elements_db_version', '0' ), CARE_ELEMENTS_DB_VERSION, '<' ) ) {
		care_elements_install_table();
	}
}
add_action( 'plugins_loaded', 'care_elements_maybe_upgrade' );

/**
 * Deletes the plugin's transients of the current site from the options table. With a persistent
 * object cache they live there instead, cannot be listed, and expire by themselves (a day at most).
 */
function care_elements_forget_transients(): void {
	global $wpdb;
	$wpdb->query(
		$wpdb->prepare(
			"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
			$wpdb->esc_like( '_transient_' . CARE_ELEMENTS_TRANSIENT_PREFIX ) . '%',
			$wpdb->esc_like( '_transient_timeout_' . CARE_ELEMENTS_TRANSIENT_PREFIX ) . '%'
		)
	);
}

/**
 * Signups, newest first (by id, the order they were stored in), for the admin list, the CSV and
 * the privacy tools.
 *
 * @param int   $limit  How many.
 * @param int   $offset How many to skip.
 * @param array $where  `email`: only this address (case-insensitive, as the table compares);
 *                      `before_id`: only rows stored before this id, for reading the whole table
 *                      in batches that a signup arriving meanwhile cannot shift.
 * @return array<int, array<string, string>> Rows as the table holds them.
 */
function care_elements_signup_rows( int $limit, int $offset = 0, array $where = array() ): array {
	global $wpdb;
	$table = care_elements_signups_table();
	$sql   = "SELECT id, uuid, email, first_name, consent, consent_text, consent_at, offer, created_at FROM {$table} WHERE 1 = 1";
	$args  = array();
	if ( isset( $where['email'] ) ) {
		$sql   .= ' AND email = %s';
		$args[] = $where['email'];
	}
	if ( isset( $where['before_id'] ) ) {
		$sql   .= ' AND id < %d';
		$args[] = $where['before_id'];
	}
	$sql .= ' ORDER BY id DESC LIMIT %d OFFSET %d';
	array_push( $args, $limit, $offset );
	$rows = $wpdb->get_results( $wpdb->prepare( $sql, $args ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared here; the table name is ours.
	return is_array( $rows ) ? $rows : array();
}

/**
 * How many signups the table holds.
 *
 * @return int
 */
function care_elements_signup_count(): int {
	global $wpdb;
	$table = care_elements_signups_table();
	return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours.
}

// ---------------------------------------------------------------------------------------------
// Answers: plain arrays `{status, body, headers}`, so that one can be remembered and given again,
// and sent by the REST route or by admin-post.php alike.

/**
 * An answer.
 *
 * @param int                   $status  HTTP status.
 * @param array                 $body    Sent as JSON.
 * @param array<string, string> $headers Extra headers.
 * @return array{status: int, body: array, headers: array<string, string>}
 */
function care_elements_answer( int $status, array $body, array $headers = array() ): array {
	return array(
		'status'  => $status,
		'body'    => $body,
		'headers' => $headers,
	);
}

/**
 * An error answer in WordPress's REST shape: `{code, message, data: {status, params?}}`.
 *
 * @param int                   $status  HTTP status.
 * @param string                $code    Machine-readable code.
 * @param string                $message For people.
 * @param array                 $data    More of `data` (`params`).
 * @param array<string, string> $headers Extra headers.
 * @return array{status: int, body: array, headers: array<string, string>}
 */
function care_elements_error_answer( int $status, string $code, string $message, array $data = array(), array $headers = array() ): array {
	return care_elements_answer(
		$status,
		array(
			'code'    => $code,
			'message' => $message,
			'data'    => array( 'status' => $status ) + $data,
		),
		$headers
	);
}

/**
 * The success every signup that is not refused gets: stored, already on the list, or spam.
 *
 * @param string $id The stored signup's uuid, or a fresh one.
 * @return array{status: int, body: array, headers: array<string, string>}
 */
function care_elements_subscribed_answer( string $id ): array {
	return care_elements_answer(
		201,
		array(
			'status'    => 'subscribed',
			'id'        => $id,
			'guide_url' => care_elements_settings()['guide_url'],
		)
	);
}

// ---------------------------------------------------------------------------------------------
// Reading fields as the receiver (demo/receiver/fields.mjs) reads them.

/**
 * A string field; '' when absent or null. Any other type is refused in `$params` with REST's
 * wording.
 *
 * @param array  $fields The submission.
 * @param string $name   The field.
 * @param array  $params Refused fields, by name.
 * @return string
 */
function care_elements_string_param( array $fields, string $name, array &$params ): string {
	$value = $fields[ $name ] ?? null;
	if ( null === $value ) {
		return '';
	}
	if ( ! is_string( $value ) ) {
		/* translators: %s: a field's name, e.g. email. */
		$params[ $name ] = sprintf( __( '%s is not of type string.', 'care-elements' ), $name );
		return '';
	}
	return $value;
}

/**
 * A boolean field as rest_sanitize_boolean() reads it, plus the "on"/"yes" of a checkbox; false
 * when absent. Anything else is refused in `$params`.
 *
 * @param array  $fields The submission.
 * @param string $name   The field.
 * @param array  $params Refused fields, by name.
 * @return bool
 */
function care_elements_boolean_param( array $fields, string $name, array &$params ): bool {
	$value = $fields[ $name ] ?? null;
	if ( null === $value ) {
		return false;
	}
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( 1 === $value || 0 === $value ) {
		return 1 === $value;
	}
	if ( is_string( $value ) ) {
		$word = strtolower( trim( $value ) );
		if ( in_array( $word, array( '1', 'true', 'on', 'yes' ), true ) ) {
			return true;
		}
		if ( in_array( $word, array( '', '0', 'false', 'off', 'no' ), true ) ) {
			return false;
		}
	}
	/* translators: %s: a field's name, e.g. consent. */
	$params[ $name ] = sprintf( __( '%s is not of type boolean.', 'care-elements' ), $name );
	return false;
}

/**
 * Whether the submission looks like a program's: the hidden `extra_info` field filled, or a
 * `fill_ms` under CARE_ELEMENTS_MIN_FILL_MS. A submission without `fill_ms` (a client that does
 * not measure, a reader without JavaScript) is not judged by it.
 *
 * @param array $fields The submission.
 * @return bool
 */
function care_elements_looks_automated( array $fields ): bool {
	$honeypot = $fields['extra_info'] ?? null;
	if ( is_string( $honeypot ) && '' !== trim( $honeypot ) ) {
		return true;
	}
	$fill_ms = $fields['fill_ms'] ?? null;
	return ( is_int( $fill_ms ) || is_float( $fill_ms ) || ( is_string( $fill_ms ) && is_numeric( trim( $fill_ms ) ) ) )
		&& (float) $fill_ms < CARE_ELEMENTS_MIN_FILL_MS;
}

// ---------------------------------------------------------------------------------------------
// The verdict, the rate limit and the remembered answers

/**
 * Judges one signup and stores it when it is new. Checks in the receiver's order: fields (every
 * refused one named at once), then the spam signals, then whether the address is on the list.
 *
 * @param array $fields The submission's fields.
 * @return array{answer: array, remember: bool} The answer, and whether a retry with the same
 *   Idempotency-Key must get it again (true for a signup taken or knowingly ignored; false for a
 *   refusal, which the reader corrects and sends again, and for spam, which costs nothing kept).
 */
function care_elements_signup_verdict( array $fields ): array {
	global $wpdb;
	$settings = care_elements_settings();
	$params   = array();

	$email = trim( care_elements_string_param( $fields, 'email', $params ) );
	if ( ! isset( $params['email'] ) ) {
		if ( mb_strlen( $email ) > CARE_ELEMENTS_MAX_EMAIL ) {
			/* translators: 1: a field's name, 2: the most characters it takes. */
			$params['email'] = sprintf( __( '%1$s must be at most %2$d characters long.', 'care-elements' ), 'email', CARE_ELEMENTS_MAX_EMAIL );
		} elseif ( ! is_email( $email ) ) {
			$params['email'] = __( 'Invalid email address.', 'care-elements' );
		}
	}
	$first_name = trim( care_elements_string_param( $fields, 'first_name', $params ) );
	if ( ! isset( $params['first_name'] ) && mb_strlen( $first_name ) > CARE_ELEMENTS_MAX_FIRST_NAME ) {
		/* translators: 1: a field's name, 2: the most characters it takes. */
		$params['first_name'] = sprintf( __( '%1$s must be at most %2$d characters long.', 'care-elements' ), 'first_name', CARE_ELEMENTS_MAX_FIRST_NAME );
	}
	$consent = care_elements_boolean_param( $fields, 'consent', $params );
	if ( ! isset( $params['consent'] ) && ! $consent && $settings['consent_required'] ) {
		$params['consent'] = __( 'consent must be true: the guide is sent only with consent.', 'care-elements' );
	}
	$offer = care_elements_boolean_param( $fields, 'offer', $params );
	if ( $params ) {
		return array(
			'answer'   => care_elements_error_answer(
				400,
				'rest_invalid_param',
				/* translators: %s: the refused fields' names, comma-separated. */
				sprintf( __( 'Invalid parameter(s): %s', 'care-elements' ), implode( ', ', array_keys( $params ) ) ),
				array( 'params' => $params )
			),
			'remember' => false,
		);
	}

	if ( care_elements_looks_automated( $fields ) ) {
		return array(
			'answer'   => care_elements_subscribed_answer( wp_generate_uuid4() ),
			'remember' => false,
		);
	}

	$uuid  = wp_generate_uuid4();
	$now   = current_time( 'mysql', true );
	$table = care_elements_signups_table();
	// INSERT IGNORE makes "is it on the list?" and "add it" one step: two requests for one address
	// at once store it once, and the unique key, not a prior SELECT, decides.
	$stored = $wpdb->query(
		$wpdb->prepare(
			"INSERT IGNORE INTO {$table} (uuid, email, first_name, consent, consent_text, consent_at, offer, created_at) VALUES (%s, %s, %s, %d, %s, NULLIF(%s, ''), %d, %s)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours.
			$uuid,
			$email,
			sanitize_text_field( $first_name ),
			$consent ? 1 : 0,
			$consent ? care_elements_consent_text() : '',
			$consent ? $now : '', // NULL: no consent, no time of it.
			$offer ? 1 : 0,
			$now
		)
	);
	if ( false === $stored ) {
		return array(
			'answer'   => care_elements_error_answer( 500, 'care_signup_not_stored', __( 'The signup could not be stored. Please try again.', 'care-elements' ) ),
			'remember' => false,
		);
	}
	// 0 rows: the address is already on the list. Same answer, a fresh id, nothing stored.
	return array(
		'answer'   => care_elements_subscribed_answer( 1 === $stored ? $uuid : wp_generate_uuid4() ),
		'remember' => true,
	);
}

/**
 * The rate limit: how many seconds `$address` must wait before its next attempt, or 0 (and the
 * attempt is counted). A sliding window: at most `care_elements_signup_rate_limit` attempts (5 by
 * default; 0 turns the limit off) in CARE_ELEMENTS_RATE_WINDOW seconds. Every fresh verdict counts,
 * refusals included (a prober's guesses are attempts too); a replayed answer does not.
 *
 * The record is a transient named by a salted hash of the address (wp_hash()), holding only the
 * attempt times and expiring with the window: the address itself is never written anywhere.
 *
 * @param string $address The client's IP address.
 * @return int Seconds to wait, or 0.
 */
function care_elements_rate_wait( string $address ): int {
	/**
	 * Filters how many signups one address may attempt per 10 minutes.
	 *
	 * @param int    $limit   5 by default; 0 turns the limit off.
	 * @param string $address The client's address.
	 */
	$limit = (int) apply_filters( 'care_elements_signup_rate_limit', CARE_ELEMENTS_RATE_LIMIT, $address );
	if ( $limit <= 0 ) {
		return 0;
	}
	$name     = CARE_ELEMENTS_TRANSIENT_PREFIX . 'rate_' . wp_hash( 'care-elements-signup ' . $address );
	$now      = time();
	$attempts = get_transient( $name );
	$attempts = array_values(
		array_filter(
			is_array( $attempts ) ? $attempts : array(),
			static function ( $at ) use ( $now ) {
				return is_int( $at ) && $at > $now - CARE_ELEMENTS_RATE_WINDOW;
			}
		)
	);
	if ( count( $attempts ) >= $limit ) {
		return max( 1, min( $attempts ) + CARE_ELEMENTS_RATE_WINDOW - $now );
	}
	$attempts[] = $now;
	set_transient( $name, $attempts, CARE_ELEMENTS_RATE_WINDOW );
	return 0;
}

/**
 * The `Idempotency-Key` header: null when absent or blank, false when longer than the receiver
 * takes, else the key.
 *
 * @param mixed $value The header's value.
 * @return string|false|null
 */
function care_elements_idempotency_key( $value ) {
	if ( ! is_string( $value ) || '' === trim( $value ) ) {
		return null;
	}
	return strlen( $value ) > CARE_ELEMENTS_MAX_IDEMPOTENCY_KEY ? false : $value;
}

/**
 * Answers one signup, with its Idempotency-Key (null: none; false: malformed) and the client's
 * address: the key checked, then the answer remembered for the key given again (or 422 when the
 * key comes with another body), then the rate limit, then a fresh verdict, remembered for a day
 * when it may be replayed.
 *
 * Remembered answers are transients (`care_elements_idem_<sha256 of the key>`, a day): each expires
 * by itself without a table or a cron job of ours (WordPress deletes expired transients daily),
 * and with a persistent object cache they never touch the database. Losing one early (a cache
 * eviction) costs little: the retry gets a fresh verdict, and the unique address makes that
 * "already on the list", the same answer with another id. A named database lock (GET_LOCK) holds
 * requests with one key in line, so that two copies of one submission arriving at once get one
 * answer; where the database has no such lock, they are still stored once.
 *
 * @param array             $fields  The submission's fields.
 * @param string|false|null $key     From care_elements_idempotency_key().
 * @param string            $address The client's IP address.
 * @return array{status: int, body: array, headers: array<string, string>}
 */
function care_elements_answer_signup( array $fields, $key, string $address ): array {
	if ( false === $key ) {
		return care_elements_error_answer(
			400,
			'rest_invalid_param',
			/* translators: %d: the longest key taken. */
			sprintf( __( 'The Idempotency-Key header must be 1 to %d characters.', 'care-elements' ), CARE_ELEMENTS_MAX_IDEMPOTENCY_KEY )
		);
	}
	if ( null === $key ) {
		$wait = care_elements_rate_wait( $address );
		return $wait ? care_elements_rate_answer( $wait ) : care_elements_signup_verdict( $fields )['answer'];
	}

	$hash        = hash( 'sha256', $key );
	$name        = CARE_ELEMENTS_TRANSIENT_PREFIX . 'idem_' . $hash;
	$lock        = 'care_elements_' . substr( $hash, 0, 40 );
	$fingerprint = care_elements_signup_fingerprint( $fields );
	care_elements_named_lock( $lock, true );
	try {
		$first = get_transient( $name );
		if ( is_array( $first ) && isset( $first['fingerprint'], $first['answer'] ) ) {
			if ( ! hash_equals( $first['fingerprint'], $fingerprint ) ) {
				return care_elements_error_answer( 422, 'care_idempotency_key_reused', __( 'This Idempotency-Key was already used with another request.', 'care-elements' ) );
			}
			$first['answer']['headers']['Idempotent-Replayed'] = 'true';
			return $first['answer'];
		}
		$wait = care_elements_rate_wait( $address );
		if ( $wait ) {
			return care_elements_rate_answer( $wait );
		}
		$verdict = care_elements_signup_verdict( $fields );
		if ( $verdict['remember'] ) {
			set_transient(
				$name,
				array(
					'fingerprint' => $fingerprint,
					'answer'      => $verdict['answer'],
				),
				DAY_IN_SECONDS
			);
		}
		return $verdict['answer'];
	} finally {
		care_elements_named_lock( $lock, false );
	}
}

/**
 * Takes (waiting up to 10 s) or releases a named database lock. Quietly: on a database without
 * GET_LOCK the query fails, and nothing is lost but the queueing (see care_elements_answer_signup()).
 *
 * @param string $name At most 64 characters.
 * @param bool   $take True to take it, false to release it.
 */
function care_elements_named_lock( string $name, bool $take ): void {
	global $wpdb;
	$quiet = $wpdb->suppress_errors();
	$wpdb->get_var( $wpdb->prepare( $take ? 'SELECT GET_LOCK(%s, 10)' : 'SELECT RELEASE_LOCK(%s)', $name ) );
	$wpdb->suppress_errors( $quiet );
}

/**
 * What makes two requests "the same" for an Idempotency-Key: every field the route reads, as
 * sent. The element sends a retry byte for byte (its fill time included), so any difference is
 * another submission.
 *
 * @param array $fields The submission's fields.
 * @return string
 */
function care_elements_signup_fingerprint( array $fields ): string {
	$read = array();
	foreach ( array( 'email', 'first_name', 'consent', 'offer', 'fill_ms', 'extra_info' ) as $name ) {
		$read[ $name ] = $fields[ $name ] ?? null;
	}
	return hash( 'sha256', (string) wp_json_encode( $read ) );
}

/**
 * 429 for an address over the rate limit.
 *
 * @param int $wait Seconds until the next attempt is taken.
 * @return array{status: int, body: array, headers: array<string, string>}
 */
function care_elements_rate_answer( int $wait ): array {
	return care_elements_error_answer(
		429,
		'care_signup_rate_limited',
		__( 'Too many signups from your address. Please try again in a few minutes.', 'care-elements' ),
		array(),
		array( 'Retry-After' => (string) $wait )
	);
}

/**
 * The client's address for the rate limit: REMOTE_ADDR, which a client cannot choose. A site
 * behind a reverse proxy sees the proxy there and can supply the real address through the filter.
 *
 * @return string
 */
function care_elements_client_address(): string {
	$address = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) $_SERVER['REMOTE_ADDR'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only hashed.
	/**
	 * Filters the address a signup is counted under for the rate limit.
	 *
	 * @param string $address REMOTE_ADDR.
	 */
	return (string) apply_filters( 'care_elements_signup_client_address', $address );
}

// ---------------------------------------------------------------------------------------------
// The REST route

/** Registers `POST /wp-json/care-elements/v1/guide-signups`, a public form (no login, no nonce). */
function care_elements_register_signup_route(): void {
	register_rest_route(
		'care-elements/v1',
		'/guide-signups',
		array(
			'methods'             => WP_REST_Server::CREATABLE,
			'callback'            => 'care_elements_rest_signup',
			'permission_callback' => '__return_true',
			// Described, not typed: the callback reads the values itself, as the receiver does, so
			// that a checkbox's "on" is a boolean and every refused field is named in one answer.
			'args'                => array(
				'email'      => array( 'description' => __( 'The reader\'s email address (required).', 'care-elements' ) ),
				'first_name' => array( 'description' => __( 'The reader\'s first name (optional).', 'care-elements' ) ),
				'consent'    => array( 'description' => __( 'Whether the reader ticked the consent box.', 'care-elements' ) ),
				'offer'      => array( 'description' => __( 'Whether the reader asked for the free 3-day supply of Life Greens.', 'care-elements' ) ),
				'fill_ms'    => array( 'description' => __( 'How long the reader took to fill the form, in milliseconds.', 'care-elements' ) ),
				'extra_info' => array( 'description' => __( 'A field people leave empty.', 'care-elements' ) ),
			),
		)
	);
}
add_action( 'rest_api_init', 'care_elements_register_signup_route' );

/**
 * The route's callback. The body must be JSON (an object) or a form; WordPress itself answers an
 * unreadable JSON body with 400 `rest_invalid_json` before this runs.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function care_elements_rest_signup( WP_REST_Request $request ): WP_REST_Response {
	$type = $request->get_content_type();
	$type = is_array( $type ) ? $type['value'] : '';
	if ( $request->is_json_content_type() ) {
		$body   = $request->get_body();
		$fields = $request->get_json_params();
		// An empty body is no parameters, as WordPress reads it; any other JSON must be an object.
		if ( '' !== trim( $body ) && ! ( json_decode( $body ) instanceof stdClass ) ) {
			return care_elements_rest_response( care_elements_error_answer( 400, 'rest_invalid_param', __( 'The JSON body must be an object of parameters.', 'care-elements' ) ) );
		}
	} elseif ( 'application/x-www-form-urlencoded' === $type ) {
		$fields = $request->get_body_params();
	} else {
		return care_elements_rest_response(
			care_elements_error_answer(
				400,
				'rest_invalid_param',
				/* translators: %s: the request's media type, e.g. text/plain. */
				sprintf( __( 'Unsupported Content-Type "%s": send application/json or application/x-www-form-urlencoded.', 'care-elements' ), '' !== $type ? $type : '(none)' )
			)
		);
	}
	$key = care_elements_idempotency_key( $request->get_header( 'Idempotency-Key' ) );
	return care_elements_rest_response( care_elements_answer_signup( is_array( $fields ) ? $fields : array(), $key, care_elements_client_address() ) );
}

/**
 * An answer as a REST response, never cached (it is about one reader).
 *
 * @param array $answer From care_elements_answer().
 * @return WP_REST_Response
 */
function care_elements_rest_response( array $answer ): WP_REST_Response {
	$response = new WP_REST_Response( $answer['body'], $answer['status'] );
	$response->set_headers( array( 'Cache-Control' => 'no-store' ) + $answer['headers'] );
	return $response;
}

// ---------------------------------------------------------------------------------------------
// The form post (no JavaScript)

/**
 * `admin-post.php?action=care_elements_guide_signup`, for visitors and logged-in readers alike.
 * No nonce: it is a public form, and a nonce printed into a cached page goes stale within a day;
 * the checks are the route's (fields, spam signals, rate limit, unique address).
 *
 * A request that asks for JSON (`Accept: application/json`) gets the route's answer as JSON;
 * a browser's own form post is sent back to the page it came from (a 303, so a reload does not
 * post again) with `care-signup=ok` (stored, already on the list, or judged a program's: the
 * same word for all three), `invalid` (a refused field) or `error` (too many attempts, or the
 * database failed), and `#care-guide-signup`.
 */
function care_elements_post_signup_form(): void {
	$fields = wp_unslash( $_POST ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- a public form, see above.
	$key    = care_elements_idempotency_key( isset( $_SERVER['HTTP_IDEMPOTENCY_KEY'] ) ? wp_unslash( $_SERVER['HTTP_IDEMPOTENCY_KEY'] ) : null ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared and hashed only.
	$answer = care_elements_answer_signup( is_array( $fields ) ? $fields : array(), $key, care_elements_client_address() );

	if ( isset( $_SERVER['HTTP_ACCEPT'] ) && wp_is_json_media_type( (string) $_SERVER['HTTP_ACCEPT'] ) ) { // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- matched only.
		header( 'Cache-Control: no-store' );
		foreach ( $answer['headers'] as $name => $value ) {
			header( "{$name}: {$value}" );
		}
		wp_send_json( $answer['body'], $answer['status'] );
	}

	if ( $answer['status'] < 300 ) {
		$result = 'ok';
	} elseif ( 400 === $answer['status'] ) {
		$result = 'invalid';
	} else {
		$result = 'error';
	}
	$back = wp_get_referer();
	$back = $back ? preg_replace( '/#.*/s', '', $back ) : home_url( '/' );
	wp_safe_redirect( add_query_arg( 'care-signup', $result, $back ) . '#care-guide-signup', 303 );
	exit;
}
add_action( 'admin_post_care_elements_guide_signup', 'care_elements_post_signup_form' );
add_action( 'admin_post_nopriv_care_elements_guide_signup', 'care_elements_post_signup_form' );
