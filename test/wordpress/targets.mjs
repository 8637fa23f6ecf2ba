/**
 * The two servers of the comments contract, behind one interface, over real HTTP on 127.0.0.1:
 *
 * - `receiver`: demo/receiver/ (createReceiver) behind node:http, with WordPress's flood window
 *   (15 s) and `trustClientHeader`, so `X-Care-Client` names the visitor;
 * - `wordpress`: the instance provisioned by run.mjs (CARE_WP_INSTANCE names its instance.json),
 *   whose test mu-plugin reads the same header.
 *
 * A target offers: `rest(body, opts)`, `restList(post)`, `classic(fields, opts)`, `approve(id)`,
 * `restAnonymousOff(body, opts)`, `newPost(name, title)` and `posts` (logical name → id). Answers come back normalised
 * (see normalise*): what may differ between two runs (ids, dates, hosts, hashes) becomes a token,
 * so that answers compare as plain values.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createReceiver} from '../../demo/receiver/receiver.mjs';
import {runSql} from './instance.mjs';

/** A post id no server has. */
export const MISSING_POST = 999999;

/** The instance run.mjs provisioned, or undefined when these tests run without one. */
export async function wordpressInfo() {
  const file = process.env.CARE_WP_INSTANCE;
  if (!file) return undefined;
  return JSON.parse(await readFile(file, 'utf8'));
}

export async function receiverTarget() {
  const dataDir = await mkdtemp(join(tmpdir(), 'care-contract-receiver-'));
  // WordPress's defaults: a 15 s flood window by client or email. Only the client comes from a header.
  const receiver = createReceiver({dataDir, trustClientHeader: true, log: false});
  const server = http.createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  // Every positive id is an open post to the receiver: these only keep the tests' comments apart.
  const posts = {article: 1, open: 2, closed: 3, password: 4, missing: MISSING_POST};
  let nextPost = 100;
  return target({
    name: 'receiver',
    base,
    posts,
    restPath: '/api/comments',
    moderation: {Authorization: `Bearer ${receiver.moderationToken}`},
    approvePath: (id) => ({path: `/api/comments/${id}/approve`, body: undefined}),
    // The receiver has no switch for anonymous REST comments (it is WordPress with the filter on);
    // its fault route answers what WordPress answers when they are off (see KNOWN_DIFFERENCES).
    anonymousOffPath: '/api/faults/login-required/comments',
    newPost: async () => nextPost++,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await receiver.close();
      await rm(dataDir, {recursive: true, force: true});
    },
  });
}

export async function wordpressTarget(info) {
  const setAnonymous = (on) => runSql(info.db, `UPDATE wp_options SET option_value = '${on ? 1 : 0}' WHERE option_name = 'care_test_rest_anonymous'`);
  const admin = info.users.admin;
  const moderation = {Authorization: `Basic ${Buffer.from(`${admin.login}:${admin.appPassword}`).toString('base64')}`};
  return target({
    name: 'wordpress',
    base: info.baseUrl,
    posts: {...info.posts, missing: MISSING_POST},
    restPath: '/wp-json/wp/v2/comments',
    moderation,
    approvePath: (id) => ({path: `/wp-json/wp/v2/comments/${id}`, body: {status: 'approved'}}),
    async anonymousOff(send) {
      await setAnonymous(false);
      try {
        return await send();
      } finally {
        await setAnonymous(true);
      }
    },
    sql: (statement) => runSql(info.db, statement),
    async newPost(title) {
      const response = await fetch(`${info.baseUrl}/wp-json/wp/v2/posts`, {
        method: 'POST',
        headers: {...moderation, 'Content-Type': 'application/json'},
        body: JSON.stringify({title, status: 'publish', content: `<p>${title}</p>`, comment_status: 'open'}),
      });
      const post = await response.json();
      if (response.status !== 201) throw new Error(`wordpress: creating a post answered ${response.status} ${JSON.stringify(post)}`);
      return post.id;
    },
    async close() {},
  });
}

