import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {backoffDelay} from '../lib/backoff.js';
import {newIdempotencyKey} from '../lib/idempotency.js';
import {mapResponse, type FailureReason, type Outcome} from '../lib/outcome.js';
import {encodeRequest, type SubmitRequest} from '../lib/protocols.js';

/** Options of {@link SubmissionController}. */
export interface SubmissionOptions {
  /** How long one attempt (request and response body) may take, in ms (default 15000). */
  timeoutMs?: number;
  /** How many times one submission is tried at most, the first try included (default 3). */
  maxAttempts?: number;
  /**
   * Waits between attempts. It must settle once `signal` aborts (resolving or rejecting:
   * both end the submission as aborted). Tests pass a fast one; the default uses `setTimeout`.
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The longest `Retry-After` worth waiting for while the reader watches a spinner. */
const MAX_RETRY_AFTER_MS = 10_000;

/** Resolves after `ms`, or at once when `signal` aborts. */
function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

function noAnswer(reason: FailureReason, message: string, retryable: boolean): Outcome {
  return {kind: 'failure', reason, status: 0, message, retryable};
}

const aborted = () => noAnswer('aborted', 'The submission was aborted.', true);

/**
 * Sends a form's submission and reports what came of it: the one submitter both forms share.
 *
 * - One request at a time: {@link submit} while sending returns `undefined` and sends nothing,
 *   so a double click or a second Enter sends one request.
 * - Each attempt has its own `AbortController` and a timeout; disconnecting the host aborts.
 * - Retries only what is safe to retry (no response, a timeout, a 5xx, a 429 with
 *   `Retry-After` of at most 10 s), with exponential backoff and full jitter; never a 4xx.
 * - One `Idempotency-Key` per submission (sent by `json` and `form`), kept across its retries,
 *   and reused when the same body is sent again after an outcome that was not a success,
 *   since the earlier request may have been stored even though its answer was lost.
 * - A WordPress nonce refused as stale (a cached page's) is renewed once from `nonceUrl` and the
 *   request sent again: with the fresh nonce for a logged-in reader, without one for anyone else.
 *
 * The element reads {@link sending}, {@link outcome} and {@link attempts} in `render()` and
 * fires its own events; the controller calls `host.requestUpdate()` when they change.
 */
export class SubmissionController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  private _sending = false;
  private _outcome: Outcome | undefined;
  private _attempts = 0;
  /** Aborts the submission in flight: its current attempt and any wait before the next one. */
  private submission: AbortController | undefined;
  /**
   * The last submission that did not succeed: its request (with its key), what identifies it, and whether one of its
   * attempts went unanswered (so that it may have been stored all the same).
   */
  private unsettled: {request: {url: string; init: RequestInit}; fingerprint: string; mayHaveLanded: boolean} | undefined;
  /** A nonce WordPress refused as stale, and what replaced it (none: the reader is not logged in). */
  private renewed: {stale: string; fresh: string | undefined} | undefined;

  constructor(host: ReactiveControllerHost, options: SubmissionOptions = {}) {
    this.host = host;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.sleep = options.sleep ?? defaultSleep;
    host.addController(this);
  }

  /** Whether a submission is in flight (attempts and the waits between them). */
  get sending(): boolean {
    return this._sending;
  }

  /** What came of the last submission; `undefined` before the first and while one is in flight. */
  get outcome(): Outcome | undefined {
    return this._outcome;
  }

  /** How many attempts the current (or last) submission has made so far. */
  get attempts(): number {
    return this._attempts;
  }

  /**
   * Aborts the submission in flight: a removed element must not keep a request or a retry going.
   * A move is not a removal: an element connected again before the next microtask (as when a
   * script moves it, which disconnects and connects it in one step) keeps its submission.
   */
  hostDisconnected(): void {
    const submission = this.submission;
    if (!submission) return;
    queueMicrotask(() => {
      if (!(this.host as Partial<Node>).isConnected) submission.abort();
    });
  }

  /** Aborts the submission in flight, if any; it then ends with a failure of reason `aborted`. */
  abort(): void {
    this.submission?.abort();
  }

  /**
   * Sends `req` (retrying where safe) and resolves with its outcome; never rejects.
   * Resolves with `undefined`, sending nothing, when a submission is already in flight.
   * `volatileFields` name fields of `req.data` that differ between sends of one submission
   * (a fill time): they do not make a send new, so it repeats the unsettled submission's
   * request, key and body as first sent.
   */
  async submit(req: Omit<SubmitRequest, 'idempotencyKey'>, volatileFields: readonly string[] = []): Promise<Outcome | undefined> {
    if (this._sending) return undefined;
    // A nonce WordPress refused as stale is never sent again: what replaced it is.
    if (req.nonce && req.nonce === this.renewed?.stale) req = {...req, nonce: this.renewed.fresh};
    // Keys are compared on what goes over the wire, so that field order or a null that the
    // encoding drops cannot make two identical submissions look different; fields that change
    // with every send (the fill time) are left out, or no send would ever repeat one.
    const data = {...req.data};
    for (const name of volatileFields) delete data[name];
    const probe = encodeRequest({...req, data});
    const fingerprint = JSON.stringify([probe.url, probe.init.headers, probe.init.body]);
    const again = this.unsettled?.fingerprint === fingerprint ? this.unsettled : undefined;
    // Sending again repeats the first request byte for byte: a server may refuse a known key
    // that comes with another body (the Idempotency-Key draft answers it with 422).
    const request = again?.request ?? encodeRequest({...req, idempotencyKey: newIdempotencyKey()});
    const state = {request, fingerprint, mayHaveLanded: again?.mayHaveLanded ?? false};
    this.unsettled = state;

    const submission = new AbortController();
    this.submission = submission;
    this._sending = true;
    this._outcome = undefined;
    this._attempts = 0;
    this.host.requestUpdate();

    let outcome: Outcome;
    try {
      outcome = await this.run(req, submission.signal, state);
    } catch (error) {
      // Only a throwing `sleep` option (or host) can get here; a submission still never rejects.
      outcome = submission.signal.aborted ? aborted() : noAnswer('network', String(error), true);
    }

    if (outcome.kind === 'accepted' || outcome.kind === 'pending') this.unsettled = undefined;
    if (this.submission === submission) this.submission = undefined;
    this._outcome = outcome;
    this._sending = false;
    this.host.requestUpdate();
    return outcome;
  }

