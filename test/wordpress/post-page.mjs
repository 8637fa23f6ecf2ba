/**
 * What the browser tests of the comment form share: a reader (a Chromium context of its own) on
 * WordPress's real post page, the element's fields and status as the reader sees them, and the
 * database and site switches the tests read and set.
 *
 * The page is Twenty Twenty-Three's; the test mu-plugin prints the built bundle and wraps the
 * theme's comment_form() in <care-comment-form> (query arguments: see mu-plugin.php). A reader is
 * a visitor of its own (`X-Care-Client`: WordPress counts floods per address), with an email of
 * its own (and per email).
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {click, fillIn, launchChromium, navigateTo, newPage, waitForShown} from '../helpers/puppeteer-page.mjs';
import {CHROMIUM_PATH} from './browser.mjs';
import {REPO_ROOT, runSql} from './instance.mjs';
import {MISSING_POST, wordpressInfo} from './targets.mjs';

export {MISSING_POST};

/** The instance run.mjs provisioned (undefined when the tests run without one: they skip). */
export const info = await wordpressInfo();

/** Why a browser test cannot run here, or false. */
export const skip = !info
  ? 'no WordPress instance: run through npm run test:wordpress'
  : !CHROMIUM_PATH
    ? 'no Chromium: apt-get install chromium, or set CHROME_PATH'
    : false;

/** A suffix that keeps this run's visitors, emails and texts apart from an earlier run's on the same instance (--serve). */
export const RUN = Date.now().toString(36);

/** The tag under test. */
export const FORM = 'care-comment-form';

/** What the element shows in English (the built bundle's `en` catalogue). */
export const SAYS = {
  pending: 'Your comment is awaiting moderation.',
  published: 'Your comment has been published.',
  duplicate: 'Your comment was already received.',
  badEmail: 'Enter an email address like name@example.com.',
  flood: 'You are posting comments too quickly. Slow down.',
  loginRequired: 'Sorry, you must be logged in to comment.',
  rejected: 'Your comment could not be posted.',
  kept: 'We kept your comment. Try again.',
  oneField: 'Please correct 1 field.',
  viewLink: 'View your comment',
  retry: 'Try again',
};

/**
 * Chromium, headless. Only loopback traffic: every other host name fails to resolve, so what the
 * page asks of third parties (the avatars of approved comments, from gravatar.com) never leaves
 * the machine. (Request interception would do the same at a cost: every request of every page
 * would go through this process.)
 */
