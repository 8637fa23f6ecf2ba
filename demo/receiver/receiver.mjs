/**
 * The reference receiver: the server side of the guide signup and the comment form, for the demo
 * and the tests. It answers like a WordPress site that enabled the `rest_allow_anonymous_comments`
 * filter (REST `POST /wp/v2/comments` and the classic `wp-comments-post.php`), plus a JSON signup
 * endpoint, and it persists to JSON-lines files so that a restart loses nothing.
 *
 * Framework-agnostic: `handle(req, res)` takes Node's IncomingMessage and ServerResponse, answers
 * its own routes and returns false for any other URL. Node built-ins only.
 *
 * Routes, shapes and the differences from WordPress are listed in ./README.md.
 */
import {createHmac, randomBytes, randomUUID} from 'node:crypto';
import {appendFile, mkdir, open, readFile, truncate} from 'node:fs/promises';
import {STATUS_CODES} from 'node:http';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));

const SIGNUPS_FILE = 'signups.jsonl';
const COMMENTS_FILE = 'comments.jsonl';
const IDEMPOTENCY_FILE = 'idempotency.jsonl';

const GUIDE_URL = '/demo/gut-health-guide.html';

/** A form filled faster than this was filled by a program. */
const MIN_FILL_MS = 1500;

/** Longest `Idempotency-Key` kept; longer keys are refused rather than silently cut. */
const MAX_IDEMPOTENCY_KEY = 255;

/**
 * The comment columns' limits on a default install (wp_get_comment_fields_max_lengths()), with
 * the codes and texts of wp_check_comment_data_max_lengths(). WordPress counts these in BYTES
 * (mb_strlen(..., '8bit') and strlen), so 245 letters "é" do not fit in the name.
 */
const COMMENT_LIMITS = [
  {field: 'author', max: 245, code: 'comment_author_column_length', text: 'Your name is too long.'},
  {field: 'email', max: 100, code: 'comment_author_email_column_length', text: 'Your email address is too long.'},
  {field: 'url', max: 200, code: 'comment_author_url_column_length', text: 'Your URL is too long.'},
  {field: 'content', max: 65525, code: 'comment_content_column_length', text: 'Your comment is too long.'},
];

/** Signup limits, counted in characters as a REST schema `maxLength` is. */
const SIGNUP_LIMITS = {email: 100, first_name: 245};

// WordPress's JSON carries `&#8217;` here; the decoded apostrophe is what a reader should see.
const DUPLICATE_TEXT = 'Duplicate comment detected; it looks as though you’ve already said that!';
const DUPLICATE_HTML = 'Duplicate comment detected; it looks as though you&#8217;ve already said that!';
const FLOOD_TEXT = 'You are posting comments too quickly. Slow down.';

/** Fault routes: `/api/faults/<fault>/<target>`, target -> the real route's path. */
const FAULT_PREFIX = '/api/faults/';
const FAULT_TARGETS = {
  'guide-signups': '/api/guide-signups',
  comments: '/api/comments',
  'wp-comments-post.php': '/wp-comments-post.php',
};
const FAULTS = new Set(['slow', 'fail-once', 'drop', 'lost', 'status', 'login-required', 'garbage', 'wrong-shape']);

/** Error bodies of the `status` fault, as WordPress (or the server in front of it) words them. */
const STATUS_ERRORS = {
  400: ['rest_invalid_param', 'Invalid parameter(s).'],
  401: ['rest_comment_login_required', 'Sorry, you must be logged in to comment.'],
  403: ['rest_forbidden', 'Sorry, you are not allowed to do that.'],
  404: ['rest_no_route', 'No route was found matching the URL and request method.'],
  429: ['too_many_requests', 'Too many requests.'],
  500: ['internal_server_error', 'There has been a critical error on this website.'],
  503: ['service_unavailable', 'Service unavailable.'],
};

/**
 * @typedef {object} ReceiverOptions
 * @property {string} [dataDir] folder of the JSON-lines files (default `demo/.data`, git-ignored)
 * @property {number} [floodWindowMs] WordPress's flood window (default 15000); 0 turns the check off
 * @property {(client: string, fields: Record<string, unknown>) => string} [floodKey] who counts as the same
 *   poster for the flood check, instead of WordPress's "same client or same email": a key made from the
 *   client (an opaque string) and the submission's fields (with `post` and `parent` as numbers for both
 *   comment routes). Comments with equal keys flood each other
 * @property {number} [maxBodyBytes] largest request body read (default 102400; three times that for
 *   `wp-comments-post.php`, whose urlencoded body takes up to three bytes per byte of text)
 * @property {((message: string) => void) | false} [log] where notices go (default console.log)
 */

