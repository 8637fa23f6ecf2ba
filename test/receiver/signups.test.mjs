import assert from 'node:assert/strict';
import http from 'node:http';
import {test} from 'node:test';
import {FALLTHROUGH, fileLines, postForm, postJson, readJson, startReceiver} from './support.mjs';

const PATH = '/api/guide-signups';
const signup = (fields = {}) => ({email: 'reader@example.com', first_name: 'Grace', consent: true, offer: false, ...fields});

test('a new signup answers 201 with an id and the guide, and is stored on disk', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const answer = await readJson(await postJson(base, PATH, signup({offer: true})));
  assert.equal(answer.status, 201);
  assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.equal(answer.body.status, 'subscribed');
  assert.equal(answer.body.guide_url, '/demo/gut-health-guide.html');
  assert.match(answer.body.id, /^[0-9a-f-]{36}$/);
  const stored = await fileLines(dataDir, 'signups.jsonl');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].id, answer.body.id);
  assert.equal(stored[0].email, 'reader@example.com');
  assert.equal(stored[0].first_name, 'Grace');
  assert.equal(stored[0].consent, true);
  assert.equal(stored[0].offer, true);
});

test('urlencoded signups read "on", "1" and "true" as booleans', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const first = await postForm(base, PATH, {email: 'a1@example.com', consent: 'on', offer: '1'});
  const second = await postForm(base, PATH, {email: 'a2@example.com', consent: 'true'});
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  const stored = await fileLines(dataDir, 'signups.jsonl');
  assert.deepEqual(
    stored.map((s) => [s.email, s.offer]),
    [
      ['a1@example.com', true],
      ['a2@example.com', false],
    ],
  );
});

test('an address already on the list gets the same 201 shape and nothing new is stored', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  const first = await readJson(await postJson(base, PATH, signup()));
  const again = await readJson(await postJson(base, PATH, signup({email: '  Reader@Example.COM ', first_name: 'Other'})));
  assert.equal(again.status, 201);
  assert.deepEqual(Object.keys(again.body), Object.keys(first.body));
  assert.equal(again.body.status, 'subscribed');
  // A fresh id each time, so comparing ids tells nothing about the list either.
  assert.notEqual(again.body.id, first.body.id);
  assert.equal((await fileLines(dataDir, 'signups.jsonl')).length, 1);
});

test('a missing or malformed email is a rest_invalid_param naming the field', async (t) => {
  const {base} = await startReceiver(t);
  const missing = await readJson(await postJson(base, PATH, signup({email: undefined})));
  assert.deepEqual(missing.body, {
    code: 'rest_invalid_param',
    message: 'Invalid parameter(s): email',
    data: {status: 400, params: {email: 'Invalid email address.'}},
  });
  for (const email of [
    'no-at-sign.example.com',
    'a@b.c',
    'ada@localhost',
    'ada@-example.com',
    'ada@exa..mple.com',
    'ad a@example.com',
    'ada@example.com.',
    'ada@ex_ample.com',
  ]) {
    const answer = await readJson(await postJson(base, PATH, signup({email})));
    assert.equal(answer.status, 400, email);
    assert.equal(answer.body.data.params.email, 'Invalid email address.', email);
  }
  const typed = await readJson(await postJson(base, PATH, signup({email: 42})));
  assert.equal(typed.body.data.params.email, 'email is not of type string.');
});

test('email fits at 100 characters and is refused at 101', async (t) => {
  const {base} = await startReceiver(t);
  const at100 = `${'a'.repeat(88)}@example.com`;
  assert.equal(at100.length, 100);
  assert.equal((await postJson(base, PATH, signup({email: at100}))).status, 201);
  const at101 = await readJson(await postJson(base, PATH, signup({email: `a${at100}`})));
  assert.equal(at101.status, 400);
  assert.equal(at101.body.data.params.email, 'email must be at most 100 characters long.');
});

test('first_name fits at 245 characters (not bytes) and is refused at 246', async (t) => {
  const {base} = await startReceiver(t);
  assert.equal((await postJson(base, PATH, signup({email: 'n1@example.com', first_name: 'é'.repeat(245)}))).status, 201);
  const long = await readJson(await postJson(base, PATH, signup({email: 'n2@example.com', first_name: 'x'.repeat(246)})));
  assert.equal(long.status, 400);
  assert.deepEqual(long.body.data.params, {first_name: 'first_name must be at most 245 characters long.'});
});

test('a signup without consent is refused, and every bad field is named at once', async (t) => {
  const {base, dataDir} = await startReceiver(t);
  for (const consent of [undefined, false, '0', 'off']) {
    const answer = await readJson(await postJson(base, PATH, signup({consent})));
    assert.equal(answer.status, 400, String(consent));
    assert.equal(answer.body.code, 'rest_invalid_param');
    assert.ok(answer.body.data.params.consent, String(consent));
  }
  const both = await readJson(await postJson(base, PATH, signup({email: 'nope', consent: 'maybe', offer: 'perhaps'})));
  assert.equal(both.body.message, 'Invalid parameter(s): email, consent, offer');
  assert.equal(both.body.data.params.consent, 'consent is not of type boolean.');
  assert.equal(both.body.data.params.offer, 'offer is not of type boolean.');
  assert.deepEqual(await fileLines(dataDir, 'signups.jsonl'), []);
});

