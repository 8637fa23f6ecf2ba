// What axe cannot see, measured as a reader meets it: controls sized from the text beside them,
// every control's boundary against every surface it sits on (light, dark, the demo's blog theme,
// forced colours), and reflow at 320 CSS px with 200 % text. Contrast is computed from computed
// colours, sizes from layout. The lost mouse click is in the forms' shared suite (a mouse press),
// the consent's name and the symptom summary's live region in their elements' files.
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '../../src/define.js';
import {colourOf, contrast, parseColour, surfaceBehind, type Rgba} from '../helpers/colour.js';
import {byId, settle, shadow, textOf} from '../helpers/dom.js';
import {typeInto} from '../helpers/forms.js';
import {clickLabel} from '../helpers/list-dom.js';
import {clearStorage} from '../helpers/storage.js';

type Scheme = 'light' | 'dark';

/** Every element in the states that show its controls: ticks, footers, a reply, optional fields. */
const ALL = html`<care-symptom-list selectable persist></care-symptom-list>
  <care-cause-list src="/test/fixtures/causes-detail.json"></care-cause-list>
  <care-treatment-checklist no-persist></care-treatment-checklist>
  <care-guide-signup offer name-field consent-required></care-guide-signup>
  <care-comment-form post-id="4242" parent-id="7" reply-to="Ana"></care-comment-form>`;

/** `ALL` on a surface of the page: `Canvas` in the colour scheme, or the demo theme's page. */
async function mountAll(scheme: Scheme, theme = false): Promise<HTMLElement> {
  const wrap = await fixture<HTMLElement>(
    html`<div class=${theme ? 'blog' : ''} style="color-scheme: ${scheme}; background: ${theme ? 'var(--theme-bg)' : 'Canvas'}; color: ${theme ? 'var(--theme-text)' : 'CanvasText'}; padding: 8px">${ALL}</div>`,
  );
  await settle(wrap);
  return wrap;
}

const element = <T extends HTMLElement = HTMLElement & {updateComplete: Promise<unknown>}>(wrap: Element, tag: string) =>
  wrap.querySelector(tag) as T;

/** Ticks two symptoms and a step, and shows the forms' field errors, as a reader would meet them. */
async function useAll(wrap: Element): Promise<void> {
  const symptoms = element(wrap, 'care-symptom-list');
  clickLabel(symptoms, 1);
  clickLabel(symptoms, 3);
  clickLabel(element(wrap, 'care-treatment-checklist'), 0);
  for (const tag of ['care-guide-signup', 'care-comment-form']) {
    const form = element(wrap, tag);
    typeInto(byId(form, 'email'), 'nope');
    await form.updateComplete;
  }
  await settle(wrap);
}

/** A boundary a reader must see: a control's edge (or fill) against what is next to it. */
interface Boundary {
  what: string;
  edge: Rgba;
  against: Rgba;
}

/** The colour of an inset `box-shadow` ring (the progress track's edge). */
const shadowColour = (node: Element) => parseColour(getComputedStyle(node).boxShadow.match(/^(rgba?\([^)]*\)|color\([^)]*\))/)![1]);

/**
 * The boundaries of every visible control of `el`: text fields' borders (against the surface and
 * the field's own fill), the submit button's fill (its border in forced colours), the quiet
 * buttons' borders, the progress track's edge and ticked checkboxes' fill (the accent), each
 * against the surface behind it. Unticked checkboxes are drawn by the browser, not measured.
 */