/**
 * @typedef {object} Receiver
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>} handle
 *   answers the request and resolves true, or resolves false (and touches nothing) when the URL is not a receiver route
 * @property {() => Promise<void>} close waits for pending writes and closes the data files
 */

/**
 * Creates a receiver over a data folder. Existing files are loaded at once; `handle` waits for that.
 *
 * @param {ReceiverOptions} [options]
 * @returns {Receiver}
 */
export function createReceiver(options = {}) {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const floodWindowMs = options.floodWindowMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 102_400;
  const floodKey = options.floodKey;
  const log =
    options.log === false ? () => {} : typeof options.log === 'function' ? options.log : (message) => console.log(`[care-receiver] ${message}`);

  /** @type {Map<string, object>} signups by lowercased email */
  const signups = new Map();
  /** @type {Map<number, object>} comments by id, in id order */
  const comments = new Map();
  /** @type {Map<string, {status: number, headers: object, body: string}>} answers by route + Idempotency-Key */
  const answers = new Map();
  /** @type {Map<string, number>} requests seen by the fail-once and drop faults */
  const faultCounts = new Map();
  const discarded = {signups: 0, comments: 0};
  /** Cancels a `slow` fault's wait; emptied by close(). */
  const waits = new Set();
  // Keys WordPress's wp_hash() for the moderation-hash; any secret will do for a demo.
  const hashSecret = randomBytes(32);
  /** @type {Record<string, import('node:fs/promises').FileHandle>} */
  const files = {};
  let nextCommentId = 1;
  let closed = false;
  let closing;
  // Every change of state runs in this one queue. A check and the write it allows (duplicate,
  // flood, idempotency key) are then never interleaved with another request's, so two requests
  // with the same key store once, without a lock per key.
  let queue = Promise.resolve();

  const ready = load();
  ready.catch(() => {}); // reported by handle() and close(), not as an unhandled rejection

  return {handle, close};

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://receiver.invalid');
    const isFault = url.pathname.startsWith(FAULT_PREFIX);
    const route = isFault ? undefined : matchRoute(url.pathname);
    if (!isFault && !route) return false;
    try {
      if (closed) {
        send(res, jsonError(503, 'service_unavailable', 'The receiver is closed.'));
      } else {
        await ready;
        await (isFault ? runFault(req, res, url) : runRoute(route, req, res, url));
      }
    } catch (error) {
      if (error?.code !== 'ERR_REQUEST_ABORTED') log(`error in ${req.method} ${url.pathname}: ${error?.stack ?? error}`);
      send(res, jsonError(500, 'internal_server_error', 'There has been a critical error on this website.'));
    }
    return true;
  }

  async function close() {
    closed = true;
    for (const cancel of waits) cancel();
    closing ??= (async () => {
      await ready.catch(() => {});
      await queue;
      await Promise.all(Object.values(files).map((file) => file.close()));
    })();
    return closing;
  }

  // -------------------------------------------------------------------------------------------
  // Routing

  function matchRoute(pathname) {
    switch (pathname) {
      case '/api/guide-signups':
        return {path: pathname, methods: ['POST'], format: 'json', post: postSignup};
      case '/api/comments':
        return {path: pathname, methods: ['GET', 'HEAD', 'POST'], format: 'json', get: listComments, post: postComment};
      case '/wp-comments-post.php':
        // A form body spends three bytes (%XX) on each byte of non-ASCII text, so this route reads
        // three times the limit: a comment at WordPress's 65525-byte limit fits in any script.
        return {path: pathname, methods: ['POST'], format: 'html', post: postClassic, bodyLimit: maxBodyBytes * 3};
    }
    const approve = /^\/api\/comments\/([^/]+)\/approve$/.exec(pathname);
    if (approve) return {path: pathname, methods: ['POST'], format: 'json', post: () => approveComment(approve[1])};
    return undefined;
  }

  /** Answers a request on `route`; `deliver` sends the answer (the `lost` fault drops it instead). */
  async function runRoute(route, req, res, url, deliver = (answer) => send(res, answer)) {
    if (!route.methods.includes(req.method)) {
      send(res, methodNotAllowed(route));
      return;
    }
    if (req.method !== 'POST') {
      send(res, route.get(url));
      return;
    }
    const key = idempotencyKey(req);
    if (key === false) {
      send(res, errorAnswer(route.format, 400, 'rest_invalid_param', `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY} characters.`));
      return;
    }
    const limit = route.bodyLimit ?? maxBodyBytes;
    const body = await readBody(req, limit);
    if (body === null) {
      send(res, errorAnswer(route.format, 400, 'rest_body_too_large', `The request body is larger than ${limit} bytes.`));
      return;
    }
    const request = {body, contentType: mediaType(req.headers['content-type']), client: clientKey(req)};
    const answer = await exclusive(async () => {
      if (closed) return jsonError(503, 'service_unavailable', 'The receiver is closed.');
      const storeKey = key === undefined ? undefined : `${route.path}\n${key}`;
      const first = storeKey && answers.get(storeKey);
      if (first) {
        log(`replayed the answer to ${route.path} for Idempotency-Key ${JSON.stringify(key)}`);
        return {...first, headers: {...first.headers, 'Idempotent-Replayed': 'true'}};
      }
      const outcome = await route.post(request);
      // Only an accepted submission is remembered: after a refusal (a field error, a flood) the
      // reader corrects and sends again, perhaps with the same key, and must get a fresh verdict.
      if (storeKey && outcome.accepted) {
        await append(IDEMPOTENCY_FILE, {route: route.path, key, answer: outcome.answer, at: new Date().toISOString()});
        answers.set(storeKey, outcome.answer);
      }
      return outcome.answer;
    });
    deliver(answer);
  }

  function exclusive(task) {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  // -------------------------------------------------------------------------------------------
  // POST /api/guide-signups

  async function postSignup(request) {
    const parsed = parseFields(request.body, request.contentType);
    if (parsed.error) return refuse(parsed.error);
    const fields = parsed.fields;
    const params = {};
    const email = stringParam(fields, 'email', params).trim();
    if (!params.email) {
      if (charLength(email) > SIGNUP_LIMITS.email) params.email = `email must be at most ${SIGNUP_LIMITS.email} characters long.`;
      else if (!isEmail(email)) params.email = 'Invalid email address.';
    }
    const firstName = stringParam(fields, 'first_name', params).trim();
    if (!params.first_name && charLength(firstName) > SIGNUP_LIMITS.first_name) {
      params.first_name = `first_name must be at most ${SIGNUP_LIMITS.first_name} characters long.`;
    }
    const consent = booleanParam(fields, 'consent', params);
    if (!params.consent && consent !== true) params.consent = 'consent must be true: the guide is sent only with consent.';
    const offer = booleanParam(fields, 'offer', params);
    if (Object.keys(params).length) return refuse(invalidParams(params));

    // The three answers below are the same shape with a fresh id, so an answer tells nobody
    // whether an address is on the list, nor whether the server believed the sender.
    const spam = spamReason(fields);
    if (spam) {
      discarded.signups += 1;
      log(`discarded a guide signup (${spam}); ${discarded.signups} discarded so far`);
      return accept(json(201, signupAnswer(randomUUID())));
    }
    if (signups.has(email.toLowerCase())) {
      log('a guide signup for an address already on the list: nothing stored');
      return accept(json(201, signupAnswer(randomUUID())));
    }
    const record = {id: randomUUID(), email, first_name: firstName, consent: true, offer, created: new Date().toISOString()};
    await append(SIGNUPS_FILE, record);
    signups.set(email.toLowerCase(), record);
    log(`stored guide signup ${record.id}${offer ? ' (with the free supply)' : ''}`);
    return accept(json(201, signupAnswer(record.id)));
  }

  // -------------------------------------------------------------------------------------------
  // POST /api/comments: WordPress REST, in WP_REST_Comments_Controller's order of checks

  async function postComment(request) {
    const parsed = parseFields(request.body, request.contentType);
    if (parsed.error) return refuse(parsed.error);
    const fields = parsed.fields;

    // 1. The schema: types and formats, every bad parameter named at once.
    const params = {};
    const post = integerParam(fields, 'post', params);
    const parent = integerParam(fields, 'parent', params);
    const author = stripTags(stringParam(fields, 'author_name', params)).trim();
    const email = stringParam(fields, 'author_email', params).trim();
    // An empty email passes here and is refused below as missing author data, as WordPress does.
    if (!params.author_email && email !== '' && !isEmail(email)) params.author_email = 'Invalid email address.';
    const rawUrl = stringParam(fields, 'author_url', params).trim();
    const url = rawUrl === '' ? '' : normalizeUrl(rawUrl);
    if (!params.author_url && url === null) params.author_url = 'Invalid URI.';
    const content = contentParam(fields);
    if (Object.keys(params).length) return refuse(invalidParams(params));

    // 2. The permission check, then create_item().
    if (post <= 0) {
      return refuse(jsonError(403, 'rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.'));
    }
    if (parent !== 0 && !isReplyable(parent, post, false)) return refuse(invalidParams({parent: 'Invalid parent comment ID.'}));
    if (content === '') return refuse(jsonError(400, 'rest_comment_content_invalid', 'Invalid comment content.'));
    if (author === '' || email === '') {
      return refuse(jsonError(400, 'rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.'));
    }
    const tooLong = overLimit({author, email, url: rawUrl, content});
    if (tooLong) return refuse(jsonError(400, tooLong.code, 'Comment field exceeds maximum length allowed.'));

    const result = await admitComment({post, parent, author, email, url, content, fields, client: request.client});
    if (result.kind === 'duplicate') return refuse(jsonError(409, 'comment_duplicate', DUPLICATE_TEXT));
    if (result.kind === 'flood') return refuse(jsonError(400, 'comment_flood', FLOOD_TEXT));
    return accept(json(201, publicComment(result.comment)));
  }

  // -------------------------------------------------------------------------------------------
  // POST /wp-comments-post.php: wp_handle_comment_submission() and wp-comments-post.php

  async function postClassic(request) {
    // PHP fills $_POST from urlencoded (and multipart) bodies only; anything else arrives empty,
    // and an empty submission names no post: WordPress then exits with an empty 200.
    const fields = request.contentType === 'application/x-www-form-urlencoded' ? formFields(request.body) : {};
    const text = (name) => {
      const value = own(fields, name);
      return typeof value === 'string' ? value : '';
    };
    const parent = Math.abs(phpInt(text('comment_parent')));
    const post = phpInt(text('comment_post_ID'));
    // WordPress 6.2+ refuses a reply to a missing or unapproved comment, before it looks at the post.
    if (parent !== 0 && !isReplyable(parent, post, true)) return refuse(diePage(403, 'Sorry, replies to unapproved comments are not allowed.'));
    if (post <= 0) return refuse(emptyPage());

    const author = stripTags(text('author')).trim();
    const email = text('email').trim();
    const rawUrl = text('url').trim();
    const content = text('comment').trim();
    if (author === '' || email === '') return refuse(diePage(200, '<strong>Error:</strong> Please fill the required fields.'));
    if (!isEmail(email)) return refuse(diePage(200, '<strong>Error:</strong> Please enter a valid email address.'));
    if (content === '') return refuse(diePage(200, '<strong>Error:</strong> Please type your comment text.'));
    const tooLong = overLimit({author, email, url: rawUrl, content});
    if (tooLong) return refuse(diePage(200, `<strong>Error:</strong> ${tooLong.text}`));
    // WordPress's pre_comment_author_url filter (esc_url_raw) empties a URL it will not keep.
    const url = rawUrl === '' ? '' : (normalizeUrl(rawUrl) ?? '');

    const result = await admitComment({post, parent, author, email, url, content, fields, client: request.client});
    if (result.kind === 'duplicate') return refuse(diePage(409, DUPLICATE_HTML));
    if (result.kind === 'flood') return refuse(diePage(429, FLOOD_TEXT));
    const comment = result.comment;
    let location = `/demo/?p=${comment.post}`;
    // No cookie is ever set here, so a held comment always carries the query arguments that let
    // the theme show "Your comment is awaiting moderation." (wp-comments-post.php).
    if (comment.status !== 'approved') {
      const hash = createHmac('md5', hashSecret).update(comment.date_gmt).digest('hex');
      location += `&unapproved=${comment.id}&moderation-hash=${hash}`;
    }
    location += `#comment-${comment.id}`;
    return accept({status: 302, headers: {...htmlHeaders(), Location: location}, body: ''});
  }

  // -------------------------------------------------------------------------------------------
  // Comment storage, shared by both comment routes

  /** Whether `parent` is a comment on `post` (REST), or an approved comment (the classic handler). */
  function isReplyable(parent, post, classic) {
    const comment = comments.get(parent);
    if (!comment) return false;
    return classic ? comment.status === 'approved' : comment.post === post;
  }

  /**
   * wp_allow_comment() and wp_insert_comment(): duplicate check, flood check, the moderation
   * verdict, then one fsynced line. Runs inside the queue.
   */
  async function admitComment(input) {
    const now = Date.now();
    const spam = spamReason(input.fields);
    if (spam) {
      discarded.comments += 1;
      log(`discarded a comment (${spam}); ${discarded.comments} discarded so far`);
      // Looks like a held comment, so a bot cannot tell; the id is used up but nothing is kept.
      const id = nextCommentId++;
      return {kind: 'created', comment: commentRecord(id, input, now, 'hold')};
    }
    const all = [...comments.values()];
    // MySQL's default collation compares case-insensitively and ignores trailing spaces.
    const duplicate = all.some(
      (c) =>
        c.post === input.post &&
        c.parent === input.parent &&
        same(c.author_name, input.author) &&
        (input.email === '' || same(c.author_email, input.email)) &&
        same(c.content, input.content),
    );
    if (duplicate) return {kind: 'duplicate'};
    const key = floodKey ? String(floodKey(input.client, {...input.fields, post: input.post, parent: input.parent})) : undefined;
    if (floodWindowMs > 0) {
      // wp_check_comment_flood(): the last comment from this address OR this email, unless the
      // owner said otherwise.
      const samePoster = key === undefined ? (c) => c.client === input.client || same(c.author_email, input.email) : (c) => c.flood_key === key;
      const last = all.reduce((latest, c) => (samePoster(c) ? Math.max(latest, c.created_ms) : latest), -Infinity);
      if (now - last < floodWindowMs) return {kind: 'flood'};
    }
    // check_comment() with "Comment author must have a previously approved comment" on, the
    // default: the same name AND email on an approved comment.
    const known = all.some((c) => c.status === 'approved' && same(c.author_name, input.author) && same(c.author_email, input.email));
    const record = {...commentRecord(nextCommentId, input, now, known ? 'approved' : 'hold'), client: input.client};
    if (key !== undefined) record.flood_key = key;
    await append(COMMENTS_FILE, record);
    comments.set(record.id, record);
    nextCommentId = record.id + 1;
    log(`stored comment ${record.id} on post ${record.post} (${record.status})`);
    return {kind: 'created', comment: record};
  }

  async function approveComment(idText) {
    const comment = /^\d+$/.test(idText) ? comments.get(Number(idText)) : undefined;
    if (!comment) return refuse(jsonError(404, 'rest_comment_invalid_id', 'Invalid comment ID.'));
    if (comment.status !== 'approved') {
      // An event line rather than a rewrite: the file only grows, so a crash can at worst tear
      // its last line, which load() handles, never lose a comment already stored.
      await append(COMMENTS_FILE, {op: 'approve', id: comment.id});
      comment.status = 'approved';
      log(`approved comment ${comment.id}`);
    }
    return accept(json(200, publicComment(comment)));
  }

  // -------------------------------------------------------------------------------------------
  // GET /api/comments

  function listComments(url) {
    const query = url.searchParams;
    const params = {};
    let post;
    if (query.has('post')) {
      post = integerParam({post: query.get('post')}, 'post', params);
    }
    const status = query.get('status') ?? 'approve';
    if (!['approve', 'hold', 'all'].includes(status)) params.status = 'status is not one of approve, hold, all.';
    const order = query.get('order') ?? 'asc';
    if (!['asc', 'desc'].includes(order)) params.order = 'order is not one of asc, desc.';
    if (Object.keys(params).length) return invalidParams(params);

    const wanted = status === 'approve' ? 'approved' : status;
    const list = [...comments.values()]
      .filter((c) => (post === undefined || c.post === post) && (wanted === 'all' || c.status === wanted))
      .map(publicComment);
    if (order === 'desc') list.reverse();
    return json(200, list, {'X-WP-Total': String(list.length), 'X-WP-TotalPages': list.length ? '1' : '0'});
  }

  // -------------------------------------------------------------------------------------------
  // Fault routes

  async function runFault(req, res, url) {
    const [fault, ...rest] = url.pathname.slice(FAULT_PREFIX.length).split('/');
    const target = rest.join('/');
    const route = FAULTS.has(fault) && Object.hasOwn(FAULT_TARGETS, target) ? matchRoute(FAULT_TARGETS[target]) : undefined;
    if (!route) {
      send(res, jsonError(404, 'rest_no_route', `No fault route at ${url.pathname}. Faults: ${[...FAULTS].join(', ')}. Targets: ${Object.keys(FAULT_TARGETS).join(', ')}.`));
      return;
    }
    const query = url.searchParams;
    switch (fault) {
      case 'slow': {
        const ms = clampInt(query.get('ms'), 3000, 0, 60_000);
        if (!(await wait(ms, res))) {
          log(`slow ${target}: the client left during the ${ms} ms wait; nothing done`);
          return;
        }
        await runRoute(route, req, res, url);
        return;
      }
      case 'fail-once':
      case 'drop':
      case 'lost': {
        const times = query.has('times') ? clampInt(query.get('times'), 1, 0, Number.MAX_SAFE_INTEGER) : fault === 'fail-once' ? 1 : Infinity;
        // Counted per Idempotency-Key, so a client's retries of one submission see the fault
        // end; without a key, per client and target. `scope` lets each test count afresh.
        const key = idempotencyKey(req) || `client ${clientKey(req)}`;
        const counter = [fault, target, query.get('scope') ?? '', key].join('\n');
        const seen = faultCounts.get(counter) ?? 0;
        if (seen < times) {
          faultCounts.set(counter, seen + 1);
          log(`${fault} ${target}: request ${seen + 1} of ${times}`);
          if (fault === 'drop') req.socket.destroy();
          // Handled and stored as usual; only the answer never arrives.
          else if (fault === 'lost') await runRoute(route, req, res, url, () => cutOff(res));
          else send(res, errorAnswer(route.format, 503, 'service_unavailable', 'Service unavailable.', {'Retry-After': '0'}));
          return;
        }
        await runRoute(route, req, res, url);
        return;
      }
      case 'status':
      case 'login-required': {
        const code = fault === 'login-required' ? 401 : clampInt(query.get('code'), 500, 400, 599);
        const [errorCode, message] = STATUS_ERRORS[code] ?? [`http_${code}`, STATUS_CODES[code] ?? 'Error.'];
        const headers = query.has('retry-after') ? {'Retry-After': String(clampInt(query.get('retry-after'), 0, 0, 86_400))} : {};
        send(res, errorAnswer(route.format, code, errorCode, message, headers));
        return;
      }
      case 'garbage':
        send(res, {status: 200, headers: {'Content-Type': 'application/json', 'Cache-Control': 'no-store'}, body: '<html>not json'});
        return;
      case 'wrong-shape':
        send(res, json(201, [1, 2, 3]));
        return;
    }
  }

  /** Resolves true after `ms`, or false as soon as the client goes away or the receiver closes. */
  function wait(ms, res) {
    return new Promise((resolve) => {
      // The client may have gone already (while the data was loading): 'close' will not come again.
      if (isGone(res)) {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => finish(true), ms);
      const onClose = () => finish(false);
      const cancel = () => {
        finish(false);
        res.destroy();
      };
      function finish(elapsed) {
        clearTimeout(timer);
        res.off('close', onClose);
        waits.delete(cancel);
        resolve(elapsed);
      }
      res.on('close', onClose);
      waits.add(cancel);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Persistence

  async function load() {
    await mkdir(dataDir, {recursive: true});
    for (const record of await readLines(SIGNUPS_FILE)) {
      if (typeof record.email === 'string') signups.set(record.email.toLowerCase(), record);
    }
    for (const line of await readLines(COMMENTS_FILE)) {
      if (line.op === 'approve') {
        const comment = comments.get(line.id);
        if (comment) comment.status = 'approved';
      } else if (Number.isSafeInteger(line.id) && line.id > 0) {
        comments.set(line.id, line);
        nextCommentId = Math.max(nextCommentId, line.id + 1);
      }
    }
    for (const entry of await readLines(IDEMPOTENCY_FILE)) {
      if (typeof entry.route === 'string' && typeof entry.key === 'string' && entry.answer) answers.set(`${entry.route}\n${entry.key}`, entry.answer);
    }
    for (const name of [SIGNUPS_FILE, COMMENTS_FILE, IDEMPOTENCY_FILE]) files[name] = await open(join(dataDir, name), 'a');
    log(`loaded ${signups.size} signups, ${comments.size} comments and ${answers.size} idempotent answers from ${dataDir}`);
  }

  /**
   * The objects of one JSON-lines file. A process killed mid-write leaves a last line without its
   * newline: it is kept if it parses (and the newline added), else cut off with a warning, so the
   * next append starts on a line of its own.
   */
  async function readLines(name) {
    const path = join(dataDir, name);
    let buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
    const end = buffer.lastIndexOf(0x0a) + 1;
    const lines = buffer.subarray(0, end).toString('utf8').split('\n');
    if (end < buffer.length) {
      const tail = buffer.subarray(end).toString('utf8');
      if (parseLine(tail)) {
        lines.push(tail);
        await appendFile(path, '\n');
      } else {
        log(`warning: ${name} ends with a torn line (${buffer.length - end} bytes), probably from a crash; it was dropped`);
        await truncate(path, end);
      }
    }
    const values = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const value = parseLine(line);
      if (value) values.push(value);
      else log(`warning: ${name} line ${index + 1} is not a JSON object; skipped`);
    });
    return values;
  }

  async function append(name, value) {
    const file = files[name];
    await file.appendFile(`${JSON.stringify(value)}\n`);
    // Written through to the disk before the answer promises the reader it was kept.
    await file.sync();
  }
}

// ---------------------------------------------------------------------------------------------
// Answers: {status, headers, body}, so they can be stored and replayed byte for byte

function refuse(answer) {
  return {answer, accepted: false};
}

function accept(answer) {
  return {answer, accepted: true};
}

function json(status, value, headers = {}) {
  return {
    status,
    headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers},
    body: JSON.stringify(value),
  };
}

