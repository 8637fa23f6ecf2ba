// `npm run bench` still runs end to end: one load of each variant of one page, at 1x, one tapped
// load and one traced load, as JSON. Timings are the bench's business, not a test's: this checks that every
// figure is there and that every element of each variant rendered, so a change to the build or
// the pages cannot break the bench unnoticed (it once did, for a whole release).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {TAGS} from '../bench/pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the bench measures the five bare tags beside the floor and the no-JS page', async () => {
  const {stdout} = await promisify(execFile)(
    'node',
    ['test/bench/run.mjs', '--pages', 'bare', '--runs', '1', '--cpu', '1', '--taps', '1', '--trace', '1', '--json'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    },
  );
  const {bundles, pages} = JSON.parse(stdout);
  assert.ok(bundles.care.brotli > 10_000 && bundles.care.brotli < bundles.care.minified, 'the bundle measured');
  const bare = pages.bare;
  assert.deepEqual(Object.keys(bare['1x']).sort(), ['care', 'floor', 'nojs']);
  for (const [variant, {summary, loads}] of Object.entries(bare['1x'])) {
    assert.equal(summary.loads, 1, variant);
    assert.deepEqual(summary.errors, [], `${variant}: no console error`);
    assert.ok(summary.readyMs.median > 0, `${variant}: ready measured`);
    assert.equal(typeof summary.shift.max, 'number', `${variant}: layout shift measured`);
    assert.equal(typeof summary.longTasks.count.median, 'number', `${variant}: long tasks counted`);
    assert.equal(typeof summary.blockingMs.median, 'number', `${variant}: blocking time summed`);
    const rendered = variant === 'nojs' ? [] : TAGS.map((tag) => (variant === 'floor' ? tag.replace('care-', 'floor-') : tag));
    assert.deepEqual(loads[0].elements, rendered, `${variant}: every element rendered`);
  }
  for (const variant of ['care', 'floor', 'nojs']) {
    assert.ok(bare.traced[variant].cpuMs > 0, `${variant}: traced CPU time`);
    // The page was tapped throughout its load, and each tap reached the page.
    assert.ok(bare.tapped[variant].taps >= 3, `${variant}: taps during the load (${bare.tapped[variant].taps})`);
    assert.ok(bare.tapped[variant].maxDelayMs.median >= 0, `${variant}: input delay measured`);
    assert.equal(typeof bare.tapped[variant].maxLatencyMs.median, 'number', `${variant}: tap to next paint measured`);
  }
});
