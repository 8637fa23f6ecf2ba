<?php
/**
 * The admin screens: Settings → Care Elements (the option of settings.php, through the Settings
 * API), Tools → Guide signups (the stored signups, newest first) and its CSV download. Every
 * screen and action asks for `manage_options`; the settings form carries the Settings API's
 * nonce and the download its own.
 *
 * @package care-elements
 */

defined( 'ABSPATH' ) || exit;

/** Adds the two screens. */
function care_elements_admin_menu(): void {
	add_options_page(
		__( 'Care Elements', 'care-elements' ),
		__( 'Care Elements', 'care-elements' ),
		'manage_options',
		'care-elements',
		'care_elements_render_settings_page'
	);
	add_management_page(
		__( 'Guide signups', 'care-elements' ),
		__( 'Guide signups', 'care-elements' ),
		'manage_options',
		'care-elements-signups',
		'care_elements_render_signups_page'
	);
}
add_action( 'admin_menu', 'care_elements_admin_menu' );

/**
 * "Settings" and "Signups" beside "Deactivate" in the plugins list.
 *
 * @param array $links The row's links.
 * @return array
 */
function care_elements_plugin_links( array $links ): array {
	return array_merge(
		array(
			'settings' => sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'options-general.php?page=care-elements' ) ), esc_html__( 'Settings', 'care-elements' ) ),
			'signups'  => sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'tools.php?page=care-elements-signups' ) ), esc_html__( 'Signups', 'care-elements' ) ),
		),
		$links
	);
}
add_filter( 'plugin_action_links_' . plugin_basename( dirname( __DIR__ ) . '/care-elements.php' ), 'care_elements_plugin_links' );

// ---------------------------------------------------------------------------------------------
// Settings → Care Elements

/**
 * The settings page's sections and fields. Each field is described by its kind and help text;
 * care_elements_render_setting() prints it.
 */
function care_elements_settings_fields(): void {
	add_settings_section(
		'care_elements_comments',
		__( 'Comments', 'care-elements' ),
		static function () {
			echo '<p>' . esc_html__( 'How posts take comments. Both settings are off by default: the theme\'s own comment form stays as it is.', 'care-elements' ) . '</p>';
		},
		'care-elements'
	);
	add_settings_section(
		'care_elements_signup',
		__( 'Guide signup', 'care-elements' ),
		static function () {
			echo '<p>' . esc_html__( 'The free gut health guide form (the Guide signup block and the [care_guide_signup] shortcode).', 'care-elements' ) . '</p>';
		},
		'care-elements'
	);

	$fields = array(
		'comment_form'     => array(
			'section' => 'care_elements_comments',
			'kind'    => 'checkbox',
			'label'   => __( 'Comment form', 'care-elements' ),
			'text'    => __( 'Replace the theme\'s comment form with the Care Elements comment form.', 'care-elements' ),
			'help'    => __( 'The theme\'s form stays in the page for readers without JavaScript; with JavaScript the element takes its place, keeps an unsent comment on the reader\'s device and shows WordPress\'s answer without leaving the page.', 'care-elements' ),
		),
		'rest_comments'    => array(
			'section' => 'care_elements_comments',
			'kind'    => 'checkbox',
			'label'   => __( 'Anonymous REST comments', 'care-elements' ),
			'text'    => __( 'Allow visitors who are not logged in to comment through the REST API, and let the comment form use it.', 'care-elements' ),
			'help'    => __( 'WordPress turns this off by default. With it on, anyone can post a comment to /wp-json/wp/v2/comments without opening your page, spam bots included. Every comment still goes through your Discussion settings (moderation, disallowed words, flood control) and through Akismet if it is active. With it off, the form posts to wp-comments-post.php, as the theme\'s form does, and works just as well on this site.', 'care-elements' ),
		),
		'guide_url'        => array(
			'section' => 'care_elements_signup',
			'kind'    => 'url',
			'label'   => __( 'Guide download link', 'care-elements' ),
			'help'    => __( 'Shown after a signup. An http or https address, or a path on this site such as /wp-content/uploads/guide.pdf. Empty: no link.', 'care-elements' ),
		),
		'offer'            => array(
			'section' => 'care_elements_signup',
			'kind'    => 'checkbox',
			'label'   => __( 'Free supply', 'care-elements' ),
			'text'    => __( 'Offer the free 3-day supply of Life Greens.', 'care-elements' ),
			'help'    => __( 'Adds a checkbox; the list records who ticked it.', 'care-elements' ),
		),
		'name_field'       => array(
			'section' => 'care_elements_signup',
			'kind'    => 'checkbox',
			'label'   => __( 'First name', 'care-elements' ),
			'text'    => __( 'Ask for the reader\'s first name (optional for them).', 'care-elements' ),
		),
		'consent_required' => array(
			'section' => 'care_elements_signup',
			'kind'    => 'checkbox',
			'label'   => __( 'Consent', 'care-elements' ),
			'text'    => __( 'Require the consent box to be ticked.', 'care-elements' ),
			'help'    => __( 'Each signup records whether consent was given, when, and the exact wording the reader saw.', 'care-elements' ),
		),
		'consent_text'     => array(
			'section'     => 'care_elements_signup',
			'kind'        => 'text',
			'label'       => __( 'Consent wording', 'care-elements' ),
			'placeholder' => care_elements_element_consent_text(),
			'help'        => __( 'Empty: the form\'s own wording in the page\'s language (shown in grey). Plain text.', 'care-elements' ),
		),
		'signup_action'    => array(
			'section' => 'care_elements_signup',
			'kind'    => 'url',
			'label'   => __( 'Signup endpoint', 'care-elements' ),
			'help'    => __( 'Empty: signups are stored on this site (Tools → Guide signups). A full https address: the form posts there instead (as JSON, with an Idempotency-Key header). Readers without JavaScript still sign up on this site.', 'care-elements' ),
		),
	);
	foreach ( $fields as $name => $field ) {
		add_settings_field(
			'care_elements_' . $name,
			$field['label'],
			'care_elements_render_setting',
			'care-elements',
			$field['section'],
			array( 'name' => $name ) + $field + array( 'label_for' => 'checkbox' === $field['kind'] ? null : 'care_elements_' . $name )
		);
	}
}
add_action( 'admin_init', 'care_elements_settings_fields' );

