/**
 * One contract, two servers: the same comment cases, over real HTTP, against WordPress (the
 * instance run.mjs provisioned) and against the reference receiver (demo/receiver/).
 *
 * Each case's `expect` is WordPress 6.1's answer, normalised (targets.mjs: ids, dates, hosts and
 * hashes become tokens). The receiver must give the same answer, except where KNOWN_DIFFERENCES
 * (below, the one place) says otherwise; a row that no longer matches the receiver's answer fails
 * too, so the table cannot go stale.
 *
 * Visitors: every case posts as visitors of its own (`X-Care-Client` names the visitor; both
 * servers turn it into the client address their flood check counts) with emails of its own, so no
 * case floods another. Both servers keep WordPress's flood window (15 s, same address or same
 * email): the two "approved author" cases, whose author posted before, run last and wait until 16 s
 * have passed since that first comment. The two servers run at the same time to share that wait.
 *
 * Without CARE_WP_INSTANCE (run outside run.mjs) the WordPress half is skipped, visibly.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {receiverTarget, wordpressInfo, wordpressTarget} from './targets.mjs';

const FLOOD_WAIT_MS = 16_000;

// --- WordPress's answers, normalised ---

const GRAVATAR = {24: '<gravatar-url>', 48: '<gravatar-url>', 96: '<gravatar-url>'};

/** A comment as WordPress's REST API shows it to an anonymous visitor. */
function restComment({post = 'open', author, status, text}) {
  return {
    id: '<id>',
    post: `<post:${post}>`,
    parent: 0,
    author: 0,
    author_name: author,
    author_url: '',
    date: '<datetime>',
    date_gmt: '<datetime>',
    content: {rendered: `<p>${text}</p>\n`},
    link: '<post-link>#comment-<id>',
    status,
    type: 'comment',
    author_avatar_urls: GRAVATAR,
    meta: [],
    _links: {
      self: [{href: '<base>/wp-json/wp/v2/comments/<id>'}],
      collection: [{href: '<base>/wp-json/wp/v2/comments'}],
      up: [{embeddable: true, post_type: 'post', href: '<base>/wp-json/wp/v2/posts/<post>'}],
    },
  };
}

const created = (comment) => ({status: 201, contentType: 'application/json', location: '<base>/wp-json/wp/v2/comments/<id>', body: comment});
const restError = (status, code, message, data = {}) => ({status, contentType: 'application/json', body: {code, message, data: {status, ...data}}});

/** wp_die()'s page as wp-comments-post.php sends it. */
const diePage = (status, message) => ({
  status,
  contentType: 'text/html',
  title: 'Comment Submission Failure',
  message: `<p>${message}</p>`,
  backLink: true,
});
/** A redirect to the new comment; a held one carries what lets the theme show "awaiting moderation". */
const CLEARED_COOKIES = {comment_author: 'cleared', comment_author_email: 'cleared', comment_author_url: 'cleared'};
const heldRedirect = {status: 302, location: '<post-link>?unapproved=<id>&moderation-hash=<hash>#comment-<id>', cookies: CLEARED_COOKIES};
const approvedRedirect = {status: 302, location: '<post-link>#comment-<id>', cookies: CLEARED_COOKIES};

const FLOOD = 'You are posting comments too quickly. Slow down.';
const DUPLICATE = 'Duplicate comment detected; it looks as though you&#8217;ve already said that!';
const NO_POST = 'Sorry, you are not allowed to create this comment without a post.';

// --- the cases ---

/**
 * A visitor of its own for each case and role: a client name, a name and an email no other case
 * uses, in this run or an earlier one on the same server (`run.mjs --serve` keeps one up).
 */
const RUN = Date.now().toString(36);
const visitor = (key) => ({client: `visitor-${key}-${RUN}`, name: `Reader ${key}`, email: `${key}-${RUN}@example.com`});
/** The request options of a visitor's request. */
const from = (key) => ({client: visitor(key).client});
const restBody = (v, post, text) => ({post, author_name: v.name, author_email: v.email, content: text});
const classicFields = (v, post, text) => ({
  comment_post_ID: String(post),
  author: v.name,
  email: v.email,
  url: '',
  comment: text,
  comment_parent: '0',
});

