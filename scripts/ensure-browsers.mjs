#!/usr/bin/env node
// Makes sure Chromium and Firefox ESR are on this machine before the tests (or the demo) need them.
// Installs Debian's packages when they are missing and apt-get can run as root; otherwise says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, debianPackages } from './browsers.mjs';

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

let absent = missing();
if (absent.length > 0 && !quietIfMissing) {
  const packages = absent.map((name) => debianPackages[name]);
  const canApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
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
