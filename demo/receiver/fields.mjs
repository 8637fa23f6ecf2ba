/**
 * Reading a submission's fields as WordPress reads them: bodies to fields, fields to typed values
 * (with REST's messages for a wrong type), and WordPress's own text rules (is_email(), esc_url(),
 * the column limits). Pure functions over plain values.
 */
import {jsonError} from './answers.mjs';

/** A form filled faster than this was filled by a program. */
const MIN_FILL_MS = 1500;

/**
 * The comment columns' limits on a default install (wp_get_comment_fields_max_lengths()), with
 * the codes and texts of wp_check_comment_data_max_lengths(). WordPress counts these in BYTES
 * (mb_strlen(..., '8bit') and strlen), so 245 letters "é" do not fit in the name.
 */
const COMMENT_LIMITS = [
  {field: 'author', max: 245, code: 'comment_author_column_length', text: 'Your name is too long.'},
  {field: 'email', max: 100, code: 'comment_author_email_column_length', text: 'Your email address is too long.'},
  {field: 'url', max: 200, code: 'comment_author_url_column_length', text: 'Your URL is too long.'},
  {field: 'content', max: 65525, code: 'comment_content_column_length', text: 'Your comment is too long.'},
];

/** `{fields}` from a JSON or urlencoded body, or `{error}` (an answer) for anything else. */
export function parseFields(buffer, contentType) {
  if (contentType === 'application/json') {
    const text = buffer.toString('utf8');
    // WordPress reads an empty JSON body as no parameters at all.
    if (text.trim() === '') return {fields: {}};
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return {error: jsonError(400, 'rest_invalid_json', 'Invalid JSON body passed.', {json_error_message: error.message})};
    }
    if (!isPlainObject(value)) return {error: jsonError(400, 'rest_invalid_param', 'The JSON body must be an object of parameters.')};
    return {fields: value};
  }
  if (contentType === 'application/x-www-form-urlencoded') return {fields: formFields(buffer)};
  return {
    error: jsonError(
      400,
      'rest_invalid_param',
      `Unsupported Content-Type ${JSON.stringify(contentType || '(none)')}: send application/json or application/x-www-form-urlencoded.`,
    ),
  };
}

/** Urlencoded fields; a repeated name keeps its last value, as PHP's $_POST does. */
export function formFields(buffer) {
  return Object.fromEntries(new URLSearchParams(buffer.toString('utf8')));
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of the request's own, never one inherited from Object.prototype. */
export function ownField(fields, name) {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** A string field; '' when absent; a wrong type is noted in `params` (REST's message). */
export function stringParam(fields, name, params) {
  const value = ownField(fields, name);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    params[name] = `${name} is not of type string.`;
    return '';
  }
  return value;
}

/** An integer as rest_is_integer() accepts it (a number or a string of digits); 0 when absent. */
export function integerParam(fields, name, params) {
  const value = ownField(fields, name);
  if (value === undefined || value === null || value === '') return 0;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) {
    params[name] = `${name} is not of type integer.`;
    return 0;
  }
  return number;
}

/** A boolean as rest_sanitize_boolean() reads it, plus the "on" of an unvalued checkbox. */
export function booleanParam(fields, name, params) {
  const value = ownField(fields, name);
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(word)) return true;
    if (['', '0', 'false', 'off', 'no'].includes(word)) return false;
  }
  params[name] = `${name} is not of type boolean.`;
  return false;
}

/** `content` as a string or as `{raw}`, both of which WordPress takes; trimmed. */
export function contentParam(fields) {
  const value = ownField(fields, 'content');
  if (typeof value === 'string') return value.trim();
  if (isPlainObject(value) && typeof value.raw === 'string') return value.raw.trim();
  return '';
}

/** Why a submission looks like a program's (honeypot filled, or filled too fast), or ''. */
export function spamReason(fields) {
  const honeypot = ownField(fields, 'extra_info');
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return 'honeypot filled';
  const raw = ownField(fields, 'fill_ms');
  const fillMs = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isFinite(fillMs) && fillMs < MIN_FILL_MS) return `filled in ${fillMs} ms`;
  return '';
}

/** The first column limit the values break (WordPress's order), or undefined. */
export function overLimit(values) {
  return COMMENT_LIMITS.find((limit) => Buffer.byteLength(values[limit.field], 'utf8') > limit.max);
}

/** PHP's (int) cast of a string: its leading integer, else 0. */
export function phpInt(text) {
  const match = /^\s*[+-]?\d+/.exec(text);
  return match ? Number.parseInt(match[0], 10) || 0 : 0;
}

/** A query parameter of digits, clamped to [min, max]; `fallback` when absent or not digits. */
export function clampInt(text, fallback, min, max) {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return fallback;
  return Math.min(max, Math.max(min, Number(text)));
}

/** Length in characters (code points), as a REST schema's `maxLength` counts. */
export function charLength(text) {
  return [...text].length;
}

/**
 * A text as MySQL's default collation compares it (case-insensitive, surrounding spaces
 * ignored): two texts are the same to WordPress's queries when their folds are equal.
 */
export function fold(text) {
  return String(text).trim().toLowerCase();
}

export function stripTags(text) {
  return text.replace(/<[^>]*>?/g, '');
}

/**
 * An http(s) URL to keep, normalised, or null. A bare host gets `http://`, as WordPress's
 * esc_url() adds it. What is kept and shown is the URL's serialisation (scheme and host
 * lowercased, spaces and markup characters percent-encoded, an IDN in punycode), never the text
 * as typed; only the "/" the serialiser adds after a bare host is left out, as WordPress keeps
 * `http://example.com` without one.
 */
export function normalizeUrl(text) {
  const candidate = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `http://${text}`;
  let url;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  const typedPath = /^[a-z][a-z\d+.-]*:[/\\]*[^/\\?#]+[/\\]/i.test(candidate);
  if (url.pathname !== '/' || typedPath) return url.href;
  const end = url.href.length - url.search.length - url.hash.length;
  return url.href.slice(0, end - 1) + url.href.slice(end);
}

/** WordPress's is_email(), rule for rule (so an address WordPress refuses is refused here too). */
export function isEmail(email) {
  if (email.length < 6) return false;
  const at = email.indexOf('@', 1);
  if (at === -1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (/\.{2,}/.test(domain)) return false;
  if (hasEdge(domain, ' \t\n\r\0\x0B.')) return false;
  const subs = domain.split('.');
  if (subs.length < 2) return false;
  return subs.every((sub) => !hasEdge(sub, ' \t\n\r\0\x0B-') && /^[a-z0-9-]+$/i.test(sub));
}

/** Whether PHP's trim($text, $chars) would change `text`. */
function hasEdge(text, chars) {
  return text !== '' && (chars.includes(text[0]) || chars.includes(text[text.length - 1]));
}
