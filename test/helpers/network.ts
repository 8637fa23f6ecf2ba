/**
 * The network side of the tests, all over real HTTP to what the test runner serves: a recorder of
 * the page's fetches, the reference receiver's routes read directly (demo/receiver/), its fault
 * routes, and answers composed by a test (test/runner/hostile-answers.mjs).
 */
import {expect} from '@open-wc/testing';

/** The page's own fetch, kept before any test wraps it, for the tests' own requests. */
export const realFetch = globalThis.fetch.bind(globalThis);

/** The receiver discards (as spam, answering as if stored) a submission filled faster than this. */
export const MIN_FILL_MS = 1500;

/** How many times the submission controller tries one submission before it gives up (its default `maxAttempts`). */
export const ATTEMPTS = 3;

/** A number no other test uses: a post id, a fault counter scope, an address tag. */
export function unique(): number {
  return 100000 + Math.floor(Math.random() * 1e6);
}

/** A fault route of the receiver in front of `target`, with its own counter scope. */
export function faultUrl(fault: string, target: 'guide-signups' | 'comments' | 'wp-comments-post.php', query = ''): string {
  return `/api/faults/${fault}/${target}?scope=${unique()}${query ? `&${query}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// What the page sends

/** One request the page made, and what came back. */
export interface FetchRecord {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  /** The answer's status; undefined when the request failed (a dropped connection). */
  status?: number;
  /** Whether the receiver replayed a stored answer (`Idempotent-Replayed: true`). */
  replayed?: boolean;
  error?: string;
}

export interface FetchWatch {
  calls: FetchRecord[];
  /** The POSTs only. */
  readonly posts: FetchRecord[];
  restore(): void;
}

/**
 * Records every fetch the page makes and passes it on to the real one. The submission controller
 * looks `fetch` up at call time, so the elements' requests go through here.
 */
export function watchFetch(): FetchWatch {
  const calls: FetchRecord[] = [];
  const wrapper = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const record: FetchRecord = {
      url: new URL(input instanceof Request ? input.url : String(input), document.baseURI).href,
      method: (init.method ?? 'GET').toUpperCase(),
      headers: new Headers(init.headers),
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the elements send strings; any other body is recorded as String() shows it
      body: typeof init.body === 'string' ? init.body : String(init.body ?? ''),
    };
    calls.push(record);
    try {
      const response = await realFetch(input, init);
      record.status = response.status;
      record.replayed = response.headers.get('Idempotent-Replayed') === 'true';
      return response;
    } catch (error) {
      record.error = String(error);
      throw error;
    }
  };
  globalThis.fetch = wrapper;
  return {
    calls,
    get posts() {
      return calls.filter((c) => c.method === 'POST');
    },
    restore() {
      if (globalThis.fetch === wrapper) globalThis.fetch = realFetch;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What the receiver holds

/** A comment as the receiver's REST route lists it. */
export interface StoredComment {
  id: number;
  status: string;
  author_name: string;
  content: {rendered: string};
}

/** Every comment the receiver stored on a post, held ones included (the tests' page may moderate). */
export async function storedComments(post: number): Promise<StoredComment[]> {
  const res = await realFetch(`/api/comments?post=${post}&status=all`, {cache: 'no-store'});
  expect(res.status, 'GET /api/comments').to.equal(200);
  return (await res.json()) as StoredComment[];
}

/**
 * The answer the receiver keeps for `key` on `route` (it keeps the answer of every submission it
 * accepted, and none for one it refused or discarded as spam), asked without changing anything:
 * the body sent is invalid, so a key without an answer gets a field error and nothing is stored.
 * This is how a test sees that a signup was taken, since the signup route, by design, answers
 * nobody whether an address is on the list.
 */
export async function keptAnswer(route: string, key: string): Promise<{replayed: boolean; status: number; body: Record<string, unknown>}> {
  const res = await realFetch(route, {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': key}, body: '{}'});
  return {replayed: res.headers.get('Idempotent-Replayed') === 'true', status: res.status, body: (await res.json()) as Record<string, unknown>};
}

/** Posts a comment straight to the receiver's REST route (not through a form), filled "slowly". */
export async function postCommentDirectly(fields: {
  post: number;
  author_name: string;
  author_email: string;
  content: string;
  parent?: number;
}): Promise<{status: number; body: Record<string, unknown>}> {
  const res = await realFetch('/api/comments', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({parent: 0, fill_ms: 5000, ...fields}),
  });
  return {status: res.status, body: (await res.json()) as Record<string, unknown>};
}

/** Approves a stored comment, as a moderator would. */
export async function approveComment(id: number): Promise<void> {
  const res = await realFetch(`/api/comments/${id}/approve`, {method: 'POST'});
  expect(res.status, 'approve').to.equal(200);
}

// ---------------------------------------------------------------------------------------------
// Answers a test composes

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Stores answers on the runner's answer route (`/__hostile/`); returns the URL that answers each, in order. */
export async function hostileUrls(answers: Answer[]): Promise<string[]> {
  const res = await realFetch('/__hostile/answers', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(answers)});
  if (res.status !== 201) throw new Error(`POST /__hostile/answers answered ${res.status}: ${await res.text()}`);
  const {base} = (await res.json()) as {base: string};
  return answers.map((_, i) => new URL(`${base}/${i}`, location.href).href);
}
