/**
 * The shared browser suite of the two forms (<care-guide-signup>, <care-comment-form>), and the
 * helpers their own test files use: a fetch recorder, direct calls to the reference receiver,
 * field filling, accessible descriptions, console capture and storage that throws.
 *
 * Every submission travels over real HTTP to the receiver the test runner serves
 * (demo/receiver/); faults come from its `/api/faults/<fault>/<target>` routes.
 */
import {aTimeout, expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CareErrorDetail, CareSubmitDetail, CareSuccessDetail} from '../../src/events.js';
import {removeStored} from '../../src/lib/storage.js';
import {en} from '../../src/i18n/en.js';

// ---------------------------------------------------------------------------------------------
// Receiver and network

/** The page's own fetch, kept before any test wraps it, for the tests' own requests. */
const realFetch = globalThis.fetch.bind(globalThis);

/** The receiver refuses (silently discards) a submission filled faster than this. */
export const MIN_FILL_MS = 1500;

/** A number no other test uses: a post id, a fault counter scope, an address tag. */
export function unique(): number {
  return 100000 + Math.floor(Math.random() * 1e6);
}

/** One request an element made, and what came back. */
export interface FetchRecord {
  url: string;
  method: string;
  headers: Headers;
  body: string;
  /** The answer's status; undefined when the request failed (a dropped connection). */
  status?: number;
  /** Whether the receiver replayed a stored answer (`Idempotent-Replayed: true`). */
  replayed?: boolean;
  error?: string;
}

export interface FetchWatch {
  calls: FetchRecord[];
  /** The POSTs only. */
  readonly posts: FetchRecord[];
  restore(): void;
}

/**
 * Records every fetch the page makes and passes it on to the real one. The submission controller
 * looks `fetch` up at call time, so the elements' requests go through here.
 */
export function watchFetch(): FetchWatch {
  const calls: FetchRecord[] = [];
  const wrapper = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const record: FetchRecord = {
      url: new URL(input instanceof Request ? input.url : String(input), document.baseURI).href,
      method: (init.method ?? 'GET').toUpperCase(),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : String(init.body ?? ''),
    };
    calls.push(record);
    try {
      const response = await realFetch(input, init);
      record.status = response.status;
      record.replayed = response.headers.get('Idempotent-Replayed') === 'true';
      return response;
    } catch (error) {
      record.error = String(error);
      throw error;
    }
  };
  globalThis.fetch = wrapper as typeof fetch;
  return {
    calls,
    get posts() {
      return calls.filter((c) => c.method === 'POST');
    },
    restore() {
      if (globalThis.fetch === wrapper) globalThis.fetch = realFetch;
    },
  };
}

/** Every comment the receiver stored on a post, held ones included. */
export async function storedComments(post: number): Promise<Array<{id: number; status: string; author_name: string; content: {rendered: string}}>> {
  const res = await realFetch(`/api/comments?post=${post}&status=all`, {cache: 'no-store'});
  expect(res.status, 'GET /api/comments').to.equal(200);
  return res.json();
}

/** Posts a comment straight to the receiver's REST route (not through a form), filled "slowly". */
export async function postCommentDirectly(fields: {post: number; author_name: string; author_email: string; content: string; parent?: number}): Promise<{status: number; body: Record<string, unknown>}> {
  const res = await realFetch('/api/comments', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({parent: 0, fill_ms: 5000, ...fields}),
  });
  return {status: res.status, body: await res.json()};
}

/** Approves a stored comment, as a moderator would. */
export async function approveComment(id: number): Promise<void> {
  const res = await realFetch(`/api/comments/${id}/approve`, {method: 'POST'});
  expect(res.status, 'approve').to.equal(200);
}

export {realFetch};

// ---------------------------------------------------------------------------------------------
// DOM

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The control (or any element) with this id in the element's shadow root, asserted present. */
export function byId<T extends HTMLElement = HTMLInputElement>(el: Element, id: string): T {
  const found = shadow(el).getElementById(id) as T | null;
  if (!found) throw new Error(`<${el.localName}> has no #${id}`);
  return found;
}

