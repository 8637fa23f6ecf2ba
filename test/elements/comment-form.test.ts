// <care-comment-form>: the shared form suite against the reference receiver's WordPress routes,
// then the comment form's own contract: WordPress's texts and outcomes, the classic handler, the
// draft, remember-me, length limits, replies, the REST nonce, failing storage and Spanish.
import {aTimeout, expect, fixture, waitUntil} from '@open-wc/testing';
import '../../src/elements/comment-form/define.js';
import type {CareCommentForm} from '../../src/elements/comment-form/comment-form.js';
import type {CareErrorDetail, CareSuccessDetail} from '../../src/events.js';
import {en} from '../../src/i18n/en.js';
import {byId, description, focused, nextEvent, part, shadow, textOf} from '../helpers/dom.js';
import {runFormSuite, watchEachTest} from '../helpers/form-suite.js';
import {clickSubmit, fill, read, sendInstead, statusRegion, submitAndWait, typeInto, type Values} from '../helpers/forms.js';
import {MIN_FILL_MS, approveComment, postCommentDirectly, storedComments, unique, type FetchWatch} from '../helpers/network.js';
import {installFullStorage, storeRecordAged, storedValue} from '../helpers/storage.js';
import {removeStored} from '../../src/lib/storage.js';
import {sendKeys} from '@web/test-runner-commands';

const ROUTE = '/api/comments';
const CLASSIC = '/wp-comments-post.php';
const IDENTITY_KEY = 'care-comment-form:identity';
const draftKey = (post: number | string, parent: number | string = 0) => `care-comment-form:draft:${post}:${parent}`;

/** A new post and a new author for one test, so the receiver's duplicate, flood and moderation checks never mix tests. */
function commentCase() {
  const post = unique();
  const values: Values = {
    comment: `A comment on post ${post}: the broth helped.`,
    author: `Ana ${post}`,
    email: `ana.${post}@example.com`,
    url: 'https://example.com/ana',
    remember: false,
  };
  const storedIds = async () => (await storedComments(post)).map((c) => c.id);
  return {post, attrs: `post-id="${post}"`, values, storedIds, stored: async () => (await storedIds()).length};
}

