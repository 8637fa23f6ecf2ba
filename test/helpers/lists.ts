/**
 * Shared helpers for the list tests: console capture, storage that throws, localStorage cleanup,
 * and same-origin frames that load a fresh copy of the code (their own module map, so module-level
 * state such as the storage wrapper's "warn once" flag starts clean).
 */
import {aTimeout, expect, fixture, html, nextFrame, unsafeStatic, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ARTICLE, type CareItem} from '../../src/content/article.js';
import type {CareListElement} from '../../src/elements/list-base.js';
import type {CareChangeDetail, CareErrorDetail} from '../../src/events.js';
import {removeStored, writeStored} from '../../src/lib/storage.js';

export interface ConsoleCapture {
  errors: string[];
  warns: string[];
  restore(): void;
}

const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');

/** Records (and silences) console.error and console.warn until `restore()`. */
export function captureConsole(target: {console: Console} = window): ConsoleCapture {
  const {error, warn} = target.console;
  const capture: ConsoleCapture = {
    errors: [],
    warns: [],
    restore() {
      target.console.error = error;
      target.console.warn = warn;
    },
  };
  target.console.error = (...args: unknown[]) => void capture.errors.push(text(args));
  target.console.warn = (...args: unknown[]) => void capture.warns.push(text(args));
  return capture;
}

/** Makes `localStorage.setItem` throw QuotaExceededError, as a full storage does. Returns the undo. */
export function installFullStorage(win: Window & typeof globalThis = window): () => void {
  const proto = win.Storage.prototype;
  const original = proto.setItem;
  proto.setItem = function setItem() {
    throw new win.DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    proto.setItem = original;
  };
}

/** Makes reading `window.localStorage` throw SecurityError, as blocked storage does. Returns the undo. */
export function installBlockedStorage(win: Window & typeof globalThis = window): () => void {
  const own = Object.getOwnPropertyDescriptor(win, 'localStorage');
  Object.defineProperty(win, 'localStorage', {
    configurable: true,
    get() {
      throw new win.DOMException('blocked', 'SecurityError');
    },
  });
  return () => {
    if (own) Object.defineProperty(win, 'localStorage', own);
    else delete (win as {localStorage?: Storage}).localStorage;
  };
}

const DAY_MS = 86_400_000;

/**
 * The value of the record stored under `key` in localStorage, its envelope `{"v":1,"at":...,"value":...}`
 * unwrapped; null when there is none. Anything else stored there comes back as `{notARecord: raw}`,
 * so an assertion on the value shows it.
 */
export function storedValue(key: string): unknown {
  const raw = localStorage.getItem(key);
  if (raw === null) return null;
  try {
    const record = JSON.parse(raw);
    if (record?.v === 1 && typeof record.at === 'number' && 'value' in record) return record.value;
  } catch {
    // Not JSON: not a record.
  }
  return {notARecord: raw};
}

/** Writes a record into localStorage directly, as the elements would have written it `daysAgo` days ago. */
export function storeRecordAged(key: string, value: unknown, daysAgo: number): void {
  localStorage.setItem(key, JSON.stringify({v: 1, at: Date.now() - daysAgo * DAY_MS, value}));
}

/** Removes every localStorage key the list elements and these tests write. */
export function clearListStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (/^(care-symptom-list|care-cause-list|care-treatment-checklist|test-)/.test(key)) localStorage.removeItem(key);
  }
}

