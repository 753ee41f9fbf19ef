#!/usr/bin/env node
// `npm run test:interop`: the interop suite (interop/web-test-runner.config.mjs) in headless Chromium, through
// scripts/run-wtr.mjs (a loopback-only network namespace when run as root). Needs dist/ (npm run build).
//
// With --keep-going (as `npm test` runs it) it exits 0 and leaves failures to .test-results/interop.json, which the
// closing line of `npm test` counts; a run that wrote no results counts as one failure there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { interopResults } from './results-reporter.mjs';

const keepGoing = process.argv.includes('--keep-going');
const args = process.argv.slice(2).filter((arg) => arg !== '--keep-going');
if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('interop: dist/ is missing; run `npm run build` first.');
}
// Counts left by an earlier run must never stand in for this one (say, when this run fails before its reporter starts).
rmSync(interopResults, { force: true });
const runWtr = new URL('../scripts/run-wtr.mjs', import.meta.url).pathname;
const result = spawnSync(process.execPath, [runWtr, '--config', 'interop/web-test-runner.config.mjs', ...args], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url).pathname,
});
if (!existsSync(interopResults)) {
  console.error('interop: the run wrote no results; counting it as one failure.');
  mkdirSync(new URL('.', interopResults), { recursive: true });
  writeFileSync(interopResults, `${JSON.stringify({ passed: 0, failed: 1, skipped: 0 })}\n`);
}
const status = result.status ?? 1;
process.exit(keepGoing ? 0 : status);
