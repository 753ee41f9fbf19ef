// The agora-rtc-sdk-ng versions this release was tested with: the newest patch of each minor in the peer range
// (the SDK version matrix, `npm run test:sdk-matrix`; scripts/sdk-versions.mjs reads the same from package.json and
// test/node/sdk-versions.test.mjs keeps the two equal). A page's own `window.AgoraRTC` of another minor still runs,
// with one console warning: the relay's call sequence and its quirks are undocumented internals that change between
// minors (reference agora-relay-protocol.md).

export const CHECKED_SDK_VERSIONS = ['4.20.2', '4.21.0', '4.22.2', '4.23.4', '4.24.8'] as const;

const checkedMinors = new Set(CHECKED_SDK_VERSIONS.map((version) => version.split('.').slice(0, 2).join('.')));
const warned = new Set<string>();

/** Whether this SDK version's minor was checked; a namespace that names no version gets the benefit of the doubt. */
export function isCheckedSdkVersion(version: unknown): boolean {
  if (typeof version !== 'string') return true;
  const match = /^(\d+)\.(\d+)\./.exec(version);
  return match !== null && checkedMinors.has(`${match[1]}.${match[2]}`);
}

/** Warns once per page and version when the page's own SDK is of a minor no test here ran. */
export function warnIfUncheckedSdk(version: unknown): void {
  if (isCheckedSdkVersion(version) || warned.has(String(version))) return;
  warned.add(String(version));
  console.warn(
    `agora-relay-elements: the page's window.AgoraRTC is agora-rtc-sdk-ng ${String(version)}, a version these ` +
      `elements were not checked with; checked: ${CHECKED_SDK_VERSIONS.join(', ')}. It may work; if the relay ` +
      'misbehaves, load one of those.',
  );
}