/** The shadow root of an element, asserted present. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Trimmed, whitespace-collapsed text of the matches of `selector` in the element's shadow root. */
export function texts(el: Element, selector: string): string[] {
  return [...shadow(el).querySelectorAll(selector)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/**
 * Waits for the first render of every care element inside `wrap`. An element parsed into a page
 * (an upgrade, as a string fixture's is) renders in a task of its own, so a wrapper's fixture
 * resolving does not mean the elements inside have rendered.
 */
export async function settle(wrap: Element): Promise<void> {
  const elements = [...wrap.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-'));
  await Promise.all(elements.map((el) => (el as Element & {updateComplete?: Promise<unknown>}).updateComplete));
}

/**
 * The heading or caution a reader sees: ours (a `part` in the shadow root) or the page's own
 * light-DOM element, slotted in place.
 */
export function shownTexts(el: Element, which: 'heading' | 'caution'): string[] {
  const slotted = [...shadow(el).querySelectorAll<HTMLSlotElement>(`slot[data-light="${which}"]`)].flatMap((slot) => slot.assignedElements());
  return [...shadow(el).querySelectorAll(`[part~="${which}"]`), ...slotted].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The labels of the shown items (`li` text, or the label/summary inside it). */
export function itemLabels(el: Element): string[] {
  return [...shadow(el).querySelectorAll('li')].map((li) =>
    (li.querySelector('label, summary') ?? li).textContent!.replace(/\s+/g, ' ').trim(),
  );
}

export interface FramePage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & {__errors: string[]; __warns: string[]; __thrown: string[]; __ready?: boolean};
  doc: Document;
}

/**
 * Writes a same-origin document into a new iframe (document.open/write keeps the frame on this
 * origin, unlike srcdoc or blob URLs for module scripts). A first classic script records
 * console.warn/error and uncaught errors into `__warns`, `__errors` and `__thrown`; `setup` is
 * more classic script run before anything else; `modules` are module script URLs, loaded in order.
 * Resolves once every module has run.
 */
export async function writeFrame({
  head = '',
  body = '',
  setup = '',
  modules = [],
}: {head?: string; body?: string; setup?: string; modules?: string[]}): Promise<FramePage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 1200px; border: 0';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  // Pre-seeding litIssuedWarnings keeps development Lit's "dev mode" notice out of __warns.
  const record = `
    window.litIssuedWarnings = new Set(['dev-mode']);
    window.__errors = []; window.__warns = []; window.__thrown = [];
    const show = (args) => args.map((a) => (a instanceof Error ? a.name + ': ' + a.message : String(a))).join(' ');
    console.error = (...args) => window.__errors.push(show(args));
    console.warn = (...args) => window.__warns.push(show(args));
    window.addEventListener('error', (e) => window.__thrown.push(String(e.message || e.error)));
    window.addEventListener('unhandledrejection', (e) => window.__thrown.push(String(e.reason)));
  `;
  doc.open();
  doc.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
<script>${record}${setup}</script>
${head}
${modules.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
<script type="module">window.__ready = true;</script>
</head><body>${body}</body></html>`);
  doc.close();
  const win = frame.contentWindow as FramePage['win'];
  await waitUntil(() => win.__ready === true, 'the frame did not load its modules', {timeout: 8000});
  return {frame, win, doc};
}

// ---------------------------------------------------------------------------------------------
// Shared suites: every list element runs `listSuite`; the two checklists also run `checkboxSuite`.
// ---------------------------------------------------------------------------------------------

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

/** Collects the `care-error` events that reach the document. */
function collectErrors(): {details: CareErrorDetail[]; stop(): void} {
  const details: CareErrorDetail[] = [];
  const listener = (e: CustomEvent<CareErrorDetail>) => details.push(e.detail);
  document.addEventListener('care-error', listener);
  return {details, stop: () => document.removeEventListener('care-error', listener)};
}

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
    clearListStorage();
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
      await waitUntil(labelsAre(el, en.items.map((i) => i.label)), 'the article when the list is removed');
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
    const cases = [
      {name: 'a 404', src: '/test/fixtures/missing.json', reason: 'HTTP 404'},
      {name: 'text that is not JSON', src: '/test/fixtures/not-json.txt', reason: 'not JSON'},
      {name: 'a .json file with broken JSON', src: '/test/fixtures/broken.json', reason: 'not JSON'},
      {name: 'JSON of the wrong shape', src: '/test/fixtures/wrong-shape.json', reason: 'expected an array'},
      {name: 'a list with no item', src: '/test/fixtures/empty.json', reason: 'no item with a label'},
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

/** Ticks the item at `index` the way a reader does: a click on its label. */
export function clickLabel(el: Element, index: number): void {
  shadow(el).querySelectorAll<HTMLLabelElement>('label[part~="label"]')[index].click();
}

/** The `checked` state of every checkbox. */
export function checkedStates(el: Element): boolean[] {
  return [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((i) => i.checked);
}

/** Collects `care-change` details fired by `el`. */
export function collectChanges(el: Element): CareChangeDetail[] {
  const details: CareChangeDetail[] = [];
  el.addEventListener('care-change', (e) => details.push((e as CustomEvent<CareChangeDetail>).detail));
  return details;
}

/** WebKit proper (Safari, MiniBrowser): AppleWebKit in the user agent without Chromium's tokens. */
export const isWebKit = () => /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium|Edg\//.test(navigator.userAgent);

export const FULL_STORAGE_SETUP = `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`;
export const BLOCKED_STORAGE_SETUP = `Object.defineProperty(window, 'localStorage', {configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); }});`;

export function checkboxSuite(o: CheckboxSuiteOptions): void {
  describe('checklist contract', () => checkboxContract(o));
}

function checkboxContract(o: CheckboxSuiteOptions): void {
  const {tag} = o;
  const en = ARTICLE.en[o.article];
  const mount = (more = '') => fixture<CareListElement>(`<${tag} ${o.attrs} ${more}></${tag}>`);

  let log: ConsoleCapture;
  let undo: (() => void) | undefined;
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => {
    clearListStorage();
    log = captureConsole();
  });
  afterEach(() => {
    undo?.();
    undo = undefined;
    frame?.remove();
    frame = undefined;
    log.restore();
    clearListStorage();
  });

  describe('checkboxes', () => {
    it('gives each item a checkbox labelled by the item', async () => {
      const el = await mount();
      const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"][part~="checkbox"]')];
      expect(boxes).to.have.length(en.items.length);
      expect(boxes.map((b) => b.labels![0].textContent!.trim())).to.deep.equal(en.items.map((i) => i.label));
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
      el.items = [{id: en.items[0].id, label: 'Renamed'}, {id: 'new', label: 'New'}];
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
      {name: 'full (QuotaExceededError)', install: () => installFullStorage(), setup: FULL_STORAGE_SETUP, error: 'QuotaExceededError'},
      {name: 'blocked (SecurityError)', install: () => installBlockedStorage(), setup: BLOCKED_STORAGE_SETUP, error: 'SecurityError'},
    ];
    for (const m of modes) {
      it(`${m.name}: works, keeps ticks in memory for the page`, async function () {
        undo = m.install();
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
        undo = undefined;
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
