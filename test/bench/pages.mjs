// The pages `npm run bench` loads, each in three variants built from one description:
// - care: the page as a publisher writes it, with dist/care-elements.js;
// - floor: the same page with the five widgets written in plain Lit (floor-elements.js): the tags
//   are renamed care-* → floor-* and the script is the floor's bundle;
// - nojs: the same page with every element given its no-JavaScript light DOM (the lists as lists,
//   the forms as the plain forms a CMS prints) and no script: what the page costs by itself.
// A page may add variants of its own (the quick start without its reserve rule).
//
// The quick start page is the README's own "Quick start" block, read from README.md, so what is
// measured is what the README tells people to write.
import {readFileSync} from 'node:fs';

export const TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The no-JS light DOM of each element, from the article and the English strings (`content` is
 * `{ARTICLE, en}` from src/): the lists as the page would write them, the forms as plain forms.
 */
export function lightDom({ARTICLE, en}) {
  const list = ({heading, items, caution}) =>
    `<h2>${esc(heading)}</h2>\n<ul>\n${items.map((i) => `  <li data-id="${esc(i.id)}">${esc(i.label)}</li>`).join('\n')}\n</ul>\n<p>${esc(caution)}</p>`;
  const req = ' <span class="required" aria-hidden="true">*</span>';
  return {
    'care-symptom-list': list(ARTICLE.en.symptoms),
    'care-cause-list': list(ARTICLE.en.causes),
    'care-treatment-checklist': list(ARTICLE.en.treatment),
    'care-guide-signup': `<form action="/api/guide-signups" method="post">
  <h2>${esc(en.signupHeading)}</h2>
  <p>${esc(en.signupIntro)}</p>
  <p><label for="signup-email">${esc(en.signupEmail)}${req}</label><br /><input id="signup-email" name="email" type="email" autocomplete="email" required /></p>
  <p><input id="signup-consent" name="consent" type="checkbox" value="1" required /> <label for="signup-consent">${esc(en.signupConsent)}${req}</label></p>
  <p><input id="signup-offer" name="offer" type="checkbox" value="1" /> <label for="signup-offer">${esc(en.signupOffer)}</label></p>
  <p><button type="submit">${esc(en.signupSubmit)}</button></p>
</form>`,
    // As WordPress's comment_form() prints it.
    'care-comment-form': `<div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">${esc(en.commentHeading)}</h3>
  <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
    <p class="comment-notes">${esc(en.commentNotes)} ${esc(en.commentRequiredNote)}${req}</p>
    <p class="comment-form-comment"><label for="comment">${esc(en.commentComment)}${req}</label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
    <p class="comment-form-author"><label for="author">${esc(en.commentName)}${req}</label> <input id="author" name="author" type="text" size="30" maxlength="245" autocomplete="name" required /></p>
    <p class="comment-form-email"><label for="email">${esc(en.commentEmail)}${req}</label> <input id="email" name="email" type="email" size="30" maxlength="100" autocomplete="email" required /></p>
    <p class="comment-form-url"><label for="url">${esc(en.commentWebsite)}</label> <input id="url" name="url" type="url" size="30" maxlength="200" autocomplete="url" /></p>
    <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">${esc(en.commentRemember)}</label></p>
    <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="${esc(en.commentSubmit)}" /> <input type="hidden" name="comment_post_ID" value="1" id="comment_post_ID" /> <input type="hidden" name="comment_parent" id="comment_parent" value="0" /></p>
  </form>
</div>`,
  };
}

/** The README's quick start: the first ```html block after "## Quick start", as written there. */
export function readmeQuickStart(readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')) {
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```html\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```html block under "## Quick start"');
  return block[1].replace(/src="[^"]*care-elements\.js"/, 'src="/dist/care-elements.js"');
}

const ARTICLE_TOP = `<h1>Understanding Leaky Gut Syndrome: Symptoms, Causes, and Treatment</h1>
<p>
  Leaky gut syndrome is a condition in which the lining of the gut becomes damaged, allowing bacteria and toxins to
  leak into the bloodstream.
</p>`;

const FOOTER = `<footer>
  <p>Published by the Gut Health Desk. This article is for information only and is no substitute for medical advice.</p>
</footer>`;

