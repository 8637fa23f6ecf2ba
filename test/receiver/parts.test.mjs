// The receiver's parts, each without a socket: plain values in, plain values out.
import assert from 'node:assert/strict';
import {mkdtemp, readFile, readdir, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {test} from 'node:test';
import {Comments} from '../../demo/receiver/comments.mjs';
import {CappedCounts} from '../../demo/receiver/faults.mjs';
import {normalizeUrl} from '../../demo/receiver/fields.mjs';
import {RequestAborted, clientKey, readBody, requestTarget} from '../../demo/receiver/http.mjs';
import {IdempotentAnswers} from '../../demo/receiver/idempotency.mjs';
import {isLoopbackAddress, moderationRefusal} from '../../demo/receiver/moderation.mjs';
import {createReceiver} from '../../demo/receiver/receiver.mjs';
import {Signups} from '../../demo/receiver/signups.mjs';
import {JsonLinesFile} from '../../demo/receiver/store.mjs';
import {call} from './fake-http.mjs';

/** A JSON-lines file in memory: what was appended, and the last rewrite. */
function memoryFile() {
  return {
    lines: [],
    rewrites: 0,
    async append(value) {
      this.lines.push(structuredClone(value));
    },
    async rewrite(values) {
      this.rewrites += 1;
      this.lines = structuredClone(values);
    },
  };
}

function clock(start = Date.parse('2025-01-31T10:00:00Z')) {
  const now = () => now.ms;
  now.ms = start;
  return now;
}

async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'care-receiver-'));
  t.after(() => rm(dir, {recursive: true, force: true}));
  return dir;
}

const submission = (fields, client = 'address 127.0.0.1') => ({body: Buffer.from(JSON.stringify(fields)), contentType: 'application/json', client});

test('requestTarget reads any target a client can send, and never throws', () => {
  assert.equal(requestTarget('//[').pathname, '//[');
  // Origin-form is never read as a protocol-relative URL naming another host.
  assert.equal(requestTarget('//evil.example/api/comments').pathname, '//evil.example/api/comments');
  assert.equal(requestTarget('/api/comments?post=1').searchParams.get('post'), '1');
  assert.equal(requestTarget('http://localhost/api/comments').pathname, '/api/comments');
  assert.equal(requestTarget('%'), undefined);
  assert.equal(requestTarget('*'), undefined);
  assert.equal(requestTarget('javascript:alert(1)'), undefined);
  assert.equal(requestTarget(undefined).pathname, '/');
});

test('readBody: the body, null past the limit (declared or counted), RequestAborted when the client left', async () => {
  const request = (chunks, headers = {}) => Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), {headers});
  assert.equal((await readBody(request(['{"a":', '1}']), 100)).toString(), '{"a":1}');
  assert.equal(await readBody(request(['x'], {'content-length': '101'}), 100), null);
  assert.equal(await readBody(request(['x'.repeat(60), 'y'.repeat(60)]), 100), null);
  const left = request(['never read']);
  left.destroy();
  await assert.rejects(readBody(left, 100), RequestAborted);
});

test('clientKey is the socket address unless the test-only header is trusted', () => {
  const req = {headers: {'x-care-client': 'visitor-2'}, socket: {remoteAddress: '203.0.113.9'}};
  assert.equal(clientKey(req, false), 'address 203.0.113.9');
  assert.equal(clientKey(req, true), 'header visitor-2');
  assert.equal(clientKey({headers: {}, socket: null}, true), 'address unknown');
});

test('normalizeUrl keeps the serialised URL, not the text as typed', () => {
  const cases = [
    ['example.com', 'http://example.com'],
    ['https://ada.example/', 'https://ada.example/'],
    ['HTTP://Example.COM/a b', 'http://example.com/a%20b'],
    ['example.com/path?q=<x>', 'http://example.com/path?q=%3Cx%3E'],
    ['https://Bücher.example?x=1', 'https://xn--bcher-kva.example?x=1'],
    ['javascript:alert(1)', null],
    ['http://', null],
  ];
  for (const [text, expected] of cases) assert.equal(normalizeUrl(text), expected, text);
});

