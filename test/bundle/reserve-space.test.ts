/**
 * The README's quick start, run as written (its script tag, its `<style>` and its tags) in a frame
 * of a phone's width: the space its rule reserves for each element is kept from the page's first
 * paint to the element's first render, and (in Chromium, where the numbers were measured) it is
 * the height the element renders at, so nothing below moves. The numbers are read from README.md,
 * so they cannot go stale: a change to the elements that changes their height fails here until
 * the README says the new height. Run `npm run build` first.
 */
import {expect, waitUntil} from '@open-wc/testing';

const TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'];
const PHONE = {width: 412, height: 915};
const isChromium = /Chrome|Chromium/.test(navigator.userAgent);

/** The README's quick start: the first ```html block after "## Quick start". */
async function quickStart(): Promise<{style: string; tags: string; reserved: Record<string, number>; maxWidth: number}> {
  const readme = await (await fetch('/README.md')).text();
  const block = /```html\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Quick start')))![1];
  const style = /<style>[\s\S]*?<\/style>/.exec(block)?.[0] ?? '';
  const tags = block
    .replace(/<script[^>]*><\/script>/, '')
    .replace(style, '')
    .trim();
  const reserved: Record<string, number> = {};
  for (const [, tag, px] of style.matchAll(/(care-[a-z-]+):not\(:defined\)\s*\{[^}]*min-height:\s*(\d+)px/g)) reserved[tag] = Number(px);
  const maxWidth = Number(/@media \(max-width: (\d+)px\)/.exec(style)?.[1] ?? Infinity);
  return {style, tags, reserved, maxWidth};
}

type Win = Window & {__atDefine?: Record<string, number>; __footerBefore?: number; __ready?: boolean};

describe("the README's rule that reserves space for bare tags", () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('reserves a height for each of the five elements, on phones', async () => {
    const {reserved, maxWidth} = await quickStart();
    expect(Object.keys(reserved)).to.deep.equal(TAGS);
    expect(PHONE.width).to.be.at.most(maxWidth);
  });

  it('keeps each height until the first render, which (in Chromium) is the height the element renders at: nothing below moves', async () => {
    const {style, tags, reserved} = await quickStart();
    frame = document.createElement('iframe');
    frame.style.cssText = `width: ${PHONE.width}px; height: ${PHONE.height}px; border: 0`;
    document.body.append(frame);
    const doc = frame.contentDocument!;
    // Each element's height as its tag is defined (it is upgraded then, and renders in a later
    // task), and the footer's place before the bundle runs (a classic script runs before modules).
    doc.open();
    doc.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.__atDefine = {};
  for (const tag of ${JSON.stringify(TAGS)}) {
    customElements.whenDefined(tag).then(() => {
      const el = document.querySelector(tag);
      window.__atDefine[tag] = el.hasUpdated ? -1 : el.getBoundingClientRect().height;
    });
  }
</script>
<script type="module" src="/dist/care-elements.js"></script>
${style}
</head><body>
<h1>An article</h1>
${tags}
<footer id="footer"><p>The page's footer.</p></footer>
<script>window.__footerBefore = document.getElementById('footer').getBoundingClientRect().top;</script>
<script type="module">window.__ready = true;</script>
</body></html>`);
    doc.close();
    const win = frame.contentWindow as Win;
    await waitUntil(() => win.__ready, 'the frame ran its modules', {timeout: 8000});
    const elements = TAGS.map((tag) => doc.querySelector(tag) as HTMLElement & {updateComplete: Promise<boolean>});
    await Promise.all(elements.map((el) => el.updateComplete));

    for (const tag of TAGS) {
      expect(win.__atDefine![tag], `${tag} was not rendered yet when defined, and kept its reserved height`).to.equal(reserved[tag]);
    }
    if (!isChromium) return; // The heights are Chromium's with its default fonts; other engines' fonts differ.
    const rendered = Object.fromEntries(elements.map((el) => [el.localName, Math.round(el.getBoundingClientRect().height)]));
    expect(rendered, "rendered heights (update the README's quick start rule and its table if they changed)").to.deep.equal(reserved);
    const footerAfter = doc.getElementById('footer')!.getBoundingClientRect().top;
    expect(Math.abs(footerAfter - win.__footerBefore!), 'the footer did not move').to.be.below(1);
  });
});
