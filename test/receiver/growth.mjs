// How much the receiver keeps after N submissions: the data folder's size on disk and the heap.
// Run by hand (not part of `npm test`):
//
//   node --expose-gc test/receiver/growth.mjs [N ...] [--ttl-ms MS] [--dir PARENT]
//
// Each N runs on a fresh folder through handle() (no socket), as a mix of REST comments, classic
// comments, signups and spam, each with its own Idempotency-Key and its own client address.
// `--ttl-ms` shortens the idempotency time to live, to see the answers expire and be compacted.
import {mkdtemp, readdir, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {createReceiver} from '../../demo/receiver/receiver.mjs';
import {call} from './fake-http.mjs';

const {values, positionals} = parseArgs({allowPositionals: true, options: {'ttl-ms': {type: 'string'}, dir: {type: 'string'}}});
const counts = positionals.length ? positionals.map(Number) : [10_000, 50_000];
const ttlMs = values['ttl-ms'] === undefined ? undefined : Number(values['ttl-ms']);
if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc');

/** A body for submission `i`: 40% REST comments, 20% classic comments, 30% signups, 10% spam. */
function submission(i) {
  const kind = i % 10;
  const text = `Submission ${i}: fermented foods, bone broth and sleep helped my gut more than I expected.`;
  if (kind < 4)
    return {
      url: '/api/comments',
      body: {post: 1 + (i % 50), author_name: `Reader ${i}`, author_email: `r${i}@example.com`, content: text, fill_ms: 9000},
    };
  if (kind < 6) {
    const form = new URLSearchParams({
      comment_post_ID: String(1 + (i % 50)),
      author: `Reader ${i}`,
      email: `c${i}@example.com`,
      url: 'example.com',
      comment: text,
      fill_ms: '9000',
    });
    return {url: '/wp-comments-post.php', body: form.toString(), headers: {'Content-Type': 'application/x-www-form-urlencoded'}};
  }
  if (kind < 9) return {url: '/api/guide-signups', body: {email: `s${i}@example.com`, first_name: `Reader ${i}`, consent: true, fill_ms: 9000}};
  return {url: '/api/guide-signups', body: {email: `bot${i}@example.com`, consent: true, extra_info: 'http://spam.example'}};
}

async function folderBytes(dir) {
  let bytes = 0;
  let blocks = 0;
  for (const name of await readdir(dir)) {
    const info = await stat(join(dir, name));
    bytes += info.size;
    blocks += info.blocks * 512;
  }
  return {bytes, blocks};
}

function heapUsed() {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

for (const n of counts) {
  const dataDir = await mkdtemp(join(values.dir ?? tmpdir(), 'care-growth-'));
  const before = heapUsed();
  const receiver = createReceiver({dataDir, log: false, idempotencyTtlMs: ttlMs});
  const started = Date.now();
  const statuses = {};
  // In batches, so requests overlap as they would on a server, without holding N at once.
  for (let start = 0; start < n; start += 100) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + 100); i += 1) {
      const {url, body, headers = {}} = submission(i);
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      batch.push(call(receiver, {url, body, remoteAddress: address, headers: {...headers, 'Idempotency-Key': `growth-${i}`}}));
    }
    for (const answer of await Promise.all(batch)) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  }
  const seconds = (Date.now() - started) / 1000;
  const heap = heapUsed() - before;
  const disk = await folderBytes(dataDir);
  const files = {};
  for (const name of await readdir(dataDir)) files[name] = mb((await stat(join(dataDir, name))).size);
  console.log(
    `N=${n}${ttlMs === undefined ? '' : ` (idempotency TTL ${ttlMs} ms)`}: ${seconds.toFixed(1)} s; statuses ${JSON.stringify(statuses)}; ` +
      `disk ${mb(disk.bytes)} (${mb(disk.blocks)} allocated) ${JSON.stringify(files)}; heap +${mb(heap)} retained`,
  );
  await receiver.close();
  await rm(dataDir, {recursive: true, force: true});
}
