import assert from 'node:assert/strict';
import {test} from 'node:test';
import {classicComment, comment, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const PATH = '/wp-comments-post.php';

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', laquo: '«', raquo: '»'};

/** Markup as the text a reader sees: tags dropped, entities decoded, white space collapsed. */
function textOf(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (entity, dec, hex, name) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? entity),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What matters of WordPress's wp_die() page: the message in its `wp-die-message` box (where the
 * comment form reads it), as text, and the Back link. The rest of the markup is the receiver's own.
 */
function assertDiePage(text, message) {
  const box = /<div class="wp-die-message">([\s\S]*?)<\/div>/.exec(text);
  assert.ok(box, `no wp-die-message box in ${text}`);
  assert.equal(textOf(box[1]), message);
  const links = [...text.matchAll(/<a\s+href=(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/g)].map(([, , href, label]) => ({href, label: textOf(label)}));
  assert.deepEqual(links, [{href: 'javascript:history.back()', label: '« Back'}]);
}

test('a held comment redirects with unapproved and moderation-hash, and is listed by the REST route', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const response = await postForm(base, PATH, classicComment());
  assert.equal(response.status, 302);
  assert.match(response.headers.get('location'), /^\/demo\/\?p=7&unapproved=1&moderation-hash=[0-9a-f]{32}#comment-1$/);
  assert.equal(await response.text(), '');
  const held = await readJson(await fetch(`${base}/api/comments?post=7&status=hold`));
  assert.equal(held.body.length, 1);
  assert.equal(held.body[0].author_name, 'Ada Lovelace');
  assert.equal(held.body[0].content.rendered, '<p>Bone broth every day.</p>');
  assert.equal((await fileLines(dataDir, 'comments.jsonl')).length, 1);
});

test('an approved comment redirects to the comment and shows in the default listing', async (t) => {
  const {base} = await startReceiver(t);
  await postForm(base, PATH, classicComment());
  await fetch(`${base}/api/comments/1/approve`, {method: 'POST'});
  const response = await postForm(base, PATH, classicComment({comment: 'And sauerkraut.', url: 'https://ada.example'}));
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), '/demo/?p=7#comment-2');
  const listed = await readJson(await fetch(`${base}/api/comments?post=7`));
  assert.deepEqual(
    listed.body.map((c) => [c.id, c.author_url]),
    [
      [1, ''],
      [2, 'https://ada.example'],
    ],
  );
});

test("field errors are a 200 wp_die page with WordPress's wording", async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const cases = [
    [{author: ''}, 'Error: Please fill the required fields.'],
    [{email: '   '}, 'Error: Please fill the required fields.'],
    [{email: 'ada.example.com'}, 'Error: Please enter a valid email address.'],
    [{comment: '  '}, 'Error: Please type your comment text.'],
    [{author: 'n'.repeat(246)}, 'Error: Your name is too long.'],
    [{email: `${'e'.repeat(89)}@example.com`}, 'Error: Your email address is too long.'],
    [{url: `https://example.com/${'u'.repeat(181)}`}, 'Error: Your URL is too long.'],
    [{comment: 'c'.repeat(65526)}, 'Error: Your comment is too long.'],
  ];
  for (const [fields, message] of cases) {
    const response = await postForm(base, PATH, classicComment(fields));
    assert.equal(response.status, 200, message);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assertDiePage(await response.text(), message);
  }
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
  // At the limits, it is taken.
  const fits = await postForm(
    base,
    PATH,
    classicComment({author: 'n'.repeat(245), email: `${'e'.repeat(88)}@example.com`, comment: 'c'.repeat(65525)}),
  );
  assert.equal(fits.status, 302);
});

test('a duplicate is a 409 page and a flood a 429 page', async (t) => {
  const {base} = await startReceiver(t, {floodWindowMs: 5000});
  const client = {'X-Care-Client': 'one'};
  assert.equal((await postForm(base, PATH, classicComment(), client)).status, 302);
  const duplicate = await postForm(base, PATH, classicComment(), {'X-Care-Client': 'two'});
  assert.equal(duplicate.status, 409);
  assertDiePage(await duplicate.text(), 'Duplicate comment detected; it looks as though you’ve already said that!');
  const flood = await postForm(base, PATH, classicComment({email: 'other@example.com', comment: 'Another thought.'}), client);
  assert.equal(flood.status, 429);
  assertDiePage(await flood.text(), 'You are posting comments too quickly. Slow down.');
});

