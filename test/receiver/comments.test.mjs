import assert from 'node:assert/strict';
import {test} from 'node:test';
import {comment, delay, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const PATH = '/api/comments';

async function list(base, query = 'post=1') {
  return readJson(await fetch(`${base}${PATH}?${query}`));
}

test('a first comment is held and answered as a WordPress comment object, without the email', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const answer = await readJson(await postJson(base, PATH, comment({author_url: 'https://ada.example/'})));
  assert.equal(answer.status, 201);
  assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  const {date, date_gmt, ...rest} = answer.body;
  assert.deepEqual(rest, {
    id: 1,
    post: 1,
    parent: 0,
    author: 0,
    author_name: 'Ada Lovelace',
    author_url: 'https://ada.example/',
    content: {rendered: '<p>Fermented foods helped me.</p>'},
    link: '/demo/#comment-1',
    status: 'hold',
    type: 'comment',
  });
  assert.match(date_gmt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  assert.equal(date, date_gmt);
  assert.doesNotMatch(answer.text, /ada@example\.com/);
  const stored = await fileLines(dataDir, 'comments.jsonl');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].author_email, 'ada@example.com');
});

test('content is rendered as escaped paragraphs, never as markup', async (t) => {
  const {base} = await startReceiver(t);
  const answer = await readJson(await postJson(base, PATH, comment({content: '<script>alert(1)</script> "hi"\nline two\n\nSecond & last'})));
  assert.equal(answer.body.content.rendered, '<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;hi&quot;<br />\nline two</p>\n<p>Second &amp; last</p>');
});

test('moderation: held, approved, and then the same name and email are approved at once', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const first = await readJson(await postJson(base, PATH, comment()));
  assert.equal(first.body.status, 'hold');
  assert.deepEqual((await list(base)).body, []);

  const approved = await readJson(await fetch(`${base}${PATH}/${first.body.id}/approve`, {method: 'POST'}));
  assert.equal(approved.status, 200);
  assert.equal(approved.body.status, 'approved');
  assert.equal(approved.body.id, first.body.id);

  const second = await readJson(await postJson(base, PATH, comment({author_email: 'ADA@example.com', content: 'And kefir.'})));
  assert.equal(second.body.status, 'approved');
  // WordPress wants the same name AND email on an approved comment.
  const otherName = await readJson(await postJson(base, PATH, comment({author_name: 'Someone Else', content: 'Me too.'})));
  assert.equal(otherName.body.status, 'hold');

  const listed = await list(base);
  assert.deepEqual(
    listed.body.map((c) => c.id),
    [1, 2],
  );
  assert.equal(listed.headers.get('x-wp-total'), '2');
  // The approval is an event line appended after the comment, not a rewrite.
  const lines = await fileLines(dataDir, 'comments.jsonl');
  assert.deepEqual(lines[1], {op: 'approve', id: 1});
  assert.equal(lines[0].status, 'hold');
});

test('approving an unknown comment is a 404 rest_comment_invalid_id', async (t) => {
  const {base} = await startReceiver(t);
  for (const id of ['99', 'abc']) {
    const answer = await readJson(await fetch(`${base}${PATH}/${id}/approve`, {method: 'POST'}));
    assert.equal(answer.status, 404);
    assert.equal(answer.body.code, 'rest_comment_invalid_id');
  }
  const get = await fetch(`${base}${PATH}/1/approve`);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
});

test('a missing or bad post is refused as WordPress refuses it', async (t) => {
  const {base} = await startReceiver(t);
  for (const post of [undefined, 0, -3]) {
    const answer = await readJson(await postJson(base, PATH, comment({post})));
    assert.equal(answer.status, 403, String(post));
    assert.equal(answer.body.code, 'rest_comment_invalid_post_id');
    assert.equal(answer.body.message, 'Sorry, you are not allowed to create this comment without a post.');
  }
  const typed = await readJson(await postJson(base, PATH, comment({post: 'abc'})));
  assert.equal(typed.status, 400);
  assert.deepEqual(typed.body.data.params, {post: 'post is not of type integer.'});
  // A numeric string is an integer to WordPress.
  assert.equal((await postJson(base, PATH, comment({post: '12'}))).status, 201);
});

