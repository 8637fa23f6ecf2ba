/**
 * Shared set-up of the receiver tests: a real HTTP server on 127.0.0.1, a fresh data folder per
 * test, and small request helpers. Not a test file itself.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createReceiver} from '../../demo/receiver/receiver.mjs';

/** Anything a fallback handler answers, so a test can see that `handle` returned false. */
export const FALLTHROUGH = 'not a receiver route';

/**
 * Starts a receiver behind `http.createServer`. Stopped (and its folder removed) after the test,
 * unless `keepDir` is set, for tests that restart on the same folder.
 *
 * The flood window defaults to 0 here, so tests that post several comments are not flooded;
 * flood tests set it.
 */
export async function startReceiver(t, options = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'care-receiver-')));
  const logs = [];
  const receiver = createReceiver({floodWindowMs: 0, log: (message) => logs.push(message), ...options, dataDir});
  const server = http.createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      res.end(FALLTHROUGH);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
    })());
  t.after(async () => {
    await stop();
    if (!options.keepDir) await rm(dataDir, {recursive: true, force: true});
  });
  return {base, dataDir, logs, receiver, server, stop};
}

export function postJson(base, path, body, headers = {}) {
  return fetch(base + path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
}

export function postForm(base, path, fields, headers = {}) {
  return fetch(base + path, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', ...headers},
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** Status, headers and parsed JSON body of a response. */
export async function readJson(response) {
  const text = await response.text();
  return {status: response.status, headers: response.headers, text, body: JSON.parse(text)};
}

/** The parsed lines of one data file; [] when it does not exist yet. */
export async function fileLines(dataDir, name) {
  let text;
  try {
    text = await readFile(join(dataDir, name), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

/** A comment that passes every check; override fields as needed. */
export function comment(fields = {}) {
  return {post: 1, author_name: 'Ada Lovelace', author_email: 'ada@example.com', content: 'Fermented foods helped me.', ...fields};
}

/** A classic-form comment that passes every check. */
export function classicComment(fields = {}) {
  return {
    comment_post_ID: '7',
    author: 'Ada Lovelace',
    email: 'ada@example.com',
    url: '',
    comment: 'Bone broth every day.',
    comment_parent: '0',
    ...fields,
  };
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
