/**
 * Requests and responses without a socket, for calling a receiver's `handle()` directly: the
 * parts of IncomingMessage and ServerResponse the receiver uses, and nothing else. Not a test file.
 */
import {EventEmitter} from 'node:events';
import {Readable} from 'node:stream';

/**
 * A request whose body is `body` (a string, a Buffer, or an object sent as JSON).
 *
 * @param {{method?: string, url: string, headers?: Record<string, string>, body?: string | Buffer | object, remoteAddress?: string}} init
 */
export function fakeRequest({method = 'POST', url, headers = {}, body, remoteAddress = '127.0.0.1'}) {
  const bytes = body === undefined ? [] : [Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))];
  const req = Readable.from(bytes, {objectMode: false});
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body)) lower['content-type'] ??= 'application/json';
  return Object.assign(req, {method, url, headers: lower, socket: {remoteAddress, destroyed: false, destroy() {}}});
}

/** A response that records what was written; `done` resolves with `{status, headers, body}` when it ends. */
export function fakeResponse() {
  const res = new EventEmitter();
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const chunks = [];
  return Object.assign(res, {
    socket: {destroyed: false},
    headersSent: false,
    writableEnded: false,
    destroyed: false,
    status: 0,
    headers: {},
    done,
    writeHead(status, headers) {
      res.headersSent = true;
      res.status = status;
      res.headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    },
    write(chunk, callback) {
      chunks.push(Buffer.from(chunk));
      callback?.();
    },
    end(chunk = '') {
      chunks.push(Buffer.from(chunk));
      res.writableEnded = true;
      finish({status: res.status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8')});
      res.emit('close');
    },
    destroy() {
      res.destroyed = true;
      finish({status: res.status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), destroyed: true});
      res.emit('close');
    },
  });
}

/** Calls `receiver.handle()` with a fake request; resolves with `{handled, status, headers, body, json}`. */
export async function call(receiver, init) {
  const res = fakeResponse();
  const handled = await receiver.handle(fakeRequest(init), res);
  if (!handled) return {handled};
  const answer = await res.done;
  const isJson = /json/.test(answer.headers['content-type'] ?? '') && answer.body !== '';
  return {handled, ...answer, json: isJson ? JSON.parse(answer.body) : undefined};
}