function target(spec) {
  const {base} = spec;
  const posts = {...spec.posts};
  const postNames = new Map(Object.entries(posts).map(([name, id]) => [Number(id), name]));
  const headers = (opts = {}) => ({...(opts.client ? {'X-Care-Client': opts.client} : {}), ...(opts.headers ?? {})});

  async function restAt(path, body, opts) {
    const response = await fetch(base + path, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...headers(opts)},
      body: JSON.stringify(body),
      redirect: 'manual',
    });
    return normaliseRest(response, base, postNames);
  }

  return {
    name: spec.name,
    base,
    posts,
    sql: spec.sql,
    close: spec.close,
    /** Creates an open post (WordPress) or takes a fresh id (receiver), known as `posts[name]` from now on. */
    async newPost(name, title) {
      const id = await spec.newPost(title);
      posts[name] = id;
      postNames.set(id, name);
      return id;
    },
    /** `POST /wp/v2/comments` (WordPress) or `POST /api/comments` (receiver), JSON. */
    rest: (body, opts) => restAt(spec.restPath, body, opts),
    /** The same, while anonymous REST comments are off (WordPress) or through the 401 fault route (receiver). */
    restAnonymousOff: (body, opts) =>
      spec.anonymousOff ? spec.anonymousOff(() => restAt(spec.restPath, body, opts)) : restAt(spec.anonymousOffPath, body, opts),
    /** `GET …?post=<id>`, anonymous. */
    async restList(post) {
      const response = await fetch(`${base}${spec.restPath}?post=${post}`, {redirect: 'manual'});
      return normaliseRest(response, base, postNames);
    },
    /** `POST /wp-comments-post.php`, a form, as a browser without JavaScript sends it. */
    async classic(fields, opts) {
      const response = await fetch(`${base}/wp-comments-post.php`, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', ...headers(opts)},
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
      return normaliseClassic(response);
    },
    /** Approves comment `id` as a moderator; resolves when it is approved. */
    async approve(id) {
      const {path, body} = spec.approvePath(id);
      const response = await fetch(base + path, {
        method: 'POST',
        headers: {...spec.moderation, ...(body ? {'Content-Type': 'application/json'} : {})},
        body: body ? JSON.stringify(body) : undefined,
      });
      const answer = await response.json();
      if (response.status !== 200 || answer.status !== 'approved')
        throw new Error(`${spec.name}: approving ${id} answered ${response.status} ${JSON.stringify(answer)}`);
    },
  };
}

// --- normalising answers ---

const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

/**
 * A REST answer as a comparable value: status, the headers a client reads, and the body with
 * each comment's volatile values as tokens (`<id>`, `<datetime>`, `<post:open>`, `<post-link>`, …).
 * `raw` keeps the body as sent, for messages and debugging.
 */
export async function normaliseRest(response, base, postNames) {
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = {unparsable: text.slice(0, 200)};
  }
  const answer = {status: response.status, contentType: mediaType(response)};
  const location = response.headers.get('location');
  if (location)
    answer.location = isComment(body) ? tokeniseUrl(location, base).replace(new RegExp(`/${body.id}$`), '/<id>') : tokeniseUrl(location, base);
  if (response.headers.has('x-wp-total')) answer.total = response.headers.get('x-wp-total');
  if (response.headers.has('x-wp-totalpages')) answer.totalPages = response.headers.get('x-wp-totalpages');
  answer.body = Array.isArray(body)
    ? body.map((each) => normaliseComment(each, base, postNames))
    : isComment(body)
      ? normaliseComment(body, base, postNames)
      : body;
  Object.defineProperty(answer, 'raw', {value: body, enumerable: false});
  Object.defineProperty(answer, 'id', {value: isComment(body) ? body.id : undefined, enumerable: false});
  return answer;
}

function isComment(value) {
  return value !== null && typeof value === 'object' && typeof value.id === 'number' && value.type === 'comment';
}

