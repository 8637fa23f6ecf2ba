import {expect} from '@open-wc/testing';
import type {CareItem} from '../../src/content/article.js';
import {resolveListContent, type LightContent, type ListSources} from '../../src/lib/list-content.js';

const item = (id: string): CareItem => ({id, label: id.toUpperCase()});
const ARTICLE = {items: [item('a1'), item('a2')], heading: 'Article heading', caution: 'Article caution.'};
const HEADING_NODE = {node: 'page h3'};
const CAUTION_NODE = {node: 'page p'};
/** A page's light DOM whose heading and caution can be shown in place. */
const PAGE: LightContent<string> = {
  items: [item('p1')],
  heading: {text: 'Page heading', level: 3, node: HEADING_NODE.node},
  caution: {text: 'Page caution.', node: CAUTION_NODE.node},
};

function sources(over: Partial<ListSources<string>> = {}): ListSources<string> {
  return {items: null, srcItems: null, srcLoading: false, light: undefined, fallback: ARTICLE, ...over};
}

describe('lib/list-content: resolveListContent', () => {
  describe('items: the first channel present', () => {
    it('the items property wins over src, light DOM and the default', () => {
      const shown = resolveListContent(sources({items: [item('i1')], srcItems: [item('s1')], light: PAGE}), {});
      expect(shown.channel).to.equal('items');
      expect(shown.items.map((i) => i.id)).to.deep.equal(['i1']);
    });

    it('src wins over light DOM', () => {
      const shown = resolveListContent(sources({srcItems: [item('s1')], light: PAGE}), {});
      expect([shown.channel, shown.items.map((i) => i.id)]).to.deep.equal(['src', ['s1']]);
    });

    it('while src loads, light DOM stands in; without it, an empty list is loading', () => {
      const standIn = resolveListContent(sources({srcLoading: true, light: PAGE}), {});
      expect([standIn.channel, standIn.loading, standIn.items.map((i) => i.id)]).to.deep.equal(['light', false, ['p1']]);
      const empty = resolveListContent(sources({srcLoading: true}), {});
      expect([empty.channel, empty.loading, empty.items]).to.deep.equal(['src', true, []]);
    });

    it('light DOM with no usable item falls back to the default', () => {
      const shown = resolveListContent(sources({light: {...PAGE, items: []}}), {});
      expect([shown.channel, shown.items.map((i) => i.id)]).to.deep.equal(['default', ['a1', 'a2']]);
    });
  });

  describe('heading and caution', () => {
    it('the default items come with the default heading (level 2) and caution', () => {
      const shown = resolveListContent(sources(), {});
      expect(shown.heading).to.deep.equal({text: 'Article heading', level: 2});
      expect(shown.caution).to.deep.equal({text: 'Article caution.'});
    });

    it("the page's own heading and caution stand, as nodes, with its items and with items that replace them", () => {
      for (const over of [{}, {srcItems: [item('s1')]}, {items: [item('i1')]}]) {
        const shown = resolveListContent(sources({light: PAGE, ...over}), {});
        expect(shown.heading).to.deep.equal({text: 'Page heading', level: 3, ...HEADING_NODE});
        expect(shown.caution).to.deep.equal({text: 'Page caution.', ...CAUTION_NODE});
      }
    });

    it('a page that wrote no heading or caution gets none, not the default ones', () => {
      const shown = resolveListContent(sources({light: {items: [item('p1')]}}), {});
      expect(shown.heading).to.equal(undefined);
      expect(shown.caution).to.equal(undefined);
    });

    it("where the page's nodes cannot be shown in place, their text is rendered at the page's level", () => {
      const shown = resolveListContent(
        sources({light: {items: [item('p1')], heading: {text: 'Page heading', level: 4}, caution: {text: 'Page caution.'}}}),
        {},
      );
      expect(shown.heading).to.deep.equal({text: 'Page heading', level: 4});
      expect(shown.caution).to.deep.equal({text: 'Page caution.'});
    });

    it("heading and caution win over the page's; heading-level alone re-renders the page's text at that level", () => {
      const asked = resolveListContent(sources({light: PAGE}), {heading: 'Ours', caution: 'Our caution.'});
      expect(asked.heading).to.deep.equal({text: 'Ours', level: 3});
      expect(asked.caution).to.deep.equal({text: 'Our caution.'});
      const levelOnly = resolveListContent(sources({light: PAGE}), {headingLevel: 5});
      expect(levelOnly.heading).to.deep.equal({text: 'Page heading', level: 5});
      expect(levelOnly.caution).to.deep.equal({text: 'Page caution.', ...CAUTION_NODE});
    });

    it('an empty heading or caution shows none', () => {
      const shown = resolveListContent(sources({light: PAGE}), {heading: '', caution: ''});
      expect(shown.heading).to.equal(undefined);
      expect(shown.caution).to.equal(undefined);
    });
  });
});