test('empty content is rest_comment_content_invalid', async (t) => {
  const {base} = await startReceiver(t);
  for (const content of [undefined, '', '   \n ', {raw: ''}]) {
    const answer = await readJson(await postJson(base, PATH, comment({content})));
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {code: 'rest_comment_content_invalid', message: 'Invalid comment content.', data: {status: 400}});
  }
  const raw = await readJson(await postJson(base, PATH, comment({content: {raw: 'From raw.'}})));
  assert.equal(raw.body.content.rendered, '<p>From raw.</p>');
});

test('a missing name or email is rest_comment_author_data_required', async (t) => {
  const {base} = await startReceiver(t);
  for (const fields of [{author_name: undefined}, {author_email: ''}, {author_name: '  '}, {author_name: '<b></b>'}]) {
    const answer = await readJson(await postJson(base, PATH, comment(fields)));
    assert.equal(answer.status, 400, JSON.stringify(fields));
    assert.equal(answer.body.code, 'rest_comment_author_data_required');
    assert.equal(answer.body.message, 'Creating a comment requires valid author name and email values.');
  }
});

test('an invalid email or URL is a rest_invalid_param naming the field', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const email = await readJson(await postJson(base, PATH, comment({author_email: 'ada@@example.com'})));
  assert.deepEqual(email.body, {
    code: 'rest_invalid_param',
    message: 'Invalid parameter(s): author_email',
    data: {status: 400, params: {author_email: 'Invalid email address.'}},
  });
  for (const url of ['javascript:alert(1)', 'ftp://files.example', 'not a url']) {
    const answer = await readJson(await postJson(base, PATH, comment({author_url: url})));
    assert.equal(answer.status, 400, url);
    assert.deepEqual(answer.body.data.params, {author_url: 'Invalid URI.'}, url);
  }
  const both = await readJson(await postJson(base, PATH, comment({author_email: 'x', author_url: 'javascript:x'})));
  assert.equal(both.body.message, 'Invalid parameter(s): author_email, author_url');
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
  // A bare host gets http://, as WordPress's esc_url() does.
  const bare = await readJson(await postJson(base, PATH, comment({author_url: 'ada.example'})));
  assert.equal(bare.body.author_url, 'http://ada.example');
});

test('each field fits at its WordPress limit, in bytes, and is refused one byte over', async (t) => {
  const {base} = await startReceiver(t);
  const email100 = `${'e'.repeat(88)}@example.com`;
  const url200 = `https://example.com/${'u'.repeat(180)}`;
  assert.equal(email100.length, 100);
  assert.equal(url200.length, 200);
  const cases = [
    {field: 'author_name', ok: 'n'.repeat(245), over: 'n'.repeat(246), code: 'comment_author_column_length'},
    // 123 letters, 246 bytes: WordPress counts bytes.
    {field: 'author_name', ok: 'é'.repeat(122) + 'n', over: 'é'.repeat(123), code: 'comment_author_column_length'},
    {field: 'author_email', ok: email100, over: `e${email100}`, code: 'comment_author_email_column_length'},
    {field: 'author_url', ok: url200, over: `${url200}u`, code: 'comment_author_url_column_length'},
    {field: 'content', ok: 'c'.repeat(65525), over: 'c'.repeat(65526), code: 'comment_content_column_length'},
  ];
  let n = 0;
  for (const {field, ok, over, code} of cases) {
    n += 1;
    const fits = await postJson(base, PATH, comment({[field]: ok, content: field === 'content' ? ok : `Case ${n}`}));
    assert.equal(fits.status, 201, `${field} at the limit`);
    const long = await readJson(await postJson(base, PATH, comment({[field]: over, content: field === 'content' ? over : `Case ${n} over`})));
    assert.equal(long.status, 400, `${field} over the limit`);
    assert.deepEqual(long.body, {code, message: 'Comment field exceeds maximum length allowed.', data: {status: 400}});
  }
});

test('a parent must be a comment of the same post', async (t) => {
  const {base} = await startReceiver(t);
  const root = await readJson(await postJson(base, PATH, comment()));
  const missing = await readJson(await postJson(base, PATH, comment({parent: 99, content: 'Reply to nothing.'})));
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body.data.params, {parent: 'Invalid parent comment ID.'});
  const otherPost = await readJson(await postJson(base, PATH, comment({post: 2, parent: root.body.id, content: 'Wrong post.'})));
  assert.equal(otherPost.status, 400);
  const reply = await readJson(await postJson(base, PATH, comment({parent: root.body.id, content: 'A reply.'})));
  assert.equal(reply.status, 201);
  assert.equal(reply.body.parent, root.body.id);
});

