// Getting the audience into its channel and out again: its input checked before any SDK call, the SDK loaded and its
// version checked, the join token had, and a join and a leave that each give up after a limit. A step that fails
// reports it through the context and throws Stop.
import type { AudienceContext } from './audience-context.js';
import {
  AUDIENCE_JOIN_TIMEOUT_MS,
  checkAudienceInput,
  checkSdkVersion,
  LEAVE_TIMEOUT_MS,
  TIMED_OUT,
  within,
} from './audience-support.js';
import type { AudienceClient, AudienceSdk } from './audience-types.js';
import { loadAgoraRTC } from './load-sdk.js';
import { fromSdkError } from './relay-error.js';
import { requestToken } from './tokens.js';

/** Connecting stops here: the viewer was closed, or what went wrong is already reported. */
export class Stop extends Error {}

export function stopIfClosed(context: AudienceContext): void {
  if (context.isClosed()) throw new Stop();
}

/** The uid to join with (null: Agora assigns one), or a reported validation failure. */
export function validateAudience(context: AudienceContext, own: boolean): number | null {
  const checked = checkAudienceInput(context.options, own);
  if ('code' in checked) {
    context.fail({ code: checked.code, message: checked.message, operation: 'validate' });
    throw new Stop();
  }
  return checked.uid;
}

/** The SDK namespace: null when following a page's client with no `sdk` given. */
export async function loadAudienceSdk(context: AudienceContext, own: boolean): Promise<AudienceSdk | null> {
  const given = context.options.sdk ?? null;
  if (!own && !given) return null;
  let sdk: AudienceSdk;
  try {
    sdk = await loadAgoraRTC(given as never, context.options.importSdk);
  } catch (error) {
    context.fail({ code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
    throw new Stop();
  }
  stopIfClosed(context);
  const tooOld = checkSdkVersion(sdk.VERSION);
  if (tooOld) {
    context.fail({ code: 'SDK_VERSION_UNSUPPORTED', message: tooOld, operation: 'load' });
    throw new Stop();
  }
  return sdk;
}

/** The `token` given, one from the token provider, or null (an App ID without certificate). */
export async function joinToken(context: AudienceContext, uid: number): Promise<string | null> {
  const { token, tokenProvider } = context.options;
  const channelName = context.options.channelName as string;
  if (token) return token;
  if (!tokenProvider) return null;
  try {
    return await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
  } catch (error) {
    context.fail({ code: 'TOKEN_FETCH_FAILED', message: (error as Error).message, operation: 'token', channelName });
    throw new Stop();
  }
}

/** Joins, or gives up after the join limit (leaving, so the SDK stops trying) and fails. */
export async function joinWithin(
  context: AudienceContext,
  client: AudienceClient,
  uid: number | null,
  token: string | null,
): Promise<void> {
  const appId = context.options.appId as string;
  const channelName = context.options.channelName as string;
  const limit = context.options.joinTimeoutMs ?? AUDIENCE_JOIN_TIMEOUT_MS;
  let outcome: unknown;
  try {
    outcome = await within(client.join(appId, channelName, token, uid), limit);
  } catch (error) {
    if (context.isClosed()) throw new Stop();
    throw error;
  }
  if (outcome === TIMED_OUT) {
    await leaveWithin(context, client);
    context.fail({
      code: 'TIMEOUT',
      message: `Joining "${channelName}" got no answer within ${limit / 1000} s; Agora may be unreachable from here.`,
      operation: 'join',
      channelName,
    });
    throw new Stop();
  }
  stopIfClosed(context);
}

/** A bounded leave: one that never answers is reported and let go, so closing never hangs. */
export async function leaveWithin(context: AudienceContext, client: AudienceClient): Promise<void> {
  const limit = context.options.leaveTimeoutMs ?? LEAVE_TIMEOUT_MS;
  const outcome = await within(client.leave(), limit).catch((error: unknown) => {
    context.report(fromSdkError(error, 'leave', 'Could not leave.'));
  });
  if (outcome === TIMED_OUT) {
    context.report({
      code: 'TIMEOUT',
      message: `Leaving "${context.options.channelName ?? ''}" got no answer within ${limit / 1000} s; stopped waiting.`,
      operation: 'leave',
    });
  }
}

/**
 * Before the join token expires: a fresh one from the token provider, renewed in place. Resolves true once renewed;
 * a failure is a warning (the viewing goes on until the token expires).
 */
export async function renewFromProvider(context: AudienceContext, client: AudienceClient, uid: number | null): Promise<boolean> {
  const { tokenProvider } = context.options;
  const channelName = context.options.channelName as string;
  if (!tokenProvider || context.isClosed()) return false;
  try {
    const token = await requestToken(tokenProvider, { channelName, uid: uid ?? 0, purpose: 'join' });
    await client.renewToken(token);
    return true;
  } catch (error) {
    const detail = fromSdkError(error, 'token', 'Could not renew the join token.');
    context.warn({ ...detail, code: detail.code === 'UNEXPECTED_ERROR' ? 'TOKEN_FETCH_FAILED' : detail.code, channelName });
    return false;
  }
}
