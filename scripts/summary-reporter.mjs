// Prints the plain closing line `N passed, N failed, N skipped` that CI reads, after the runner's own output.
// A test file that fails to load or run counts as one failure, so a broken file can never look green.
// When scripts/test-node.mjs ran just before (as in `npm test`), its counts in .test-results/node.json are added,
// and a Node failure fails this process too. The file is consumed when the run starts, so it counts once.
import { readFileSync, rmSync } from 'node:fs';

const nodeResults = new URL('../.test-results/node.json', import.meta.url);

function takeNodeCounts() {
  let text;
  try {
    text = readFileSync(nodeResults, 'utf8');
  } catch {
    return undefined; // no Node run before this one (e.g. `wtr` on its own)
  }
  rmSync(nodeResults, { force: true });
  try {
    const counts = JSON.parse(text);
    const valid = ['passed', 'failed', 'skipped'].every((key) => Number.isInteger(counts[key]) && counts[key] >= 0);
    if (valid) return counts;
  } catch {
    // fall through: an unreadable file is a failure, never silently zero
  }
  return { passed: 0, failed: 1, skipped: 0 };
}

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
  let nodeCounts;
  let sessionsSeen = 0;
  return {
    start() {
      nodeCounts = takeNodeCounts();
    },
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
        if (nodeCounts) {
          for (const key of Object.keys(totals)) totals[key] += nodeCounts[key];
          if (nodeCounts.failed > 0) process.exitCode = 1;
        }
        process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
      });
    },
  };
}