/**
 * Prints one setting's control and help.
 *
 * @param array $field `name`, `kind` (checkbox, url, text), `text` (a checkbox's label), `help`, `placeholder`.
 */
function care_elements_render_setting( array $field ): void {
	$settings = care_elements_settings();
	$name     = $field['name'];
	$id       = 'care_elements_' . $name;
	$input    = 'care_elements_settings[' . $name . ']';
	$help_id  = $id . '_help';
	$describe = empty( $field['help'] ) ? '' : sprintf( ' aria-describedby="%s"', esc_attr( $help_id ) );
	if ( 'checkbox' === $field['kind'] ) {
		printf(
			'<label for="%1$s"><input type="checkbox" id="%1$s" name="%2$s" value="1"%3$s%4$s /> %5$s</label>',
			esc_attr( $id ),
			esc_attr( $input ),
			checked( $settings[ $name ], true, false ),
			$describe, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr above.
			esc_html( $field['text'] )
		);
	} else {
		printf(
			'<input type="%1$s" class="regular-text%2$s" id="%3$s" name="%4$s" value="%5$s" placeholder="%6$s"%7$s />',
			'url' === $field['kind'] ? 'url' : 'text',
			'text' === $field['kind'] ? ' large-text' : ' code',
			esc_attr( $id ),
			esc_attr( $input ),
			esc_attr( $settings[ $name ] ),
			esc_attr( $field['placeholder'] ?? '' ),
			$describe // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built with esc_attr above.
		);
	}
	if ( ! empty( $field['help'] ) ) {
		printf( '<p class="description" id="%s">%s</p>', esc_attr( $help_id ), esc_html( $field['help'] ) );
	}
}

/** Settings → Care Elements. options.php checks the nonce and the capability when it saves. */
function care_elements_render_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'care_elements' );
	do_settings_sections( 'care-elements' );
	submit_button();
	echo '</form>';
	printf(
		'<p><a href="%s">%s</a></p></div>',
		esc_url( admin_url( 'tools.php?page=care-elements-signups' ) ),
		esc_html__( 'See the guide signups', 'care-elements' )
	);
}

// ---------------------------------------------------------------------------------------------
// Tools → Guide signups

/** How many signups one page of the list shows. */
const CARE_ELEMENTS_SIGNUPS_PER_PAGE = 20;

/**
 * Formats a UTC time from the table in the site's timezone and formats.
 *
 * @param string|null $utc `Y-m-d H:i:s` in UTC, or null.
 * @return string '' for null.
 */
function care_elements_admin_time( ?string $utc ): string {
	if ( null === $utc || '' === $utc ) {
		return '';
	}
	$time = strtotime( $utc . ' UTC' );
	return false === $time ? $utc : (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $time );
}

