import {aTimeout, expect, fixture, html} from '@open-wc/testing';
import '../../src/define.js';
import {ARTICLE} from '../../src/content/article.js';
import type {CareSymptomList} from '../../src/elements/symptom-list/symptom-list.js';
import {defineElement} from '../../src/elements/shared.js';
import {
  captureConsole,
  checkboxSuite,
  checkedStates,
  clearListStorage,
  clickLabel,
  collectChanges,
  listSuite,
  shadow,
  texts,
  type ConsoleCapture,
} from '../helpers/lists.js';

const en = ARTICLE.en.symptoms;
const summary = (el: Element) => texts(el, '[part~="summary"]')[0];

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
    beforeEach(clearListStorage);
    afterEach(clearListStorage);

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

    it('has a polite live summary of the marks with the healthcare guidance', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable></care-symptom-list>`);
      const status = shadow(el).querySelector('[part~="summary"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      // Empty, and taking no space, until the reader marks something.
      expect(summary(el)).to.equal('');
      expect(status.getBoundingClientRect().height).to.equal(0);
      clickLabel(el, 0);
      clickLabel(el, 4);
      await el.updateComplete;
      expect(summary(el)).to.match(/^2 of 8 symptoms marked\./).and.contain('talk to a healthcare professional');
      expect(status.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.selected).to.deep.equal([en.items[0].id, en.items[4].id]);
      clickLabel(el, 0);
      clickLabel(el, 4);
      await el.updateComplete;
      expect(summary(el), 'after the reader unmarks everything').to.equal('None of the 8 symptoms marked.');
      // The live region is the same node, so screen readers announce the change.
      expect(shadow(el).querySelector('[part~="summary"]')).to.equal(status);
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
      expect(JSON.parse(localStorage.getItem(key)!)).to.have.members([en.items[2].id, en.items[5].id]);
      first.remove();
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist></care-symptom-list>`);
      expect(checkedStates(el)).to.deep.equal([false, false, true, false, false, true, false, false]);
      expect(summary(el)).to.match(/^2 of 8 symptoms marked/);
    });

    it('with persist and storage-key, the marks are kept under that key', async () => {
      const first = await fixture<CareSymptomList>(html`<care-symptom-list selectable persist storage-key="test-marks"></care-symptom-list>`);
      clickLabel(first, 7);
      expect(JSON.parse(localStorage.getItem('test-marks')!)).to.deep.equal([en.items[7].id]);
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

  describe('languages', () => {
    afterEach(clearListStorage);

    it('lang="es" switches the summary to Spanish', async () => {
      const wrap = await fixture(html`<div lang="es"><care-symptom-list selectable></care-symptom-list></div>`);
      const el = wrap.querySelector('care-symptom-list')!;
      clickLabel(el, 0);
      await el.updateComplete;
      expect(summary(el)).to.match(/^1 de 8 síntomas marcados\./).and.contain('profesional de la salud');
      clickLabel(el, 0);
      await el.updateComplete;
      expect(summary(el)).to.equal('Ninguno de los 8 síntomas marcado.');
    });

    it('the strings property overrides one string', async () => {
      const el = await fixture<CareSymptomList>(html`<care-symptom-list selectable .strings=${{symptomsSummary: (n: number, t: number) => `${n}/${t} ticked`}}></care-symptom-list>`);
      clickLabel(el, 3);
      await el.updateComplete;
      expect(summary(el)).to.equal('1/8 ticked');
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
