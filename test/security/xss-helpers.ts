/**
 * What the XSS suite needs besides the corpus: the canary, a walk of the document and every open
 * shadow root, the checks every channel ends with, answers of the hostile server
 * (test/runner/hostile-answers.mjs), and a few form helpers.
 */
import {waitUntil} from '@open-wc/testing';
import type {Answer} from '../helpers/network.js';
import {CORPUS, describePayload, type Payload} from './xss-corpus.js';

// ---------------------------------------------------------------------------------------------
// The canary

declare global {
  interface Window {
    __xss?: (id: number, from?: EventTarget | null) => void;
  }
}

/**
 * The payloads whose canary ran since the last `resetCanary()`, in call order. `from` is the
 * target of the event whose handler ran it, when a frame's canary could tell (see `openFrame` in
 * the test): `window.event` is set while a handler of the document runs, and never while one in
 * a shadow tree does.
 */
export const canaryHits: Array<{id: number; from?: EventTarget | null}> = [];

/** Defines the global canary every payload calls if it ever runs. */
export function installCanary(): void {
  window.__xss = (id: number, from?: EventTarget | null) => void canaryHits.push({id: Number(id), from});
}

export function resetCanary(): void {
  canaryHits.length = 0;
}

/** Waits for what a parsed payload would do late: an image's 404, a frame's load, an animation's start. */
export async function quiet(ms = 120): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// Walking every tree

/**
 * Whether `node` is a shadow root. Not `instanceof`: nodes of a frame belong to the frame's realm,
 * whose ShadowRoot is another constructor.
 */
export const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;

/** The document, every open shadow root in it (at any depth) and the same of each same-origin frame. */
export function allRoots(doc: Document = document): Array<Document | ShadowRoot> {
  const roots: Array<Document | ShadowRoot> = [];
  const visit = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.localName === 'iframe' || el.localName === 'object' || el.localName === 'frame') {
        let inner: Document | null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (inner) visit(inner);
      }
    }
  };
  visit(doc);
  return roots;
}

/** The shadow roots only: what the elements rendered, not what the page wrote. */
export function shadowRoots(doc: Document = document): ShadowRoot[] {
  return allRoots(doc).filter(isShadowRoot);
}

const MARKER = 'data-xss';

/** Elements that carry a payload's marker: markup that was parsed rather than shown as text. */
export function markedElements(roots: Array<Document | ShadowRoot>): Element[] {
  return roots.flatMap((root) => [...root.querySelectorAll(`[${MARKER}]`)]);
}

/** Attributes whose value a browser may load or navigate to. */
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'codebase'];

/** Every URL-valued attribute in the elements' shadow roots that is not an http(s) URL. */
export function nonHttpUrls(roots: ShadowRoot[]): Array<{element: Element; name: string; value: string}> {
  const found: Array<{element: Element; name: string; value: string}> = [];
  for (const root of roots) {
    for (const element of root.querySelectorAll('*')) {
      for (const attr of element.attributes) {
        if (!URL_ATTRIBUTES.includes(attr.name)) continue;
        // `data` is also a plain attribute name; only <object data> loads it.
        if (attr.name === 'data' && element.localName !== 'object') continue;
        let protocol: string;
        try {
          protocol = new URL(attr.value, element.baseURI).protocol;
        } catch {
          protocol = 'unparsable';
        }
        if (attr.name === 'srcdoc' || (protocol !== 'http:' && protocol !== 'https:')) found.push({element, name: attr.name, value: attr.value});
      }
    }
  }
  return found;
}

/** The payload an element stands for: its own `data-payload`, or its shadow host's, outwards. */
function payloadOf(node: Node): Payload | undefined {
  for (let at: Node | null = node; at; at = isShadowRoot(at) ? at.host : at.parentNode) {
    if (at.nodeType === Node.ELEMENT_NODE && (at as Element).hasAttribute('data-payload'))
      return byId(Number((at as Element).getAttribute('data-payload')));
  }
  return undefined;
}

