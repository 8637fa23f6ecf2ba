/**
 * The contract both forms keep (<care-guide-signup>, <care-comment-form>), run by each one's test
 * file: validation, sending to the reference receiver and what it stores, retries, faults,
 * cancelling, configuration errors, accessibility and the keyboard.
 *
 * Every submission travels over real HTTP to the receiver the test runner serves
 * (demo/receiver/); faults come from its `/api/faults/<fault>/<target>` routes.
 */
import {aTimeout, expect, fixture, waitUntil} from '@open-wc/testing';
import {resetMouse, sendKeys, sendMouse} from '@web/test-runner-commands';
import type {CareErrorDetail, CareSubmitDetail, CareSuccessDetail} from '../../src/events.js';
import {en} from '../../src/i18n/en.js';
import {captureConsole, type ConsoleCapture} from './console.js';
import {byId, description, focused, nextEvent, part, textOf} from './dom.js';
import {
  clickSubmit,
  expectFillMs,
  fill,
  read,
  recordEvents,
  sentFields,
  statusRegion,
  submitAndWait,
  typeInto,
  typeKeys,
  type FormElement,
  type Values,
} from './forms.js';
import {ATTEMPTS, MIN_FILL_MS, faultUrl, watchFetch, type FetchWatch} from './network.js';
import {clearStorage} from './storage.js';

/**
 * In the calling `describe`: each test gets a fresh fetch watch and console capture (handed to
 * `use`), restored after it, with the elements' storage cleared.
 */
export function watchEachTest(use: (net: FetchWatch, log: ConsoleCapture) => void): void {
  let net: FetchWatch;
  let log: ConsoleCapture;
  beforeEach(() => {
    net = watchFetch();
    log = captureConsole();
    use(net, log);
  });
  afterEach(() => {
    net.restore();
    log.restore();
    clearStorage();
  });
}

/** One test's data: its own post (comments) or address (signups), so tests never see each other's records. */
export interface FormCase {
  /** Attributes for this case's fixtures besides action and protocol, e.g. `post-id="123456"`. */
  attrs: string;
  /** Valid values by control id (booleans are checkboxes), in tab order. */
  values: Values;
  /**
   * The ids of this case's records that the receiver holds, read from it; `net` holds the
   * requests the form sent for the case.
   */
  storedIds(net: FetchWatch): Promise<unknown[]>;
}

export interface FormSuiteConfig<C extends FormCase = FormCase> {
  tag: 'care-guide-signup' | 'care-comment-form';
  /** The fault routes' target name. */
  target: 'guide-signups' | 'comments';
  /** The real route. */
  route: string;
  /** A fresh case (post id, address) for one test. */
  newCase(): C;
  /** What `care-submit` carries for `c.values`, by the protocol's field names (the fill time and empty fields aside). */
  sentData(c: C): Record<string, unknown>;
  /** The ids of the required controls, in order, for an empty form. */
  required: string[];
  /** The id of the email control. */
  emailField: string;
  /** A single-line text control in which Enter submits. */
  enterField: string;
  /** The text of the success message in the status region. */
  successText: string;
  /** `care-success`'s `pending` for a new submission to the real route. */
  successPending: boolean;
  /** Whether the default protocol sends an Idempotency-Key. */
  idempotent: boolean;
  /** What the status region says after each failure. */
  messages: {network: string; server: string; badResponse: string; loginRequired: string};
  /** The "Try again" label of the submit button after a failure. */
  retryLabel: string;
}

/** Attributes for a fixture; `action: null` leaves the attribute out. */
interface MountOptions {
  action?: string | null;
  protocol?: string;
  more?: string;
}

