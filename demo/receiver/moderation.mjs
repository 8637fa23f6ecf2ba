/**
 * Who may moderate (approve comments, list held ones). Anyone who can reach the receiver can post,
 * but moderation shows what is not public yet and publishes it, so it needs one of:
 *
 * - the moderation token, as `Authorization: Bearer <token>`: a program (a test, a script), or
 *   anyone the person at the terminal gave the token to. A browser never adds this header to a
 *   request another site makes (it would need a CORS preflight, which the receiver never grants);
 * - the person at the machine itself: a loopback socket, a `Host` that names loopback (a page of
 *   another site whose name was rebound to 127.0.0.1 still sends its own name), and, when the
 *   browser says where the request comes from, the receiver's own origin (`Origin`,
 *   `Sec-Fetch-Site`): a form or a script on another site is refused even on this machine.
 */
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {BlockList, isIP} from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** `localhost`, `127.x.x.x` or `[::1]`, with an optional port, and nothing else. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\])(?::\d{1,5})?$/i;

/** A fresh secret for a receiver that was given none. */
export function createModerationToken() {
  return randomBytes(24).toString('base64url');
}

/**
 * Why `req` may not moderate, or undefined when it may: 401 when it brought no usable credentials
 * (no token, or a wrong one, from another machine), 403 when it came from this machine but from
 * somewhere else than the receiver's own pages (a foreign Host, Origin or Sec-Fetch-Site).
 *
 * @param {{headers: Record<string, string | string[] | undefined>, socket?: {remoteAddress?: string} | null}} req
 * @param {string} token
 * @returns {401 | 403 | undefined}
 */
export function moderationRefusal(req, token) {
  const {authorization} = req.headers;
  if (typeof authorization === 'string') {
    const bearer = /^Bearer +(\S+) *$/i.exec(authorization);
    if (bearer && sameSecret(bearer[1], token)) return undefined;
  }
  if (!isLoopbackAddress(req.socket?.remoteAddress)) return 401;
  return isOwnPage(req.headers) ? undefined : 403;
}

/** Whether a socket address is this machine (127.0.0.0/8, ::1, or 127.x mapped into IPv6). */
export function isLoopbackAddress(address) {
  const family = isIP(address ?? '');
  return family !== 0 && LOOPBACK.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Whether the headers say the request comes from the receiver's own pages on a loopback host. */
function isOwnPage(headers) {
  const {host, origin} = headers;
  if (typeof host !== 'string' || !LOOPBACK_HOST.test(host)) return false;
  if (origin !== undefined && !sameOrigin(origin, `http://${host}`)) return false;
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function sameOrigin(a, b) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    // "null" (a sandboxed or file: page) and anything unparsable are no origin of ours.
    return false;
  }
}

/** Compares secrets in a time that does not tell how much of a guess was right. */
function sameSecret(given, expected) {
  const digest = (text) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