/** WordPress's error shape: `{code, message, data: {status, params?}}`. */
function jsonError(status, code, message, data = {}, headers = {}) {
  return json(status, {code, message, data: {status, ...data}}, headers);
}

function invalidParams(params) {
  return jsonError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, {params});
}

function htmlHeaders() {
  return {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'};
}

/** wp_die()'s page as wp-comments-post.php calls it (with `back_link`); `messageHtml` is trusted markup. */
function diePage(status, messageHtml) {
  const body =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Comment Submission Failure</title></head>' +
    `<body id="error-page"><div class="wp-die-message"><p>${messageHtml}</p></div>` +
    `<p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
  return {status, headers: htmlHeaders(), body};
}

/** What WordPress sends for a missing, trashed, draft or password-protected post: nothing. */
function emptyPage() {
  return {status: 200, headers: htmlHeaders(), body: ''};
}

/** An error in the target's own language: JSON for the REST routes, a wp_die() page for the classic one. */
function errorAnswer(format, status, code, message, headers = {}) {
  if (format === 'html') {
    const page = diePage(status, escapeHtml(message));
    return {...page, headers: {...page.headers, ...headers}};
  }
  return jsonError(status, code, message, {}, headers);
}

function methodNotAllowed(route) {
  const allow = route.methods.join(', ');
  // wp-comments-post.php answers a GET with exactly this: 405, Allow: POST, an empty text/plain.
  if (route.format === 'html') return {status: 405, headers: {Allow: allow, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store'}, body: ''};
  return jsonError(405, 'rest_no_route', 'No route was found matching the URL and request method.', {}, {Allow: allow});
}

function signupAnswer(id) {
  return {status: 'subscribed', id, guide_url: GUIDE_URL};
}

function commentRecord(id, input, now, status) {
  return {
    id,
    post: input.post,
    parent: input.parent,
    author_name: input.author,
    author_email: input.email,
    author_url: input.url,
    content: input.content,
    date_gmt: new Date(now).toISOString().slice(0, 19),
    created_ms: now,
    status,
  };
}

/** A comment as WP_REST_Comments_Controller shows it in the `view` context: never the email. */
function publicComment(c) {
  return {
    id: c.id,
    post: c.post,
    parent: c.parent,
    author: 0,
    author_name: c.author_name,
    author_url: c.author_url,
    // The demo site's timezone is UTC, so local and GMT times are the same.
    date: c.date_gmt,
    date_gmt: c.date_gmt,
    content: {rendered: renderContent(c.content)},
    link: `/demo/#comment-${c.id}`,
    status: c.status,
    type: 'comment',
  };
}

