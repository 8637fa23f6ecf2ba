/**
 * The plugin's comment form setting on a real post page of Twenty Twenty-Three: with `comment_form`
 * on, <care-comment-form> wraps the theme's own form (once), anonymous readers post through
 * wp-comments-post.php, or through the REST API when `rest_comments` is on (which the plugin alone
 * then allows: the harness's own switch is off for that case), replies come through `?replytocom`,
 * and comment-reply.js stays away; with it off, the theme's form is as the theme prints it.
 * Every "lands" is read from wp_comments.
 *
 * The plugin is installed from its zip and active for this file only (see plugin.mjs).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {count, isVisible, navigateTo, waitForShown} from '../helpers/puppeteer-page.mjs';
import {
  FORM,
  RUN,
  SAYS,
  approvedComment,
  commentsWith,
  fill,
  info,
  launch,
  newPost,
  ownProblems,
  reader,
  restoreOption,
  setOption,
  skip,
  submit,
  view,
} from './post-page.mjs';
import {clearSettings, installPlugin, removePlugin, setSettings, pluginPhpProblems} from './plugin.mjs';

const PARENT_AUTHOR = 'Parent Author';

describe('the plugin: the comment form setting', {skip, concurrency: 1}, () => {
  let browser;
  let post;
  let parent;
  before(async () => {
    browser = await launch();
    await installPlugin();
    post = await newPost('Plugin comments');
    parent = await approvedComment(post.id, {author: PARENT_AUTHOR, email: `plugin-parent-${RUN}@example.com`}, 'A comment to reply to.');
  });
  after(async () => {
    await browser?.close();
    await removePlugin();
  });

  /** A reader of its own under the settings given (put back afterwards); the comment requests it sends are collected. */
  const as = (key, settings, body) => async () => {
    if (settings) await setSettings(settings);
    const r = await reader(browser, `plugin-${key}`);
    // What is missing fails at once, not after 30 s of waiting for it.
    r.page.setDefaultTimeout(10_000);
    const posted = [];
    r.page.on('request', (request) => request.method() === 'POST' && posted.push(new URL(request.url()).pathname));
    try {
      await body(r, `Through the plugin (${key}) ${RUN}.`, posted);
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
      await clearSettings();
    }
  };

  /** The page's <care-comment-form> elements and, for each, whether the theme's form is inside it. */
  const wrappers = (page) =>
    page.$$eval(FORM, (elements) =>
      elements.map((element) => ({
        themeForm: Boolean(element.querySelector(':scope #respond form.comment-form')),
        protocol: element.getAttribute('protocol'),
        action: element.getAttribute('action'),
      })),
    );

  it(
    "comment_form on: exactly one <care-comment-form>, around the theme's form; an anonymous reader posts (wp-comments-post.php) and exactly one comment lands",
    as('classic', {comment_form: true}, async ({page, open, who}, text, posted) => {
      await open(post.link);
      assert.deepEqual(await wrappers(page), [{themeForm: true, protocol: null, action: null}]);
      assert.equal(await count(page, 'form.comment-form'), 1, 'one theme form on the page');
      await fill(page, {comment: text, ...who});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      assert.deepEqual(posted, ['/wp-comments-post.php']);
      assert.deepEqual(
        (await commentsWith(text)).map(({post, parent, approved, author}) => ({post, parent, approved, author})),
        [{post: post.id, parent: 0, approved: '0', author: who.author}],
      );
    }),
  );

  it('comment_form and rest_comments on: the element posts to the REST API, which the plugin opens to anonymous readers, and exactly one comment lands', async () => {
    // The harness's own switch off: only the plugin's setting may let an anonymous REST comment in.
    const switchBefore = await setOption('care_test_rest_anonymous', '0');
    try {
      await as('rest', {comment_form: true, rest_comments: true}, async ({page, open, who}, text, posted) => {
        await open(post.link);
        assert.deepEqual(await wrappers(page), [{themeForm: true, protocol: 'wordpress', action: `${info.baseUrl}/wp-json/wp/v2/comments`}]);
        await fill(page, {comment: text, ...who});
        const shown = await submit(page);
        assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
        assert.deepEqual(posted, ['/wp-json/wp/v2/comments']);
        assert.deepEqual(
          (await commentsWith(text)).map(({post, parent, approved}) => ({post, parent, approved})),
          [{post: post.id, parent: 0, approved: '0'}],
        );
      })();
    } finally {
      await restoreOption('care_test_rest_anonymous', switchBefore);
    }
  });

  it(
    'comment_form on: comment-reply.js is not loaded; the theme\'s Reply link reloads with ?replytocom, the form says "Leave a Reply to <author>", and the reply is stored under that comment',
    as('reply', {comment_form: true}, async ({page, open, who}, text) => {
      await open(post.link);
      assert.equal(await count(page, 'script[src*="comment-reply"]'), 0, 'no comment-reply.js');
      assert.equal(await page.evaluate(() => typeof window.addComment), 'undefined');
      // The first Reply link (puppeteer's locator acts on the first match).
      await navigateTo(page, /[?&]replytocom=\d+/, () => page.locator('.comment-reply-link').click(), {waitUntil: 'domcontentloaded'});
      assert.equal(new URL(page.url()).searchParams.get('replytocom'), String(parent));
      await waitForShown(page, `${FORM} >>> [part="submit"]`);
      assert.equal(await count(page, FORM), 1);
      const before = await view(page);
      assert.deepEqual([before.heading, before.cancelReply], [`Leave a Reply to ${PARENT_AUTHOR}`, true]);
      await fill(page, {comment: text, ...who});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
      assert.deepEqual(
        (await commentsWith(text)).map(({post, parent}) => ({post, parent})),
        [{post: post.id, parent}],
      );
    }),
  );

  it(
    "comment_form off (the default): the theme's form is untouched: no <care-comment-form>, comment-reply.js as the theme enqueues it",
    as('off', null, async ({page, open}) => {
      await open(post.link, {}, {ready: false});
      assert.equal(await count(page, FORM), 0);
      assert.equal(await isVisible(page, '#respond form#commentform'), true);
      assert.equal(await count(page, 'script#comment-reply-js'), 1);
      assert.equal(await page.evaluate(() => typeof window.addComment), 'object');
      assert.equal(await count(page, 'script[src*="care-elements.js"]'), 0, 'no bundle on a post without an element');
    }),
  );

  it('no PHP notice, warning or error from the plugin in the comment form (WP_DEBUG is on)', async () => {
    assert.deepEqual(await pluginPhpProblems(), []);
  });
});
