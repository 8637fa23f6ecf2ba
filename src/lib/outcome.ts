/**
 * What came of a submission: the {@link Outcome} union the forms show, and the mapping from an
 * HTTP response to it. Plain functions, no DOM (HTML answers are read with string functions),
 * and {@link mapResponse} never throws.
 */
import {parseRetryAfter} from './backoff.js';
import {finishText, plainText, readMarkup} from './markup.js';
import type {Protocol} from './protocols.js';

/** Why a submission failed without a verdict from the application. */
export type FailureReason = 'network' | 'timeout' | 'server' | 'bad-response' | 'aborted';

/**
 * The result of one submission, as the form shows it.
 *
 * Messages are plain text (tags stripped, entities decoded), never HTML; render them as text.
 * An empty `message`, or an empty string in `fields`, means "no server wording: use the UI text".
 */
export type Outcome =
  /** Stored and published (or, for generic endpoints, simply accepted). `data` is the JSON object answered, if any. */
  | {kind: 'accepted'; status: number; data: Record<string, unknown> | null}
  /** Stored but held for moderation (or filed as spam, which is not told to the sender). */
  | {kind: 'pending'; status: number; data: Record<string, unknown> | null}
  /** Some fields were refused. Keys are the SERVER's field names (`author_email`, `content`, `email`...). */
  | {kind: 'field-errors'; status: number; code: string; message: string; fields: Record<string, string>}
  /** The same text was already posted (WordPress `comment_duplicate`). */
  | {kind: 'duplicate'; status: number; code: string; message: string}
  /** Posting too quickly (WordPress `comment_flood`, or a 429 without Retry-After). */
  | {kind: 'too-fast'; status: number; code: string; message: string}
  /** Refused for a reason the reader cannot fix by retrying, e.g. 401/403 login required. */
  | {kind: 'rejected'; status: number; code: string; message: string}
  /**
   * No verdict: the request or the response failed. `status` is 0 when no response arrived.
   * `message` is for developers (console, `care-error`), not for readers. `retryable` says
   * whether sending again may help; `retryAfterMs` is the server's requested wait, if it gave one.
   */
  | {kind: 'failure'; reason: FailureReason; status: number; message: string; retryable: boolean; retryAfterMs?: number};

/** The parts of a `fetch` Response that {@link mapResponse} reads, with the body already read as text. */
export interface ResponseLike {
  status: number;
  ok: boolean;
  redirected: boolean;
  url: string;
  headers: {get(name: string): string | null};
  text: string;
}

/** Values of a JSON `status` field that mean "stored, not published yet". */
const PENDING_STATUSES = new Set(['hold', 'pending', 'unapproved', 'spam']);

/** WordPress REST codes for a field that exceeds its database column, and that field. */
const COLUMN_LENGTH_FIELDS = new Map([
  ['comment_author_column_length', 'author_name'],
  ['comment_author_email_column_length', 'author_email'],
  ['comment_author_url_column_length', 'author_url'],
  ['comment_content_column_length', 'content'],
]);

/**
 * Maps a response to an {@link Outcome}, by the error `code` first and the status second.
 *
 * `json`, `form`, `wordpress` expect JSON: a 2xx needs a JSON object (`wordpress`: a comment with
 * a numeric `id` and a string `status`; `json`/`form`: any object, or a 204 with no body);
 * errors are read in WordPress's shape `{code, message, data: {status, params?}}`.
 * `wordpress-classic` expects `wp-comments-post.php`'s answers: a redirect on success, an HTML
 * page (often with status 200) on error, an empty 200 when the post cannot take comments.
 *
 * @param now the clock for an HTTP-date `Retry-After` (default `Date.now()`).
 */
export function mapResponse(protocol: Protocol, res: ResponseLike, now: number = Date.now()): Outcome {
  try {
    return protocol === 'wordpress-classic' ? mapClassic(res, now) : mapJson(protocol, res, now);
  } catch (error) {
    // Only a malformed ResponseLike gets here; the contract is never to throw.
    return failure('bad-response', Number(res?.status) || 0, `The response could not be read (${String(error)}).`, false);
  }
}

