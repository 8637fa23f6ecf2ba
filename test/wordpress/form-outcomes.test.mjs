/**
 * Each answer WordPress gives to <care-comment-form> on its real post page: what the reader sees,
 * what is left in the fields, and what WordPress stored. Through both protocols:
 *
 *   classic  the element's default inside the theme: a same-origin form POST to
 *            wp-comments-post.php, the action of the theme's own comment_form() it wraps;
 *   REST     protocol="wordpress" (?care-protocol=wordpress): POST /wp-json/wp/v2/comments,
 *            with anonymous comments on (the rest_allow_anonymous_comments filter).
 *
 * Every refusal keeps everything typed (the four fields' values are read after the answer);
 * every acceptance stores exactly one comment (read in the database).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {click, count, fillIn, textCount, waitForShown} from '../helpers/puppeteer-page.mjs';
import {
  EMPTIED,
  MISSING_POST,
  RUN,
  SAYS,
  assertKept,
  approvedComment,
  commentsFrom,
  commentsWith,
  fill,
  info,
  launch,
  newPost,
  ownProblems,
  reader,
  setCommentStatus,
  sendInstead,
  skip,
  submit,
  view,
} from './post-page.mjs';

const CLOSED = 'Sorry, comments are closed for this item.';

const PROTOCOLS = [
  {
    name: 'classic',
    query: {},
    // wp-comments-post.php's wp_die() messages, shown at the field they name.
    invalidEmail: 'Please enter a valid email address.',
    emptyComment: 'Please type your comment text.',
    // An empty 200 (the post is missing, or the password cookie is gone): no words from WordPress.
    missingPost: SAYS.rejected,
    passwordGone: SAYS.rejected,
  },
  {
    name: 'REST',
    query: {'care-protocol': 'wordpress'},
    invalidEmail: 'Invalid email address.',
    emptyComment: 'Invalid comment content.',
    missingPost: 'Sorry, you are not allowed to create this comment without a post.',
    passwordGone: 'Sorry, you are not allowed to read the post for this comment.',
  },
];

/** The stored comments, reduced to what a case is about. */
const stored = (rows) => rows.map(({post, parent, approved}) => ({post, parent, approved}));