export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T {
  const found = shadow(el).querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${el.localName}> has no part "${name}"`);
  return found;
}

/** Whitespace-collapsed, trimmed text. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The status live region. */
export function statusRegion(el: Element): HTMLElement {
  const status = shadow(el).querySelector<HTMLElement>('[role="status"]');
  if (!status) throw new Error(`<${el.localName}> has no role=status region`);
  return status;
}

/** The element focused inside the element's shadow root (the document's focus is the host). */
export function focused(el: Element): Element | null {
  return shadow(el).activeElement;
}

/** The text of a control's accessible description: the elements its aria-describedby names. */
export function description(el: Element, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => textOf(shadow(el).getElementById(id))).filter(Boolean).join(' ');
}

/** Sets a text control as typing would (the `input` event the elements listen to). */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText'}));
  control.blur();
}

export type Values = Record<string, string | boolean>;

/** Fills the controls named by id: strings are typed, booleans tick or untick a checkbox. */
export async function fill(el: HTMLElement & {updateComplete: Promise<unknown>}, values: Values): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = byId(el, id);
    if (typeof value === 'boolean') {
      if (control.checked !== value) control.click();
    } else {
      typeInto(control, value);
    }
    await el.updateComplete;
  }
}

/** What the controls named in `like` hold now, in the same shape. */
export function read(el: Element, like: Values): Values {
  const out: Values = {};
  for (const [id, value] of Object.entries(like)) {
    const control = byId(el, id);
    out[id] = typeof value === 'boolean' ? control.checked : control.value;
  }
  return out;
}

/**
 * Types text with real key presses, one key per command: over WebDriver classic (WebKit),
 * webdriverio's keys() presses a whole string as one chord, which drops repeated letters and spaces.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({type: key});
}

export function clickSubmit(el: Element): void {
  part<HTMLButtonElement>(el, 'submit').click();
}

/** Resolves with the next event of `type` on `el`, or rejects after `ms`. */
export function nextEvent<T>(el: Element, type: string, ms = 8000): Promise<CustomEvent<T>> {
  return Promise.race([
    oneEvent(el, type) as Promise<CustomEvent<T>>,
    aTimeout(ms).then(() => {
      throw new Error(`no ${type} within ${ms} ms`);
    }),
  ]);
}

/** Records the care-* events of an element. */
export function recordEvents(el: Element, types = ['care-submit', 'care-success', 'care-error']): {types: string[]; details: Record<string, unknown[]>} {
  const log = {types: [] as string[], details: {} as Record<string, unknown[]>};
  for (const type of types) {
    log.details[type] = [];
    el.addEventListener(type, (e) => {
      log.types.push(type);
      log.details[type].push((e as CustomEvent).detail);
    });
  }
  return log;
}

// ---------------------------------------------------------------------------------------------
// Console and storage

export interface ConsoleCapture {
  warns: string[];
  errors: string[];
  restore(): void;
}

/** Records (and silences) console.warn and console.error until `restore()`. */
export function captureConsole(): ConsoleCapture {
  const {warn, error} = console;
  const capture: ConsoleCapture = {
    warns: [],
    errors: [],
    restore() {
      console.warn = warn;
      console.error = error;
    },
  };
  const show = (args: unknown[]) => args.map(String).join(' ');
  console.warn = (...args: unknown[]) => void capture.warns.push(show(args));
  console.error = (...args: unknown[]) => void capture.errors.push(show(args));
  return capture;
}

/** Makes `localStorage.setItem` throw QuotaExceededError, as a full storage does. Returns the undo. */
export function installFullStorage(): () => void {
  const proto = Storage.prototype;
  const original = proto.setItem;
  proto.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    proto.setItem = original;
  };
}

/**
 * Removes the keys the forms write, from localStorage and from the storage wrapper's in-memory
 * fallback (which holds what a throwing storage refused, for the life of the page).
 */
export function clearFormStorage(): void {
  removeStored('care-comment-form:identity');
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('care-comment-form') || key.startsWith('care-guide-signup')) removeStored(key);
  }
}

// ---------------------------------------------------------------------------------------------
// The shared suite


/**
 * In the calling `describe`: each test gets a fresh fetch watch and console capture (handed to
 * `use`), restored after it, with the forms' storage cleared.
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
    clearFormStorage();
  });
}

export type FormElement = HTMLElement & {action: string | null; protocol: string; updateComplete: Promise<boolean>};

/**
 * Clicks submit and waits for the event `type` (within `ms`) and the render that follows it;
 * resolves with the event's detail.
 */
export async function submitAndWait<T = unknown>(el: HTMLElement & {updateComplete: Promise<unknown>}, type: string, ms?: number): Promise<T> {
  const event = nextEvent<T>(el, type, ms);
  clickSubmit(el);
  const {detail} = await event;
  await el.updateComplete;
  return detail;
}

/** One test's data: its own post (comments) or address (signups), so tests never see each other's records. */
export interface FormCase {
  /** Attributes for this case's fixtures besides action and protocol, e.g. `post-id="123456"`. */
  attrs: string;
  /** Valid values by control id (booleans are checkboxes), in tab order. */
  values: Values;
  /** How many records the receiver stored for this case; undefined where it cannot be listed. */
  stored(): Promise<number | undefined>;
}

export interface FormSuiteConfig {
  tag: 'care-guide-signup' | 'care-comment-form';
  /** The fault routes' target name. */
  target: 'guide-signups' | 'comments';
  /** The real route. */
  route: string;
  /** A fresh case (post id, address) for one test. */
  newCase(): FormCase;
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

export function runFormSuite(config: FormSuiteConfig): void {
  const {tag, target} = config;
  const fault = (name: string, query = '') => `/api/faults/${name}/${target}?scope=${unique()}${query ? `&${query}` : ''}`;

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
      const before = await c.stored();
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
      expect(statusRegion(el).getAttribute('role')).to.equal('status');
      expect(net.posts, 'requests').to.have.length(0);
      expect(events.types, 'events').to.deep.equal([]);
      await aTimeout(50);
      expect(await c.stored()).to.equal(before);
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
      expect(await c.stored()).to.be.oneOf([0, undefined]);
    });

    it('shows an error after leaving a field, and clears it once corrected', async () => {
      const c = config.newCase();
      const el = await mount(c);
      const email = byId(el, config.emailField);
      typeInto(email, 'nope');
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      typeInto(email, 'reader@example.com');
      await el.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('false');
      expect(description(el, email)).not.to.contain('Enter an email address');
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
      expect(detail.response).to.be.an('object');
      expect(detail.response!.id, 'the server id').to.exist;
      const status = statusRegion(el);
      expect(textOf(status)).to.contain(config.successText);
      await waitUntil(() => focused(el) === status, 'focus on the status region');
      expect(net.posts).to.have.length(1);
      expect(net.posts[0].status).to.equal(201);
      expect(net.posts[0].replayed).to.equal(false);
      const stored = await c.stored();
      if (stored !== undefined) expect(stored, 'stored records').to.equal(1);
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
        // The same key again gets the stored answer back: the server holds exactly one for it.
        const again = await realFetch(config.route, {method: 'POST', headers: net.posts[1].headers, body: net.posts[1].body});
        expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
        expect((await again.json()).id).to.equal(detail.response!.id);
        const stored = await c.stored();
        if (stored !== undefined) expect(stored).to.equal(1);
      });
    } else {
      it('retries a 503 (no Idempotency-Key for this protocol): one stored record', async () => {
        const c = config.newCase();
        const el = await mount(c, {action: fault('fail-once')});
        const shown = performance.now();
        await fill(el, c.values);
        await fillTime(shown);
        await submitAndWait(el, 'care-success');
        expect(net.posts.map((p) => p.status)).to.deep.equal([503, 201]);
        expect(net.posts.every((p) => !p.headers.has('Idempotency-Key')), 'no Idempotency-Key header').to.equal(true);
        expect(net.posts[1].body).to.equal(net.posts[0].body);
        expect(await c.stored()).to.equal(1);
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
      expect(net.posts.length, 'attempts').to.be.within(1, 3);
      expect(net.posts.every((p) => p.status === undefined)).to.equal(true);
      expect(textOf(statusRegion(el))).to.equal(config.messages.network);
      expect(read(el, c.values)).to.deep.equal(c.values);
      expect(textOf(part(el, 'submit'))).to.equal(config.retryLabel);

      el.action = config.route;
      await el.updateComplete;
      await fillTime(shown);
      await submitAndWait(el, 'care-success');
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      const stored = await c.stored();
      if (stored !== undefined) expect(stored).to.equal(1);
    });

    it('answers lost on every attempt: "Try again" is the same submission, stored once, and succeeds', async () => {
      const c = config.newCase();
      // The receiver stores the first request; the answers to the first three are cut off.
      const el = await mount(c, {action: fault('lost', 'times=3')});
      const shown = performance.now();
      await fill(el, c.values);
      await fillTime(shown);
      const failed = nextEvent<CareErrorDetail>(el, 'care-error', 9000);
      clickSubmit(el);
      expect((await failed).detail.outcome).to.include({kind: 'failure', reason: 'network'});
      expect(net.posts).to.have.length(3);
      expect(await c.stored(), 'stored by the first attempt').to.be.oneOf([1, undefined]);

      // A moment later (a later fill time) the reader tries again.
      await aTimeout(50);
      await submitAndWait(el, 'care-success');
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      expect(net.posts).to.have.length(4);
      expect(new Set(net.posts.map((p) => p.body)).size, 'the first request again, byte for byte').to.equal(1);
      if (config.idempotent) {
        const keys = net.posts.map((p) => p.headers.get('Idempotency-Key'));
        expect(new Set(keys).size, 'one Idempotency-Key for all four requests').to.equal(1);
        expect(net.posts[3].replayed, 'the first answer, replayed').to.equal(true);
      }
      const stored = await c.stored();
      if (stored !== undefined) expect(stored).to.equal(1);
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

    it('a cancelled care-submit sends nothing', async () => {
      const c = config.newCase();
      const el = await mount(c);
      await fill(el, c.values);
      const seen: CareSubmitDetail[] = [];
      el.addEventListener('care-submit', (e) => {
        seen.push(e.detail);
        e.preventDefault();
      });
      clickSubmit(el);
      await el.updateComplete;
      await aTimeout(100);
      expect(seen).to.have.length(1);
      expect(seen[0].action).to.equal(config.route);
      expect(seen[0].data).to.be.an('object');
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
      await success;
      expect(textOf(statusRegion(el))).to.contain(config.successText);
      expect(net.posts).to.have.length(1);
      const stored = await c.stored();
      if (stored !== undefined) expect(stored).to.equal(1);
    });
  });
}
