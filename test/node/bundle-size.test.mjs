// The drop-in bundle's size budget, checked on the built file (deterministic, unlike timings).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundleSizes} from '../runner/size.mjs';

// All five elements with Lit inlined. Lit alone is 5.5 KB brotli (`npm run size`); see README "Size and speed".
// 24 KB since the reader-privacy controls (expiring records, Discard draft, Forget) and the linear
// reading of hostile answers (about 1.4 KB together); 25 KB since WordPress's own checks before
// sending (is_email, trimmed fields) and the renewal of a stale nonce (about 0.3 KB).
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
