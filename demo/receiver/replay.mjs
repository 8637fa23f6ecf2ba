/**
 * Answering a route: its method, its guard, the Idempotency-Key, the body, and then, in the one
 * queue where every change of state runs, either the replay of a remembered answer or a fresh
 * verdict.
 */
import {closedAnswer, errorAnswer, methodNotAllowed} from './answers.mjs';
import {MAX_IDEMPOTENCY_KEY, idempotencyKey, mediaType, readBody, send} from './http.mjs';

/**
 * @typedef {object} Call one request as the routes see it
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {URL} url the request target, parsed
 * @property {string} client who is asking, for the flood check and the per-client faults
 */

/**
 * @typedef {object} Submission what a POST handler reads: plain values, no stream
 * @property {Buffer} body
 * @property {string} contentType its media type, lowercased
 * @property {string} client
 */

/**
 * @typedef {object} Route
 * @property {string} path the route's own path; idempotency keys are scoped by it
 * @property {string[]} methods
 * @property {'json' | 'html'} format the language of its errors: REST JSON or a wp_die() page
 * @property {number} [bodyLimit] instead of the receiver's maxBodyBytes
 * @property {(call: Call) => object | undefined} [guard] an answer that refuses the call, checked
 *   before anything is read or replayed; undefined lets it through
 * @property {(call: Call) => object} [get] the answer to GET and HEAD
 * @property {(submission: Submission) => Promise<{answer: object, remember: boolean}>} [post]
 */

/**
 * A queue of tasks run one after another. A check and the write it allows (duplicate, flood,
 * idempotency key) are then never interleaved with another request's, so two requests with the
 * same key store once, without a lock per key.
 */
export function createQueue() {
  let tail = Promise.resolve();
  return {
    /** Runs `task` after every task queued before it; resolves or rejects as it does. */
    run(task) {
      const run = tail.then(task);
      tail = run.catch(() => {});
      return run;
    },
    /** Resolves once every task queued so far has settled. */
    idle() {
      return tail;
    },
  };
}

/**
 * Answers `call` on `route`. `deliver` sends the verdict (the `lost` fault cuts it off instead);
 * the early refusals always go out as they are.
 *
 * @param {Route} route
 * @param {Call} call
 * @param {{queue: ReturnType<typeof createQueue>, answers: import('./idempotency.mjs').IdempotentAnswers, maxBodyBytes: number, isClosed: () => boolean, log: (message: string) => void}} context
 * @param {(answer: object) => void} [deliver]
 */
export async function answerRoute(route, call, context, deliver = (answer) => send(call.res, answer)) {
  const {req, res} = call;
  if (!route.methods.includes(req.method)) return send(res, methodNotAllowed(route));
  const refusal = route.guard?.(call);
  if (refusal) return send(res, refusal);
  if (req.method !== 'POST') return send(res, route.get(call));
  const key = idempotencyKey(req.headers);
  if (key === false) {
    return send(
      res,
      errorAnswer(route.format, 400, 'rest_invalid_param', `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY} characters.`),
    );
  }
  const limit = route.bodyLimit ?? context.maxBodyBytes;
  const body = await readBody(req, limit);
  if (body === null) return send(res, errorAnswer(route.format, 400, 'rest_body_too_large', `The request body is larger than ${limit} bytes.`));
  const submission = {body, contentType: mediaType(req.headers['content-type']), client: call.client};
  deliver(await context.queue.run(() => verdict(route, key, submission, context)));
}

/** The remembered answer to `key` on this route, else a fresh one (remembered when it may be replayed). */
async function verdict(route, key, submission, {answers, isClosed, log}) {
  if (isClosed()) return closedAnswer();
  const first = key === undefined ? undefined : answers.find(route.path, key);
  if (first) {
    log(`replayed the answer to ${route.path} for Idempotency-Key ${JSON.stringify(key)}`);
    return {...first, headers: {...first.headers, 'Idempotent-Replayed': 'true'}};
  }
  const outcome = await route.post(submission);
  if (key !== undefined && outcome.remember) await answers.remember(route.path, key, outcome.answer);
  return outcome.answer;
}