test("moderationRefusal: the token from anywhere, or this machine's own pages; 401 or 403 otherwise", () => {
  const token = 'secret-token';
  const req = (remoteAddress, headers) => ({socket: {remoteAddress}, headers});
  const own = {host: 'localhost:8000', origin: 'http://localhost:8000', 'sec-fetch-site': 'same-origin'};
  const cases = [
    ['token from afar', req('203.0.113.9', {authorization: 'Bearer secret-token'}), undefined],
    ['wrong token from afar', req('203.0.113.9', {authorization: 'Bearer guess'}), 401],
    ['nothing from afar', req('203.0.113.9', {host: 'localhost:8000'}), 401],
    ['own page', req('127.0.0.1', own), undefined],
    ['own page over IPv6', req('::1', {...own, host: '[::1]:8000', origin: 'http://[::1]:8000'}), undefined],
    ['a program on this machine', req('::ffff:127.0.0.1', {host: '127.0.0.1:8000'}), undefined],
    ['typed in the address bar', req('127.0.0.1', {host: 'localhost:8000', 'sec-fetch-site': 'none'}), undefined],
    ['a form on another site', req('127.0.0.1', {...own, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site'}), 403],
    ['a sandboxed page', req('127.0.0.1', {...own, origin: 'null'}), 403],
    ['a sibling port', req('127.0.0.1', {...own, origin: 'http://localhost:9000', 'sec-fetch-site': 'same-site'}), 403],
    ['DNS rebinding', req('127.0.0.1', {host: 'evil.example:8000', origin: 'http://evil.example:8000', 'sec-fetch-site': 'same-origin'}), 403],
    ['no Host', req('127.0.0.1', {}), 403],
    ['a Host with a path', req('127.0.0.1', {host: 'localhost/x'}), 403],
  ];
  for (const [name, request, expected] of cases) assert.equal(moderationRefusal(request, token), expected, name);
  assert.deepEqual(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '10.0.0.1', '', undefined].map(isLoopbackAddress), [
    true,
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});

test('IdempotentAnswers replays until the time to live, forgets after, and compacts when the dead outnumber the live', async () => {
  const file = memoryFile();
  const now = clock();
  const answers = new IdempotentAnswers({file, ttlMs: 1000, now});
  const answer = (n) => ({status: 201, headers: {}, body: `answer ${n}`});
  for (let n = 0; n < 3; n += 1) await answers.remember('/r', `k${n}`, answer(n));
  assert.deepEqual(answers.find('/r', 'k1'), answer(1));
  assert.equal(answers.find('/other', 'k1'), undefined);
  now.ms += 1000;
  assert.equal(answers.find('/r', 'k1'), undefined);
  assert.equal(file.lines.length, 3);
  // One live entry against three expired ones: the file is rewritten with the live one only.
  await answers.remember('/r', 'k3', answer(3));
  assert.equal(file.rewrites, 1);
  assert.deepEqual(
    file.lines.map((line) => line.key),
    ['k3'],
  );
  assert.equal(answers.size, 1);

  // At start, expired and unreadable entries are dropped from the file at once.
  const restarted = memoryFile();
  const loaded = new IdempotentAnswers({file: restarted, ttlMs: 1000, now});
  await loaded.load([
    {route: '/r', key: 'old', answer: answer(0), at: new Date(now.ms - 5000).toISOString()},
    {route: '/r', key: 'no-time', answer: answer(1)},
    {route: '/r', key: 'live', answer: answer(2), at: new Date(now.ms - 10).toISOString()},
  ]);
  assert.equal(restarted.rewrites, 1);
  assert.deepEqual(
    restarted.lines.map((line) => line.key),
    ['live'],
  );
  assert.deepEqual(loaded.find('/r', 'live'), answer(2));
});

test('CappedCounts holds at most its cap, forgetting the least recently counted', () => {
  const counts = new CappedCounts(2);
  assert.equal(counts.add('a'), 1);
  counts.add('b');
  counts.add('a');
  counts.add('c');
  assert.equal(counts.size, 2);
  assert.equal(counts.get('b'), 0);
  assert.equal(counts.get('a'), 2);
  assert.equal(counts.get('c'), 1);
});

test('Comments: created, duplicate, flood, discarded, and approval, over an in-memory file', async () => {
  const file = memoryFile();
  const now = clock();
  const comments = new Comments({file, log: () => {}, floodWindowMs: 15_000, floodKey: undefined, now});
  const input = (fields = {}) => ({
    post: 1,
    parent: 0,
    author: 'Ada',
    email: 'ada@example.com',
    url: '',
    content: 'Kefir.',
    fields: {},
    client: 'address a',
    ...fields,
  });
  const first = await comments.admit(input());
  assert.equal(first.kind, 'created');
  assert.equal(first.comment.status, 'hold');
  now.ms += 20_000;
  assert.equal((await comments.admit(input({content: ' KEFIR. ', client: 'address b'}))).kind, 'duplicate');
  assert.equal((await comments.admit(input({content: 'Other.', fields: {extra_info: 'bot'}}))).kind, 'discarded');
  assert.equal((await comments.approve(1)).status, 'approved');
  const known = await comments.admit(input({content: 'Miso.', email: 'ADA@example.com'}));
  assert.equal(known.comment.status, 'approved');
  // The same email from another client within the window.
  assert.equal((await comments.admit(input({content: 'Tempeh.', author: 'Ada L', client: 'address c'}))).kind, 'flood');
  assert.deepEqual(
    file.lines.map((line) => line.op ?? line.id),
    [1, 'approve', 3],
  );
  assert.deepEqual(
    comments.list({post: 1, status: 'approved'}).map((c) => c.id),
    [1, 3],
  );

  // A restart from the file's lines rebuilds the indexes.
  const reloaded = new Comments({file: memoryFile(), log: () => {}, floodWindowMs: 0, floodKey: undefined, now});
  reloaded.load(file.lines);
  assert.equal((await reloaded.admit(input({client: 'address z'}))).kind, 'duplicate');
  assert.equal((await reloaded.admit(input({content: 'New.', client: 'address z'}))).comment.id, 4);
});

test('Signups.post answers every non-error alike and stores only a new, believed address', async () => {
  const file = memoryFile();
  const signups = new Signups({file, log: () => {}});
  const fields = {email: 'ana@example.com', consent: true};
  const stored = await signups.post(submission(fields));
  assert.equal(stored.answer.status, 201);
  assert.equal(stored.remember, true);
  const again = await signups.post(submission({...fields, email: 'ANA@example.com'}));
  assert.equal(again.remember, true);
  const spam = await signups.post(submission({...fields, email: 'bot@example.com', fill_ms: 20}));
  assert.equal(spam.answer.status, 201);
  assert.equal(spam.remember, false);
  const refused = await signups.post(submission({email: 'nope'}));
  assert.equal(refused.answer.status, 400);
  assert.deepEqual(
    file.lines.map((line) => line.email),
    ['ana@example.com'],
  );
});

test('JsonLinesFile: appends, rewrites through a temporary file, owner-only', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'data.jsonl');
  const file = new JsonLinesFile(path, () => {});
  assert.deepEqual(await file.open(), []);
  await file.append({n: 1});
  await file.append({n: 2});
  await file.rewrite([{n: 2}]);
  await file.append({n: 3});
  await file.close();
  assert.equal(await readFile(path, 'utf8'), '{"n":2}\n{"n":3}\n');
  assert.deepEqual(await readdir(dir), ['data.jsonl']);
  assert.equal((await stat(path)).mode & 0o777, 0o600);
});

test('handle() answers without a socket, and resolves for a target no URL can be made of', async (t) => {
  const receiver = createReceiver({dataDir: await tempDir(t), log: false, floodWindowMs: 0});
  t.after(() => receiver.close());
  assert.deepEqual(await call(receiver, {method: 'GET', url: '//['}), {handled: false});
  assert.deepEqual(await call(receiver, {method: 'GET', url: '/demo/'}), {handled: false});
  const posted = await call(receiver, {url: '/api/comments', body: {post: 1, author_name: 'Ada', author_email: 'ada@example.com', content: 'Hi.'}});
  assert.equal(posted.status, 201);
  assert.equal(posted.json.id, 1);
  const stranger = await call(receiver, {url: '/api/comments/1/approve', remoteAddress: '203.0.113.9', headers: {host: 'localhost'}});
  assert.equal(stranger.status, 401);
  assert.equal(stranger.json.code, 'rest_cannot_edit');
});
