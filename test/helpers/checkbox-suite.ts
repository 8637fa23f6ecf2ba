/**
 * The contract of the two lists with checkboxes (<care-symptom-list selectable>,
 * <care-treatment-checklist>), run by each one's test file: ticking and its `care-change`,
 * keyboard, right to left, accessibility with ticks, and storage that throws (on this page and
 * in a fresh page).
 */
import {expect, fixture, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ARTICLE} from '../../src/content/article.js';
import type {CareListElement} from '../../src/elements/list-base.js';
import {removeStored, writeStored} from '../../src/lib/storage.js';
import {captureConsoleEachTest} from './console.js';
import {isWebKit, settle, shadow} from './dom.js';
import {writeFrame} from './frames.js';
import {checkedStates, clickLabel, collectChanges} from './list-dom.js';
import {installBlockedStorage, installFullStorage, storageEachTest, storageSetup} from './storage.js';

export interface CheckboxSuiteOptions {
  tag: 'care-symptom-list' | 'care-treatment-checklist';
  article: 'symptoms' | 'treatment';
  /** Attributes that show checkboxes. */
  attrs: string;
  /** Attributes that show checkboxes and keep them in localStorage. */
  persistAttrs: string;
  /** The define module of the element, for fresh-page frames. */
  defineModule: string;
}

export function checkboxSuite(o: CheckboxSuiteOptions): void {
  describe('checklist contract', () => checkboxContract(o));
}