test('the same text from the same author on the same post is a 409 comment_duplicate', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  assert.equal((await postJson(base, PATH, comment())).status, 201);
  const again = await readJson(
    await postJson(base, PATH, comment({author_name: ' ada lovelace ', author_email: 'Ada@Example.com', content: 'FERMENTED foods helped me.  '})),
  );
  assert.equal(again.status, 409);
  assert.deepEqual(again.body, {
    code: 'comment_duplicate',
    message: 'Duplicate comment detected; it looks as though you’ve already said that!',
    data: {status: 409},
  });
  // Another post, another author, or a reply elsewhere in the thread is not a duplicate.
  assert.equal((await postJson(base, PATH, comment({post: 2}))).status, 201);
  assert.equal((await postJson(base, PATH, comment({author_name: 'Grace', author_email: 'grace@example.com'}))).status, 201);
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 3);
});

test('flood: a second comment from the same client or email within the window is comment_flood', async (t) => {
  const {base, dataDir} = await startReceiver(t, {floodWindowMs: 400, trustClientHeader: true});
  const asClient = (client) => ({'X-Care-Client': client});
  assert.equal((await postJson(base, PATH, comment(), asClient('a'))).status, 201);
  const sameClient = await readJson(await postJson(base, PATH, comment({author_email: 'other@example.com', content: 'Second.'}), asClient('a')));
  assert.equal(sameClient.status, 400);
  assert.deepEqual(sameClient.body, {code: 'comment_flood', message: 'You are posting comments too quickly. Slow down.', data: {status: 400}});
  const otherClient = await postJson(base, PATH, comment({author_name: 'Grace', author_email: 'grace@example.com', content: 'Hi.'}), asClient('b'));
  assert.equal(otherClient.status, 201);
  // WordPress also matches the email, whatever the address.
  const sameEmail = await readJson(await postJson(base, PATH, comment({content: 'From my phone.'}), asClient('c')));
  assert.equal(sameEmail.body.code, 'comment_flood');
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 2);
  await delay(450);
  assert.equal((await postJson(base, PATH, comment({author_email: 'other@example.com', content: 'Second.'}), asClient('a'))).status, 201);
});

test('a floodKey option decides alone who floods whom', async (t) => {
  const seen = [];
  const floodKey = (client, fields) => {
    seen.push(fields);
    return `${client}:${fields.post}`;
  };
  const {base} = await startReceiver(t, {floodWindowMs: 5000, floodKey});
  assert.equal((await postJson(base, PATH, comment({post: 1}))).status, 201);
  // Same client and email, another post: a different key, so no flood.
  assert.equal((await postJson(base, PATH, comment({post: 2}))).status, 201);
  const samePost = await readJson(await postJson(base, PATH, comment({post: 1, author_email: 'x@example.com', content: 'More.'})));
  assert.equal(samePost.body.code, 'comment_flood');
  // The classic route hands the function the same numeric post.
  assert.equal(
    (await postForm(base, '/wp-comments-post.php', {comment_post_ID: '3', author: 'Ada', email: 'ada@example.com', comment: 'Classic.'})).status,
    302,
  );
  assert.equal(seen.at(-1).post, 3);
  assert.equal(seen.at(-1).comment_post_ID, '3');
});

test('a filled honeypot or a too-fast fill answers a held comment and stores and lists nothing', async (t) => {
  const {base, dataDir, logs} = await startReceiver(t);
  const honeypot = await readJson(await postJson(base, PATH, comment({extra_info: 'buy now'})));
  const fast = await readJson(
    await postForm(base, PATH, {post: '1', author_name: 'Bot', author_email: 'bot@example.com', content: 'Hi', fill_ms: '300'}),
  );
  for (const answer of [honeypot, fast]) {
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'hold');
    assert.equal(typeof answer.body.id, 'number');
    assert.equal(answer.body.type, 'comment');
  }
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
  assert.deepEqual((await list(base, 'post=1&status=all')).body, []);
  assert.equal(logs.filter((line) => line.startsWith('discarded a comment')).length, 2);
  // Nor does a discarded comment count as a duplicate or a flood of the real one.
  assert.equal((await postJson(base, PATH, comment({extra_info: '', fill_ms: 9000}))).status, 201);
});

test('urlencoded REST comments are accepted', async (t) => {
  const {base} = await startReceiver(t);
  const answer = await readJson(
    await postForm(base, PATH, {post: '3', author_name: 'Grace', author_email: 'grace@example.com', content: 'Via a form.'}),
  );
  assert.equal(answer.status, 201);
  assert.equal(answer.body.post, 3);
});

