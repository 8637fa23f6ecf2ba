/**
 * JavaScript off: <care-comment-form> never upgrades, and the theme's own comment_form() inside it
 * is the form. It is shown, posts natively to wp-comments-post.php, the comment lands once, and
 * WordPress shows it to its author on the page it redirects to. Whatever protocol the element was
 * given: without JavaScript only the theme's form speaks.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {click, fillIn, innerText, isVisible, navigateTo} from '../helpers/puppeteer-page.mjs';
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
        const form = `${FORM} #commentform`;
        assert.equal(await isVisible(page, form), true);
        await fillIn(page, `${form} #comment`, text);
        await fillIn(page, `${form} #author`, r.who.author);
        await fillIn(page, `${form} #email`, r.who.email);
        await navigateTo(page, /[?&]unapproved=\d+/, () => click(page, `${form} [type="submit"]`), {waitUntil: 'domcontentloaded'});
        const [row, ...more] = await commentsWith(text);
        assert.deepEqual([row.post, row.approved, more.length], [info.posts.article, '0', 0]);
        // The redirect names the held comment (and proves it is the reader's), so the theme shows it to them, marked as held.
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, `${pathOf('article')}#comment-${row.id}`);
        const shown = await innerText(page, `#comment-${row.id}`);
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
