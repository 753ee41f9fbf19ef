#!/usr/bin/env node
// Runs the browser tests in WebKit (web-test-runner.webkit.config.mjs): Debian's WebKitWebDriver (package
// webkit2gtk-driver) on a loopback port, under a virtual display (xvfb-run, package xvfb) when there is none, then
// web-test-runner against it, then stops the driver. As root (CI), like scripts/run-wtr.mjs, all of it runs in a
// network namespace with only the loopback up (AGORA_RELAY_NO_NETNS=1 opts out). Without the driver it says what to
// install and exits 1; with `--skip-if-missing` (as `npm test` runs it) it prints one "Skipped:" line and exits 0.
// The counts go to .test-results/webkit.json, which the closing line of `npm test` adds; the browser's own chatter
// (ALSA, D-Bus, GStreamer warnings) goes to .test-results/webkit-browser.log.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { findBrowser, findTool, webkitMissing } from './browsers.mjs';

const SKIP_FLAG = '--skip-if-missing';
const INSIDE = 'AGORA_RELAY_WEBKIT_INSIDE'; // set once the display and namespace are in place
const skipIfMissing = process.argv.includes(SKIP_FLAG);
const args = process.argv.slice(2).filter((arg) => arg !== SKIP_FLAG);
const resultsDir = new URL('../.test-results/', import.meta.url);
const resultsFile = new URL('webkit.json', resultsDir);

function missing(what) {
  rmSync(resultsFile, { force: true }); // an earlier run's counts must not count for this one
  if (skipIfMissing) {
    console.log(`Skipped: WebKit (${what}), apt-get install webkit2gtk-driver xvfb`);
    process.exit(0);
  }
  console.error(`WebKit tests cannot run (${what}): apt-get install webkit2gtk-driver xvfb`);
  process.exit(1);
}

if (!process.env[INSIDE]) {
  const why = webkitMissing();
  if (why) missing(why);
  const xvfbRun = findTool('xvfb-run');
  // Counted as failed until the run writes its own counts, so a run that dies early never looks green.
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ passed: 0, failed: 1, skipped: 0 })}\n`);

  let command = [process.execPath, fileURLToPath(import.meta.url), ...args];
  if (!process.env.DISPLAY) command = [xvfbRun, '-a', ...command];
  const unshare = findTool('unshare');
  const ip = findTool('ip');
  if (process.getuid?.() === 0 && unshare && ip && process.env.AGORA_RELAY_NO_NETNS !== '1') {
    console.log('WebKit tests run in a loopback-only network namespace.');
    command = [unshare, '-n', 'sh', '-c', `${ip} link set lo up && exec "$@"`, 'sh', ...command];
  }
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, [INSIDE]: '1' } });
  process.exit(result.status ?? 1);
}

// Inside the display and namespace: the driver, then the runner.
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const log = openSync(new URL('webkit-browser.log', resultsDir), 'w');
const driver = spawn(findBrowser('webkitDriver'), [`--port=${port}`, '--host=local'], { stdio: ['ignore', log, log] });
const listening = () =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    }).on('error', () => resolve(false));
  });
for (let waited = 0; !(await listening()); waited += 100) {
  if (waited > 30_000 || driver.exitCode !== null) {
    console.error('WebKitWebDriver did not start: see .test-results/webkit-browser.log');
    driver.kill();
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const wtr = spawnSync('npx', ['--no', '--', 'wtr', '--config', 'web-test-runner.webkit.config.mjs', ...args], {
  stdio: 'inherit',
  env: { ...process.env, WEBKIT_DRIVER_PORT: String(port), WEBKIT_MINIBROWSER: findBrowser('webkit') },
});
driver.kill();
if (wtr.status !== 0) console.log("WebKit's own output: .test-results/webkit-browser.log");
process.exit(wtr.status ?? 1);
