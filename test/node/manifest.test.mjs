// custom-elements.json (from `cem analyze` in the build, custom-elements-manifest.config.mjs) is what
// editors, framework tools and the README's reference read: each element's whole public API, typed
// and described, and nothing else.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({...d, module: m.path})));
const elements = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName, d]));
const sorted = (list) => [...list].sort();

const GLOBAL_TOKENS = [
  '--care-color-text',
  '--care-color-muted',
  '--care-color-accent',
  '--care-color-on-accent',
  '--care-color-surface',
  '--care-color-border',
  '--care-color-danger',
  '--care-color-success',
  '--care-color-focus',
  '--care-font-family',
  '--care-font-size',
  '--care-line-height',
  '--care-heading-font-family',
  '--care-radius',
  '--care-space-xs',
  '--care-space-s',
  '--care-space-m',
  '--care-space-l',
  '--care-control-size',
];
const LIST = {
  attributes: ['src', 'heading', 'heading-level', 'caution'],
  properties: ['items', 'src', 'heading', 'headingLevel', 'caution', 'shownItems', 'strings'],
  parts: ['heading', 'list', 'item', 'caution'],
  css: [...GLOBAL_TOKENS, '--care-list-indent', '--care-list-gap'],
};
const FORM = {
  parts: ['form', 'heading', 'field', 'label', 'input', 'choice', 'checkbox', 'error', 'submit', 'status'],
  css: [...GLOBAL_TOKENS, '--care-form-heading-size', '--care-input-background', '--care-input-max-width'],
  events: {
    'care-submit': 'CustomEvent<CareSubmitDetail>',
    'care-success': 'CustomEvent<CareSuccessDetail>',
    'care-error': 'CustomEvent<CareErrorDetail>',
  },
};
const ERROR = 'CustomEvent<CareErrorDetail>';
const CHANGE = 'CustomEvent<CareChangeDetail>';

/** What each element must declare, exactly. */
const EXPECTED = {
  'care-symptom-list': {
    attributes: ['selectable', 'persist', 'storage-key', 'keep-days', ...LIST.attributes],
    properties: ['selectable', 'persist', 'storageKey', 'keepDays', 'selected', ...LIST.properties],
    methods: ['clear'],
    events: {'care-change': CHANGE, 'care-error': ERROR},
    sources: ['src', 'config'],
    slots: [''],
    parts: [...LIST.parts, 'checkbox', 'label', 'summary', 'footer', 'storage-notice', 'forget'],
    css: LIST.css,
  },
  'care-cause-list': {
    attributes: LIST.attributes,
    properties: LIST.properties,
    methods: [],
    events: {'care-error': ERROR},
    sources: ['src', 'config'],
    slots: [''],
    parts: [...LIST.parts, 'detail', 'summary', 'detail-text'],
    css: LIST.css,
  },
  'care-treatment-checklist': {
    attributes: ['storage-key', 'no-persist', 'keep-days', ...LIST.attributes],
    properties: ['storageKey', 'noPersist', 'keepDays', 'checked', ...LIST.properties],
    methods: ['reset'],
    events: {'care-change': CHANGE, 'care-error': ERROR},
    sources: ['src', 'config'],
    slots: [''],
    parts: [...LIST.parts, 'progress', 'progress-text', 'progress-bar', 'progress-value', 'footer', 'storage-notice', 'reset', 'checkbox', 'label'],
    css: LIST.css,
  },
  'care-guide-signup': {
    attributes: ['action', 'protocol', 'guide-url', 'offer', 'name-field', 'consent-required', 'consent-text', 'heading', 'heading-level'],
    properties: ['action', 'protocol', 'guideUrl', 'offer', 'nameField', 'consentRequired', 'consentText', 'heading', 'headingLevel', 'strings'],
    methods: [],
    events: FORM.events,
    sources: ['submit', 'config'],
    slots: [''],
    parts: [...FORM.parts, 'intro', 'download'],
    css: [...FORM.css, '--care-signup-background', '--care-signup-padding'],
  },
  'care-comment-form': {
    attributes: ['action', 'protocol', 'post-id', 'parent-id', 'reply-to', 'wp-nonce', 'nonce-url', 'heading', 'heading-level', 'keep-days'],
    properties: ['action', 'protocol', 'postId', 'parentId', 'replyTo', 'wpNonce', 'nonceUrl', 'heading', 'headingLevel', 'keepDays', 'strings'],
    methods: [],
    events: {...FORM.events, 'care-cancel-reply': 'CustomEvent<CareCancelReplyDetail>'},
    sources: ['submit', 'config'],
    slots: [''],
    parts: [...FORM.parts, 'notes', 'textarea', 'counter', 'heading-row', 'cancel-reply', 'draft-notice', 'discard-draft'],
    css: FORM.css,
  },
};