export function byId(id: number): Payload | undefined {
  return CORPUS[id - 1]?.id === id ? CORPUS[id - 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// A channel: payloads shown through it, then the checks

/** How many payloads went through each channel, for the summary. */
export const tally = new Map<string, number>();

/** The channels that failed, for the summary. */
export const failedChannels: string[] = [];

/** The failures of one channel, each naming the payload and the channel. */
export class ChannelRun {
  readonly failures: string[] = [];

  constructor(readonly channel: string) {}

  fail(p: Payload | undefined, what: string): void {
    this.failures.push(`${p ? describePayload(p) : '(payload unknown)'}: ${what}`);
  }

  /** Records a failure unless `actual` is `expected`. */
  equal(p: Payload, where: string, actual: unknown, expected: unknown): void {
    if (actual !== expected) this.fail(p, `${where} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }

  check(p: Payload, ok: boolean, what: string): void {
    if (!ok) this.fail(p, what);
  }
}

export interface ChannelOptions {
  /** The document to walk (a frame's). */
  doc?: Document;
  /**
   * The page wrote the payloads as its own markup: what is parsed in, or runs from, the page's
   * own DOM is the page's doing (a browser may even run a handler of it again when the upgrade
   * re-slots it), so only what the elements' shadow roots hold, or what runs from elsewhere, counts.
   */
  pageMarkup?: boolean;
}

/**
 * Shows `payloads` through `channel` (the `show` callback does it and records text mismatches),
 * then checks what must hold for all of them: the canary never ran, no marked element exists, no
 * rendered URL is anything but http(s). Throws one error listing every failure.
 */
export async function throughChannel(
  channel: string,
  payloads: readonly Payload[],
  show: (run: ChannelRun) => Promise<void>,
  options: ChannelOptions = {},
): Promise<void> {
  const run = new ChannelRun(channel);
  resetCanary();
  await show(run);
  await quiet();
  const doc = options.doc ?? document;
  // Execution, parsing and links first: they are what this suite is for; text mismatches follow.
  const texts = run.failures.splice(0);
  const ofThePage = (from?: EventTarget | null) => options.pageMarkup && from && 'getRootNode' in from && (from as Node).getRootNode() === doc;
  const ran = new Set(canaryHits.filter((hit) => !ofThePage(hit.from)).map((hit) => hit.id));
  for (const id of ran) run.fail(byId(id), 'RAN: the canary was called');
  const roots = options.pageMarkup ? shadowRoots(doc) : allRoots(doc);
  for (const el of markedElements(roots)) {
    run.fail(
      byId(Number(el.getAttribute(MARKER))),
      `PARSED: <${el.localName} ${MARKER}> exists in ${isShadowRoot(el.getRootNode()) ? 'a shadow root' : 'the document'}`,
    );
  }
  for (const {element, name, value} of nonHttpUrls(shadowRoots(doc))) {
    run.fail(payloadOf(element), `LINK: <${element.localName} ${name}=${JSON.stringify(value)}> rendered`);
  }
  run.failures.push(...texts);
  tally.set(channel, (tally.get(channel) ?? 0) + payloads.length);
  if (run.failures.length) {
    failedChannels.push(channel);
    const shown = run.failures.slice(0, 40);
    const more = run.failures.length - shown.length;
    throw new Error(`${channel}: ${run.failures.length} failure(s)\n  ${shown.join('\n  ')}${more ? `\n  ... and ${more} more` : ''}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Expected values

/** Whitespace collapsed and trimmed, as the lists read light-DOM text. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The href a link to `value` must have: the URL resolved against `base` when it is http(s), else
 * none (the README: only http(s) links are rendered).
 */
export function expectedLink(value: string, base: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `value` is a URL on its own, with a scheme (`javascript:`, `data:`, `https:`), rather than a path. */
export function hasScheme(value: string): boolean {
  try {
    return Boolean(new URL(value.trim()));
  } catch {
    return false;
  }
}

/** Whether `value`, resolved against `base` (the page), is an http(s) URL of another origin (no test sends there). */
export function isOtherSite(value: string, base: string = document.baseURI): boolean {
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
  } catch {
    return false;
  }
}

/** What a control of `type` holds after `value` is put in it (inputs drop newlines, email and url trim). */
export function asControlValue(type: 'text' | 'email' | 'url' | 'textarea', value: string): string {
  const control = type === 'textarea' ? document.createElement('textarea') : Object.assign(document.createElement('input'), {type});
  control.value = value;
  return control.value;
}

// ---------------------------------------------------------------------------------------------
// The hostile server

export {hostileUrls, type Answer} from '../helpers/network.js';

/**
 * A server error says `Retry-After: 0`, so the form's retries of it (it tries 3 times) follow at
 * once instead of after a backoff: the suite's time goes to payloads, not to waiting.
 */
const retryAtOnce = (status: number): Record<string, string> => (status >= 500 ? {'Retry-After': '0'} : {});

export const json = (status: number, body: unknown): Answer => ({
  status,
  headers: {'Content-Type': 'application/json; charset=utf-8', ...retryAtOnce(status)},
  body: JSON.stringify(body),
});

export const htmlPage = (status: number, body: string): Answer => ({
  status,
  headers: {'Content-Type': 'text/html; charset=utf-8', ...retryAtOnce(status)},
  body,
});

/** `value` made fit for an HTTP header: characters outside printable ASCII percent-encoded. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

// ---------------------------------------------------------------------------------------------
// Elements and forms

export type Rendered = HTMLElement & {updateComplete: Promise<boolean>};

/** A stage for one test's elements, removed by `clearStage()`. */
let stage: HTMLElement | undefined;

export function getStage(): HTMLElement {
  if (!stage) {
    stage = document.createElement('div');
    stage.id = 'xss-stage';
    document.body.append(stage);
  }
  return stage;
}

export function clearStage(): void {
  // A media element that a parsed payload left keeps loading after removal, and its late error
  // would run the canary in the next test: unload every one, so a finding stays with its channel.
  for (const media of allRoots().flatMap((root) => [...root.querySelectorAll<HTMLMediaElement>('video, audio')])) {
    media.removeAttribute('src');
    media.querySelectorAll('source').forEach((source) => source.remove());
    media.load();
  }
  stage?.remove();
  stage = undefined;
}

/** Creates `tag` with string attributes (set as given, not parsed from markup), marked with its payload. */
export function create<T extends Rendered = Rendered>(tag: string, p: Payload | undefined, attrs: Record<string, string> = {}): T {
  const el = document.createElement(tag) as T;
  if (p) el.setAttribute('data-payload', String(p.id));
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

/** Appends the elements to the stage and waits for their first render. */
export async function mount<T extends Rendered>(elements: T[]): Promise<T[]> {
  getStage().append(...elements);
  await Promise.all(elements.map((el) => el.updateComplete));
  return elements;
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

export function part(el: Element, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Types `value` into the control `#id` of the element's shadow root, as the reader would. */
export function typeInto(el: Element, id: string, value: string): void {
  const control = shadow(el).getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!control) throw new Error(`<${el.localName}> has no #${id}`);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText'}));
}

export interface Ending {
  type: 'care-success' | 'care-error' | 'cancelled';
  detail: {message?: string; link?: string; outcome?: {kind: string; message?: string; fields?: Record<string, string>}};
}

/**
 * Submits every form at once and resolves when each has ended (`care-success`, `care-error`, or
 * a `care-submit` that `cancel` cancelled), then when each has rendered its result.
 */
export async function submitAll(forms: Rendered[], cancel: (form: Rendered) => boolean = () => false): Promise<Ending[]> {
  const endings = forms.map(
    (form) =>
      new Promise<Ending>((resolve) => {
        const end = (type: Ending['type']) => (e: Event) => resolve({type, detail: (e as CustomEvent<Ending['detail']>).detail});
        form.addEventListener('care-success', end('care-success'), {once: true});
        form.addEventListener('care-error', end('care-error'), {once: true});
        form.addEventListener(
          'care-submit',
          (e) => {
            if (cancel(form)) {
              e.preventDefault();
              resolve({type: 'cancelled', detail: {}});
            }
          },
          {once: true},
        );
      }),
  );
  for (const form of forms) part(form, 'submit')!.click();
  const ended = await Promise.race([
    Promise.all(endings),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('a form did not end within 15 s')), 15000)),
  ]);
  await Promise.all(forms.map((form) => form.updateComplete));
  return ended;
}

/**
 * Runs `body` with `focus()` a no-op. After a refusal each form focuses its first invalid field;
 * with many forms on the page, the blur this gives another form's field re-checks that field in
 * the browser, which replaces the server's error shown there before the test can read it.
 */
export async function withoutFocusMoves<T>(body: () => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the prototype, never called alone
  const {focus} = HTMLElement.prototype;
  HTMLElement.prototype.focus = () => {};
  try {
    return await body();
  } finally {
    HTMLElement.prototype.focus = focus;
  }
}

/** Waits until `ready` holds for every element. */
export async function waitForAll<T>(elements: T[], ready: (el: T) => boolean, what: string): Promise<void> {
  await waitUntil(() => elements.every(ready), what, {timeout: 8000});
}