export function launch() {
  return launchChromium({args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']});
}

/** The path of a post's page: `article`, `open`, `closed`, `password`, or a post made by newPost(). */
export function pathOf(post, query = {}) {
  const link = typeof post === 'string' && info.links[post] ? info.links[post] : post;
  const url = new URL(link, info.baseUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url.pathname + url.search;
}

/**
 * A reader: a browser context of its own with one page, as visitor `key` (address and email of its
 * own). `problems` collects the page's console errors and uncaught exceptions.
 * Options: `headers` (more request headers), `javaScriptEnabled`, `viewport` (1280×720 by default).
 */
export async function reader(browser, key, {headers = {}, ...options} = {}) {
  const sent = {'X-Care-Client': `reader-${key}-${RUN}`, ...headers};
  const {context, page} = await newPage(browser, {headers: sent, ...options});
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return {
    context,
    page,
    problems,
    /** The headers the page adds to every request (for a request made from Node as this reader). */
    headers: sent,
    /** Name, email and a comment of this reader's own. */
    who: {author: `Reader ${key}`, email: `${key}-${RUN}@example.com`},
    /** Opens a post's page and waits for the element to render (unless `ready` is false: a page without it). */
    async open(post, query = {}, {ready = options.javaScriptEnabled !== false} = {}) {
      await page.goto(info.baseUrl + pathOf(post, query), {waitUntil: 'domcontentloaded'});
      if (ready) await waitForShown(page, `${FORM} >>> [part="submit"]`);
    },
    close: () => context.close(),
  };
}

/**
 * The problems that are the page's own: console errors and uncaught exceptions, without the
 * browser's network lines ("Failed to load resource: …"), which Chromium logs for every 4xx or
 * 5xx answer to a fetch and for every request refused here.
 */
export const ownProblems = (problems) => problems.filter((line) => !line.startsWith('console: Failed to load resource:'));

/** Logs the reader in through wp-login.php, as a person would (`user`: an entry of info.users). */
export async function logIn({page}, user) {
  // Sent on to a static file rather than the dashboard, whose scripts would go on posting to admin-ajax.php.
  const landing = `${info.baseUrl}/wp-includes/images/blank.gif`;
  await page.goto(`${info.baseUrl}/wp-login.php?redirect_to=${encodeURIComponent(landing)}`, {waitUntil: 'domcontentloaded'});
  await fillIn(page, '#user_login', user.login);
  await fillIn(page, '#user_pass', user.password);
  await navigateTo(page, landing, () => click(page, '#wp-submit'));
  assert.ok(
    (await page.browserContext().cookies()).some((cookie) => cookie.name.startsWith('wordpress_logged_in_')),
    `${user.login} is logged in`,
  );
}

/** Types into the element's own fields (its shadow form: the fields with a `part`). Missing keys are left alone. */
export async function fill(page, values) {
  for (const name of ['comment', 'author', 'email', 'url']) {
    if (values[name] !== undefined) await fillIn(page, `${FORM} >>> #${name}[part]`, values[name]);
  }
}

/**
 * Clicks "Post Comment" (or "Try again") and waits for the answer to show; resolves with what the
 * form shows then (see {@link view}). Waits on the element's public events, not on what it shows
 * before: `care-submit` fires in the click (or not at all, when the element's own checks refuse),
 * and `care-success` or `care-error` once the answer is shown.
 */
export async function submit(page, {timeout = 20_000} = {}) {
  const before = await page.evaluate((tag) => {
    const element = document.querySelector(tag);
    if (!element.careTestCounts) {
      const counts = {submits: 0, answers: 0};
      element.addEventListener('care-submit', () => counts.submits++);
      element.addEventListener('care-success', () => counts.answers++);
      element.addEventListener('care-error', () => counts.answers++);
      element.careTestCounts = counts;
    }
    return {...element.careTestCounts};
  }, FORM);
  await click(page, `${FORM} >>> [part="submit"]`);
  const sent = await page.evaluate((tag) => document.querySelector(tag).careTestCounts.submits, FORM);
  if (sent === before.submits) {
    // Nothing sent: the element's own checks refused. It shows that once it has rendered.
    await page.evaluate((tag) => document.querySelector(tag).updateComplete, FORM);
  } else {
    await page.waitForFunction(
      ({tag, answers}) => document.querySelector(tag).careTestCounts.answers > answers,
      {timeout},
      {tag: FORM, answers: before.answers},
    );
    await page.evaluate((tag) => document.querySelector(tag).updateComplete, FORM);
  }
  return view(page);
}

/**
 * What the reader sees in the element: the status region's kind and text, each field's value,
 * the fields marked invalid with their messages, the submit button's label, the heading, and
 * what has focus. One round trip.
 */
export async function view(page) {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    if (!root) return null;
    const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const status = root.querySelector('[part="status"]');
    const values = {};
    const invalid = {};
    for (const name of ['comment', 'author', 'email', 'url']) {
      const control = root.getElementById(name);
      values[name] = control?.value;
      if (control?.getAttribute('aria-invalid') === 'true') invalid[name] = text(root.getElementById(`${name}-error`));
    }
    return {
      kind: status?.dataset.kind,
      status: text(status),
      link: status?.querySelector('a')?.href ?? null,
      values,
      invalid,
      submit: text(root.querySelector('[part="submit"]')),
      heading: text(root.querySelector('[part="heading"], h1, h2, h3, h4, h5, h6')),
      cancelReply: Boolean(root.querySelector('[part="cancel-reply"]')),
      focus: root.activeElement?.id ?? null,
    };
  }, FORM);
}

/**
 * Makes the element's next submission send `changes` in place of what was typed (a care-submit
 * listener may change `detail.data`): how a test gets past the element's own checks to WordPress's.
 */
export function sendInstead(page, changes) {
  return page.evaluate(
    ({tag, changes}) =>
      document.querySelector(tag).addEventListener('care-submit', (event) => Object.assign(event.detail.data, changes), {once: true}),
    {tag: FORM, changes},
  );
}

/** What the fields hold after a success for a reader who did not ask to be remembered: nothing. */
export const EMPTIED = {comment: '', author: '', email: '', url: ''};

/** Asserts that a refused answer kept everything typed: every field still holds what was typed. */
export function assertKept(shown, typed) {
  assert.deepEqual(shown.values, {url: '', ...typed}, 'a refusal keeps everything typed');
}

// --- the database and the site ---

export const sql = (statement) => runSql(info.db, statement);
const quote = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The comments stored with this exact text: `{id, post, parent, approved, user, author, email}` each. */
export async function commentsWith(text) {
  const rows = await sql(
    `SELECT comment_ID, comment_post_ID, comment_parent, comment_approved, user_id, comment_author, comment_author_email FROM wp_comments WHERE comment_content = ${quote(text)} ORDER BY comment_ID`,
  );
  return rows.map(([id, post, parent, approved, user, author, email]) => ({
    id: Number(id),
    post: Number(post),
    parent: Number(parent),
    approved,
    user: Number(user),
    author,
    email,
  }));
}

/** How many comments this email has, in any state. */
export async function commentsFrom(email) {
  const [[count]] = await sql(`SELECT COUNT(*) FROM wp_comments WHERE comment_author_email = ${quote(email)}`);
  return Number(count);
}

/** Sets a site option (`autoload` yes), creating it if needed; resolves with the value it had (undefined: none). */
export async function setOption(name, value) {
  const [row] = await sql(`SELECT option_value FROM wp_options WHERE option_name = ${quote(name)}`);
  await sql(
    `INSERT INTO wp_options (option_name, option_value, autoload) VALUES (${quote(name)}, ${quote(value)}, 'yes') ON DUPLICATE KEY UPDATE option_value = ${quote(value)}`,
  );
  return row?.[0];
}

/** Puts an option back as setOption() found it. */
export async function restoreOption(name, before) {
  if (before === undefined) await sql(`DELETE FROM wp_options WHERE option_name = ${quote(name)}`);
  else await setOption(name, before);
}

/** Opens or closes a post's comments. */
export const setCommentStatus = (post, status) => sql(`UPDATE wp_posts SET comment_status = ${quote(status)} WHERE ID = ${Number(post)}`);

/** The admin's REST calls (application password). */
async function asAdmin(path, body) {
  const {login, appPassword} = info.users.admin;
  const response = await fetch(`${info.baseUrl}/wp-json${path}`, {
    method: 'POST',
    headers: {Authorization: `Basic ${Buffer.from(`${login}:${appPassword}`).toString('base64')}`, 'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`POST ${path} as admin answered ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A new open post (`extra`: more REST fields, e.g. `password`); resolves with `{id, link}`. */
export async function newPost(title, extra = {}) {
  const post = await asAdmin('/wp/v2/posts', {
    title: `${title} ${RUN}`,
    status: 'publish',
    content: `<p>${title}</p>`,
    comment_status: 'open',
    ...extra,
  });
  return {id: post.id, link: post.link};
}

/**
 * A new user with `role` (`author` by default), for a test that logs in: WordPress counts a
 * logged-in reader's floods per account, so tests that comment at once need accounts of their own.
 * Resolves with `{id, login, password, name}`.
 */
export async function newUser(key, role = 'author') {
  const login = `care-${key}-${RUN}`;
  const password = `pw-${RUN}-${Math.random().toString(36).slice(2)}`;
  const name = `Author ${key}`;
  const user = await asAdmin('/wp/v2/users', {username: login, password, email: `${login}@example.com`, name, roles: [role]});
  return {id: user.id, login, password, name, email: `${login}@example.com`};
}

/**
 * An approved comment by `author` <`email`>, dated an hour ago (outside WordPress's 15 s flood
 * window), posted by the admin: after it, WordPress approves the next comment of that name and
 * email at once. Resolves with its id.
 */
export async function approvedComment(post, {author, email}, text) {
  const date = new Date(Date.now() - 3600_000).toISOString().slice(0, 19);
  const comment = await asAdmin('/wp/v2/comments', {
    post,
    author_name: author,
    author_email: email,
    content: text,
    status: 'approved',
    date_gmt: date,
  });
  return comment.id;
}

/** axe-core's own file, for page.addScriptTag. */
export const AXE_SOURCE = () => readFile(`${REPO_ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
