// The SDK's parameter checks, reproduced from the 4.24.8 bundle (functions fF, cF, aF, PN, MN, ON, NN, zN there):
// same order, same codes, same messages, including the wrong "[0,10000]" in the uid message. All throw synchronously.
import { sdkError } from './errors.js';

const CHANNEL_NAME = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const CHANNEL_NAME_MESSAGE =
  'The length must be within 64 bytes. The supported characters: a-z,A-Z,0-9,space,!, #, $, %, &, (, ), +, -, :, ;, <, =, ., >, ?, @, [, ], ^, _,  {, }, |, ~, ,';
const UID_MESSAGE =
  '[String uid] Length of the string: [1,255]. ASCII characters only. [Number uid] The value range is [0,10000]';

/** MN: a string of length min..max; "ASCII" means char codes 0..255 (so Latin-1 passes, as in the SDK). */
function isShortString(value: unknown, min = 1, max = 255, asciiOnly = true): boolean {
  if (typeof value !== 'string' || value.length > max || value.length < min) return false;
  if (!asciiOnly) return true;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0 || code > 255) return false;
  }
  return true;
}

/** PN: a required string of length min..max. */
export function checkString(value: unknown, name: string, min = 1, max = 255, asciiOnly = true): void {
  if (value === null || value === undefined) throw sdkError('INVALID_PARAMS', `${name || 'param'} cannot be empty`);
  if (!isShortString(value, min, max, asciiOnly)) {
    throw sdkError(
      'INVALID_PARAMS',
      `Invalid ${name || 'string param'}: Length of the string: [${min},${max}].${asciiOnly ? ' ASCII characters only.' : ''}`,
    );
  }
}

/** aF: a channel name. */
export function checkChannelName(value: unknown): void {
  if (typeof value !== 'string' || !CHANNEL_NAME.test(value)) throw sdkError('INVALID_PARAMS', CHANNEL_NAME_MESSAGE);
}

/** cF: a uid: an integer in 0..4294967295, or a string of 1..255 ASCII characters. */
export function checkUid(value: unknown): void {
  const validNumber =
    typeof value === 'number' && Math.floor(value) === value && value >= 0 && value <= 4294967295;
  if (!validNumber && !isShortString(value, 1, 255)) throw sdkError('INVALID_PARAMS', UID_MESSAGE);
}

/** fF: a relay channel info (source or destination). Reading `channelName` of undefined throws a plain TypeError. */
export function checkRelayChannelInfo(info: { channelName?: unknown; uid?: unknown; token?: unknown }): void {
  if (!info.channelName) throw sdkError('INVALID_PARAMS', 'invalid channelName in info');
  if (typeof info.uid !== 'number') throw sdkError('INVALID_PARAMS', 'invalid uid in info, uid must be a number');
  if (info.token) checkString(info.token, 'info.token', 1, 2047);
  checkUid(info.uid);
  checkChannelName(info.channelName);
}

/** ON: one of a list of values. */
export function checkOneOf(value: unknown, name: string, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) throw sdkError('INVALID_PARAMS', `${name} can only be set as ${JSON.stringify(allowed)}`);
}

/** NN: a number in min..max, integer unless told otherwise. */
export function checkNumber(value: unknown, name: string, min = 1, max = 10000, integer = true): void {
  const n = value as number;
  if (n < min || n > max || (integer && !(typeof value === 'number' && value % 1 === 0))) {
    throw sdkError('INVALID_PARAMS', `invalid ${name}: the value range is [${min}, ${max}]. integer only`);
  }
}

/** zN: a retry configuration (`httpRetryConfig` / `websocketRetryConfig`); note the SDK's own "maxRetryConfig" typo. */
export function checkRetryConfig(config: {
  timeout?: unknown;
  timeoutFactor?: unknown;
  maxRetryCount?: unknown;
  maxRetryTimeout?: unknown;
}): void {
  checkNumber(config.timeout, 'config.timeout', 0, 100000);
  checkNumber(config.timeoutFactor, 'config.timeoutFactor', 0, 100, false);
  checkNumber(config.maxRetryCount, 'config.maxRetryConfig', 0, Infinity);
  checkNumber(config.maxRetryTimeout, 'config.maxRetryTimeout', 0, Infinity);
}

/** The SDK's join() argument checks, in its order (token, then app id, channel name, uid). */
export function checkJoinArguments(appId: unknown, channel: unknown, token: unknown, uid: unknown): void {
  if (!token && token !== null) {
    throw sdkError('INVALID_PARAMS', `Invalid token: ${String(token)}. If you don not use token, set it to null`);
  }
  if (token) checkString(token, 'token', 1, 2047);
  checkString(appId, 'appid', 1, 2047);
  checkChannelName(channel);
  if (uid) checkUid(uid);
}
