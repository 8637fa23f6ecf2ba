/**
 * A comment WordPress stored whose answer never reached the reader, and the retry that follows:
 * WordPress must still hold exactly one comment, and the reader must be told it was received.
 *
 * How an answer is lost (the test mu-plugin, only for loopback requests carrying
 * `X-Care-Lose-Answer`): WordPress handles the request in full, stores the comment, and then the
 * Apache child serving it kills itself, either
 *   - during the answer: a 200 status line, headers and a first chunk leave, then the connection
 *     breaks (fetch rejects; the element retries by itself, up to 3 attempts in all), or
 *   - before the answer: not one byte leaves. Chromium then resends the POST on its own when the
 *     connection was a reused keep-alive one, so the element's first answer is WordPress's
 *     "duplicate", which the element tells as received.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {EMPTIED, RUN, SAYS, assertKept, commentsWith, fill, info, launch, ownProblems, reader, skip, submit} from './post-page.mjs';

const PROTOCOLS = [
  {name: 'classic', query: {}},
  {name: 'REST', query: {'care-protocol': 'wordpress'}},
];

describe('the comment form on WordPress: a lost answer', {skip, concurrency: 1}, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  /**
   * A reader whose first `count` comment requests lose their answer (`how`: during or before it).
   * Every comment request is also recorded, to count what went out.
   */
  const as =
    (key, {count = 1, how = 'during'}, body) =>
    async () => {
      const r = await reader(browser, `lost-${key}`, {
        headers: {'X-Care-Lose-Answer': `${key}-${RUN}`, 'X-Care-Lose-Count': String(count), 'X-Care-Lose-How': how},
      });
      const requests = [];
      r.page.on('request', (request) => request.method() === 'POST' && requests.push(new URL(request.url()).pathname));
      try {
        await body(r, `A comment whose answer was lost (${key}) ${RUN}.`, requests);
        assert.deepEqual(ownProblems(r.problems), []);
      } finally {
        await r.close();
      }
    };
  const typed = (who, comment) => ({comment, author: who.author, email: who.email, url: ''});
  const endpoint = (protocol) => (protocol.name === 'REST' ? '/wp-json/wp/v2/comments' : '/wp-comments-post.php');

  for (const protocol of PROTOCOLS) {
    it(
      `${protocol.name}: the first answer breaks off; the element sends again by itself and is told "duplicate", which after a lost answer means received: one comment`,
      as(`once-${protocol.name}`, {count: 1}, async ({page, open, who}, text, requests) => {
        await open('article', protocol.query);
        await fill(page, typed(who, text));
        const shown = await submit(page);
        assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
        assert.deepEqual(shown.values, {comment: '', author: '', email: '', url: ''});
        assert.deepEqual(requests, [endpoint(protocol), endpoint(protocol)]);
        assert.deepEqual(
          (await commentsWith(text)).map(({post, approved}) => ({post, approved})),
          [{post: info.posts.article, approved: '0'}],
        );
      }),
    );

    it(
      `${protocol.name}: all three attempts lose their answer; the reader is told their comment is kept, clicks "Try again", and it is received: one comment`,
      as(`thrice-${protocol.name}`, {count: 3}, async ({page, open, who}, text, requests) => {
        await open('article', protocol.query);
        await fill(page, typed(who, text));
        const failed = await submit(page);
        assert.deepEqual([failed.kind, failed.status, failed.submit], ['error', SAYS.kept, SAYS.retry]);
        assertKept(failed, typed(who, text));
        assert.equal(requests.length, 3);
        assert.equal((await commentsWith(text)).length, 1, 'the first attempt was stored');
        const shown = await submit(page);
        assert.deepEqual([shown.kind, shown.status], ['success', SAYS.pending]);
        assert.equal(requests.length, 4);
        assert.equal((await commentsWith(text)).length, 1);
      }),
    );

    it(
      `${protocol.name}: the connection breaks before any byte of the answer; Chromium resends the POST itself, WordPress answers "duplicate", and the reader is told it was received: one comment`,
      as(`before-${protocol.name}`, {count: 1, how: 'before'}, async ({page, open, who}, text, requests) => {
        await open('article', protocol.query);
        await fill(page, typed(who, text));
        // A keep-alive connection fresh from use, so that the POST surely goes over a reused one (Apache keeps it 5 s).
        await page.evaluate(() => fetch('/wp-includes/images/blank.gif').then((response) => response.arrayBuffer()));
        const shown = await submit(page);
        // The page saw one request: the browser's own resend is below fetch.
        assert.equal(requests.length, 1);
        assert.deepEqual([shown.kind, shown.status, shown.values], ['success', SAYS.duplicate, EMPTIED]);
        assert.equal((await commentsWith(text)).length, 1);
      }),
    );
  }
});
