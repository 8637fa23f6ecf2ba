import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import {ARTICLE} from '../../src/content/article.js';
import type {CareTreatmentChecklist} from '../../src/elements/treatment-checklist/treatment-checklist.js';
import {removeStored} from '../../src/lib/storage.js';
import {checkboxSuite} from '../helpers/checkbox-suite.js';
import {captureConsole, type ConsoleCapture} from '../helpers/console.js';
import {focusedPart, shadow, texts} from '../helpers/dom.js';
import {checkedStates, clickLabel, collectChanges} from '../helpers/list-dom.js';
import {listSuite} from '../helpers/list-suite.js';
import {clearStorage, installFullStorage, storeRecordAged, storedValue} from '../helpers/storage.js';

const en = ARTICLE.en.treatment;
const DEFAULT_KEY = () => `care-treatment-checklist:${location.pathname}`;
const progressText = (el: Element) => texts(el, '[part~="progress-text"]')[0];
const bar = (el: Element) => shadow(el).querySelector<HTMLElement>('[role="progressbar"]')!;
const resetButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button[part~="reset"]')!;
const stored = (key: string) => storedValue(key) as string[] | null;
const notice = (el: Element) => texts(el, '[part~="storage-notice"]')[0];

describe('care-treatment-checklist', () => {
  listSuite({
    tag: 'care-treatment-checklist',
    article: 'treatment',
    count: 8,
    firstLabel: 'Reduce sugar and processed foods',
    caution: 'work with a healthcare professional',
    cautionEs: 'trabajar con un profesional de la salud',
  });

  checkboxSuite({
    tag: 'care-treatment-checklist',
    article: 'treatment',
    attrs: '',
    persistAttrs: '',
    defineModule: '/src/elements/treatment-checklist/define.ts',
  });

  describe('progress', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);

    it('has a named progressbar with value and max, and "n of m done"', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(bar(el).getAttribute('aria-label')).to.equal('Steps done');
      expect(bar(el).getAttribute('aria-valuemin')).to.equal('0');
      expect(bar(el).getAttribute('aria-valuemax')).to.equal('8');
      expect(bar(el).getAttribute('aria-valuenow')).to.equal('0');
      expect(progressText(el)).to.equal('0 of 8 done');
      clickLabel(el, 0);
      clickLabel(el, 6);
      await el.updateComplete;
      expect(progressText(el)).to.equal('2 of 8 done');
      expect(bar(el).getAttribute('aria-valuenow')).to.equal('2');
      expect(bar(el).getAttribute('aria-valuetext')).to.equal('2 of 8 done');
      const value = shadow(el).querySelector<HTMLElement>('[part~="progress-value"]')!;
      expect(value.style.getPropertyValue('inline-size')).to.equal('25%');
      expect(el.checked).to.deep.equal([en.items[0].id, en.items[6].id]);
    });
  });

  describe('saved progress', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);

    it('keeps ticks in localStorage under the default key and restores them in a new element', async () => {
      const first = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(first, 1);
      clickLabel(first, 4);
      expect(stored(DEFAULT_KEY())).to.have.members([en.items[1].id, en.items[4].id]);
      first.remove();
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(checkedStates(el)).to.deep.equal([false, true, false, false, true, false, false, false]);
      expect(progressText(el)).to.equal('2 of 8 done');
    });

    it('uses storage-key when given', async () => {
      const first = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-plan"></care-treatment-checklist>`);
      clickLabel(first, 0);
      expect(stored('test-plan')).to.deep.equal([en.items[0].id]);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      first.remove();
      const other = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-other"></care-treatment-checklist>`);
      expect(checkedStates(other).some(Boolean)).to.equal(false);
      other.storageKey = 'test-plan';
      await other.updateComplete;
      expect(checkedStates(other)[0]).to.equal(true);
    });

    it('matches ticks by id when the list changes', async () => {
      const items = [
        {id: 'a', label: 'Step A'},
        {id: 'b', label: 'Step B'},
        {id: 'c', label: 'Step C'},
      ];
      const first = await fixture<CareTreatmentChecklist>(
        html`<care-treatment-checklist storage-key="test-ids" .items=${items}></care-treatment-checklist>`,
      );
      clickLabel(first, 0);
      clickLabel(first, 2);
      first.remove();
      const changed = [
        {id: 'c', label: 'Step C, reworded'},
        {id: 'd', label: 'Step D'},
        {id: 'b', label: 'Step B'},
      ];
      const el = await fixture<CareTreatmentChecklist>(
        html`<care-treatment-checklist storage-key="test-ids" .items=${changed}></care-treatment-checklist>`,
      );
      expect(checkedStates(el)).to.deep.equal([true, false, false]);
      expect(el.checked).to.deep.equal(['c']);
      expect(progressText(el)).to.equal('1 of 3 done');
      expect(bar(el).getAttribute('aria-valuenow')).to.equal('1');
      expect(bar(el).getAttribute('aria-valuemax')).to.equal('3');
    });

    it('keeps light DOM ticks by data-id', async () => {
      const first = await fixture(
        html`<care-treatment-checklist storage-key="test-light"><ul><li data-id="x">X</li><li data-id="y">Y</li></ul></care-treatment-checklist>`,
      );
      clickLabel(first, 1);
      expect(stored('test-light')).to.deep.equal(['y']);
    });

    it('follows a change made in another tab (storage event)', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-tabs"></care-treatment-checklist>`);
      localStorage.setItem('test-tabs', JSON.stringify([en.items[3].id]));
      window.dispatchEvent(new StorageEvent('storage', {key: 'test-tabs'}));
      await waitUntil(() => checkedStates(el)[3], 'tick from the other tab');
      expect(progressText(el)).to.equal('1 of 8 done');
    });

    it('two different lists sharing the default key keep each other\'s ticks, and "Clear ticks" clears only its own', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <care-treatment-checklist id="a"><ul><li data-id="a1">A one</li><li data-id="a2">A two</li></ul></care-treatment-checklist>
        <care-treatment-checklist id="b"><ul><li data-id="b1">B one</li><li data-id="b2">B two</li></ul></care-treatment-checklist>
      </div>`);
      const [a, b] = wrap.querySelectorAll<CareTreatmentChecklist>('care-treatment-checklist');
      await a.updateComplete;
      await b.updateComplete;
      clickLabel(a, 0);
      clickLabel(b, 1);
      expect(new Set(stored(DEFAULT_KEY())), 'both ticks stored').to.deep.equal(new Set(['a1', 'b2']));
      await b.updateComplete;
      resetButton(b).click();
      await b.updateComplete;
      expect(stored(DEFAULT_KEY())).to.deep.equal(['a1']);
      // A reload (new elements) shows what is stored.
      // eslint-disable-next-line no-self-assign -- re-parsing the markup replaces the elements with new ones
      wrap.innerHTML = wrap.innerHTML;
      const [a2, b2] = wrap.querySelectorAll<CareTreatmentChecklist>('care-treatment-checklist');
      await a2.updateComplete;
      await b2.updateComplete;
      expect(checkedStates(a2)).to.deep.equal([true, false]);
      expect(checkedStates(b2)).to.deep.equal([false, false]);
    });

    it('the same list twice on one page stays in step', async () => {
      const wrap = await fixture<HTMLDivElement>(
        html`<div><care-treatment-checklist></care-treatment-checklist><care-treatment-checklist></care-treatment-checklist></div>`,
      );
      const [one, two] = wrap.querySelectorAll<CareTreatmentChecklist>('care-treatment-checklist');
      await one.updateComplete;
      clickLabel(one, 2);
      await two.updateComplete;
      expect(checkedStates(two)[2]).to.equal(true);
      expect(progressText(two)).to.equal('1 of 8 done');
    });

    it('after a failed write, a change from another tab wins over the copy kept in memory', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-memory"></care-treatment-checklist>`);
      const log = captureConsole();
      const undo = installFullStorage();
      try {
        clickLabel(el, 0); // kept in memory: the storage is full
      } finally {
        undo();
        log.restore();
      }
      localStorage.setItem('test-memory', JSON.stringify([en.items[5].id]));
      window.dispatchEvent(new StorageEvent('storage', {key: 'test-memory'}));
      await waitUntil(() => checkedStates(el)[5], "the other tab's tick");
      expect(checkedStates(el)[0]).to.equal(false);
      clickLabel(el, 6);
      expect(stored('test-memory')).to.deep.equal([en.items[5].id, en.items[6].id]);
    });

    it('ignores a corrupt stored value', async () => {
      localStorage.setItem('test-corrupt', '{"not": "a list"');
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-corrupt"></care-treatment-checklist>`);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      clickLabel(el, 0);
      expect(stored('test-corrupt')).to.deep.equal([en.items[0].id]);
    });

    it('with no-persist, ticks live in memory only', async () => {
      const first = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist no-persist></care-treatment-checklist>`);
      clickLabel(first, 0);
      await first.updateComplete;
      expect(checkedStates(first)[0]).to.equal(true);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      first.remove();
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist no-persist></care-treatment-checklist>`);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
    });
  });

  describe('reset', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);

    it('is disabled with nothing ticked', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(resetButton(el).disabled).to.equal(true);
      expect(resetButton(el).type).to.equal('button');
    });

    it('clears ticks and storage, fires care-change with done 0 and focuses the first checkbox', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(el, 2);
      clickLabel(el, 5);
      await el.updateComplete;
      expect(resetButton(el).disabled).to.equal(false);
      const changes = collectChanges(el);
      resetButton(el).click();
      await el.updateComplete;
      expect(changes).to.deep.equal([{ids: [], done: 0, total: 8}]);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(progressText(el)).to.equal('0 of 8 done');
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('input'));
    });

    it('reset() clears ticks and storage without an event', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist storage-key="test-reset"></care-treatment-checklist>`);
      clickLabel(el, 0);
      const changes = collectChanges(el);
      el.reset();
      await el.updateComplete;
      expect(localStorage.getItem('test-reset')).to.equal(null);
      expect(checkedStates(el)[0]).to.equal(false);
      expect(changes).to.deep.equal([]);
    });
  });

  describe('ticks kept on this device', () => {
    beforeEach(clearStorage);
    afterEach(clearStorage);
    const ids = (...i: number[]) => i.map((n) => en.items[n].id);

    it('restores ticks last changed 29 days ago', async () => {
      storeRecordAged(DEFAULT_KEY(), ids(2, 5), 29);
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(el.checked).to.deep.equal(ids(2, 5));
      expect(progressText(el)).to.equal('2 of 8 done');
    });

    it('does not restore ticks last changed more than 30 days ago, and removes them', async () => {
      storeRecordAged(DEFAULT_KEY(), ids(2, 5), 31);
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
    });

    it('keep-days="1": ticks two days old are not restored, and removed', async () => {
      storeRecordAged('test-short', ids(0), 2);
      const el = await fixture<CareTreatmentChecklist>(
        html`<care-treatment-checklist storage-key="test-short" keep-days="1"></care-treatment-checklist>`,
      );
      expect(el.checked).to.deep.equal([]);
      expect(localStorage.getItem('test-short')).to.equal(null);
    });

    it('keep-days="0" writes nothing to localStorage and says nothing about the device', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist keep-days="0"></care-treatment-checklist>`);
      clickLabel(el, 1);
      await el.updateComplete;
      expect(el.checked).to.deep.equal(ids(1));
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(notice(el)).to.equal('');
      removeStored(DEFAULT_KEY());
    });

    it('reads ticks stored by the previous version (a bare JSON array)', async () => {
      localStorage.setItem(DEFAULT_KEY(), JSON.stringify(ids(0, 7)));
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(el.checked).to.deep.equal(ids(0, 7));
      expect(stored(DEFAULT_KEY())).to.deep.equal(ids(0, 7));
    });

    it('after a tick, "Your ticks are kept on this device for 30 days." beside "Clear ticks", under the list, which does not move', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      const line = shadow(el).querySelector<HTMLElement>('[part~="storage-notice"]')!;
      expect(line.getAttribute('role')).to.equal('status');
      expect(notice(el)).to.equal('');
      expect(line.getBoundingClientRect().height, 'no space taken at load').to.equal(0);
      const list = shadow(el).querySelector('ul')!.getBoundingClientRect();
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('Your ticks are kept on this device for 30 days.');
      // One control: the notice sits beside the existing "Clear ticks" in the footer.
      const footer = shadow(el).querySelector('[part~="footer"]')!;
      expect([...shadow(el).querySelectorAll('button')].map((b) => [b.getAttribute('part'), b.parentElement === footer])).to.deep.equal([
        ['reset', true],
      ]);
      expect(shadow(el).querySelector('ul')!.getBoundingClientRect().top).to.equal(list.top);
      expect(line.getBoundingClientRect().top).to.be.greaterThan(list.bottom);
    });

    it('uses the day count of keep-days', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist keep-days="14"></care-treatment-checklist>`);
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('Your ticks are kept on this device for 14 days.');
    });

    it('"Clear ticks" forgets them: the key gone, unticked, said once, focus on the first checkbox, nothing after a reload', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(el, 3);
      await el.updateComplete;
      resetButton(el).click();
      await el.updateComplete;
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(checkedStates(el).some(Boolean)).to.equal(false);
      expect(notice(el)).to.equal('Nothing is kept on this device now.');
      expect(focusedPart(el)).to.equal('checkbox#check-0');
      el.remove();
      const again = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      expect(checkedStates(again).some(Boolean)).to.equal(false);
      expect(notice(again)).to.equal('');
      // Ticking again says again how long.
      clickLabel(again, 0);
      await again.updateComplete;
      expect(notice(again)).to.equal('Your ticks are kept on this device for 30 days.');
    });

    it('"Clear ticks" works by keyboard', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(el, 7);
      await el.updateComplete;
      shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[7].focus();
      await sendKeys({press: 'Tab'});
      expect(focusedPart(el)).to.equal('reset#');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(localStorage.getItem(DEFAULT_KEY())).to.equal(null);
      expect(focusedPart(el)).to.equal('checkbox#check-0');
    });

    it('with no-persist nothing is said about the device', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist no-persist></care-treatment-checklist>`);
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('');
      resetButton(el).click();
      await el.updateComplete;
      expect(notice(el)).to.equal('');
    });

    it('in Spanish at a 390 px phone width: the notice wraps as text and "Borrar marcas" stays whole, inside the element', async () => {
      // 390 px less a theme's usual 16 px margins.
      const wrap = await fixture(
        html`<div lang="es" style="inline-size: 358px; font-size: 16px"><care-treatment-checklist></care-treatment-checklist></div>`,
      );
      const el = wrap.querySelector<CareTreatmentChecklist>('care-treatment-checklist')!;
      await el.updateComplete;
      clickLabel(el, 0);
      await el.updateComplete;
      expect(notice(el)).to.equal('Tus marcas se guardan en este dispositivo durante 30 días.');
      const button = resetButton(el);
      const footer = shadow(el).querySelector<HTMLElement>('[part~="footer"]')!;
      const line = parseFloat(getComputedStyle(button).lineHeight) || 1.2 * parseFloat(getComputedStyle(button).fontSize);
      expect(button.getBoundingClientRect().height, 'the button label on one line').to.be.below(2 * line);
      expect(footer.scrollWidth).to.be.at.most(footer.clientWidth);
      expect(footer.getBoundingClientRect().right).to.be.at.most(wrap.getBoundingClientRect().right);
      // A word is never broken: the notice is at least as wide as its longest word.
      const text = shadow(el).querySelector<HTMLElement>('[part~="storage-notice"]')!;
      expect(text.scrollWidth).to.be.at.most(text.clientWidth);
    });

    it('has no axe violations with the notice', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(el, 0);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('languages', () => {
    let log: ConsoleCapture;
    let pageLang: string | null;
    beforeEach(() => {
      clearStorage();
      log = captureConsole();
      pageLang = document.documentElement.getAttribute('lang');
    });
    afterEach(() => {
      log.restore();
      if (pageLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', pageLang);
      clearStorage();
    });

    it('lang="es" switches progress, its label and reset to Spanish', async () => {
      const wrap = await fixture(html`<div lang="es"><care-treatment-checklist></care-treatment-checklist></div>`);
      const el = wrap.querySelector('care-treatment-checklist')!;
      expect(progressText(el)).to.equal('0 de 8 hechos');
      expect(bar(el).getAttribute('aria-label')).to.equal('Pasos hechos');
      expect(resetButton(el).textContent.trim()).to.equal('Borrar marcas');
    });

    it('switches the UI strings when document.documentElement.lang changes', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist></care-treatment-checklist>`);
      clickLabel(el, 0);
      document.documentElement.lang = 'es';
      await waitUntil(() => progressText(el) === '1 de 8 hechos', 'Spanish progress');
      expect(checkedStates(el)[0]).to.equal(true);
    });

    it("switches when a lang inside an app shell's shadow root changes", async () => {
      const shell = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = shell.attachShadow({mode: 'open'});
      root.innerHTML = '<main lang="en"><care-treatment-checklist></care-treatment-checklist></main>';
      const el = root.querySelector<CareTreatmentChecklist>('care-treatment-checklist')!;
      await el.updateComplete;
      expect(progressText(el)).to.equal('0 of 8 done');
      root.querySelector('main')!.lang = 'es';
      await waitUntil(() => progressText(el) === '0 de 8 hechos', 'Spanish progress');
    });

    it('the strings property overrides one string and keeps the others', async () => {
      const el = await fixture<CareTreatmentChecklist>(
        html`<care-treatment-checklist .strings=${{checklistReset: 'Start over'}}></care-treatment-checklist>`,
      );
      expect(resetButton(el).textContent.trim()).to.equal('Start over');
      expect(progressText(el)).to.equal('0 of 8 done');
      expect(log.errors).to.deep.equal([]);
    });
  });

  describe('accessibility', () => {
    afterEach(clearStorage);

    it('has no axe violations with every step ticked', async () => {
      const el = await fixture<CareTreatmentChecklist>(html`<care-treatment-checklist no-persist></care-treatment-checklist>`);
      for (let i = 0; i < 8; i++) clickLabel(el, i);
      await el.updateComplete;
      expect(progressText(el)).to.equal('8 of 8 done');
      await expect(el).to.be.accessible();
    });
  });
});
