import {writeSync} from 'node:fs';

// Prints "N passed, N failed, N skipped" alone as the run's last line, so CI can count tests
// and tell a run that found no test from a green one.
function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  let sessions = [];
  return {
    onTestRunFinished(args) {
      sessions = args.sessions;
    },
    stop() {
      const totals = {passed: 0, failed: 0, skipped: 0};
      let broken = 0;
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test has errors but no failed test.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) broken++;
      }
      const extra = broken ? ` (${broken} test file runs failed to load)` : '';
      const line = `\n${totals.passed} passed, ${totals.failed + broken} failed, ${totals.skipped} skipped${extra}\n`;
      // The default reporter writes its own closing lines during stop(): print ours at exit, last.
      process.once('exit', () => writeSync(1, line));
    },
  };
}
