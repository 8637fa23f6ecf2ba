// Nothing a client sends may crash the receiver. Raw requests over a loopback socket, made by a
// seeded generator (so a failure is reproducible), against a server mounted exactly as
// demo/receiver/README.md shows: malformed request lines, targets, headers, bodies and framings.
import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {comment, readJson, startReceiver} from './support.mjs';

const SEED = 0x5eed_2025;
const CASES = 3000;
const PARALLEL = 16;
/** How long a request whose body never completes is held open before the client gives up. */
const HOLD_MS = 100;
/** A request that gets no answer in this time is given up (and counted as unanswered). */
const GIVE_UP_MS = 5000;

/** mulberry32: a small PRNG that the seed alone decides. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return {next, int, pick, chance: (p) => next() < p};
}

const METHODS = [
  'GET',
  'POST',
  'POST',
  'POST',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'PROPFIND',
  'TRACE',
  'SEARCH',
  'FOO',
  'get',
  'P0ST',
  '',
  'POST\tPOST',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.12', 'http/1.1', '', 'HTTP/1.1 extra'];
const ROUTES = [
  '/api/comments',
  '/api/comments?post=1',
  '/api/comments?post=1&status=all&order=desc',
  '/api/comments?post=abc&status=%ZZ&order=',
  '/api/guide-signups',
  '/wp-comments-post.php',
  '/api/comments/1/approve',
  '/api/comments/99999999999999999999/approve',
  '/api/comments/%2e%2e/approve',
  '/api/faults/fail-once/comments?times=2&scope=fuzz',
  '/api/faults/drop/guide-signups?times=1',
  '/api/faults/lost/comments?times=1',
  '/api/faults/slow/comments?ms=5',
  '/api/faults/status/comments?code=599&retry-after=-1',
  '/api/faults/status/wp-comments-post.php?code=abc',
  '/api/faults/login-required/comments',
  '/api/faults/garbage/comments',
  '/api/faults/wrong-shape/guide-signups',
  '/api/faults/explode/comments',
  '/api/faults/',
  '/demo/index.html',
];
const ODD_TARGETS = [
  '//[',
  '%',
  '/%',
  '/%zz',
  '/%00',
  '//',
  '///api/comments',
  '//evil.example/api/comments',
  '*',
  'http://localhost/api/comments',
  'https://[::1]/api/comments',
  'http://[/api/comments',
  'javascript:alert(1)',
  '/api/comments#frag',
  `/api/comments?${'&'.repeat(2000)}`,
  `/${'a'.repeat(20000)}`,
  '/ünïcode/ü',
  '/api/comments/ÿ/approve',
  '/\u0000',
  '/\u007f',
  '/api/comments?post=1\u0000',
  '/api/comments\u2028',
  '/api/comments/../guide-signups',
];
const INSERTS = ['%', '[', ']', '\\', '\u0000', ' ', '\t', '#', '?', '..', '//', 'ÿ', '\u2028', '%c0%80', '@'];

/** Header lines beyond Host and Connection; each returns lines (strings) to add. */
const HEADERS = [
  (g) => [
    `Content-Type: ${g.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '', 'APPLICATION/JSON', ';;;', 'application/json\u00ff'])}`,
  ],
  (g) => [`Idempotency-Key: ${g.pick(['k-1', 'k-2', '', ' ', 'k'.repeat(256), 'k'.repeat(4000), 'ключ', '\u00ff\u00fe', `k-${g.int(50)}`])}`],
  () => ['Idempotency-Key: a', 'Idempotency-Key: b'],
  () => ['Idempotency-Key: a\u0001b'],
  (g) => [`Content-Length: ${g.pick(['abc', '-1', '1e3', '99999999999999999999', ' 5', '0x10', ''])}`],
  () => ['Content-Length: 5', 'Content-Length: 6'],
  (g) => [`Transfer-Encoding: ${g.pick(['gzip, chunked', 'chunked, gzip', 'identity', 'garbage', 'chunked'])}`],
  (g) => [`Host: ${g.pick(['evil.example', '[::1]:1', 'localhost:99999', '', 'a b', 'localhost/x'])}`],
  () => ['Host: a', 'Host: b'],
  (g) => [`Origin: ${g.pick(['null', 'https://evil.example', 'http://127.0.0.1', '%%%', ''])}`],
  (g) => [`Sec-Fetch-Site: ${g.pick(['cross-site', 'same-origin', 'none', 'same-site', 'x'])}`],
  (g) => [`Authorization: ${g.pick(['Bearer ', 'Bearer x', 'Basic YTpi', 'Bearer a b c', 'Bearer \u00ff'])}`],
  (g) => [`X-Care-Client: ${g.pick(['a', '', 'x'.repeat(5000), '\u00ff'])}`],
  () => [`X-Huge: ${'h'.repeat(20000)}`],
  () => Array.from({length: 300}, (_, i) => `X-Many-${i}: ${i}`),
  (g) => [g.pick(['Bad Header: x', 'NoColon', ': empty-name', 'X-Fold: a\r\n  folded', 'X-Nul: a\u0000b', 'X-Cr: a\rb', 'X-Lf: a\nb', 'Ünï: x'])],
];

