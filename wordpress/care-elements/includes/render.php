<?php
/**
 * The HTML of each element, with its light-DOM content: what blocks and shortcodes print.
 *
 * The three lists carry their heading, items and caution as plain HTML inside the tag, and the
 * signup a real form, so a page reads (and the signup works) before and without JavaScript, and
 * the element upgrades that content in place (README, "The three lists" and "The two forms").
 * Attributes come in as an array keyed by the element's attribute names, in any of the spellings
 * blocks and shortcodes use (`heading-level`, `heading_level`, `headingLevel`).
 *
 * @package CareElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Every attribute of each element, as the element declares it (its `@property` declarations),
 * with its type: `bool` (a presence attribute), `int`, `level` (a heading level, 1 to 6), `url`
 * or `string`. The kses rules allow exactly these.
 *
 * @return array<string, array<string, string>> Tag name => attribute name => type.
 */
function care_elements_element_attributes() {
	$list = array(
		'src'           => 'url',
		'heading'       => 'string',
		'heading-level' => 'level',
		'caution'       => 'string',
	);
	return array(
		'care-symptom-list'        => $list + array(
			'selectable'  => 'bool',
			'persist'     => 'bool',
			'storage-key' => 'string',
			'keep-days'   => 'int',
		),
		'care-cause-list'          => $list,
		'care-treatment-checklist' => $list + array(
			'storage-key' => 'string',
			'no-persist'  => 'bool',
			'keep-days'   => 'int',
		),
		'care-guide-signup'        => array(
			'action'           => 'url',
			'protocol'         => 'string',
			'guide-url'        => 'url',
			'offer'            => 'bool',
			'name-field'       => 'bool',
			'consent-required' => 'bool',
			'consent-text'     => 'string',
			'heading'          => 'string',
			'heading-level'    => 'level',
		),
		'care-comment-form'        => array(
			'action'        => 'url',
			'protocol'      => 'string',
			'post-id'       => 'int',
			'parent-id'     => 'int',
			'reply-to'      => 'string',
			'wp-nonce'      => 'string',
			'nonce-url'     => 'url',
			'heading'       => 'string',
			'heading-level' => 'level',
			'keep-days'     => 'int',
		),
	);
}

/**
 * The attributes the plugin sets itself and a block or shortcode cannot:
 * - where the forms send (the site's own routes, or the signup address an administrator chose in
 *   the settings): a post's author choosing it could send readers' email addresses elsewhere;
 * - the signup's consent wording and whether consent is required: the site's signup handler
 *   checks consent and records the wording from the settings, so the form must show those;
 * - the post and reply a comment belongs to, and the reader's nonce.
 *
 * @return array<string, string[]> Tag name => attribute names.
 */
function care_elements_site_attributes() {
	return array(
		'care-guide-signup' => array( 'action', 'protocol', 'consent-required', 'consent-text' ),
		'care-comment-form' => array( 'action', 'protocol', 'post-id', 'parent-id', 'reply-to', 'wp-nonce', 'nonce-url' ),
	);
}

/**
 * The plugin's settings in force (includes/settings.php: the saved option over the defaults).
 *
 * @return array{comment_form: bool, rest_comments: bool, guide_url: string, offer: bool, consent_text: string, name_field: bool, consent_required: bool, signup_action: string}
 */
function care_elements_current_settings() {
	return care_elements_settings();
}

/**
 * The element's attribute name for a key as blocks (`headingLevel`) or shortcodes
 * (`heading_level`) spell it.
 *
 * @param string $key The key given.
 * @return string The kebab-case name (`heading-level`).
 */
