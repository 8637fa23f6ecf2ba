/**
 * The bundle upgrading a page: the first renders of upgraded elements wait for a later task (so a page
 * of elements is not one long task) and come in document order; until then the page's own light DOM
 * stays on screen and a bare tag takes no space. Run `npx rollup -c` (or `npm run build`) first.
 */
import {expect, waitUntil} from '@open-wc/testing';

describe('the bundle while the page loads', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it("keeps the page's light DOM on screen until the element's first render, which runs in a later task", async () => {
    // A page loaded from a URL, as a reader's is (a document.write()n one finishes loading differently).
    frame = document.createElement('iframe');
    frame.src = '/test/fixtures/loading.html';
    document.body.append(frame);
    const win = frame.contentWindow as Window & {__probe?: Record<string, unknown>};
    await waitUntil(() => win.__probe, 'the probe ran', {timeout: 8000});
    const probe = win.__probe!;
    const doc = frame.contentDocument!;
    expect(probe.defined).to.equal(true);
    expect(probe.hasUpdated, 'no render in the task that evaluated the bundle').to.equal(false);
    expect(probe.lightListShown, "the page's list is still shown").to.equal(true);
    expect(probe.shadowRoots, "no element connected in the bundle's task").to.deep.equal([false, false, false]);
    expect(probe.bareHeights, 'the bare comment form and signup take no space yet').to.deep.equal([0, 0]);

    const list = doc.querySelector('care-cause-list') as HTMLElement & {updateComplete: Promise<boolean>};
    await list.updateComplete;
    expect(list.querySelector('ul')!.getClientRects().length, "the page's list is replaced").to.equal(0);
    expect(list.shadowRoot!.querySelector('slot:not([data-light])'), 'placeholder gone').to.equal(null);
    expect([...list.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent.trim())).to.deep.equal(['Chronic stress', 'A diet high in sugar']);
    expect(list.querySelector('h2')!.getClientRects().length, "the page's heading stays, slotted").to.be.greaterThan(0);
  });

  it('renders the elements for the first time in document order, whatever the order their tags were defined in', async () => {
    frame = document.createElement('iframe');
    frame.src = '/test/fixtures/loading.html';
    document.body.append(frame);
    const win = frame.contentWindow as Window & {__probe?: {rendered: string[]}};
    await waitUntil(() => win.__probe?.rendered.length === 3, 'the three rendered', {timeout: 8000});
    expect(win.__probe!.rendered).to.deep.equal(['care-comment-form', 'care-cause-list', 'care-guide-signup']);
    const signup = frame.contentDocument!.querySelector('care-guide-signup')!;
    expect(signup.getBoundingClientRect().height, 'the signup has its size once rendered').to.be.greaterThan(100);
  });
});
