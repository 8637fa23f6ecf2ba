/**
 * The reference receiver: the server side of the guide signup and the comment form, for the demo
 * and the tests. It answers like a WordPress site that enabled the `rest_allow_anonymous_comments`
 * filter (REST `POST /wp/v2/comments` and the classic `wp-comments-post.php`), plus a JSON signup
 * endpoint, and it persists to JSON-lines files so that a restart loses nothing.
 *
 * Framework-agnostic: `handle(req, res)` takes Node's IncomingMessage and ServerResponse, answers
 * its own routes and returns false for any other URL. Node built-ins only. This module composes
 * the parts (routes, stores, faults) and guards the edge: nothing a client sends makes `handle`
 * reject.
 *
 * Routes, shapes and the differences from WordPress are listed in ./README.md.
 */
import {randomBytes} from 'node:crypto';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {closedAnswer, criticalError} from './answers.mjs';
import {postClassic} from './classic.mjs';
import {Comments} from './comments.mjs';
import {FAULT_PREFIX, createFaults} from './faults.mjs';
import {RequestAborted, clientKey, requestTarget, send} from './http.mjs';
import {IdempotentAnswers} from './idempotency.mjs';
import {createModerationToken, moderationRefusal} from './moderation.mjs';
import {answerRoute, createQueue} from './replay.mjs';
import {approveComment, forbiddenApproval, forbiddenListing, listComments, listsUnpublished, postComment} from './rest-comments.mjs';
import {Signups} from './signups.mjs';
import {JsonLinesFile, makeDataDir} from './store.mjs';

/** At the repository's root, outside anything the demo server serves. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/receiver/', import.meta.url));

/**
 * @typedef {object} ReceiverOptions
 * @property {string} [dataDir] folder of the JSON-lines files (default `.data/receiver/` at the repository's root, outside anything served)
 * @property {number} [floodWindowMs] WordPress's flood window (default 15000); 0 turns the check off
 * @property {(client: string, fields: Record<string, unknown>) => string} [floodKey] who counts as the same
 *   poster for the flood check, instead of WordPress's "same client or same email": a key made from the
 *   client (an opaque string) and the submission's fields (with `post` and `parent` as numbers for both
 *   comment routes). Comments with equal keys flood each other
 * @property {number} [maxBodyBytes] largest request body read (default 102400; three times that for
 *   `wp-comments-post.php`, whose urlencoded body takes up to three bytes per byte of text)
 * @property {string} [moderationToken] the secret of `Authorization: Bearer <token>` for the moderation
 *   routes (default: random per receiver, see `receiver.moderationToken` and the log)
 * @property {boolean} [trustClientHeader] let the `X-Care-Client` request header name the client instead
 *   of the socket address (default false): for test suites whose clients all share one address
 * @property {number} [idempotencyTtlMs] how long an answer is replayed for its Idempotency-Key (default a day)
 * @property {number} [maxFaultCounters] fault counters kept at most (default 10000)
 * @property {((message: string) => void) | false} [log] where notices go (default console.log)
 */

/**
 * @typedef {object} Receiver
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>} handle
 *   answers the request and resolves true, or resolves false (and touches nothing) when the URL is not a
 *   receiver route; never rejects
 * @property {() => Promise<void>} close waits for pending writes and closes the data files
 * @property {string} moderationToken the secret that lets a request moderate from anywhere
 */

/**
 * Creates a receiver over a data folder. Existing files are loaded at once; `handle` waits for that.
 *
 * @param {ReceiverOptions} [options]
 * @returns {Receiver}
 */