function care_elements_attribute_name( $key ) {
	return strtolower( str_replace( '_', '-', preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', (string) $key ) ) );
}

/**
 * A given value as its attribute type wants it.
 *
 * @param string $type  'bool', 'int', 'level', 'url' or 'string'.
 * @param mixed  $value The value given: a block's typed value, or a shortcode's string.
 * @return bool|int|string|null Null when the value cannot be one of that type (it is then left out).
 */
function care_elements_attribute_value( $type, $value ) {
	if ( is_array( $value ) || is_object( $value ) || null === $value ) {
		return null;
	}
	switch ( $type ) {
		case 'bool':
			// A shortcode's `offer="false"` or `offer="0"` turns an option off; anything else, on.
			return ! in_array( strtolower( trim( (string) $value ) ), array( 'false', '0', 'no', 'off' ), true ) && false !== $value;
		case 'int':
			return is_numeric( $value ) && (int) $value >= 0 ? (int) $value : null;
		case 'level':
			return is_numeric( $value ) && (int) $value >= 1 && (int) $value <= 6 ? (int) $value : null;
		case 'url':
			$url = trim( (string) $value );
			return '' === $url ? null : $url;
		default:
			return (string) $value;
	}
}

/**
 * The attributes a block or shortcode gave, kept when the element has them and the site does not
 * set them itself, named and typed as the element reads them.
 *
 * @param string $tag   The element's tag name.
 * @param array  $given Attributes as given, keyed in any spelling.
 * @return array Attribute name => typed value.
 */
function care_elements_given_attributes( $tag, $given ) {
	$all   = care_elements_element_attributes();
	$types = isset( $all[ $tag ] ) ? $all[ $tag ] : array();
	$site  = care_elements_site_attributes();
	$fixed = isset( $site[ $tag ] ) ? $site[ $tag ] : array();
	$kept  = array();
	foreach ( (array) $given as $key => $value ) {
		$name = care_elements_attribute_name( $key );
		if ( ! isset( $types[ $name ] ) || in_array( $name, $fixed, true ) ) {
			continue;
		}
		$typed = care_elements_attribute_value( $types[ $name ], $value );
		if ( null !== $typed ) {
			$kept[ $name ] = $typed;
		}
	}
	return $kept;
}

/**
 * The opening tag of an element, each attribute escaped for its type. A false boolean is left
 * out (boolean attributes are presence attributes), a true one printed bare.
 *
 * @param string $tag        The element's tag name.
 * @param array  $attributes Attribute name => value; `id` and `class` may be among them.
 * @return string
 */
function care_elements_open_tag( $tag, $attributes ) {
	$all   = care_elements_element_attributes();
	$types = isset( $all[ $tag ] ) ? $all[ $tag ] : array();
	$html  = '<' . $tag;
	foreach ( $attributes as $name => $value ) {
		if ( false === $value || null === $value ) {
			continue;
		}
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( isset( $types[ $name ] ) && 'url' === $types[ $name ] ) {
			$html .= sprintf( ' %s="%s"', $name, esc_url( $value ) );
		} else {
			$html .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
		}
	}
	return $html . '>';
}

/**
 * The `class` a block gives (its "Additional CSS class(es)"), or a shortcode's `class`.
 *
 * @param array $given Attributes as given.
 * @return string|null
 */
function care_elements_given_class( $given ) {
	foreach ( array( 'className', 'class' ) as $key ) {
		if ( isset( $given[ $key ] ) && is_string( $given[ $key ] ) && '' !== trim( $given[ $key ] ) ) {
			return trim( $given[ $key ] );
		}
	}
	return null;
}

/**
 * An id for an item that has none, made from its label as the elements make it
 * (src/lib/items.ts): lower case, no accents, words joined by `-`.
 *
 * @param string $label The item's label.
 * @return string
 */
function care_elements_item_id( $label ) {
	$slug = trim( preg_replace( '/[^a-z0-9]+/', '-', strtolower( remove_accents( $label ) ) ), '-' );
	return '' === $slug ? 'item' : $slug;
}

/**
 * Items as the elements accept them: `{id, label, detail?}`, or plain strings as labels. Items
 * without a label are skipped and duplicate ids made unique, as the elements do.
 *
 * @param mixed $items The items given.
 * @return array<int, array{id: string, label: string, detail?: string}>
 */
function care_elements_items( $items ) {
	$kept = array();
	$seen = array();
	foreach ( is_array( $items ) ? $items : array() as $item ) {
		$item  = is_string( $item ) ? array( 'label' => $item ) : $item;
		$label = is_array( $item ) && isset( $item['label'] ) && is_scalar( $item['label'] ) ? trim( (string) $item['label'] ) : '';
		if ( '' === $label ) {
			continue;
		}
		$id   = isset( $item['id'] ) && is_scalar( $item['id'] ) ? trim( (string) $item['id'] ) : '';
		$base = '' === $id ? care_elements_item_id( $label ) : $id;
		$id   = $base;
		for ( $n = 2; isset( $seen[ $id ] ); $n++ ) {
			$id = "{$base}-{$n}";
		}
		$seen[ $id ] = true;
		$entry       = array(
			'id'    => $id,
			'label' => $label,
		);
		if ( isset( $item['detail'] ) && is_scalar( $item['detail'] ) && '' !== trim( (string) $item['detail'] ) ) {
			$entry['detail'] = trim( (string) $item['detail'] );
		}
		$kept[] = $entry;
	}
	return $kept;
}

/**
 * A heading of the level asked (1 to 6; anything else is 2).
 *
 * @param int    $level The level.
 * @param string $text  Its text.
 * @return string
 */
function care_elements_heading( $level, $text ) {
	$level = is_int( $level ) && $level >= 1 && $level <= 6 ? $level : 2;
	return sprintf( '<h%1$d>%2$s</h%1$d>', $level, esc_html( $text ) );
}

/**
 * One of the three lists with its content in light DOM: the heading, the `<ul>` of items
 * (`data-id`, and `data-detail` where an item has detail) and the caution paragraph, which the
 * element shows in place. The heading, its level and the caution are said by that content, not by
 * attributes: an attribute would make the element replace the page's own heading with its own.
 *
 * @param string $tag   'care-symptom-list', 'care-cause-list' or 'care-treatment-checklist'.
 * @param string $list  The article's list: 'symptoms', 'causes' or 'treatment'.
 * @param array  $given Attributes: the element's, plus `items` (`{id?, label, detail?}[]`) and
 *                      `class`. `heading` and `caution` default to the article's (an empty
 *                      string prints none), `items` too.
 * @return string
 */
function care_elements_render_list( $tag, $list, $given ) {
	$given      = (array) $given;
	$attributes = care_elements_given_attributes( $tag, $given );
	$article    = care_elements_article_list( $list );
	$items      = care_elements_items( isset( $given['items'] ) ? $given['items'] : null );
	$items      = $items ? $items : care_elements_items( $article['items'] );
	care_elements_enqueue();

	$class = care_elements_given_class( $given );
	if ( ! $items ) {
		// Nothing to print (the article's content was not built): the element shows its own default.
		return care_elements_open_tag( $tag, array( 'class' => $class ) + $attributes ) . '</' . $tag . '>';
	}
	$heading = array_key_exists( 'heading', $attributes ) ? $attributes['heading'] : $article['heading'];
	$level   = isset( $attributes['heading-level'] ) ? $attributes['heading-level'] : 2;
	$caution = array_key_exists( 'caution', $attributes ) ? $attributes['caution'] : $article['caution'];
	unset( $attributes['heading'], $attributes['heading-level'], $attributes['caution'] );

	$html = care_elements_open_tag( $tag, array( 'class' => $class ) + $attributes );
	if ( '' !== $heading ) {
		$html .= care_elements_heading( $level, $heading );
	}
	$html .= '<ul>';
	foreach ( $items as $item ) {
		$detail = 'care-cause-list' === $tag && isset( $item['detail'] ) ? sprintf( ' data-detail="%s"', esc_attr( $item['detail'] ) ) : '';
		$html  .= sprintf( '<li data-id="%s"%s>%s</li>', esc_attr( $item['id'] ), $detail, esc_html( $item['label'] ) );
	}
	$html .= '</ul>';
	if ( '' !== $caution ) {
		$html .= '<p>' . esc_html( $caution ) . '</p>';
	}
	return $html . '</' . $tag . '>';
}

/**
 * `<care-symptom-list>` with the article's symptoms (or the items given) in light DOM.
 *
 * @param array $given `selectable`, `persist`, `storage-key`, `keep-days`, `src`, `heading`,
 *                     `heading-level`, `caution`, `items`, `class`.
 * @return string
 */
function care_elements_render_symptom_list( $given = array() ) {
	return care_elements_render_list( 'care-symptom-list', 'symptoms', $given );
}

/**
 * `<care-cause-list>` with the article's causes (or the items given, with their detail) in light DOM.
 *
 * @param array $given `src`, `heading`, `heading-level`, `caution`, `items`, `class`.
 * @return string
 */
function care_elements_render_cause_list( $given = array() ) {
	return care_elements_render_list( 'care-cause-list', 'causes', $given );
}

/**
 * `<care-treatment-checklist>` with the article's steps (or the items given) in light DOM.
 *
 * @param array $given `storage-key`, `no-persist`, `keep-days`, `src`, `heading`,
 *                     `heading-level`, `caution`, `items`, `class`.
 * @return string
 */
function care_elements_render_treatment_checklist( $given = array() ) {
	return care_elements_render_list( 'care-treatment-checklist', 'treatment', $given );
}

/**
 * How a signup without JavaScript went, as the site's handler says when it redirects back:
 * `?care-signup=ok|error|invalid#care-guide-signup`.
 *
 * @return string 'ok', 'invalid', 'error', or '' when the page was not reached that way.
 */
function care_elements_signup_result() {
	$result = isset( $_GET['care-signup'] ) && is_string( $_GET['care-signup'] ) ? sanitize_key( wp_unslash( $_GET['care-signup'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only picks a message.
	return in_array( $result, array( 'ok', 'invalid', 'error' ), true ) ? $result : '';
}

/**
 * The notice for a signup's result, inside the form: thanks (with the guide's link, if any), or
 * what went wrong.
 *
 * @param string $result    'ok', 'invalid' or 'error'.
 * @param string $guide_url The guide's download link, or ''.
 * @return string
 */
function care_elements_signup_notice( $result, $guide_url ) {
	if ( 'ok' === $result ) {
		$download = '' === $guide_url ? '' : sprintf( ' <a href="%s" download>%s</a>', esc_url( $guide_url ), esc_html__( 'Download the guide', 'care-elements' ) );
		return '<p class="care-elements-notice care-elements-notice-success" role="status">' . esc_html__( 'Thank you! Your free gut health guide is ready.', 'care-elements' ) . $download . '</p>';
	}
	$message = 'invalid' === $result
		? __( 'We could not sign you up. Please check your details and try again.', 'care-elements' )
		: __( 'The server had a problem. Please try again.', 'care-elements' );
	return '<p class="care-elements-notice care-elements-notice-error" role="alert">' . esc_html( $message ) . '</p>';
}

/**
 * `<care-guide-signup>` wrapping a real form that posts to the site's `admin-post.php`, for
 * readers without JavaScript; with it, the element sends JSON to the site's REST route (or to the
 * address in the settings). The first signup of a page has `id="care-guide-signup"`, where the
 * no-JavaScript handler sends the reader back, and shows the result there.
 *
 * @param array $given `offer`, `name-field`, `guide-url`, `heading`, `heading-level`, `class`;
 *                     the first three default to the plugin's settings, the heading to the
 *                     element's own. Consent (required or not, and its wording) is the settings'.
 * @return string
 */
function care_elements_render_guide_signup( $given = array() ) {
	static $count = 0;
	++$count;
	$id       = 1 === $count ? 'care-guide-signup' : 'care-guide-signup-' . $count;
	$settings = care_elements_current_settings();
	$action   = esc_url_raw( $settings['signup_action'], array( 'http', 'https' ) );
	$defaults = array(
		'offer'            => (bool) $settings['offer'],
		'name-field'       => (bool) $settings['name_field'],
		'consent-required' => (bool) $settings['consent_required'],
		'consent-text'     => '' === $settings['consent_text'] ? null : (string) $settings['consent_text'],
		'guide-url'        => '' === $settings['guide_url'] ? null : (string) $settings['guide_url'],
	);
	$attributes = array_merge(
		array(
			'id'       => $id,
			'class'    => care_elements_given_class( (array) $given ),
			'action'   => '' === $action ? rest_url( 'care-elements/v1/guide-signups' ) : $action,
			'protocol' => 'json',
		),
		$defaults,
		care_elements_given_attributes( 'care-guide-signup', $given )
	);
	care_elements_enqueue();

	$heading = isset( $attributes['heading'] ) ? $attributes['heading'] : __( 'Get our free gut health guide', 'care-elements' );
	$level   = isset( $attributes['heading-level'] ) ? $attributes['heading-level'] : 2;
	// The wording the signup handler records with each signup (the setting's, else the element's own).
	$consent = function_exists( 'care_elements_consent_text' )
		? care_elements_consent_text()
		: ( isset( $attributes['consent-text'] ) ? $attributes['consent-text'] : __( 'I agree to receive the guide and occasional gut-health emails. I can unsubscribe at any time.', 'care-elements' ) );
	$result  = 1 === $count ? care_elements_signup_result() : '';
	$field   = static function ( $name ) use ( $id ) {
		return esc_attr( "{$id}-{$name}" );
	};
	$mark    = ' <span class="required" aria-hidden="true">*</span>';

	$html  = care_elements_open_tag( 'care-guide-signup', $attributes );
	$html .= sprintf( '<form method="post" action="%s" class="care-elements-signup">', esc_url( admin_url( 'admin-post.php' ) ) );
	$html .= '' === $heading ? '' : care_elements_heading( $level, $heading );
	$html .= '<p>' . esc_html__( 'If you’re interested in learning more about gut health, download our free gut health guide.', 'care-elements' ) . '</p>';
	if ( '' !== $result ) {
		$html .= care_elements_signup_notice( $result, isset( $attributes['guide-url'] ) ? $attributes['guide-url'] : '' );
	}
	if ( 'ok' === $result ) {
		// Signed up: the thanks take the fields' place, as in the element after a success.
		return $html . '</form></care-guide-signup>';
	}
	$html .= '<input type="hidden" name="action" value="care_elements_guide_signup" />' . wp_referer_field( false );
	$html .= sprintf(
		'<p class="care-elements-email"><label for="%1$s">%2$s%3$s</label> <input id="%1$s" name="email" type="email" autocomplete="email" maxlength="100" required /></p>',
		$field( 'email' ),
		esc_html__( 'Email', 'care-elements' ),
		$mark
	);
	if ( ! empty( $attributes['name-field'] ) ) {
		$html .= sprintf(
			'<p class="care-elements-first-name"><label for="%1$s">%2$s</label> <input id="%1$s" name="first_name" type="text" autocomplete="given-name" maxlength="245" /></p>',
			$field( 'first-name' ),
			esc_html__( 'First name', 'care-elements' )
		);
	}
	$required = ! empty( $attributes['consent-required'] );
	$html    .= sprintf(
		'<p class="care-elements-consent"><input id="%1$s" name="consent" type="checkbox" value="1"%2$s /> <label for="%1$s">%3$s%4$s</label></p>',
		$field( 'consent' ),
		$required ? ' required' : '',
		esc_html( $consent ),
		$required ? $mark : ''
	);
	if ( ! empty( $attributes['offer'] ) ) {
		$html .= sprintf(
			'<p class="care-elements-offer"><input id="%1$s" name="offer" type="checkbox" value="1" /> <label for="%1$s">%2$s</label></p>',
			$field( 'offer' ),
			esc_html__( 'Also send me a free 3-day supply of Life Greens, our probiotic green juice, to help support gut health.', 'care-elements' )
		);
	}
	// The honeypot: hidden by the `hidden` attribute (no inline style, which a strict CSP would drop).
	$html .= sprintf(
		'<p class="care-elements-hp" hidden aria-hidden="true"><label for="%1$s">%2$s</label> <input id="%1$s" name="extra_info" type="text" tabindex="-1" autocomplete="off" /></p>',
		$field( 'extra-info' ),
		esc_html__( 'Leave this field empty', 'care-elements' )
	);
	$html .= '<p class="form-submit"><button type="submit" class="wp-element-button">' . esc_html__( 'Send me the guide', 'care-elements' ) . '</button></p>';
	return $html . '</form></care-guide-signup>';
}

/**
 * `<care-comment-form>` wrapping WordPress's own `comment_form()` for a post, which readers
 * without JavaScript use as it is. Nothing when the post takes no comments.
 *
 * @param array $given   `heading`, `heading-level`, `keep-days`, `class`. A heading given is also
 *                       the theme form's title, so both say the same.
 * @param int   $post_id The post; the current one by default.
 * @return string
 */
function care_elements_render_comment_form( $given = array(), $post_id = 0 ) {
	$post_id = $post_id ? (int) $post_id : get_the_ID();
	if ( ! $post_id || ! comments_open( $post_id ) ) {
		return '';
	}
	$attributes = care_elements_given_attributes( 'care-comment-form', $given );
	$args       = array();
	if ( isset( $attributes['heading'] ) && '' !== $attributes['heading'] ) {
		// comment_form_title() passes the reply title through sprintf().
		$args['title_reply']    = esc_html( $attributes['heading'] );
		$args['title_reply_to'] = str_replace( '%', '%%', esc_html( $attributes['heading'] ) );
	}
	if ( isset( $attributes['heading-level'] ) ) {
		$args['title_reply_before'] = sprintf( '<h%d id="reply-title" class="comment-reply-title">', $attributes['heading-level'] );
		$args['title_reply_after']  = sprintf( '</h%d>', $attributes['heading-level'] );
	}
	ob_start();
	care_elements_printing_comment_form( true );
	comment_form( $args, $post_id );
	care_elements_printing_comment_form( false );
	$form = ob_get_clean();
	if ( function_exists( 'care_elements_comment_form_printed' ) ) {
		care_elements_comment_form_printed( $post_id, true );
	}
	$open = care_elements_comment_form_open_tag( $post_id, array( 'class' => care_elements_given_class( (array) $given ) ) + $attributes );
	return $open . $form . '</care-comment-form>';
}
