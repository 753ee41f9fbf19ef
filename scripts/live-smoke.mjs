#!/usr/bin/env node
// The opt-in live smoke test against Agora's cloud (`npm run test:live`): with AGORA_APP_ID and
// AGORA_APP_CERTIFICATE set (a project with an App Certificate and channel media relay enabled by Agora support), it
// runs test/live/ in Chromium (web-test-runner.live.config.mjs), on this machine's own network; without them it says
// in one line why it did not run and exits 0. It is never part of `npm test` (which must not reach Agora).
// AGORA_SDK=4.20 (…4.24) runs it on another checked SDK version, as the version matrix does.
import { spawnSync } from 'node:child_process';

const missing = ['AGORA_APP_ID', 'AGORA_APP_CERTIFICATE'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.log(`live smoke test skipped: ${missing.join(' and ')} not set (an Agora project's App ID and App Certificate, with channel media relay enabled).`);
  process.exit(0);
}
const result = spawnSync('npx', ['--no', '--', 'wtr', '--config', 'web-test-runner.live.config.mjs'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
