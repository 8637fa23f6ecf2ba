/**
 * The built bundle on pages served with a strict Content-Security-Policy header (set by
 * test/runner/csp-middleware.mjs for test/fixtures/csp/), as a publisher's server would send it:
 * every element renders, both forms submit, and no `securitypolicyviolation` fires; also with two
 * copies of the bundle, and beside the page's own Lit. Run `npm run build` first.
 *
 * Trusted Types: `require-trusted-types-for` and `trusted-types` are enforced only where
 * `window.trustedTypes` exists. Where it does not, the checks that depend on it (`tt` below) are
 * skipped and the rest (render, submit, no violation, no uncaught error) is asserted all the same.
 */
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import {ARTICLE} from '../../src/content/article.js';
import {en} from '../../src/i18n/en.js';
import {textOf} from '../helpers/dom.js';
import {fill, statusRegion, submitAndWait} from '../helpers/forms.js';
import {MIN_FILL_MS, storedComments, unique} from '../helpers/network.js';

const DIR = '/test/fixtures/csp';
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/** What test/fixtures/csp/probe.js records in the page, before the bundle runs. */
interface CspLog {
  violations: string[];
  thrown: string[];
  errors: string[];
}
type Win = Window & typeof globalThis & {__csp?: CspLog; litHtmlVersions?: string[]};
type Care = HTMLElement & {updateComplete: Promise<boolean>};

interface Page {
  frame: HTMLIFrameElement;
  win: Win;
  doc: Document;
  log: CspLog;
  /** `performance.now()` of this window at the frame's `load`, after its elements were connected. */
  loadedAt: number;
}

/** Whether this engine enforces Trusted Types (the checks that need it apply only then). */
const tt = 'trustedTypes' in window;

/** What each element shows: its heading, then its items (lists) or its submit label (forms). */
const EXPECTED: Record<string, string[]> = {
  'care-symptom-list': [ARTICLE.en.symptoms.heading, ...ARTICLE.en.symptoms.items.map((i) => i.label)],
  'care-cause-list': [ARTICLE.en.causes.heading, ...ARTICLE.en.causes.items.map((i) => i.label)],
  'care-treatment-checklist': [ARTICLE.en.treatment.heading, ...ARTICLE.en.treatment.items.map((i) => i.label)],
  'care-guide-signup': [en.signupHeading, en.signupSubmit],
  'care-comment-form': [en.commentHeading, en.commentSubmit],
};

/** The same, read from each element's shadow root once its first render is done. */
async function shown(doc: Document): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const tag of Object.keys(EXPECTED)) {
    const el = doc.querySelector(tag) as Care;
    await el.updateComplete;
    const root = el.shadowRoot;
    const rest =
      tag.endsWith('-list') || tag.endsWith('-checklist')
        ? [...(root?.querySelectorAll('li') ?? [])].map((li) => textOf(li.querySelector('label, summary') ?? li))
        : [textOf(root?.querySelector('[part~="submit"]'))];
    out[tag] = [textOf(root?.querySelector('[part~="heading"]')), ...rest];
  }
  return out;
}

let page: Page | undefined;

