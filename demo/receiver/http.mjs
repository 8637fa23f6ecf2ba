/**
 * The receiver's edge with Node's http objects: reading what a client sent (target, body,
 * headers) defensively, and writing an answer once. Everything past this module sees plain
 * values, so it can be tested without a socket.
 */

/** Longest `Idempotency-Key` kept; longer keys are refused rather than silently cut. */
export const MAX_IDEMPOTENCY_KEY = 255;

/** Thrown by readBody() when the client went away before its body ended: there is no one to answer. */
export class RequestAborted extends Error {
  constructor() {
    super('The client closed the request before its body ended.');
    this.name = 'RequestAborted';
  }
}

/**
 * The request target as a URL, or undefined when it cannot be one (then it is no route of ours).
 * An origin-form target ("/path?query") is read against a fixed origin, never as a relative URL:
 * as one, "//[" would be a host (and throw), and "//host/api/comments" another site's path.
 *
 * @param {string | undefined} target `req.url`
 * @returns {URL | undefined}
 */
export function requestTarget(target = '/') {
  try {
    if (target.startsWith('/')) return new URL(`http://receiver.invalid${target}`);
    // The absolute-form a proxy sends ("http://host/path"); "*" and the like are not ours.
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body, or null as soon as it is known to exceed `limit`. Past the limit nothing more is kept
 * and the rest is drained, so the answer goes out at once and the connection stays usable: the
 * iterator must not destroy the request on the early exit, which would close the socket unanswered.
 *
 * @param {import('node:stream').Readable & {headers: Record<string, string | string[] | undefined>}} req
 * @param {number} limit
 * @returns {Promise<Buffer | null>}
 * @throws {RequestAborted} when the client left mid-body (or before the receiver read it)
 */
export async function readBody(req, limit) {
  if (Number(req.headers['content-length']) > limit) return null;
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of req.iterator({destroyOnReturn: false})) {
      size += chunk.length;
      if (size > limit) {
        req.resume();
        return null;
      }
      chunks.push(chunk);
    }
  } catch {
    throw new RequestAborted();
  }
  return Buffer.concat(chunks);
}

/** The media type of a Content-Type header, lowercased, without parameters; '' when absent. */
export function mediaType(header) {
  return String(header ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/** The request's Idempotency-Key; undefined without one; false when it is too long to keep. */
export function idempotencyKey(headers) {
  const value = headers['idempotency-key'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > MAX_IDEMPOTENCY_KEY ? false : value;
}

/**
 * Who is posting, for the flood check and the per-client faults: the socket's address. A test
 * server, whose clients all share one address, may let the `X-Care-Client` header stand in for it
 * (`trustHeader`); anywhere else a client would pick its own identity with it and escape the check.
 *
 * @param {{headers: Record<string, string | string[] | undefined>, socket?: {remoteAddress?: string} | null}} req
 * @param {boolean} trustHeader
 */
export function clientKey(req, trustHeader) {
  const header = req.headers['x-care-client'];
  if (trustHeader && typeof header === 'string' && header.trim() !== '') return `header ${header.trim().slice(0, 200)}`;
  return `address ${req.socket?.remoteAddress ?? 'unknown'}`;
}

/** Whether the response can no longer carry anything: the client left, or it was answered. */
export function isGone(res) {
  return res.destroyed || !res.socket || res.socket.destroyed;
}

/**
 * Writes a stored-or-fresh answer `{status, headers, body}`, once; a response already written to,
 * ended or destroyed is left as it is.
 */
export function send(res, answer) {
  if (res.headersSent || res.destroyed || res.writableEnded) return;
  res.writeHead(answer.status, {...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body))});
  res.end(answer.body);
}

/**
 * Starts an answer and closes the connection in its body: the client learns nothing of the
 * outcome. (A connection closed before any byte would make browsers resend the request on their
 * own, so the fault would not be seen.)
 */
export function cutOff(res) {
  if (res.headersSent || res.destroyed || res.writableEnded) return;
  res.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '1024', 'Cache-Control': 'no-store'});
  res.write('The answer was cut', () => res.destroy());
}
