// Helpers shared by the contract cases: SDK-error assertions, settling with a deadline, event recorders.
import { expect } from '@open-wc/testing';
import type { ContractClient, ContractRelayConfig, ContractSdk } from './contract-types.js';

export interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Asserts an SDK-shaped error: name, code and (if given) the text after `AgoraRTCError <CODE>: `. */
export function expectSdkError(error: unknown, code: string, message?: string): void {
  const e = error as SdkErrorLike;
  expect(e?.name, 'error name').to.equal('AgoraRTCException');
  expect(e?.code, 'error code').to.equal(code);
  if (message !== undefined) expect(e?.message, 'error message').to.equal(`AgoraRTCError ${code}: ${message}`);
}

/** Calls `fn`, which must return a promise without throwing synchronously. */
export function callAsync(fn: () => Promise<unknown>, what: string): Promise<unknown> {
  let promise: Promise<unknown> | undefined;
  let thrown: unknown;
  try {
    promise = fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown === undefined, `${what} threw synchronously: ${String(thrown)}`).to.be.true;
  expect(promise instanceof Promise, `${what} returned a promise`).to.be.true;
  return promise!;
}

export type Settled =
  | { status: 'resolved'; value: unknown; ms: number }
  | { status: 'rejected'; error: unknown; ms: number }
  | { status: 'pending'; ms: number };

/** Waits for `promise` at most `ms` milliseconds. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<Settled> {
  const started = performance.now();
  let result: Settled | undefined;
  const done = promise.then(
    (value) => (result = { status: 'resolved', value, ms: performance.now() - started }),
    (error: unknown) => (result = { status: 'rejected', error, ms: performance.now() - started }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  return result ?? { status: 'pending', ms: performance.now() - started };
}

/** Expects `promise` to reject within `ms` with `code` (and `message` if given); returns the error. */
export async function expectRejects(
  promise: Promise<unknown>,
  code: string,
  message?: string,
  ms = 2000,
): Promise<unknown> {
  const settled = await settleWithin(promise, ms);
  expect(settled.status, `settled within ${ms} ms as`).to.equal('rejected');
  const error = (settled as { error: unknown }).error;
  expectSdkError(error, code, message);
  return error;
}

/** Expects a synchronous throw from `fn` with `code` (and `message` if given). */
export function expectThrows(fn: () => unknown, code: string, message?: string): unknown {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown !== undefined, 'threw synchronously').to.be.true;
  expectSdkError(thrown, code, message);
  return thrown;
}

/** Expects `fn` not to throw. */
export function expectNoThrow(fn: () => unknown, what: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown === undefined, `${what} threw: ${String((thrown as SdkErrorLike)?.message ?? thrown)}`).to.be.true;
}

/** Records relay states (with the argument count), relay events and connection changes, in one ordered log. */
export function recordClient(client: ContractClient): string[] {
  const log: string[] = [];
  client.on('channel-media-relay-state', (...args: unknown[]) => log.push(`state:${String(args[0])}/${args.length}`));
  client.on('channel-media-relay-event', (...args: unknown[]) => log.push(`event:${String(args[0])}`));
  client.on('connection-state-change', (...args: unknown[]) =>
    log.push(`conn:${String(args[1])}->${String(args[0])}${args[2] ? `(${String(args[2])})` : ''}`),
  );
  return log;
}

/** A configuration with one source and `dests` destinations. */
export function relayConfig(sdk: ContractSdk, dests = ['dest-a']): ContractRelayConfig {
  const config = sdk.createChannelMediaRelayConfiguration();
  config.setSrcChannelInfo({ channelName: 'source', uid: 0 });
  dests.forEach((channelName, index) => config.addDestChannelInfo({ channelName, uid: 100 + index }));
  return config;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
