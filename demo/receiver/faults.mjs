/**
 * Fault routes, `/api/faults/<fault>/<target>`: the failures a client must survive (slow, failing
 * once, dropped, answer lost, any status, bodies no client should accept), each in front of a real
 * route that answers whenever the fault passes the request on.
 */
import {STATUS_CODES} from 'node:http';
import {setTimeout as sleep} from 'node:timers/promises';
import {errorAnswer, json, jsonError} from './answers.mjs';
import {clampInt} from './fields.mjs';
import {cutOff, idempotencyKey, isGone, send} from './http.mjs';

export const FAULT_PREFIX = '/api/faults/';

/** Fault counters kept at most; past that the least recently used is forgotten (and counts afresh). */
const DEFAULT_MAX_FAULT_COUNTERS = 10_000;

/** Target name -> the real route's path. */
const TARGETS = {
  'guide-signups': '/api/guide-signups',
  comments: '/api/comments',
  'wp-comments-post.php': '/wp-comments-post.php',
};
const FAULTS = new Set(['slow', 'fail-once', 'drop', 'lost', 'status', 'login-required', 'garbage', 'wrong-shape']);

/** Error bodies of the `status` fault, as WordPress (or the server in front of it) words them. */
const STATUS_ERRORS = {
  400: ['rest_invalid_param', 'Invalid parameter(s).'],
  401: ['rest_comment_login_required', 'Sorry, you must be logged in to comment.'],
  403: ['rest_forbidden', 'Sorry, you are not allowed to do that.'],
  404: ['rest_no_route', 'No route was found matching the URL and request method.'],
  429: ['too_many_requests', 'Too many requests.'],
  500: ['internal_server_error', 'There has been a critical error on this website.'],
  503: ['service_unavailable', 'Service unavailable.'],
};

/**
 * A map of counts that holds at most `max` keys: a client can name as many counters as it likes
 * (keys and scopes are its own), and the receiver must not keep them all.
 */
export class CappedCounts {
  #max;
  #counts = new Map();

  constructor(max) {
    this.#max = max;
  }

  get size() {
    return this.#counts.size;
  }

  get(key) {
    return this.#counts.get(key) ?? 0;
  }

  /** Counts one more for `key`, which becomes the most recently used; forgets the least recent past the cap. */
  add(key) {
    const count = this.get(key) + 1;
    this.#counts.delete(key);
    this.#counts.set(key, count);
    if (this.#counts.size > this.#max) this.#counts.delete(this.#counts.keys().next().value);
    return count;
  }
}

/**
 * @param {object} options
 * @param {(path: string) => import('./replay.mjs').Route} options.route the real route at a path
 * @param {(route: import('./replay.mjs').Route, call: import('./replay.mjs').Call, deliver?: (answer: object) => void) => Promise<void>} options.pass
 *   answers the call as the real route would
 * @param {(message: string) => void} options.log
 * @param {AbortSignal} options.closing aborts the slow fault's waits when the receiver closes
 * @param {number} [options.maxCounters]
 * @returns {(call: import('./replay.mjs').Call) => Promise<void>} answers a call on a fault route
 */
export function createFaults({route: routeAt, pass, log, closing, maxCounters = DEFAULT_MAX_FAULT_COUNTERS}) {
  const counts = new CappedCounts(maxCounters);

  return async function answerFault(call) {
    const {req, res, url} = call;
    const [fault, ...rest] = url.pathname.slice(FAULT_PREFIX.length).split('/');
    const target = rest.join('/');
    if (!FAULTS.has(fault) || !Object.hasOwn(TARGETS, target)) {
      send(
        res,
        jsonError(
          404,
          'rest_no_route',
          `No fault route at ${url.pathname}. Faults: ${[...FAULTS].join(', ')}. Targets: ${Object.keys(TARGETS).join(', ')}.`,
        ),
      );
      return;
    }
    const route = routeAt(TARGETS[target]);
    const query = url.searchParams;
    switch (fault) {
      case 'slow': {
        const ms = clampInt(query.get('ms'), 3000, 0, 60_000);
        if (await waitForClient(ms, res, closing)) await pass(route, call);
        else log(`slow ${target}: the client left during the ${ms} ms wait; nothing done`);
        return;
      }
      case 'fail-once':
      case 'drop':
      case 'lost': {
        const times = query.has('times') ? clampInt(query.get('times'), 1, 0, Number.MAX_SAFE_INTEGER) : fault === 'fail-once' ? 1 : Infinity;
        // Counted per Idempotency-Key, so a client's retries of one submission see the fault
        // end; without a key, per client and target. `scope` lets each test count afresh.
        const counter = [fault, target, query.get('scope') ?? '', idempotencyKey(req.headers) || `client ${call.client}`].join('\n');
        if (counts.get(counter) >= times) {
          await pass(route, call);
          return;
        }
        log(`${fault} ${target}: request ${counts.add(counter)} of ${times}`);
        if (fault === 'drop') req.socket?.destroy();
        // Handled and stored as usual; only the answer never arrives.
        else if (fault === 'lost') await pass(route, call, () => cutOff(res));
        else send(res, errorAnswer(route.format, 503, 'service_unavailable', 'Service unavailable.', {'Retry-After': '0'}));
        return;
      }
      case 'status':
      case 'login-required': {
        const code = fault === 'login-required' ? 401 : clampInt(query.get('code'), 500, 400, 599);
        const [errorCode, message] = STATUS_ERRORS[code] ?? [`http_${code}`, STATUS_CODES[code] ?? 'Error.'];
        const headers = query.has('retry-after') ? {'Retry-After': String(clampInt(query.get('retry-after'), 0, 0, 86_400))} : {};
        send(res, errorAnswer(route.format, code, errorCode, message, headers));
        return;
      }
      case 'garbage':
        send(res, {status: 200, headers: {'Content-Type': 'application/json', 'Cache-Control': 'no-store'}, body: '<html>not json'});
        return;
      case 'wrong-shape':
        send(res, json(201, [1, 2, 3]));
    }
  };
}

/**
 * Resolves true after `ms`, or false as soon as the client goes away or the receiver closes (then
 * the response is ended here: nobody will answer it).
 */
async function waitForClient(ms, res, closing) {
  // The client may have gone already (while the data was loading): 'close' will not come again.
  if (isGone(res) || closing.aborted) return false;
  const stop = new AbortController();
  const abort = () => stop.abort();
  res.once('close', abort);
  closing.addEventListener('abort', abort, {once: true});
  try {
    await sleep(ms, undefined, {signal: stop.signal});
    return true;
  } catch {
    if (closing.aborted) res.destroy();
    return false;
  } finally {
    res.off('close', abort);
    closing.removeEventListener('abort', abort);
  }
}