describe('the comment form on WordPress: each answer', {skip, concurrency: 1}, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  for (const protocol of PROTOCOLS) {
    // The cases share nothing (a visitor, an email, a text and, where it changes, a post of their
    // own), so they run side by side: the server, not the browser, is what they wait for.
    describe(protocol.name, {concurrency: 2}, () => {
      const q = protocol.query;
      /** Runs `body` with a reader of its own (closed afterwards) and a comment text nobody else uses. */
      const as = (key, body) => async () => {
        const r = await reader(browser, `${protocol.name}-${key}`);
        try {
          await body(r, `${key} through ${protocol.name} ${RUN}.`);
          assert.deepEqual(ownProblems(r.problems), []);
        } finally {
          await r.close();
        }
      };
      /** What a reader types: every field, the website too, so that "kept" covers them all. */
      const typed = (who, comment) => ({comment, author: who.author, email: who.email, url: 'https://reader.example/'});

      it(
        'a first comment is held: "awaiting moderation", the form empties, one comment stored, not shown after a reload',
        as('held', async ({page, open, who}, text) => {
          await open('article', q);
          await fill(page, typed(who, text));
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status, shown.link], ['success', SAYS.pending, null]);
          assert.deepEqual(shown.values, EMPTIED, 'name, email and website are not remembered without the box ticked');
          assert.equal(shown.focus, 'status');
          assert.deepEqual(stored(await commentsWith(text)), [{post: info.posts.article, parent: 0, approved: '0'}]);
          // The reader's own held comment is not on the page they come back to, and no draft returns.
          await open('article', q);
          assert.equal(await textCount(page, text), 0);
          assert.deepEqual((await view(page)).values, EMPTIED);
        }),
      );

      it(
        "an approved author's second comment is published at once and shown on the page",
        as('approved', async ({page, open, who}, text) => {
          const post = await newPost(`Approved ${protocol.name}`);
          await approvedComment(post.id, who, `An earlier comment by ${who.author}.`);
          await open(post.link, q);
          await fill(page, typed(who, text));
          const shown = await submit(page);
          const rows = await commentsWith(text);
          assert.deepEqual(stored(rows), [{post: post.id, parent: 0, approved: '1'}]);
          // REST answers the comment's link; the classic handler's redirect is followed by fetch, whose URL has no fragment.
          const link = protocol.name === 'REST' ? `${post.link}#comment-${rows[0].id}` : null;
          assert.deepEqual([shown.kind, shown.status.replace(SAYS.viewLink, '').trim(), shown.link], ['success', SAYS.published, link]);
          await open(post.link, q);
          assert.equal(await textCount(page, text), 1);
        }),
      );

      it(
        'the same comment again is a duplicate: told it was already received, the form emptied, still one comment',
        as('duplicate', async ({page, open, who}, text) => {
          await open('article', q);
          await fill(page, typed(who, text));
          assert.equal((await submit(page)).status, SAYS.pending);
          await fill(page, typed(who, text));
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status, shown.values], ['success', SAYS.duplicate, EMPTIED]);
          assert.equal((await commentsWith(text)).length, 1);
        }),
      );

      it(
        'a second comment at once is a flood: refused, everything kept, nothing stored',
        as('flood', async ({page, open, who}, text) => {
          await open('article', q);
          await fill(page, typed(who, `First. ${text}`));
          assert.equal((await submit(page)).status, SAYS.pending);
          await fill(page, typed(who, text));
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status], ['error', SAYS.flood]);
          assertKept(shown, typed(who, text));
          assert.equal((await commentsWith(`First. ${text}`)).length, 1);
          assert.equal((await commentsWith(text)).length, 0);
        }),
      );

      it(
        "an email the browser accepts and WordPress does not: the element refuses it first (WordPress's own rule); sent anyway, WordPress's words at the email field, focus there",
        as('invalid-email', async ({page, open, who}, text) => {
          await open('article', q);
          // type="email" accepts a domain without a dot; WordPress's is_email() does not, nor does the element.
          const values = {...typed(who, text), email: who.email.replace(/\.com$/, '')};
          await fill(page, values);
          const own = await submit(page);
          assert.deepEqual([own.kind, own.invalid, own.focus], ['invalid', {email: SAYS.badEmail}, 'email']);
          assertKept(own, values);
          await fill(page, {email: who.email});
          await sendInstead(page, {[protocol.name === 'REST' ? 'author_email' : 'email']: values.email});
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status, shown.invalid, shown.focus], ['error', SAYS.oneField, {email: protocol.invalidEmail}, 'email']);
          assertKept(shown, {...values, email: who.email});
          assert.equal((await commentsWith(text)).length, 0);
        }),
      );

      it(
        "a comment of spaces only: the element refuses it first, as WordPress trims it; sent anyway, WordPress's words at the comment field, focus there",
        as('empty-comment', async ({page, open, who}, text) => {
          await open('article', q);
          // `required` lets spaces through; WordPress trims them away, and so does the element.
          const values = typed(who, '   ');
          await fill(page, values);
          const own = await submit(page);
          assert.deepEqual([own.kind, own.invalid, own.focus], ['invalid', {comment: 'This field is required.'}, 'comment']);
          await fill(page, {comment: text});
          await sendInstead(page, {[protocol.name === 'REST' ? 'content' : 'comment']: '   '});
          const shown = await submit(page);
          assert.deepEqual(
            [shown.kind, shown.status, shown.invalid, shown.focus],
            ['error', SAYS.oneField, {comment: protocol.emptyComment}, 'comment'],
          );
          assertKept(shown, {...values, comment: text});
          assert.equal(await commentsFrom(who.email), 0);
        }),
      );

      it(
        "comments closed after the page was loaded: refused with WordPress's words, everything kept",
        as('closed', async ({page, open, who}, text) => {
          const post = await newPost(`Closing ${protocol.name}`);
          await open(post.link, q);
          // A closed post prints no form at all: the page was loaded while it was open.
          await setCommentStatus(post.id, 'closed');
          await fill(page, typed(who, text));
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status], ['error', CLOSED]);
          assertKept(shown, typed(who, text));
          assert.equal((await commentsWith(text)).length, 0);
        }),
      );

      it(
        'a password-protected post the reader unlocked: held, one comment stored',
        as('password', async (r, text) => {
          await unlock(r);
          await fill(r.page, typed(r.who, text));
          const shown = await submit(r.page);
          // Both handlers read the cookie the theme's password form set (post_password_required()).
          assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
          assert.deepEqual(stored(await commentsWith(text)), [{post: info.posts.password, parent: 0, approved: '0'}]);
        }),
      );

      it(
        'a password-protected post whose password cookie is gone before sending: refused, everything kept',
        as('password-gone', async (r, text) => {
          await unlock(r);
          await r.context.deleteCookie(...(await r.context.cookies()));
          await fill(r.page, typed(r.who, text));
          const shown = await submit(r.page);
          assert.deepEqual([shown.kind, shown.status], ['error', protocol.passwordGone]);
          assertKept(shown, typed(r.who, text));
          assert.equal((await commentsWith(text)).length, 0);
        }),
      );

      it(
        'a post that does not exist (post-id): refused, everything kept',
        as('missing-post', async ({page, open, who}, text) => {
          await open('article', {...q, 'care-post-id': MISSING_POST});
          await fill(page, typed(who, text));
          const shown = await submit(page);
          assert.deepEqual([shown.kind, shown.status], ['error', protocol.missingPost]);
          assertKept(shown, typed(who, text));
          assert.equal((await commentsWith(text)).length, 0);
        }),
      );

      /** Opens the password-protected post and types its password into the theme's form: the comment form appears. */
      async function unlock({page, open}) {
        await open('password', q, {ready: false});
        assert.equal(await count(page, 'care-comment-form'), 0, 'a locked post prints no comment form');
        await fillIn(page, '.post-password-form [name="post_password"]', info.postPassword);
        await click(page, '.post-password-form [type="submit"]');
        // WordPress sends the reader back to the referring page (with its protocol argument), unlocked.
        await waitForShown(page, 'care-comment-form >>> [part="submit"]');
      }
    });
  }
});
