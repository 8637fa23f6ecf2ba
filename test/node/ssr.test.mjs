// care-elements/ssr (dist/ssr.js) renders each element's whole first render on the server, in a
// declarative shadow root, without a DOM. The browser side is test/ssr/hydration.test.ts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CARE_TAGS, renderElement} from '../../dist/ssr.js';

/** The shadow root's HTML of a rendered element, without Lit's hydration comments and the styles. */
const shadow = (html) => {
  const match = html.match(/<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template>/);
  assert.ok(match, 'a declarative shadow root');
  return match[1].replace(/<!--[\s\S]*?-->/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
};
const count = (text, re) => (text.match(re) ?? []).length;

test('the three lists render their items, heading and caution', async () => {
  const symptoms = shadow(await renderElement('care-symptom-list'));
  assert.equal(count(symptoms, /<li part="item"/g), 8);
  assert.match(symptoms, /<h2 part="heading" id="heading">Symptoms of Leaky Gut Syndrome<\/h2>/);
  assert.match(symptoms, /<li part="item">Abdominal pain and cramping<\/li>/);
  assert.match(symptoms, /<p part="caution"/);

  const causes = shadow(await renderElement('care-cause-list'));
  assert.equal(count(causes, /<li part="item"/g), 6);
  assert.match(causes, /<h2 part="heading" id="heading">Causes of Leaky Gut Syndrome<\/h2>/);

  const steps = shadow(await renderElement('care-treatment-checklist', {'heading-level': 3}));
  assert.equal(count(steps, /<input part="checkbox" type="checkbox"/g), 8);
  assert.match(steps, /<h3 part="heading" id="heading">Prevention and Treatment<\/h3>/);
  assert.match(steps, /<span part="progress-text" id="progress-text" aria-hidden="true">0 of 8 done<\/span>/);
});

test('checkboxes are rendered unchecked (a checked="false" attribute would check them)', async () => {
  for (const html of [
    await renderElement('care-symptom-list', {selectable: true}),
    await renderElement('care-treatment-checklist'),
    await renderElement('care-guide-signup', {offer: true}),
    await renderElement('care-comment-form'),
  ]) {
    const boxes = shadow(html).match(/<input[^>]*type="checkbox"[^>]*>/g);
    assert.ok(boxes.length > 0);
    for (const box of boxes) assert.doesNotMatch(box, /\bchecked\b/, box);
  }
});

test('the two forms render their fields', async () => {
  const signup = shadow(await renderElement('care-guide-signup', {action: '/api/guide-signups', 'name-field': true, offer: true}));
  for (const id of ['email', 'first_name', 'consent', 'offer']) assert.match(signup, new RegExp(`<input part="[^"]*" id="${id}"`), id);
  assert.match(signup, /<button part="submit" type="submit"/);

  const comment = shadow(await renderElement('care-comment-form', {action: '/wp-json/wp/v2/comments', 'post-id': 42}));
  assert.match(comment, /<h3 part="heading" id="heading">Leave a Reply<\/h3>/);
  assert.match(comment, /<textarea part="textarea" id="comment" name="comment"/);
  for (const id of ['author', 'email', 'url', 'remember']) assert.match(comment, new RegExp(`<input part="[^"]*" id="${id}"`), id);
  assert.match(comment, /<button part="submit" type="submit"[^>]*>[\s\S]*?Post Comment/);
});

test("the element's own lang picks the language on the server", async () => {
  assert.match(shadow(await renderElement('care-treatment-checklist', {lang: 'es'})), />Prevención y tratamiento<\/h2>/);
  assert.match(shadow(await renderElement('care-comment-form', {lang: 'es-MX'})), />Deja una respuesta<\/h3>/);
});

test('attributes are written escaped, booleans as presence, false and null left out', async () => {
  const html = await renderElement('care-symptom-list', {heading: '"><script>alert(1)</script>', selectable: true, persist: false, src: null});
  const host = html.match(/<care-symptom-list[^>]*>/)[0];
  assert.match(host, /heading="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.match(host, /\sselectable[\s>=]/);
  assert.doesNotMatch(host, /persist|src=/);
  assert.doesNotMatch(html, /<script>/);
  assert.match(shadow(html), />&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h2>/);
});

test('only the five tags and well-formed attribute names are rendered', async () => {
  assert.equal(CARE_TAGS.length, 5);
  await assert.rejects(renderElement('care-nothing'), /unknown tag/);
  await assert.rejects(renderElement('care-cause-list', {'onclick x': 'y'}), /invalid attribute name/);
});

test('rendering touches no browser global', async () => {
  for (const tag of CARE_TAGS) await renderElement(tag);
  for (const name of ['document', 'window', 'location', 'localStorage']) assert.equal(typeof globalThis[name], 'undefined', name);
});
