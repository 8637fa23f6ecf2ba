/**
 * The plugin's guide signups on a real WordPress: the route `POST /wp-json/care-elements/v1/guide-signups`
 * (answers as demo/receiver/signups.mjs, the reference receiver, answers), <care-guide-signup> on a
 * blocks page, and its light form without JavaScript; then what the site owner does with a signup:
 * the CSV download (Tools → Guide signups, logged in as the admin) and WordPress's personal data
 * eraser. Every "stored" is read from the table (`wp_care_signups`).
 *
 * The plugin is installed from its zip and active for this file only (see plugin.mjs).
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {after, before, describe, it} from 'node:test';
import {
  byRole,
  check,
  click,
  count,
  download,
  fillIn,
  innerText,
  installClock,
  isVisible,
  navigateTo,
  one,
  postForm,
  waitForShown,
} from '../helpers/puppeteer-page.mjs';
import {RUN, info, launch, logIn, ownProblems, reader, skip} from './post-page.mjs';
import {
  BLOCKS_CONTENT,
  clearSettings,
  contentPost,
  installPlugin,
  php,
  postSignup,
  removePlugin,
  setSettings,
  signupsOf,
  pluginPhpProblems,
} from './plugin.mjs';

/** What the element and the no-JavaScript page say after a signup (the bundle's `en` catalogue; the plugin's own words). */
const THANKS = 'Thank you! Your free gut health guide is ready.';
/** The element's own consent wording, which the plugin records when no wording is set. */
const CONSENT = 'I agree to receive the guide and occasional gut-health emails. I can unsubscribe at any time.';
const email = (key) => `signup-${key}-${RUN}@example.com`;
/** The database's UTC clock, to the second, as the table's times are written. */
const utcNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

