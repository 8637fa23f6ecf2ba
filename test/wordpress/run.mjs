#!/usr/bin/env node
/**
 * `npm run test:wordpress`: provisions a private WordPress on 127.0.0.1 (see instance.mjs), runs
 * test/wordpress/*.test.mjs against it with node's test runner, and stops everything it started,
 * also on a failure, Ctrl-C or SIGTERM.
 *
 *   node test/wordpress/run.mjs [FILE...]      the suite, or only these test files
 *   node test/wordpress/run.mjs --serve        provision and keep serving until Ctrl-C, for working
 *                                              on a test: CARE_WP_INSTANCE=<file> node --test FILE
 *
 * CARE_WP_PORT=<port> serves on that port instead of a free one. The built bundle is rebuilt
 * first when dist/care-elements.js is missing or older than src/, unless `--no-build` (or
 * CARE_WP_NO_BUILD=1) says to serve dist/ as it is (while src/ is being edited and may not build).
 *
 * Missing packages fail the run with one line naming the apt-get command; nothing is installed
 * from here (`npm test` installs them first: test/setup/system.mjs). A provisioning failure fails the run with the log lines that explain it. The last
 * line is always "N passed, N failed, N skipped".
 */
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {createInterface} from 'node:readline';
import {CHROMIUM_PATH} from './browser.mjs';
import {INSTALL_COMMAND, ProvisionError, REPO_ROOT, WordPressInstance, missingPackages} from './instance.mjs';

const HERE = join(REPO_ROOT, 'test', 'wordpress');
const SUMMARY = /^\d+ passed, \d+ failed, \d+ skipped$/;
const args = process.argv.slice(2);
const serve = args.includes('--serve');
const noBuild = args.includes('--no-build') || process.env.CARE_WP_NO_BUILD === '1';
const files = args.filter((arg) => !arg.startsWith('--'));
const say = (line) => console.log(`[wordpress] ${line}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const missing = await missingPackages();
if (missing.length) {
  console.error(
    `WordPress tests cannot run: Debian packages missing (${missing.join(', ')}); install them with: ${INSTALL_COMMAND} (npm test does it when it may)`,
  );
  process.exit(1);
}
if (!CHROMIUM_PATH) {
  console.error('WordPress tests cannot run: no Chromium; install it with: apt-get install -y chromium (or set CHROME_PATH)');
  process.exit(1);
}

const instance = new WordPressInstance({log: say, port: process.env.CARE_WP_PORT ? Number(process.env.CARE_WP_PORT) : undefined});
/** The child running now (the build, then the tests). */
let child;
let exiting = false;

/** Stops the child and the servers, then exits with `code`; the first call wins. */
async function shutdown(code, reason) {
  if (exiting) return;
  exiting = true;
  if (reason) say(reason);
  if (child && child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }
  await instance.stop();
  say(instance.dir ? `stopped; logs kept in ${instance.dir} (removed by the next run)` : 'stopped');
  console.log(`\n0 passed, 1 failed, 0 skipped${reason ? ` (${reason})` : ''}`);
  process.exit(code);
}
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.on(signal, () => shutdown(128 + number, `${signal}: stopping`));
}
process.on('uncaughtException', (error) => shutdown(1, `error: ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => shutdown(1, `error: ${error?.stack ?? error}`));
/** Once shutdown() has begun, the main flow waits for it to exit the process. */
const halt = () => (exiting ? new Promise(() => {}) : undefined);

