/**
 * Replies through <care-comment-form> on WordPress's post page: the comment replied to comes from
 * the element's `parent-id`, or from the theme's own form when the page is opened with
 * `?replytocom=N` (what the theme's "Reply" link points to); either way WordPress stores exactly
 * one comment with that parent. And what happens today when the theme's comment-reply.js handles
 * the "Reply" link instead (a finding: see README.md).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {one} from '../helpers/puppeteer-page.mjs';
import {FORM, RUN, SAYS, approvedComment, commentsWith, fill, launch, newPost, ownProblems, reader, skip, submit, view} from './post-page.mjs';

const PROTOCOLS = [
  {name: 'classic', query: {}},
  {name: 'REST', query: {'care-protocol': 'wordpress'}},
];

describe('the comment form on WordPress: replies', {skip, concurrency: 1}, () => {
  let browser;
  /** A post with one approved comment to reply to (the theme shows a "Reply" link only under a published one). */
  let post;
  let parent;
  const PARENT_AUTHOR = 'Parent Author';
  before(async () => {
    browser = await launch();
    post = await newPost('Replies');
    parent = await approvedComment(post.id, {author: PARENT_AUTHOR, email: `parent-${RUN}@example.com`}, 'The comment replied to.');
  });
  after(() => browser?.close());

  const as = (key, body) => async () => {
    const r = await reader(browser, `reply-${key}`);
    try {
      await body(r, `A reply (${key}) ${RUN}.`);
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
    }
  };
  const stored = async (text) => (await commentsWith(text)).map(({post, parent, approved}) => ({post, parent, approved}));

  for (const protocol of PROTOCOLS) {
    it(
      `${protocol.name}: parent-id on the element: "Cancel reply" is offered, one reply stored under that comment`,
      as(`parent-id-${protocol.name}`, async ({page, open, who}, text) => {
        await open(post.link, {...protocol.query, 'care-parent-id': parent});
        assert.equal((await view(page)).cancelReply, true);
        await fill(page, {comment: text, ...who});
        const shown = await submit(page);
        assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
        assert.deepEqual(await stored(text), [{post: post.id, parent, approved: '0'}]);
      }),
    );

    it(
      `${protocol.name}: ?replytocom (the theme's form names the parent): "Cancel reply" is offered, one reply stored under that comment`,
      as(`replytocom-${protocol.name}`, async ({page, open, who}, text) => {
        await open(post.link, {...protocol.query, replytocom: parent});
        // The theme's form inside the element carries the parent and says whom the reply is to.
        assert.equal(await (await one(page, `${FORM} #respond #comment_parent`)).evaluate((input) => input.value), String(parent));
        assert.equal(
          await (
            await one(page, `${FORM} #reply-title`)
          ).evaluate((node) =>
            [...node.childNodes]
              .filter((child) => child.localName !== 'small')
              .map((child) => child.textContent)
              .join('')
              .trim(),
          ),
          `Leave a Reply to ${PARENT_AUTHOR}`,
        );
        const before = await view(page);
        // Today the element takes the parent, not the name: its heading stays "Leave a Reply".
        assert.deepEqual([before.cancelReply, before.heading], [true, 'Leave a Reply']);
        await fill(page, {comment: text, ...who});
        const shown = await submit(page);
        assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
        assert.deepEqual(await stored(text), [{post: post.id, parent, approved: '0'}]);
      }),
    );
  }

  it(
    "the theme's Reply link, handled by comment-reply.js: today it moves the theme's own form out of the element and shows it under the comment, " +
      'while the element stays below, unchanged, and still posts the reply',
    as('reply-link', async ({page, open, who}, text) => {
      await open(post.link);
      // The first Reply link (puppeteer's locator acts on the first match).
      await page.locator('.comment-reply-link').click();
      // comment-reply.js moved #respond (the theme's form) out of <care-comment-form>, next to the comment: two forms are on screen.
      assert.deepEqual(
        await page.evaluate(() => ({
          inElement: Boolean(document.getElementById('respond').closest('care-comment-form')),
          visible: document.getElementById('respond').getBoundingClientRect().height > 0,
          parent: document.getElementById('comment_parent').value,
        })),
        {inElement: false, visible: true, parent: String(parent)},
      );
      assert.equal((await view(page)).cancelReply, false, 'the element does not show that a reply is under way');
      await fill(page, {comment: text, ...who});
      const shown = await submit(page);
      assert.deepEqual([shown.kind, shown.status, shown.cancelReply], ['success', SAYS.pending, true]);
      assert.deepEqual(await stored(text), [{post: post.id, parent, approved: '0'}]);
    }),
  );
});
