// custom-elements.json (from `cem analyze --litelement` in the build) is what editors and docs read:
// it must name every tag with its attributes and events.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';

const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]));
const names = (list) => (list ?? []).map((x) => x.name);

test('the manifest describes all five tags', () => {
  assert.deepEqual([...elements.keys()].sort(), ['care-cause-list', 'care-comment-form', 'care-guide-signup', 'care-symptom-list', 'care-treatment-checklist']);
});

test('inherited attributes and the documented events are listed', () => {
  for (const tag of ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist']) {
    for (const attr of ['src', 'heading', 'heading-level', 'caution']) assert.ok(names(elements.get(tag).attributes).includes(attr), `${tag} ${attr}`);
    assert.ok(names(elements.get(tag).events).includes('care-error'), `${tag} care-error`);
  }
  for (const tag of ['care-guide-signup', 'care-comment-form']) {
    for (const event of ['care-submit', 'care-success', 'care-error']) assert.ok(names(elements.get(tag).events).includes(event), `${tag} ${event}`);
    assert.ok(names(elements.get(tag).attributes).includes('action'), `${tag} action`);
  }
  assert.ok(names(elements.get('care-comment-form').attributes).includes('wp-nonce'));
  assert.ok(names(elements.get('care-treatment-checklist').events).includes('care-change'));
});
