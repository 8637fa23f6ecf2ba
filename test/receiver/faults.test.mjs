import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {createServer, request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {createReceiver} from '../../demo/receiver/receiver.mjs';
import {classicComment, comment, delay, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const key = (value) => ({'Idempotency-Key': value});

test('slow waits, then answers as the real route', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const started = Date.now();
  const answer = await readJson(await postJson(base, '/api/faults/slow/comments?ms=250', comment()));
  assert.ok(Date.now() - started >= 240, `answered after ${Date.now() - started} ms`);
  assert.equal(answer.status, 201);
  assert.equal(answer.body.id, 1);
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
  // Also for GET, and the real route's own query parameters still apply.
  const listed = await readJson(await fetch(`${base}/api/faults/slow/comments?ms=10&post=1&status=hold`));
  assert.deepEqual(
    listed.body.map((c) => c.id),
    [1],
  );
});

test('slow does nothing when the client gives up during the wait', async (t) => {
  const {base, dataDir, logs, server} = await startReceiver(t);
  const controller = new AbortController();
  // Give up once the server has the request, well within its wait.
  server.once('request', () => setTimeout(() => controller.abort(), 30));
  await assert.rejects(
    fetch(`${base}/api/faults/slow/comments?ms=300`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(comment()),
      signal: controller.signal,
    }),
    {name: 'AbortError'},
  );
  for (let i = 0; i < 100 && !logs.some((line) => line.includes('the client left')); i += 1) await delay(10);
  assert.ok(
    logs.some((line) => line.includes('the client left')),
    logs.join('\n'),
  );
  // Past the end of the wait, still nothing.
  await delay(350);
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('a client that left before the receiver saw its request does not hang the receiver', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'care-receiver-'));
  const logs = [];
  const receiver = createReceiver({dataDir, log: (line) => logs.push(line), floodWindowMs: 0});
  const settled = [];
  // A middleware in front of the receiver that takes its time, as a dev server's may.
  const server = createServer(async (req, res) => {
    await delay(150);
    settled.push(await receiver.handle(req, res));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await receiver.close();
    await rm(dataDir, {recursive: true, force: true});
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const path of ['/api/faults/slow/comments?ms=200', '/api/faults/slow/guide-signups?ms=200']) {
    const controller = new AbortController();
    server.once('request', () => setTimeout(() => controller.abort(), 30));
    await assert.rejects(fetch(base + path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}', signal: controller.signal}));
  }
  // A real route, with a body cut short: its request is already destroyed when the receiver reads it.
  await new Promise((resolve) => {
    const req = httpRequest(`${base}/api/comments`, {method: 'POST', headers: {'Content-Type': 'application/json', 'Content-Length': '100'}});
    req.on('error', () => {});
    server.once('request', () => setTimeout(() => (req.destroy(), resolve()), 30));
    req.write('{"post": 1,');
  });
  for (let i = 0; i < 100 && settled.length < 3; i += 1) await delay(10);
  assert.deepEqual(settled, [true, true, true]);
  assert.equal(logs.filter((line) => line.includes('the client left')).length, 2);
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('fail-once answers 503 with Retry-After: 0, then passes the same key through', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const failed = await readJson(await postJson(base, '/api/faults/fail-once/comments', comment(), key('f-1')));
  assert.equal(failed.status, 503);
  assert.equal(failed.headers.get('retry-after'), '0');
  assert.equal(failed.body.code, 'service_unavailable');
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
  const retried = await readJson(await postJson(base, '/api/faults/fail-once/comments', comment(), key('f-1')));
  assert.equal(retried.status, 201);
  // A new submission has a new key, and fails once again.
  assert.equal((await postJson(base, '/api/faults/fail-once/comments', comment({content: 'New.'}), key('f-2'))).status, 503);
  // The fault route and the real route share the idempotent answers.
  const replay = await postJson(base, '/api/comments', comment(), key('f-1'));
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
});

test('fail-once counts times, and without a key counts per client, target and scope', async (t) => {
  const {base} = await startReceiver(t, {trustClientHeader: true});
  const statuses = [];
  for (let i = 0; i < 3; i += 1) {
    statuses.push((await postJson(base, '/api/faults/fail-once/guide-signups?times=2', {email: 'f@example.com', consent: true}, key('t'))).status);
  }
  assert.deepEqual(statuses, [503, 503, 201]);

  const asClient = (client) => ({'X-Care-Client': client});
  const path = '/api/faults/fail-once/comments';
  assert.equal((await postJson(base, path, comment(), asClient('a'))).status, 503);
  assert.equal((await postJson(base, path, comment(), asClient('a'))).status, 201);
  assert.equal((await postJson(base, path, comment({content: 'B.'}), asClient('b'))).status, 503);
  assert.equal((await postJson(base, `${path}?scope=test-2`, comment({content: 'A again.'}), asClient('a'))).status, 503);
  // The classic target fails in its own language.
  const classic = await postForm(base, '/api/faults/fail-once/wp-comments-post.php', classicComment(), asClient('a'));
  assert.equal(classic.status, 503);
  assert.equal(classic.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('status answers the asked status with a WordPress-style error body', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const cases = [
    ['/api/faults/status/comments', 500, 'internal_server_error'],
    ['/api/faults/status/comments?code=502', 502, 'http_502'],
    ['/api/faults/status/comments?code=401', 401, 'rest_comment_login_required'],
    ['/api/faults/login-required/comments', 401, 'rest_comment_login_required'],
    ['/api/faults/status/comments?code=403', 403, 'rest_forbidden'],
    ['/api/faults/status/comments?code=429', 429, 'too_many_requests'],
  ];
  for (const [path, status, code] of cases) {
    const answer = await readJson(await postJson(base, path, comment()));
    assert.equal(answer.status, status, path);
    assert.equal(answer.body.code, code, path);
    assert.equal(answer.body.data.status, status, path);
    assert.equal(answer.headers.get('retry-after'), null, path);
  }
  const login = await readJson(await postJson(base, '/api/faults/login-required/comments', comment()));
  assert.equal(login.body.message, 'Sorry, you must be logged in to comment.');
  const limited = await postJson(base, '/api/faults/status/guide-signups?code=429&retry-after=7', {});
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '7');
  const classic = await postForm(base, '/api/faults/status/wp-comments-post.php?code=500', classicComment());
  assert.equal(classic.status, 500);
  assert.match(await classic.text(), /wp-die-message/);
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('garbage and wrong-shape answer bodies no client should accept', async (t) => {
  const {base} = await startReceiver(t);
  const garbage = await postJson(base, '/api/faults/garbage/comments', comment());
  assert.equal(garbage.status, 200);
  assert.equal(garbage.headers.get('content-type'), 'application/json');
  assert.equal(await garbage.text(), '<html>not json');
  const shape = await readJson(await postJson(base, '/api/faults/wrong-shape/guide-signups', {}));
  assert.equal(shape.status, 201);
  assert.deepEqual(shape.body, [1, 2, 3]);
});

test('drop closes the connection without an answer, always or for the first N', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  await assert.rejects(postJson(base, '/api/faults/drop/comments', comment()), TypeError);
  await assert.rejects(postJson(base, '/api/faults/drop/comments', comment()), TypeError);
  await assert.rejects(postJson(base, '/api/faults/drop/comments?times=1', comment(), key('d')), TypeError);
  assert.equal((await postJson(base, '/api/faults/drop/comments?times=1', comment(), key('d'))).status, 201);
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
});

test('lost stores the submission and cuts its answer off', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const path = '/api/faults/lost/comments?times=2';
  const cutOff = async (sent) => {
    const response = await sent;
    assert.equal(response.status, 200);
    await assert.rejects(response.text(), TypeError);
  };
  // Two answers lost for one key: both requests reach the store, which keeps one record (a replay).
  await cutOff(postJson(base, path, comment(), key('l')));
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
  await cutOff(postJson(base, path, comment(), key('l')));
  const third = await readJson(await postJson(base, path, comment(), key('l')));
  assert.equal(third.status, 201);
  assert.equal(third.headers.get('Idempotent-Replayed'), 'true');
  assert.equal(third.body.id, 1);
  // Without a key the same text a second time is WordPress's duplicate.
  await cutOff(postJson(base, path, comment({post: 2})));
  const again = await readJson(await postJson(base, '/api/faults/lost/comments?times=1', comment({post: 2})));
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'comment_duplicate');
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 2);
});

test('an unknown fault or target is a 404 that lists the valid ones', async (t) => {
  const {base} = await startReceiver(t);
  for (const path of ['/api/faults/explode/comments', '/api/faults/slow/users', '/api/faults/slow']) {
    const answer = await readJson(await fetch(base + path));
    assert.equal(answer.status, 404, path);
    assert.equal(answer.body.code, 'rest_no_route', path);
    assert.match(answer.body.message, /fail-once/);
  }
});
