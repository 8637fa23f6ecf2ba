/**
 * The post page in WordPress's own theme (Twenty Twenty-Three) with <care-comment-form>: it
 * upgrades around the theme's comment_form() without a console error, and axe-core finds no
 * violation, in the element or on the page, in each state a reader meets (as loaded, after
 * refusals, after success). Violations outside the element are the theme's: they are reported
 * apart from ours.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {getAttribute, isVisible, waitForLoad} from '../helpers/puppeteer-page.mjs';
import {AXE_SOURCE, FORM, RUN, SAYS, fill, info, launch, ownProblems, reader, sendInstead, skip, submit} from './post-page.mjs';

/** Runs axe-core on the whole page; resolves with its violations split into ours (in the element, its shadow root included) and the theme's. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({content: await AXE_SOURCE()});
  return page.evaluate(async (tag) => {
    const inElement = (node) => {
      for (let at = node; at; at = at.getRootNode().host) if (at.closest?.(tag)) return true;
      return false;
    };
    const {violations} = await window.axe.run(document, {elementRef: true, resultTypes: ['violations']});
    const split = {ours: [], theme: []};
    for (const violation of violations) {
      for (const node of violation.nodes) {
        split[inElement(node.element) ? 'ours' : 'theme'].push(`${violation.id} (${violation.impact}): ${JSON.stringify(node.target)}`);
      }
    }
    return split;
  }, FORM);
}

describe('the post page in Twenty Twenty-Three', {skip, concurrency: 1}, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  for (const [name, query] of [
    ['classic (as the theme prints it)', {}],
    ['REST', {'care-protocol': 'wordpress'}],
  ]) {
    it(`${name}: upgrades around the theme's comment_form(), whose form stays inside as the fallback, without a console error`, async () => {
      const r = await reader(browser, `upgrade-${Object.keys(query).length}`);
      try {
        await r.open('article', query);
        const light = `${FORM} #respond form#commentform`;
        assert.equal(await getAttribute(r.page, light, 'action'), `${info.baseUrl}/wp-comments-post.php`);
        assert.equal(await isVisible(r.page, light), false, "the theme's form is not shown once the element has upgraded");
        assert.equal(await isVisible(r.page, `${FORM} >>> [part="form"]`), true);
        // Settled: whatever the element logs at start-up has been logged.
        await waitForLoad(r.page);
        assert.deepEqual(r.problems, []);
      } finally {
        await r.close();
      }
    });
  }

  it('axe-core: no violation in the element nor on the page, as loaded, after a refusal at a field, after a refusal, after success', async () => {
    const r = await reader(browser, 'axe');
    const {page} = r;
    const seen = {};
    try {
      await r.open('article');
      seen['as loaded'] = await axeViolations(page);
      // The element's own checks: every required field marked.
      await submit(page);
      seen['after its own checks refused every field'] = await axeViolations(page);
      // An email WordPress would refuse: the element's own check, then WordPress's (a field error from the server).
      await fill(page, {comment: `Checked by axe ${RUN}.`, author: r.who.author, email: r.who.email.replace(/\.com$/, '')});
      assert.equal((await submit(page)).invalid.email, SAYS.badEmail);
      seen['after its own check refused the email'] = await axeViolations(page);
      await fill(page, {email: r.who.email});
      await sendInstead(page, {email: r.who.email.replace(/\.com$/, '')});
      assert.equal((await submit(page)).invalid.email, 'Please enter a valid email address.');
      seen['after WordPress refused the email'] = await axeViolations(page);
      await fill(page, {email: r.who.email});
      assert.equal((await submit(page)).status, SAYS.pending);
      seen['after success'] = await axeViolations(page);
      // A refusal without a field: a second comment at once.
      await fill(page, {comment: `Checked by axe again ${RUN}.`, author: r.who.author, email: r.who.email});
      assert.equal((await submit(page)).status, SAYS.flood);
      seen['after a refusal (flood)'] = await axeViolations(page);
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
    }
    const states = Object.keys(seen);
    assert.deepEqual(
      Object.fromEntries(states.map((state) => [state, seen[state].ours])),
      Object.fromEntries(states.map((state) => [state, []])),
      'violations in <care-comment-form>',
    );
    assert.deepEqual(
      Object.fromEntries(states.map((state) => [state, seen[state].theme])),
      Object.fromEntries(states.map((state) => [state, []])),
      "violations of the theme's page, outside the element",
    );
  });
});