test("GET lists a post's comments, oldest first, approved by default", async (t) => {
  const {base} = await startReceiver(t);
  await postJson(base, PATH, comment({content: 'One.'}));
  await fetch(`${base}${PATH}/1/approve`, {method: 'POST'});
  await postJson(base, PATH, comment({content: 'Two.'}));
  await postJson(base, PATH, comment({author_name: 'Grace', author_email: 'grace@example.com', content: 'Three.'}));
  await postJson(base, PATH, comment({post: 2, content: 'Elsewhere.'}));

  const approved = await list(base);
  assert.equal(approved.status, 200);
  assert.deepEqual(
    approved.body.map((c) => [c.id, c.status]),
    [
      [1, 'approved'],
      [2, 'approved'],
    ],
  );
  assert.equal(approved.headers.get('x-wp-total'), '2');
  assert.equal(approved.headers.get('cache-control'), 'no-store');
  assert.deepEqual(
    (await list(base, 'post=1&status=hold')).body.map((c) => c.id),
    [3],
  );
  assert.deepEqual(
    (await list(base, 'post=1&status=all')).body.map((c) => c.id),
    [1, 2, 3],
  );
  assert.deepEqual(
    (await list(base, 'post=1&status=all&order=desc')).body.map((c) => c.id),
    [3, 2, 1],
  );
  assert.deepEqual(
    (await list(base, 'status=all')).body.map((c) => c.id),
    [1, 2, 3, 4],
  );
  const empty = await list(base, 'post=9');
  assert.deepEqual(empty.body, []);
  assert.equal(empty.headers.get('x-wp-total'), '0');
  for (const query of ['post=abc', 'post=1&status=spam', 'order=sideways']) {
    const bad = await list(base, query);
    assert.equal(bad.status, 400, query);
    assert.equal(bad.body.code, 'rest_invalid_param', query);
  }
  const head = await fetch(`${base}${PATH}?post=1`, {method: 'HEAD'});
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('x-wp-total'), '2');
});

test('other methods on /api/comments get 405 with Allow', async (t) => {
  const {base} = await startReceiver(t);
  const answer = await readJson(await fetch(base + PATH, {method: 'DELETE'}));
  assert.equal(answer.status, 405);
  assert.equal(answer.headers.get('allow'), 'GET, HEAD, POST');
  assert.equal(answer.body.data.status, 405);
});

test('author_url is answered, stored and listed as normalised, not as typed', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const answer = await readJson(await postJson(base, PATH, comment({author_url: ' HTTP://Example.COM/a b?q=<x> '})));
  assert.equal(answer.status, 201);
  assert.equal(answer.body.author_url, 'http://example.com/a%20b?q=%3Cx%3E');
  assert.equal((await fileLines(dataDir, 'comments.jsonl'))[0].author_url, 'http://example.com/a%20b?q=%3Cx%3E');
  await fetch(`${base}${PATH}/1/approve`, {method: 'POST'});
  assert.deepEqual(
    (await list(base)).body.map((c) => c.author_url),
    ['http://example.com/a%20b?q=%3Cx%3E'],
  );
});

test('X-Care-Client is ignored unless the receiver was told to trust it: the flood check knows the socket', async (t) => {
  const second = {author_name: 'Grace', author_email: 'grace@example.com', content: 'Another visitor, or so it says.'};
  const plain = await startReceiver(t, {floodWindowMs: 5000});
  assert.equal((await postJson(plain.base, PATH, comment(), {'X-Care-Client': 'visitor-1'})).status, 201);
  const posed = await readJson(await postJson(plain.base, PATH, comment(second), {'X-Care-Client': 'visitor-2'}));
  assert.equal(posed.status, 400);
  assert.equal(posed.body.code, 'comment_flood');
  assert.equal((await fileLines(plain.dataDir, 'comments.jsonl'))[0].client, 'address 127.0.0.1');

  const trusting = await startReceiver(t, {floodWindowMs: 5000, trustClientHeader: true});
  assert.equal((await postJson(trusting.base, PATH, comment(), {'X-Care-Client': 'visitor-1'})).status, 201);
  assert.equal((await postJson(trusting.base, PATH, comment(second), {'X-Care-Client': 'visitor-2'})).status, 201);
  assert.deepEqual(
    (await fileLines(trusting.dataDir, 'comments.jsonl')).map((c) => c.client),
    ['header visitor-1', 'header visitor-2'],
  );
});
