// Getting a managed host into its channel: its input checked before any SDK call, the SDK loaded, the join token
// had, and a join that gives up when the gateway never answers. Each step reports its own failure and throws Closed.
import { loadAgoraRTC } from './load-sdk.js';
import type { ManagedContext, ManagedHostOptions } from './managed-host-types.js';
import type { ManagedClient, ManagedSdk, RetryConfig } from './sdk-types.js';
import { requestToken } from './tokens.js';
import { checkChannelName, parseUid } from './validation.js';

/** Bounded retries (reference §3.5): without them an offline join never settles; with them it fails in ~1.5 s. */
export const BOUNDED_RETRIES: RetryConfig = { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 };

/** Our own limit for a join the gateway never answers (protocol reference §3: the SDK would wait forever). */
export const JOIN_TIMEOUT_MS = 10_000;

/** Connecting stops here: the host was closed, or what went wrong is already reported. */
export class Closed extends Error {}

export function stopIfClosed(context: ManagedContext): void {
  if (context.isClosed()) throw new Closed();
}

/** Refuses what would only fail later inside the SDK, with a message that names the attribute. */
export function validateManaged(context: ManagedContext): void {
  const { appId, channelName, joinUid } = context.options;
  const issue =
    checkChannelName('channel-name', channelName) ??
    (joinUid === undefined || joinUid === null || joinUid === '' ? undefined : parseUid('join-uid', joinUid));
  const problem =
    typeof issue === 'object' ? issue : !appId ? { code: 'INVALID_PARAMS', message: 'app-id is required.' } : undefined;
  if (!problem) return;
  context.report({ code: problem.code, message: problem.message, operation: 'validate' });
  throw new Closed();
}

/** The uid to join with: null lets Agora assign one. */
export function joinUidOf(options: ManagedHostOptions): number | null {
  const { joinUid } = options;
  if (joinUid === undefined || joinUid === null || joinUid === '') return null;
  return parseUid('join-uid', joinUid) as number;
}

export async function loadManagedSdk(context: ManagedContext): Promise<ManagedSdk> {
  try {
    return await loadAgoraRTC<ManagedSdk>(context.options.sdk, context.options.importSdk);
  } catch (error) {
    context.report({ code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
    throw new Closed();
  }
}

export async function joinChannel(context: ManagedContext, client: ManagedClient): Promise<void> {
  const { appId, channelName } = context.options;
  const token = await joinToken(context);
  // Agora reads a string uid as a user account: an attribute's digits must become a number first.
  const joinUid = joinUidOf(context.options);
  stopIfClosed(context);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = context.options.joinTimeoutMs ?? JOIN_TIMEOUT_MS;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limit);
  });
  const join = client.join(appId, channelName, token, joinUid);
  // The join may still reject after we stopped waiting (leave() aborts it): that rejection is expected.
  join.catch(() => undefined);
  try {
    const outcome = await Promise.race([join, timeout]);
    if (outcome === 'timeout') {
      await client.leave().catch(() => undefined);
      context.report({
        code: 'TIMEOUT',
        message: `Joining "${channelName}" got no answer within ${limit / 1000} s; Agora may be unreachable from here.`,
        operation: 'join',
      });
      throw new Closed();
    }
  } catch (error) {
    if (context.isClosed() || error instanceof Closed) throw new Closed();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  stopIfClosed(context);
}

async function joinToken(context: ManagedContext): Promise<string | null> {
  const { joinToken, tokenProvider, channelName } = context.options;
  if (joinToken) return joinToken;
  if (!tokenProvider) return null;
  const uid = joinUidOf(context.options) ?? 0;
  try {
    return await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
  } catch (error) {
    context.report({ code: 'TOKEN_FETCH_FAILED', message: (error as Error).message, operation: 'token', channelName });
    throw new Closed();
  }
}