test('the manifest describes the five tags, and defines nothing else', () => {
  assert.deepEqual(sorted(elements.keys()), sorted(Object.keys(EXPECTED)));
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
  assert.deepEqual(sorted(new Set(definitions.map((d) => d.name))), sorted(Object.keys(EXPECTED)));
  // Only element classes are marked as custom elements (not the abstract bases).
  assert.deepEqual(sorted(declarations.filter((d) => d.customElement).map((d) => d.tagName)), sorted(Object.keys(EXPECTED)));
});

test("each element's define module exports its definition, pointing at the class's module", () => {
  for (const [tag, decl] of elements) {
    const name = tag.replace(/^care-/, '');
    const mod = manifest.modules.find((m) => m.path === `dist/elements/${name}/define.js`);
    assert.ok(mod, `${tag}: dist/elements/${name}/define.js is in the manifest`);
    assert.deepEqual(
      mod.exports.filter((e) => e.kind === 'custom-element-definition'),
      [{kind: 'custom-element-definition', name: tag, declaration: {name: decl.name, module: decl.module}}],
      tag,
    );
  }
});

test('module paths are the shipped JavaScript modules, which the build wrote', () => {
  for (const mod of manifest.modules) {
    assert.match(mod.path, /^dist\/.*\.js$/, mod.path);
    assert.ok(existsSync(new URL(mod.path, root)), `${mod.path} exists`);
  }
});

for (const [tag, expected] of Object.entries(EXPECTED)) {
  test(`${tag}: attributes, properties, methods, events, slots, parts and custom properties`, () => {
    const el = elements.get(tag);
    const fields = el.members.filter((m) => m.kind === 'field');
    assert.deepEqual(sorted(el.attributes.map((a) => a.name)), sorted(expected.attributes), 'attributes');
    assert.deepEqual(sorted(fields.map((m) => m.name)), sorted(expected.properties), 'properties');
    assert.deepEqual(sorted(el.members.filter((m) => m.kind === 'method').map((m) => m.name)), sorted(expected.methods), 'methods');
    assert.deepEqual(Object.fromEntries(el.events.map((e) => [e.name, e.type?.text])), expected.events, 'events and their detail types');
    assert.deepEqual(
      el.slots.map((s) => s.name),
      expected.slots,
      'slots',
    );
    assert.deepEqual(sorted(el.cssParts.map((p) => p.name)), sorted(expected.parts), 'parts');
    assert.deepEqual(sorted(el.cssProperties.map((p) => p.name)), sorted(expected.css), 'custom properties read');
    // Each attribute is tied to its property, with a type.
    for (const a of el.attributes) {
      assert.ok(
        fields.some((f) => f.name === a.fieldName && f.attribute === a.name),
        `${a.name} → ${a.fieldName}`,
      );
      assert.ok(a.type?.text, `${a.name} has a type`);
    }
  });

  test(`${tag}: everything is described, and care-error names every source it carries`, () => {
    const el = elements.get(tag);
    assert.ok(el.description && el.summary, 'class description and summary');
    for (const [kind, list] of Object.entries({
      attributes: el.attributes,
      members: el.members,
      events: el.events,
      slots: el.slots,
      cssParts: el.cssParts,
      cssProperties: el.cssProperties,
    })) {
      for (const item of list) assert.ok(item.description?.trim(), `${kind} ${item.name || '(default slot)'} has a description`);
    }
    const error = el.events.find((e) => e.name === 'care-error');
    for (const source of expected.sources) assert.ok(error.description.includes(`source: '${source}'`), `care-error mentions source '${source}'`);
    // A documented custom property the styles never read would mislead.
    assert.deepEqual(
      el.cssProperties.filter((p) => p.unread).map((p) => p.name),
      [],
      'documented but not read',
    );
    for (const token of GLOBAL_TOKENS) assert.ok(el.cssProperties.find((p) => p.name === token).default, `${token} has its default`);
  });
}

test('no private or protected member, nor Lit lifecycle, is listed', () => {
  for (const decl of declarations.filter((d) => d.kind === 'class')) {
    for (const m of decl.members ?? []) {
      assert.ok(!m.privacy || m.privacy === 'public', `${decl.name}.${m.name} is ${m.privacy}`);
      assert.doesNotMatch(m.name, /^[_#]/, `${decl.name}.${m.name}`);
    }
  }
  for (const el of elements.values()) {
    for (const m of el.members)
      assert.ok(!['render', 'willUpdate', 'updated', 'createRenderRoot', 'styles'].includes(m.name), `${el.tagName} ${m.name}`);
  }
});