test('a filled honeypot or a too-fast fill answers success and stores nothing', async (t) => {
  const {base, dataDir, logs} = await startReceiver(t);
  const honeypot = await readJson(await postJson(base, PATH, signup({extra_info: 'http://spam.example'})));
  const fast = await readJson(await postForm(base, PATH, {email: 'fast@example.com', consent: '1', fill_ms: '800'}));
  for (const answer of [honeypot, fast]) {
    assert.equal(answer.status, 201);
    assert.equal(answer.body.status, 'subscribed');
    assert.equal(answer.body.guide_url, '/demo/gut-health-guide.html');
  }
  assert.deepEqual(await fileLines(dataDir, 'signups.jsonl'), []);
  assert.equal(logs.filter((line) => line.startsWith('discarded a guide signup')).length, 2);
  assert.ok(logs.some((line) => line.includes('2 discarded so far')));
  // A reader who took their time is kept.
  assert.equal((await postJson(base, PATH, signup({fill_ms: 4000, extra_info: ''}))).status, 201);
  assert.equal((await fileLines(dataDir, 'signups.jsonl')).length, 1);
});

test('a body that is not JSON, not an object, or of another type is a 400', async (t) => {
  const {base} = await startReceiver(t);
  const broken = await readJson(await postJson(base, PATH, '{"email": "a@example.com",'));
  assert.equal(broken.status, 400);
  assert.equal(broken.body.code, 'rest_invalid_json');
  assert.equal(broken.body.message, 'Invalid JSON body passed.');
  for (const body of ['[1,2]', '"text"', 'null', '12']) {
    const answer = await readJson(await postJson(base, PATH, body));
    assert.equal(answer.status, 400, body);
    assert.equal(answer.body.code, 'rest_invalid_param', body);
  }
  const plain = await readJson(
    await fetch(base + PATH, {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: 'email=a@example.com&consent=1'}),
  );
  assert.equal(plain.status, 400);
  assert.equal(plain.body.code, 'rest_invalid_param');
  assert.match(plain.body.message, /text\/plain/);
  const multipart = new FormData();
  multipart.set('email', 'a@example.com');
  const formData = await readJson(await fetch(base + PATH, {method: 'POST', body: multipart}));
  assert.equal(formData.status, 400);
});

/** Sends a request whose body never ends; resolves with the answer and the bytes sent by then. */
function unendingPost(base, path, headers, chunk) {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(base + path, {method: 'POST', headers}, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part) => (text += part));
      res.on('end', () => {
        resolve({status: res.statusCode, text, sent});
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      if (answered) return;
      if (sent > 8 * 1024 * 1024) {
        reject(new Error('no answer after 8 MB'));
        req.destroy();
        return;
      }
      sent += chunk.length;
      req.write(chunk, () => setImmediate(pump));
    };
    pump();
  });
}

test('a declared oversize body is refused before it is read', async (t) => {
  const {base} = await startReceiver(t, {maxBodyBytes: 1024});
  // Announces 10 MB and sends only 1 KB: only an answer given without reading can arrive.
  const answer = await new Promise((resolve, reject) => {
    const req = http.request(
      base + PATH,
      {method: 'POST', headers: {'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024)}},
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (part) => (text += part));
        res.on('end', () => {
          resolve({status: res.statusCode, text});
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    req.write('x'.repeat(1024));
  });
  assert.equal(answer.status, 400);
  assert.equal(JSON.parse(answer.text).code, 'rest_body_too_large');
});

test('a chunked body is refused as soon as it passes the limit', async (t) => {
  const {base} = await startReceiver(t, {maxBodyBytes: 4096});
  const answer = await unendingPost(base, PATH, {'Content-Type': 'application/json'}, Buffer.alloc(1024, 0x20));
  assert.equal(answer.status, 400);
  assert.deepEqual(JSON.parse(answer.text), {
    code: 'rest_body_too_large',
    message: 'The request body is larger than 4096 bytes.',
    data: {status: 400},
  });
  // The answer came while the body was still being sent, long before it could have ended.
  assert.ok(answer.sent < 4 * 1024 * 1024, `sent ${answer.sent} bytes before the answer`);
});

test('a body at the limit is read', async (t) => {
  const body = JSON.stringify(signup());
  const {base} = await startReceiver(t, {maxBodyBytes: Buffer.byteLength(body)});
  assert.equal((await postJson(base, PATH, body)).status, 201);
});

test('other methods get 405 with Allow, and other URLs are passed on', async (t) => {
  const {base} = await startReceiver(t);
  const get = await readJson(await fetch(base + PATH));
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  assert.equal(get.body.code, 'rest_no_route');
  const other = await fetch(`${base}/api/other`);
  assert.equal(other.status, 404);
  assert.equal(await other.text(), FALLTHROUGH);
  const page = await fetch(`${base}/demo/index.html`);
  assert.equal(await page.text(), FALLTHROUGH);
});