export function runFormSuite<C extends FormCase>(config: FormSuiteConfig<C>): void {
  const {tag, target} = config;
  const fault = (name: string, query = '') => faultUrl(name, target, query);

  /** Mounts one fixture of the form for `c`, posting to the real route unless told otherwise. */
  const mount = async (c: FormCase, o: MountOptions = {}): Promise<FormElement> => {
    const action = o.action === undefined ? config.route : o.action;
    const attrs = [action === null ? '' : `action="${action}"`, o.protocol ? `protocol="${o.protocol}"` : '', c.attrs, o.more ?? ''].join(' ');
    const el = await fixture<FormElement>(`<${tag} ${attrs}></${tag}>`);
    await el.updateComplete;
    return el;
  };

  /** Waits until the form has been shown long enough for the receiver to store what it sends. */
  const fillTime = async (since: number) => {
    const left = MIN_FILL_MS + 150 - (performance.now() - since);
    if (left > 0) await aTimeout(left);
  };

  let net: FetchWatch;
  let log: ConsoleCapture;
  watchEachTest((n, l) => ([net, log] = [n, l]));

  describe('validation', () => {
    it('an empty submit sends nothing, marks each required field, focuses the first and announces the summary', async () => {
      const c = config.newCase();
      const el = await mount(c);
      const events = recordEvents(el);
      clickSubmit(el);
      await el.updateComplete;
      await waitUntil(() => focused(el)?.id === config.required[0], `focus on #${config.required[0]}`);

      for (const id of config.required) {
        const control = byId(el, id);
        expect(control.getAttribute('aria-invalid'), `#${id} aria-invalid`).to.equal('true');
        expect(description(el, control), `#${id} description`).to.contain('This field is required.');
      }
      const n = config.required.length;
      expect(textOf(statusRegion(el))).to.equal(n === 1 ? 'Please correct 1 field.' : `Please correct ${n} fields.`);
      expect(statusRegion(el).getAttribute('role'), 'the status part is a polite live region').to.equal('status');
      expect(net.posts, 'requests').to.have.length(0);
      expect(events.types, 'events').to.deep.equal([]);
      await aTimeout(50);
      expect(await c.storedIds(net), 'stored records').to.deep.equal([]);
    });

    it('an invalid email sends nothing and focuses the email field, whose description tells why', async () => {
      const c = config.newCase();
      const el = await mount(c);
      await fill(el, {...c.values, [config.emailField]: 'not-an-email'});
      clickSubmit(el);
      await waitUntil(() => focused(el)?.id === config.emailField, 'focus on the email field');
      const email = byId(el, config.emailField);
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, email)).to.contain('Enter an email address like name@example.com.');
      for (const id of config.required.filter((r) => r !== config.emailField)) {
        expect(byId(el, id).getAttribute('aria-invalid'), `#${id}`).to.equal('false');
      }
      expect(textOf(statusRegion(el))).to.equal('Please correct 1 field.');
      expect(net.posts).to.have.length(0);
      expect(await c.storedIds(net), 'stored records').to.deep.equal([]);
    });

    it('shows an error after leaving a field, and clears it once corrected', async () => {
      const c = config.newCase();
      const el = await mount(c);
      const email = byId(el, config.emailField);
      const untouched = description(el, email);
      typeInto(email, 'nope');
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, email)).to.contain('Enter an email address like name@example.com.').and.contain(untouched);
      typeInto(email, 'reader@example.com');
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('false');
      expect(description(el, email), 'the description it had before').to.equal(untouched);
    });
  });

  describe('a mouse press', () => {
    afterEach(() => resetMouse());

    /**
     * Types an invalid email with real keys into the focused email field, the other fields valid,
     * then presses the mouse 3 px inside the submit button's top edge and releases it there, as a
     * reader does. The press takes focus from the field, whose error would show above the button.
     */
    const pressSubmitTop = async (el: FormElement, release: 'same place' | 'beside the button') => {
      // The other fields valid; the email field untouched until it is typed into.
      const {[config.emailField]: _email, ...others} = config.newCase().values;
      await fill(el, others);
      byId(el, config.emailField).focus();
      await typeKeys('nope');
      const button = part(el, 'submit');
      button.scrollIntoView({block: 'center'});
      const box = button.getBoundingClientRect();
      await sendMouse({type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + 3)]});
      await sendMouse({type: 'down'});
      // A reader's press lasts a tenth of a second: long enough for the blur's render.
      await el.updateComplete;
      await aTimeout(100);
      const moved = button.getBoundingClientRect().top - box.top;
      // Beside the button, in the form's empty space (and inside the viewport, which WebDriver requires).
      if (release === 'beside the button') await sendMouse({type: 'move', position: [Math.round(box.right + 40), Math.round(box.top + 3)]});
      await sendMouse({type: 'up'});
      return moved;
    };

    it('on the upper edge of submit, after an invalid email, tries to send as it lands: the error does not move the button from under the pointer', async () => {
      const c = config.newCase();
      const el = await mount(c);
      const events = recordEvents(el);
      const moved = await pressSubmitTop(el, 'same place');
      expect(moved, 'px the button moved while pressed').to.equal(0);
      await waitUntil(() => focused(el)?.id === config.emailField, 'focus back on the email field after the attempt');
      expect(textOf(statusRegion(el))).to.equal('Please correct 1 field.');
      expect(description(el, byId(el, config.emailField))).to.contain('Enter an email address like name@example.com.');
      expect(events.types, 'nothing sent: the email is invalid').to.deep.equal([]);
      expect(net.posts).to.have.length(0);
    });

    it('released beside the button (no click), shows the error of the field it left once the press ends', async () => {
      const c = config.newCase();
      const el = await mount(c);
      await pressSubmitTop(el, 'beside the button');
      const email = byId(el, config.emailField);
      await waitUntil(() => email.getAttribute('aria-invalid') === 'true', 'the email error after the release');
      expect(description(el, email)).to.contain('Enter an email address like name@example.com.');
      expect(textOf(statusRegion(el)), 'no submit attempt').to.equal('');
    });
  });

  describe('sending to the receiver', () => {
    it('succeeds: status text, focus on the status region, care-success, one stored record', async () => {
      const c = config.newCase();
      const el = await mount(c);
      const shown = performance.now();
      await fill(el, c.values);
      await fillTime(shown);
      // A live region is announced when its content changes, not when it is inserted with it.
      const region = statusRegion(el);
      const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
      expect(statusRegion(el), 'the same live region node, its content changed').to.equal(region);
      expect(detail.pending).to.equal(config.successPending);
      const status = statusRegion(el);
      expect(textOf(status)).to.contain(config.successText);
      await waitUntil(() => focused(el) === status, 'focus on the status region');
      expect(net.posts).to.have.length(1);
      expect(net.posts[0].status).to.equal(201);
      expect(net.posts[0].replayed).to.equal(false);
      expect(await c.storedIds(net), 'one stored record, the one the answer named').to.deep.equal([detail.response!.id]);
    });

    if (config.idempotent) {
      it('retries a 503 with the same Idempotency-Key: one stored answer, not a replay', async () => {
        const c = config.newCase();
        const el = await mount(c, {action: fault('fail-once')});
        const shown = performance.now();
        await fill(el, c.values);
        await fillTime(shown);
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(net.posts.map((p) => p.status)).to.deep.equal([503, 201]);
        const [first, second] = net.posts.map((p) => p.headers.get('Idempotency-Key'));
        expect(first).to.match(/^[0-9a-f-]{36}$/);
        expect(second).to.equal(first);
        expect(net.posts[1].replayed, 'the retry was handled, not replayed').to.equal(false);
        expect(await c.storedIds(net), 'one stored record, the one the answer named').to.deep.equal([detail.response!.id]);
      });
    } else {
      it('retries a 503 (no Idempotency-Key for this protocol): one stored record', async () => {
        const c = config.newCase();
        const el = await mount(c, {action: fault('fail-once')});
        const shown = performance.now();
        await fill(el, c.values);
        await fillTime(shown);
        const detail = await submitAndWait<CareSuccessDetail>(el, 'care-success');
        expect(net.posts.map((p) => p.status)).to.deep.equal([503, 201]);
        expect(
          net.posts.every((p) => !p.headers.has('Idempotency-Key')),
          'no Idempotency-Key header',
        ).to.equal(true);
        expect(net.posts[1].body).to.equal(net.posts[0].body);
        expect(await c.storedIds(net), 'one stored record, the one the answer named').to.deep.equal([detail.response!.id]);
      });
    }

    it('two rapid clicks send one request', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: fault('slow', 'ms=300')});
      await fill(el, c.values);
      const done = nextEvent(el, 'care-success');
      clickSubmit(el);
      clickSubmit(el);
      await done;
      await aTimeout(100);
      expect(net.posts).to.have.length(1);
    });

    it('Enter twice sends one request', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: fault('slow', 'ms=300')});
      await fill(el, c.values);
      byId(el, config.enterField).focus();
      const done = nextEvent(el, 'care-success');
      await sendKeys({press: 'Enter'});
      await sendKeys({press: 'Enter'});
      await done;
      await aTimeout(100);
      expect(net.posts).to.have.length(1);
    });

    it('a dropped connection keeps everything typed, fires care-error, and a retry to the real route succeeds', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: fault('drop')});
      const shown = performance.now();
      await fill(el, c.values);
      const detail = await submitAndWait<CareErrorDetail>(el, 'care-error', 9000);
      expect(detail.source).to.equal('submit');
      expect(detail.outcome).to.include({kind: 'failure', reason: 'network'});
      expect(net.posts.length, 'attempts').to.equal(ATTEMPTS);
      expect(net.posts.every((p) => p.status === undefined)).to.equal(true);
      expect(textOf(statusRegion(el))).to.equal(config.messages.network);
      expect(read(el, c.values)).to.deep.equal(c.values);
      expect(textOf(part(el, 'submit'))).to.equal(config.retryLabel);

      el.action = config.route;
      await el.updateComplete;
      await fillTime(shown);
      const success = await submitAndWait<CareSuccessDetail>(el, 'care-success');
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      expect(await c.storedIds(net), 'one stored record, the one the answer named').to.deep.equal([success.response!.id]);
    });

    it('answers lost on every attempt: "Try again" is the same submission, stored once, and succeeds', async () => {
      const c = config.newCase();
      // The receiver stores the first request; the answers to every attempt of the first try are cut off.
      const el = await mount(c, {action: fault('lost', `times=${ATTEMPTS}`)});
      const shown = performance.now();
      await fill(el, c.values);
      await fillTime(shown);
      const failed = nextEvent<CareErrorDetail>(el, 'care-error', 9000);
      clickSubmit(el);
      expect((await failed).detail.outcome).to.include({kind: 'failure', reason: 'network'});
      expect(net.posts).to.have.length(ATTEMPTS);
      const afterFirstTry = await c.storedIds(net);
      expect(afterFirstTry, 'stored by the first attempt').to.have.length(1);
      const [stored] = afterFirstTry;

      // A moment later (a later fill time) the reader tries again.
      await aTimeout(50);
      const success = await submitAndWait<CareSuccessDetail>(el, 'care-success');
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      expect(net.posts).to.have.length(ATTEMPTS + 1);
      expect(new Set(net.posts.map((p) => p.body)).size, 'the first request again, byte for byte').to.equal(1);
      if (config.idempotent) {
        const keys = net.posts.map((p) => p.headers.get('Idempotency-Key'));
        expect(new Set(keys).size, 'one Idempotency-Key for every request').to.equal(1);
        expect(net.posts[ATTEMPTS].replayed, 'the first answer, replayed').to.equal(true);
        expect(success.response!.id, 'the id of the first answer').to.equal(stored);
      }
      expect(await c.storedIds(net), 'still the one record').to.deep.equal([stored]);
    });

    const failures = [
      {name: 'a 500 (always)', route: () => fault('status', 'code=500'), message: () => config.messages.server, kind: 'failure'},
      {name: 'a garbage body', route: () => fault('garbage'), message: () => config.messages.badResponse, kind: 'failure'},
      {name: 'a 401 login required', route: () => fault('login-required'), message: () => config.messages.loginRequired, kind: 'rejected'},
    ];
    for (const f of failures) {
      it(`${f.name}: its message, care-error, everything typed kept`, async () => {
        const c = config.newCase();
        const el = await mount(c, {action: f.route()});
        await fill(el, c.values);
        const detail = await submitAndWait<CareErrorDetail>(el, 'care-error', 9000);
        expect(detail.outcome!.kind).to.equal(f.kind);
        expect(textOf(statusRegion(el))).to.equal(f.message());
        expect(read(el, c.values)).to.deep.equal(c.values);
        expect(el.shadowRoot!.querySelector('[aria-invalid="true"]'), 'no field blamed').to.equal(null);
      });
    }

    it('a cancelled care-submit carries what would be sent, and sends nothing', async () => {
      const c = config.newCase();
      const shown = performance.now();
      const el = await mount(c);
      const mounted = performance.now();
      await fill(el, c.values);
      const seen: CareSubmitDetail[] = [];
      el.addEventListener('care-submit', (e) => {
        seen.push(e.detail);
        e.preventDefault();
      });
      const clicked = performance.now();
      clickSubmit(el);
      await el.updateComplete;
      const handled = performance.now();
      await aTimeout(100);
      expect(seen).to.have.length(1);
      expect(seen[0].action).to.equal(config.route);
      const {fill_ms: fillMs, ...fields} = sentFields(seen[0].data);
      expect(fields).to.deep.equal(config.sentData(c));
      expectFillMs(fillMs, clicked - mounted, handled - shown);
      expect(net.calls).to.have.length(0);
      expect(statusRegion(el).dataset.kind).to.equal('idle');
    });

    it('without action: one console.warn, and only care-submit fires', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: null});
      await fill(el, c.values);
      const events = recordEvents(el);
      clickSubmit(el);
      await el.updateComplete;
      clickSubmit(el);
      await el.updateComplete;
      await aTimeout(100);
      expect(events.types).to.deep.equal(['care-submit', 'care-submit']);
      expect((events.details['care-submit'][0] as CareSubmitDetail).action).to.equal(null);
      expect(log.warns).to.have.length(1);
      expect(log.warns[0]).to.contain(`<${tag}>`).and.contain('action');
      expect(net.calls).to.have.length(0);
    });
  });

  describe('a malformed action', () => {
    it('sends nothing, logs one console.error naming the element and the URL, fires care-error and keeps what was typed', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: 'http://[bad'});
      await fill(el, c.values);
      const detail = await submitAndWait<CareErrorDetail>(el, 'care-error');
      expect(detail.source).to.equal('config');
      expect(detail.url).to.equal('http://[bad');
      expect(log.errors).to.have.length(1);
      expect(log.errors[0]).to.contain(`<${tag}>`).and.contain('http://[bad');
      expect(net.calls).to.have.length(0);
      expect(textOf(statusRegion(el))).to.equal(en.notConfigured);
      expect(read(el, c.values)).to.deep.equal(c.values);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations when idle and when invalid', async () => {
      const el = await mount(config.newCase());
      await expect(el).to.be.accessible();
      clickSubmit(el);
      await el.updateComplete;
      expect(statusRegion(el).dataset.kind).to.equal('invalid');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations while sending', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: fault('slow', 'ms=3000')});
      await fill(el, c.values);
      clickSubmit(el);
      await el.updateComplete;
      expect(statusRegion(el).dataset.kind).to.equal('sending');
      expect(textOf(statusRegion(el))).to.equal('Sending…');
      expect(part(el, 'form').getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'submit').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations after an error', async () => {
      const c = config.newCase();
      const el = await mount(c, {action: fault('login-required')});
      await fill(el, c.values);
      await submitAndWait(el, 'care-error');
      expect(statusRegion(el).dataset.kind).to.equal('error');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations after success', async () => {
      const c = config.newCase();
      const el = await mount(c);
      await fill(el, c.values);
      await submitAndWait(el, 'care-success');
      expect(statusRegion(el).dataset.kind).to.equal('success');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in a dark theme (idle, invalid)', async () => {
      const c = config.newCase();
      const wrapper = await fixture<HTMLDivElement>(
        `<div style="color-scheme: dark; background: #101412; color: #e8ecea; padding: 1rem"><${tag} action="${config.route}" ${c.attrs}></${tag}></div>`,
      );
      const el = wrapper.firstElementChild as FormElement;
      await el.updateComplete;
      await expect(wrapper).to.be.accessible();
      clickSubmit(el);
      await el.updateComplete;
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('the whole form by keyboard: Tab through the fields in order, type, Space ticks, Enter submits', async () => {
      const c = config.newCase();
      const wrapper = await fixture<HTMLDivElement>(
        `<div><button id="before">Before</button><${tag} action="${config.route}" ${c.attrs}></${tag}></div>`,
      );
      const el = wrapper.querySelector(tag) as FormElement;
      await el.updateComplete;
      const shown = performance.now();
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

      for (const [id, value] of Object.entries(c.values)) {
        await sendKeys({press: 'Tab'});
        const now = focused(el);
        expect(now?.id, `Tab reaches #${id}`).to.equal(id);
        expect(now!.matches(':focus-visible'), `#${id} shows focus`).to.equal(true);
        expect(getComputedStyle(now!).outlineStyle, `#${id} focus ring`).not.to.equal('none');
        if (typeof value === 'boolean') {
          // A typed space: Firefox's WebDriver BiDi keyboard has no key named "Space".
          if (value) await typeKeys(' ');
          expect((now as HTMLInputElement).checked, `#${id} ticked`).to.equal(value);
        } else if (value) {
          await typeKeys(value);
          expect((now as HTMLInputElement).value).to.equal(value);
        }
      }
      await sendKeys({press: 'Tab'});
      expect(focused(el)).to.equal(part(el, 'submit'));
      expect(part(el, 'submit').matches(':focus-visible')).to.equal(true);
      await fillTime(shown);
      const success = nextEvent<CareSuccessDetail>(el, 'care-success');
      await sendKeys({press: 'Enter'});
      const {detail} = await success;
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      expect(net.posts).to.have.length(1);
      expect(await c.storedIds(net), 'one stored record, the one the answer named').to.deep.equal([detail.response!.id]);
    });
  });
}