function checkboxContract(o: CheckboxSuiteOptions): void {
  const {tag} = o;
  const en = ARTICLE.en[o.article];
  const mount = (more = '') => fixture<CareListElement>(`<${tag} ${o.attrs} ${more}></${tag}>`);

  const storage = storageEachTest();
  const log = captureConsoleEachTest();
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  describe('checkboxes', () => {
    it('gives each item a checkbox labelled by the item', async () => {
      const el = await mount();
      const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"][part~="checkbox"]')];
      expect(boxes).to.have.length(en.items.length);
      expect(boxes.map((b) => b.labels![0].textContent.trim())).to.deep.equal(en.items.map((i) => i.label));
      expect(new Set(boxes.map((b) => b.id)).size).to.equal(boxes.length);
    });

    it('fires care-change with {ids, done, total} when the reader ticks and unticks', async () => {
      const el = await mount();
      const changes = collectChanges(el);
      clickLabel(el, 3);
      clickLabel(el, 1);
      clickLabel(el, 3);
      expect(checkedStates(el).filter(Boolean)).to.have.length(1);
      expect(changes).to.deep.equal([
        {ids: [en.items[3].id], done: 1, total: en.items.length},
        {ids: [en.items[1].id, en.items[3].id], done: 2, total: en.items.length},
        {ids: [en.items[1].id], done: 1, total: en.items.length},
      ]);
    });

    it('care-change bubbles out of the shadow root and is composed', async () => {
      const wrap = await fixture(`<div><${tag} ${o.attrs}></${tag}></div>`);
      await settle(wrap);
      setTimeout(() => clickLabel(wrap.querySelector(tag)!, 0));
      const event = await new Promise<CustomEvent>((resolve) => wrap.addEventListener('care-change', (e) => resolve(e as CustomEvent), {once: true}));
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    });

    it('fires no care-change when the page sets properties', async () => {
      const el = await mount();
      clickLabel(el, 0);
      const changes = collectChanges(el);
      el.items = [
        {id: en.items[0].id, label: 'Renamed'},
        {id: 'new', label: 'New'},
      ];
      el.heading = 'Other';
      await el.updateComplete;
      (el as unknown as {clear?(): void; reset?(): void}).clear?.();
      (el as unknown as {clear?(): void; reset?(): void}).reset?.();
      await el.updateComplete;
      expect(checkedStates(el)).to.deep.equal([false, false]);
      expect(changes).to.deep.equal([]);
    });

    it('unticks the boxes when the page clears them from its care-change handler', async () => {
      const el = await mount();
      const host = el as unknown as {clear?(): void; reset?(): void};
      el.addEventListener('care-change', () => (host.clear ?? host.reset)!.call(el), {once: true});
      clickLabel(el, 2);
      await el.updateComplete;
      expect(checkedStates(el)[2]).to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the first checkbox with a visible focus ring, and Space ticks it', async () => {
      const wrap = await fixture(`<div><button id="before">before</button><${tag} ${o.attrs}></${tag}></div>`);
      await settle(wrap);
      const el = wrap.querySelector(tag)!;
      wrap.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({press: 'Tab'});
      const first = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(document.activeElement).to.equal(el);
      expect(shadow(el).activeElement).to.equal(first);
      expect(first.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(first);
      expect(style.outlineStyle).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.greaterThan(0);

      const changes = collectChanges(el);
      await sendKeys({press: ' '} /* Space: Firefox over BiDi knows the key by its value only */);
      await waitUntil(() => changes.length === 1, 'care-change after Space');
      expect(first.checked).to.equal(true);
      expect(changes[0]).to.deep.equal({ids: [en.items[0].id], done: 1, total: en.items.length});
    });
  });

  describe('row size', () => {
    // An element replacing the page's list of text must not push down what follows it.
    for (const size of ['17px', '34px']) {
      it(`makes each row as tall as a row of the page's list of text, its checkbox centred on the label's line (text ${size})`, async () => {
        const box = await fixture<HTMLElement>(
          `<div style="font: ${size}/normal serif"><ul><li>${en.items[0].label}</li></ul><${tag} ${o.attrs}></${tag}></div>`,
        );
        const el = box.querySelector<CareListElement>(tag)!;
        await el.updateComplete;
        const textRow = box.querySelector('li')!.getBoundingClientRect().height;
        const row = shadow(el).querySelector<HTMLElement>('[part~="item"]')!;
        const check = row.querySelector('[part~="checkbox"]')!.getBoundingClientRect();
        const label = row.querySelector('label')!.getClientRects()[0];
        expect(row.getBoundingClientRect().height).to.be.closeTo(textRow, 0.5);
        expect(check.height, 'the box keeps its size: 1.25em').to.be.closeTo(1.25 * parseFloat(size), 0.5);
        expect(check.top + check.height / 2, "centred on the label's first line").to.be.closeTo(label.top + label.height / 2, 1);
      });
    }
  });

  describe('right to left', () => {
    it('puts the checkbox on the right of its label inside dir="rtl"', async () => {
      const wrap = await fixture(`<div dir="rtl"><${tag} ${o.attrs}></${tag}></div>`);
      await settle(wrap);
      const el = wrap.querySelector(tag)!;
      const box = shadow(el).querySelector('input')!.getBoundingClientRect();
      const label = shadow(el).querySelector('label')!.getBoundingClientRect();
      expect(box.left).to.be.greaterThan(label.right - 1);
    });

    it('puts the checkbox on the left of its label by default', async () => {
      const el = await mount();
      const box = shadow(el).querySelector('input')!.getBoundingClientRect();
      const label = shadow(el).querySelector('label')!.getBoundingClientRect();
      expect(box.right).to.be.lessThan(label.left + 1);
    });
  });

  describe('accessibility with checkboxes', () => {
    it('has no axe violations with ticks', async () => {
      const el = await mount();
      clickLabel(el, 0);
      clickLabel(el, 2);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('has no axe violations with ticks in a dark theme', async () => {
      const wrap = await fixture(`<div style="color-scheme: dark; background: #111; color: #eee"><${tag} ${o.attrs}></${tag}></div>`);
      await settle(wrap);
      const el = wrap.querySelector<CareListElement>(tag)!;
      clickLabel(el, 1);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('storage that throws', () => {
    const modes = [
      {name: 'full (QuotaExceededError)', install: () => installFullStorage(), setup: storageSetup(installFullStorage), error: 'QuotaExceededError'},
      {name: 'blocked (SecurityError)', install: () => installBlockedStorage(), setup: storageSetup(installBlockedStorage), error: 'SecurityError'},
    ];
    for (const m of modes) {
      it(`${m.name}: works, keeps ticks in memory for the page`, async function () {
        const undo = storage.throwing(m.install);
        // WebKit's baseline JIT can keep calling the original window.localStorage getter from code
        // that already ran many times (with JSC_useJIT=false this passes), so a getter redefined in
        // the middle of the page may not reach the storage wrapper. Real blocked storage throws from
        // the page's start, which the fresh-page test below checks in every engine.
        if (m.error === 'SecurityError' && isWebKit() && writeStored('test-probe', 'x')) {
          removeStored('test-probe');
          this.skip();
        }
        const el = await fixture<CareListElement>(`<${tag} ${o.persistAttrs} storage-key="test-throwing-${m.error}"></${tag}>`);
        const changes = collectChanges(el);
        clickLabel(el, 0);
        clickLabel(el, 2);
        await el.updateComplete;
        expect(checkedStates(el).slice(0, 3)).to.deep.equal([true, false, true]);
        expect(changes.map((c) => c.done)).to.deep.equal([1, 2]);

        // A new element on the same page (same key) gets the ticks back from memory.
        el.remove();
        const again = await fixture<CareListElement>(`<${tag} ${o.persistAttrs} storage-key="test-throwing-${m.error}"></${tag}>`);
        expect(checkedStates(again).slice(0, 3)).to.deep.equal([true, false, true]);
        undo();
        expect(localStorage.getItem(`test-throwing-${m.error}`)).to.equal(null);
        // The storage wrapper warns once per page, so an earlier test may have used up the warning.
        expect(log.warns.length).to.be.at.most(1);
        for (const w of log.warns) expect(w).to.contain('localStorage is not available');
        expect(log.errors).to.deep.equal([]);
      });

      it(`${m.name}: a fresh page warns exactly once, however many ticks`, async () => {
        const page = await writeFrame({
          setup: m.setup,
          modules: [o.defineModule],
          body: `<${tag} ${o.persistAttrs} storage-key="test-frame"></${tag}>`,
        });
        frame = page.frame;
        const el = page.doc.querySelector(tag) as CareListElement;
        await el.updateComplete;
        const changes = collectChanges(el);
        for (const i of [0, 1, 2, 1]) clickLabel(el, i);
        await el.updateComplete;
        expect(checkedStates(el).slice(0, 3)).to.deep.equal([true, false, true]);
        expect(changes.map((c) => c.done)).to.deep.equal([1, 2, 3, 2]);

        el.remove();
        const again = page.doc.createElement(tag) as CareListElement;
        for (const a of o.persistAttrs.split(/\s+/).filter(Boolean)) again.setAttribute(a, '');
        again.setAttribute('storage-key', 'test-frame');
        page.doc.body.append(again);
        await again.updateComplete;
        expect(checkedStates(again).slice(0, 3)).to.deep.equal([true, false, true]);

        expect(page.win.__warns).to.have.length(1);
        expect(page.win.__warns[0]).to.contain('localStorage is not available').and.contain(m.error);
        expect(page.win.__errors).to.deep.equal([]);
        expect(page.win.__thrown).to.deep.equal([]);
        expect(localStorage.getItem('test-frame')).to.equal(null);
      });
    }
  });
}
