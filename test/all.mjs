#!/usr/bin/env node
/**
 * `npm test`: everything, in order, on a fresh machine too.
 *
 *   1. the system: browsers, Xvfb and the WordPress suite's packages, installed when missing and
 *      this process may (test/setup/system.mjs), else one line with the command to run;
 *   2. the lint (`npm run lint`: ESLint, lit-analyzer, Prettier), 3. the type check, 4. the build,
 *   5. the JSX type tests against the built types (test/types/run.mjs), 6. the Node tests
 *      (receiver, demo server, bundle budget, package, JSX typings, the bench end to end),
 *   7. the browser suite in Chromium, Firefox and WebKit (web-test-runner.config.mjs),
 *   8. the real-WordPress suite (test/wordpress/run.mjs).
 *
 * Stops at the first step that fails. Whatever happens, the closing lines say what ran, what each
 * step counted, and every opt-out in force (`BROWSERS=…`, `CARE_SKIP_WORDPRESS=1`, `TEST_FILES=…`): a run never
 * leaves out an engine or the WordPress suite without saying so. The last line is the sum,
 * "N passed, N failed, N skipped".
 */
import {spawn} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {requestedEngines} from './runner/browsers.mjs';
import {ensureSystem} from './setup/system.mjs';

const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];
const engines = requestedEngines();
const skipWordPress = process.env.CARE_SKIP_WORDPRESS === '1';
const npx = (bin, ...args) => ['npx', '--no-install', bin, ...args];
const testsIn = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.mjs'))
    .sort()
    .map((name) => `${dir}/${name}`);

/** The steps after the system check: a name, the command, and how its counts are read. */
const STEPS = [
  {name: 'lint', command: ['npm', 'run', '--silent', 'lint']},
  {name: 'type check', command: npx('tsc', '--noEmit', '-p', 'test/tsconfig.json')},
  {name: 'build', command: ['npm', 'run', '--silent', 'build']},
  {name: 'JSX types (React, Preact)', command: ['node', 'test/types/run.mjs'], counts: summaryCounts},
  {name: 'Node tests', command: ['node', '--test', '--test-reporter=tap', ...testsIn('test/node'), ...testsIn('test/receiver')], counts: tapCounts},
  {name: `browsers (${engines.join(', ')})`, command: npx('wtr'), counts: summaryCounts},
  ...(skipWordPress ? [] : [{name: 'WordPress', command: ['node', 'test/wordpress/run.mjs', '--no-build'], counts: summaryCounts}]),
];

/** The "N passed, N failed, N skipped" line the browser and WordPress runners end with. */
function summaryCounts(lines) {
  const last = lines
    .map((line) => /^(\d+) passed, (\d+) failed, (\d+) skipped/.exec(line.trim()))
    .filter(Boolean)
    .at(-1);
  return last ? {passed: +last[1], failed: +last[2], skipped: +last[3]} : undefined;
}

/** node --test's TAP totals. */
function tapCounts(lines) {
  const total = (name) =>
    Number(
      lines
        .map((line) => new RegExp(`^# ${name} (\\d+)$`).exec(line))
        .filter(Boolean)
        .at(-1)?.[1] ?? NaN,
    );
  const counts = {passed: total('pass'), failed: total('fail') + total('cancelled'), skipped: total('skipped') + total('todo')};
  return Object.values(counts).every(Number.isFinite) ? counts : undefined;
}

/** Runs a step with its output passed through; resolves with its exit code and its lines. */
function runStep(command) {
  return new Promise((resolve) => {
    const lines = [];
    const child = spawn(command[0], command.slice(1), {stdio: ['ignore', 'pipe', 'inherit']});
    createInterface({input: child.stdout, crlfDelay: Infinity}).on('line', (line) => {
      lines.push(line);
      console.log(line);
    });
    child.on('close', (code, signal) => resolve({code: code ?? (signal ? 1 : 0), lines}));
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
  });
}

const report = [];
const totals = {passed: 0, failed: 0, skipped: 0};
const started = Date.now();
let failed = false;

if (!(await ensureSystem())) {
  report.push('system: packages missing (see above)');
  failed = true;
}
for (const step of failed ? [] : STEPS) {
  const begun = Date.now();
  console.log(`\n▶ ${step.name}`);
  const {code, lines} = await runStep(step.command);
  const counts = step.counts?.(lines);
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key];
  const seconds = `${Math.round((Date.now() - begun) / 1000)} s`;
  const what = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : code === 0 ? 'ok' : `failed (exit ${code})`;
  report.push(`${step.name}: ${what} (${seconds})`);
  if (code !== 0 || counts?.failed) {
    failed = true;
    if (!counts?.failed) totals.failed++;
    break;
  }
}

const optOuts = [];
const notRun = ALL_ENGINES.filter((engine) => !engines.includes(engine));
if (notRun.length) optOuts.push(`BROWSERS=${process.env.BROWSERS} (not run: ${notRun.join(', ')})`);
if (skipWordPress) optOuts.push('CARE_SKIP_WORDPRESS=1 (the WordPress suite not run)');
if (process.env.TEST_FILES) optOuts.push(`TEST_FILES=${process.env.TEST_FILES} (the browser suite narrowed to these files)`);

console.log(`\nnpm test, ${Math.round((Date.now() - started) / 1000)} s:`);
for (const line of report) console.log(`  ${line}`);
console.log(optOuts.length ? `  opted out: ${optOuts.join('; ')}` : '  nothing left out: three engines and the WordPress suite');
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