function failure(reason: FailureReason, status: number, message: string, retryable: boolean, retryAfterMs?: number): Outcome {
  const outcome: Outcome = {kind: 'failure', reason, status, message, retryable};
  if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
  return outcome;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed body, or `undefined` when it is not JSON (JSON itself has no `undefined`). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function serverFailure(status: number, message: string, headers: ResponseLike['headers'], now: number): Outcome {
  const detail = message ? ` ${message}` : '';
  return failure('server', status, `The server answered ${status}.${detail}`, true, parseRetryAfter(headers.get('Retry-After'), now));
}

// ---------------------------------------------------------------------------------------------
// JSON protocols: json, form, wordpress

function mapJson(protocol: Protocol, res: ResponseLike, now: number): Outcome {
  const {status} = res;
  if (status >= 200 && status < 300) return mapJsonSuccess(protocol, status, res.text);
  const parsed = parseJson(res.text);
  const body = isObject(parsed) ? parsed : {};
  const code = typeof body.code === 'string' ? body.code : '';
  const message = typeof body.message === 'string' ? plainText(body.message) : '';
  return mapErrorCode(code, message, status, isObject(body.data) ? body.data : {}) ?? mapErrorStatus(status, code, message, res.headers, now);
}

function mapJsonSuccess(protocol: Protocol, status: number, text: string): Outcome {
  if (status === 204 && protocol !== 'wordpress' && text.trim() === '') return {kind: 'accepted', status, data: null};
  const parsed = parseJson(text);
  if (parsed === undefined) return failure('bad-response', status, `The server answered ${status} with a body that is not JSON.`, false);
  if (!isObject(parsed)) return failure('bad-response', status, `The server answered ${status} with JSON that is not an object.`, false);
  if (protocol === 'wordpress') {
    if (typeof parsed.id !== 'number' || typeof parsed.status !== 'string') {
      return failure(
        'bad-response',
        status,
        `The server answered ${status} without a WordPress comment (an object with a numeric "id" and a string "status").`,
        false,
      );
    }
    return {kind: parsed.status === 'approved' ? 'accepted' : 'pending', status, data: parsed};
  }
  const pending = typeof parsed.status === 'string' && PENDING_STATUSES.has(parsed.status);
  return {kind: pending ? 'pending' : 'accepted', status, data: parsed};
}

/** The outcome a known error code means, whatever the status; `undefined` for other codes. */
function mapErrorCode(code: string, message: string, status: number, data: Record<string, unknown>): Outcome | undefined {
  const fieldErrors = (fields: Record<string, string>): Outcome =>
    // A field error that names no field cannot be shown at a field: tell it as a refusal instead.
    Object.keys(fields).length ? {kind: 'field-errors', status, code, message, fields} : {kind: 'rejected', status, code, message};
  switch (code) {
    case 'rest_invalid_param': {
      // data.params: {author_email: "Invalid email address."}
      const fields: Record<string, string> = {};
      if (isObject(data.params)) {
        for (const [name, text] of Object.entries(data.params)) fields[name] = typeof text === 'string' ? plainText(text) : '';
      }
      return fieldErrors(fields);
    }
    case 'rest_missing_callback_param': {
      // data.params: ["author_email", "content"]
      const fields: Record<string, string> = {};
      if (Array.isArray(data.params)) {
        for (const name of data.params) if (typeof name === 'string') fields[name] = '';
      }
      return fieldErrors(fields);
    }
    case 'rest_comment_author_data_required':
      return fieldErrors({author_name: '', author_email: ''});
    case 'rest_comment_content_invalid':
      return fieldErrors({content: ''});
    case 'comment_duplicate':
      return {kind: 'duplicate', status, code, message};
    case 'comment_flood':
      // WordPress's REST API answers a flood with 400, its classic handler with 429.
      return {kind: 'too-fast', status, code, message};
    case 'rest_comment_login_required':
      return {kind: 'rejected', status, code, message};
  }
  const field = COLUMN_LENGTH_FIELDS.get(code);
  return field ? fieldErrors({[field]: message}) : undefined;
}

function mapErrorStatus(status: number, code: string, message: string, headers: ResponseLike['headers'], now: number): Outcome {
  if (status >= 500 && status < 600) return serverFailure(status, message, headers, now);
  if (status === 429) {
    // A rate limiter that says when to come back is worth a retry; one that does not is telling the reader to slow down.
    const retryAfterMs = parseRetryAfter(headers.get('Retry-After'), now);
    if (retryAfterMs !== undefined) return serverFailure(status, message, headers, now);
    return {kind: 'too-fast', status, code: code || 'http_429', message};
  }
  if (status >= 400 && status < 500) return {kind: 'rejected', status, code: code || `http_${status}`, message};
  // 1xx, an unfollowed 3xx, or status 0 (an opaque response): nothing to read a verdict from.
  return failure('bad-response', status, `The server answered ${status}, which is neither a success nor an error.`, false);
}

// ---------------------------------------------------------------------------------------------
// wordpress-classic: wp-comments-post.php

/** Known texts of wp_handle_comment_submission() (English), the code WordPress uses and the refused field. */
const CLASSIC_TEXTS: ReadonlyArray<{text: string; code: string; fields?: (message: string) => Record<string, string>}> = [
  {text: 'please type your comment text', code: 'require_valid_comment', fields: () => ({comment: ''})},
  {text: 'please fill the required fields', code: 'require_name_email', fields: () => ({author: '', email: ''})},
  {text: 'please enter a valid email address', code: 'require_valid_email', fields: () => ({email: ''})},
  {text: 'your name is too long', code: 'comment_author_column_length', fields: (m) => ({author: m})},
  {text: 'your email address is too long', code: 'comment_author_email_column_length', fields: (m) => ({email: m})},
  {text: 'your url is too long', code: 'comment_author_url_column_length', fields: (m) => ({url: m})},
  {text: 'your comment is too long', code: 'comment_content_column_length', fields: (m) => ({comment: m})},
  {text: 'comments are closed', code: 'comment_closed'},
  {text: 'you must be logged in to comment', code: 'not_logged_in'},
];

/** Longer than this, a page without wp_die()'s message box is not an error message we can quote. */
const MAX_QUOTED_TEXT = 300;

function mapClassic(res: ResponseLike, now: number): Outcome {
  const {status} = res;
  if (res.redirected && res.ok) {
    // WordPress redirects to the post; a comment held for moderation adds ?unapproved=ID&moderation-hash=...
    const query = res.url.split('#')[0];
    return {kind: /[?&]unapproved=/.test(query) ? 'pending' : 'accepted', status, data: null};
  }
  if (status >= 500 && status < 600) return serverFailure(status, htmlMessage(res.text), res.headers, now);
  const message = htmlMessage(res.text);
  if (status === 409) return {kind: 'duplicate', status, code: 'comment_duplicate', message};
  if (status === 429) return {kind: 'too-fast', status, code: 'comment_flood', message};
  if (res.ok && res.text.trim() === '') {
    // wp-comments-post.php exits with an empty 200 when the post is missing, trashed, a draft or password-protected.
    return {kind: 'rejected', status, code: 'post_unavailable', message: ''};
  }
  const lower = message.toLowerCase();
  const known = CLASSIC_TEXTS.find((entry) => lower.includes(entry.text));
  if (known?.fields) return {kind: 'field-errors', status, code: known.code, message, fields: known.fields(message)};
  return {kind: 'rejected', status, code: known?.code ?? `http_${status}`, message};
}

/**
 * The readable message of an HTML error page: wp_die()'s message box if present, else the body
 * without older wp_die() pages' "« Back" link, as plain text.
 */
function htmlMessage(html: string): string {
  const {box, body} = readMarkup(html, true);
  if (box !== undefined) return finishText(box);
  const text = finishText(body);
  return text.length > MAX_QUOTED_TEXT ? '' : text;
}
