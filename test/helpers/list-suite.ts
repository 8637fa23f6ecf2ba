/**
 * The contract every list element keeps (<care-symptom-list>, <care-cause-list>,
 * <care-treatment-checklist>), run by each one's test file: the article's content by default,
 * the content channels in their order (items, src, light DOM, the article), bad input reported
 * once and never a blank list, languages and accessibility.
 */
import {aTimeout, expect, fixture, html, nextFrame, unsafeStatic, waitUntil} from '@open-wc/testing';
import {ARTICLE, type CareItem} from '../../src/content/article.js';
import type {CareListElement} from '../../src/elements/list-base.js';
import {captureConsole, type ConsoleCapture} from './console.js';
import {settle, shadow, texts} from './dom.js';
import {collectErrors, itemLabels, shownTexts} from './list-dom.js';
import {clearStorage} from './storage.js';

export type ListTag = 'care-symptom-list' | 'care-cause-list' | 'care-treatment-checklist';

export interface ListSuiteOptions {
  tag: ListTag;
  article: 'symptoms' | 'causes' | 'treatment';
  /** How many items the article's list has (written out, not read from ARTICLE). */
  count: number;
  /** The first English label, written out. */
  firstLabel: string;
  /** A phrase of the English caution. */
  caution: string;
  /** A phrase of the Spanish caution. */
  cautionEs: string;
  /** Extra attributes for every fixture, e.g. `selectable`. */
  attrs?: string;
}

const LIGHT = `<h3>Own heading</h3><ul><li data-id="own-1">Own first</li><li data-id="own-2">Own   second</li></ul><p>Own caution.</p>`;
const ARRAY_LABELS = ['Drink water', 'Walk daily', 'Sleep eight hours'];
const PROP_ITEMS: CareItem[] = [
  {id: 'p1', label: 'Property one'},
  {id: 'p2', label: 'Property two'},
];

const absolute = (src: string) => new URL(src, document.baseURI).href;

export function listSuite(o: ListSuiteOptions): void {
  describe('list contract', () => listContract(o));
}

