// Prints the plain closing line `N passed, N failed, N skipped` that CI reads, after the runner's own output.
// A test file that fails to load or run counts as one failure, so a broken file can never look green.

function countSuite(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, totals);
}

export function summaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let sessionsSeen = 0;
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        sessionsSeen += 1;
        const failedBefore = totals.failed;
        countSuite(session.testResults, totals);
        if (!session.passed && totals.failed === failedBefore) totals.failed += 1;
      }
    },
    stop() {
      process.once('exit', () => {
        if (sessionsSeen === 0) totals.failed += 1;
        process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
      });
    },
  };
}
