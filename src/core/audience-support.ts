// Small pure pieces of the audience: its input checks, the latency level, the supported SDK range, and the limits
// it waits within.
import { checkChannelName, checkToken, parseUid } from './validation.js';

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

export interface AudienceInput {
  appId?: string | null;
  channelName?: string | null;
  uid?: number | string | null;
  token?: string | null;
  latency?: string | null;
}

/**
 * The audience's input before any SDK call: the uid to join with (null: Agora assigns one), or the first problem.
 * A page's own client (`own` false) needs no App ID and may leave the channel to the client.
 */
export function checkAudienceInput(input: AudienceInput, own: boolean): { uid: number | null } | { code: string; message: string } {
  const { appId, channelName, uid, token, latency } = input;
  const parsed = uid === undefined || uid === null || uid === '' ? null : parseUid('uid', uid);
  const problem =
    (own && !appId ? { code: 'INVALID_PARAMS', message: 'app-id is required (or give a client).' } : undefined) ??
    (own || channelName ? checkChannelName('channel-name', channelName) : undefined) ??
    (typeof parsed === 'object' && parsed !== null ? parsed : undefined) ??
    checkToken('token', token) ??
    (audienceLevel(latency) === 0
      ? { code: 'INVALID_LATENCY', message: `latency ${JSON.stringify(latency)} must be "low" or "ultra-low".` }
      : undefined);
  return problem ?? { uid: typeof parsed === 'number' ? parsed : null };
}

/** What `within()` resolves with when the call did not settle in time. */
export const TIMED_OUT = Symbol('timed out');

/**
 * The call's outcome, or TIMED_OUT after `ms`: the SDK leaves some calls unanswered for ever (a join the gateway
 * never answers, a leave with no route). A rejection that comes after we stopped waiting is expected and absorbed.
 */
export async function within<T>(call: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  call.catch(() => undefined);
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
