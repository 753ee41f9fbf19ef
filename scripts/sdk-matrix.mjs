#!/usr/bin/env node
// Runs the SDK version matrix: web-test-runner.sdk-matrix.config.mjs once per checked agora-rtc-sdk-ng version
// (scripts/sdk-versions.mjs), each in its own run, and prints each version's `N passed, N failed, N skipped` and time.
// `node scripts/sdk-matrix.mjs 4.20 4.23` runs only those minors; `--older` all but the newest (npm test has that one).
// Each run's whole output goes to .test-results/sdk-matrix-<version>.log. Exits non-zero when any version fails.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { checkedSdks } from './sdk-versions.mjs';

const args = process.argv.slice(2);
let sdks = checkedSdks();
if (args.includes('--older')) sdks = sdks.slice(0, -1);
const asked = args.filter((arg) => !arg.startsWith('--'));
if (asked.length > 0) sdks = sdks.filter((sdk) => asked.includes(sdk.minor) || asked.includes(sdk.version));
if (sdks.length === 0) {
  console.error(`sdk-matrix: no checked version matches ${asked.join(' ')}`);
  process.exit(1);
}

mkdirSync('.test-results', { recursive: true });

function runOne(sdk) {
  const log = `.test-results/sdk-matrix-${sdk.version}.log`;
  const out = createWriteStream(log);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/run-wtr.mjs', '--config', 'web-test-runner.sdk-matrix.config.mjs'], {
      env: { ...process.env, AGORA_SDK: sdk.minor },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const keep = (chunk) => {
      out.write(chunk);
      text = (text + chunk).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      out.end();
      const counts = [...text.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
      const seconds = Math.round((Date.now() - started) / 1000);
      const line = counts ? counts[0] : 'no summary line (see the log)';
      const ok = code === 0 && counts && counts[2] === '0';
      resolve({ sdk, line, seconds, ok, log });
    });
  });
}

const results = [];
for (const sdk of sdks) {
  const result = await runOne(sdk);
  results.push(result);
  console.log(`agora-rtc-sdk-ng ${sdk.version}: ${result.line} (${result.seconds} s)${result.ok ? '' : `, see ${result.log}`}`);
}
const failed = results.filter((result) => !result.ok).map((result) => result.sdk.version);
console.log(failed.length === 0 ? `SDK matrix: all ${results.length} versions passed` : `SDK matrix: failed on ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