/**
 * Paragraphs and line breaks as wpautop() makes them, but every character escaped: no markup
 * from a reader survives (WordPress would keep a kses-filtered subset).
 */
function renderContent(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br />\n')}</p>`)
    .join('\n');
}

/**
 * Starts an answer and closes the connection in its body: the client learns nothing of the
 * outcome. (A connection closed before any byte would make browsers resend the request on their
 * own, so the fault would not be seen.)
 */
function cutOff(res) {
  if (res.headersSent || res.destroyed || res.writableEnded) return;
  res.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '1024', 'Cache-Control': 'no-store'});
  res.write('The answer was cut', () => res.destroy());
}

function send(res, answer) {
  if (res.headersSent || res.destroyed || res.writableEnded) return;
  res.writeHead(answer.status, {...answer.headers, 'Content-Length': String(Buffer.byteLength(answer.body))});
  res.end(answer.body);
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * The body, or null as soon as it is known to exceed `limit`. Past the limit nothing more is kept:
 * the rest is read and dropped, so the answer goes out at once and the connection stays usable.
 */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    // A request whose connection is already closed will never emit 'end' nor 'close' again.
    if (req.destroyed) {
      reject(Object.assign(new Error('The client closed the request before its body ended.'), {code: 'ERR_REQUEST_ABORTED'}));
      return;
    }
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        done();
        req.resume(); // drop the rest rather than leave the connection stuck mid-body
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onClose = () => {
      done();
      reject(Object.assign(new Error('The client closed the request before its body ended.'), {code: 'ERR_REQUEST_ABORTED'}));
    };
    function done() {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onClose);
    req.on('close', onClose);
  });
}