/** Runs a child to its end; resolves with its exit code. stdout is passed through `onLine` when given. */
function runChild(command, childArgs, options, onLine) {
  child = spawn(command, childArgs, {cwd: REPO_ROOT, ...options, stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit']});
  if (onLine) createInterface({input: child.stdout, crlfDelay: Infinity}).on('line', onLine);
  return new Promise((resolve) => child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

// The post page serves the built bundle: rebuild it when it is missing or older than src/.
const bundle = join(REPO_ROOT, 'dist', 'care-elements.js');
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (!built || (!noBuild && built < newestIn(join(REPO_ROOT, 'src')))) {
  say(built ? 'dist/ is older than src/: npm run build' : 'dist/care-elements.js is missing: npm run build');
  const code = await runChild('npm', ['run', 'build']);
  await halt();
  if (code !== 0) await shutdown(1, 'npm run build failed');
}

const provisionStart = Date.now();
let info;
try {
  info = await instance.start();
} catch (error) {
  await halt();
  console.error(`\nWordPress provisioning failed: ${error.message}`);
  if (error instanceof ProvisionError) {
    if (error.diagnostics) console.error(error.diagnostics);
  } else {
    console.error(error.stack);
    console.error(instance.diagnostics());
  }
  await shutdown(1, 'provisioning failed');
}
await halt();
const provisionMs = Date.now() - provisionStart;
say(`WordPress ${info.wpVersion} provisioned at ${info.baseUrl} in ${seconds(provisionMs)} (${instance.dir})`);

const env = {...process.env, CARE_WP_INSTANCE: join(instance.dir, 'instance.json')};
if (serve) {
  say(`serving until Ctrl-C; in another shell: CARE_WP_INSTANCE=${env.CARE_WP_INSTANCE} node --test test/wordpress/<file>.test.mjs`);
  // A pending promise alone does not keep Node alive (the servers are detached): a timer does.
  await new Promise(() => setInterval(() => {}, 1 << 30));
}

const testFiles = files.length
  ? files
  : readdirSync(HERE)
      .filter((name) => name.endsWith('.test.mjs'))
      .sort()
      .map((name) => relative(REPO_ROOT, join(HERE, name)));
// Two phases. Files that change the whole site for a while (its language, its anonymous REST
// switch, the plugin active: plugin-*.test.mjs install and activate it, and remove it when they end)
// run alone, after the others; the others share nothing and run two at a time, so that the
// contract's wait out of WordPress's flood window (16 s of sleeping) overlaps browser tests.
const ALONE = new Set(['form-access.test.mjs', 'form-spanish.test.mjs']);
const alone = (file) => ALONE.has(file.split('/').at(-1)) || /^plugin-.*\.test\.mjs$/.test(file.split('/').at(-1));
const phases = [
  {files: testFiles.filter((file) => !alone(file)), concurrency: 2},
  {files: testFiles.filter(alone), concurrency: 1},
].filter((phase) => phase.files.length);
const testStart = Date.now();
// The summary reporter's line must stay the last line of the run: hold each phase's back, and add them up.
const totals = {passed: 0, failed: 0, skipped: 0};
let summaries = 0;
let code = 0;
for (const phase of phases) {
  const phaseCode = await runChild(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${phase.concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(HERE, 'summary-reporter.mjs')}`,
      '--test-reporter-destination=stdout',
      ...phase.files,
    ],
    {env},
    (line) => {
      if (!SUMMARY.test(line)) return console.log(line);
      const [passed, failed, skipped] = line.match(/\d+/g).map(Number);
      Object.assign(totals, {passed: totals.passed + passed, failed: totals.failed + failed, skipped: totals.skipped + skipped});
      summaries++;
    },
  );
  await halt();
  code ||= phaseCode;
}
const summaryLine = summaries === phases.length ? `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped` : '';
await halt();
const testMs = Date.now() - testStart;

const phpErrors = readLines(info.logs.php).filter((line) => /PHP (Fatal|Parse|Warning|Recoverable)/.test(line));
if (phpErrors.length) say(`PHP logged ${phpErrors.length} error(s) or warning(s) during the run:\n${phpErrors.slice(-20).join('\n')}`);
const fatal = phpErrors.some((line) => /PHP (Fatal|Parse)/.test(line));
if (fatal) say('a PHP fatal error fails the run');
say(`provisioning ${seconds(provisionMs)}, tests ${seconds(testMs)}`);
exiting = true; // a signal from here on changes nothing: we are stopping anyway
const failed = code !== 0 || fatal || !summaryLine;
await instance.stop({removeFiles: !failed});
if (failed) say(`logs kept in ${instance.dir} (removed by the next run)`);
console.log(`\n${summaryLine || '0 passed, 1 failed, 0 skipped (the test runner printed no summary)'}`);
process.exit(failed ? 1 : 0);

function readLines(file) {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

function newestIn(dir) {
  return readdirSync(dir, {withFileTypes: true}).reduce((max, entry) => {
    const path = join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }, 0);
}
