/**
 * The demo's server (`npm start`): the demo pages and the built bundle, with the reference
 * receiver on the same origin. Nothing else of the repository is reachable: not its dot-files
 * (`.git/`), not the receiver's data, not `package.json` or `node_modules/`. It listens on
 * loopback unless told otherwise:
 *
 *   node demo/server.mjs [--host 127.0.0.1] [--port 8000] [--data DIR]
 *   npm start -- --host 0.0.0.0
 *
 * Without a port it takes 8000, or the next free one. `--data` (or CARE_RECEIVER_DATA) is the
 * receiver's data folder, by default `.data/receiver/` in the repository, outside what is served. `--host 0.0.0.0` shares the demo with the
 * network; the receiver's moderation routes still answer only the token it prints.
 * Node built-ins only.
 */
import {createReadStream} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {brotliCompressSync, constants as zlib, gzipSync} from 'node:zlib';
import {createReceiver} from './receiver/receiver.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `npm start` serves: URL prefixes, each a folder of the repository of the same name. */
export const DEMO_MOUNTS = Object.freeze(['/demo/', '/dist/']);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types sent compressed when the browser takes it: text, which compresses to a fraction. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

/** Compressed bodies by file, encoding and modification time: each file is compressed once per change. */
const compressed = new Map();

/** The body of `file` in `encoding` (`br` or `gzip`), compressed once and kept while the file is unchanged. */
async function compressedBody(file, encoding, mtimeMs) {
  const key = `${encoding} ${file}`;
  const kept = compressed.get(key);
  if (kept?.mtimeMs === mtimeMs) return kept.body;
  const raw = await readFile(file);
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length}})
      : gzipSync(raw, {level: 9});
  compressed.set(key, {mtimeMs, body});
  return body;
}

/** The encoding to send, from the request's Accept-Encoding (brotli first), or undefined. */
function encodingFor(req) {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name.trim().toLowerCase());
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
}

/**
 * The file of the repository that `pathname` names, or undefined when it is outside `mounts`,
 * has a segment starting with a dot (a dot-file, `..`, or an encoded one), or cannot be decoded.
 * A path ending in `/` names its `index.html`.
 *
 * @param {string} pathname the URL's path, still percent-encoded
 * @param {readonly string[]} mounts URL prefixes that map to folders of the same name
 * @param {string} [root] the repository
 */
export function fileFor(pathname, mounts, root = ROOT) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!mounts.some((mount) => path.startsWith(mount))) return undefined;
  const segments = path.split('/').slice(1);
  // A dot-segment would walk out of a mount ("..") or into hidden data; a backslash or NUL is never a file name here.
  if (segments.some((segment) => segment.startsWith('.') || /[\\\0]/.test(segment))) return undefined;
  const file = resolve(join(root, ...segments, path.endsWith('/') ? 'index.html' : ''));
  return file.startsWith(resolve(root) + sep) ? file : undefined;
}

/**
 * A request handler for static files under `mounts`: GET and HEAD, `/` redirected to the first
 * mount, everything else 404 (405 for other methods on a file). Text goes compressed (brotli,
 * else gzip) to a browser that takes it, as a publisher's server sends it.
 *
 * @param {{mounts?: readonly string[], root?: string}} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function staticFiles({mounts = DEMO_MOUNTS, root = ROOT} = {}) {
  return async (req, res) => {
    const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
    if (pathname === '/') {
      res.writeHead(302, {Location: mounts[0], 'Content-Length': '0'}).end();
      return;
    }
    const file = fileFor(pathname, mounts, root);
    const info = file && (await stat(file).catch(() => undefined));
    if (!info?.isFile()) {
      res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff'}).end('Not found');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, {Allow: 'GET, HEAD', 'Content-Length': '0'}).end();
      return;
    }
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    const encoding = COMPRESSIBLE.has(extname(file)) ? encodingFor(req) : undefined;
    if (COMPRESSIBLE.has(extname(file))) headers.Vary = 'Accept-Encoding';
    if (encoding) {
      const body = await compressedBody(file, encoding, info.mtimeMs);
      res.writeHead(200, {...headers, 'Content-Encoding': encoding, 'Content-Length': String(body.length)});
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, {...headers, 'Content-Length': String(info.size)});
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
  };
}

/**
 * Starts the demo: the receiver's routes first, then the demo's files.
 *
 * @param {{host?: string, port?: number, receiver?: import('./receiver/receiver.mjs').ReceiverOptions}} [options]
 *   `port` 0 picks a free port; without one, 8000 or the next free port
 * @returns {Promise<{server: import('node:http').Server, url: string, receiver: import('./receiver/receiver.mjs').Receiver, close: () => Promise<void>}>}
 */
export async function startDemoServer({host = '127.0.0.1', port, receiver: receiverOptions} = {}) {
  const receiver = createReceiver(receiverOptions);
  const files = staticFiles();
  const server = createServer(async (req, res) => {
    try {
      if (!(await receiver.handle(req, res))) await files(req, res);
    } catch (error) {
      console.error(`[care-demo] ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, {'Content-Length': '0'});
      res.end();
    }
  });
  const bound = await listen(server, host, port);
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  return {
    server,
    url: `http://${shown}:${bound}${DEMO_MOUNTS[0]}`,
    receiver,
    close: async () => {
      await new Promise((done) => server.close(done).closeAllConnections());
      await receiver.close();
    },
  };
}

/** Listens on `port`, or on 8000 or the next free port when none is given; resolves the port. */
async function listen(server, host, port) {
  for (let candidate = port ?? 8000; ; candidate++) {
    try {
      await new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(candidate, host, () => {
          server.off('error', fail);
          done();
        });
      });
      return server.address().port;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port !== undefined || candidate >= 8100) throw error;
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {host: {type: 'string'}, port: {type: 'string'}, data: {type: 'string'}}});
  const host = values.host || '127.0.0.1';
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    console.error(`--port must be a port number, not ${JSON.stringify(values.port)}.`);
    process.exit(2);
  }
  const dataDir = values.data || process.env.CARE_RECEIVER_DATA || undefined;
  const demo = await startDemoServer({host, port, receiver: {dataDir}});
  console.log(`Demo:       ${demo.url}`);
  console.log(`Blog theme: ${demo.url}theme.html`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.log(`Listening on ${host}: anyone who can reach this machine can open the demo and post to its receiver.`);
  }
  console.log('Try first: tick a few symptoms and steps, reload (the ticks stay), then sign up for the guide.');
  console.log('Ctrl-C stops the server.');
  const stop = () => demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