/** Bodies: valid ones, so the routes' deeper checks run, and every kind of broken one. */
const BODIES = [
  (g) => JSON.stringify(comment({post: 1 + g.int(5), content: `Fuzz ${g.int(1e9)}`, fill_ms: 5000})),
  (g) => JSON.stringify({email: `f${g.int(1e9)}@example.com`, consent: true, fill_ms: 5000}),
  (g) =>
    `comment_post_ID=${g.int(3)}&author=A&email=a%40example.com&comment=c${g.int(1e9)}&comment_parent=${g.pick(['0', '1', '-1', 'x', '99999999999999999999'])}`,
  () => '{',
  () => '{"post":}',
  () => '[1,',
  (g) => Buffer.from(Array.from({length: 1 + g.int(300)}, () => g.int(256))),
  () => `${'['.repeat(20000)}${']'.repeat(20000)}`,
  () => `{"content":${'{"raw":'.repeat(5000)}"x"${'}'.repeat(5001)}`,
  (g) =>
    `{"post": ${g.pick(['1e400', '123456789012345678901234567890', '-0', '1.5', '-1', '"99999999999999999999"', 'NaN', 'true'])}, "author_name": "A", "author_email": "a@example.com", "content": "x"}`,
  () =>
    Buffer.concat([
      Buffer.from('{"post":1,"author_name":"'),
      Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
      Buffer.from('","author_email":"a@example.com","content":"x"}'),
    ]),
  () => '{"post":1,"author_name":"\\ud800","author_email":"a@example.com","content":"\\udfff"}',
  () => '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"toString":1,"post":1}',
  () => '__proto__=1&constructor=2&toString=3&hasOwnProperty=4&post=1',
  () => '{"post":[1],"author_name":{},"author_email":5,"author_url":[],"content":{"raw":5},"consent":{},"fill_ms":"x"}',
  (g) => g.pick(['null', '"string"', '12', 'true', '', ' ', '\u0000']),
  (g) => JSON.stringify(comment({content: 'x'.repeat(65526 + g.int(10)), author_url: `${'u'.repeat(300)}.example`})),
  () => '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.com\r\n--x--\r\n',
  () => 'x'.repeat(120_000),
  (g) =>
    `author_url=${g.pick(['javascript:alert(1)', '%00', '%', 'http://[', 'ex%20ample.com'])}&post=1&author_name=A&author_email=a%40example.com&content=c`,
];

/** How the body is framed; `hold` when the request never completes, so the client gives up. */
const FRAMINGS = [
  (body) => ({lines: [`Content-Length: ${body.length}`], payload: body}),
  (body) => ({lines: [`Content-Length: ${body.length}`], payload: body}),
  (body) => ({lines: [], payload: body}),
  (body, g) => ({lines: [`Content-Length: ${g.int(body.length + 1)}`], payload: body}),
  (body) => ({lines: [`Content-Length: ${body.length + 10}`], payload: body, hold: true}),
  (body) => ({
    lines: ['Transfer-Encoding: chunked'],
    payload: Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]),
  }),
  (body, g) => ({
    lines: ['Transfer-Encoding: chunked'],
    payload: Buffer.from(
      g.pick([
        'zz\r\n',
        'ffffffffffffffffff\r\nx\r\n',
        '-1\r\n',
        '5\r\nabc\r\n',
        '3\r\nabc\r\n',
        '0\r\n',
        '5;ext=\u0000\r\nabcde\r\n0\r\n\r\n',
        '\r\n\r\n',
      ]),
      'latin1',
    ),
    hold: true,
  }),
];

function mutate(target, g) {
  let text = target;
  for (let n = g.int(3); n > 0; n -= 1) {
    const at = g.int(text.length + 1);
    text = text.slice(0, at) + g.pick(INSERTS) + text.slice(at);
  }
  return text;
}

