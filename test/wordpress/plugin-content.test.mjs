/**
 * The plugin's five blocks and five shortcodes on a real post page of Twenty Twenty-Three, at a
 * phone's viewport (412×915): without JavaScript the article's lists are there as text and both
 * forms are real forms; with it every element renders, nothing moves, nothing is logged as an
 * error and axe-core finds nothing; the bundle comes only to pages that show an element. And what
 * an Author (no `unfiltered_html`) may write: the five tags with their own attributes, nothing else.
 *
 * The plugin is installed from its zip and active for this file only (see plugin.mjs).
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {count, innerText, isVisible, newPage, one} from '../helpers/puppeteer-page.mjs';
import {AXE_SOURCE, RUN, info, launch, ownProblems, reader, skip, sql} from './post-page.mjs';
import {
  ARTICLE,
  BLOCKS_CONTENT,
  SHORTCODES_CONTENT,
  TAGS,
  contentPost,
  installPlugin,
  removePlugin,
  rest,
  withAppPassword,
  pluginPhpProblems,
} from './plugin.mjs';

/** A phone: what the layout-shift bar is measured at. */
const PHONE = {width: 412, height: 915};
/** Loads per page for the layout shift: the maximum is what counts, not a typical load. */
const LOADS = 5;
const LISTS = {'care-symptom-list': 'symptoms', 'care-cause-list': 'causes', 'care-treatment-checklist': 'treatment'};
const labels = (list) => ARTICLE.en[list].items.map((item) => item.label);
const bundleSrc = () => `${info.baseUrl}/wp-content/plugins/care-elements/assets/care-elements.js`;

