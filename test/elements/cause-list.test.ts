import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CareCauseList} from '../../src/elements/cause-list/cause-list.js';
import {shadow, texts} from '../helpers/dom.js';
import {listSuite} from '../helpers/list-suite.js';

const WITH_DETAIL = [
  {id: 'stress', label: 'Stress', detail: 'Long-lasting stress changes gut bacteria.'},
  {id: 'sugar', label: 'Sugar'},
];

describe('care-cause-list', () => {
  listSuite({
    tag: 'care-cause-list',
    article: 'causes',
    count: 6,
    firstLabel: 'Chronic stress',
    caution: 'not a recognized medical condition by all medical practitioners',
    cautionEs: 'no todos los profesionales médicos reconocen',
  });

  describe('details', () => {
    it('is a plain list: no checkbox, no disclosure for items without detail', async () => {
      const el = await fixture<CareCauseList>(html`<care-cause-list></care-cause-list>`);
      expect(shadow(el).querySelector('input, details, button')).to.equal(null);
    });

    it('shows an item with detail behind a closed <details>, its label as the summary', async () => {
      const el = await fixture<CareCauseList>(html`<care-cause-list .items=${WITH_DETAIL}></care-cause-list>`);
      const lis = shadow(el).querySelectorAll('li');
      const details = lis[0].querySelector<HTMLDetailsElement>('details[part~="detail"]')!;
      expect(details.open).to.equal(false);
      expect(details.querySelector('summary[part~="summary"]')!.textContent).to.equal('Stress');
      expect(details.querySelector('[part~="detail-text"]')!.textContent).to.equal('Long-lasting stress changes gut bacteria.');
      expect(lis[1].querySelector('details')).to.equal(null);
      expect(lis[1].textContent.trim()).to.equal('Sugar');
    });

    it('takes detail from src and from data-detail in light DOM', async () => {
      const el = await fixture<CareCauseList>(
        html`<care-cause-list><ul><li data-id="x" data-detail="Light detail.">Light cause</li></ul></care-cause-list>`,
      );
      expect(texts(el, 'summary')).to.deep.equal(['Light cause']);
      expect(texts(el, '[part~="detail-text"]')).to.deep.equal(['Light detail.']);
      el.src = '/test/fixtures/causes-detail.json';
      await waitUntil(() => texts(el, 'summary')[0] === 'Stress', 'src content');
      expect(texts(el, '[part~="detail-text"]')).to.deep.equal(['Long-lasting stress changes gut bacteria.']);
    });

    it('renders markup in a detail as text', async () => {
      const el = await fixture<CareCauseList>(
        html`<care-cause-list .items=${[{id: 'a', label: 'A', detail: '<b>bold</b><img src=x>'}]}></care-cause-list>`,
      );
      expect(shadow(el).querySelector('b, img')).to.equal(null);
      expect(texts(el, '[part~="detail-text"]')).to.deep.equal(['<b>bold</b><img src=x>']);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches a summary with a visible focus ring; Enter opens it and Space closes it', async () => {
      const wrap = await fixture(html`<div><button id="before">before</button><care-cause-list .items=${WITH_DETAIL}></care-cause-list></div>`);
      const el = wrap.querySelector('care-cause-list')!;
      wrap.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({press: 'Tab'});
      const summary = shadow(el).querySelector('summary')!;
      expect(shadow(el).activeElement).to.equal(summary);
      expect(summary.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(summary).outlineStyle).to.not.equal('none');

      const details = summary.parentElement as HTMLDetailsElement;
      await sendKeys({press: 'Enter'});
      await waitUntil(() => details.open, 'opened with Enter');
      await sendKeys({press: ' '} /* Space: Firefox over BiDi knows the key by its value only */);
      await waitUntil(() => !details.open, 'closed with Space');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with open and closed details', async () => {
      const el = await fixture<CareCauseList>(html`<care-cause-list .items=${WITH_DETAIL}></care-cause-list>`);
      shadow(el).querySelector('details')!.open = true;
      await expect(el).to.be.accessible();
    });

    it('has no axe violations with details in a dark theme', async () => {
      const wrap = await fixture(
        html`<div style="color-scheme: dark; background: #111; color: #eee"><care-cause-list .items=${WITH_DETAIL}></care-cause-list></div>`,
      );
      const el = wrap.querySelector('care-cause-list')!;
      shadow(el).querySelector('details')!.open = true;
      await expect(el).to.be.accessible();
    });
  });
});