/** A minimal RFC 4180 reader: rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(cell), rows.push(row), (row = []), (cell = ''));
    } else cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

describe('the plugin: guide signups', {skip, concurrency: 1}, () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    await installPlugin();
    page = await contentPost('Signups', BLOCKS_CONTENT);
  });
  after(async () => {
    await browser?.close();
    await removePlugin();
  });

  it('the route stores a signup once: a retry with the same Idempotency-Key stores nothing more and gets the same answer', async () => {
    const fields = {email: email('retry'), consent: true};
    const first = await postSignup(fields, {client: 'retry', key: `retry-${RUN}`});
    assert.equal(first.status, 201);
    assert.deepEqual(Object.keys(first.body).sort(), ['guide_url', 'id', 'status']);
    assert.equal(first.body.status, 'subscribed');
    const again = await postSignup(fields, {client: 'retry', key: `retry-${RUN}`});
    assert.deepEqual([again.status, again.body], [first.status, first.body]);
    const stored = await signupsOf(fields.email);
    assert.deepEqual(
      stored.map(({uuid, email}) => ({uuid, email})),
      [{uuid: first.body.id, email: fields.email}],
    );
  });

  it('"already subscribed" is a success like any other (a fresh id), and nothing more is stored, whatever the case of the address', async () => {
    const address = email('twice');
    const first = await postSignup({email: address, consent: true}, {client: 'twice-1'});
    const second = await postSignup({email: address.toUpperCase(), consent: true}, {client: 'twice-2', key: `twice-${RUN}`});
    assert.deepEqual([first.status, first.body.status, second.status, second.body.status], [201, 'subscribed', 201, 'subscribed']);
    assert.notEqual(second.body.id, first.body.id, 'a fresh id: the answer does not tell that the address is on the list');
    assert.deepEqual(
      (await signupsOf(address)).map(({uuid}) => uuid),
      [first.body.id],
    );
  });

  it('consent is recorded with the time it was given and the exact wording shown; the free supply as asked', async () => {
    const address = email('consent');
    const before = utcNow();
    const answer = await postSignup({email: address, first_name: 'Ada', consent: true, offer: true}, {client: 'consent'});
    const after = utcNow();
    assert.equal(answer.status, 201);
    const [row, ...more] = await signupsOf(address);
    assert.equal(more.length, 0);
    assert.deepEqual(
      {...row, consentAt: undefined, createdAt: undefined},
      {
        uuid: answer.body.id,
        email: address,
        firstName: 'Ada',
        consent: true,
        consentText: CONSENT,
        consentAt: undefined,
        offer: true,
        createdAt: undefined,
      },
    );
    assert.ok(row.consentAt >= before && row.consentAt <= after, `consent given at ${row.consentAt}, between ${before} and ${after} (UTC)`);
    assert.equal(row.createdAt, row.consentAt);
  });

  it('a signup without consent is refused (400 rest_invalid_param naming consent) and nothing is stored', async () => {
    const address = email('no-consent');
    const answer = await postSignup({email: address, consent: false}, {client: 'no-consent'});
    assert.deepEqual([answer.status, answer.body.code, Object.keys(answer.body.data.params)], [400, 'rest_invalid_param', ['consent']]);
    assert.deepEqual(await signupsOf(address), []);
  });

  it('the rate limit: the 6th signup from one address within 10 minutes is answered 429 with Retry-After, and not stored', async () => {
    const statuses = [];
    for (let n = 1; n <= 5; n++) statuses.push((await postSignup({email: email(`rate-${n}`), consent: true}, {client: 'rate'})).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201]);
    const refused = await postSignup({email: email('rate-6'), consent: true}, {client: 'rate'});
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'care_signup_rate_limited');
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(wait) && wait > 0 && wait <= 600, `Retry-After: ${refused.headers.get('retry-after')}`);
    assert.deepEqual(await signupsOf(email('rate-6')), []);
    // Another address is not held up by it.
    assert.equal((await postSignup({email: email('rate-other'), consent: true}, {client: 'rate-other'})).status, 201);
  });

  it('the element on a blocks page: a reader fills it in, sees the thanks, and the signup is stored once, with the wording the reader was shown', async () => {
    const wording = `Send me the guide and, now and then, an email about gut health (${RUN}).`;
    await setSettings({consent_text: wording});
    const r = await reader(browser, 'signup-element');
    r.page.setDefaultTimeout(10_000);
    try {
      // The reader's own pace: the form judges a fill under 1.5 s a program's (stored nowhere). The
      // page's clock, not a sleep, lets the reader take 2 s.
      const clock = await installClock(r.page);
      await r.page.goto(page.link, {waitUntil: 'load'});
      const signup = 'care-guide-signup';
      await waitForShown(r.page, `${signup} >>> [part="submit"]`);
      // The label's own words, without the required mark and the word "Required" said to screen readers.
      const shown = await (
        await one(r.page, `${signup} >>> label[for="consent"]`)
      ).evaluate((label) => {
        const words = label.cloneNode(true);
        for (const extra of words.querySelectorAll('.required, .visually-hidden')) extra.remove();
        return words.textContent.trim();
      });
      assert.equal(shown, wording);
      await fillIn(r.page, `${signup} >>> input#email[part]`, email('element'));
      await check(r.page, `${signup} >>> input#consent`);
      await clock.fastForward(2000);
      const answered = (await one(r.page, signup)).evaluate(
        (element) =>
          new Promise((resolve) => {
            element.addEventListener('care-success', () => resolve('care-success'), {once: true});
            element.addEventListener('care-error', (event) => resolve(`care-error: ${event.detail.message}`), {once: true});
          }),
      );
      await click(r.page, `${signup} >>> [part="submit"]`);
      assert.equal(await answered, 'care-success');
      assert.equal((await innerText(r.page, `${signup} >>> [part="status"]`)).trim(), THANKS);
      assert.equal(await isVisible(r.page, `${signup} >>> [part="status"]`), true);
      const stored = await signupsOf(email('element'));
      assert.deepEqual(
        stored.map(({consent, consentText, offer}) => ({consent, consentText, offer})),
        [{consent: true, consentText: wording, offer: false}],
      );
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
      await clearSettings();
    }
  });

  it('JavaScript off: the light form posts to admin-post.php, the reader lands back on the page and sees the thanks, and the signup is stored once', async () => {
    const r = await reader(browser, 'signup-no-js', {javaScriptEnabled: false});
    r.page.setDefaultTimeout(10_000);
    try {
      await r.page.goto(page.link, {waitUntil: 'load'});
      const form = 'care-guide-signup form';
      await fillIn(r.page, `${form} input[name="email"]`, email('no-js'));
      await check(r.page, `${form} input[name="consent"]`);
      await navigateTo(r.page, /[?&]care-signup=ok/, () => click(r.page, `${form} button[type="submit"]`), {waitUntil: 'load'});
      const url = new URL(r.page.url());
      assert.equal(url.pathname + url.hash, `${new URL(page.link).pathname}#care-guide-signup`);
      assert.equal((await innerText(r.page, 'care-guide-signup [role="status"]')).trim(), THANKS);
      assert.equal(await count(r.page, 'care-guide-signup input[name="email"]'), 0, "the thanks take the fields' place");
      const stored = await signupsOf(email('no-js'));
      assert.deepEqual(
        stored.map(({consent, consentText}) => ({consent, consentText})),
        [{consent: true, consentText: CONSENT}],
      );
      assert.deepEqual(ownProblems(r.problems), []);
    } finally {
      await r.close();
    }
  });

  it("Tools → Guide signups → Download CSV (the admin, logged in): the file holds the signup as the table does; without the form's nonce, nothing", async () => {
    const address = email('csv');
    const answer = await postSignup({email: address, first_name: 'Grace', consent: true}, {client: 'csv'});
    assert.equal(answer.status, 201);
    const [row] = await signupsOf(address);
    const r = await reader(browser, 'signup-csv');
    r.page.setDefaultTimeout(10_000);
    try {
      await logIn(r, info.users.admin);
      await r.page.goto(`${info.baseUrl}/wp-admin/tools.php?page=care-elements-signups`, {waitUntil: 'domcontentloaded'});
      const file = await download(r.page, () => click(r.page, byRole('button', 'Download CSV')));
      assert.match(file.suggestedFilename, /^guide-signups-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile(file.path, 'utf8');
      assert.ok(text.startsWith('\uFEFF'), 'a byte order mark, for spreadsheets');
      const [header, ...rows] = parseCsv(text.slice(1));
      assert.deepEqual(header, ['id', 'email', 'first_name', 'consent', 'consent_text', 'consent_at_utc', 'offer', 'created_at_utc']);
      const iso = (time) => `${time.replace(' ', 'T')}Z`;
      assert.deepEqual(
        rows.filter((cells) => cells[1] === address),
        [[row.uuid, address, 'Grace', '1', CONSENT, iso(row.consentAt), '0', iso(row.createdAt)]],
      );
      // The same action without the form's nonce (a link another site could make the admin follow) is refused.
      const forged = await postForm(r.page, `${info.baseUrl}/wp-admin/admin-post.php`, {action: 'care_elements_signups_csv'}, r.headers);
      assert.equal(forged.status, 403);
      assert.doesNotMatch(forged.text, new RegExp(address.replace(/[.+]/g, '\\$&')));
    } finally {
      await r.close();
    }
  });

  it("WordPress's personal data erasers (Tools → Erase Personal Data runs each): the signup of that address is deleted, nobody else's", async () => {
    const gone = email('erase');
    const kept = email('erase-not');
    for (const [address, client] of [
      [gone, 'erase'],
      [kept, 'erase-not'],
    ]) {
      assert.equal((await postSignup({email: address, consent: true}, {client})).status, 201);
    }
    const answers = await php(
      `$answers = array();
foreach ( apply_filters( 'wp_privacy_personal_data_erasers', array() ) as $id => $eraser ) {
	$answers[ $id ] = call_user_func( $eraser['callback'], $care_input['email'], 1 );
}
care_done( $answers );`,
      {email: gone},
    );
    const removed = Object.entries(answers)
      .filter(([, answer]) => answer.items_removed)
      .map(([id]) => id);
    assert.equal(removed.length, 1, `one eraser removed something: ${JSON.stringify(answers)}`);
    assert.deepEqual(answers[removed[0]], {items_removed: true, items_retained: false, messages: [], done: true});
    assert.deepEqual(await signupsOf(gone), []);
    assert.equal((await signupsOf(kept)).length, 1);
  });

  it('no PHP notice, warning or error from the plugin in the signups (WP_DEBUG is on)', async () => {
    assert.deepEqual(await pluginPhpProblems(), []);
  });
});