function boundaries(el: Element, forced: boolean): Boundary[] {
  const root = shadow(el);
  const found: Boundary[] = [];
  const add = (what: string, node: Element, edge: Rgba, against = surfaceBehind(node)) =>
    found.push({what: `<${el.localName}> ${what}${node.id ? `#${node.id}` : ''}`, edge, against});
  for (const field of root.querySelectorAll('[part~="input"], [part~="textarea"]')) {
    const state = field.getAttribute('aria-invalid') === 'true' ? 'invalid ' : '';
    add(`${state}${field.localName} border`, field, colourOf(field, 'borderTopColor'));
    add(`${state}${field.localName} border inside`, field, colourOf(field, 'borderTopColor'), colourOf(field, 'backgroundColor'));
  }
  // Forced colours paint a button's fill as the page (ButtonFace) and draw its edge instead.
  for (const button of root.querySelectorAll('[part~="submit"]'))
    add(forced ? 'submit border' : 'submit fill', button, colourOf(button, forced ? 'borderTopColor' : 'backgroundColor'));
  for (const button of root.querySelectorAll<HTMLButtonElement>('.quiet:not(:disabled)'))
    add(`${button.getAttribute('part')} border`, button, colourOf(button, 'borderTopColor'));
  for (const bar of root.querySelectorAll('[part~="progress-bar"]'))
    add('progress track edge', bar, forced ? colourOf(bar, 'borderTopColor') : shadowColour(bar));
  if (!forced) {
    for (const box of root.querySelectorAll<HTMLInputElement>('[part~="checkbox"]:checked'))
      add('ticked checkbox', box, parseColour(getComputedStyle(box).accentColor));
  }
  return found;
}

/** The boundaries under 3:1 (WCAG 1.4.11), as readable lines: `[]` when every one holds. */
function under3(wrap: Element, forced = false): string[] {
  const all = [...wrap.querySelectorAll('care-symptom-list, care-treatment-checklist, care-guide-signup, care-comment-form')].flatMap((el) =>
    boundaries(el, forced),
  );
  expect(all.length, 'boundaries measured').to.be.greaterThan(15);
  return all.filter((b) => contrast(b.edge, b.against) < 3).map((b) => `${b.what}: ${contrast(b.edge, b.against)}:1`);
}

/** The demo's blog theme, as demo/theme.html loads it. */
function loadTheme(): Promise<HTMLLinkElement> {
  const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/demo/theme.css'});
  document.head.append(link);
  return new Promise((resolve, reject) => {
    link.onload = () => resolve(link);
    link.onerror = reject;
  });
}

describe('What axe cannot see', () => {
  beforeEach(clearStorage);
  afterEach(clearStorage);

  describe('controls follow the text', () => {
    for (const px of [17, 34]) {
      it(`checkboxes are 1.25 em of the text beside them, at ${px} px text`, async () => {
        const wrap = await fixture<HTMLElement>(html`<div style="font-size: ${px}px">${ALL}</div>`);
        await settle(wrap);
        const boxes = [...wrap.querySelectorAll('*')].flatMap((el) =>
          [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('[part~="checkbox"]') ?? [])].map((box) => ({el, box})),
        );
        expect(boxes.length, 'checkboxes measured').to.equal(8 + 8 + 2 + 1);
        const off = boxes.flatMap(({el, box}) => {
          const {width, height} = box.getBoundingClientRect();
          const text = parseFloat(getComputedStyle(box.labels![0]).fontSize);
          // Layout may round an edge to the device pixel.
          const fits = (size: number) => Math.abs(size - 1.25 * text) <= 0.5;
          return text === px && fits(width) && fits(height)
            ? []
            : [`<${el.localName}> #${box.id}: ${width.toFixed(1)} × ${height.toFixed(1)} px beside ${text} px text`];
        });
        expect(off, `checkboxes not ${1.25 * px} px square`).to.deep.equal([]);
      });
    }
  });

  describe('non-text contrast: every boundary at least 3:1 against the surface it sits on', () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`with the default tokens, ${scheme}`, async () => {
        const wrap = await mountAll(scheme);
        await useAll(wrap);
        expect(under3(wrap)).to.deep.equal([]);
      });
    }

    describe("with the demo theme's tokens (demo/theme.css)", () => {
      let link: HTMLLinkElement | undefined;
      beforeEach(async () => (link = await loadTheme()));
      afterEach(() => link?.remove());

      for (const scheme of ['light', 'dark'] as const) {
        it(scheme, async () => {
          const wrap = await mountAll(scheme, true);
          await useAll(wrap);
          expect(under3(wrap)).to.deep.equal([]);
        });
      }

      it('dark: the accent and the error colour are told apart (3:1)', async () => {
        const wrap = await mountAll('dark', true);
        const signup = element(wrap, 'care-guide-signup');
        const accent = colourOf(shadow(signup).querySelector('[part~="submit"]')!, 'backgroundColor');
        const danger = colourOf(shadow(signup).querySelector('.required')!, 'color');
        expect(contrast(accent, danger)).to.be.at.least(3);
      });
    });
  });

  describe('forced colours (where the runner can emulate them: Chromium)', () => {
    const emulate = (active: boolean, scheme: Scheme = 'light') => executeServerCommand<boolean, object>('emulate-forced-colors', {active, scheme});
    afterEach(() => emulate(false));

    for (const scheme of ['light', 'dark'] as const) {
      it(`a ${scheme} palette: an invalid field keeps its outline, its error reads, every boundary holds`, async function () {
        if (!(await emulate(true, scheme))) this.skip();
        expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
        const wrap = await mountAll(scheme);
        await useAll(wrap);
        const signup = element(wrap, 'care-guide-signup');
        const email = byId(signup, 'email');
        expect(email.getAttribute('aria-invalid')).to.equal('true');
        expect(contrast(colourOf(email, 'borderTopColor'), surfaceBehind(email)), 'the invalid field against the panel').to.be.at.least(3);
        expect(getComputedStyle(email).borderTopWidth, 'wider than a valid field (1px)').to.equal('2px');
        const error = byId(signup, 'email-error');
        expect(textOf(error)).to.equal('Enter an email address like name@example.com.');
        // Unless it opts out (forced-color-adjust: none), text in forced colours is painted on a
        // backplate of Canvas, whatever the background: that is what the error's text is read on.
        const canvas = colourOf(wrap, 'backgroundColor');
        const behindText = getComputedStyle(error).forcedColorAdjust === 'none' ? colourOf(error, 'backgroundColor') : canvas;
        expect(contrast(colourOf(error, 'color'), behindText), 'the error text on what is behind it').to.be.at.least(4.5);
        expect(under3(wrap, true)).to.deep.equal([]);
      });
    }
  });

  describe('reflow: 320 CSS px with 200 % text', () => {
    // The demo page's column there: 320 px less the page's padding (1.25rem a side, 40 px at 200 %).
    const COLUMN = 240;
    beforeEach(() => (document.documentElement.style.fontSize = '200%'));
    afterEach(() => document.documentElement.style.removeProperty('font-size'));

    it('every element wraps inside its own box, errors and long words included', async () => {
      const wrap = await fixture<HTMLElement>(html`<div style="inline-size: ${COLUMN}px">${ALL}</div>`);
      await settle(wrap);
      await useAll(wrap);
      for (const details of shadow(element(wrap, 'care-cause-list')).querySelectorAll('details')) details.open = true;
      for (const tag of ['care-guide-signup', 'care-comment-form']) shadow(element(wrap, tag)).querySelector('form')!.requestSubmit();
      await settle(wrap);
      expect(textOf(byId(element(wrap, 'care-guide-signup'), 'email-error'))).to.equal('Enter an email address like name@example.com.');
      const outside: string[] = [];
      for (const el of wrap.querySelectorAll<HTMLElement>('*')) {
        if (!el.shadowRoot) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const left = box.left + parseFloat(style.paddingLeft);
        const right = box.right - parseFloat(style.paddingRight);
        for (const node of el.shadowRoot.querySelectorAll('*')) {
          if (node.closest('.hp, .visually-hidden, style')) continue;
          const r = node.getBoundingClientRect();
          if (r.width && (r.left < left - 0.5 || r.right > right + 0.5)) {
            outside.push(
              `<${el.localName}> ${node.getAttribute('part') ?? node.localName}: ${Math.round(r.right - left)} px wide from the start of a ${Math.round(right - left)} px box`,
            );
          }
        }
        if (el.scrollWidth > el.clientWidth) outside.push(`<${el.localName}> scrolls: ${el.scrollWidth} px in ${el.clientWidth}`);
      }
      expect(outside).to.deep.equal([]);
    });
  });
});