/**
 * `run(target, state)` sends what the case is about and resolves with the answer to compare;
 * `expect` is WordPress's answer. `state` holds what `seed` prepared on that target.
 */
const CASES = [
  // REST (anonymous comments on)
  {
    key: 'rest-held',
    name: 'REST: a first comment is held for moderation (201, status hold)',
    run: (t) => t.rest(restBody(visitor('rest-held'), t.posts.open, 'A first comment.'), from('rest-held')),
    expect: created(restComment({author: 'Reader rest-held', status: 'hold', text: 'A first comment.'})),
  },
  {
    key: 'rest-duplicate',
    name: 'REST: the same comment again is a duplicate (409 comment_duplicate)',
    async run(t) {
      const v = visitor('rest-duplicate');
      assert.equal((await t.rest(restBody(v, t.posts.open, 'Said once.'), {client: v.client})).status, 201);
      return t.rest(restBody(v, t.posts.open, 'Said once.'), {client: v.client});
    },
    expect: restError(409, 'comment_duplicate', DUPLICATE),
  },
  {
    key: 'rest-flood-address',
    name: 'REST: a second comment at once from the same address is a flood (400 comment_flood)',
    async run(t) {
      const v = visitor('rest-flood-address');
      assert.equal((await t.rest(restBody(v, t.posts.open, 'One.'), {client: v.client})).status, 201);
      return t.rest({...restBody(v, t.posts.open, 'Two.'), author_email: visitor('rest-flood-address-2').email}, {client: v.client});
    },
    expect: restError(400, 'comment_flood', FLOOD),
  },
  {
    key: 'rest-flood-email',
    name: 'REST: a second comment at once with the same email from elsewhere is a flood (400 comment_flood)',
    async run(t) {
      const v = visitor('rest-flood-email');
      assert.equal((await t.rest(restBody(v, t.posts.open, 'One.'), {client: v.client})).status, 201);
      return t.rest(restBody(v, t.posts.open, 'Two.'), from('rest-flood-email-elsewhere'));
    },
    expect: restError(400, 'comment_flood', FLOOD),
  },
  {
    key: 'rest-invalid-email',
    name: 'REST: an invalid email (400 rest_invalid_param, params.author_email)',
    run: (t) =>
      t.rest({...restBody(visitor('rest-invalid-email'), t.posts.open, 'Hello.'), author_email: 'not-an-email'}, from('rest-invalid-email')),
    expect: restError(400, 'rest_invalid_param', 'Invalid parameter(s): author_email', {
      params: {author_email: 'Invalid email address.'},
      details: {author_email: {code: 'rest_invalid_email', message: 'Invalid email address.', data: null}},
    }),
  },
  {
    key: 'rest-missing-email',
    name: 'REST: no email (400 rest_comment_author_data_required)',
    run: (t) => t.rest({post: t.posts.open, author_name: 'Reader rest-missing-email', content: 'Hello.'}, from('rest-missing-email')),
    expect: restError(400, 'rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.'),
  },
  {
    key: 'rest-missing-name',
    name: 'REST: no name (400 rest_comment_author_data_required)',
    run: (t) => t.rest({post: t.posts.open, author_email: visitor('rest-missing-name').email, content: 'Hello.'}, from('rest-missing-name')),
    expect: restError(400, 'rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.'),
  },
  {
    key: 'rest-empty-content',
    name: 'REST: empty content (400 rest_comment_content_invalid)',
    run: (t) => t.rest(restBody(visitor('rest-empty-content'), t.posts.open, ''), from('rest-empty-content')),
    expect: restError(400, 'rest_comment_content_invalid', 'Invalid comment content.'),
  },
  {
    key: 'rest-name-too-long',
    name: 'REST: a name over 245 bytes (400 comment_author_column_length)',
    run: (t) =>
      t.rest({...restBody(visitor('rest-name-too-long'), t.posts.open, 'Hello.'), author_name: 'é'.repeat(123)}, from('rest-name-too-long')),
    expect: restError(400, 'comment_author_column_length', 'Comment field exceeds maximum length allowed.'),
  },
  {
    key: 'rest-no-post',
    name: 'REST: no post (403 rest_comment_invalid_post_id)',
    run: (t) => t.rest(restBody(visitor('rest-no-post'), undefined, 'Hello.'), from('rest-no-post')),
    expect: restError(403, 'rest_comment_invalid_post_id', NO_POST),
  },
  {
    key: 'rest-unknown-post',
    name: 'REST: a post that does not exist (403 rest_comment_invalid_post_id)',
    run: (t) => t.rest(restBody(visitor('rest-unknown-post'), t.posts.missing, 'Hello.'), from('rest-unknown-post')),
    expect: restError(403, 'rest_comment_invalid_post_id', NO_POST),
  },
  {
    key: 'rest-closed',
    name: 'REST: comments closed on the post (403 rest_comment_closed)',
    run: (t) => t.rest(restBody(visitor('rest-closed'), t.posts.closed, 'Hello.'), from('rest-closed')),
    expect: restError(403, 'rest_comment_closed', 'Sorry, comments are closed for this item.'),
  },
  {
    key: 'rest-password',
    name: 'REST: a password-protected post (401 rest_cannot_read_post)',
    run: (t) => t.rest(restBody(visitor('rest-password'), t.posts.password, 'Hello.'), from('rest-password')),
    expect: restError(401, 'rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.'),
  },
  {
    key: 'rest-anonymous-off',
    name: 'REST: anonymous comments off (401 rest_comment_login_required)',
    run: (t) => t.restAnonymousOff(restBody(visitor('rest-anonymous-off'), t.posts.open, 'Hello.'), from('rest-anonymous-off')),
    expect: restError(401, 'rest_comment_login_required', 'Sorry, you must be logged in to comment.'),
  },
  {
    key: 'rest-wrong-nonce',
    name: 'REST: a wrong X-WP-Nonce, even without a cookie (403 rest_cookie_invalid_nonce)',
    run: (t) =>
      t.rest(restBody(visitor('rest-wrong-nonce'), t.posts.open, 'Hello.'), {
        client: visitor('rest-wrong-nonce').client,
        headers: {'X-WP-Nonce': '0123456789'},
      }),
    expect: restError(403, 'rest_cookie_invalid_nonce', 'Cookie check failed'),
  },
  {
    key: 'rest-list',
    name: 'REST: GET ?post= lists the approved comments only, with X-WP-Total',
    run: (t) => t.restList(t.posts.listing),
    expect: {
      status: 200,
      contentType: 'application/json',
      total: '2',
      totalPages: '1',
      body: [
        restComment({post: 'listing', author: 'Reader list-2', status: 'approved', text: 'Second, approved.'}),
        restComment({post: 'listing', author: 'Reader list-1', status: 'approved', text: 'First, approved.'}),
      ],
    },
  },

  // Classic wp-comments-post.php
  {
    key: 'classic-held',
    name: 'classic: a first comment is held (302 with unapproved= and moderation-hash=)',
    run: (t) => t.classic(classicFields(visitor('classic-held'), t.posts.open, 'A first comment.'), from('classic-held')),
    expect: heldRedirect,
  },
  {
    key: 'classic-consent',
    name: 'classic: with wp-comment-cookies-consent, a held comment redirects without unapproved= and sets the author cookies',
    run: (t) =>
      t.classic(
        {...classicFields(visitor('classic-consent'), t.posts.open, 'Remember me.'), 'wp-comment-cookies-consent': 'yes'},
        from('classic-consent'),
      ),
    expect: {
      status: 302,
      location: '<post-link>#comment-<id>',
      cookies: {comment_author: 'set', comment_author_email: 'set', comment_author_url: 'cleared'},
    },
  },
  {
    key: 'classic-reply-to-held',
    name: 'classic: a reply to a comment that is still held is taken (WordPress 6.1) and held',
    async run(t) {
      const first = await t.classic(
        classicFields(visitor('classic-reply-parent'), t.posts.open, 'Awaiting moderation.'),
        from('classic-reply-parent'),
      );
      assert.equal(first.status, 302);
      return t.classic(
        {...classicFields(visitor('classic-reply-to-held'), t.posts.open, 'A reply.'), comment_parent: String(first.id)},
        from('classic-reply-to-held'),
      );
    },
    expect: heldRedirect,
  },
  {
    key: 'classic-duplicate',
    name: 'classic: the same comment again is a duplicate (409 page)',
    async run(t) {
      const v = visitor('classic-duplicate');
      assert.equal((await t.classic(classicFields(v, t.posts.open, 'Said once.'), {client: v.client})).status, 302);
      return t.classic(classicFields(v, t.posts.open, 'Said once.'), {client: v.client});
    },
    expect: diePage(409, DUPLICATE),
  },
  {
    key: 'classic-flood-address',
    name: 'classic: a second comment at once from the same address is a flood (429 page)',
    async run(t) {
      const v = visitor('classic-flood-address');
      assert.equal((await t.classic(classicFields(v, t.posts.open, 'One.'), {client: v.client})).status, 302);
      return t.classic({...classicFields(v, t.posts.open, 'Two.'), email: visitor('classic-flood-address-2').email}, {client: v.client});
    },
    expect: diePage(429, FLOOD),
  },
  {
    key: 'classic-flood-email',
    name: 'classic: a second comment at once with the same email from elsewhere is a flood (429 page)',
    async run(t) {
      const v = visitor('classic-flood-email');
      assert.equal((await t.classic(classicFields(v, t.posts.open, 'One.'), {client: v.client})).status, 302);
      return t.classic(classicFields(v, t.posts.open, 'Two.'), from('classic-flood-email-elsewhere'));
    },
    expect: diePage(429, FLOOD),
  },
  {
    key: 'classic-invalid-email',
    name: 'classic: an invalid email (200 page)',
    run: (t) =>
      t.classic({...classicFields(visitor('classic-invalid-email'), t.posts.open, 'Hello.'), email: 'not-an-email'}, from('classic-invalid-email')),
    expect: diePage(200, '<strong>Error:</strong> Please enter a valid email address.'),
  },
  {
    key: 'classic-missing-author',
    name: 'classic: no name (200 page)',
    run: (t) => t.classic({...classicFields(visitor('classic-missing-author'), t.posts.open, 'Hello.'), author: ''}, from('classic-missing-author')),
    expect: diePage(200, '<strong>Error:</strong> Please fill the required fields.'),
  },
  {
    key: 'classic-empty-comment',
    name: 'classic: an empty comment (200 page)',
    run: (t) => t.classic(classicFields(visitor('classic-empty-comment'), t.posts.open, '  '), from('classic-empty-comment')),
    expect: diePage(200, '<strong>Error:</strong> Please type your comment text.'),
  },
  {
    key: 'classic-name-too-long',
    name: 'classic: a name over 245 bytes (200 page)',
    run: (t) =>
      t.classic({...classicFields(visitor('classic-name-too-long'), t.posts.open, 'Hello.'), author: 'é'.repeat(123)}, from('classic-name-too-long')),
    expect: diePage(200, '<strong>Error:</strong> Your name is too long.'),
  },
  {
    key: 'classic-no-post',
    name: 'classic: no post (an empty 200)',
    run: (t) => t.classic({...classicFields(visitor('classic-no-post'), 0, 'Hello.')}, from('classic-no-post')),
    expect: {status: 200, empty: true},
  },
  {
    key: 'classic-unknown-post',
    name: 'classic: a post that does not exist (an empty 200)',
    run: (t) => t.classic(classicFields(visitor('classic-unknown-post'), t.posts.missing, 'Hello.'), from('classic-unknown-post')),
    expect: {status: 200, empty: true},
  },
  {
    key: 'classic-closed',
    name: 'classic: comments closed on the post (403 page)',
    run: (t) => t.classic(classicFields(visitor('classic-closed'), t.posts.closed, 'Hello.'), from('classic-closed')),
    expect: diePage(403, 'Sorry, comments are closed for this item.'),
  },
  {
    key: 'classic-password',
    name: 'classic: a password-protected post (an empty 200)',
    run: (t) => t.classic(classicFields(visitor('classic-password'), t.posts.password, 'Hello.'), from('classic-password')),
    expect: {status: 200, empty: true},
  },

  // Last: these authors posted in seed(); WordPress's flood window must pass first.
  {
    key: 'rest-approved',
    name: 'REST: an author with an approved comment is approved at once (201, status approved)',
    async run(t, state) {
      await sleep(state.seededAt + FLOOD_WAIT_MS - Date.now());
      const v = visitor('rest-approved');
      return t.rest(restBody(v, t.posts.open, 'Back again.'), {client: v.client});
    },
    expect: created(restComment({author: 'Reader rest-approved', status: 'approved', text: 'Back again.'})),
  },
  {
    key: 'classic-approved',
    name: 'classic: an author with an approved comment is approved at once (302 without unapproved=)',
    async run(t, state) {
      await sleep(state.seededAt + FLOOD_WAIT_MS - Date.now());
      const v = visitor('classic-approved');
      return t.classic(classicFields(v, t.posts.open, 'Back again.'), {client: v.client});
    },
    expect: approvedRedirect,
  },
];