/** Waits until every element on the page has upgraded and rendered, then two animation frames (painted); fails after 10 s. */
const settle = (page) =>
  page.evaluate(async (tags) => {
    const upgraded = (async () => {
      for (const tag of tags) {
        await customElements.whenDefined(tag);
        await Promise.all([...document.querySelectorAll(tag)].map((element) => element.updateComplete));
      }
    })();
    const late = new Promise((resolve, reject) =>
      setTimeout(() => reject(new Error(`not upgraded after 10 s: ${tags.filter((tag) => !customElements.get(tag)).join(', ')}`)), 10_000),
    );
    await Promise.race([upgraded, late]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, TAGS);

/** Runs axe-core on the page; violations split into ours (inside one of the five elements, shadow roots included) and the theme's. */
async function axeViolations(page) {
  await page.addScriptTag({content: await AXE_SOURCE()});
  return page.evaluate(async (tags) => {
    const inElement = (node) => {
      for (let at = node; at; at = at.getRootNode().host) if (tags.some((tag) => at.closest?.(tag))) return true;
      return false;
    };
    const {violations} = await window.axe.run(document, {elementRef: true, resultTypes: ['violations']});
    const split = {ours: [], theme: []};
    for (const violation of violations) {
      for (const node of violation.nodes)
        split[inElement(node.element) ? 'ours' : 'theme'].push(`${violation.id} (${violation.impact}): ${JSON.stringify(node.target)}`);
    }
    return split;
  }, TAGS);
}

describe('the plugin: blocks and shortcodes on a post page of Twenty Twenty-Three', {skip, concurrency: 1}, () => {
  let browser;
  /** name => {id, link} */
  const pages = {};
  before(async () => {
    browser = await launch();
    await installPlugin();
    pages.blocks = await contentPost('Five blocks', BLOCKS_CONTENT);
    pages.shortcodes = await contentPost('Five shortcodes', SHORTCODES_CONTENT);
    pages.plain = await contentPost('No elements', '<!-- wp:paragraph -->\n<p>A post without any element.</p>\n<!-- /wp:paragraph -->');
  });
  after(async () => {
    await browser?.close();
    await removePlugin();
  });

  /** A reader at the phone's viewport, its problems checked when `body` ends. */
  const as = (key, options, body) => async () => {
    const r = await reader(browser, `content-${key}`, {viewport: PHONE, ...options});
    // What is missing fails at once, not after 30 s of waiting for it.
    r.page.setDefaultTimeout(10_000);
    try {
      await body(r);
      assert.deepEqual(ownProblems(r.problems), [], 'no console error, no uncaught exception');
    } finally {
      await r.close();
    }
  };

  for (const name of ['blocks', 'shortcodes']) {
    it(
      `${name}, JavaScript off: the article's symptoms, causes and steps show as text under their headings, and the signup and the comment form are real forms`,
      as(`${name}-no-js`, {javaScriptEnabled: false}, async ({page}) => {
        await page.goto(pages[name].link, {waitUntil: 'load'});
        // What the reader sees of each list: its heading, items and caution, and whether they are shown.
        const lists = await page.evaluate((tags) => {
          const shown = (node) => Boolean(node?.checkVisibility());
          const text = (node) => (shown(node) ? node.innerText.trim() : null);
          return Object.fromEntries(
            tags.map((tag) => {
              const element = document.querySelector(tag);
              return [
                tag,
                {
                  heading: text(element?.querySelector('h2')),
                  items: [...(element?.querySelectorAll('li') ?? [])].map(text),
                  caution: text(element?.querySelector('p')),
                },
              ];
            }),
          );
        }, Object.keys(LISTS));
        assert.deepEqual(
          lists,
          Object.fromEntries(
            Object.entries(LISTS).map(([tag, list]) => [
              tag,
              {heading: ARTICLE.en[list].heading, items: labels(list), caution: ARTICLE.en[list].caution},
            ]),
          ),
        );

        const signup = 'care-guide-signup form';
        assert.equal(await count(page, signup), 1, 'one form in the signup');
        assert.deepEqual(
          await (
            await one(page, signup)
          ).evaluate((form) => ({
            method: form.method,
            action: form.getAttribute('action'),
            action_field: form.elements.action.value,
            email: form.elements.email.type,
            emailRequired: form.elements.email.required,
            consent: form.elements.consent.type,
          })),
          {
            method: 'post',
            action: `${info.baseUrl}/wp-admin/admin-post.php`,
            action_field: 'care_elements_guide_signup',
            email: 'email',
            emailRequired: true,
            consent: 'checkbox',
          },
        );
        for (const field of ['input[name="email"]', 'input[name="consent"]', 'button[type="submit"]'])
          assert.equal(await isVisible(page, `${signup} ${field}`), true, `the signup's ${field} is shown`);
        assert.equal(await isVisible(page, `${signup} input[name="extra_info"]`), false, 'the honeypot is not shown');
        assert.equal((await innerText(page, `${signup} button[type="submit"]`)).trim(), 'Send me the guide');

        const comments = 'care-comment-form form';
        assert.equal(await count(page, comments), 1, 'one comment form in the element');
        assert.deepEqual(
          await (
            await one(page, comments)
          ).evaluate((form) => ({method: form.method, action: form.getAttribute('action'), post: form.elements.comment_post_ID.value})),
          {method: 'post', action: `${info.baseUrl}/wp-comments-post.php`, post: String(pages[name].id)},
        );
        for (const field of ['#comment', '#author', '#email', '#url', '[type="submit"]'])
          assert.equal(await isVisible(page, `${comments} ${field}`), true, `the comment form's ${field} is shown`);
        assert.equal(
          await count(page, 'form#commentform'),
          1,
          "one comment form on the page: the theme's own is not printed a second time under the post",
        );
      }),
    );

    it(
      `${name}, JavaScript on: every element has rendered its shadow root (the article's items, the forms' buttons), without a console error`,
      as(`${name}-js`, {}, async ({page}) => {
        await page.goto(pages[name].link, {waitUntil: 'load'});
        await settle(page);
        const rendered = await page.evaluate((tags) => {
          const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
          return Object.fromEntries(
            tags.map((tag) => {
              const root = document.querySelector(tag)?.shadowRoot;
              return [
                tag,
                root
                  ? {items: [...root.querySelectorAll('[part~="item"]')].map(text), submit: text(root.querySelector('[part~="submit"]')) || null}
                  : null,
              ];
            }),
          );
        }, TAGS);
        assert.deepEqual(rendered, {
          'care-symptom-list': {items: labels('symptoms'), submit: null},
          'care-cause-list': {items: labels('causes'), submit: null},
          'care-treatment-checklist': {items: labels('treatment'), submit: null},
          'care-guide-signup': {items: [], submit: 'Send me the guide'},
          'care-comment-form': {items: [], submit: 'Post Comment'},
        });
        // The self-check is one (the block's `selectable`): a checkbox per symptom.
        assert.equal(await count(page, 'care-symptom-list >>> input[type="checkbox"]'), labels('symptoms').length);
        assert.equal(await isVisible(page, 'care-comment-form >>> [part="form"]'), true);
        assert.equal(
          await isVisible(page, 'care-comment-form form.comment-form'),
          false,
          "the theme's form is the fallback, hidden once the element has upgraded",
        );
      }),
    );

    it(
      `${name}: layout shift at 412×915, summed from page load until every element has upgraded and painted (updateComplete, then two frames), ` +
        `the maximum of ${LOADS} loads: 0, nothing moves`,
      async () => {
        const scores = [];
        const moves = new Set();
        for (let load = 0; load < LOADS; load++) {
          const {context, page} = await newPage(browser, {viewport: PHONE, headers: {'X-Care-Client': `content-shift-${name}-${RUN}`}});
          try {
            await page.evaluateOnNewDocument(() => {
              window.careShift = {score: 0, moves: []};
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) {
                  window.careShift.score += entry.value;
                  for (const source of entry.sources) {
                    const node = source.node?.localName ?? '?';
                    window.careShift.moves.push(`${node} moved ${Math.round(source.currentRect.y - source.previousRect.y)} px`);
                  }
                }
              }).observe({type: 'layout-shift', buffered: true});
            });
            await page.goto(pages[name].link, {waitUntil: 'load'});
            await settle(page);
            const shift = await page.evaluate(() => window.careShift);
            scores.push(shift.score);
            for (const move of shift.moves) moves.add(move);
          } finally {
            await context.close();
          }
        }
        // The symptom self-check's storage footer, empty until there is something to say, lets the
        // list's bottom margin and the caution's top margin collapse as before the upgrade.
        assert.deepEqual([...moves], [], `what moved in ${LOADS} loads`);
        assert.equal(Math.max(...scores), 0, `the maximum score of ${LOADS} loads`);
      },
    );

    it(
      `${name}: axe-core finds no violation in the five elements, nor on the rest of the page`,
      as(`${name}-axe`, {}, async ({page}) => {
        await page.goto(pages[name].link, {waitUntil: 'load'});
        await settle(page);
        assert.deepEqual(await axeViolations(page), {ours: [], theme: []});
      }),
    );
  }

  it(
    "the bundle's module script is on both pages, once, and on no post without an element",
    as('script-tag', {}, async ({page}) => {
      const scripts = async (name) => {
        await page.goto(pages[name].link, {waitUntil: 'domcontentloaded'});
        return page.$$eval('script[src*="care-elements.js"]', (nodes) => nodes.map((node) => ({type: node.type, src: node.src.replace(/\?.*/, '')})));
      };
      const module = [{type: 'module', src: bundleSrc()}];
      assert.deepEqual(await scripts('blocks'), module);
      assert.deepEqual(await scripts('shortcodes'), module);
      assert.deepEqual(await scripts('plain'), []);
    }),
  );

  it("an Author's post (REST, the Author's own application password) keeps the five tags and their own attributes; onclick and a javascript: URL are stripped", async () => {
    const author = await withAppPassword(info.users.author);
    const written = [
      '<care-symptom-list selectable persist storage-key="author-self-check" keep-days="7" heading="Your symptoms" heading-level="3" onclick="alert(1)"><ul><li data-id="one">One</li></ul></care-symptom-list>',
      '<care-cause-list src="/causes.json" caution="Ask a doctor first." onmouseover="alert(2)"><ul><li data-detail="Why it matters">Stress</li></ul></care-cause-list>',
      '<care-treatment-checklist no-persist storage-key="author-plan" lang="es" onclick="alert(3)"></care-treatment-checklist>',
      '<care-guide-signup offer name-field guide-url="javascript:alert(4)" heading="The free guide" heading-level="3"></care-guide-signup>',
      '<care-comment-form heading="Talk to us" keep-days="10" onfocus="alert(5)"></care-comment-form>',
    ].join('\n');
    const {status, body} = await rest('/wp/v2/posts', {
      user: author,
      body: {title: `Written by an Author ${RUN}`, status: 'publish', content: written},
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.author, info.users.author.id);
    // In hex: the client's output is a line per row.
    const [[hex]] = await sql(`SELECT HEX(post_content) FROM wp_posts WHERE ID = ${Number(body.id)}`);
    const stored = Buffer.from(hex, 'hex').toString('utf8');
    assert.equal(
      stored,
      [
        '<care-symptom-list selectable persist storage-key="author-self-check" keep-days="7" heading="Your symptoms" heading-level="3"><ul><li data-id="one">One</li></ul></care-symptom-list>',
        '<care-cause-list src="/causes.json" caution="Ask a doctor first."><ul><li data-detail="Why it matters">Stress</li></ul></care-cause-list>',
        '<care-treatment-checklist no-persist storage-key="author-plan" lang="es"></care-treatment-checklist>',
        '<care-guide-signup offer name-field guide-url="alert(4)" heading="The free guide" heading-level="3"></care-guide-signup>',
        '<care-comment-form heading="Talk to us" keep-days="10"></care-comment-form>',
      ].join('\n'),
    );
  });

  it('no PHP notice, warning or error from the plugin in blocks, shortcodes and tags (WP_DEBUG is on)', async () => {
    assert.deepEqual(await pluginPhpProblems(), []);
  });
});
