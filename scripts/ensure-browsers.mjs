#!/usr/bin/env node
// Makes sure Chromium and Firefox ESR are on this machine before the tests (or the demo) need them.
// Installs Debian's packages when they are missing and apt-get can run as root; otherwise says what to install.
// WebKit (WebKitGTK's MiniBrowser and driver, xvfb: scripts/run-webkit.mjs) is installed the same way but is optional:
// where it cannot be installed, `npm test` says it skipped it. Its 184 packages (about 160 MB to download, 440 MB on
// disk) took 45 s here; apt's output is kept back unless it fails, and the time is printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, debianPackages, webkitMissing, webkitPackages } from './browsers.mjs';

const quietIfMissing = process.argv.includes('--quiet-if-missing');
const missing = () => Object.keys(debianPackages).filter((name) => !findBrowser(name));

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** apt-get with its output kept back, shown only when it fails. */
function quietApt(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const result = spawnSync('apt-get', args, { encoding: 'utf8', env });
  if (result.status !== 0) process.stderr.write(`$ apt-get ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  return result.status === 0;
}

let absent = missing();
const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
if (absent.length > 0 && !quietIfMissing) {
  const packages = absent.map((name) => debianPackages[name]);
  if (canApt) {
    console.log(`Installing the test browsers from Debian: ${packages.join(', ')}`);
    if (run('apt-get', ['update', '-qq'])) run('apt-get', ['install', '-y', '-qq', ...packages]);
    absent = missing();
  }
  if (absent.length > 0) {
    console.error(
      [
        `Missing test browser(s): ${absent.join(', ')}.`,
        'On Debian or Ubuntu, as root: apt-get update && apt-get install -y chromium firefox-esr',
        'Elsewhere install Chromium and Firefox ESR and point CHROMIUM_PATH and FIREFOX_PATH at their executables.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

if (!quietIfMissing && canApt && webkitMissing()) {
  const started = Date.now();
  const installed =
    quietApt(['update', '-qq']) && quietApt(['install', '-y', '-qq', ...webkitPackages]) && !webkitMissing();
  const seconds = Math.round((Date.now() - started) / 1000);
  const outcome = installed ? 'installed' : 'not installed (the WebKit tests will be skipped)';
  console.log(`WebKit from Debian (${webkitPackages.join(', ')}): ${outcome} in ${seconds} s`);
}