/** Loads a page of test/fixtures/csp/ in a same-origin frame; resolves after its `load` (every module has run). */
async function open(path: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 1600px; border: 0';
  frame.src = `${DIR}/${path}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const loadedAt = performance.now();
  const win = frame.contentWindow as Win;
  await waitUntil(() => win.__csp, 'the probe ran', {timeout: 8000});
  page = {frame, win, doc: frame.contentDocument!, log: win.__csp!, loadedAt};
  return page;
}

/** Lets any violation report (queued as a task) arrive before the log is read. */
const settleReports = () => aTimeout(100);

describe('the bundle under a strict Content-Security-Policy header', () => {
  before(async () => {
    const response = await fetch('/dist/care-elements.js', {method: 'HEAD'});
    if (!response.ok) throw new Error(`/dist/care-elements.js answered ${response.status}: build it first (npm run build)`);
  });

  afterEach(() => {
    page?.frame.remove();
    page = undefined;
  });

  it("the fixtures' policy is in effect, and the probe sees a violation (the control)", async () => {
    expect((await fetch(`${DIR}/strict.html`)).headers.get('Content-Security-Policy')).to.equal(STRICT_CSP);
    expect((await fetch(`${DIR}/two-copies.html?allow-duplicates`)).headers.get('Content-Security-Policy')).to.equal(
      `${STRICT_CSP} 'allow-duplicates'`,
    );
    const {doc, log} = await open('strict.html');
    // style-src 'self' refuses an inline <style>, in every engine.
    const style = doc.createElement('style');
    style.textContent = 'body { color: red; }';
    doc.head.append(style);
    await waitUntil(() => log.violations.length > 0, 'a violation for the inline style');
    expect(log.violations[0]).to.match(/^style-src/);
    if (tt) {
      // require-trusted-types-for 'script': a string given to an HTML sink throws.
      let thrown: unknown;
      try {
        doc.createElement('div').innerHTML = '<b>text</b>';
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error | undefined)?.name).to.equal('TypeError');
    }
  });

  it('renders all five elements, both forms submit and show their success, and no violation fires', async () => {
    const {doc, log, loadedAt} = await open('strict.html');
    expect(await shown(doc)).to.deep.equal(EXPECTED);

    const post = unique();
    const signup = doc.querySelector('care-guide-signup') as Care;
    const comment = doc.querySelector('care-comment-form') as Care;
    comment.setAttribute('post-id', String(post));
    await fill(signup, {email: `strict.${post}@example.com`, consent: true});
    await fill(comment, {comment: `Posted under a strict CSP, post ${post}.`, author: `Strict ${post}`, email: `strict.${post}@example.com`});
    // The receiver discards (as spam) a submission filled faster than MIN_FILL_MS since the form appeared.
    await aTimeout(Math.max(0, MIN_FILL_MS + 150 - (performance.now() - loadedAt)));

    await submitAndWait(signup, 'care-success');
    expect(textOf(statusRegion(signup))).to.contain(en.signupSuccess);
    await submitAndWait(comment, 'care-success');
    expect(textOf(statusRegion(comment))).to.contain(en.commentPending);
    expect((await storedComments(post)).map((c) => c.author_name)).to.deep.equal([`Strict ${post}`]);

    await settleReports();
    expect(log.violations, 'securitypolicyviolation events').to.deep.equal([]);
    expect(log.thrown, 'uncaught errors').to.deep.equal([]);
    expect(log.errors, 'console errors').to.deep.equal([]);
  });

  describe('two copies of the bundle from different URLs (two module instances, two copies of Lit)', () => {
    for (const [name, query] of [
      ["without 'allow-duplicates'", ''],
      ["with 'allow-duplicates'", '?allow-duplicates'],
    ]) {
      it(`${name}: both evaluate without an uncaught error, the first renders every element, no violation`, async () => {
        const {doc, win, log} = await open(`two-copies.html${query}`);
        expect(await shown(doc)).to.deep.equal(EXPECTED);
        await settleReports();
        expect(log.thrown, 'uncaught errors').to.deep.equal([]);
        expect(log.violations, 'securitypolicyviolation events').to.deep.equal([]);
        expect(log.errors, 'console errors').to.deep.equal([]);
        // lit-html records its version as the last step of its module: both copies ran to the end.
        expect(win.litHtmlVersions, 'lit-html evaluated twice').to.have.length(2);
      });
    }
  });

  describe("beside the page's own Lit, which creates its lit-html policy first", () => {
    it("with 'allow-duplicates': every element renders, no error, no violation", async () => {
      const {doc, win, log} = await open('own-lit.html?allow-duplicates');
      expect(textOf(doc.getElementById('own'))).to.equal("Rendered by the page's own Lit");
      expect(win.litHtmlVersions).to.have.length(2);
      expect(await shown(doc)).to.deep.equal(EXPECTED);
      await settleReports();
      expect(log.thrown, 'uncaught errors').to.deep.equal([]);
      expect(log.violations, 'securitypolicyviolation events').to.deep.equal([]);
      expect(log.errors, 'console errors').to.deep.equal([]);
    });

    it("without 'allow-duplicates': one console error says what the CSP must add (where Trusted Types exist)", async () => {
      const {doc, win, log} = await open('own-lit.html');
      expect(textOf(doc.getElementById('own'))).to.equal("Rendered by the page's own Lit");
      // The bundle evaluated to its end and defined the tags (no uncaught "Policy lit-html already exists").
      expect(
        log.thrown.filter((e) => /already exists|policy/i.test(e)),
        'uncaught policy errors',
      ).to.deep.equal([]);
      expect(win.litHtmlVersions).to.have.length(2);
      expect(win.customElements.get('care-comment-form'), 'the bundle defined its tags').to.be.a('function');
      if (!tt) {
        // Nothing is enforced: everything renders, as on any page.
        expect(await shown(doc)).to.deep.equal(EXPECTED);
        await settleReports();
        expect(log.errors).to.deep.equal([]);
        return;
      }
      // The elements cannot render here (their policy name is taken): the page learns why, once.
      await waitUntil(() => log.errors.length > 0, 'a console error', {timeout: 5000});
      await aTimeout(300);
      const ours = log.errors.filter((e) => e.startsWith('care-elements:'));
      expect(ours, 'console errors of care-elements').to.have.length(1);
      expect(ours[0]).to.contain("'allow-duplicates'").and.to.contain('trusted-types').and.to.contain('lit-html');
    });
  });
});
