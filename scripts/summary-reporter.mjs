// Prints the plain closing line `N passed, N failed, N skipped` that CI reads, after the runner's own output.
// A test file that fails to load or run counts as one failure, so a broken file can never look green.
// When scripts/test-node.mjs ran just before (as in `npm test`), its counts in .test-results/node.json are added,
// and so are the interop suite's in .test-results/interop.json (interop/run.mjs) and the real SDK's in Firefox in
// .test-results/firefox-sdk.json (web-test-runner.firefox.config.mjs), the demo's in Firefox as on a desktop in
// .test-results/firefox-demo.json (scripts/run-firefox-demo.mjs) and WebKit's in .test-results/webkit.json
// (scripts/run-webkit.mjs); a failure in any fails this process too. Each file is consumed when the run starts, so it
// counts once.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const earlierResults = ['node.json', 'interop.json', 'firefox-sdk.json', 'firefox-demo.json', 'webkit.json'].map(
  (name) => new URL(`../.test-results/${name}`, import.meta.url),
);

function takeCounts(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no such run before this one (e.g. `wtr` on its own)
  }
  rmSync(file, { force: true });
  try {
    const counts = JSON.parse(text);
    const valid = ['passed', 'failed', 'skipped'].every((key) => Number.isInteger(counts[key]) && counts[key] >= 0);
    if (valid) return counts;
  } catch {
    // fall through: an unreadable file is a failure, never silently zero
  }
  return { passed: 0, failed: 1, skipped: 0 };
}

/** Adds a web-test-runner session's test results to `totals` (also used by interop/results-reporter.mjs). */
export function countSuite(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, totals);
}

/**
 * Adds a run's sessions to `totals` (a session that failed without a failed test, e.g. a file that did not load,
 * counts as one failure) and returns how many sessions there were.
 */
export function countSessions(sessions, totals) {
  for (const session of sessions) {
    const failedBefore = totals.failed;
    countSuite(session.testResults, totals);
    if (!session.passed && totals.failed === failedBefore) totals.failed += 1;
  }
  return sessions.length;
}

export function summaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let earlierCounts = [];
  let sessionsSeen = 0;
  return {
    start() {
      earlierCounts = earlierResults.map(takeCounts).filter((counts) => counts !== undefined);
    },
    onTestRunFinished({ sessions }) {
      sessionsSeen += countSessions(sessions, totals);
    },
    stop() {
      process.once('exit', () => {
        if (sessionsSeen === 0) totals.failed += 1;
        for (const counts of earlierCounts) {
          for (const key of Object.keys(totals)) totals[key] += counts[key];
          if (counts.failed > 0) process.exitCode = 1;
        }
        process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
      });
    },
  };
}

/**
 * For a run ahead of the main one: writes its counts to .test-results/`name`, which the main run's summary adds. A
 * failure is written first, so a run that dies before its end still counts as failed; no test run counts as one too.
 */
export function resultsFileReporter(name, label) {
  const file = new URL(`../.test-results/${name}`, import.meta.url);
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let sessionsSeen = 0;
  const write = (counts) => {
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(counts)}\n`);
  };
  return {
    start() {
      write({ passed: 0, failed: 1, skipped: 0 });
    },
    onTestRunFinished({ sessions }) {
      sessionsSeen += countSessions(sessions, totals);
    },
    stop() {
      if (sessionsSeen === 0) totals.failed += 1;
      write(totals);
      process.stdout.write(`\n${label}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