  private async run(
    req: Omit<SubmitRequest, 'idempotencyKey'>,
    signal: AbortSignal,
    state: {request: {url: string; init: RequestInit}; mayHaveLanded: boolean},
  ): Promise<Outcome> {
    let renewable = !!req.nonceUrl;
    for (let attempt = 1; ; attempt++) {
      this._attempts = attempt;
      if (attempt > 1) this.host.requestUpdate();
      const {url, init} = state.request;
      let outcome = await this.timed(signal, (abort) =>
        globalThis.fetch(url, {...init, signal: abort}).then(async (response) =>
          // The body is read under the same timeout: a server can stall after the headers.
          mapResponse(req.protocol, {
            status: response.status,
            ok: response.ok,
            redirected: response.redirected,
            url: response.url,
            headers: response.headers,
            text: await response.text(),
          }),
        ),
      );
      // WordPress refuses a stale nonce before anything else, so nothing was stored: a logged-in
      // reader sends again with a fresh one, anyone else without (WordPress then takes the comment
      // as anonymous). Asked once per submission, and only when a nonce went out.
      if (
        renewable &&
        outcome.kind === 'rejected' &&
        outcome.code === 'rest_cookie_invalid_nonce' &&
        (init.headers as Record<string, string>)['X-WP-Nonce']
      ) {
        renewable = false;
        const fresh = await this.freshNonce(req.nonceUrl!, signal);
        if (signal.aborted) return aborted();
        this.renewed = {stale: req.nonce!, fresh: fresh || undefined};
        state.request = encodeRequest({...req, nonce: fresh || undefined});
        continue;
      }
      // "Duplicate" after an unanswered attempt of the same body (a retry, or sending again
      // after a failure) means that attempt was stored: its answer was lost, not the comment.
      // WordPress holds a new comment for moderation by default, so report it as pending.
      if (outcome.kind === 'duplicate' && state.mayHaveLanded) outcome = {kind: 'pending', status: outcome.status, data: null};
      if (outcome.kind === 'failure') state.mayHaveLanded = true;
      if (outcome.kind !== 'failure' || !outcome.retryable || outcome.reason === 'aborted' || attempt >= this.maxAttempts) return outcome;
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > MAX_RETRY_AFTER_MS) return outcome;
      await this.sleep(outcome.retryAfterMs ?? backoffDelay(attempt), signal);
      if (signal.aborted) return aborted();
    }
  }

  /**
   * A fresh REST nonce from WordPress (`admin-ajax.php?action=rest-nonce`, with the page's
   * cookies): a logged-in reader's, or '' for anyone else (WordPress answers them 400 "0") and
   * when none can be had.
   */
  private async freshNonce(url: string, submission: AbortSignal): Promise<string> {
    const answer = await this.timed(submission, async (signal): Promise<Outcome> => {
      const response = await globalThis.fetch(url, {credentials: 'same-origin', cache: 'no-store', signal});
      const text = (await response.text()).trim();
      return response.ok && /^[\w-]{4,100}$/.test(text) ? {kind: 'accepted', status: 200, data: {text}} : noAnswer('server', '', false);
    });
    return answer.kind === 'accepted' ? String(answer.data!.text) : '';
  }

  /**
   * One request (`send` with its signal) under its own AbortController: aborted by the timeout or
   * by the submission; a request that throws becomes a failure.
   */
  private async timed(submission: AbortSignal, send: (signal: AbortSignal) => Promise<Outcome>): Promise<Outcome> {
    if (submission.aborted) return aborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const forward = () => controller.abort();
    submission.addEventListener('abort', forward);
    try {
      // fetch is looked up at call time (in `send`), so that a page's or a test's wrapper of it is used.
      return await send(controller.signal);
    } catch (error) {
      if (submission.aborted) return aborted();
      if (timedOut) return noAnswer('timeout', `No complete answer within ${this.timeoutMs} ms.`, true);
      // fetch rejects with a TypeError for a network error, a CORS refusal or a blocked request,
      // and tells them apart from no script (by design: https://fetch.spec.whatwg.org/#concept-network-error).
      return noAnswer('network', `The request failed: ${error instanceof Error ? error.message : String(error)}`, true);
    } finally {
      clearTimeout(timer);
      submission.removeEventListener('abort', forward);
    }
  }
}