/** What each target needs before the cases: authors with an approved comment, a post with a listing. */
async function seed(t) {
  const rest = async (key, post, text) => {
    const v = visitor(key);
    const answer = await t.rest(restBody(v, post, text), {client: v.client});
    assert.equal(answer.status, 201, `seeding ${key}: ${JSON.stringify(answer.raw)}`);
    return answer.id;
  };
  const approvedRest = await rest('rest-approved', t.posts.open, 'My first comment.');
  const classic = await t.classic(classicFields(visitor('classic-approved'), t.posts.open, 'My first comment.'), from('classic-approved'));
  assert.equal(classic.status, 302, `seeding classic-approved: ${JSON.stringify(classic)}`);
  const seededAt = Date.now();
  await t.newPost('listing', 'A listed discussion');
  const listed = [await rest('list-1', t.posts.listing, 'First, approved.'), await rest('list-2', t.posts.listing, 'Second, approved.')];
  await rest('list-held', t.posts.listing, 'Held, not listed.');
  for (const id of [approvedRest, classic.id, ...listed]) await t.approve(id);
  return {seededAt};
}

// --- where the receiver differs from WordPress: the one place ---

const omit = (object, keys) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
/** Applies `change` to every comment of an answer's body (one comment or a list). */
const eachComment = (answer, change) => ({...answer, body: Array.isArray(answer.body) ? answer.body.map(change) : change(answer.body)});
const REST_CREATED = ['rest-held', 'rest-approved'];
const CLASSIC_REDIRECTS = ['classic-held', 'classic-consent', 'classic-approved'];