function listContract(o: ListSuiteOptions): void {
  const {tag} = o;
  const attrs = o.attrs ?? '';
  const en = ARTICLE.en[o.article];
  const es = ARTICLE.es[o.article];
  const mount = (more = '', inner = '') => fixture<CareListElement>(`<${tag} ${attrs} ${more}>${inner}</${tag}>`);
  const labelsAre = (el: Element, labels: readonly string[]) => () => itemLabels(el).join('|') === labels.join('|');

  let log: ConsoleCapture;
  let errors: ReturnType<typeof collectErrors>;
  let pageLang: string | null;
  beforeEach(() => {
    log = captureConsole();
    errors = collectErrors();
    pageLang = document.documentElement.getAttribute('lang');
  });
  afterEach(() => {
    errors.stop();
    log.restore();
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
    clearStorage();
  });

  describe('default content', () => {
    it(`renders the article's ${o.count} items as ul > li in the shadow root`, async () => {
      const el = await mount();
      const lis = shadow(el).querySelectorAll('ul[part~="list"] > li[part~="item"]');
      expect(lis).to.have.length(o.count);
      expect(itemLabels(el)[0]).to.equal(o.firstLabel);
      expect(itemLabels(el)).to.deep.equal(en.items.map((i) => i.label));
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(en.items.map((i) => i.id));
    });

    it("shows the article's heading as an h2 that labels the list", async () => {
      const el = await mount();
      const h = shadow(el).querySelector('[part~="heading"]')!;
      expect(h.localName).to.equal('h2');
      expect(h.textContent).to.equal(en.heading);
      expect(shadow(el).querySelector('ul')!.getAttribute('aria-labelledby')).to.equal(h.id);
    });

    it('takes heading and heading-level attributes', async () => {
      const el = await mount('heading="My own heading" heading-level="3"');
      expect(shadow(el).querySelector('h2')).to.equal(null);
      expect(texts(el, 'h3[part~="heading"]')).to.deep.equal(['My own heading']);
    });

    it('takes headingLevel as a property', async () => {
      const el = await mount();
      el.headingLevel = 4;
      await el.updateComplete;
      expect(texts(el, 'h4')).to.deep.equal([en.heading]);
      expect(el.getAttribute('heading-level')).to.equal(null, 'not reflected');
    });

    it('uses an h2 for a heading level outside 1 to 6', async () => {
      const el = await mount('heading-level="9"');
      expect(shadow(el).querySelector('[part~="heading"]')!.localName).to.equal('h2');
    });

    it('shows no heading for an empty heading, and the list is not labelled by a missing id', async () => {
      const el = await mount('heading=""');
      expect(shadow(el).querySelector('h1, h2, h3, h4, h5, h6, [part~="heading"]')).to.equal(null);
      expect(shadow(el).querySelector('ul')!.hasAttribute('aria-labelledby')).to.equal(false);
    });

    it("shows the article's caution", async () => {
      const el = await mount();
      expect(texts(el, 'p[part~="caution"]')[0]).to.contain(o.caution);
    });

    it('takes a caution attribute, and an empty one shows none', async () => {
      const el = await mount('caution="Ask your doctor."');
      expect(texts(el, '[part~="caution"]')).to.deep.equal(['Ask your doctor.']);
      el.caution = '';
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="caution"]')).to.equal(null);
    });
  });

  describe('content channels', () => {
    it('the items property wins over src and light DOM; without it src shows', async () => {
      const el = await fixture<CareListElement>(
        // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html -- @open-wc/testing's `html` is lit/static-html.js, where unsafeStatic() tag names are allowed
        html`<${unsafeStatic(tag)} src="/test/fixtures/items-array.json" .items=${PROP_ITEMS}>${unsafeStatic(LIGHT)}</${unsafeStatic(tag)}>`,
      );
      expect(itemLabels(el)).to.deep.equal(['Property one', 'Property two']);
      el.items = null;
      await waitUntil(labelsAre(el, ARRAY_LABELS), 'src content after items is cleared');
      el.items = [{id: 'again', label: 'Again'}];
      await el.updateComplete;
      expect(itemLabels(el)).to.deep.equal(['Again']);
    });

    it('src wins over light DOM, which shows again when src is removed', async () => {
      const el = await mount('src="/test/fixtures/items-array.json"', LIGHT);
      await waitUntil(labelsAre(el, ARRAY_LABELS), 'src content');
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(['water', 'walk', 'sleep']);
      // src replaces the page's list, not its heading and caution.
      expect(shownTexts(el, 'heading')).to.deep.equal(['Own heading']);
      expect(shownTexts(el, 'caution')).to.deep.equal(['Own caution.']);
      el.removeAttribute('src');
      await el.updateComplete;
      expect(itemLabels(el)).to.deep.equal(['Own first', 'Own second']);
    });

    it('light DOM wins over the article: its h3, li (with data-id) and p become heading, items and caution', async () => {
      const el = await mount('', LIGHT);
      // The page's own h3 and p show in place (slotted), styled by the page, level kept.
      const [heading] = shadow(el).querySelector<HTMLSlotElement>('slot[data-light="heading"]')!.assignedElements();
      expect(heading).to.equal(el.querySelector('h3'));
      expect(heading.getClientRects().length).to.be.greaterThan(0);
      expect(shownTexts(el, 'heading')).to.deep.equal(['Own heading']);
      expect(itemLabels(el)).to.deep.equal(['Own first', 'Own second']);
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(['own-1', 'own-2']);
      expect(shownTexts(el, 'caution')).to.deep.equal(['Own caution.']);
      expect(el.querySelector('p')!.getClientRects().length).to.be.greaterThan(0);
      // The list is named by the page's heading, which sits in another tree: by its text.
      expect(shadow(el).querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('Own heading');
      // An explicit list role: WebKit drops it from a list styled without markers.
      expect(shadow(el).querySelector('[part~="list"]')!.getAttribute('role')).to.equal('list');
      // The page's own copy is not shown twice.
      expect(el.querySelector('ul')!.getClientRects()).to.have.length(0);
    });

    it('has no axe violations with light-DOM content (the page heading slotted, the list named by its text)', async () => {
      const el = await mount('', LIGHT);
      await expect(el).to.be.accessible();
    });

    it('an empty light-DOM list shows the article, with its heading and caution', async () => {
      const el = await mount('', '<ul></ul>');
      expect(itemLabels(el)).to.have.length(o.count);
      expect(shownTexts(el, 'heading')).to.deep.equal([ARTICLE.en[o.article].heading]);
      expect(texts(el, '[part~="caution"]')[0]).to.contain(o.caution);
    });

    it('light DOM without heading or caution shows neither', async () => {
      const el = await mount('', '<ul><li>Only item</li></ul>');
      expect(itemLabels(el)).to.deep.equal(['Only item']);
      expect(el.shownItems[0].id).to.equal('only-item');
      expect(shadow(el).querySelector('[part~="heading"]')).to.equal(null);
      expect(shadow(el).querySelector('[part~="caution"]')).to.equal(null);
    });

    it('an <ol> in light DOM works too', async () => {
      const el = await mount('', '<ol><li>One</li><li>Two</li></ol>');
      expect(itemLabels(el)).to.deep.equal(['One', 'Two']);
    });

    it('re-renders when the light DOM changes later', async () => {
      const el = await mount('', LIGHT);
      const ul = el.querySelector('ul')!;
      const li = document.createElement('li');
      li.textContent = 'Own third';
      ul.append(li);
      await waitUntil(labelsAre(el, ['Own first', 'Own second', 'Own third']), 'added item');
      ul.firstElementChild!.textContent = 'Own first, edited';
      await waitUntil(labelsAre(el, ['Own first, edited', 'Own second', 'Own third']), 'edited item');
      el.querySelector('h3')!.textContent = 'Edited heading';
      await waitUntil(() => shownTexts(el, 'heading')[0] === 'Edited heading', 'edited heading');
      ul.remove();
      await waitUntil(
        labelsAre(
          el,
          en.items.map((i) => i.label),
        ),
        'the article when the list is removed',
      );
    });

    it('shows light DOM edited while the element was detached', async () => {
      const el = await mount('', LIGHT);
      const parent = el.parentElement!;
      el.remove();
      el.querySelector('li')!.textContent = 'Edited while away';
      parent.append(el);
      await waitUntil(labelsAre(el, ['Edited while away', 'Own second']), 'light DOM edited while detached');
    });

    it('src may be a JSON array', async () => {
      const el = await mount('src="/test/fixtures/items-array.json"');
      await waitUntil(labelsAre(el, ARRAY_LABELS), 'src content');
      expect(shadow(el).querySelectorAll('ul > li')).to.have.length(3);
      expect(log.errors).to.deep.equal([]);
    });

    it('src may be {items: [...]}', async () => {
      const el = await mount('src="/test/fixtures/items-object.json"');
      await waitUntil(labelsAre(el, ['Herbal tea', 'Bone broth']), 'src content');
      expect(el.shownItems[1]).to.deep.equal({id: 'broth', label: 'Bone broth', detail: 'Slow-cooked stock.'});
    });

    it('loads again when src changes', async () => {
      const el = await mount('src="/test/fixtures/items-array.json"');
      await waitUntil(labelsAre(el, ARRAY_LABELS), 'first src');
      el.src = '/test/fixtures/items-object.json';
      await waitUntil(labelsAre(el, ['Herbal tea', 'Bone broth']), 'second src');
    });

    it('shows src content even when the element is moved while src loads', async () => {
      const el = await mount('src="/test/fixtures/items-array.json"');
      const parent = el.parentElement!;
      // The move aborts the fetch in flight (disconnect) and must start it again (connect).
      el.remove();
      parent.append(el);
      await waitUntil(labelsAre(el, ARRAY_LABELS), 'src content after the move');
      expect(log.errors).to.deep.equal([]);
    });
  });

  describe('bad input', () => {
    const fixtureFile = (name: string) => `/test/fixtures/${name}`;
    // What each bad src is, and the reason its error gives.
    const cases: Array<{name: string; src: string; reason: string}> = [
      {name: 'a 404', src: fixtureFile('missing.json'), reason: 'HTTP 404'},
      {name: 'text that is not JSON', src: fixtureFile('not-json.txt'), reason: 'not JSON'},
      {name: 'a .json file with broken JSON', src: fixtureFile('broken.json'), reason: 'not JSON'},
      {name: 'JSON of the wrong shape', src: fixtureFile('wrong-shape.json'), reason: 'expected an array'},
      {name: 'a list with no item', src: fixtureFile('empty.json'), reason: 'no item with a label'},
      {name: 'a malformed URL', src: 'http://[bad', reason: 'not a valid URL'},
    ];
    for (const c of cases) {
      const url = c.src.startsWith('http') ? c.src : absolute(c.src);
      const expectOneError = async () => {
        await waitUntil(() => errors.details.length > 0 && log.errors.length > 0, 'a care-error and a console error');
        await aTimeout(100);
        expect(log.errors, 'console errors').to.have.length(1);
        expect(log.errors[0]).to.contain(`<${tag}>`).and.contain(c.src).and.contain(c.reason);
        expect(errors.details, 'care-error events').to.have.length(1);
        expect(errors.details[0].source).to.equal('src');
        expect(errors.details[0].url).to.equal(url);
        expect(errors.details[0].message).to.contain(c.reason);
      };

      it(`src with ${c.name}: one error, then the light DOM`, async () => {
        const el = await mount(`src="${c.src}"`, LIGHT);
        await expectOneError();
        expect(itemLabels(el)).to.deep.equal(['Own first', 'Own second']);
        expect(shownTexts(el, 'heading')).to.deep.equal(['Own heading']);
      });

      it(`src with ${c.name}: one error, then the article`, async () => {
        const el = await mount(`src="${c.src}"`);
        await expectOneError();
        expect(itemLabels(el)).to.deep.equal(en.items.map((i) => i.label));
        expect(shadow(el).querySelector('ul')!.getAttribute('aria-busy')).to.equal('false');
      });
    }

    it('an items property of the wrong shape logs an error, fires care-error and shows the article', async () => {
      const el = await mount();
      el.items = {foo: 1} as unknown as CareItem[];
      await el.updateComplete;
      expect(log.errors).to.have.length(1);
      expect(log.errors[0]).to.contain(`<${tag}>`);
      expect(errors.details.map((d) => d.source)).to.deep.equal(['config']);
      expect(itemLabels(el)).to.have.length(o.count);
    });

    for (const [name, items] of [
      ['an empty items array', []],
      ['an items array without one label', [{id: 'x'}]],
    ] as const) {
      it(`${name} is reported (care-error) and the next content shows, never a blank list`, async () => {
        const el = await mount();
        el.items = items as unknown as CareItem[];
        await el.updateComplete;
        expect(errors.details.map((d) => d.source)).to.deep.equal(['config']);
        expect(log.errors).to.have.length(1);
        expect(itemLabels(el)).to.have.length(o.count);
      });
    }

    it('skips items without a label with a warning, and makes duplicate ids unique', async () => {
      const el = await mount();
      el.items = [{id: 'a', label: 'A'}, {id: 'b'} as CareItem, {id: 'a', label: 'A again'}];
      await el.updateComplete;
      expect(itemLabels(el)).to.deep.equal(['A', 'A again']);
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(['a', 'a-2']);
      expect(log.warns).to.have.length(2);
      expect(log.warns[0]).to.contain(`<${tag}>`).and.contain('without a label');
      expect(log.warns[1]).to.contain('unique');
    });

    it('warns about messy src items, naming the URL, and shows the good ones', async () => {
      const el = await mount('src="/test/fixtures/messy.json"');
      await waitUntil(() => itemLabels(el).length === 3, 'src content');
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(['a', 'a-2', 'c']);
      expect(log.warns).to.have.length(2);
      for (const w of log.warns) expect(w).to.contain(absolute('/test/fixtures/messy.json'));
    });

    it('renders markup in a label as text', async () => {
      const label = '<img src=x onerror="window.__pwned = true">';
      const el = await mount();
      el.items = [{id: 'x', label}];
      await el.updateComplete;
      await nextFrame();
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(itemLabels(el)).to.deep.equal([label]);
      expect((window as {__pwned?: boolean}).__pwned).to.equal(undefined);
    });

    it('renders markup in src content and light DOM text as text', async () => {
      const el = await mount('src="/test/fixtures/messy.json"', '<ul><li>&lt;img src=x&gt;</li></ul>');
      await waitUntil(() => itemLabels(el).length === 3, 'src content');
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(itemLabels(el)[2]).to.equal('<img src=x onerror="window.__pwned = true">');
    });
  });

  describe('languages', () => {
    it('lang="es" on an ancestor switches the article content to Spanish', async () => {
      const wrap = await fixture(`<div lang="es"><${tag} ${attrs}></${tag}></div>`);
      await settle(wrap);
      const el = wrap.querySelector<CareListElement>(tag)!;
      expect(texts(el, '[part~="heading"]')).to.deep.equal([es.heading]);
      expect(itemLabels(el)).to.deep.equal(es.items.map((i) => i.label));
      expect(texts(el, '[part~="caution"]')[0]).to.contain(o.cautionEs);
      // Ids stay the same across languages.
      expect(el.shownItems.map((i) => i.id)).to.deep.equal(en.items.map((i) => i.id));
    });

    it('a regional tag (es-MX) picks the Spanish catalogue', async () => {
      const wrap = await fixture(`<section lang="es-MX"><${tag} ${attrs}></${tag}></section>`);
      await settle(wrap);
      expect(texts(wrap.querySelector(tag)!, '[part~="heading"]')).to.deep.equal([es.heading]);
    });

    it('re-renders when document.documentElement.lang changes at runtime', async () => {
      const el = await mount();
      expect(texts(el, '[part~="heading"]')).to.deep.equal([en.heading]);
      document.documentElement.lang = 'es';
      await waitUntil(() => texts(el, '[part~="heading"]')[0] === es.heading, 'Spanish heading');
      expect(itemLabels(el)).to.deep.equal(es.items.map((i) => i.label));
      document.documentElement.lang = 'en';
      await waitUntil(() => texts(el, '[part~="heading"]')[0] === en.heading, 'English heading again');
    });

    it("re-renders when an ancestor's lang changes at runtime", async () => {
      const wrap = await fixture(`<div lang="en"><${tag} ${attrs}></${tag}></div>`);
      await settle(wrap);
      const el = wrap.querySelector<CareListElement>(tag)!;
      wrap.setAttribute('lang', 'es');
      await waitUntil(() => itemLabels(el)[0] === es.items[0].label, 'Spanish items');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations by default', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in a dark theme', async () => {
      const wrap = await fixture(`<div style="color-scheme: dark; background: #111; color: #eee"><${tag} ${attrs}></${tag}></div>`);
      await settle(wrap);
      await expect(wrap.querySelector(tag)!).to.be.accessible();
    });
  });
}