describe('<care-comment-form>', () => {
  runFormSuite({
    tag: 'care-comment-form',
    target: 'comments',
    route: ROUTE,
    newCase: commentCase,
    // What the wordpress protocol sends: the REST route's field names.
    sentData: ({post, values}) => ({
      post,
      parent: 0,
      author_name: values.author,
      author_email: values.email,
      author_url: values.url,
      content: values.comment,
    }),
    required: ['comment', 'author', 'email'],
    emailField: 'email',
    enterField: 'author',
    // A new author's comment is held for moderation, as WordPress does by default.
    successText: en.commentPending,
    successPending: true,
    // The default protocol, wordpress, sends no Idempotency-Key (WordPress's CORS allow-list has none).
    idempotent: false,
    messages: {
      network: en.commentKept,
      server: en.commentKept,
      badResponse: `${en.failureBadResponse} ${en.commentKept}`,
      loginRequired: en.commentLoginRequired,
    },
    retryLabel: en.retry,
  });

  describe('its own contract', () => {
    let net: FetchWatch;
    // Each test: a fresh fetch watch, the console captured, the forms' storage cleared after.
    watchEachTest((n) => (net = n));

    const mount = (attrs: string, action: string | null = ROUTE) =>
      fixture<CareCommentForm>(`<care-comment-form ${action === null ? '' : `action="${action}"`} ${attrs}></care-comment-form>`);
    const since = () => {
      const shown = performance.now();
      return async (ms = MIN_FILL_MS + 150) => {
        const left = ms - (performance.now() - shown);
        if (left > 0) await aTimeout(left);
      };
    };
    const label = (el: Element, id: string) => textOf(shadow(el).querySelector(`label[for="${id}"]`));

    describe("WordPress's texts", () => {
      it('shows "Leave a Reply", the notes, the labels with required marks and the remember-me text', async () => {
        const el = await mount(`post-id="${unique()}"`);
        const heading = part(el, 'heading');
        expect(heading.localName).to.equal('h3');
        expect(textOf(heading)).to.equal('Leave a Reply');
        expect(textOf(part(el, 'notes'))).to.equal('Your email address will not be published. Required fields are marked *');
        expect(['comment', 'author', 'email', 'url'].map((id) => label(el, id).replace(/\s+/g, ''))).to.deep.equal([
          'Comment*',
          'Name*',
          'Email*',
          'Website',
        ]);
        expect(label(el, 'remember')).to.equal('Save my name, email, and website in this browser for the next time I comment.');
        expect(textOf(part(el, 'submit'))).to.equal('Post Comment');
        expect(shadow(el).querySelector('[part~="cancel-reply"]')).to.equal(null);
      });

      it("gives every field WordPress's name and the autofill token", async () => {
        const el = await mount(`post-id="${unique()}"`);
        const fields = ['comment', 'author', 'email', 'url'].map((id) => byId(el, id));
        expect(fields.map((f) => f.getAttribute('name'))).to.deep.equal(['comment', 'author', 'email', 'url']);
        expect(fields.slice(1).map((f) => [f.type, f.getAttribute('autocomplete')])).to.deep.equal([
          ['text', 'name'],
          ['email', 'email'],
          ['url', 'url'],
        ]);
        expect(fields.map((f) => f.required)).to.deep.equal([true, true, true, false]);
        expect(byId(el, 'remember').name).to.equal('wp-comment-cookies-consent');
        expect(description(el, byId(el, 'email'))).to.contain('Your email address will not be published.');
      });
    });

    describe('every WordPress outcome from the receiver (REST)', () => {
      it('201 approved: an author with an approved comment is published, with a link to it', async () => {
        const c = commentCase();
        const first = await postCommentDirectly({
          post: unique(),
          author_name: c.values.author as string,
          author_email: c.values.email as string,
          content: 'My first comment.',
        });
        expect(first.status).to.equal(201);
        await approveComment(first.body.id as number);
        // That first comment is on another post, so the runner's flood key (client + post) lets this one through.
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, c.values);
        await wait();
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(detail.pending).to.equal(false);
        expect(detail.response).to.include({status: 'approved'});
        const status = statusRegion(el);
        expect(textOf(status)).to.contain(en.commentPublished);
        const link = status.querySelector('a')!;
        expect(textOf(link)).to.equal(en.commentViewLink);
        expect(link.href).to.equal(new URL(`/demo/#comment-${String(detail.response!.id)}`, location.href).href);
        expect(detail.link).to.equal(link.href);
        expect((await storedComments(c.post)).map((s) => s.status)).to.deep.equal(['approved']);
      });

      it('201 hold: "Your comment is awaiting moderation.", the comment box emptied and the draft gone', async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, c.values);
        await wait();
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(detail.pending).to.equal(true);
        expect(textOf(statusRegion(el))).to.equal('Your comment is awaiting moderation.');
        expect(byId(el, 'comment').value).to.equal('');
        expect(storedValue(draftKey(c.post))).to.equal(null);
        // Not remembered: the identity is not kept either.
        expect(read(el, {author: '', email: '', url: ''})).to.deep.equal({author: '', email: '', url: ''});
        const stored = await storedComments(c.post);
        expect(stored.map((s) => [s.status, s.author_name])).to.deep.equal([['hold', c.values.author]]);
      });

      it('409 duplicate: the same comment twice on a post is told as already received, and the box emptied', async () => {
        const c = commentCase();
        const first = await postCommentDirectly({
          post: c.post,
          author_name: c.values.author as string,
          author_email: c.values.email as string,
          content: c.values.comment as string,
        });
        expect(first.status).to.equal(201);
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, c.values);
        // WordPress checks for a duplicate before the flood window, so no need to wait it out.
        await wait();
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(net.posts.map((p) => p.status)).to.deep.equal([409]);
        expect(detail.pending).to.equal(true);
        expect(textOf(statusRegion(el))).to.equal('Your comment was already received.');
        expect(read(el, c.values)).to.deep.equal({...c.values, comment: '', author: '', email: '', url: ''});
        expect(await c.stored()).to.equal(1);
      });

      it('a lost answer retried into a duplicate counts as held: one stored comment (the WordPress duplicate guard)', async () => {
        // The first attempt "landed" (posted directly here) but the form saw a 503; its retry
        // (no Idempotency-Key with the wordpress protocol) is refused as a duplicate.
        const c = commentCase();
        await postCommentDirectly({
          post: c.post,
          author_name: c.values.author as string,
          author_email: c.values.email as string,
          content: c.values.comment as string,
        });
        const wait = since();
        const el = await mount(c.attrs, `/api/faults/fail-once/comments?scope=${unique()}`);
        await fill(el, c.values);
        await wait();
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(net.posts.map((p) => p.status)).to.deep.equal([503, 409]);
        expect(detail.pending).to.equal(true);
        expect(textOf(statusRegion(el))).to.equal(en.commentPending);
        expect(await c.stored()).to.equal(1);
      });

      it('an email WordPress would refuse ("a@b": no dot in the domain, which type="email" takes) is refused before sending, in the form\'s words', async () => {
        const c = commentCase();
        const el = await mount(c.attrs);
        const values = {...c.values, email: 'a@b'};
        await fill(el, values);
        clickSubmit(el);
        await el.updateComplete;
        const email = byId(el, 'email');
        await waitUntil(() => focused(el) === email, 'focus on the email field');
        expect(description(el, email)).to.contain(en.typeMismatchEmail);
        expect(textOf(statusRegion(el))).to.equal(en.errorSummary(1));
        expect(net.posts).to.deep.equal([]);
        expect(read(el, values)).to.deep.equal(values);
      });

      it('a comment of spaces alone is refused before sending, as WordPress trims it', async () => {
        const c = commentCase();
        const el = await mount(c.attrs);
        await fill(el, {...c.values, comment: '   '});
        clickSubmit(el);
        await el.updateComplete;
        expect(description(el, byId(el, 'comment'))).to.contain(en.valueMissing);
        expect(net.posts).to.deep.equal([]);
      });

      it('400 invalid author_email from the server: shown at the email field, which gets focus', async () => {
        // A server stricter than the form: the form sends "a@b", which WordPress's is_email() refuses.
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs);
        const values = {...c.values, email: 'a@b.example'};
        await fill(el, values);
        sendInstead(el, {author_email: 'a@b'});
        await wait();
        const detail = await submitAndWait<CareErrorDetail>(el, 'care-error');
        expect(net.posts.map((p) => p.status)).to.deep.equal([400]);
        expect(detail.outcome).to.include({kind: 'field-errors', code: 'rest_invalid_param'});
        const email = byId(el, 'email');
        await waitUntil(() => focused(el) === email, 'focus on the email field');
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, email)).to.contain('Invalid email address.');
        expect(byId(el, 'comment').getAttribute('aria-invalid')).to.equal('false');
        expect(textOf(statusRegion(el))).to.equal(en.errorSummary(1));
        expect(read(el, values)).to.deep.equal(values);
        expect(await c.stored()).to.equal(0);
      });

      it("the server's field error stays when the reader leaves the field, and goes once they change it", async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, {...c.values, email: 'a@b.example'});
        sendInstead(el, {author_email: 'a@b'});
        await wait();
        await submitAndWait<CareErrorDetail>(el, 'care-error');
        const email = byId(el, 'email');
        await waitUntil(() => focused(el) === email, 'focus on the email field');
        byId(el, 'author').focus();
        await el.updateComplete;
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, email)).to.contain('Invalid email address.');
        typeInto(email, 'a@c.example');
        await el.updateComplete;
        expect(email.getAttribute('aria-invalid')).to.equal('false');
        expect(description(el, email)).to.not.contain('Invalid email address.');
      });

      it('400 comment_flood: "You are posting comments too quickly. Slow down."', async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, c.values);
        await wait();
        // Another comment on the same post from this browser, just before: inside the 2 s window.
        const other = await postCommentDirectly({
          post: c.post,
          author_name: 'Someone Else',
          author_email: `else.${c.post}@example.com`,
          content: 'First!',
        });
        expect(other.status).to.equal(201);
        const detail = await submitAndWait<CareErrorDetail>(el, 'care-error');
        expect(net.posts.map((p) => p.status)).to.deep.equal([400]);
        expect(detail.outcome).to.include({kind: 'too-fast', code: 'comment_flood'});
        expect(textOf(statusRegion(el))).to.equal('You are posting comments too quickly. Slow down.');
        expect(read(el, c.values)).to.deep.equal(c.values);
        expect(await c.stored()).to.equal(1);
      });

      // By code first: WordPress answers 403 for more than logins (comments closed, a draft post).
      for (const refusal of [
        {
          name: '401 login required',
          action: '/api/faults/login-required/comments',
          status: 401,
          code: 'rest_comment_login_required',
          text: 'Sorry, you must be logged in to comment.',
        },
        {
          name: "a 403 that is not about logging in: the server's words",
          action: '/api/faults/status/comments?code=403',
          status: 403,
          code: 'rest_forbidden',
          text: 'Sorry, you are not allowed to do that.',
        },
      ]) {
        it(`${refusal.name}: "${refusal.text}", everything typed kept`, async () => {
          const c = commentCase();
          const el = await mount(c.attrs, refusal.action);
          await fill(el, c.values);
          const detail = await submitAndWait<CareErrorDetail>(el, 'care-error');
          expect(detail.outcome).to.include({kind: 'rejected', status: refusal.status, code: refusal.code});
          expect(textOf(statusRegion(el))).to.equal(refusal.text);
          expect(read(el, c.values)).to.deep.equal(c.values);
          expect(net.posts).to.have.length(1);
        });
      }

      for (const [name, action] of [
        ['a 503 (always)', `/api/faults/status/comments?code=500&scope=`],
        ['a dropped connection', `/api/faults/drop/comments?scope=`],
      ] as const) {
        it(`${name}: "We kept your comment. Try again." and the draft stays`, async () => {
          const c = commentCase();
          const el = await mount(c.attrs, `${action}${unique()}`);
          await fill(el, c.values);
          await submitAndWait(el, 'care-error', 9000);
          expect(textOf(statusRegion(el))).to.equal('We kept your comment. Try again.');
          expect(storedValue(draftKey(c.post))).to.equal(c.values.comment);
        });
      }
    });

    describe('wordpress-classic (wp-comments-post.php)', () => {
      it('succeeds by redirect, held for moderation', async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(`${c.attrs} protocol="wordpress-classic"`, CLASSIC);
        await fill(el, c.values);
        await wait();
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        const post = net.posts[0];
        expect(post.headers.get('Content-Type')).to.equal('application/x-www-form-urlencoded');
        expect(post.headers.has('Idempotency-Key')).to.equal(false);
        const body = new URLSearchParams(post.body);
        expect([body.get('comment'), body.get('author'), body.get('email'), body.get('comment_post_ID'), body.get('comment_parent')]).to.deep.equal([
          c.values.comment,
          c.values.author,
          c.values.email,
          String(c.post),
          '0',
        ]);
        expect(detail.pending).to.equal(true);
        expect(textOf(statusRegion(el))).to.equal(en.commentPending);
        expect(await c.stored()).to.equal(1);
      });

      it("shows the HTML error page's message as text only", async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(`${c.attrs} protocol="wordpress-classic"`, CLASSIC);
        const values = {...c.values, email: 'a@b.example'};
        await fill(el, values);
        sendInstead(el, {email: 'a@b'});
        await wait();
        await submitAndWait(el, 'care-error');
        expect(net.posts.map((p) => p.status)).to.deep.equal([200]);
        const status = statusRegion(el);
        // The field carries the page's own words; the status says what to do.
        expect(textOf(status)).to.equal(en.errorSummary(1));
        expect(status.children, 'no markup from the page').to.have.length(0);
        const email = byId(el, 'email');
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, email)).to.contain('Please enter a valid email address.');
        expect(read(el, values)).to.deep.equal(values);
      });

      it('an empty 200 (no such post) is a failure, not a success', async () => {
        const c = commentCase();
        // No post-id: comment_post_ID is 0, which wp-comments-post.php answers with an empty 200.
        const el = await mount('protocol="wordpress-classic"', CLASSIC);
        await fill(el, c.values);
        const events: string[] = [];
        el.addEventListener('care-success', () => events.push('care-success'));
        const detail = await submitAndWait<CareErrorDetail>(el, 'care-error');
        expect(net.posts.map((p) => p.status)).to.deep.equal([200]);
        expect(detail.outcome).to.include({kind: 'rejected', code: 'post_unavailable'});
        expect(events).to.deep.equal([]);
        expect(textOf(statusRegion(el))).to.equal(en.commentRejected);
        expect(read(el, c.values)).to.deep.equal(c.values);
      });
    });

    describe("WordPress's own form written inside the element (no JavaScript, then the upgrade)", () => {
      // What comment_form() prints (WordPress 6): the form inside div#respond, the heading outside it.
      const wpRespond = (post: number, comment = '') => `
        <div id="respond" class="comment-respond">
          <h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="/?p=${post}#respond" style="display:none;">Cancel reply</a></small></h3>
          <form action="${CLASSIC}" method="post" id="commentform" class="comment-form">
            <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
            <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required>${comment}</textarea></p>
            <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>
            <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>
            <p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
            <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
            <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='${post}' id='comment_post_ID' />
        <input type='hidden' name='comment_parent' id='comment_parent' value='0' />
        </p>
          </form>
        </div><!-- #respond -->`;

      it("takes its action, post id and protocol from comment_form()'s markup (the form inside div#respond), keeps what was typed in it, and posts the classic way", async () => {
        const c = commentCase();
        const wait = since();
        const el = await fixture<CareCommentForm>(`<care-comment-form>${wpRespond(c.post, 'Typed before the script ran.')}</care-comment-form>`);
        await el.updateComplete;
        expect(el.querySelector('#respond')!.getClientRects().length, "the page's form and heading are replaced, not shown twice").to.equal(0);
        expect(byId<HTMLTextAreaElement>(el, 'comment').value).to.equal('Typed before the script ran.');
        await fill(el, {author: c.values.author, email: c.values.email});
        await wait();
        await submitAndWait(el, 'care-success');
        expect(net.posts).to.have.length(1);
        expect(new URL(net.posts[0].url).pathname).to.equal(CLASSIC);
        const body = new URLSearchParams(net.posts[0].body);
        expect([body.get('comment'), body.get('comment_post_ID'), body.get('comment_parent')]).to.deep.equal([
          'Typed before the script ran.',
          String(c.post),
          '0',
        ]);
        expect(await c.stored()).to.equal(1);
      });

      it('keeps the action and post it read when a script moves #respond out (as comment-reply.js does)', async () => {
        const c = commentCase();
        const wait = since();
        const el = await fixture<CareCommentForm>(`<care-comment-form>${wpRespond(c.post)}</care-comment-form>`);
        await el.updateComplete;
        const elsewhere = document.createElement('div');
        el.after(elsewhere);
        elsewhere.append(el.querySelector('#respond')!);
        await fill(el, c.values);
        await wait();
        await submitAndWait(el, 'care-success');
        expect(new URL(net.posts[0].url).pathname).to.equal(CLASSIC);
        expect(new URLSearchParams(net.posts[0].body).get('comment_post_ID')).to.equal(String(c.post));
        elsewhere.remove();
      });

      it("a logged-in reader's form (comment_form() prints no name or email field): the element asks for neither, sends none, and shows the theme's line with its http(s) links", async () => {
        const post = unique();
        const el = await fixture<CareCommentForm>(`<care-comment-form protocol="wordpress" action="${ROUTE}"><div id="respond">
          <form action="${CLASSIC}" method="post" id="commentform">
            <p class="logged-in-as"><a href="/wp-admin/profile.php" aria-label="Logged in as Care Author. Edit your profile.">Logged in as Care Author</a>. <a href="javascript:alert(1)">Log out?</a> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
            <p><textarea id="comment" name="comment" required></textarea></p>
            <input type="hidden" name="comment_post_ID" value="${post}" /><input type="hidden" name="comment_parent" value="0" />
          </form></div></care-comment-form>`);
        await el.updateComplete;
        expect(['comment', 'author', 'email', 'url', 'remember'].filter((id) => shadow(el).getElementById(id))).to.deep.equal(['comment']);
        const notes = part(el, 'notes');
        expect(textOf(notes)).to.equal('Logged in as Care Author. Log out? Required fields are marked *');
        const links = [...notes.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]);
        expect(links).to.deep.equal([[`${location.origin}/wp-admin/profile.php`, 'Logged in as Care Author. Edit your profile.']]);
        await fill(el, {comment: 'From my account.'});
        const sent = nextEvent<{data: Record<string, unknown>}>(el, 'care-submit');
        el.addEventListener('care-submit', (e) => e.preventDefault());
        clickSubmit(el);
        const {detail} = await sent;
        expect(JSON.parse(JSON.stringify(detail.data, ['post', 'parent', 'content', 'author_name', 'author_email', 'author_url']))).to.deep.equal({
          post,
          parent: 0,
          content: 'From my account.',
        });
      });

      it('attributes win over the page form', async () => {
        const c = commentCase();
        const el = await fixture<CareCommentForm>(
          `<care-comment-form action="${ROUTE}" post-id="${c.post}">${wpRespond(c.post + 1)}</care-comment-form>`,
        );
        await fill(el, c.values);
        const sent = nextEvent<{protocol: string; action: string; data: Record<string, unknown>}>(el, 'care-submit');
        el.addEventListener('care-submit', (e) => e.preventDefault());
        clickSubmit(el);
        const {detail} = await sent;
        expect([detail.action, detail.protocol, detail.data.post]).to.deep.equal([ROUTE, 'wordpress', c.post]);
      });
    });

    describe('the draft', () => {
      it('survives re-creating the element for the same post', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}"`);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Half a thought');
        await waitUntil(() => storedValue(draftKey(post)) === 'Half a thought', 'the draft saved as typed');
        el.remove();
        const again = await mount(`post-id="${post}"`);
        expect(byId(again, 'comment').value).to.equal('Half a thought');
      });

      it('is written when the element leaves the page, without waiting for the debounce', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}"`);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Typed just now');
        el.remove();
        expect(storedValue(draftKey(post))).to.equal('Typed just now');
      });

      it('survives a failure, and is cleared only after the server accepted the comment', async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs, `/api/faults/status/comments?code=500&scope=${unique()}`);
        await fill(el, c.values);
        await submitAndWait(el, 'care-error', 9000);
        expect(storedValue(draftKey(c.post))).to.equal(c.values.comment);
        expect(byId(el, 'comment').value).to.equal(c.values.comment);

        el.action = ROUTE;
        await wait();
        await submitAndWait(el, 'care-success');
        expect(storedValue(draftKey(c.post))).to.equal(null);
        el.remove();
        const again = await mount(c.attrs);
        expect(byId(again, 'comment').value).to.equal('');
      });

      it('an edit made while sending stays in the box and the draft after the success', async () => {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs, `/api/faults/slow/comments?ms=800&scope=${unique()}`);
        await fill(el, c.values);
        await wait();
        const success = nextEvent(el, 'care-success', 9000);
        clickSubmit(el);
        const edited = `${c.values.comment} And one more thought.`;
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), edited);
        await success;
        await el.updateComplete;
        expect(byId(el, 'comment').value, 'the box').to.equal(edited);
        await waitUntil(() => storedValue(draftKey(c.post)) === edited, 'the edit saved as the draft');
        const [stored] = await storedComments(c.post);
        expect(stored.content.rendered, 'what the server stored').to.equal(`<p>${c.values.comment}</p>`);
      });

      it('is kept per post and per parent', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}"`);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'On the post');
        el.remove();
        const reply = await mount(`post-id="${post}" parent-id="7"`);
        expect(byId(reply, 'comment').value, 'a reply starts empty').to.equal('');
        typeInto(byId<HTMLTextAreaElement>(reply, 'comment'), 'A reply');
        reply.remove();
        const other = await mount(`post-id="${post + 1}"`);
        expect(byId(other, 'comment').value, 'another post starts empty').to.equal('');
        other.remove();
        expect(byId(await mount(`post-id="${post}"`), 'comment').value).to.equal('On the post');
        expect(byId(await mount(`post-id="${post}" parent-id="7"`), 'comment').value).to.equal('A reply');
      });
    });

    describe('what is kept on this device', () => {
      const notice = (el: Element) => shadow(el).querySelector<HTMLElement>('[part~="draft-notice"]');
      // Presence as a boolean: an element in a failed assertion is slow to serialise.
      const hasNotice = (el: Element) => notice(el) !== null;
      const discard = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part~="discard-draft"]');
      const RESTORED = 'Restored your unsent comment from this device.';

      it('restores a draft last changed 29 days ago', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Written a while ago', 29);
        const el = await mount(`post-id="${post}"`);
        expect(byId(el, 'comment').value).to.equal('Written a while ago');
      });

      it('does not restore a draft last changed more than 30 days ago, and removes it', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Left on a shared computer', 31);
        const el = await mount(`post-id="${post}"`);
        expect(byId(el, 'comment').value).to.equal('');
        expect(localStorage.getItem(draftKey(post))).to.equal(null);
        expect(hasNotice(el)).to.equal(false);
      });

      it('keep-days="1": a draft two days old is not restored, and removed', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Two days old', 2);
        const el = await mount(`post-id="${post}" keep-days="1"`);
        expect(el.keepDays).to.equal(1);
        expect(byId(el, 'comment').value).to.equal('');
        expect(localStorage.getItem(draftKey(post))).to.equal(null);
      });

      it('keep-days="0": the draft is kept for this page only, nothing is written to localStorage', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}" keep-days="0"`);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Only for this page');
        el.remove(); // flushes the draft
        expect(Object.keys(localStorage).filter((k) => k.startsWith('care-comment-form:draft'))).to.deep.equal([]);
        const again = await mount(`post-id="${post}" keep-days="0"`);
        expect(byId(again, 'comment').value, 'kept in memory for the page').to.equal('Only for this page');
        removeStored(draftKey(post));
      });

      it('restores a draft stored by the previous version (bare text) and keeps it as a record', async () => {
        const post = unique();
        localStorage.setItem(draftKey(post), 'An old draft');
        const el = await mount(`post-id="${post}"`);
        expect(byId(el, 'comment').value).to.equal('An old draft');
        expect(textOf(notice(el))).to.contain(RESTORED);
        expect(storedValue(draftKey(post))).to.equal('An old draft');
      });

      it('restores an identity stored by the previous version (a bare JSON object)', async () => {
        const identity = {author: 'Ana Reader', email: 'ana@example.com', url: 'https://ana.example'};
        localStorage.setItem(IDENTITY_KEY, JSON.stringify(identity));
        const el = await mount(`post-id="${unique()}"`);
        expect(read(el, {...identity, remember: true})).to.deep.equal({...identity, remember: true});
      });

      it("keeps a remembered identity for WordPress's comment-cookie lifetime (30,000,000 s, about 347 days)", async () => {
        const identity = {author: 'Ana Reader', email: 'ana@example.com', url: ''};
        storeRecordAged(IDENTITY_KEY, identity, 346);
        const kept = await mount(`post-id="${unique()}"`);
        expect(read(kept, {...identity, remember: true})).to.deep.equal({...identity, remember: true});
        kept.remove();
        storeRecordAged(IDENTITY_KEY, identity, 348);
        const expired = await mount(`post-id="${unique()}"`);
        expect(read(expired, {author: '', email: '', remember: false})).to.deep.equal({author: '', email: '', remember: false});
        expect(localStorage.getItem(IDENTITY_KEY)).to.equal(null);
      });

      it('stores the identity as a record when the box is ticked', async () => {
        const el = await mount(`post-id="${unique()}"`);
        await fill(el, {remember: true, author: 'Ana Reader'});
        const record = JSON.parse(localStorage.getItem(IDENTITY_KEY)!) as {v: number; at: number; value: unknown};
        expect(record.v).to.equal(1);
        expect(Date.now() - record.at).to.be.within(0, 5000);
        expect(record.value).to.deep.equal({author: 'Ana Reader', email: '', url: ''});
      });

      it('shows no "Discard draft" on a fresh form, nor while the reader types', async () => {
        const el = await mount(`post-id="${unique()}"`);
        expect(hasNotice(el)).to.equal(false);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Typing now');
        await el.updateComplete;
        expect(hasNotice(el)).to.equal(false);
        expect(discard(el) === null, 'no "Discard draft"').to.equal(true);
      });

      it('after restoring a draft: a notice with "Discard draft", part of the comment box\'s description', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Restored text', 1);
        const el = await mount(`post-id="${post}"`);
        expect(textOf(notice(el))).to.equal(`${RESTORED} Discard draft`);
        expect(textOf(discard(el))).to.equal('Discard draft');
        expect(discard(el)!.type).to.equal('button');
        expect(description(el, byId(el, 'comment'))).to.contain(RESTORED);
        await expect(el).to.be.accessible();
      });

      it('"Discard draft" empties the box, removes the stored draft, hides the notice, focuses the box and says so once', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Not mine', 1);
        const el = await mount(`post-id="${post}"`);
        const status = statusRegion(el);
        discard(el)!.click();
        await el.updateComplete;
        expect(byId(el, 'comment').value).to.equal('');
        expect(localStorage.getItem(draftKey(post))).to.equal(null);
        expect(hasNotice(el)).to.equal(false);
        await waitUntil(() => focused(el) === byId(el, 'comment'), 'focus on the comment box');
        expect(statusRegion(el) === status, 'the same live region').to.equal(true);
        expect(textOf(status)).to.equal('Draft discarded.');
        expect(status.getAttribute('role')).to.equal('status');
        // Not written back by a pending save, and not restored in a new form.
        await aTimeout(400);
        expect(localStorage.getItem(draftKey(post))).to.equal(null);
        el.remove();
        expect(byId(await mount(`post-id="${post}"`), 'comment').value).to.equal('');
      });

      it('"Discard draft" works by keyboard: Tab from the comment box, then Enter', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Not mine either', 1);
        const el = await mount(`post-id="${post}"`);
        byId(el, 'comment').focus();
        await sendKeys({press: 'Tab'});
        expect(focused(el)?.getAttribute('part')).to.equal('discard-draft');
        await sendKeys({press: 'Enter'});
        await el.updateComplete;
        expect(byId(el, 'comment').value).to.equal('');
        expect(localStorage.getItem(draftKey(post))).to.equal(null);
        await waitUntil(() => focused(el) === byId(el, 'comment'), 'focus back on the comment box');
        expect(textOf(statusRegion(el))).to.equal('Draft discarded.');
      });

      it('the notice goes when the reader empties the box', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Soon gone', 1);
        const el = await mount(`post-id="${post}"`);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Soon gone, edited');
        await el.updateComplete;
        expect(hasNotice(el), 'an edit keeps it').to.equal(true);
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), '');
        await el.updateComplete;
        expect(hasNotice(el)).to.equal(false);
      });

      it('the notice goes once the draft is sent and accepted', async () => {
        const c = commentCase();
        storeRecordAged(draftKey(c.post), c.values.comment, 1);
        const wait = since();
        const el = await mount(c.attrs);
        expect(hasNotice(el)).to.equal(true);
        await fill(el, {author: c.values.author, email: c.values.email});
        await wait();
        await submitAndWait(el, 'care-success');
        expect(hasNotice(el)).to.equal(false);
        expect(localStorage.getItem(draftKey(c.post))).to.equal(null);
        expect(JSON.parse(net.posts[0].body)).to.include({content: c.values.comment});
      });

      it('with a storage that throws, a draft kept in memory can be discarded', async () => {
        const undo = installFullStorage();
        const post = unique();
        try {
          const el = await mount(`post-id="${post}"`);
          typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Only in memory');
          el.remove();
          const again = await mount(`post-id="${post}"`);
          expect(byId(again, 'comment').value).to.equal('Only in memory');
          discard(again)!.click();
          await again.updateComplete;
          expect(byId(again, 'comment').value).to.equal('');
          again.remove();
          expect(byId(await mount(`post-id="${post}"`), 'comment').value).to.equal('');
        } finally {
          undo();
          removeStored(draftKey(post));
        }
      });

      it('in Spanish: "Se recuperó tu comentario sin enviar de este dispositivo." and "Descartar borrador"', async () => {
        const post = unique();
        storeRecordAged(draftKey(post), 'Un borrador', 1);
        const wrapper = await fixture<HTMLDivElement>(
          `<div lang="es"><care-comment-form action="${ROUTE}" post-id="${post}"></care-comment-form></div>`,
        );
        const el = wrapper.firstElementChild as CareCommentForm;
        await el.updateComplete;
        expect(textOf(notice(el))).to.equal('Se recuperó tu comentario sin enviar de este dispositivo. Descartar borrador');
        discard(el)!.click();
        await el.updateComplete;
        expect(textOf(statusRegion(el))).to.equal('Borrador descartado.');
      });
    });

    describe('remember me', () => {
      it('ticked: name, email and website come back in a new form', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}"`);
        const identity = {author: 'Ana Reader', email: `ana.${post}@example.com`, url: 'https://ana.example'};
        await fill(el, {remember: true, ...identity, comment: 'Hello'});
        expect(storedValue(IDENTITY_KEY)).to.deep.equal(identity);
        el.remove();
        const again = await mount(`post-id="${unique()}"`);
        expect(read(again, {...identity, remember: true})).to.deep.equal({...identity, remember: true});
      });

      it('unticked: the identity is forgotten', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}"`);
        const identity = {author: 'Ana Reader', email: `ana.${post}@example.com`, url: 'https://ana.example'};
        await fill(el, {remember: true, ...identity});
        expect(storedValue(IDENTITY_KEY)).to.deep.equal(identity);
        await fill(el, {remember: false});
        expect(localStorage.getItem(IDENTITY_KEY)).to.equal(null);
        el.remove();
        const again = await mount(`post-id="${unique()}"`);
        expect(read(again, {author: '', email: '', url: '', remember: false})).to.deep.equal({author: '', email: '', url: '', remember: false});
      });

      it('never stores the identity without the tick', async () => {
        const el = await mount(`post-id="${unique()}"`);
        await fill(el, {author: 'Ana Reader', email: 'ana@example.com'});
        expect(localStorage.getItem(IDENTITY_KEY)).to.equal(null);
      });
    });

    describe('length limits', () => {
      it('shows a counter near the limit, referenced by the field', async () => {
        const el = await mount(`post-id="${unique()}"`);
        expect(shadow(el).querySelector('[part~="counter"]')).to.equal(null);
        const author = byId(el, 'author');
        typeInto(author, 'a'.repeat(230));
        await el.updateComplete;
        const counter = part(el, 'counter');
        expect(textOf(counter)).to.equal('15 characters left');
        expect(counter.hasAttribute('data-over')).to.equal(false);
        expect(author.getAttribute('aria-describedby')!.split(' ')).to.include(counter.id);
      });

      it('over the limit blocks sending with a message, and nothing typed is cut', async () => {
        const c = commentCase();
        const el = await mount(c.attrs);
        const long = 'b'.repeat(250);
        await fill(el, {...c.values, author: long});
        const author = byId(el, 'author');
        expect(author.hasAttribute('maxlength')).to.equal(false);
        expect(textOf(part(el, 'counter'))).to.equal('5 characters over the limit');
        expect(part(el, 'counter').hasAttribute('data-over')).to.equal(true);
        clickSubmit(el);
        await waitUntil(() => focused(el) === author, 'focus on the name field');
        expect(author.getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, author)).to.contain('Too long by 5 characters.');
        expect(author.value).to.equal(long);
        await aTimeout(50);
        expect(net.posts).to.have.length(0);
      });

      it('refuses what WordPress would (123 accented letters are 246 bytes, over the 245 of a name) and says so in characters', async () => {
        const c = commentCase();
        const el = await mount(c.attrs);
        const accented = 'é'.repeat(123);
        await fill(el, {...c.values, author: accented});
        expect(textOf(part(el, 'counter'))).to.equal('1 character over the limit');
        clickSubmit(el);
        const author = byId(el, 'author');
        await waitUntil(() => focused(el) === author, 'focus on the name field');
        expect(description(el, author)).to.contain('Too long by 1 character.');
        expect(author.value).to.equal(accented);
        await aTimeout(50);
        expect(net.posts).to.have.length(0);
      });

      it('near the limit counts characters like those typed: 115 accented letters (230 bytes) leave room for 7', async () => {
        const el = await mount(`post-id="${unique()}"`);
        typeInto(byId(el, 'author'), 'é'.repeat(115));
        await el.updateComplete;
        expect(textOf(part(el, 'counter'))).to.equal('7 characters left');
      });

      it('the email counter shows exactly when the field references it', async () => {
        const el = await mount(`post-id="${unique()}"`);
        const email = byId(el, 'email');
        for (const length of [89, 90, 91]) {
          typeInto(email, `${'e'.repeat(length - 12)}@example.com`);
          await el.updateComplete;
          const counter = shadow(el).getElementById('email-counter');
          const referenced = email.getAttribute('aria-describedby')!.split(' ').includes('email-counter');
          expect(referenced, `length ${length}`).to.equal(counter !== null);
        }
      });
    });

    describe('replies', () => {
      it('parent-id shows "Cancel reply"; clicking it clears parentId, fires care-cancel-reply and keeps the text', async () => {
        const post = unique();
        const el = await mount(`post-id="${post}" parent-id="12" reply-to="Ben"`);
        expect(textOf(part(el, 'heading'))).to.equal('Leave a Reply to Ben');
        const cancel = part<HTMLButtonElement>(el, 'cancel-reply');
        expect(textOf(cancel)).to.equal('Cancel reply');
        expect(cancel.type).to.equal('button');
        typeInto(byId<HTMLTextAreaElement>(el, 'comment'), 'Agreed, Ben.');
        await el.updateComplete;
        const cancelled = nextEvent<{parentId: string}>(el, 'care-cancel-reply');
        cancel.click();
        expect((await cancelled).detail).to.deep.equal({parentId: '12'});
        await el.updateComplete;
        expect(el.parentId).to.equal('');
        expect(shadow(el).querySelector('[part~="cancel-reply"]')).to.equal(null);
        expect(textOf(part(el, 'heading'))).to.equal('Leave a Reply');
        await waitUntil(() => focused(el)?.id === 'comment', 'focus on the comment box');
        expect(byId(el, 'comment').value, 'the typed reply is kept').to.equal('Agreed, Ben.');
        // ...as the post's draft now, no longer the reply's.
        expect(storedValue(draftKey(post))).to.equal('Agreed, Ben.');
        expect(storedValue(draftKey(post, 12))).to.equal(null);
      });

      it('keeps "Cancel reply" when the heading is left out (heading=""), and the form has no dangling label', async () => {
        const el = await mount(`post-id="${unique()}" parent-id="12" heading=""`);
        expect(shadow(el).querySelector('[part~="heading"]')).to.equal(null);
        expect(textOf(part(el, 'cancel-reply'))).to.equal('Cancel reply');
        expect(part(el, 'form').hasAttribute('aria-labelledby')).to.equal(false);
        await expect(el).to.be.accessible();
      });

      it("a heading emptied through strings is left out of the form's label too", async () => {
        const el = await mount(`post-id="${unique()}"`);
        el.strings = {commentHeading: ''};
        await el.updateComplete;
        expect(shadow(el).querySelector('[part~="heading"]')).to.equal(null);
        expect(part(el, 'form').hasAttribute('aria-labelledby')).to.equal(false);
      });

      it('sends the parent id', async () => {
        const c = commentCase();
        const el = await mount(`${c.attrs} parent-id="12"`, '/api/faults/login-required/comments');
        await fill(el, c.values);
        await submitAndWait(el, 'care-error');
        expect(JSON.parse(net.posts[0].body)).to.include({post: c.post, parent: 12});
      });
    });

    it('wp-nonce is sent as X-WP-Nonce (asserted on the request; the receiver has no echo route)', async () => {
      const c = commentCase();
      const el = await mount(`${c.attrs} wp-nonce="abc123"`, '/api/faults/login-required/comments');
      await fill(el, c.values);
      await submitAndWait(el, 'care-error');
      expect(net.posts).to.have.length(1);
      expect(net.posts[0].headers.get('X-WP-Nonce')).to.equal('abc123');
      expect(net.posts[0].headers.has('Idempotency-Key')).to.equal(false);
      expect(JSON.parse(net.posts[0].body)).to.include({
        post: c.post,
        author_name: c.values.author,
        author_email: c.values.email,
        content: c.values.comment,
      });
    });

    it('with a storage that throws QuotaExceededError, typing and submitting still work', async () => {
      const undo = installFullStorage();
      try {
        const c = commentCase();
        const wait = since();
        const el = await mount(c.attrs);
        await fill(el, {...c.values, remember: true});
        await aTimeout(400); // past the draft's debounce: the write throws and falls back to memory
        expect(read(el, c.values)).to.deep.equal({...c.values, remember: true});
        await wait();
        await submitAndWait(el, 'care-success');
        expect(JSON.parse(net.posts[0].body)).to.include({content: c.values.comment});
        expect(await c.stored()).to.equal(1);
      } finally {
        undo();
      }
    });

    it('lang="es" gives Spanish labels', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        `<div lang="es"><care-comment-form action="${ROUTE}" post-id="${unique()}"></care-comment-form></div>`,
      );
      const el = wrapper.firstElementChild as CareCommentForm;
      await el.updateComplete;
      expect(textOf(part(el, 'heading'))).to.equal('Deja una respuesta');
      expect(['comment', 'author', 'email', 'url'].map((id) => label(el, id).replace(/\s*\*$/, ''))).to.deep.equal([
        'Comentario',
        'Nombre',
        'Correo electrónico',
        'Web',
      ]);
      expect(textOf(part(el, 'submit'))).to.equal('Publicar el comentario');
      clickSubmit(el);
      await el.updateComplete;
      expect(textOf(statusRegion(el))).to.equal('Corrige 3 campos.');
    });
  });
});
