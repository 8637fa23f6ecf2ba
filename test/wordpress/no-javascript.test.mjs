/**
 * JavaScript off: <care-comment-form> never upgrades, and the theme's own comment_form() inside it
 * is the form. It is shown, posts natively to wp-comments-post.php, the comment lands once, and
 * WordPress shows it to its author on the page it redirects to. Whatever protocol the element was
 * given: without JavaScript only the theme's form speaks.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {FORM, RUN, commentsWith, info, launch, ownProblems, pathOf, reader, skip} from './post-page.mjs';

describe('the comment form on WordPress with JavaScript off', {skip, concurrency: 1}, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  for (const [name, query] of [
    ['the classic page', {}],
    ['a page that sets protocol="wordpress"', {'care-protocol': 'wordpress'}],
  ]) {
    it(`${name}: the theme's form is shown, posts natively, one comment lands and its author sees it held`, async () => {
      const r = await reader(browser, `no-js-${Object.keys(query).length}`, {javaScriptEnabled: false});
      const {page} = r;
      // Plain words: WordPress's wptexturize() would curl quotes.
      const text = `Posted without JavaScript (${Object.keys(query).length ? 'REST page' : 'classic page'}) ${RUN}.`;
      try {
        await r.open('article', query);
        const form = page.locator(`${FORM} #commentform`);
        assert.equal(await form.isVisible(), true);
        await form.locator('#comment').fill(text);
        await form.locator('#author').fill(r.who.author);
        await form.locator('#email').fill(r.who.email);
        await Promise.all([page.waitForURL(/[?&]unapproved=\d+/, {waitUntil: 'domcontentloaded'}), form.locator('[type="submit"]').click()]);
        const [row, ...more] = await commentsWith(text);
        assert.deepEqual([row.post, row.approved, more.length], [info.posts.article, '0', 0]);
        // The redirect names the held comment (and proves it is the reader's), so the theme shows it to them, marked as held.
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, `${pathOf('article')}#comment-${row.id}`);
        const shown = await page.locator(`#comment-${row.id}`).innerText();
        assert.ok(shown.includes(text), shown);
        assert.ok(shown.includes('Your comment is awaiting moderation.'), shown);
        // Its avatar is asked of gravatar.com, which the browser here cannot reach: that network line is not the page's.
        assert.deepEqual(ownProblems(r.problems), []);
      } finally {
        await r.close();
      }
    });
  }
});