function isGone(res) {
  return res.destroyed || !res.socket || res.socket.destroyed;
}

function mediaType(header) {
  return String(header ?? '').split(';')[0].trim().toLowerCase();
}

/** The header's key; undefined without one; false when it is too long to keep. */
function idempotencyKey(req) {
  const value = req.headers['idempotency-key'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.length > MAX_IDEMPOTENCY_KEY ? false : value;
}

/**
 * Who is posting, for the flood check and the per-client faults: the socket's address, or the
 * `X-Care-Client` header when present. The header exists so that tests, which all come from one
 * address, can act as several clients; it is not a proxy header and nothing else reads it.
 */
function clientKey(req) {
  const header = req.headers['x-care-client'];
  if (typeof header === 'string' && header.trim() !== '') return `header ${header.trim().slice(0, 200)}`;
  return `address ${req.socket?.remoteAddress ?? 'unknown'}`;
}

/** `{fields}` from a JSON or urlencoded body, or `{error}` (an answer) for anything else. */
function parseFields(buffer, contentType) {
  if (contentType === 'application/json') {
    const text = buffer.toString('utf8');
    // WordPress reads an empty JSON body as no parameters at all.
    if (text.trim() === '') return {fields: {}};
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return {error: jsonError(400, 'rest_invalid_json', 'Invalid JSON body passed.', {json_error_message: error.message})};
    }
    if (!isPlainObject(value)) return {error: jsonError(400, 'rest_invalid_param', 'The JSON body must be an object of parameters.')};
    return {fields: value};
  }
  if (contentType === 'application/x-www-form-urlencoded') return {fields: formFields(buffer)};
  return {
    error: jsonError(
      400,
      'rest_invalid_param',
      `Unsupported Content-Type ${JSON.stringify(contentType || '(none)')}: send application/json or application/x-www-form-urlencoded.`,
    ),
  };
}

