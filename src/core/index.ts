// agora-relay-elements/core: the framework-free relay session (no Lit, no custom elements, no SDK import).
export { RelaySession, RelaySessionError } from './relay-session.js';
export type { RelaySessionOptions, SessionDestination } from './relay-session.js';
export type {
  DestinationStatus,
  DestinationStatusDetail,
  RelayErrorDetail,
  RelayEventDetail,
  RelaySessionEventMap,
  RelayStateDetail,
} from './session-events.js';
export {
  checkChannel,
  checkChannelName,
  checkToken,
  judgeDestinations,
  parseUid,
  MAX_DESTINATIONS,
  MAX_TOKEN_LENGTH,
  MAX_UID,
} from './validation.js';
export type { ChannelInput, DestinationInput, DestinationVerdict, ValidationIssue } from './validation.js';
export { loadAgoraRTC, SdkLoadError } from './load-sdk.js';
export type { SdkImporter } from './load-sdk.js';
export { RELAY_ERRORS, RELAY_EVENTS, RELAY_STATES, SDK_ERROR_CODES, VALIDATION_CODES } from './relay-enums.js';
export type {
  Operation,
  RelayError,
  RelayErrorCode,
  RelayEvent,
  RelayState,
  SdkErrorCode,
  ValidationCode,
} from './relay-enums.js';
export type { ConnectionState, RelayChannelInfo, RelayClient, RelayConfiguration, RelaySdk } from './sdk-types.js';
export { requestToken, TokenError, tokenUrlProvider } from './tokens.js';
export type { TokenProvider, TokenPurpose, TokenRequest } from './tokens.js';
