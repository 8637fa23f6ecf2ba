/**
 * How a submission travels: the wire formats the forms can speak, and the encoding of one
 * request into the arguments of `fetch`. Plain functions, no DOM: runs in any JS runtime.
 */

/**
 * The wire protocol of a form's `action`:
 * - `json`: a generic JSON POST;
 * - `form`: a generic `application/x-www-form-urlencoded` POST;
 * - `wordpress`: WordPress's REST API (`POST /wp-json/wp/v2/comments`), JSON in and out;
 * - `wordpress-classic`: WordPress's `wp-comments-post.php`, a form POST answered by a redirect
 *   or an HTML page. It sends no CORS headers, so it only works from the same origin.
 */
export type Protocol = 'json' | 'form' | 'wordpress' | 'wordpress-classic';

/** Every {@link Protocol}, in a stable order (for attribute validation and docs). */
export const PROTOCOLS: readonly Protocol[] = Object.freeze(['json', 'form', 'wordpress', 'wordpress-classic'] as const);

/** Whether `v` names a {@link Protocol} (exact, case-sensitive match). */
export function isProtocol(v: unknown): v is Protocol {
  return typeof v === 'string' && (PROTOCOLS as readonly string[]).includes(v);
}

/** One request to send. Field names in `data` are already the protocol's own names. */
export interface SubmitRequest {
  /** The URL to POST to. */
  action: string;
  /** How to encode the body and which headers to send. */
  protocol: Protocol;
  /** The fields. `null` and `undefined` are left out; in urlencoded bodies so is `false`. */
  data: Record<string, string | number | boolean | null | undefined>;
  /**
   * A WordPress REST nonce, sent as `X-WP-Nonce` only with the `wordpress` protocol and only to
   * an `action` on the page's own origin: it acts for the logged-in reader on the site that made
   * it, so it must never reach another site.
   */
  nonce?: string;
  /**
   * Where WordPress gives a fresh REST nonce (`admin-ajax.php?action=rest-nonce`), asked once when
   * it refuses `nonce` as stale (403 `rest_cookie_invalid_nonce`), as a day-old cached page makes it.
   */
  nonceUrl?: string;
  /** Sent as `Idempotency-Key` (only with `json` and `form`, see {@link encodeRequest}). */
  idempotencyKey?: string;
}

/** The protocols whose body is JSON. */
function isJsonProtocol(protocol: Protocol): boolean {
  return protocol === 'json' || protocol === 'wordpress';
}

function jsonBody(data: SubmitRequest['data']): string {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return JSON.stringify(out);
}

function formBody(data: SubmitRequest['data']): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(data)) {
    // An HTML form sends nothing for an unticked checkbox and "on"/a value for a ticked one;
    // "1" is what PHP handlers (WordPress's `wp-comment-cookies-consent` included) test for.
    if (value === null || value === undefined || value === false) continue;
    params.append(key, value === true ? '1' : String(value));
  }
  return params;
}

/**
 * Encodes a request into `fetch(url, init)` arguments.
 *
 * - `json`, `wordpress`: `Content-Type: application/json`, the data as JSON (nulls dropped).
 * - `form`, `wordpress-classic`: `application/x-www-form-urlencoded`; `true` becomes `"1"`,
 *   `false`/`null`/`undefined` are left out, as an HTML form would.
 * - `Accept: application/json`, except `wordpress-classic` (`text/html`: it answers HTML).
 * - `Idempotency-Key` only for `json` and `form`. WordPress's REST CORS allow-list does not
 *   include it, so a cross-origin preflight would fail; the classic handler must stay a
 *   CORS "simple request" (no custom header) to work at all.
 * - `X-WP-Nonce` only for `wordpress`, when a nonce is given and `action` is on the origin of
 *   `page` (the page's URL, `location.href` by default; with `null`, never).
 *
 * Always `POST`, `credentials: 'same-origin'` (no cookie goes to another origin),
 * `redirect: 'follow'` (the classic handler answers a redirect), `cache: 'no-store'`.
 * The returned `init` has no `signal`: the caller adds its own per attempt.
 */
export function encodeRequest(req: SubmitRequest, page: string | null = globalThis.location?.href ?? null): {url: string; init: RequestInit} {
  const {protocol} = req;
  const headers: Record<string, string> = {
    Accept: protocol === 'wordpress-classic' ? 'text/html' : 'application/json',
  };
  let body: string;
  if (isJsonProtocol(protocol)) {
    headers['Content-Type'] = 'application/json';
    body = jsonBody(req.data);
  } else {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = formBody(req.data).toString();
  }
  if (req.idempotencyKey && (protocol === 'json' || protocol === 'form')) {
    headers['Idempotency-Key'] = req.idempotencyKey;
  }
  if (req.nonce && protocol === 'wordpress' && sameOrigin(req.action, page)) headers['X-WP-Nonce'] = req.nonce;
  return {
    url: req.action,
    init: {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
      redirect: 'follow',
      cache: 'no-store',
    },
  };
}

/** Whether `action`, resolved against `page`, is on `page`'s origin. */
function sameOrigin(action: string, page: string | null): boolean {
  if (page === null) return false;
  try {
    const base = new URL(page);
    return new URL(action, base).origin === base.origin;
  } catch {
    return false;
  }
}

/** A comment as the reader wrote it, with the post and the comment it replies to (0: none). */
export interface CommentInput {
  post: string;
  parent: number;
  comment: string;
  author: string;
  email: string;
  url: string;
}

/**
 * A comment's fields by the names each protocol uses: WordPress REST's (`author_name`,
 * `content`...), `wp-comments-post.php`'s (`comment_post_ID`...), or plain names for other
 * endpoints. Over REST an empty name, email or website is left out: WordPress would refuse an
 * empty URL, and files a logged-in reader's comment under the account only when no author field
 * comes.
 */
export function commentFields(protocol: Protocol, c: CommentInput): Record<string, string | number | undefined> {
  const post = Number(c.post) || 0;
  switch (protocol) {
    case 'wordpress':
      return {
        post,
        parent: c.parent,
        author_name: c.author || undefined,
        author_email: c.email || undefined,
        author_url: c.url || undefined,
        content: c.comment,
      };
    case 'wordpress-classic':
      return {comment: c.comment, author: c.author, email: c.email, url: c.url, comment_post_ID: post, comment_parent: c.parent};
    default:
      return {post: c.post || undefined, parent: c.parent, name: c.author, email: c.email, url: c.url || undefined, comment: c.comment};
  }
}
