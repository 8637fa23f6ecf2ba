// <care-guide-signup>: the shared form suite against the reference receiver, then the signup's own
// contract: the article's copy, the optional fields, consent, the download link and the honeypot.
import {aTimeout, expect, fixture, waitUntil} from '@open-wc/testing';
import {a11ySnapshot} from '@web/test-runner-commands';
import '../../src/elements/guide-signup/define.js';
import type {CareGuideSignup} from '../../src/elements/guide-signup/guide-signup.js';
import type {CareSuccessDetail} from '../../src/events.js';
import {en} from '../../src/i18n/en.js';
import {byId, description, focused, labelName, part, shadow, textOf} from '../helpers/dom.js';
import {runFormSuite, watchEachTest} from '../helpers/form-suite.js';
import {clickSubmit, expectFillMs, fill, sendInstead, statusRegion, submitAndWait} from '../helpers/forms.js';
import {hostileUrls, keptAnswer, unique, type FetchWatch} from '../helpers/network.js';

const ROUTE = '/api/guide-signups';
const address = () => `reader.${unique()}@example.com`;

/**
 * The ids of the signups the receiver took from the requests in `net`: the answer it keeps for
 * each Idempotency-Key sent (one for every signup it takes; none for one it refused or discarded
 * as spam). The route tells nobody whether an address is on the list, so this is how a test sees
 * a signup stored; the receiver keeps an address once.
 */
async function signupIds(net: FetchWatch): Promise<unknown[]> {
  const ids: unknown[] = [];
  for (const key of new Set(net.posts.map((p) => p.headers.get('Idempotency-Key')))) {
    expect(key, 'the Idempotency-Key of a signup request').to.be.a('string');
    const kept = await keptAnswer(ROUTE, key!);
    if (kept.replayed) ids.push(kept.body.id);
    else expect(kept.status, 'no answer kept for the key: the read is refused and stores nothing').to.equal(400);
  }
  return ids;
}

/** The names of the checkboxes in an accessibility snapshot, in tree order. */
function checkboxNames(node: {role?: string; name?: string; children?: unknown[]}): string[] {
  const own = node.role === 'checkbox' ? [node.name ?? ''] : [];
  return own.concat(...(node.children ?? []).map((child) => checkboxNames(child as typeof node)));
}

