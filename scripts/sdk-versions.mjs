// The agora-rtc-sdk-ng versions the tests check: the newest patch of every minor in the peer range. The newest is
// the package itself; the others are npm aliases in devDependencies (`agora-rtc-sdk-ng-4-20`: npm:agora-rtc-sdk-ng@…).
// src/core/sdk-versions.ts holds the same list for the page-side warning (test/node/sdk-versions.test.mjs compares).
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/** `{ minor: '4.20', package: 'agora-rtc-sdk-ng-4-20', version: '4.20.2' }` for each checked minor, oldest first. */
export function checkedSdks() {
  const { devDependencies } = readJson('package.json');
  const found = [];
  for (const name of Object.keys(devDependencies)) {
    if (name !== 'agora-rtc-sdk-ng' && !name.startsWith('agora-rtc-sdk-ng-')) continue;
    const { version } = readJson(`node_modules/${name}/package.json`);
    found.push({ minor: version.split('.').slice(0, 2).join('.'), package: name, version });
  }
  const key = ({ version }) => version.split('.').map((part) => part.padStart(4, '0')).join('.');
  return found.sort((a, b) => key(a).localeCompare(key(b)));
}

/** The SDK a test run loads: undefined (the installed agora-rtc-sdk-ng) or one of checkedSdks() by minor. */
export function chosenSdk(minor) {
  if (!minor) return undefined;
  const sdks = checkedSdks();
  const sdk = sdks.find((candidate) => candidate.minor === minor || candidate.version === minor);
  if (!sdk) {
    throw new Error(`AGORA_SDK=${minor}: not one of the checked versions (${sdks.map((s) => s.version).join(', ')})`);
  }
  return { package: sdk.package, version: sdk.version };
}