/** One case: the request's bytes, whether it is left incomplete, and its target (to judge a 500). */
function makeCase(g) {
  const method = g.chance(0.85) ? g.pick(['POST', 'POST', 'GET']) : g.pick(METHODS);
  const base = g.chance(0.75) ? g.pick(ROUTES) : g.pick(ODD_TARGETS);
  const target = g.chance(0.3) ? mutate(base, g) : base;
  const version = g.chance(0.85) ? 'HTTP/1.1' : g.pick(VERSIONS);
  const lines = g.chance(0.9) ? ['Host: 127.0.0.1', 'Connection: close'] : ['Connection: close'];
  for (let n = g.chance(0.5) ? 0 : 1 + g.int(3); n > 0; n -= 1) lines.push(...g.pick(HEADERS)(g));
  if (g.chance(0.7) && !lines.some((line) => /^content-type:/i.test(line)))
    lines.push(`Content-Type: ${g.pick(['application/json', 'application/x-www-form-urlencoded'])}`);
  const raw = g.pick(BODIES)(g);
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
  const framing = g.pick(FRAMINGS)(body, g);
  const head = `${method} ${target} ${version}`.trimEnd() + '\r\n' + [...lines, ...framing.lines].map((line) => `${line}\r\n`).join('') + '\r\n';
  // Targets and headers go as raw bytes: UTF-8 for the text, Latin-1 for the \u00ff-style bytes.
  // eslint-disable-next-line no-control-regex -- the range is Latin-1, which starts at U+0000
  const headBytes = Buffer.from(head, /[^\u0000-\u00ff]/.test(head) ? 'utf8' : 'latin1');
  return {bytes: Buffer.concat([headBytes, framing.payload]), hold: framing.hold === true, target};
}

/** Sends one case over a fresh connection; resolves with the statuses of the answers it got. */
function exchange(port, {bytes, hold}) {
  return new Promise((resolve) => {
    const chunks = [];
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => socket.destroy(), hold ? HOLD_MS : GIVE_UP_MS);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      resolve([...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((match) => Number(match[1])));
    });
    socket.write(bytes);
  });
}

/** Collects what would crash the process (and would otherwise end the test run) during the test. */
function watchCrashes(t) {
  const crashes = [];
  const onCrash = (error) => crashes.push(String(error?.stack ?? error));
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  t.after(() => {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  });
  return crashes;
}

test(`${CASES} malformed and hostile requests (seed ${SEED}) crash nothing, and the receiver still answers`, async (t) => {
  const crashes = watchCrashes(t);
  // startReceiver mounts the receiver as the README shows, before a fallback that answers 404.
  const {server, logs} = await startReceiver(t);
  // Counted apart, to tell what Node's parser refused from what reached the receiver.
  let parsed = 0;
  server.on('request', () => (parsed += 1));
  const {port} = server.address();

  const g = generator(SEED);
  const cases = Array.from({length: CASES}, () => makeCase(g));
  const results = new Array(CASES);
  let nextCase = 0;
  const worker = async () => {
    while (nextCase < CASES) {
      const index = nextCase++;
      results[index] = await exchange(port, cases[index]);
    }
  };
  await Promise.all(Array.from({length: PARALLEL}, worker));

  const byStatus = {};
  const wrong = [];
  results.forEach((statuses, index) => {
    for (const status of statuses) {
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const designed = /faults\/status\//.test(cases[index].target);
      if (status < 100 || status >= 600 || (status === 500 && !designed))
        wrong.push(`${status} for case ${index}: ${JSON.stringify(cases[index].bytes.toString('latin1').slice(0, 200))}`);
    }
  });
  const answered = results.filter((statuses) => statuses.length > 0).length;
  t.diagnostic(
    `${CASES} cases (${cases.filter((c) => c.hold).length} left incomplete on purpose), ${parsed} requests parsed by Node and handed to the server: ` +
      `${answered} cases answered, ${CASES - answered} closed without an answer; statuses ${JSON.stringify(byStatus)}`,
  );

  assert.deepEqual(crashes, []);
  assert.deepEqual(wrong, []);
  assert.deepEqual(
    logs.filter((line) => line.startsWith('error in')),
    [],
  );
  // Still alive and well: a normal submission is stored.
  const after = await readJson(
    await fetch(`http://127.0.0.1:${port}/api/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(comment({content: 'After the fuzz.', fill_ms: 5000})),
    }),
  );
  assert.equal(after.status, 201);
  assert.equal(after.body.content.rendered, '<p>After the fuzz.</p>');
});

test('GET //[ is passed on, and the server mounted as the README shows stays up', async (t) => {
  const crashes = watchCrashes(t);
  const {server} = await startReceiver(t);
  const {port} = server.address();
  const statuses = await exchange(port, {bytes: Buffer.from('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'), hold: false});
  assert.deepEqual(statuses, [404]);
  assert.deepEqual(crashes, []);
  assert.equal((await fetch(`http://127.0.0.1:${port}/api/comments?post=1`)).status, 200);
});