/**
 * Each row: the cases it concerns, whether the difference is meant (`onPurpose`, documented in
 * demo/receiver/README.md) or was found by this suite and awaits a decision, and the receiver's
 * answer as a change of WordPress's.
 */
export const KNOWN_DIFFERENCES = [
  {
    id: 'every-post-open',
    onPurpose: true,
    what: 'The receiver has no posts: every positive id is an open post, so a missing, closed or password-protected post takes the comment.',
    cases: ['rest-unknown-post', 'rest-closed', 'rest-password', 'classic-unknown-post', 'classic-closed', 'classic-password'],
    receiver: (expected, key) =>
      key.startsWith('rest-')
        ? receiverCreated(
            restComment({
              post: {'rest-unknown-post': 'missing', 'rest-closed': 'closed', 'rest-password': 'password'}[key],
              author: `Reader ${key}`,
              status: 'hold',
              text: 'Hello.',
            }),
          )
        : {status: 302, location: heldRedirect.location},
  },
  {
    id: 'anonymous-switch',
    onPurpose: true,
    what: 'The receiver always takes anonymous REST comments (it is WordPress with rest_allow_anonymous_comments on); its fault route /api/faults/login-required/ answers what WordPress answers when they are off.',
    cases: ['rest-anonymous-off'],
    receiver: (expected) => expected,
  },
  {
    id: 'comment-fields',
    onPurpose: false,
    what: "A comment in the receiver's JSON has no author_avatar_urls (Gravatar URLs), meta or _links, and its 201 has no Location header.",
    cases: [...REST_CREATED, 'rest-list'],
    receiver: (expected) => {
      const answer = eachComment(expected, (comment) => omit(comment, ['author_avatar_urls', 'meta', '_links']));
      return expected.status === 201 ? omit(answer, ['location']) : answer;
    },
  },
  {
    id: 'rendered-newline',
    onPurpose: false,
    what: 'content.rendered: WordPress\'s wpautop() ends the markup with "\\n"; the receiver does not.',
    cases: [...REST_CREATED, 'rest-list'],
    receiver: (expected) => eachComment(expected, (comment) => ({...comment, content: {rendered: comment.content.rendered.replace(/\n$/, '')}})),
  },
  {
    id: 'error-details',
    onPurpose: false,
    what: 'rest_invalid_param: WordPress (5.7+) adds data.details (per parameter: code, message, data); the receiver sends data.params only.',
    cases: ['rest-invalid-email'],
    receiver: (expected) => ({...expected, body: {...expected.body, data: omit(expected.body.data, ['details'])}}),
  },
  {
    id: 'duplicate-entity',
    onPurpose: true,
    what: "The REST duplicate message: WordPress's JSON carries the entity &#8217;, the receiver the character ’.",
    cases: ['rest-duplicate'],
    receiver: (expected) => ({...expected, body: {...expected.body, message: expected.body.message.replace('&#8217;', '’')}}),
  },
  {
    id: 'list-order',
    onPurpose: true,
    what: 'GET lists oldest first in the receiver, newest first in WordPress.',
    cases: ['rest-list'],
    receiver: (expected) => ({...expected, body: [...expected.body].reverse()}),
  },
  {
    id: 'wrong-nonce',
    onPurpose: false,
    what: 'The receiver ignores X-WP-Nonce; WordPress refuses any request with a wrong one (403 rest_cookie_invalid_nonce), even an anonymous one without cookies.',
    cases: ['rest-wrong-nonce'],
    receiver: () => receiverCreated(restComment({author: 'Reader rest-wrong-nonce', status: 'hold', text: 'Hello.'})),
  },
  {
    id: 'replies-to-held',
    onPurpose: true,
    what: "The receiver refuses a classic reply to a held or missing comment (403), as WordPress 6.2+ does; Debian 12's WordPress 6.1 takes it.",
    cases: ['classic-reply-to-held'],
    receiver: () => diePage(403, 'Sorry, replies to unapproved comments are not allowed.'),
  },
  {
    id: 'no-cookies',
    onPurpose: true,
    what: 'The classic handler: WordPress sets the comment_author cookies when the reader consents and clears them otherwise; the receiver never sends a cookie, so a held comment always redirects with unapproved= and moderation-hash=.',
    cases: CLASSIC_REDIRECTS,
    receiver: (expected, key) => (key === 'classic-consent' ? {status: 302, location: heldRedirect.location} : omit(expected, ['cookies'])),
  },
];