export function createReceiver(options = {}) {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const maxBodyBytes = options.maxBodyBytes ?? 102_400;
  const moderationToken = options.moderationToken ?? createModerationToken();
  const trustClientHeader = options.trustClientHeader === true;
  const log =
    options.log === false ? () => {} : typeof options.log === 'function' ? options.log : (message) => console.log(`[care-receiver] ${message}`);

  const file = (name) => new JsonLinesFile(join(dataDir, name), log);
  const files = {signups: file('signups.jsonl'), comments: file('comments.jsonl'), idempotency: file('idempotency.jsonl')};
  const signups = new Signups({file: files.signups, log});
  const comments = new Comments({file: files.comments, log, floodWindowMs: options.floodWindowMs ?? 15_000, floodKey: options.floodKey});
  const answers = new IdempotentAnswers({file: files.idempotency, ttlMs: options.idempotencyTtlMs});
  // Keys WordPress's wp_hash() for the moderation-hash; any secret will do for a demo.
  const hashSecret = randomBytes(32);
  const queue = createQueue();
  const closing = new AbortController();
  const context = {queue, answers, maxBodyBytes, isClosed: () => closing.signal.aborted, log};
  const pass = (route, call, deliver) => answerRoute(route, call, context, deliver);
  const answerFault = createFaults({route: routeAt, pass, log, closing: closing.signal, maxCounters: options.maxFaultCounters});
  let closed;

  const ready = (async () => {
    await makeDataDir(dataDir);
    signups.load(await files.signups.open());
    comments.load(await files.comments.open());
    await answers.load(await files.idempotency.open());
    log(`loaded ${signups.size} signups, ${comments.size} comments and ${answers.size} idempotent answers from ${dataDir}`);
    log(
      `moderation: from a page of this server in a browser on this machine, or from anywhere with the header "Authorization: Bearer ${moderationToken}"`,
    );
  })();
  ready.catch(() => {}); // reported by handle() and close(), not as an unhandled rejection

  return {handle, close, moderationToken};

  async function handle(req, res) {
    const url = requestTarget(req.url);
    const isFault = url?.pathname.startsWith(FAULT_PREFIX) ?? false;
    const route = url && !isFault ? routeAt(url.pathname) : undefined;
    if (!isFault && !route) return false;
    try {
      const call = {req, res, url, client: clientKey(req, trustClientHeader)};
      if (closing.signal.aborted) {
        send(res, closedAnswer());
      } else {
        await ready;
        await (isFault ? answerFault(call) : pass(route, call));
      }
    } catch (error) {
      fail(req, res, url, error);
    }
    return true;
  }

  /** The catch-all: a client that left needs no answer; anything else is a receiver bug, logged. */
  function fail(req, res, url, error) {
    try {
      if (error instanceof RequestAborted) {
        res.destroy();
        return;
      }
      log(`error in ${req.method} ${url.pathname}: ${error?.stack ?? error}`);
      send(res, criticalError());
    } catch {
      res.destroy();
    }
  }

  async function close() {
    closing.abort();
    closed ??= (async () => {
      await ready.catch(() => {});
      await queue.idle();
      await Promise.all(Object.values(files).map((each) => each.close()));
    })();
    return closed;
  }

  /** The route at `pathname`, or undefined when it is not one of the receiver's. */
  function routeAt(pathname) {
    switch (pathname) {
      case '/api/guide-signups':
        return {path: pathname, methods: ['POST'], format: 'json', post: (submission) => signups.post(submission)};
      case '/api/comments':
        return {
          path: pathname,
          methods: ['GET', 'HEAD', 'POST'],
          format: 'json',
          guard: (call) => (call.req.method !== 'POST' && listsUnpublished(call.url.searchParams) ? refusal(call, forbiddenListing) : undefined),
          get: (call) => listComments(comments, call.url.searchParams),
          post: (submission) => postComment(comments, submission),
        };
      case '/wp-comments-post.php':
        // A form body spends three bytes (%XX) on each byte of non-ASCII text, so this route reads
        // three times the limit: a comment at WordPress's 65525-byte limit fits in any script.
        return {
          path: pathname,
          methods: ['POST'],
          format: 'html',
          bodyLimit: maxBodyBytes * 3,
          post: (submission) => postClassic(comments, submission, hashSecret),
        };
    }
    const approve = /^\/api\/comments\/([^/]+)\/approve$/.exec(pathname);
    if (approve) {
      return {
        path: pathname,
        methods: ['POST'],
        format: 'json',
        guard: (call) => refusal(call, forbiddenApproval),
        post: () => approveComment(comments, approve[1]),
      };
    }
    return undefined;
  }

  /** The answer refusing a moderation call (built by `forbidden` for its status), or undefined when it may. */
  function refusal(call, forbidden) {
    const status = moderationRefusal(call.req, moderationToken);
    if (status === undefined) return undefined;
    log(`refused moderation ${call.req.method} ${call.url.pathname} (${status})`);
    const answer = forbidden(status);
    return status === 401 ? {...answer, headers: {...answer.headers, 'WWW-Authenticate': 'Bearer realm="care-receiver"'}} : answer;
  }
}