describe('<care-guide-signup>', () => {
  runFormSuite({
    tag: 'care-guide-signup',
    target: 'guide-signups',
    route: ROUTE,
    newCase: () => ({
      attrs: '',
      // The receiver requires consent, so a valid signup ticks it.
      values: {email: address(), consent: true},
      storedIds: signupIds,
    }),
    sentData: (c) => ({email: c.values.email, consent: true, offer: false}),
    required: ['email'],
    emailField: 'email',
    enterField: 'email',
    successText: en.signupSuccess,
    successPending: false,
    idempotent: true,
    messages: {
      network: en.failureNetwork,
      server: en.failureServer,
      badResponse: en.failureBadResponse,
      loginRequired: en.signupRejected,
    },
    retryLabel: en.retry,
  });

  describe('its own contract', () => {
    let net: FetchWatch;
    // Each test: a fresh fetch watch, the console captured, the forms' storage cleared after.
    watchEachTest((n) => (net = n));

    const mount = (attrs = '') => fixture<CareGuideSignup>(`<care-guide-signup action="${ROUTE}" ${attrs}></care-guide-signup>`);
    const sentBody = (i = 0) => JSON.parse(net.posts[i].body) as Record<string, unknown>;

    it("shows the article's heading and copy, with no offer, no name field and optional consent by default", async () => {
      const el = await mount();
      const heading = part(el, 'heading');
      expect(heading.localName).to.equal('h2');
      expect(textOf(heading)).to.equal('Get our free gut health guide');
      expect(textOf(part(el, 'intro'))).to.contain('download our free gut health guide');
      expect(part(el, 'form').getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(textOf(part(el, 'submit'))).to.equal('Send me the guide');
      expect(shadow(el).getElementById('offer')).to.equal(null);
      expect(shadow(el).getElementById('first_name')).to.equal(null);
      expect(byId(el, 'consent').required).to.equal(false);
      expect(textOf(shadow(el).querySelector('label[for="consent"]'))).to.equal(en.signupConsent);
      const email = byId(el, 'email');
      expect([email.type, email.name, email.autocomplete, email.required]).to.deep.equal(['email', 'email', 'email', true]);
      expect(textOf(shadow(el).querySelector('label[for="email"]'))).to.equal('Email *');
    });

    it('offer shows the Life Greens 3-day supply opt-in, and sends it', async () => {
      const el = await mount('offer');
      const label = textOf(shadow(el).querySelector('label[for="offer"]'));
      expect(label).to.contain('free 3-day supply of Life Greens');
      await fill(el, {email: address(), consent: true, offer: true});
      await submitAndWait(el, 'care-success');
      expect(sentBody()).to.include({offer: true, consent: true});
    });

    it('name-field adds a first-name field (given-name autofill) that is sent as first_name', async () => {
      const el = await mount('name-field');
      const name = byId(el, 'first_name');
      expect([name.type, name.name, name.autocomplete, name.required]).to.deep.equal(['text', 'first_name', 'given-name', false]);
      expect(textOf(shadow(el).querySelector('label[for="first_name"]'))).to.equal('First name');
      await fill(el, {email: address(), first_name: '  Ana  ', consent: true});
      await submitAndWait(el, 'care-success');
      expect(sentBody().first_name).to.equal('Ana');
    });

    it('consent-required: unticked consent blocks sending, with its error; ticked, it sends', async () => {
      const el = await mount('consent-required');
      const consent = byId(el, 'consent');
      expect(consent.required).to.equal(true);
      expect(textOf(shadow(el).querySelector('label[for="consent"]')), 'what is seen').to.equal(`${en.signupConsent} * Required`);
      await fill(el, {email: address()});
      clickSubmit(el);
      await waitUntil(() => focused(el) === consent, 'focus on the consent checkbox');
      expect(consent.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, consent)).to.equal(en.valueMissing);
      expect(textOf(statusRegion(el))).to.equal('Please correct 1 field.');
      await aTimeout(50);
      expect(net.posts).to.have.length(0);

      consent.click();
      await el.updateComplete;
      expect(consent.getAttribute('aria-invalid')).to.equal('false');
      await submitAndWait(el, 'care-success');
      expect(net.posts).to.have.length(1);
    });

    it('consent-required says "Required" in the checkbox\'s name: the * is hidden from screen readers, and Chromium does not expose required on a checkbox', async () => {
      const el = await mount('consent-required');
      const label = shadow(el).querySelector('label[for="consent"]');
      expect(labelName(label)).to.equal(`${en.signupConsent} Required`);
      expect(part<HTMLInputElement>(el, 'checkbox').labels?.[0], 'the label names the checkbox').to.equal(label);
      // Seen, only the mark: the word is for screen readers.
      const word = label!.querySelector('.visually-hidden')!;
      expect(word.getBoundingClientRect().width).to.be.at.most(1);
      // Where the runner reads the engine's accessibility tree (Chromium), the name it computed.
      const tree = await a11ySnapshot({selector: 'care-guide-signup'}).catch(() => undefined);
      if (tree) expect(checkboxNames(tree)).to.deep.equal([`${en.signupConsent} Required`]);
    });

    it('consent-text replaces the consent wording', async () => {
      const el = await mount('consent-text="Yes, email me the guide."');
      expect(textOf(shadow(el).querySelector('label[for="consent"]'))).to.equal('Yes, email me the guide.');
    });

    it("after success, the download link is the server's guide_url (resolved against the action)", async () => {
      const el = await mount('guide-url="https://example.com/other.pdf"');
      await fill(el, {email: address(), consent: true});
      const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
      const guideUrl = detail.response!.guide_url as string;
      expect(guideUrl).to.match(/^\/demo\/gut-health-guide\./);
      const expected = new URL(guideUrl, new URL(ROUTE, location.href)).href;
      expect(detail.link).to.equal(expected);
      const link = part<HTMLAnchorElement>(el, 'download');
      expect(link.href).to.equal(expected);
      expect(textOf(link)).to.equal(en.signupDownload);
      expect(statusRegion(el).contains(link)).to.equal(true);
    });

    describe("another server's answer", () => {
      /** Mounts a signup whose action answers 201 with `body` as JSON, over real HTTP (test/runner/hostile-answers.mjs). */
      const mountAnswered = async (body: object, attrs = '') => {
        const [action] = await hostileUrls([{status: 201, headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)}]);
        return fixture<CareGuideSignup>(`<care-guide-signup action="${action}" ${attrs}></care-guide-signup>`);
      };

      it('never renders a javascript: guide_url from the server as a link', async () => {
        const el = await mountAnswered({status: 'subscribed', id: 'x', guide_url: 'javascript:alert(1)'});
        await fill(el, {email: address(), consent: true});
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(detail.link).to.equal(undefined);
        expect(shadow(el).querySelector('a')).to.equal(null);
        expect(textOf(statusRegion(el))).to.equal(en.signupSuccess);
      });

      it('never renders a javascript: guide-url attribute as a link', async () => {
        const el = await mountAnswered({status: 'subscribed', id: 'x'}, 'guide-url="javascript:alert(1)"');
        await fill(el, {email: address(), consent: true});
        await submitAndWait(el, 'care-success');
        expect(shadow(el).querySelector('a')).to.equal(null);
      });

      it('falls back to an http(s) guide-url attribute when the server gives none', async () => {
        const el = await mountAnswered({status: 'subscribed', id: 'x'}, 'guide-url="https://example.com/guide.pdf"');
        await fill(el, {email: address(), consent: true});
        await submitAndWait(el, 'care-success');
        expect(part<HTMLAnchorElement>(el, 'download').href).to.equal('https://example.com/guide.pdf');
      });
    });

    it('protocol="form" sends urlencoded fields (with an Idempotency-Key) and succeeds', async () => {
      const shown = performance.now();
      const el = await mount('protocol="form"');
      const mounted = performance.now();
      const email = address();
      await fill(el, {email, consent: true});
      const submitted = performance.now();
      await submitAndWait(el, 'care-success');
      expect(net.posts).to.have.length(1);
      const post = net.posts[0];
      expect(post.headers.get('Content-Type')).to.equal('application/x-www-form-urlencoded');
      expect(post.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      const body = new URLSearchParams(post.body);
      expect(body.get('email')).to.equal(email);
      expect(body.get('consent')).to.equal('1');
      expect(body.has('offer')).to.equal(false);
      expectFillMs(body.get('fill_ms'), submitted - mounted, performance.now() - shown);
      expect(post.status).to.equal(201);
    });

    it("with the page's own form inside (for readers without JavaScript), takes its action, keeps what was typed, and posts urlencoded", async () => {
      const email = address();
      const el = await fixture<CareGuideSignup>(`<care-guide-signup>
        <form action="${ROUTE}" method="post"><label>Email <input name="email" type="email" value="${email}"></label>
        <label><input type="checkbox" name="consent" value="1"> I agree</label><button>Send me the guide</button></form>
      </care-guide-signup>`);
      await el.updateComplete;
      expect(el.querySelector('form')!.getClientRects().length, "the page's form is replaced, not shown twice").to.equal(0);
      expect(byId(el, 'email').value).to.equal(email);
      await fill(el, {consent: true});
      await submitAndWait(el, 'care-success');
      expect(net.posts).to.have.length(1);
      expect(new URL(net.posts[0].url).pathname).to.equal(ROUTE);
      expect(net.posts[0].headers.get('Content-Type')).to.equal('application/x-www-form-urlencoded');
      expect(new URLSearchParams(net.posts[0].body).get('email')).to.equal(email);
    });

    it('sends JSON by default, with the fill time and no honeypot value', async () => {
      const shown = performance.now();
      const el = await mount();
      const mounted = performance.now();
      await fill(el, {email: address(), consent: true});
      await aTimeout(20);
      const submitted = performance.now();
      await submitAndWait(el, 'care-success');
      const post = net.posts[0];
      expect(post.headers.get('Content-Type')).to.equal('application/json');
      const body = sentBody();
      expect(body.fill_ms, 'a JSON number').to.be.a('number');
      expectFillMs(body.fill_ms, submitted - mounted, performance.now() - shown);
      expect(body).not.to.have.property('extra_info');
    });

    it('the honeypot is out of the tab order, hidden from assistive tech, and not visible', async () => {
      const el = await mount();
      const trap = byId(el, 'extra_info');
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.autocomplete).to.equal('off');
      const box = trap.closest('.hp')!;
      expect(box.getAttribute('aria-hidden')).to.equal('true');
      expect(box.hasAttribute('style'), 'hidden by a class, not an inline style').to.equal(false);
      const rect = trap.getBoundingClientRect();
      const hostRect = el.getBoundingClientRect();
      expect(rect.right <= 0 || rect.width * rect.height <= 1 || rect.right < hostRect.left, 'not visible').to.equal(true);
      expect(getComputedStyle(box).overflow).to.equal('hidden');
    });

    it('a filled honeypot is sent, so the server can discard the signup, which still looks like success', async () => {
      const el = await mount();
      await fill(el, {email: address(), consent: true, extra_info: 'http://spam.example'});
      await submitAndWait(el, 'care-success');
      expect(sentBody().extra_info).to.equal('http://spam.example');
      expect(textOf(statusRegion(el))).to.contain(en.signupSuccess);
    });

    it('a bare 409 Conflict from a list server ("already subscribed") is a success, so the list cannot be probed', async () => {
      const el = await fixture<CareGuideSignup>(`<care-guide-signup action="/api/faults/status/guide-signups?code=409"></care-guide-signup>`);
      await fill(el, {email: address(), consent: true});
      await submitAndWait(el, 'care-success');
      expect(textOf(statusRegion(el))).to.contain(en.signupSuccess);
    });

    it('an address the server refuses is shown at the email field', async () => {
      // A server stricter than the form: the form sends "a@b", which the receiver's is_email() refuses.
      const el = await mount();
      await fill(el, {email: 'a@b.example', consent: true});
      sendInstead(el, {email: 'a@b'});
      await submitAndWait(el, 'care-error');
      const email = byId(el, 'email');
      await waitUntil(() => focused(el) === email, 'focus on the email field');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, email)).to.equal('Invalid email address.');
      expect(textOf(statusRegion(el))).to.equal(en.errorSummary(1));
      expect(email.value).to.equal('a@b.example');
    });

    it('lang="es" gives Spanish copy', async () => {
      const wrapper = await fixture<HTMLDivElement>(`<div lang="es"><care-guide-signup action="${ROUTE}" name-field></care-guide-signup></div>`);
      const el = wrapper.firstElementChild as CareGuideSignup;
      await el.updateComplete;
      expect(textOf(shadow(el).querySelector('label[for="first_name"]'))).to.equal('Nombre');
      expect(textOf(part(el, 'heading'))).to.equal('Consigue nuestra guía gratuita de salud intestinal');
      expect(textOf(part(el, 'submit'))).to.equal('Enviarme la guía');
    });
  });
});
