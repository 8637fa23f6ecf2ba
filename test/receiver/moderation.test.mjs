// Moderation (approve, list held comments) over real HTTP on loopback: who may, and who may not.
import assert from 'node:assert/strict';
import {request} from 'node:http';
import {test} from 'node:test';
import {comment, postForm, postJson, readJson, startReceiver} from './support.mjs';

const PATH = '/api/comments';

/** What a browser adds to a request made by a page of another site (a form POST, a fetch). */
const CROSS_SITE = {Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site'};

/** A request with headers fetch() will not send as given (Host): resolves with status and parsed body. */
function rawRequest(base, method, path, headers) {
  return new Promise((resolve, reject) => {
    const req = request(base + path, {method, headers}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part) => (text += part));
      res.on('end', () => resolve({status: res.statusCode, body: JSON.parse(text)}));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The stored comments of post 1, held ones included, as the moderator sees them. */
async function statuses(base, token) {
  const listed = await readJson(await fetch(`${base}${PATH}?post=1&status=all`, {headers: {Authorization: `Bearer ${token}`}}));
  return listed.body.map((c) => [c.id, c.status]);
}

test('a form on another site cannot approve a comment, even posted from this machine', async (t) => {
  const {base, receiver} = await startReceiver(t);
  await postJson(base, PATH, comment());
  const forged = await readJson(await postForm(base, `${PATH}/1/approve`, {}, CROSS_SITE));
  assert.equal(forged.status, 403);
  assert.deepEqual(forged.body, {code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this comment.', data: {status: 403}});
  // A browser that sends Origin but not Sec-Fetch-Site, and a sibling port of the same host.
  assert.equal((await postForm(base, `${PATH}/1/approve`, {}, {Origin: 'https://evil.example'})).status, 403);
  assert.equal((await postForm(base, `${PATH}/1/approve`, {}, {Origin: 'http://127.0.0.1:1', 'Sec-Fetch-Site': 'same-site'})).status, 403);
  assert.deepEqual(await statuses(base, receiver.moderationToken), [[1, 'hold']]);
});

test("a page of the receiver's own origin on this machine approves, as the browser tests do", async (t) => {
  const {base, receiver} = await startReceiver(t);
  await postJson(base, PATH, comment());
  const own = await readJson(await fetch(`${base}${PATH}/1/approve`, {method: 'POST', headers: {Origin: base, 'Sec-Fetch-Site': 'same-origin'}}));
  assert.equal(own.status, 200);
  assert.equal(own.body.status, 'approved');
  assert.deepEqual(await statuses(base, receiver.moderationToken), [[1, 'approved']]);
});

test('a name rebound to 127.0.0.1 (DNS rebinding) cannot moderate: the Host must be a loopback name', async (t) => {
  const {base} = await startReceiver(t);
  await postJson(base, PATH, comment());
  const port = new URL(base).port;
  // To the browser, the attacker's page and the receiver are then one origin: Origin matches Host.
  const rebound = {Host: `evil.example:${port}`, Origin: `http://evil.example:${port}`, 'Sec-Fetch-Site': 'same-origin'};
  const approval = await rawRequest(base, 'POST', `${PATH}/1/approve`, rebound);
  assert.equal(approval.status, 403);
  assert.equal(approval.body.code, 'rest_cannot_edit');
  const listed = await rawRequest(base, 'GET', `${PATH}?post=1&status=hold`, rebound);
  assert.equal(listed.status, 403);
  assert.equal(listed.body.code, 'rest_forbidden_param');
  // The same request naming the loopback host is the receiver's own page.
  const own = await rawRequest(base, 'GET', `${PATH}?post=1&status=hold`, {
    ...rebound,
    Host: `localhost:${port}`,
    Origin: `http://localhost:${port}`,
  });
  assert.equal(own.status, 200);
  assert.deepEqual(
    own.body.map((c) => c.id),
    [1],
  );
});

test("held comments are listed to moderators only, with WordPress's rest_forbidden_param; approved ones to anyone", async (t) => {
  const {base} = await startReceiver(t);
  await postJson(base, PATH, comment());
  for (const status of ['hold', 'all', 'spam']) {
    const refused = await readJson(await fetch(`${base}${PATH}?post=1&status=${status}`, {headers: CROSS_SITE}));
    assert.equal(refused.status, 403, status);
    assert.deepEqual(refused.body, {code: 'rest_forbidden_param', message: 'Query parameter not permitted: status', data: {status: 403}}, status);
  }
  const head = await fetch(`${base}${PATH}?post=1&status=hold`, {method: 'HEAD', headers: CROSS_SITE});
  assert.equal(head.status, 403);
  const approved = await readJson(await fetch(`${base}${PATH}?post=1&status=approve`, {headers: CROSS_SITE}));
  assert.equal(approved.status, 200);
  assert.deepEqual(approved.body, []);
  // The fault routes pass the same check on to their target.
  assert.equal((await fetch(`${base}/api/faults/slow/comments?ms=0&post=1&status=hold`, {headers: CROSS_SITE})).status, 403);
});

test('the moderation token works from anywhere, a wrong one counts for nothing, and it is logged once', async (t) => {
  const {base, receiver, logs} = await startReceiver(t, {moderationToken: 'tok-123'});
  assert.equal(receiver.moderationToken, 'tok-123');
  await postJson(base, PATH, comment());
  const wrong = await readJson(await postJson(base, `${PATH}/1/approve`, {}, {...CROSS_SITE, Authorization: 'Bearer tok-12'}));
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.code, 'rest_cannot_edit');
  const right = await readJson(await postJson(base, `${PATH}/1/approve`, {}, {...CROSS_SITE, Authorization: 'Bearer tok-123'}));
  assert.equal(right.status, 200);
  assert.equal(right.body.status, 'approved');
  assert.deepEqual(
    logs.filter((line) => line.startsWith('moderation:')),
    ['moderation: from a page of this server in a browser on this machine, or from anywhere with the header "Authorization: Bearer tok-123"'],
  );
});

test('each receiver has its own random token by default', async (t) => {
  const [a, b] = await Promise.all([startReceiver(t), startReceiver(t)]);
  assert.match(a.receiver.moderationToken, /^[\w-]{32}$/);
  assert.notEqual(a.receiver.moderationToken, b.receiver.moderationToken);
});

test('a refused approval is checked before any replay: a remembered answer is not given to a stranger', async (t) => {
  const {base} = await startReceiver(t);
  await postJson(base, PATH, comment());
  const key = {'Idempotency-Key': 'approve-1'};
  assert.equal((await fetch(`${base}${PATH}/1/approve`, {method: 'POST', headers: key})).status, 200);
  const replay = await readJson(await fetch(`${base}${PATH}/1/approve`, {method: 'POST', headers: {...key, ...CROSS_SITE}}));
  assert.equal(replay.status, 403);
  assert.equal(replay.headers.get('idempotent-replayed'), null);
});