function normaliseComment(comment, base, postNames) {
  if (!isComment(comment)) return comment;
  const out = {};
  for (const [key, value] of Object.entries(comment)) {
    switch (key) {
      case 'id':
        out.id = '<id>';
        break;
      case 'post':
        out.post = postNames.has(value) ? `<post:${postNames.get(value)}>` : value;
        break;
      case 'date':
      case 'date_gmt':
        out[key] = DATETIME.test(value) ? '<datetime>' : value;
        break;
      case 'link':
        // A link to the comment on its post's page: WordPress's permalink, the receiver's demo page.
        out.link = typeof value === 'string' && value.endsWith(`#comment-${comment.id}`) ? '<post-link>#comment-<id>' : value;
        break;
      case 'author_avatar_urls':
        out[key] = Object.fromEntries(
          Object.entries(value).map(([size, url]) => [
            size,
            /^https?:\/\/\d\.gravatar\.com\/avatar\/[0-9a-f]{32}\?s=\d+&d=mm&r=g$/.test(url) ? '<gravatar-url>' : url,
          ]),
        );
        break;
      case '_links':
        out[key] = JSON.parse(JSON.stringify(value), (k, v) =>
          k === 'href'
            ? tokeniseUrl(v, base).replace(`/comments/${comment.id}`, '/comments/<id>').replace(`/posts/${comment.post}`, '/posts/<post>')
            : v,
        );
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

function tokeniseUrl(url, base) {
  return url.startsWith(base) ? `<base>${url.slice(base.length)}` : url;
}

function mediaType(response) {
  return (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A classic answer as a comparable value: status; for a redirect, its target with the post's URL,
 * ids and the moderation hash as tokens; for a page, the wp_die() title and message (the markup
 * inside `<div class="wp-die-message">`, as the client reads it), or `empty: true`; and what it does
 * to cookies (`set` or `cleared`, by name without WordPress's per-site hash).
 */
export async function normaliseClassic(response) {
  const text = await response.text();
  const answer = {status: response.status};
  const location = response.headers.get('location');
  if (location) answer.location = tokeniseRedirect(location);
  // The comment's id, for a test that goes on with it (approves it, replies to it).
  Object.defineProperty(answer, 'id', {value: Number(/#comment-(\d+)$/.exec(location ?? '')?.[1]) || undefined, enumerable: false});
  const cookies = response.headers.getSetCookie();
  if (cookies.length) {
    answer.cookies = Object.fromEntries(
      cookies.map((cookie) => {
        const [pair] = cookie.split(';');
        const name = pair.split('=')[0].replace(/_[0-9a-f]{32}$/, '');
        const cleared = /max-age=0/i.test(cookie) || /expires=[^;]*\b(19|20[01])\d\b/i.test(cookie) || pair.endsWith('=%20') || pair.endsWith('=');
        return [name, cleared ? 'cleared' : 'set'];
      }),
    );
  }
  if (response.status !== 302) {
    if (text.trim() === '') {
      answer.empty = true;
    } else {
      answer.contentType = mediaType(response);
      answer.title = /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? null;
      answer.message = /<div class="wp-die-message">([\s\S]*?)<\/div>/.exec(text)?.[1].trim() ?? null;
      answer.backLink = text.includes("href='javascript:history.back()'");
    }
  }
  return answer;
}

function tokeniseRedirect(location) {
  const url = new URL(location, 'http://x.invalid');
  const id = /^#comment-(\d+)$/.exec(url.hash)?.[1];
  const query = [...url.searchParams]
    .filter(([key]) => key !== 'p') // the receiver's demo page names the post with ?p=; WordPress uses the permalink's path
    .map(([key, value]) => {
      if (key === 'unapproved' && value === id) return `${key}=<id>`;
      if (key === 'moderation-hash' && /^[0-9a-f]{32}$/.test(value)) return `${key}=<hash>`;
      return `${key}=${value}`;
    });
  return `<post-link>${query.length ? `?${query.join('&')}` : ''}${id ? '#comment-<id>' : url.hash}`;
}
