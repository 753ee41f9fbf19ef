// Small pure pieces of the audience: the latency level, the supported SDK range, and the limits it waits within.

/** A join the gateway never answers fails after this long (the SDK would wait forever; protocol reference §3). */
export const AUDIENCE_JOIN_TIMEOUT_MS = 10_000;

/** A leave that never answers is let go after this long, so closing never hangs. */
export const LEAVE_TIMEOUT_MS = 3000;

/** The oldest agora-rtc-sdk-ng the elements support (a page may bring its own `window.AgoraRTC`). */
export const MIN_SDK_VERSION = [4, 20] as const;

/**
 * The SDK's `AudienceLatencyLevelType` for the `latency` attribute: `low` (default) → 1, `ultra-low` → 2; 0 for a
 * value we do not know.
 */
export function audienceLevel(latency: string | null | undefined): 0 | 1 | 2 {
  if (latency === undefined || latency === null || latency === '' || latency === 'low') return 1;
  if (latency === 'ultra-low') return 2;
  return 0;
}

/** Why this SDK version is not supported, or undefined when it is (or says no version: it gets the benefit). */
export function checkSdkVersion(version: string | undefined): string | undefined {
  if (typeof version !== 'string') return undefined;
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [minMajor, minMinor] = MIN_SDK_VERSION;
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return undefined;
  return (
    `agora-rtc-sdk-ng ${version} is older than ${minMajor}.${minMinor}, the oldest these elements support ` +
    "(the page's window.AgoraRTC, or the sdk property)."
  );
}
