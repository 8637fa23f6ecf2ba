// The drop-in bundle's size budget, checked on the built file (deterministic, unlike timings).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundleSizes} from '../runner/size.mjs';

// All five elements with Lit inlined. Issue #11 asked for 18 KB; this is the smallest size found
// without dropping what readers and publishers use (README "Size and speed"). Lit alone is 5.6 KB
// brotli and the text a bare tag shows in two languages 3.5 KB; one element alone with the shared
// strings and controllers is already 14.5 KB (the symptom list) to 19.4 KB (the comment form).
// Tried on 24,982 B: private members renamed and shortened (-232 B, kept), CSS minified further
// (-42 B, kept), @lit-labs/rollup-plugin-minify-html-literals (-40 B more, not kept: 43 packages
// with a native binary), terser's unsafe options (-22 B, not kept), dropping the obsolete
// HTTP-date forms of Retry-After (-115 B, not kept: RFC 9110 5.6.7 says a recipient must accept
// them). Then about +400 B for loading without layout shift and +29 B for V8's compile hint,
// +110 B for rendering on a server (no document, localStorage or host children there) and +195 B
// for what axe cannot see (a click not lost under a moving error, the count alone announced):
// 25,454 B with all of it.
const BUDGET_BROTLI = 25 * 1024;

test('dist/care-elements.js stays within its brotli budget', () => {
  const {minified, gzip, brotli} = bundleSizes();
  assert.ok(brotli <= BUDGET_BROTLI, `bundle is ${brotli} B brotli (${gzip} B gzip, ${minified} B minified); budget ${BUDGET_BROTLI} B`);
});

test('the bundle is one self-contained ES module (Lit inlined, no imports, production Lit)', async () => {
  const {readFile} = await import('node:fs/promises');
  const code = await readFile(new URL('../../dist/care-elements.js', import.meta.url), 'utf8');
  assert.doesNotMatch(code, /\bimport\s*[\s{*"'(]/, 'no import statement or dynamic import');
  assert.doesNotMatch(code, /Lit is in dev mode/, 'production build of Lit');
  for (const tag of ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form']) {
    assert.ok(code.includes(`"${tag}"`), `${tag} is registered`);
  }
});

test('the bundle keeps every public and protected member name, and the names Lit reads (only private members are renamed)', async () => {
  const {readFile} = await import('node:fs/promises');
  const code = await readFile(new URL('../../dist/care-elements.js', import.meta.url), 'utf8');
  const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
  const names = new Set([
    '_$litType$',
    'shadowRootOptions',
    'styles',
    'render',
    'firstUpdated',
    'updated',
    'willUpdate',
    'connectedCallback',
    'disconnectedCallback',
    'createRenderRoot',
    'scheduleUpdate',
    'update',
  ]);
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      for (const member of declaration.members ?? []) if (member.privacy !== 'private') names.add(member.name);
    }
  }
  // A member appears as code: after `.`, `{`, `,`, `;` or `}` (access, object key, class member) or
  // `get `/`set `/`static `/`async `, never only inside a string (an attribute or part name).
  const asCode = (name) => new RegExp(`(?:[.{},;]|\\b(?:get|set|static|async) )${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code);
  const missing = [...names].filter((name) => !asCode(name));
  assert.deepEqual(missing, []);
  assert.doesNotMatch(code, /__care\$/, 'every renamed private was shortened');
});
