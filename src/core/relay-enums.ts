// The SDK's relay enums as string unions and runtime lists. The SDK's enums are string-valued (member === value);
// comparing against these lists avoids importing the SDK, which crashes outside a browser. sdk-type-checks.ts
// fails the typecheck if the SDK adds, removes or renames a member.

export const RELAY_STATES = [
  'RELAY_STATE_IDLE',
  'RELAY_STATE_CONNECTING',
  'RELAY_STATE_RUNNING',
  'RELAY_STATE_FAILURE',
] as const;
export type RelayState = (typeof RELAY_STATES)[number];

export const RELAY_ERRORS = ['RELAY_OK', 'SERVER_CONNECTION_LOST', 'SRC_TOKEN_EXPIRED', 'DEST_TOKEN_EXPIRED'] as const;
export type RelayError = (typeof RELAY_ERRORS)[number];

export const RELAY_EVENTS = [
  'NETWORK_DISCONNECTED',
  'NETWORK_CONNECTED',
  'PACKET_JOINED_SRC_CHANNEL',
  'PACKET_JOINED_DEST_CHANNEL',
  'PACKET_SENT_TO_DEST_CHANNEL',
  'PACKET_RECEIVED_VIDEO_FROM_SRC',
  'PACKET_RECEIVED_AUDIO_FROM_SRC',
  'PACKET_UPDATE_DEST_CHANNEL',
  'PACKET_UPDATE_DEST_CHANNEL_REFUSED',
  'PACKET_UPDATE_DEST_CHANNEL_NOT_CHANGE',
] as const;
export type RelayEvent = (typeof RELAY_EVENTS)[number];

/** Codes our validation gives, before any SDK call. */
export const VALIDATION_CODES = [
  'INVALID_CHANNEL_NAME',
  'INVALID_UID',
  'INVALID_TOKEN',
  'TOO_MANY_DESTINATIONS',
  'DUPLICATE_DESTINATION',
  'DESTINATION_IS_SOURCE',
  'SOURCE_MISMATCH',
  'INVALID_TRACK',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/**
 * The SDK error codes the relay and join paths produce (reference §3, §4; protocol references). SDK errors keep the
 * SDK's code; sdk-type-checks.ts proves each of these is a real `AgoraRTCErrorCode` value.
 */
export const SDK_ERROR_CODES = [
  'INVALID_PARAMS',
  'INVALID_OPERATION',
  'OPERATION_ABORTED',
  'NETWORK_ERROR',
  'NETWORK_TIMEOUT',
  'NETWORK_RESPONSE_ERROR',
  'UNEXPECTED_ERROR',
  'UNEXPECTED_RESPONSE',
  'TIMEOUT',
  'WS_ABORT',
  'WS_DISCONNECT',
  'WS_ERR',
  'TOKEN_EXPIRE',
  'UID_CONFLICT',
  'CAN_NOT_GET_GATEWAY_SERVER',
  'PERMISSION_DENIED',
  'NOT_READABLE',
  'DEVICE_NOT_FOUND',
  'CROSS_CHANNEL_WAIT_STATUS_ERROR',
  'CROSS_CHANNEL_SERVER_ERROR_RESPONSE',
] as const;
export type SdkErrorCode = (typeof SDK_ERROR_CODES)[number];

/** Our own codes for failures that are not the SDK's and not validation. */
export type SessionErrorCode = 'SDK_LOAD_FAILED' | 'RELAY_FAILURE' | 'TOKEN_FETCH_FAILED' | 'CLIENT_IN_USE';

/** Any code an `agora-relay-error` may carry. Unknown SDK codes pass through as plain strings. */
export type RelayErrorCode = ValidationCode | SdkErrorCode | SessionErrorCode | (string & {});

export type Operation = 'validate' | 'load' | 'token' | 'join' | 'publish' | 'start' | 'update' | 'stop' | 'leave';
