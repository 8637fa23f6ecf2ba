// `npm start` must publish nothing but the demo: only /demo/ and /dist/, never a dot-path, never
// the receiver's data, on loopback unless the user asks for more.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {fileFor, startDemoServer, staticFiles} from '../../demo/server.mjs';

const SERVER = fileURLToPath(new URL('../../demo/server.mjs', import.meta.url));

/** GET `path` exactly as written (no client-side normalisation of `..` or `%2e`); resolves the status. */
function statusOf(base, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const {hostname, port} = new URL(base);
    const req = request({host: hostname, port, path, method}, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject).end();
  });
}

/** A repository-like folder with what must never be served, and the two things that must. */
function fakeRepository(t) {
  const root = mkdtempSync(join(tmpdir(), 'care-demo-root-'));
  t.after(() => rmSync(root, {recursive: true, force: true}));
  const files = {
    '.git/config': '[core]',
    'demo/.data/signups.jsonl': '{"email":"reader@example.com"}\n',
    '.data/receiver/comments.jsonl': '{"author_email":"reader@example.com"}\n',
    'package.json': '{}',
    'node_modules/lit/index.js': '',
    'src/define.ts': '',
    'demo/index.html': '<!doctype html>',
    'demo/.hidden.html': 'hidden',
    'dist/care-elements.js': 'export {};',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), text);
  }
  return root;
}

const NEVER = [
  '/.git/config',
  '/%2egit/config',
  '/%2Egit/config',
  '/demo/.data/signups.jsonl',
  '/demo/%2edata/signups.jsonl',
  '/.data/receiver/comments.jsonl',
  '/demo/.hidden.html',
  '/package.json',
  '/demo/../package.json',
  '/demo/%2e%2e/package.json',
  '/demo/..%2fpackage.json',
  '/demo/..%5cpackage.json',
  '/dist/..%2f.git/config',
  '/node_modules/lit/index.js',
  '/demo/../node_modules/lit/index.js',
  '/src/define.ts',
  '/demo/%ff',
  '/demo/index.html%00.js',
];

test('only /demo/ and /dist/ map to files; dot-segments and encodings of them never do', (t) => {
  const root = fakeRepository(t);
  assert.equal(fileFor('/demo/', ['/demo/', '/dist/'], root), join(root, 'demo/index.html'));
  assert.equal(fileFor('/dist/care-elements.js', ['/demo/', '/dist/'], root), join(root, 'dist/care-elements.js'));
  for (const path of NEVER) assert.equal(fileFor(path, ['/demo/', '/dist/'], root), undefined, path);
});

test('the file handler answers 404 for everything outside the demo, over HTTP', async (t) => {
  const root = fakeRepository(t);
  const {createServer} = await import('node:http');
  const server = createServer(staticFiles({root}));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const path of NEVER) assert.equal(await statusOf(base, path), 404, path);
  assert.equal(await statusOf(base, '/demo/'), 200);
  assert.equal(await statusOf(base, '/demo/index.html', 'HEAD'), 200);
  assert.equal(await statusOf(base, '/dist/care-elements.js'), 200);
  assert.equal(await statusOf(base, '/demo/index.html', 'POST'), 405);
  assert.equal(await statusOf(base, '/'), 302);
});

test('`node demo/server.mjs` (what npm start runs) listens on loopback only and serves nothing of the repository', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'care-demo-data-'));
  t.after(() => rmSync(dataDir, {recursive: true, force: true}));
  const child = spawn(process.execPath, [SERVER, '--port', '0'], {
    env: {...process.env, CARE_RECEIVER_DATA: dataDir},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => child.kill());
  const lines = createInterface({input: child.stdout});
  let demoUrl;
  for await (const line of lines) {
    const match = /^Demo:\s+(\S+)/.exec(line);
    if (match) {
      demoUrl = new URL(match[1]);
      break;
    }
  }
  assert.equal(demoUrl?.hostname, '127.0.0.1', 'the printed address');
  const base = demoUrl.origin;
  for (const path of [
    '/.git/config',
    '/package.json',
    '/node_modules/lit/package.json',
    '/demo/.data/signups.jsonl',
    '/.data/receiver/signups.jsonl',
    '/README.md',
  ]) {
    assert.equal(await statusOf(base, path), 404, path);
  }
  assert.equal(await statusOf(base, '/demo/'), 200);
  assert.equal(await statusOf(base, '/demo/theme.html'), 200);
  // The receiver answers on the same origin.
  assert.equal(await statusOf(base, '/api/comments?post=1'), 200);
  child.kill();
  await once(child, 'exit');
});

test('startDemoServer binds to 127.0.0.1 by default, and to another address only when asked', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'care-demo-data-'));
  t.after(() => rmSync(dataDir, {recursive: true, force: true}));
  const local = await startDemoServer({port: 0, receiver: {dataDir, log: false}});
  assert.equal(local.server.address().address, '127.0.0.1');
  await local.close();
  const shared = await startDemoServer({host: '0.0.0.0', port: 0, receiver: {dataDir, log: false}});
  assert.equal(shared.server.address().address, '0.0.0.0');
  await shared.close();
});

test('text goes compressed to a browser that takes it (brotli first, else gzip), as it is to one that does not', async (t) => {
  const root = fakeRepository(t);
  const script = `export const text = ${JSON.stringify('care '.repeat(2000))};\n`;
  writeFileSync(join(root, 'dist/care-elements.js'), script);
  const {createServer} = await import('node:http');
  const {brotliDecompressSync, gunzipSync} = await import('node:zlib');
  const server = createServer(staticFiles({root}));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const get = (encoding) =>
    new Promise((resolve, reject) => {
      const headers = encoding === undefined ? {} : {'Accept-Encoding': encoding};
      request({host: '127.0.0.1', port: server.address().port, path: '/dist/care-elements.js', headers}, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve({headers: res.headers, body: Buffer.concat(chunks)}));
      })
        .on('error', reject)
        .end();
    });
  const br = await get('gzip, deflate, br');
  assert.deepEqual([br.headers['content-encoding'], br.headers.vary, brotliDecompressSync(br.body).toString()], ['br', 'Accept-Encoding', script]);
  assert.ok(br.body.length < script.length / 10, `brotli: ${br.body.length} B for ${script.length} B`);
  const gzip = await get('gzip');
  assert.deepEqual([gzip.headers['content-encoding'], gunzipSync(gzip.body).toString()], ['gzip', script]);
  for (const refused of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
    const plain = await get(refused);
    assert.deepEqual([plain.headers['content-encoding'], plain.body.toString()], [undefined, script], `Accept-Encoding: ${refused}`);
  }
});
