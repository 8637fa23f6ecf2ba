import {aTimeout, expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import {ARTICLE} from '../../src/content/article.js';
import type {CareSymptomList} from '../../src/elements/symptom-list/symptom-list.js';
import {defineElement} from '../../src/elements/define-element.js';
import {removeStored} from '../../src/lib/storage.js';
import {checkboxSuite} from '../helpers/checkbox-suite.js';
import {captureConsole, type ConsoleCapture} from '../helpers/console.js';
import {focusedPart, shadow, textOf, texts} from '../helpers/dom.js';
import {checkedStates, clickLabel, collectChanges} from '../helpers/list-dom.js';
import {listSuite} from '../helpers/list-suite.js';
import {clearStorage, installFullStorage, storeRecordAged, storedValue} from '../helpers/storage.js';

const en = ARTICLE.en.symptoms;
const summary = (el: Element) => texts(el, '[part~="summary"]')[0];
/** The summary's live regions (the storage notice's aside). */
const liveRegions = (el: Element) => [
  ...shadow(el).querySelectorAll<HTMLElement>('[part~="summary"] [role="status"], [part~="summary"][role="status"], [part~="summary"] [aria-live]'),
];
const notice = (el: Element) => texts(el, '[part~="storage-notice"]')[0];
const forgetButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button[part~="forget"]');
const DEFAULT_KEY = () => `care-symptom-list:${location.pathname}`;

describe('care-symptom-list', () => {
  listSuite({
    tag: 'care-symptom-list',
    article: 'symptoms',
    count: 8,
    firstLabel: 'Abdominal pain and cramping',
    caution: 'not a recognized medical condition by all medical practitioners',
    cautionEs: 'no todos los profesionales médicos reconocen',
  });

  checkboxSuite({
    tag: 'care-symptom-list',
    article: 'symptoms',
    attrs: 'selectable',
    persistAttrs: 'selectable persist',
    defineModule: '/src/elements/symptom-list/define.ts',
  });

  describe('selectable', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);

    it('is a plain list without checkboxes or summary by default', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list></care-symptom-list>`);
      expect(shadow(el).querySelector('input, label, [role="status"]')).to.equal(null);
      expect(el.hasAttribute('selectable')).to.equal(false);
    });

    it('reflects the selectable property and shows checkboxes when set', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list></care-symptom-list>`);
      el.selectable = true;
      await el.updateComplete;
      expect(el.hasAttribute('selectable')).to.equal(true);
      expect(shadow(el).querySelectorAll('input[type="checkbox"]')).to.have.length(8);
    });

    it('has a summary of the marks with the healthcare guidance, whose polite live region holds the count alone', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      const box = shadow(el).querySelector('[part~="summary"]')!;
      const live = liveRegions(el);
      expect(live, 'one live region in the summary').to.have.length(1);
      expect(box.contains(live[0])).to.equal(true);
      // Empty, and taking no space, until the reader marks something.
      expect(summary(el)).to.equal('');
      expect(box.getBoundingClientRect().height).to.equal(0);
      clickLabel(el, 0);
      await el.updateComplete;
      clickLabel(el, 4);
      await el.updateComplete;
      // What is announced at each mark: the count, not the guidance again.
      expect(textOf(live[0])).to.equal('2 of 8 symptoms marked.');
      expect(summary(el), 'what is shown').to.equal(
        '2 of 8 symptoms marked. These signs have many causes: talk to a healthcare professional about them.',
      );
      expect(box.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.selected).to.deep.equal([en.items[0].id, en.items[4].id]);
      clickLabel(el, 0);
      clickLabel(el, 4);
      await el.updateComplete;
      expect(summary(el), 'after the reader unmarks everything').to.equal('None of the 8 symptoms marked.');
      // The live region is the same node, so screen readers announce the change.
      expect(liveRegions(el)[0]).to.equal(live[0]);
      expect(textOf(live[0])).to.equal('None of the 8 symptoms marked.');
    });

    it('clear() unmarks everything without firing care-change', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      clickLabel(el, 1);
      const changes = collectChanges(el);
      el.clear();
      await el.updateComplete;
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(summary(el)).to.equal('None of the 8 symptoms marked.');
      expect(changes).to.deep.equal([]);
    });

    it('with persist, the marks survive re-creation under the default key', async () => {
      const first = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist></care-symptom-list>`);
      clickLabel(first, 2);
      clickLabel(first, 5);
      const key = `care-symptom-list:${location.pathname}`;
      expect(storedValue(key)).to.have.members([en.items[2].id, en.items[5].id]);
      first.remove();
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist></care-symptom-list>`);
      expect(checkedStates(el)).to.deep.equal([false, false, true, false, false, true, false, false]);
      expect(summary(el)).to.match(/^2 of 8 symptoms marked/);
    });

    it('with persist and storage-key, the marks are kept under that key', async () => {
      const first = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist storage-key="test-marks"></care-symptom-list>`);
      clickLabel(first, 7);
      expect(storedValue('test-marks')).to.deep.equal([en.items[7].id]);
      expect(localStorage.getItem(`care-symptom-list:${location.pathname}`)).to.equal(null);
      first.remove();
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist storage-key="test-marks"></care-symptom-list>`);
      expect(checkedStates(el)[7]).to.equal(true);
    });

    it('without persist, the marks are not stored and do not survive re-creation', async () => {
      const first = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      clickLabel(first, 0);
      expect(checkedStates(first)[0]).to.equal(true);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('care-symptom-list'))).to.deep.equal([]);
      first.remove();
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
    });

    it('has no axe violations when selectable', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      await expect(el).to.be.accessible();
    });
  });

  describe('marks kept on this device (persist)', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);
    const ids = (...i: number[]) => i.map((n) => en.items[n].id);
    const mount = (attrs = '') => fixture<CareSymptomList>(`<care-symptom-list selectable persist ${attrs}></care-symptom-list>`);

    it('restores marks last changed 29 days ago', async () => {
      storeRecordAged(DEFAULT_KEY(), ids(1, 3), 29);
      const el = await mount();
      expect(el.selected).to.deep.equal(ids(1, 3));
    });

    it('does not restore marks last changed more than 30 days ago, and removes them', async () => {
      storeRecordAged(DEFAULT_KEY(), ids(1, 3), 31);
      const el = await mount();
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
    });

    it('keep-days="1": marks two days old are not restored, and removed', async () => {
      storeRecordAged(DEFAULT_KEY(), ids(0), 2);
      const el = await mount('keep-days="1"');
      expect(el.keepDays).to.equal(1);
      expect(el.selected).to.deep.equal([]);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
    });

    it('keep-days="0": marks stay for this page only, nothing is written and nothing is announced as kept', async () => {
      const el = await mount('keep-days="0" storage-key="test-page-only"');
      clickLabel(el, 2);
      await el.updateComplete;
      expect(el.selected).to.deep.equal(ids(2));
      expect(Object.keys(localStorage).filter((k) => k.startsWith('care-symptom-list') || k.startsWith('test-'))).to.deep.equal([]);
      expect(notice(el)).to.equal('');
      expect(forgetButton(el) === null, 'no "Forget them"').to.equal(true);
      removeStored('test-page-only');
    });

    it('reads marks stored by the previous version (a bare JSON array) and rewrites them as a record', async () => {
      localStorage.setItem(DEFAULT_KEY(), JSON.stringify(ids(4)));
      const el = await mount();
      expect(el.selected).to.deep.equal(ids(4));
      expect(storedValue(DEFAULT_KEY())).to.deep.equal(ids(4));
    });

    it('says nothing at load; after a mark, "Your marks are kept on this device for 30 days." with "Forget them", in a polite status line under the list', async () => {
      const el = await mount();
      const line = shadow(el).querySelector<HTMLElement>('[part~="storage-notice"]')!;
      expect(line.getAttribute('role')).to.equal('status');
      expect(notice(el)).to.equal('');
      expect(line.getBoundingClientRect().height).to.equal(0);
      expect(forgetButton(el) === null, 'no "Forget them" yet').to.equal(true);
      const list = shadow(el).querySelector('ul')!.getBoundingClientRect();
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('Your marks are kept on this device for 30 days.');
      expect(forgetButton(el)!.textContent.trim()).to.equal('Forget them');
      expect(forgetButton(el)!.type).to.equal('button');
      // Under the list: the list the reader is ticking does not move.
      expect(shadow(el).querySelector('ul')!.getBoundingClientRect().top).to.equal(list.top);
      expect(line.getBoundingClientRect().top).to.be.greaterThan(list.bottom);
      expect(shadow(el).querySelector('[part~="storage-notice"]') === line, 'the same live region').to.equal(true);
    });

    it('uses the day count of keep-days, 1 in the singular', async () => {
      const week = await mount('keep-days="7"');
      clickLabel(week, 0);
      await week.updateComplete;
      expect(notice(week)).to.equal('Your marks are kept on this device for 7 days.');
      week.remove();
      // The mark made above is restored (it is seconds old), so the line shows at once.
      const day = await mount('keep-days="1"');
      await day.updateComplete;
      expect(notice(day)).to.equal('Your marks are kept on this device for 1 day.');
    });

    it('"Forget them" removes the stored marks, unmarks, says so once, and puts focus on the first checkbox', async () => {
      const el = await mount();
      clickLabel(el, 1);
      clickLabel(el, 6);
      await el.updateComplete;
      const changes = collectChanges(el);
      forgetButton(el)!.click();
      await el.updateComplete;
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(changes).to.deep.equal([{ids: [], done: 0, total: 8}]);
      expect(notice(el)).to.equal('Nothing is kept on this device now.');
      expect(forgetButton(el) === null, '"Forget them" gone').to.equal(true);
      expect(focusedPart(el)).to.equal('checkbox#check-0');
      el.remove();
      const again = await mount();
      expect(checkedStates(again).some(Boolean), 'nothing after a reload').to.equal(false);
      expect(notice(again)).to.equal('');
    });

    it('"Forget them" works by keyboard', async () => {
      const el = await mount();
      clickLabel(el, 3);
      await el.updateComplete;
      shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[7].focus();
      await sendKeys({press: 'Tab'});
      expect(focusedPart(el)).to.equal('forget#');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(el.selected).to.deep.equal([]);
      expect(focusedPart(el)).to.equal('checkbox#check-0');
    });

    it('says nothing about the device where storage is full: the marks are only in memory', async () => {
      const log = captureConsole();
      const undo = installFullStorage();
      try {
        const el = await mount('storage-key="test-full-notice"');
        clickLabel(el, 0);
        await el.updateComplete;
        expect(el.selected).to.deep.equal(ids(0));
        expect(notice(el)).to.equal('');
      } finally {
        undo();
        log.restore();
        removeStored('test-full-notice');
      }
    });

    it('without persist there is no storage line', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      clickLabel(el, 0);
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[part~="storage-notice"], [part~="footer"]')).to.have.length(0);
    });

    it('in Spanish: "Tus marcas se guardan en este dispositivo durante 30 días." and "Olvidarlas"', async () => {
      const wrap = await fixture(html`<div lang="es"><care-symptom-list selectable persist></care-symptom-list></div>`);
      const el = wrap.querySelector('care-symptom-list')!;
      await el.updateComplete;
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('Tus marcas se guardan en este dispositivo durante 30 días.');
      expect(forgetButton(el)!.textContent.trim()).to.equal('Olvidarlas');
      forgetButton(el)!.click();
      await el.updateComplete;
      expect(notice(el)).to.equal('Ya no se guarda nada en este dispositivo.');
    });

    it('has no axe violations with the storage line', async () => {
      const el = await mount();
      clickLabel(el, 0);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('languages', () => {
    afterEach(clearStorage);

    it('lang="es" switches the summary to Spanish', async () => {
      const wrap = await fixture(html`<div lang="es"><care-symptom-list selectable></care-symptom-list></div>`);
      const el = wrap.querySelector('care-symptom-list')!;
      clickLabel(el, 0);
      await el.updateComplete;
      expect(summary(el)).to.equal('1 de 8 síntomas marcados. Estas señales tienen muchas causas: habla de ellas con un profesional de la salud.');
      expect(textOf(liveRegions(el)[0]), 'announced').to.equal('1 de 8 síntomas marcados.');
      clickLabel(el, 0);
      await el.updateComplete;
      expect(summary(el)).to.equal('Ninguno de los 8 síntomas marcado.');
    });

    it('the strings property overrides one string', async () => {
      const el = await fixture<CareSymptomList>(
        html`<care-symptom-list selectable .strings=${{symptomsSummary: (n: number, t: number) => `${n}/${t} ticked`}}></care-symptom-list>`,
      );
      clickLabel(el, 3);
      await el.updateComplete;
      expect(textOf(liveRegions(el)[0])).to.equal('1/8 ticked');
      expect(summary(el)).to.equal('1/8 ticked These signs have many causes: talk to a healthcare professional about them.');
      clickLabel(el, 3);
      await el.updateComplete;
      expect(summary(el)).to.equal('0/8 ticked');
    });
  });
});

