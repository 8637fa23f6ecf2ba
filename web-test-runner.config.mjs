// The browser suite: every test file in Chromium, Firefox and WebKit (see test/runner/browsers.mjs),
// served with the reference receiver so submissions travel over real HTTP.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer} from 'node:net';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {checkBrowsers, launchers, requestedEngines} from './test/runner/browsers.mjs';
import {summaryReporter} from './test/runner/summary-reporter.mjs';
import {receiverMiddleware} from './demo/receiver/middleware.mjs';
import {cspMiddleware} from './test/runner/csp-middleware.mjs';
import {hostileAnswers} from './test/runner/hostile-answers.mjs';
import {ssrPages} from './test/runner/ssr-pages.mjs';
import {forcedColorsPlugin} from './test/runner/forced-colors.mjs';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';

const engines = requestedEngines();
checkBrowsers(engines);

// Each run stores what the tests post in a fresh folder, removed when the run ends.
const dataDir = mkdtempSync(join(tmpdir(), 'care-receiver-'));
process.once('exit', () => rmSync(dataDir, {recursive: true, force: true}));

/** A free port, so the suite never collides with `npm start` (8000) or another run. */
const port = await new Promise((resolve, reject) => {
  const server = createServer().once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const {port: free} = server.address();
    server.close(() => resolve(free));
  });
});

export default {
  files: process.env.TEST_FILES || 'test/**/*.test.ts',
  nodeResolve: true,
  port,
  // Required, not only kind to 2 cores: at 2+ Firefox throttles background tabs and focus tests fail.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: {config: {timeout: 10000}},
  middleware: [
    receiverMiddleware({
      dataDir,
      // Tests post from one address; keying flood control by address and post lets each test use its own post.
      floodKey: (client, body) => `${client}:${body.post ?? ''}`,
      floodWindowMs: 2000,
      // test/controllers/submission.test.ts acts as many visitors with the X-Care-Client header;
      // only a test server may let a header name the client.
      trustClientHeader: true,
      log: false,
    }),
    // The strict CSP header on the pages of test/fixtures/csp/.
    cspMiddleware(),
    // test/security/: under /__hostile/, the answers a test composed, payloads in every field.
    hostileAnswers(),
    // test/ssr/: /__ssr/page.html, the five elements rendered by dist/ssr.js.
    ssrPages(),
  ],
  // Commands beyond the runner's defaults: the engine's accessibility tree (a11ySnapshot) and
  // forced colours, both where the engine's automation offers them (see test/runner/forced-colors.mjs).
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json'}), a11ySnapshotPlugin(), forcedColorsPlugin()],
  browsers: await launchers(engines),
  reporters: [defaultReporter(), summaryReporter()],
};
