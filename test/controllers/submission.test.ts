// The submission controller over real HTTP: every request goes to the reference receiver that the
// test runner serves (demo/receiver/), its faults come from the receiver's fault routes.
import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {SubmissionController, type SubmissionOptions} from '../../src/controllers/submission.js';
import {newIdempotencyKey} from '../../src/lib/idempotency.js';
import type {Outcome} from '../../src/lib/outcome.js';
import type {SubmitRequest} from '../../src/lib/protocols.js';
import {ATTEMPTS, storedComments, unique} from '../helpers/network.js';

/** A minimal host: renders the controller's state and records `sending` at every update. */
class SubmissionHost extends LitElement {
  controller?: SubmissionController;
  readonly sendingLog: boolean[] = [];

  override render() {
    this.sendingLog.push(this.controller?.sending ?? false);
    return html`<p>${this.controller?.sending ? 'Sending' : (this.controller?.outcome?.kind ?? 'idle')}</p>`;
  }
}
customElements.define('test-submission-host', SubmissionHost);

/**
 * A fast stand-in for the wait between attempts: records the asked delay, waits at most 5 ms,
 * and settles at once on abort, as the option's contract asks.
 */
function recordingSleep(asked: number[]): NonNullable<SubmissionOptions['sleep']> {
  return (ms, signal) =>
    new Promise<void>((resolve) => {
      asked.push(ms);
      const timer = setTimeout(resolve, Math.min(ms, 5));
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

async function setup(options: SubmissionOptions = {}) {
  const host = await fixture<SubmissionHost>(html`<test-submission-host></test-submission-host>`);
  const sleeps: number[] = [];
  const controller = new SubmissionController(host, {sleep: recordingSleep(sleeps), ...options});
  host.controller = controller;
  return {host, controller, sleeps};
}

function commentData(post: number, content = `A comment on post ${post}, ${Math.random()}`) {
  return {post, parent: 0, author_name: 'Ana Test', author_email: `ana.${post}@example.com`, author_url: '', content, fill_ms: 5000};
}

function signupData(tag: number) {
  return {email: `reader.${tag}@example.com`, first_name: 'Ana', consent: true, fill_ms: 5000};
}

/**
 * Every test acts as its own client: the receiver keys its flood check (and the keyless fault
 * counters) by client, and all tests come from one address, so a pass-through wrapper of fetch
 * adds the receiver's `X-Care-Client` test header. It also records the POSTs, to count what the
 * controller sent. Requests still go over real HTTP; nothing is answered by the test.
 */
let posts: RequestInit[] = [];
let realFetch: typeof fetch;
beforeEach(() => {
  posts = [];
  realFetch = globalThis.fetch;
  const client = `submission-test-${Math.random()}`;
  globalThis.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (init.method === 'POST') posts.push(init);
    return realFetch(input, {...init, headers: {...(init.headers as Record<string, string> | undefined), 'X-Care-Client': client}});
  };
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

function keysSent(): string[] {
  return posts.map((init) => (init.headers as Record<string, string>)['Idempotency-Key']);
}

function dataOf(outcome: Outcome | undefined): Record<string, unknown> {
  expect(outcome?.kind).to.be.oneOf(['accepted', 'pending']);
  const data = (outcome as Extract<Outcome, {kind: 'accepted' | 'pending'}>).data;
  expect(data).to.be.an('object');
  return data!;
}

function failureOf(outcome: Outcome | undefined) {
  expect(outcome?.kind).to.equal('failure');
  return outcome as Extract<Outcome, {kind: 'failure'}>;
}

describe('SubmissionController', () => {
  describe('successes', () => {
    it('posts a WordPress REST comment: pending (held), stored once, host updated around the send', async () => {
      const {host, controller} = await setup();
      const post = unique();
      expect(controller.sending).to.equal(false);
      expect(controller.outcome).to.equal(undefined);

      const pending = controller.submit({action: '/api/comments', protocol: 'wordpress', data: commentData(post)});
      expect(controller.sending).to.equal(true);
      const outcome = await pending;

      expect(outcome).to.deep.include({kind: 'pending', status: 201});
      expect(dataOf(outcome)).to.deep.include({status: 'hold', post});
      expect(controller.outcome).to.equal(outcome);
      expect(controller.sending).to.equal(false);
      expect(controller.attempts).to.equal(1);
      await host.updateComplete;
      expect(host.sendingLog).to.include(true);
      expect(host.sendingLog.at(-1)).to.equal(false);
      expect(host.shadowRoot!.textContent).to.contain('pending');
      expect(await storedComments(post)).to.have.length(1);
    });

    it('reports the same text sent again as a duplicate (a new submission, not a retry)', async () => {
      const {controller} = await setup();
      const post = unique();
      const req = {action: '/api/comments', protocol: 'wordpress', data: commentData(post)} as const;
      expect((await controller.submit(req))?.kind).to.equal('pending');
      expect(await controller.submit(req)).to.deep.include({kind: 'duplicate', status: 409, code: 'comment_duplicate'});
      expect(controller.attempts).to.equal(1);
      expect(await storedComments(post)).to.have.length(1);
    });

    it('signs up with the json protocol: accepted with the answer data', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/guide-signups', protocol: 'json', data: signupData(unique())});
      expect(outcome).to.deep.include({kind: 'accepted', status: 201});
      expect(dataOf(outcome)).to.deep.include({status: 'subscribed'});
      expect(dataOf(outcome).id).to.be.a('string');
    });

    it('posts a classic wp-comments-post.php comment: the redirect with unapproved= is pending', async () => {
      const {controller} = await setup();
      const post = unique();
      const outcome = await controller.submit({
        action: '/wp-comments-post.php',
        protocol: 'wordpress-classic',
        data: {
          comment: `Classic comment ${Math.random()}`,
          author: 'Ana Test',
          email: `classic.${post}@example.com`,
          url: '',
          comment_post_ID: post,
          comment_parent: 0,
          fill_ms: 5000,
        },
      });
      expect(outcome).to.deep.equal({kind: 'pending', status: 200, data: null});
      expect(await storedComments(post)).to.have.length(1);
    });
  });

  describe('one request at a time', () => {
    it('a second submit while one is in flight sends nothing and returns undefined', async () => {
      const {controller} = await setup();
      const req = {action: '/api/guide-signups', protocol: 'json', data: signupData(unique())} as const;
      const first = controller.submit(req);
      const second = await controller.submit(req);
      const third = await controller.submit({...req, data: signupData(unique())});
      expect(second).to.equal(undefined);
      expect(third).to.equal(undefined);
      expect((await first)?.kind).to.equal('accepted');
      expect(posts).to.have.length(1);
    });
  });

  describe('retries and the Idempotency-Key', () => {
    it('retries a 503 with the same key: one stored comment', async () => {
      const {controller, sleeps} = await setup();
      const post = unique();
      const outcome = await controller.submit({
        action: `/api/faults/fail-once/comments?times=1&scope=${post}`,
        protocol: 'json',
        data: commentData(post),
      });
      // The comment route answers a held comment; the json protocol reads status "hold" as pending.
      expect(outcome).to.deep.include({kind: 'pending', status: 201});
      expect(controller.attempts).to.equal(2);
      expect(sleeps).to.deep.equal([0]); // Retry-After: 0
      expect(await storedComments(post)).to.have.length(1);
    });

    it('keeps the key on every retry of one submission (the fault ends only for a repeated key)', async () => {
      const {controller, sleeps} = await setup();
      const scope = unique();
      const outcome = await controller.submit({
        action: `/api/faults/fail-once/guide-signups?times=2&scope=${scope}`,
        protocol: 'json',
        data: signupData(scope),
      });
      expect(outcome?.kind).to.equal('accepted');
      expect(controller.attempts).to.equal(3);
      expect(sleeps).to.have.length(2);
      expect(keysSent()).to.have.length(3);
      expect(keysSent()[0]).to.match(/^[0-9a-f-]{36}$/);
      expect(new Set(keysSent()).size).to.equal(1);
    });

    it('reuses the key when the same body is sent again after a failure, and only then', async () => {
      const {controller} = await setup({maxAttempts: 2});
      const scope = unique();
      const action = `/api/faults/fail-once/guide-signups?times=2&scope=${scope}`;
      const a = {action, protocol: 'json', data: signupData(scope)} as const;
      const b = {...a, data: signupData(scope + 1)};

      // Two 503s use up the fault for A's key.
      expect(failureOf(await controller.submit(a))).to.deep.include({reason: 'server', status: 503, retryable: true});
      expect(controller.attempts).to.equal(2);
      // Another body gets a fresh key, which meets the fault from its first request
      // (A's key would have passed).
      expect(failureOf(await controller.submit(b)).status).to.equal(503);
      // B again: its key again, the third request for that key, passes at once.
      expect((await controller.submit(b))?.kind).to.equal('accepted');
      expect(controller.attempts).to.equal(1);
      // After an acceptance the key is dropped: the same body starts afresh and meets the fault.
      expect(failureOf(await controller.submit(b)).status).to.equal(503);
    });

    it('repeats the first request (key and body) when a send again differs only in a volatile field (the fill time): stored once', async () => {
      const {controller} = await setup({maxAttempts: 1});
      const scope = unique();
      // The receiver stores each send, but every answer is lost on the way back.
      const action = `/api/faults/lost/comments?scope=${scope}`;
      const data = commentData(scope);
      const send = (fillMs: number, volatile?: string[]) => controller.submit({action, protocol: 'json', data: {...data, fill_ms: fillMs}}, volatile);
      expect(failureOf(await send(4000, ['fill_ms'])).reason).to.equal('network');
      // The reader clicks "Try again" a second later: a later fill time, the same submission.
      expect(failureOf(await send(5000, ['fill_ms'])).reason).to.equal('network');
      const [a, b] = keysSent();
      expect(a).to.match(/^[0-9a-f-]{36}$/);
      expect(b).to.equal(a);
      // The same request byte for byte, the first fill time included: a server may refuse a key with another body.
      expect(posts[1].body).to.equal(posts[0].body);
      expect((JSON.parse(posts[1].body as string) as {fill_ms: number}).fill_ms).to.equal(4000);
      // The server saw one key: one record, the second send answered by a replay (lost too).
      expect(await storedComments(scope)).to.have.length(1);
      // Not named volatile, a later fill time makes a new submission with a new key.
      await send(6000);
      const fresh = keysSent()[2];
      expect(fresh, 'a key of its own')
        .to.be.a('string')
        .and.match(/^[0-9a-f-]{36}$/);
      expect(fresh).not.to.equal(a);
    });

    it('recovers from a dropped connection', async () => {
      const {controller, sleeps} = await setup();
      const scope = unique();
      const outcome = await controller.submit({
        action: `/api/faults/drop/guide-signups?times=1&scope=${scope}`,
        protocol: 'json',
        data: signupData(scope),
      });
      expect(outcome?.kind).to.equal('accepted');
      // Chromium and Firefox resend a request whose reused keep-alive connection closes before
      // any answer, by themselves and unseen by fetch (WebKit does not), so the controller's own
      // retry is needed only when the dropped request went over a fresh connection.
      expect(controller.attempts).to.be.within(1, 2);
      expect(posts).to.have.length(controller.attempts);
      expect(sleeps).to.have.length(controller.attempts - 1);
      for (const ms of sleeps) expect(ms).to.be.within(0, 399); // backoff after attempt 1: full jitter below 400 ms
    });

    it(`gives up on a connection that always drops after ${ATTEMPTS} attempts: failure network`, async () => {
      const {controller, sleeps} = await setup();
      const scope = unique();
      const outcome = await controller.submit({action: `/api/faults/drop/guide-signups?scope=${scope}`, protocol: 'json', data: signupData(scope)});
      expect(failureOf(outcome)).to.deep.include({reason: 'network', status: 0, retryable: true});
      expect(controller.attempts).to.equal(ATTEMPTS);
      expect(posts, 'requests fetch saw').to.have.length(ATTEMPTS);
      expect(sleeps).to.have.length(ATTEMPTS - 1);
      expect(sleeps[0]).to.be.within(0, 399);
      expect(sleeps[1]).to.be.within(0, 799);
    });

    it(`gives up on a 500 after ${ATTEMPTS} attempts: failure server`, async () => {
      const {controller, sleeps} = await setup();
      const outcome = await controller.submit({action: '/api/faults/status/comments?code=500', protocol: 'wordpress', data: commentData(unique())});
      expect(failureOf(outcome)).to.deep.include({reason: 'server', status: 500, retryable: true});
      expect(posts).to.have.length(ATTEMPTS);
      expect(controller.attempts).to.equal(ATTEMPTS);
      expect(sleeps).to.have.length(ATTEMPTS - 1);
    });

    it('honours maxAttempts', async () => {
      const {controller} = await setup({maxAttempts: 1});
      const outcome = await controller.submit({action: '/api/faults/status/guide-signups?code=500', protocol: 'json', data: signupData(unique())});
      expect(failureOf(outcome).reason).to.equal('server');
      expect(controller.attempts).to.equal(1);
    });

    it('retries a 429 that says when (Retry-After up to 10 s), and waits that long', async () => {
      const {controller, sleeps} = await setup();
      const outcome = await controller.submit({
        action: '/api/faults/status/guide-signups?code=429&retry-after=2',
        protocol: 'json',
        data: signupData(unique()),
      });
      expect(failureOf(outcome)).to.deep.include({status: 429, retryable: true, retryAfterMs: 2000});
      expect(controller.attempts).to.equal(3);
      expect(sleeps).to.deep.equal([2000, 2000]);
    });

    it('does not wait for a Retry-After over 10 s', async () => {
      const {controller, sleeps} = await setup();
      const outcome = await controller.submit({
        action: '/api/faults/status/guide-signups?code=429&retry-after=30',
        protocol: 'json',
        data: signupData(unique()),
      });
      expect(failureOf(outcome)).to.deep.include({status: 429, retryable: true, retryAfterMs: 30000});
      expect(controller.attempts).to.equal(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('does not retry a 429 without Retry-After: too fast', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/faults/status/guide-signups?code=429', protocol: 'json', data: signupData(unique())});
      expect(outcome).to.deep.include({kind: 'too-fast', status: 429, code: 'too_many_requests'});
      expect(controller.attempts).to.equal(1);
    });

    it('reports "duplicate" on a retry as pending: the unanswered attempt was stored', async () => {
      const {controller} = await setup();
      const post = unique();
      const data = commentData(post);
      // The comment is stored as if by a first attempt whose answer never arrived...
      const first = await fetch('/api/comments', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(data)});
      expect(first.status).to.equal(201);
      // ...and the same comment is sent to a route that fails once: the retry meets WordPress's duplicate check.
      const outcome = await controller.submit({action: `/api/faults/fail-once/comments?times=1&scope=${post}`, protocol: 'wordpress', data});
      expect(outcome).to.deep.equal({kind: 'pending', status: 409, data: null});
      expect(controller.attempts).to.equal(2);
      expect(await storedComments(post)).to.have.length(1);
    });

    it('reports "duplicate" as pending also when the same body is sent again after a failure', async () => {
      const {controller} = await setup({maxAttempts: 1});
      const post = unique();
      const data = commentData(post);
      const first = await fetch('/api/comments', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(data)});
      expect(first.status).to.equal(201);
      const req = {action: `/api/faults/fail-once/comments?times=1&scope=${post}`, protocol: 'wordpress', data} as const;
      // The reader saw a failure (as if the answer to a stored comment was lost) and sends again.
      expect(failureOf(await controller.submit(req)).status).to.equal(503);
      expect(await controller.submit(req)).to.deep.equal({kind: 'pending', status: 409, data: null});
      expect(await storedComments(post)).to.have.length(1);
    });
  });

  describe('answers that are never retried', () => {
    it('a 200 that is not JSON: bad-response, one attempt', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/faults/garbage/guide-signups', protocol: 'json', data: signupData(unique())});
      expect(failureOf(outcome)).to.deep.include({
        reason: 'bad-response',
        status: 200,
        retryable: false,
        message: 'The server answered 200 with a body that is not JSON.',
      });
      expect(controller.attempts).to.equal(1);
    });

    it('a 201 JSON array instead of a comment: bad-response, one attempt', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/faults/wrong-shape/comments', protocol: 'wordpress', data: commentData(unique())});
      expect(failureOf(outcome)).to.deep.include({reason: 'bad-response', status: 201, retryable: false});
      expect(controller.attempts).to.equal(1);
    });

    it('401 login required: rejected, one attempt', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/faults/login-required/comments', protocol: 'wordpress', data: commentData(unique())});
      expect(outcome).to.deep.equal({
        kind: 'rejected',
        status: 401,
        code: 'rest_comment_login_required',
        message: 'Sorry, you must be logged in to comment.',
      });
      expect(posts).to.have.length(1);
    });

    it('403: rejected, one attempt', async () => {
      const {controller} = await setup();
      const outcome = await controller.submit({action: '/api/faults/status/comments?code=403', protocol: 'wordpress', data: commentData(unique())});
      expect(outcome).to.deep.include({kind: 'rejected', status: 403, code: 'rest_forbidden'});
      expect(controller.attempts).to.equal(1);
    });

    it('field errors from the real route: the server field names, one attempt', async () => {
      const {controller} = await setup();
      const post = unique();
      const outcome = await controller.submit({
        action: '/api/comments',
        protocol: 'wordpress',
        data: {...commentData(post), author_email: 'not-an-email'},
      });
      expect(outcome).to.deep.include({kind: 'field-errors', status: 400, code: 'rest_invalid_param'});
      expect((outcome as Extract<Outcome, {kind: 'field-errors'}>).fields).to.have.keys('author_email');
      expect(controller.attempts).to.equal(1);
      expect(await storedComments(post)).to.have.length(0);
    });
  });

  describe('timeouts and aborts', () => {
    it('times out a slow answer: failure timeout, retried, then given up', async () => {
      const {controller} = await setup({timeoutMs: 150, maxAttempts: 2});
      const started = performance.now();
      const outcome = await controller.submit({action: '/api/faults/slow/guide-signups?ms=3000', protocol: 'json', data: signupData(unique())});
      expect(failureOf(outcome)).to.deep.include({reason: 'timeout', status: 0, retryable: true});
      expect(controller.attempts).to.equal(2);
      expect(performance.now() - started).to.be.below(2000);
      expect(controller.sending).to.equal(false);
    });

    it('aborts the request in flight when the host is removed, without throwing', async () => {
      const {host, controller} = await setup();
      const started = performance.now();
      const pending = controller.submit({action: '/api/faults/slow/guide-signups?ms=3000', protocol: 'json', data: signupData(unique())});
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(controller.sending).to.equal(true);
      host.remove();
      const outcome = await pending;
      expect(failureOf(outcome)).to.deep.include({reason: 'aborted', status: 0});
      expect(controller.attempts).to.equal(1);
      expect(controller.sending).to.equal(false);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('keeps the submission going when the host is moved (disconnected and connected in one step)', async () => {
      const {host, controller} = await setup();
      const pending = controller.submit({action: '/api/faults/slow/guide-signups?ms=300', protocol: 'json', data: signupData(unique())});
      await new Promise((resolve) => setTimeout(resolve, 50));
      const elsewhere = document.createElement('div');
      document.body.append(elsewhere);
      elsewhere.append(host);
      expect((await pending)?.kind).to.equal('accepted');
      expect(controller.attempts).to.equal(1);
      elsewhere.remove();
    });

    it('abort() during the wait before a retry ends the submission as aborted', async () => {
      let abortNow: () => void = () => {};
      const waited = new Promise<void>((resolve) => (abortNow = resolve));
      const {controller} = await setup({
        sleep: (_ms, signal) =>
          new Promise<void>((resolve) => {
            abortNow();
            signal.addEventListener('abort', () => resolve());
          }),
      });
      const pending = controller.submit({action: '/api/faults/status/guide-signups?code=503', protocol: 'json', data: signupData(unique())});
      await waited;
      controller.abort();
      expect(failureOf(await pending).reason).to.equal('aborted');
      expect(controller.attempts).to.equal(1);
    });

    it('abort() and disconnecting with nothing in flight change nothing', async () => {
      const {host, controller} = await setup();
      controller.abort();
      host.remove();
      expect(controller.sending).to.equal(false);
      expect(controller.outcome).to.equal(undefined);
      // A controller of a removed host still sends when asked (the element may be re-attached).
      document.body.append(host);
      expect((await controller.submit({action: '/api/guide-signups', protocol: 'json', data: signupData(unique())}))?.kind).to.equal('accepted');
      host.remove();
    });
  });

  describe('newIdempotencyKey', () => {
    it('makes distinct UUID v4 strings', () => {
      const keys = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const key = newIdempotencyKey();
        expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        keys.add(key);
      }
      expect(keys.size).to.equal(200);
    });
  });
});

// Type-level check that the request type the controller takes has no key of its own.
const _noKey: Omit<SubmitRequest, 'idempotencyKey'> = {action: '/', protocol: 'json', data: {}};
void _noKey;