/** Urlencoded fields; a repeated name keeps its last value, as PHP's $_POST does. */
function formFields(buffer) {
  return Object.fromEntries(new URLSearchParams(buffer.toString('utf8')));
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of the request's own, never one inherited from Object.prototype. */
function own(fields, name) {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

function stringParam(fields, name, params) {
  const value = own(fields, name);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    params[name] = `${name} is not of type string.`;
    return '';
  }
  return value;
}

/** An integer as rest_is_integer() accepts it (a number or a string of digits); 0 when absent. */
function integerParam(fields, name, params) {
  const value = own(fields, name);
  if (value === undefined || value === null || value === '') return 0;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) {
    params[name] = `${name} is not of type integer.`;
    return 0;
  }
  return number;
}

/** A boolean as rest_sanitize_boolean() reads it, plus the "on" of an unvalued checkbox. */
function booleanParam(fields, name, params) {
  const value = own(fields, name);
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(word)) return true;
    if (['', '0', 'false', 'off', 'no'].includes(word)) return false;
  }
  params[name] = `${name} is not of type boolean.`;
  return false;
}

/** `content` as a string or as `{raw}`, both of which WordPress takes; trimmed. */
function contentParam(fields) {
  const value = own(fields, 'content');
  if (typeof value === 'string') return value.trim();
  if (isPlainObject(value) && typeof value.raw === 'string') return value.raw.trim();
  return '';
}

