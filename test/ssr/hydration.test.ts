/**
 * Server-rendered elements (care-elements/ssr, served by test/runner/ssr-pages.mjs from the built
 * dist/ssr.js) hydrated in the browser by dist/care-elements-hydrate.js: the server's DOM is kept
 * node for node, nothing moves, nothing throws, ticks kept on the device come after hydration, and
 * both forms submit.
 */
import {expect} from '@open-wc/testing';
import {byId, nextEvent, part} from '../helpers/dom.js';
import {typeInto} from '../helpers/forms.js';

const TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'];
type Upgraded = HTMLElement & {updateComplete: Promise<boolean>};

let run = 0;
const unique = () => `${Date.now() % 1e6}${++run}`;

/** Loads a server-rendered page (no script yet) in a frame the size of a phone. */
async function serverPage(prefix: string, post: string): Promise<{doc: Document; win: Window & typeof globalThis; elements: Upgraded[]}> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 412px; block-size: 4000px; border: 0';
  frame.src = `/__ssr/page.html?prefix=${prefix}&post=${post}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  return {doc, win: frame.contentWindow as Window & typeof globalThis, elements: TAGS.map((tag) => doc.querySelector(tag) as Upgraded)};
}

/** Loads the hydrating bundle into the page and waits for every element's hydration and the update after it. */
async function hydrate(doc: Document, win: Window & typeof globalThis, elements: Upgraded[]): Promise<unknown[]> {
  const errors: unknown[] = [];
  win.addEventListener('error', (e) => errors.push(e.error ?? e.message));
  win.addEventListener('unhandledrejection', (e) => errors.push(e.reason));
  const consoleError = win.console.error;
  win.console.error = (...args: unknown[]) => {
    errors.push(args);
    consoleError.apply(win.console, args);
  };
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = '/dist/care-elements-hydrate.js';
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', reject);
  });
  doc.head.append(script);
  await loaded;
  for (const tag of TAGS) await win.customElements.whenDefined(tag);
  // The first update hydrates (in a task of its own for an upgraded element); the next applies what only the browser knows.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const el of elements) await el.updateComplete;
  }
  return errors;
}

const nodesOf = (el: Element) => [...el.shadowRoot!.querySelectorAll('*')];
const boxOf = (el: Element) => JSON.stringify(el.getBoundingClientRect());

describe('server-rendered elements', () => {
  it('show their whole content before any script, in a declarative shadow root', async () => {
    const {elements} = await serverPage(`ssr-${unique()}`, unique());
    const [symptoms, causes, steps, signup, comment] = elements;
    expect(symptoms.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(8);
    expect(causes.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(6);
    expect(steps.shadowRoot!.querySelectorAll('input[type="checkbox"]').length).to.equal(8);
    expect(part(steps, 'progress-text').textContent).to.equal('0 of 8 done');
    expect(byId(signup, 'email').type).to.equal('email');
    expect(byId(comment, 'comment').localName).to.equal('textarea');
    expect(customElements.get('care-symptom-list')).to.equal(undefined);
  });

  it('hydrate in place: the same nodes, the same boxes, no error', async () => {
    const {doc, win, elements} = await serverPage(`ssr-${unique()}`, unique());
    const before = elements.map(nodesOf);
    const boxes = elements.map(boxOf);
    const errors = await hydrate(doc, win, elements);
    expect(errors).to.deep.equal([]);
    elements.forEach((el, i) => {
      expect(nodesOf(el), `${el.localName} keeps the server's nodes`).to.deep.equal(before[i]);
      expect(boxOf(el), `${el.localName} does not move`).to.equal(boxes[i]);
      expect(el.shadowRoot!.querySelectorAll('style').length, `${el.localName}: one copy of its styles`).to.be.at.most(1);
    });
    // Hydrated, so live: a tick is counted.
    const steps = elements[2];
    byId(steps, 'check-0').click();
    await steps.updateComplete;
    expect(part(steps, 'progress-text').textContent).to.equal('1 of 8 done');
  });

  it("with Lit's defer-hydration (an element inside another's server-rendered shadow root), wait until the attribute goes", async () => {
    const {doc, win, elements} = await serverPage(`ssr-${unique()}`, unique());
    const steps = elements[2] as Upgraded & {hasUpdated: boolean};
    steps.setAttribute('defer-hydration', '');
    const before = nodesOf(steps);
    const errors = await hydrate(
      doc,
      win,
      elements.filter((el) => el !== steps),
    );
    expect(errors).to.deep.equal([]);
    expect(steps.hasUpdated, 'not hydrated while deferred').to.equal(false);
    steps.removeAttribute('defer-hydration');
    await steps.updateComplete;
    expect(steps.hasUpdated).to.equal(true);
    expect(nodesOf(steps), "the server's nodes kept").to.deep.equal(before);
    byId(steps, 'check-0').click();
    await steps.updateComplete;
    expect(part(steps, 'progress-text').textContent).to.equal('1 of 8 done');
  });

  it('apply the ticks kept on the device after hydration', async () => {
    const prefix = `ssr-${unique()}`;
    localStorage.setItem(`${prefix}:steps`, JSON.stringify({v: 1, at: Date.now(), value: ['manage-stress']}));
    localStorage.setItem(`${prefix}:symptoms`, JSON.stringify({v: 1, at: Date.now(), value: ['gas-bloating']}));
    try {
      const {doc, win, elements} = await serverPage(prefix, unique());
      const [symptoms, , steps] = elements;
      const items = steps.shadowRoot!.querySelectorAll('[part~="item"]');
      expect(await hydrate(doc, win, elements)).to.deep.equal([]);
      expect(part(steps, 'progress-text').textContent).to.equal('1 of 8 done');
      const ticked = [...steps.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((box) => box.checked);
      expect(ticked.map((box) => box.closest('li')!.textContent.trim())).to.deep.equal([
        'Manage stress through techniques like yoga, meditation, or therapy',
      ]);
      expect([...steps.shadowRoot!.querySelectorAll('[part~="item"]')]).to.deep.equal([...items]);
      expect((symptoms as unknown as {selected: string[]}).selected).to.deep.equal(['gas-bloating']);
    } finally {
      localStorage.removeItem(`${prefix}:steps`);
      localStorage.removeItem(`${prefix}:symptoms`);
    }
  });

  it('both forms submit after hydration', async () => {
    const {doc, win, elements} = await serverPage(`ssr-${unique()}`, unique());
    expect(await hydrate(doc, win, elements)).to.deep.equal([]);
    const [, , , signup, comment] = elements;

    typeInto(byId(signup, 'email'), `reader${unique()}@example.com`);
    byId(signup, 'consent').click();
    await signup.updateComplete;
    expect(byId(signup, 'consent').checked).to.equal(true);
    const signedUp = nextEvent(signup, 'care-success');
    part(signup, 'submit').click();
    expect((await signedUp).type).to.equal('care-success');

    for (const [id, value] of Object.entries({comment: `Hydrated comment ${unique()}`, author: 'Ana', email: 'ana@example.com'})) {
      typeInto(byId(comment, id), value);
      await comment.updateComplete;
    }
    const posted = nextEvent<{pending: boolean}>(comment, 'care-success');
    part(comment, 'submit').click();
    expect((await posted).detail.pending).to.equal(true);
  });
});