/** The receiver's 201 for a comment WordPress would show as `comment`: as for a first comment (rest-held). */
function receiverCreated(comment) {
  return applyDifferences(created(comment), 'rest-held');
}

function applyDifferences(expected, key) {
  return KNOWN_DIFFERENCES.filter((row) => row.cases.includes(key)).reduce((answer, row) => row.receiver(answer, key), expected);
}

/** What a target must answer in a case. */
function expectedAnswer(target, testCase) {
  return target.name === 'receiver' ? applyDifferences(testCase.expect, testCase.key) : testCase.expect;
}

// --- the suites ---

const info = await wordpressInfo();
const TARGETS = [
  {label: 'the reference receiver', make: receiverTarget},
  {label: 'WordPress', make: () => wordpressTarget(info), skip: info ? false : 'no WordPress instance: run through npm run test:wordpress'},
];

describe('comments contract', {concurrency: true}, () => {
  for (const {label, make, skip} of TARGETS) {
    describe(label, {skip, concurrency: 1}, () => {
      let target;
      let state;
      before(async () => {
        target = await make();
        state = await seed(target);
      });
      after(() => target?.close());
      for (const testCase of CASES) {
        it(testCase.name, async () => {
          const answer = await testCase.run(target, state);
          assert.deepStrictEqual(
            answer,
            expectedAnswer(target, testCase),
            `${target.name}, ${testCase.key}: raw answer ${JSON.stringify(answer.raw ?? answer)}`,
          );
        });
      }
    });
  }
});

describe('the table of known differences', () => {
  it('names only cases that exist, and each row concerns at least one case', () => {
    const keys = new Set(CASES.map((each) => each.key));
    for (const row of KNOWN_DIFFERENCES) {
      assert.ok(row.cases.length > 0, row.id);
      for (const key of row.cases) assert.ok(keys.has(key), `${row.id} names an unknown case ${key}`);
    }
  });
});