/** Why a submission looks like a program's (honeypot filled, or filled too fast), or ''. */
function spamReason(fields) {
  const honeypot = own(fields, 'extra_info');
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return 'honeypot filled';
  const raw = own(fields, 'fill_ms');
  const fillMs = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isFinite(fillMs) && fillMs < MIN_FILL_MS) return `filled in ${fillMs} ms`;
  return '';
}

/** The first column limit the values break (WordPress's order), or undefined. */
function overLimit(values) {
  return COMMENT_LIMITS.find((limit) => Buffer.byteLength(values[limit.field], 'utf8') > limit.max);
}

/** PHP's (int) cast of a string: its leading integer, else 0. */
function phpInt(text) {
  const match = /^\s*[+-]?\d+/.exec(text);
  return match ? Number.parseInt(match[0], 10) || 0 : 0;
}

function clampInt(text, fallback, min, max) {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return fallback;
  return Math.min(max, Math.max(min, Number(text)));
}

function charLength(text) {
  return [...text].length;
}

function same(a, b) {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

function stripTags(text) {
  return text.replace(/<[^>]*>?/g, '');
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;'})[c]);
}

/**
 * An http(s) URL to keep, or null. A bare host gets `http://`, as WordPress's esc_url() adds it.
 */
function normalizeUrl(text) {
  const candidate = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `http://${text}`;
  let url;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? candidate : null;
}

/** WordPress's is_email(), rule for rule (so an address WordPress refuses is refused here too). */
function isEmail(email) {
  if (email.length < 6) return false;
  const at = email.indexOf('@', 1);
  if (at === -1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (/\.{2,}/.test(domain)) return false;
  if (hasEdge(domain, ' \t\n\r\0\x0B.')) return false;
  const subs = domain.split('.');
  if (subs.length < 2) return false;
  return subs.every((sub) => !hasEdge(sub, ' \t\n\r\0\x0B-') && /^[a-z0-9-]+$/i.test(sub));
}

/** Whether PHP's trim($text, $chars) would change `text`. */
function hasEdge(text, chars) {
  return text !== '' && (chars.includes(text[0]) || chars.includes(text[text.length - 1]));
}

function parseLine(line) {
  try {
    const value = JSON.parse(line);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
