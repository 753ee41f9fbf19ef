import type { Operation, RelayErrorCode } from './relay-enums.js';
import type { SdkError } from './sdk-types.js';

/** What every failure is reported as: never carries a token. */
export interface RelayErrorDetail {
  code: RelayErrorCode;
  message: string;
  operation: Operation;
  channelName?: string;
}

/**
 * The readable part of an SDK error. The SDK prefixes messages with `AgoraRTCError CODE: ` and leaves some
 * empty (reference §3.3); an empty one gets a sentence of ours so the event always says something.
 */
export function fromSdkError(error: unknown, operation: Operation, fallback: string): RelayErrorDetail {
  const sdkError = (typeof error === 'object' && error !== null ? error : {}) as SdkError;
  const code = typeof sdkError.code === 'string' && sdkError.code ? sdkError.code : 'UNEXPECTED_ERROR';
  const raw = typeof sdkError.message === 'string' ? sdkError.message : String(error);
  const message = raw.replace(/^AgoraRTCError [A-Z_]+:\s*/, '').trim();
  return { code, message: message || fallback, operation };
}

/** Rejection value of `start()` / `stop()`: an Error carrying the same fields as the `agora-relay-error` event. */
export class RelaySessionError extends Error {
  readonly code: string;
  readonly operation: Operation;
  constructor(detail: RelayErrorDetail) {
    super(detail.message);
    this.name = 'RelaySessionError';
    this.code = detail.code;
    this.operation = detail.operation;
  }
}
