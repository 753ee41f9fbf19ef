// What the real SDK in this page does differently by version, for the SDK version matrix (scripts/sdk-matrix.mjs):
// the tests state what the newest checked SDK does and, where an older minor differs, what that one does instead.
declare global {
  interface Window {
    AgoraRTC?: unknown;
  }
}

/** The page's real SDK version (window.AgoraRTC, loaded by test/support/contract-load-real-sdk.ts). */
export function pageSdkVersion(): string {
  const version = (window.AgoraRTC as { VERSION?: unknown } | undefined)?.VERSION;
  if (typeof version !== 'string') throw new Error('no real agora-rtc-sdk-ng loaded in this page yet');
  return version;
}

/** Whether SDK `version` (default: the page's) is older than `major.minor.patch`. */
export function sdkOlderThan(target: string, version = pageSdkVersion()): boolean {
  const parts = (text: string) => text.split(/[.-]/).slice(0, 3).map(Number);
  const [have, want] = [parts(version), parts(target)];
  for (let index = 0; index < 3; index += 1) {
    if (have[index] !== want[index]) return (have[index] ?? 0) < (want[index] ?? 0);
  }
  return false;
}

/** What may come between an older SDK's StopPacketTransfer and the SetSourceChannel of the same start. */
const BETWEEN = new Set(['ping', 'SetSdkProfile', 'socket open']);

/**
 * SDKs up to 4.24.0 begin every relay start with a `StopPacketTransfer` (reference agora-relay-protocol.md §3);
 * 4.24.8 does not. Drops that one command from a log of what the stand-in received, after checking that an older SDK
 * really sent it right before each start, so every test states the 4.24.8 sequence and still fails when an older
 * SDK's sequence changes. Entries of other services (gateway, allocation) pass through untouched.
 */
export function withoutPreStartStops<T extends { type: string; service?: string }>(entries: readonly T[]): T[] {
  if (!sdkOlderThan('4.24.1')) return [...entries];
  const dropped = new Set<number>();
  entries.forEach((entry, index) => {
    if (entry.type !== 'SetSourceChannel') return;
    let before = index - 1;
    while (before >= 0 && (BETWEEN.has(entries[before]!.type) || (entries[before]!.service ?? 'relay') !== 'relay')) before -= 1;
    if (entries[before]?.type !== 'StopPacketTransfer') {
      throw new Error(`agora-rtc-sdk-ng ${pageSdkVersion()} started a relay without a StopPacketTransfer first`);
    }
    dropped.add(before);
  });
  return entries.filter((_, index) => !dropped.has(index));
}
