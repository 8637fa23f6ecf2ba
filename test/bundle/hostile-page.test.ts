/**
 * The built drop-in bundle in a hostile page: global CSS that resets or hides everything it can
 * reach, and the bundle loaded twice. Run `npx rollup -c` (or `npm run build`) first.
 */
import {expect} from '@open-wc/testing';
import type {CareChangeDetail} from '../../src/events.js';
import {writeFrame, type FramePage} from '../helpers/frames.js';
import {clearStorage} from '../helpers/storage.js';

const BUNDLE = '/dist/care-elements.js';
const TAGS = {'care-symptom-list': 8, 'care-cause-list': 6, 'care-treatment-checklist': 8} as const;

const HOSTILE_CSS = `<style>
  * { all: unset !important; }
  li { display: none !important; }
  input { opacity: 0 !important; }
  ul { list-style: none; }
  h2 { font-size: 80px; }
  label { visibility: hidden; }
  :host { display: none; }
</style>`;

const BODY = `
  <care-symptom-list selectable><ul><li data-id="light">Written by the page</li></ul></care-symptom-list>
  <care-cause-list></care-cause-list>
  <care-treatment-checklist storage-key="test-bundle"></care-treatment-checklist>
  <ul id="page-list"><li>A list of the page</li></ul><input id="page-input" aria-label="page input">`;

describe('the bundle in a hostile page', () => {
  let page: FramePage | undefined;

  before(async () => {
    const response = await fetch(BUNDLE, {method: 'HEAD'});
    if (!response.ok) throw new Error(`${BUNDLE} answered ${response.status}: build it first (npx rollup -c)`);
  });

  afterEach(() => {
    page?.frame.remove();
    page = undefined;
    clearStorage();
  });

  const load = async (modules: string[]) => {
    page = await writeFrame({head: HOSTILE_CSS, body: BODY, modules});
    const elements = Object.keys(TAGS).map((tag) => page!.doc.querySelector(tag) as HTMLElement & {updateComplete: Promise<boolean>});
    await Promise.all(elements.map((el) => el.updateComplete));
    return page;
  };

  it('has hostile CSS in effect on the page itself (the control)', async () => {
    const {doc, win} = await load([BUNDLE]);
    expect(win.getComputedStyle(doc.querySelector('#page-list li')!).display).to.equal('none');
    expect(win.getComputedStyle(doc.querySelector('#page-input')!).opacity).to.equal('0');
    expect(win.getComputedStyle(doc.body).display).to.equal('inline');
  });

  it('defines the three list elements, with no error and no warning', async () => {
    const {win} = await load([BUNDLE]);
    for (const tag of Object.keys(TAGS)) expect(win.customElements.get(tag), tag).to.be.a('function');
    expect(win.__thrown).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warns).to.deep.equal([]);
  });

  it('renders every item with a size, whatever the page CSS says', async () => {
    const {doc} = await load([BUNDLE]);
    for (const [tag, count] of Object.entries(TAGS)) {
      const el = doc.querySelector(tag)!;
      expect(el.getClientRects().length, `${tag} is rendered`).to.be.greaterThan(0);
      const lis = [...el.shadowRoot!.querySelectorAll('li')];
      expect(lis, tag).to.have.length(tag === 'care-symptom-list' ? 1 : count);
      for (const li of lis) {
        const rect = li.getBoundingClientRect();
        expect(rect.width, `${tag} li width`).to.be.greaterThan(0);
        expect(rect.height, `${tag} li height`).to.be.greaterThan(0);
      }
    }
  });

  it('keeps its own heading size and visible labels', async () => {
    const {doc, win} = await load([BUNDLE]);
    const el = doc.querySelector('care-cause-list')!;
    const h2 = el.shadowRoot!.querySelector('h2')!;
    expect(win.getComputedStyle(h2).fontSize).to.not.equal('80px');
    expect(win.getComputedStyle(h2).display).to.equal('block');
    const label = doc.querySelector('care-treatment-checklist')!.shadowRoot!.querySelector('label')!;
    expect(win.getComputedStyle(label).visibility).to.equal('visible');
  });

  it('shows checkboxes that can be seen, hit and ticked through their label', async () => {
    const {doc, win} = await load([BUNDLE]);
    const el = doc.querySelector('care-treatment-checklist')!;
    const root = el.shadowRoot!;
    const box = root.querySelector('input')!;
    expect(win.getComputedStyle(box).opacity).to.equal('1');
    const rect = box.getBoundingClientRect();
    expect(rect.width).to.be.greaterThan(0);
    // Nothing covers the checkbox: a pointer at its centre lands on it.
    expect(root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)).to.equal(box);

    const changes: CareChangeDetail[] = [];
    doc.addEventListener('care-change', (e) => changes.push(e.detail));
    root.querySelector('label')!.click();
    expect(box.checked).to.equal(true);
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include({done: 1, total: 8});
    expect(win.__thrown).to.deep.equal([]);
  });

  it('uses the light DOM the page wrote, hidden page styles notwithstanding', async () => {
    const {doc} = await load([BUNDLE]);
    const root = doc.querySelector('care-symptom-list')!.shadowRoot!;
    expect(root.querySelector('label')!.textContent).to.equal('Written by the page');
    const status = root.querySelector<HTMLElement>('[role="status"]')!;
    expect(status.textContent).to.equal('');
    root.querySelector('label')!.click();
    await doc.querySelector('care-symptom-list')!.updateComplete;
    expect(status.textContent).to.contain('1 of 1 symptoms marked');
  });

  it('loads a second copy without an error and with exactly one warning', async () => {
    const {win, doc} = await load([BUNDLE, `${BUNDLE}?copy=2`]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(win.__thrown).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    expect(win.__warns).to.have.length(1);
    expect(win.__warns[0]).to.contain('already defined');
    for (const tag of Object.keys(TAGS)) expect(win.__warns[0]).to.contain(`<${tag}>`);
    // The first copy still runs the page.
    expect(doc.querySelector('care-cause-list')!.shadowRoot!.querySelectorAll('li')).to.have.length(6);
  });
});
