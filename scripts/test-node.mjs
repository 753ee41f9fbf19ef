#!/usr/bin/env node
// Runs the Node test suite (test/node/*.test.mjs, plain JS against dist/, so build first) with node:test's run()
// API, prints its results, and writes the counts to .test-results/node.json, which the web-test-runner summary
// reporter adds to the closing `N passed, N failed, N skipped` line.
//
// Exits non-zero when a test fails. With --keep-going it exits 0 and leaves the failures to that closing line (and
// to web-test-runner's exit code): `npm test` uses it so the combined line is always the last one printed.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { finished } from 'node:stream/promises';

const root = new URL('../', import.meta.url);
const resultsDir = new URL('.test-results/', root);
const resultsFile = new URL('node.json', resultsDir);
// Node-side suites: the package as built, and the local Agora stand-in's server.
const testDirs = [new URL('test/node/', root), new URL('test/stand-in/node/', root)];
const keepGoing = process.argv.includes('--keep-going');

// Never let counts from an earlier run stand in for this one.
await rm(resultsFile, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const fixedTodos = [];
try {
  const files = [];
  for (const dir of testDirs) {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.test.mjs')).sort();
    if (names.length === 0) throw new Error(`no test files in ${dir.pathname}`);
    files.push(...names.map((name) => new URL(name, dir).pathname));
  }

  // Each file runs in its own process; a file that cannot load is reported as one failing test named after it.
  // The limit only catches a file that hangs: the framework type checks (tsc, vue-tsc, svelte-check) and the CDN
  // page checks took over 60 s on a loaded 2-core machine, so it is generous.
  const stream = run({ files, timeout: 240_000 });
  const count = (event, passed) => {
    if (event.details?.type === 'suite') return; // its tests are counted one by one
    if (event.todo !== undefined) {
      // A todo is a known gap: counted as skipped whatever its outcome; one that passes should lose its todo.
      totals.skipped += 1;
      if (passed) fixedTodos.push(event.name);
    } else if (event.skip !== undefined) totals.skipped += 1;
    else if (passed) totals.passed += 1;
    else totals.failed += 1;
  };
  stream.on('test:pass', (event) => count(event, true));
  stream.on('test:fail', (event) => count(event, false));
  const report = stream.compose(spec);
  report.pipe(process.stdout, { end: false });
  await finished(report);
} catch (error) {
  console.error(`The Node tests could not run: ${error?.stack ?? error}`);
  totals.failed += 1;
}

for (const name of fixedTodos) console.log(`A todo test now passes; remove its todo: ${name}`);
console.log(`Node tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
await mkdir(resultsDir, { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(totals)}\n`);
if (totals.failed > 0 && !keepGoing) process.exitCode = 1;
