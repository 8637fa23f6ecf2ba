import assert from 'node:assert/strict';
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {test} from 'node:test';
import {classicComment, comment, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const key = (value) => ({'Idempotency-Key': value});

test('a repeated Idempotency-Key replays the first answer byte for byte and stores once', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const first = await readJson(await postJson(base, '/api/comments', comment(), key('k-1')));
  assert.equal(first.status, 201);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  // The retry may differ in nothing that matters; the key alone decides.
  const again = await readJson(await postJson(base, '/api/comments', comment(), key('k-1')));
  assert.equal(again.status, 201);
  assert.equal(again.text, first.text);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
  const remembered = await fileLines(dataDir, 'idempotency.jsonl');
  assert.equal(remembered.length, 1);
  assert.equal(remembered[0].key, 'k-1');
  assert.equal(remembered[0].route, '/api/comments');
  // Without the key the same text is what it is: a duplicate.
  assert.equal((await postJson(base, '/api/comments', comment())).status, 409);
});

test('keys are scoped by route', async (t) => {
  const {base} = await startReceiver(t);
  const signup = await readJson(await postJson(base, '/api/guide-signups', {email: 'k@example.com', consent: true}, key('shared')));
  const posted = await readJson(await postJson(base, '/api/comments', comment(), key('shared')));
  assert.equal(signup.body.status, 'subscribed');
  assert.equal(posted.body.type, 'comment');
  assert.equal(posted.headers.get('idempotent-replayed'), null);
});

test('a refused request is not remembered: the corrected retry with the same key gets a verdict', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const refused = await postJson(base, '/api/comments', comment({author_email: 'broken'}), key('fix-me'));
  assert.equal(refused.status, 400);
  const fixed = await readJson(await postJson(base, '/api/comments', comment(), key('fix-me')));
  assert.equal(fixed.status, 201);
  assert.equal(fixed.headers.get('idempotent-replayed'), null);
  assert.equal((await fileLines(dataDir, 'idempotency.jsonl')).length, 1);
});

test('concurrent requests with one key store once and all get the same answer', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const answers = await Promise.all(Array.from({length: 6}, () => postJson(base, '/api/comments', comment(), key('race')).then(readJson)));
  assert.ok(answers.every((answer) => answer.status === 201));
  assert.equal(new Set(answers.map((answer) => answer.text)).size, 1);
  assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 5);
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
  const signups = await Promise.all(
    Array.from({length: 4}, () => postJson(base, '/api/guide-signups', {email: 'r@example.com', consent: true}, key('race-2')).then(readJson)),
  );
  assert.equal(new Set(signups.map((answer) => answer.body.id)).size, 1);
  assert.equal((await fileLines(dataDir, 'signups.jsonl')).length, 1);
});

test('the classic route replays its redirect', async (t) => {
  const {base} = await startReceiver(t);
  const first = await postForm(base, '/wp-comments-post.php', classicComment(), key('classic'));
  const again = await postForm(base, '/wp-comments-post.php', classicComment(), key('classic'));
  assert.equal(again.status, 302);
  assert.equal(again.headers.get('location'), first.headers.get('location'));
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
});

test('an Idempotency-Key over 255 characters is refused', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const answer = await readJson(await postJson(base, '/api/comments', comment(), key('k'.repeat(256))));
  assert.equal(answer.status, 400);
  assert.equal(answer.body.code, 'rest_invalid_param');
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('a restart loses nothing: comments, approvals, signups, ids and idempotent answers', async (t) => {
  const first = await startReceiver(t, {keepDir: true});
  const held = await readJson(await postJson(first.base, '/api/comments', comment(), key('before-restart')));
  await fetch(`${first.base}/api/comments/1/approve`, {method: 'POST'});
  await postJson(first.base, '/api/guide-signups', {email: 'kept@example.com', consent: true});
  await first.stop();

  const second = await startReceiver(t, {dataDir: first.dataDir});
  const listed = await readJson(await fetch(`${second.base}/api/comments?post=1`));
  assert.deepEqual(
    listed.body.map((c) => [c.id, c.status]),
    [[1, 'approved']],
  );
  // Ids continue, and the approval still counts for the author.
  const next = await readJson(await postJson(second.base, '/api/comments', comment({content: 'After the restart.'})));
  assert.equal(next.body.id, 2);
  assert.equal(next.body.status, 'approved');
  const replay = await readJson(await postJson(second.base, '/api/comments', comment(), key('before-restart')));
  assert.equal(replay.text, held.text);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  await postJson(second.base, '/api/guide-signups', {email: 'KEPT@example.com', consent: true});
  assert.equal((await fileLines(second.dataDir, 'signups.jsonl')).length, 1);
  assert.equal((await fileLines(second.dataDir, 'comments.jsonl')).filter((line) => !line.op).length, 2);
});

test('a torn last line is dropped with a warning, and the next record starts on its own line', async (t) => {
  const first = await startReceiver(t, {keepDir: true});
  await postJson(first.base, '/api/comments', comment());
  await first.stop();
  const file = join(first.dataDir, 'comments.jsonl');
  await writeFile(file, `${await readFile(file, 'utf8')}{"id":2,"post":1,"auth`);

  const second = await startReceiver(t, {dataDir: first.dataDir, keepDir: true});
  const all = await readJson(await fetch(`${second.base}/api/comments?post=1&status=all`));
  assert.deepEqual(
    all.body.map((c) => c.id),
    [1],
  );
  assert.ok(
    second.logs.some((line) => line.includes('torn line')),
    second.logs.join('\n'),
  );
  const next = await readJson(await postJson(second.base, '/api/comments', comment({content: 'Written after the tear.'})));
  assert.equal(next.body.id, 2);
  await second.stop();
  // Every line parses: the tear did not glue itself to the new record.
  const lines = (await readFile(file, 'utf8')).split('\n');
  assert.equal(lines.at(-1), '');
  assert.deepEqual(
    lines.slice(0, -1).map((line) => JSON.parse(line).id),
    [1, 2],
  );

  // A last line that is whole but lost its newline is kept.
  await writeFile(file, (await readFile(file, 'utf8')).trimEnd());
  const third = await startReceiver(t, {dataDir: first.dataDir});
  const kept = await readJson(await fetch(`${third.base}/api/comments?post=1&status=all`));
  assert.deepEqual(
    kept.body.map((c) => c.id),
    [1, 2],
  );
  assert.equal((await readJson(await postJson(third.base, '/api/comments', comment({content: 'Third.'})))).body.id, 3);
});
