// Counts the interop run's results and writes them to .test-results/interop.json, which the main run's summary
// reporter (scripts/summary-reporter.mjs) adds to the closing `N passed, N failed, N skipped` line of `npm test`.
// A run that executed no test, or a test file that failed to load, counts as a failure: never a silent green.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { countSessions } from '../scripts/summary-reporter.mjs';

export const interopResults = new URL('../.test-results/interop.json', import.meta.url);

export function interopResultsReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let sessionsSeen = 0;
  return {
    start() {
      rmSync(interopResults, { force: true });
    },
    onTestRunFinished({ sessions }) {
      sessionsSeen += countSessions(sessions, totals);
    },
    stop() {
      if (sessionsSeen === 0) totals.failed += 1;
      mkdirSync(new URL('.', interopResults), { recursive: true });
      writeFileSync(interopResults, `${JSON.stringify(totals)}\n`);
      process.stdout.write(`\nInterop tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
