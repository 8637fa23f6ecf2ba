import {expect} from '@open-wc/testing';
import {normalizeItems, slugify} from '../../src/lib/items.js';

function normalize(input: unknown) {
  const warnings: string[] = [];
  const items = normalizeItems(input, (m) => warnings.push(m));
  return {items, warnings};
}

describe('lib/items', () => {
  describe('slugify', () => {
    it('lower-cases, strips accents and joins words with "-"', () => {
      expect(slugify('Dolor y calambres abdominales')).to.equal('dolor-y-calambres-abdominales');
      expect(slugify('Crème Brûlée, acné & eccema')).to.equal('creme-brulee-acne-eccema');
      expect(slugify('  --Omega-3 fatty acids!-- ')).to.equal('omega-3-fatty-acids');
    });

    it('falls back to "item" when nothing is left', () => {
      expect(slugify('')).to.equal('item');
      expect(slugify('¿¡!?')).to.equal('item');
      expect(slugify('日本語')).to.equal('item');
    });
  });

  describe('normalizeItems', () => {
    it('accepts an array of items and keeps id, label and detail', () => {
      const {items, warnings} = normalize([
        {id: 'a', label: 'Alpha', detail: 'More about alpha.'},
        {id: 'b', label: 'Beta'},
      ]);
      expect(items).to.deep.equal([
        {id: 'a', label: 'Alpha', detail: 'More about alpha.'},
        {id: 'b', label: 'Beta'},
      ]);
      expect(warnings).to.deep.equal([]);
    });

    it('accepts {items: [...]} and plain strings, deriving ids from labels', () => {
      expect(normalize({items: ['Gas and bloating', {label: 'Brain fog'}]}).items).to.deep.equal([
        {id: 'gas-and-bloating', label: 'Gas and bloating'},
        {id: 'brain-fog', label: 'Brain fog'},
      ]);
    });

    it('returns null for any other shape', () => {
      for (const input of [null, undefined, 1, 'text', true, {foo: 1}, {items: 'x'}, {items: {0: 'a'}}]) {
        expect(normalize(input).items, JSON.stringify(input) ?? 'undefined').to.equal(null);
      }
    });

    it('returns an empty list for an empty array, without warnings', () => {
      expect(normalize([])).to.deep.equal({items: [], warnings: []});
    });

    it('trims labels, ids and details, and drops an empty detail', () => {
      expect(normalize([{id: '  x ', label: '  Spaced  label ', detail: '   '}]).items).to.deep.equal([{id: 'x', label: 'Spaced  label'}]);
    });

    it('turns numeric ids into strings', () => {
      expect(normalize([{id: 7, label: 'Seven'}]).items).to.deep.equal([{id: '7', label: 'Seven'}]);
    });

    it('skips items without a label with one warning naming their positions', () => {
      const {items, warnings} = normalize([{id: 'a'}, {id: 'b', label: 'B'}, {label: '  '}, 42, null, {label: 5}]);
      expect(items).to.deep.equal([{id: 'b', label: 'B'}]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 5 item(s) without a label').and.contain('1, 3, 4, 5, 6');
    });

    it('makes duplicate ids unique with one warning', () => {
      const {items, warnings} = normalize([{id: 'a', label: 'One'}, {id: 'a', label: 'Two'}, {id: 'a', label: 'Three'}, 'Same', 'Same']);
      expect(items!.map((i) => i.id)).to.deep.equal(['a', 'a-2', 'a-3', 'same', 'same-2']);
      expect(new Set(items!.map((i) => i.id)).size).to.equal(5);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"a" -> "a-2"').and.contain('"same" -> "same-2"');
    });

    it('keeps ids unique when a generated id collides with a given one', () => {
      const {items} = normalize([
        {id: 'a-2', label: 'Given'},
        {id: 'a', label: 'One'},
        {id: 'a', label: 'Two'},
      ]);
      expect(items!.map((i) => i.id)).to.deep.equal(['a-2', 'a', 'a-3']);
    });

    it('keeps markup in labels as plain strings (rendering decides how to show it)', () => {
      expect(normalize(['<img src=x onerror=alert(1)>']).items![0].label).to.equal('<img src=x onerror=alert(1)>');
    });
  });
});