describe('defineElement', () => {
  let log: ConsoleCapture;
  beforeEach(() => {
    log = captureConsole();
  });
  afterEach(() => log.restore());

  it('defines a tag that is not defined yet', () => {
    class A extends HTMLElement {}
    defineElement('care-test-fresh', A);
    expect(customElements.get('care-test-fresh')).to.equal(A);
  });

  it('keeps an existing definition by another class without throwing, with one warning for several tags', async () => {
    class First1 extends HTMLElement {}
    class First2 extends HTMLElement {}
    customElements.define('care-test-one', First1);
    customElements.define('care-test-two', First2);
    expect(() => {
      defineElement('care-test-one', class extends HTMLElement {});
      defineElement('care-test-two', class extends HTMLElement {});
    }).not.to.throw();
    await aTimeout(0);
    expect(customElements.get('care-test-one')).to.equal(First1);
    expect(customElements.get('care-test-two')).to.equal(First2);
    expect(log.warns).to.have.length(1);
    expect(log.warns[0]).to.contain('<care-test-one>').and.contain('<care-test-two>').and.contain('already defined');
  });

  it('says nothing when the same class is defined again', async () => {
    class Same extends HTMLElement {}
    defineElement('care-test-same', Same);
    defineElement('care-test-same', Same);
    await aTimeout(0);
    expect(log.warns).to.deep.equal([]);
  });

  it('warns again for a later batch', async () => {
    customElements.define('care-test-later', class extends HTMLElement {});
    defineElement('care-test-later', class extends HTMLElement {});
    await aTimeout(0);
    defineElement('care-test-later', class extends HTMLElement {});
    await aTimeout(0);
    expect(log.warns).to.have.length(2);
    expect(log.warns[1]).to.contain('<care-test-later>').and.not.contain('care-test-one');
  });
});
