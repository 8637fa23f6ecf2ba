/**
 * Who may comment through WordPress's REST API, as <care-comment-form> meets it on the real post
 * page: a site without anonymous REST comments (401), a logged-in reader (cookie and `wp_rest`
 * nonce), and a nonce gone stale in a cached page (403 rest_cookie_invalid_nonce, even for a reader
 * who is not logged in), which the element renews.
 *
 * Where the element does something a site would not want today, the test pins what happens now
 * and says so ("today"): those are findings for src/, listed in test/wordpress/README.md.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {count, getAttribute, innerText} from '../helpers/puppeteer-page.mjs';
import {
  FORM,
  RUN,
  SAYS,
  assertKept,
  commentsWith,
  fill,
  info,
  launch,
  logIn,
  newUser,
  ownProblems,
  reader,
  restoreOption,
  setOption,
  skip,
  submit,
  view,
} from './post-page.mjs';

const REST = {'care-protocol': 'wordpress'};
const ANONYMOUS_SWITCH = 'care_test_rest_anonymous';

describe('the comment form on WordPress: who may comment over REST', {skip, concurrency: 1}, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  /** Runs `body` with a reader of its own, closed afterwards; `anonymous` sets the site's switch for the test. */
  const as =
    (key, {anonymous = true} = {}, body) =>
    async () => {
      const before = anonymous ? undefined : await setOption(ANONYMOUS_SWITCH, '0');
      const r = await reader(browser, `access-${key}`);
      try {
        await body(r, `${key} ${RUN}.`);
        assert.deepEqual(ownProblems(r.problems), []);
      } finally {
        await r.close();
        if (!anonymous) await restoreOption(ANONYMOUS_SWITCH, before);
      }
    };
  const typed = (who, comment) => ({comment, author: who.author, email: who.email, url: ''});

  it(
    'anonymous REST comments off (401 rest_comment_login_required): "you must be logged in", everything kept, nothing stored',
    as('anonymous-off', {anonymous: false}, async ({page, open, who}, text) => {
      await open('article', REST);
      await fill(page, typed(who, text));
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status], ['error', SAYS.loginRequired]);
      assertKept(shown, typed(who, text));
      assert.equal((await commentsWith(text)).length, 0);
    }),
  );

  it(
    'a logged-in reader (the Author, through wp-login.php) sends the wp_rest nonce and is let in with anonymous REST comments off; ' +
      'like the theme\'s form, the element asks for no name or email, shows the theme\'s "Logged in as" line, and WordPress files the comment under the account',
    as('logged-in-rest', {anonymous: false}, async (r, text) => {
      const {page} = r;
      await logIn(r, info.users.author);
      const sent = [];
      // What the comment requests carry (the dashboard wp-login.php led to may still be posting to admin-ajax.php).
      page.on('request', (request) => request.url().endsWith('/wp-json/wp/v2/comments') && sent.push(request.headers()['x-wp-nonce'] ?? null));
      await r.open('article', REST);
      const nonce = await getAttribute(page, FORM, 'wp-nonce');
      assert.match(nonce, /^[0-9a-f]{10}$/);
      // The theme's form greets the account and asks for no name or email, and so does the element.
      assert.match(await innerText(page, `${FORM} .logged-in-as`), /^Logged in as Care Author\./);
      assert.equal(await count(page, `${FORM} #respond #author`), 0);
      const notes = await innerText(page, `${FORM} >>> [part="notes"]`);
      assert.equal(notes, 'Logged in as Care Author. Edit your profile. Log out? Required fields are marked *');
      assert.deepEqual(await page.$$eval(`${FORM} >>> [part="notes"] a`, (links) => links.map((a) => new URL(a.href).pathname)), [
        '/wp-admin/profile.php',
        '/wp-login.php',
      ]);
      assert.deepEqual(
        Object.entries((await view(page)).values)
          .filter(([, value]) => value !== undefined)
          .map(([name]) => name),
        ['comment'],
      );
      await fill(page, {comment: text});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      assert.deepEqual(sent, [nonce]);
      const rows = await commentsWith(text);
      assert.deepEqual(
        rows.map(({user, author, email}) => [user, author, email]),
        [[info.users.author.id, 'Care Author', 'care-author@example.com']],
      );
    }),
  );

  it(
    'a logged-in reader through the classic handler: held, filed under the account, no name or email asked',
    as('logged-in-classic', {}, async (r, text) => {
      // Another Author: WordPress counts a logged-in reader's floods per account.
      const account = await newUser('classic');
      await logIn(r, account);
      await r.open('article');
      await fill(r.page, {comment: text});
      const shown = await submit(r.page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      const rows = await commentsWith(text);
      assert.deepEqual(
        rows.map(({user, author, email, approved}) => ({user, author, email, approved})),
        [{user: account.id, author: account.name, email: account.email, approved: '0'}],
      );
    }),
  );

  /** The nonce each comment request carried (null: none), and how often a fresh one was asked for. */
  const watchNonces = (page) => {
    const seen = {sent: [], asked: 0};
    page.on('request', (request) => {
      if (request.url().endsWith('/wp-json/wp/v2/comments')) seen.sent.push(request.headers()['x-wp-nonce'] ?? null);
      if (request.url().includes('/wp-admin/admin-ajax.php?action=rest-nonce')) seen.asked++;
    });
    return seen;
  };

  it(
    'a stale nonce in a cached page (403 rest_cookie_invalid_nonce), a reader not logged in: the element asks WordPress for a fresh one ' +
      '(400 "0": not logged in), sends again without a nonce, and the comment is held: stored once',
    as('stale-nonce', {}, async ({page, open, who}, text) => {
      const seen = watchNonces(page);
      await open('article', {...REST, 'care-nonce': 'stale'});
      await fill(page, typed(who, text));
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      assert.deepEqual(seen, {sent: ['0123456789', null], asked: 1});
      const rows = await commentsWith(text);
      assert.deepEqual(
        rows.map(({user, author}) => [user, author]),
        [[0, who.author]],
      );
    }),
  );

  it(
    'a stale nonce, a logged-in reader: the element gets a fresh nonce from admin-ajax.php?action=rest-nonce and WordPress takes the comment with it',
    as('fresh-nonce', {anonymous: false}, async (r, text) => {
      const account = await newUser('fresh-nonce');
      await logIn(r, account);
      const seen = watchNonces(r.page);
      await r.open('article', {...REST, 'care-nonce': 'stale'});
      await fill(r.page, {comment: text});
      const shown = await submit(r.page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      assert.equal(seen.sent.length, 2);
      assert.equal(seen.sent[0], '0123456789');
      assert.match(seen.sent[1], /^[0-9a-f]{10}$/);
      assert.equal(seen.asked, 1);
      const rows = await commentsWith(text);
      assert.deepEqual(
        rows.map(({user}) => user),
        [account.id],
      );
    }),
  );
});