test('a missing or zero post is an empty 200, as WordPress answers for a post it cannot find', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  for (const post of [undefined, '0', '', 'abc', '-4']) {
    const fields = classicComment({comment_post_ID: post});
    if (post === undefined) delete fields.comment_post_ID;
    const response = await postForm(base, PATH, fields);
    assert.equal(response.status, 200, String(post));
    assert.equal(await response.text(), '', String(post));
  }
  // $_POST is only filled from form bodies: a JSON body names no post either.
  const json = await postJson(base, PATH, classicComment());
  assert.equal(json.status, 200);
  assert.equal(await json.text(), '');
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('a reply to a missing or unapproved comment is a 403 page', async (t) => {
  const {base} = await startReceiver(t);
  await postForm(base, PATH, classicComment());
  for (const parent of ['1', '42']) {
    const response = await postForm(base, PATH, classicComment({comment_parent: parent, comment: `Reply to ${parent}.`}));
    assert.equal(response.status, 403, parent);
    assertDiePage(await response.text(), 'Sorry, replies to unapproved comments are not allowed.');
  }
  await fetch(`${base}/api/comments/1/approve`, {method: 'POST'});
  const reply = await postForm(base, PATH, classicComment({comment_parent: '1', comment: 'Now it works.'}));
  assert.equal(reply.status, 302);
  const listed = await readJson(await fetch(`${base}/api/comments?post=7`));
  assert.equal(listed.body.at(-1).parent, 1);
});

test('a filled honeypot or a too-fast fill redirects like a held comment and stores nothing', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  for (const fields of [{extra_info: 'x'}, {fill_ms: '20'}]) {
    const response = await postForm(base, PATH, classicComment(fields));
    assert.equal(response.status, 302);
    assert.match(response.headers.get('location'), /^\/demo\/\?p=7&unapproved=\d+&moderation-hash=[0-9a-f]{32}#comment-\d+$/);
  }
  assert.deepEqual(await fileLines(dataDir, 'comments.jsonl'), []);
});

test('the classic and REST routes share one store: the same text through both is a duplicate', async (t) => {
  const {base} = await startReceiver(t);
  assert.equal((await postForm(base, PATH, classicComment())).status, 302);
  const rest = await readJson(await postJson(base, '/api/comments', comment({post: 7, content: 'Bone broth every day.'})));
  assert.equal(rest.status, 409);
  assert.equal(rest.body.code, 'comment_duplicate');
});

test('GET is a 405 with Allow: POST, as wp-comments-post.php answers', async (t) => {
  const {base} = await startReceiver(t);
  const response = await fetch(base + PATH);
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
  assert.equal(await response.text(), '');
});

test("a comment at WordPress's byte limit fits, in any script, though urlencoding triples it", async (t) => {
  const {base, dataDir} = await startReceiver(t);
  // 21841 three-byte characters and two ASCII ones: 65525 UTF-8 bytes, about 197 KB urlencoded.
  const longest = '語'.repeat(21841) + 'ok';
  const body = new URLSearchParams(classicComment({comment: longest})).toString();
  assert.ok(body.length > 102_400, `the body is ${body.length} bytes, over the JSON routes' limit`);
  const response = await postForm(base, PATH, classicComment({comment: longest}));
  assert.equal(response.status, 302);
  const [stored] = await fileLines(dataDir, 'comments.jsonl');
  assert.equal(stored.content, longest);

  const tooLong = await postForm(base, PATH, classicComment({comment: `${longest}!`}));
  assert.equal(tooLong.status, 200);
  assertDiePage(await tooLong.text(), 'Error: Your comment is too long.');
});

test('a form body over three times the limit is refused with a 400 page', async (t) => {
  const {base} = await startReceiver(t, {maxBodyBytes: 1024});
  const response = await postForm(base, PATH, classicComment({comment: 'x'.repeat(3 * 1024)}));
  assert.equal(response.status, 400);
  assert.match(await response.text(), /larger than 3072 bytes/);
});

test('a classic url is stored and listed as normalised, not as typed', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  assert.equal((await postForm(base, PATH, classicComment({url: 'Ada.Example/my page'}))).status, 302);
  assert.equal((await fileLines(dataDir, 'comments.jsonl'))[0].author_url, 'http://ada.example/my%20page');
  const held = await readJson(await fetch(`${base}/api/comments?post=7&status=hold`));
  assert.deepEqual(
    held.body.map((c) => c.author_url),
    ['http://ada.example/my%20page'],
  );
});
