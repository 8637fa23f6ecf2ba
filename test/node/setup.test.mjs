// What `npm test` asks of the system follows the opt-outs: the browsers of the engines it runs,
// Xvfb with WebKit, the WordPress suite's packages unless it is left out.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {needs} from '../setup/system.mjs';
import {PACKAGES} from '../wordpress/instance.mjs';

const packagesOf = async (options) => (await needs(options)).map((need) => need.packages.join(' '));

test('each engine asks for its browser, WebKit for Xvfb too, and the WordPress suite for its packages', async () => {
  assert.deepEqual(await packagesOf({engines: ['chromium'], wordpress: false}), ['chromium']);
  assert.deepEqual(await packagesOf({engines: ['firefox', 'webkit'], wordpress: false}), ['firefox-esr', 'webkit2gtk-driver', 'xvfb xauth']);
  const all = await needs({engines: ['chromium', 'firefox', 'webkit'], wordpress: true});
  assert.deepEqual(
    all.map((need) => need.why),
    [
      'the browser tests in Chromium',
      'the browser tests in Firefox',
      'the browser tests in WebKit',
      'the display WebKit runs on',
      'the real-WordPress suite',
    ],
  );
  const wordpress = all.at(-1);
  // Met: every package installed; else the ones missing.
  assert.ok(wordpress.met ? wordpress.packages.join() === PACKAGES.join() : wordpress.packages.every((name) => PACKAGES.includes(name)));
});