/** Tools → Guide signups: a paginated table, newest first, every value escaped. */
function care_elements_render_signups_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$total = care_elements_signup_count();
	$pages = max( 1, (int) ceil( $total / CARE_ELEMENTS_SIGNUPS_PER_PAGE ) );
	$page  = isset( $_GET['paged'] ) ? min( $pages, max( 1, absint( $_GET['paged'] ) ) ) : 1; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- paging only.
	$rows  = care_elements_signup_rows( CARE_ELEMENTS_SIGNUPS_PER_PAGE, ( $page - 1 ) * CARE_ELEMENTS_SIGNUPS_PER_PAGE );

	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	$settings = care_elements_settings();
	if ( '' !== $settings['signup_action'] ) {
		echo '<div class="notice notice-info inline"><p>' . esc_html(
			sprintf(
				/* translators: %s: the external signup endpoint. */
				__( 'The signup form posts to %s, so new signups are stored there. This list holds those stored on this site, such as those of readers without JavaScript.', 'care-elements' ),
				$settings['signup_action']
			)
		) . '</p></div>';
	}
	echo '<p>' . esc_html(
		sprintf(
			/* translators: %s: the number of signups. */
			_n( '%s signup.', '%s signups.', $total, 'care-elements' ),
			number_format_i18n( $total )
		)
	) . ' ' . esc_html__( 'Times are in the site\'s timezone. A reader can ask for their data or its erasure under Tools → Export Personal Data and Erase Personal Data.', 'care-elements' ) . '</p>';

	if ( $total > 0 ) {
		printf( '<form method="post" action="%s">', esc_url( admin_url( 'admin-post.php' ) ) );
		echo '<input type="hidden" name="action" value="care_elements_signups_csv" />';
		wp_nonce_field( 'care_elements_signups_csv' );
		submit_button( __( 'Download CSV', 'care-elements' ), 'secondary', 'submit', false );
		echo '</form>';
	}

	echo '<table class="widefat striped" style="margin-top:1em"><thead><tr>';
	foreach ( array( __( 'Email', 'care-elements' ), __( 'First name', 'care-elements' ), __( 'Consent', 'care-elements' ), __( 'Free supply', 'care-elements' ), __( 'Signed up', 'care-elements' ) ) as $heading ) {
		echo '<th scope="col">' . esc_html( $heading ) . '</th>';
	}
	echo '</tr></thead><tbody>';
	if ( ! $rows ) {
		echo '<tr><td colspan="5">' . esc_html__( 'No signups yet.', 'care-elements' ) . '</td></tr>';
	}
	foreach ( $rows as $row ) {
		$consent = $row['consent']
			? sprintf(
				'%s<br /><small>%s</small><br /><small>%s</small>',
				esc_html( care_elements_admin_time( $row['consent_at'] ) ),
				esc_html__( 'Wording:', 'care-elements' ),
				esc_html( $row['consent_text'] )
			)
			: esc_html__( 'No', 'care-elements' );
		printf(
			'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
			esc_html( $row['email'] ),
			esc_html( $row['first_name'] ),
			$consent, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above.
			$row['offer'] ? esc_html__( 'Yes', 'care-elements' ) : esc_html__( 'No', 'care-elements' ),
			esc_html( care_elements_admin_time( $row['created_at'] ) )
		);
	}
	echo '</tbody></table>';

	if ( $pages > 1 ) {
		echo '<div class="tablenav"><div class="tablenav-pages">' . wp_kses_post(
			paginate_links(
				array(
					'base'    => add_query_arg( 'paged', '%#%' ),
					'format'  => '',
					'current' => $page,
					'total'   => $pages,
				)
			)
		) . '</div></div>';
	}
	echo '</div>';
}

// ---------------------------------------------------------------------------------------------
// The CSV download

/**
 * A CSV cell that a spreadsheet will not run: text starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) gets a leading
 * apostrophe (OWASP, "CSV Injection"). An address may legally start with `=` or `-`.
 *
 * @param string $value The cell.
 * @return string
 */
function care_elements_csv_cell( string $value ): string {
	return '' !== $value && false !== strpos( "=+-@\t\r", $value[0] ) ? "'" . $value : $value;
}

/**
 * `admin-post.php?action=care_elements_signups_csv`: every signup as CSV (UTF-8 with a byte order
 * mark, so that spreadsheet programs read accents right), newest first, read in batches so that a
 * long list does not fill the memory. Times are UTC, in ISO 8601.
 */
function care_elements_download_signups_csv(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to export the signups.', 'care-elements' ), '', array( 'response' => 403 ) );
	}
	check_admin_referer( 'care_elements_signups_csv' );

	nocache_headers();
	header( 'Content-Type: text/csv; charset=utf-8' );
	header( 'Content-Disposition: attachment; filename="guide-signups-' . gmdate( 'Y-m-d' ) . '.csv"' );
	header( 'X-Content-Type-Options: nosniff' );
	$out = fopen( 'php://output', 'w' );
	fwrite( $out, "\xEF\xBB\xBF" );
	fputcsv( $out, array( 'id', 'email', 'first_name', 'consent', 'consent_text', 'consent_at_utc', 'offer', 'created_at_utc' ), ',', '"', '' );
	$iso   = static function ( ?string $utc ): string {
		return null === $utc || '' === $utc ? '' : str_replace( ' ', 'T', $utc ) . 'Z';
	};
	$where = array();
	do {
		$rows = care_elements_signup_rows( 500, 0, $where );
		foreach ( $rows as $row ) {
			$cells = array( $row['uuid'], $row['email'], $row['first_name'], $row['consent'] ? '1' : '0', $row['consent_text'], $iso( $row['consent_at'] ), $row['offer'] ? '1' : '0', $iso( $row['created_at'] ) );
			fputcsv( $out, array_map( 'care_elements_csv_cell', $cells ), ',', '"', '' );
			$where['before_id'] = (int) $row['id'];
		}
	} while ( $rows );
	fclose( $out );
	exit;
}
add_action( 'admin_post_care_elements_signups_csv', 'care_elements_download_signups_csv' );
