// What the receiver keeps, where, for how long, and who can read it: bounded growth of the
// idempotent answers and the fault counters, spam kept out of the store, owner-only files.
import assert from 'node:assert/strict';
import {mkdtemp, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {DEFAULT_DATA_DIR} from '../../demo/receiver/receiver.mjs';
import {classicComment, comment, delay, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const key = (value) => ({'Idempotency-Key': value});
const signup = (email) => ({email, consent: true});
const DATA_FILES = ['comments.jsonl', 'idempotency.jsonl', 'signups.jsonl'];

test('an idempotent answer is replayed within its time to live and not after', async (t) => {
  // Long enough for two requests on a loaded machine, short enough to wait out.
  const {base} = await startReceiver(t, {idempotencyTtlMs: 2500});
  const first = await readJson(await postJson(base, '/api/guide-signups', signup('ttl@example.com'), key('ttl')));
  const soon = await readJson(await postJson(base, '/api/guide-signups', signup('ttl@example.com'), key('ttl')));
  assert.equal(soon.headers.get('idempotent-replayed'), 'true');
  assert.equal(soon.body.id, first.body.id);
  await delay(2600);
  const late = await readJson(await postJson(base, '/api/guide-signups', signup('ttl@example.com'), key('ttl')));
  assert.equal(late.status, 201);
  assert.equal(late.headers.get('idempotent-replayed'), null);
  assert.notEqual(late.body.id, first.body.id);
});

test('expired answers are dropped from the file at start', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'care-receiver-'));
  const answer = {status: 201, headers: {'Content-Type': 'application/json; charset=utf-8'}, body: '{"status":"subscribed","id":"kept"}'};
  const entry = (name, ageMs) => JSON.stringify({route: '/api/guide-signups', key: name, answer, at: new Date(Date.now() - ageMs).toISOString()});
  const day = 24 * 60 * 60 * 1000;
  await writeFile(join(dataDir, 'idempotency.jsonl'), `${[entry('old-1', 3 * day), entry('old-2', 2 * day), entry('fresh', 1000)].join('\n')}\n`);
  const {base} = await startReceiver(t, {dataDir});
  const replay = await readJson(await postJson(base, '/api/guide-signups', signup('x@example.com'), key('fresh')));
  assert.equal(replay.body.id, 'kept');
  assert.deepEqual(
    (await fileLines(dataDir, 'idempotency.jsonl')).map((line) => line.key),
    ['fresh'],
  );
  const expired = await readJson(await postJson(base, '/api/guide-signups', signup('x@example.com'), key('old-1')));
  assert.equal(expired.headers.get('idempotent-replayed'), null);
});

test('the file is compacted when expired answers outnumber live ones', async (t) => {
  const {base, dataDir} = await startReceiver(t, {idempotencyTtlMs: 200});
  for (const n of [1, 2, 3]) await postJson(base, '/api/guide-signups', signup(`c${n}@example.com`), key(`c${n}`));
  assert.equal((await fileLines(dataDir, 'idempotency.jsonl')).length, 3);
  await delay(250);
  await postJson(base, '/api/guide-signups', signup('c4@example.com'), key('c4'));
  assert.deepEqual(
    (await fileLines(dataDir, 'idempotency.jsonl')).map((line) => line.key),
    ['c4'],
  );
  // Appends go on to the compacted file.
  await postJson(base, '/api/guide-signups', signup('c5@example.com'), key('c5'));
  assert.deepEqual(
    (await fileLines(dataDir, 'idempotency.jsonl')).map((line) => line.key),
    ['c4', 'c5'],
  );
});

test('a submission judged as spam is answered but not remembered for its key', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const sent = [
    postJson(base, '/api/guide-signups', {...signup('bot@example.com'), extra_info: 'x'}, key('spam-1')),
    postJson(base, '/api/comments', comment({fill_ms: 100}), key('spam-2')),
    postForm(base, '/wp-comments-post.php', classicComment({extra_info: 'x'}), key('spam-3')),
  ];
  assert.deepEqual((await Promise.all(sent)).map((response) => response.status).sort(), [201, 201, 302]);
  assert.deepEqual(await fileLines(dataDir, 'idempotency.jsonl'), []);
  const again = await postJson(base, '/api/guide-signups', {...signup('bot@example.com'), extra_info: 'x'}, key('spam-1'));
  assert.equal(again.headers.get('idempotent-replayed'), null);
  for (const name of DATA_FILES) assert.deepEqual(await fileLines(dataDir, name), [], name);
});

test('fault counters are capped: past the cap the least recent counts afresh', async (t) => {
  const {base} = await startReceiver(t, {maxFaultCounters: 2});
  const post = (scope) => postJson(base, `/api/faults/fail-once/guide-signups?scope=${scope}`, signup(`${scope}@example.com`)).then((r) => r.status);
  assert.deepEqual([await post('a'), await post('a')], [503, 201]);
  assert.deepEqual([await post('b'), await post('c')], [503, 503]);
  // "a" was forgotten to keep two counters, so it fails once again.
  assert.equal(await post('a'), 503);
});

test('the data folder is created owner-only, and every data file readable by its owner only', async (t) => {
  const parent = await mkdtemp(join(tmpdir(), 'care-receiver-'));
  t.after(() => rm(parent, {recursive: true, force: true}));
  const dataDir = join(parent, 'new', 'data');
  const {base} = await startReceiver(t, {dataDir, idempotencyTtlMs: 100});
  await postJson(base, '/api/guide-signups', signup('mode@example.com'), key('m0'));
  await postJson(base, '/api/comments', comment(), key('m1'));
  assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
  for (const name of DATA_FILES) assert.equal((await stat(join(dataDir, name))).mode & 0o777, 0o600, name);
  // Also the file a compaction writes anew.
  await delay(150);
  await postJson(base, '/api/guide-signups', signup('mode2@example.com'), key('m2'));
  assert.deepEqual(
    (await fileLines(dataDir, 'idempotency.jsonl')).map((line) => line.key),
    ['m2'],
  );
  assert.equal((await stat(join(dataDir, 'idempotency.jsonl'))).mode & 0o777, 0o600);
});

test('the default data folder is .data/receiver/ at the repository root, outside demo/', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  assert.equal(DEFAULT_DATA_DIR, join(root, '.data', 'receiver') + '/');
});
