// A node:test reporter that prints "N passed, N failed, N skipped" alone as the last line, as
// test/runner/summary-reporter.mjs does for @web/test-runner, so CI can count the tests and tell a
// run that found no test from a green one. Suites are not counted; a file that failed to load is
// one failure (node:test reports it as a failed test named after the file), a skipped suite one skip.
export default async function* summary(source) {
  const totals = {passed: 0, failed: 0, skipped: 0};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A skipped suite reports no test of its own: count it once. A suite that failed for another
      // reason than its tests (a `before` or `after` hook that threw) is one failure.
      if (event.data.skip !== undefined) totals.skipped++;
      else if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') totals.failed++;
      continue;
    }
    if (event.data.skip !== undefined || event.data.todo !== undefined) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  yield `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`;
}