// The lists as a page writes them in light DOM (what the WordPress plugin prints), with the page's
// own paragraphs between them: layout shift counts nodes that stay and move, not the light DOM an
// element replaces, so these paragraphs are what a shift would show on.
const LIGHT_LISTS = (symptomAttrs = '') => `<care-symptom-list${symptomAttrs}>
  <h2>Symptoms of Leaky Gut Syndrome</h2>
  <ul>
    <li data-id="abdominal-pain">Abdominal pain and cramping</li>
    <li data-id="diarrhea-constipation">Diarrhea or constipation</li>
    <li data-id="gas-bloating">Gas and bloating</li>
    <li data-id="fatigue">Fatigue and weakness</li>
    <li data-id="brain-fog">Brain fog and difficulty concentrating</li>
    <li data-id="skin-problems">Skin problems, such as eczema or acne</li>
    <li data-id="food-sensitivities">Food sensitivities and allergies</li>
    <li data-id="joint-pain">Joint pain and inflammation</li>
  </ul>
  <p>The symptoms can vary widely from person to person.</p>
</care-symptom-list>
<p>Leaking gut syndrome can be caused by a number of different factors.</p>

<care-cause-list>
  <h2>Causes of Leaky Gut Syndrome</h2>
  <ul>
    <li data-id="chronic-stress">Chronic stress</li>
    <li data-id="sugar-processed-diet">A diet high in sugar and processed foods</li>
    <li data-id="antibiotic-overuse">An overuse of antibiotics or other medications</li>
    <li data-id="infection">An infection or illness</li>
    <li data-id="lack-of-beneficial-bacteria">A lack of beneficial gut bacteria</li>
    <li data-id="medical-conditions">Certain medical conditions, such as celiac disease or Crohn’s disease</li>
  </ul>
  <p>
    It’s important to note that leaky gut syndrome is not a recognized medical condition by all medical
    practitioners, and more research is needed to understand the underlying causes and best ways to treat it.
  </p>
</care-cause-list>
<p>
  Preventing and treating leaking gut syndrome involves addressing the underlying causes and taking steps to heal
  the gut lining.
</p>

<care-treatment-checklist>
  <h2>Prevention and Treatment</h2>
  <ul>
    <li data-id="reduce-sugar">Reduce sugar and processed foods</li>
    <li data-id="nutrient-dense-foods">Eat more nutrient-dense foods like fruits, vegetables and fermented foods</li>
    <li data-id="probiotics-omega-3">Consider supplements like probiotics and omega-3 fatty acids</li>
    <li data-id="eliminate-sensitivities">Eliminate food sensitivities and allergies</li>
    <li data-id="manage-stress">Manage stress through techniques like yoga, meditation, or therapy</li>
    <li data-id="avoid-medication-overuse">Avoid overuse of antibiotics and other medications</li>
    <li data-id="exercise-sleep">Exercise and get enough sleep</li>
    <li data-id="consult-professional">Consult a healthcare professional to determine if any underlying medical conditions may be contributing</li>
  </ul>
  <p>
    It’s important to note that healing the gut can take time and it’s important to work with a healthcare
    professional in order to develop an individualized plan.
  </p>
</care-treatment-checklist>`;

const CONCLUSION = `<p>
  Leaky gut syndrome is a complex condition that can cause a wide range of symptoms and may be linked to other
  chronic health issues.
</p>`;

/**
 * The pages, as functions of the light DOM (`lightDom(content)`) and the README. Each gives its
 * `head` (anything but the script) and `body` as a publisher writes them, with care-* tags.
 */
export function benchPages(light, quickStart = readmeQuickStart()) {
  // The quick start block holds the script tag, maybe a <style>, and the tags.
  const qsStyle = (/<style>[\s\S]*?<\/style>/.exec(quickStart) ?? [''])[0];
  const qsTags = quickStart
    .replace(/<script[^>]*><\/script>/, '')
    .replace(qsStyle, '')
    .trim();
  return [
    {
      name: 'quick-start',
      title: "the README's quick start (bare tags), article text above, footer below",
      head: qsStyle,
      body: `${ARTICLE_TOP}\n${qsTags}\n${FOOTER}`,
      // The same page without the README's reserve rule, when it has one.
      extra: qsStyle ? [{variant: 'care, no rule', head: ''}] : [],
    },
    {
      name: 'bare',
      title: 'the five bare tags alone',
      head: '',
      body: qsTags,
    },
    {
      name: 'lists',
      title: 'the three lists written in light DOM',
      head: '',
      body: `${ARTICLE_TOP}\n${LIGHT_LISTS()}\n${CONCLUSION}`,
    },
    {
      name: 'all',
      title: 'all five: lists in light DOM (symptoms selectable), forms wrapping the page’s own forms',
      head: '',
      body: `${ARTICLE_TOP}\n${LIGHT_LISTS(' selectable')}\n${CONCLUSION}
<care-guide-signup offer consent-required>
${light['care-guide-signup']}
</care-guide-signup>
<care-comment-form>
${light['care-comment-form']}
</care-comment-form>`,
    },
  ].map((page) => ({...page, variants: variants(page, light)}));
}

/** The HTML of each variant of a page: {variant: html}. */
function variants(page, light) {
  const doc = (head, body, script) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bench: ${esc(page.name)}</title>
    ${script ? `<script type="module" src="${script}"></script>` : ''}
    ${head}
  </head>
  <body>
${body}
  </body>
</html>
`;
  // A tag with nothing inside gets its light DOM for the no-JS page.
  const filled = page.body.replace(/<(care-[a-z-]+)([^>]*)><\/\1>/g, (all, tag, attrs) => `<${tag}${attrs}>\n${light[tag]}\n</${tag}>`);
  const out = {
    care: doc(page.head, page.body, '/dist/care-elements.js'),
    floor: doc('', page.body.replace(/(<\/?)care-/g, '$1floor-'), '/floor-elements.js'),
    nojs: doc('', filled, ''),
  };
  for (const extra of page.extra ?? []) out[extra.variant] = doc(extra.head, page.body, '/dist/care-elements.js');
  return out;
}
