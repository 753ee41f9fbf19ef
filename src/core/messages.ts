// The one catalogue of what the elements say to a person: every status and every error code they report, in plain
// words with what to do about it. Loaded lazily (with the audience or managed mode), never by the entry.
//
// `evidence` says where each entry comes from: `seen` = produced here, by the real SDK (offline or through the local
// stand-in, see shared/reference/agora-relay-sdk.md) or by our own code; `inferred` = from Agora's documentation and
// what its users report, not reproduced here. README.md's table of statuses and errors is tested against this list.
import type { RelayErrorDetail } from './relay-error.js';

export type Evidence = 'seen' | 'inferred';

export interface MessageEntry {
  /** An error code, or `CODE:variant` for a case of a code that needs other words. */
  id: string;
  title: string;
  action: string;
  evidence: Evidence;
}

/** What a status line says while nothing is wrong. `{n}` and `{channel}` are filled in. */
export const STATUS_MESSAGES = {
  loading: 'Loading…',
  connecting: 'Connecting to “{channel}”…',
  waiting: 'Connected to “{channel}”. Waiting for a host to start.',
  live: 'Live: watching {n} hosts.',
  'live-one': 'Live: watching 1 host.',
  reconnecting: 'Connection lost. Reconnecting to “{channel}”…',
  'autoplay-blocked': 'The browser blocked sound and video from starting by themselves. Press “Play” to start them.',
  muted: 'Sound is off. Press “Unmute” to hear the hosts.',
  left: 'Not connected.',
  relaying: 'Live. Relaying to {n} channels.',
  'relaying-one': 'Live. Relaying to 1 channel.',
  'waiting-camera': 'Waiting for the camera and microphone…',
} as const;

export type StatusId = keyof typeof STATUS_MESSAGES;

const RELAY_NOT_ENABLED =
  'Channel media relay must be enabled for this App ID by Agora support; until it is, the relay fails with ' +
  'generic errors. Also check that each relay token was generated for the uid and channel it is used with.';
const RENEWAL =
  'With a token-url or tokenProvider, fresh tokens are fetched when the relay starts again; otherwise set new tokens.';

const entries: MessageEntry[] = [
  // ---- input (validation before any SDK call) ----
  {
    id: 'INVALID_PARAMS:app-id',
    title: 'No App ID.',
    action: 'Add app-id="…" with the App ID from the Agora console to the element.',
    evidence: 'seen',
  },
  {
    id: 'INVALID_CHANNEL_NAME',
    title: 'The channel name is missing or not allowed.',
    action: 'Set channel-name to 1 to 64 letters, digits, spaces or ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
    evidence: 'seen',
  },
  {
    id: 'INVALID_UID',
    title: 'The uid is not a valid number.',
    action: 'Write the uid as plain digits from 0 to 4294967295, or leave it out to let Agora pick one.',
    evidence: 'seen',
  },
  {
    id: 'INVALID_TOKEN',
    title: 'The token is not a valid Agora token.',
    action: 'Give a token of at most 2047 ASCII characters, as your token server makes it.',
    evidence: 'seen',
  },
  {
    id: 'INVALID_LATENCY',
    title: 'The latency setting is not known.',
    action: 'Set latency to "low" or "ultra-low", or leave it out.',
    evidence: 'seen',
  },
  {
    id: 'TOO_MANY_DESTINATIONS',
    title: 'Too many destination channels.',
    action: 'Agora relays to at most four channels at once; this one waits until an earlier one is removed.',
    evidence: 'inferred',
  },
  {
    id: 'DUPLICATE_DESTINATION',
    title: 'The same destination channel is listed twice.',
    action: 'Remove the second <agora-relay-destination> for that channel.',
    evidence: 'seen',
  },
  {
    id: 'DESTINATION_IS_SOURCE',
    title: 'A destination is the host’s own channel.',
    action: 'Relay to other channels only; remove that destination.',
    evidence: 'inferred',
  },
  {
    id: 'CLIENT_IN_USE',
    title: 'Another host already relays on this client.',
    action: 'Give each <agora-relay-host> its own client; this one waits until the client is free.',
    evidence: 'seen',
  },
  {
    id: 'SOURCE_MISMATCH',
    title: 'The host’s channel-name is not the channel its client joined.',
    action: 'Set channel-name to the client’s channel, or leave it out to use the client’s channel.',
    evidence: 'seen',
  },
  // ---- loading the SDK ----
  {
    id: 'SDK_LOAD_FAILED',
    title: 'The Agora SDK could not be loaded.',
    action: 'Check that the page can load agora-rtc-sdk-ng (the CDN chunks next to the script, or Agora’s script tag).',
    evidence: 'seen',
  },
  {
    id: 'SDK_VERSION_UNSUPPORTED',
    title: 'The page’s Agora SDK is too old.',
    action: 'Load agora-rtc-sdk-ng 4.20 or newer (Agora’s script tag), or remove it so the elements load their own.',
    evidence: 'seen',
  },
  // ---- tokens ----
  {
    id: 'TOKEN_FETCH_FAILED:unreachable',
    title: 'The token server could not be reached.',
    action:
      'Check token-url. If it is on another site, CORS is the likely cause: the server must send ' +
      'Access-Control-Allow-Origin for this page.',
    evidence: 'seen',
  },
  {
    id: 'TOKEN_FETCH_FAILED',
    title: 'No token could be had.',
    action: 'Check that the token server (token-url or tokenProvider) answers with { "token": "…" } for this channel.',
    evidence: 'seen',
  },
  {
    id: 'TOKEN_EXPIRE',
    title: 'The join token was refused or has expired.',
    action: 'Give a fresh token, made for this channel and uid; with a token-url it is renewed before it expires.',
    evidence: 'seen',
  },
  {
    id: 'INVALID_VENDOR_KEY',
    title: 'Agora refused the App ID or the token.',
    action: 'Check the App ID, and that the token was made with that App ID’s certificate.',
    evidence: 'inferred',
  },
  // ---- joining and the connection ----
  {
    id: 'NETWORK_ERROR',
    title: 'Agora could not be reached from here.',
    action: 'Check the internet connection; a firewall or a network that blocks Agora can also cause this.',
    evidence: 'seen',
  },
  {
    id: 'TIMEOUT',
    title: 'Agora did not answer in time.',
    action: 'Check the internet connection and try again; Agora may be unreachable from this network.',
    evidence: 'seen',
  },
  {
    id: 'NETWORK_TIMEOUT',
    title: 'A request to Agora timed out.',
    action: 'Check the internet connection and try again.',
    evidence: 'inferred',
  },
  {
    id: 'WS_ERR',
    title: 'The connection to Agora failed.',
    action: 'Check the internet connection; a proxy or firewall that blocks WebSockets can also cause this.',
    evidence: 'inferred',
  },
  {
    id: 'TIMEOUT:leave',
    title: 'Leaving the channel got no answer.',
    action: 'Nothing to do: the element stopped waiting and let the connection go.',
    evidence: 'seen',
  },
  {
    id: 'CAN_NOT_GET_GATEWAY_SERVER',
    title: 'Agora gave no server to join.',
    action: 'Check the App ID and the token; a refused App ID or an unreachable Agora service can cause this.',
    evidence: 'inferred',
  },
  {
    id: 'UID_CONFLICT',
    title: 'This uid is already in the channel from this page.',
    action: 'Give each element on the page a different uid, or leave uid out.',
    evidence: 'seen',
  },
  {
    id: 'UID_BANNED',
    title: 'This user was removed from the channel.',
    action: 'The channel’s owner banned this uid; ask them, or join with another uid.',
    evidence: 'seen',
  },
  {
    id: 'IP_BANNED',
    title: 'This network was removed from the channel.',
    action: 'The channel’s owner banned this IP address; ask them.',
    evidence: 'seen',
  },
  {
    id: 'CHANNEL_BANNED',
    title: 'The channel was closed by its owner.',
    action: 'Ask the channel’s owner; nobody can join it now.',
    evidence: 'seen',
  },
  {
    id: 'INVALID_OPERATION',
    title: 'The SDK refused the call in its current state.',
    action: 'Usually temporary (the client is not joined yet, or is leaving); if it persists, reload the page.',
    evidence: 'seen',
  },
  {
    id: 'OPERATION_ABORTED',
    title: 'The call was cancelled.',
    action: 'Nothing to do: the element left before the call finished.',
    evidence: 'seen',
  },
  {
    id: 'WS_ABORT',
    title: 'The connection was closed before it was ready.',
    action: 'Nothing to do if the element was removed; otherwise try again.',
    evidence: 'seen',
  },
  {
    id: 'WS_DISCONNECT',
    title: 'The relay’s connection is closed.',
    action: 'The relay needs the client to leave and join again; managed mode does this itself.',
    evidence: 'seen',
  },
  // ---- watching ----
  {
    id: 'INVALID_REMOTE_USER',
    title: 'A host left before they could be shown.',
    action: 'Nothing to do: their tile appears when they publish again.',
    evidence: 'inferred',
  },
  {
    id: 'REMOTE_USER_IS_NOT_PUBLISHED',
    title: 'A host stopped publishing before they could be shown.',
    action: 'Nothing to do: their tile appears when they publish again.',
    evidence: 'inferred',
  },
  // ---- camera and microphone (managed host) ----
  {
    id: 'PERMISSION_DENIED',
    title: 'The camera or microphone was refused.',
    action: 'Allow camera and microphone for this site in the browser’s address bar, then reload the page.',
    evidence: 'inferred',
  },
  {
    id: 'NOT_READABLE',
    title: 'The camera or microphone is in use or not working.',
    action: 'Close other apps or tabs that use it, or pick another device, then reload the page.',
    evidence: 'inferred',
  },
  {
    id: 'DEVICE_NOT_FOUND',
    title: 'No camera or microphone was found.',
    action: 'Connect one, or check that the browser may see it.',
    evidence: 'inferred',
  },
  // ---- the relay ----
  {
    id: 'RELAY_FAILURE',
    title: 'The relay failed.',
    action: `The SDK does not say why; most often a relay token expired or was made for another uid or channel. ${RENEWAL}`,
    evidence: 'seen',
  },
  {
    id: 'SRC_TOKEN_EXPIRED',
    title: 'The source relay token expired, so the whole relay stopped.',
    action: RENEWAL,
    evidence: 'inferred',
  },
  {
    id: 'DEST_TOKEN_EXPIRED',
    title: 'A destination’s relay token expired, so the whole relay stopped.',
    action: RENEWAL,
    evidence: 'inferred',
  },
  {
    id: 'SERVER_CONNECTION_LOST',
    title: 'The relay lost its connection to Agora.',
    action: 'It is started again when the connection returns; check the network if this repeats.',
    evidence: 'seen',
  },
  {
    id: 'UNEXPECTED_RESPONSE',
    title: 'Agora refused to start the relay.',
    action: RELAY_NOT_ENABLED,
    evidence: 'seen',
  },
  {
    id: 'NETWORK_RESPONSE_ERROR',
    title: 'Agora’s relay service answered with an error.',
    action: RELAY_NOT_ENABLED,
    evidence: 'seen',
  },
  {
    id: 'CROSS_CHANNEL_SERVER_ERROR_RESPONSE',
    title: 'Agora’s relay service refused the request.',
    action: RELAY_NOT_ENABLED,
    evidence: 'seen',
  },
  {
    id: 'CROSS_CHANNEL_WAIT_STATUS_ERROR',
    title: 'Agora’s relay service could not join a channel.',
    action: RELAY_NOT_ENABLED,
    evidence: 'seen',
  },
  {
    id: 'CROSS_CHANNEL_FAILED_JOIN_SRC',
    title: 'The relay could not join the source channel.',
    action: `Check the source relay token: it must be made for uid 0 and the source channel. ${RELAY_NOT_ENABLED}`,
    evidence: 'inferred',
  },
  {
    id: 'CROSS_CHANNEL_FAILED_JOIN_SEC',
    title: 'The relay could not join the source channel.',
    action: `Check the source relay token: it must be made for uid 0 and the source channel. ${RELAY_NOT_ENABLED}`,
    evidence: 'inferred',
  },
  {
    id: 'CROSS_CHANNEL_FAILED_JOIN_DEST',
    title: 'The relay could not join a destination channel.',
    action: `Check each destination token: it must be made for that destination’s uid and channel. ${RELAY_NOT_ENABLED}`,
    evidence: 'inferred',
  },
  {
    id: 'CROSS_CHANNEL_FAILED_PACKET_SENT_TO_DEST',
    title: 'The relay could not send to a destination channel.',
    action: RELAY_NOT_ENABLED,
    evidence: 'inferred',
  },
  // ---- anything else ----
  {
    id: 'UNEXPECTED_ERROR',
    title: 'Something unexpected went wrong.',
    action: 'Reload the page; if it happens again, the details are in the agora-relay-error event.',
    evidence: 'seen',
  },
];

/** Every entry, in the order the README lists them. */
export const ERROR_MESSAGES: readonly MessageEntry[] = entries;

const byId = new Map(entries.map((entry) => [entry.id, entry]));

/** Which catalogue entry describes this error: a variant of its code where one fits, else the code's own entry. */
export function messageIdFor(detail: Pick<RelayErrorDetail, 'code' | 'message'> & { operation?: string }): string {
  const { code, message = '', operation } = detail;
  if (code === 'INVALID_PARAMS' && /app-id/i.test(message)) return 'INVALID_PARAMS:app-id';
  if (code === 'TOKEN_FETCH_FAILED' && /could not be reached/.test(message)) return 'TOKEN_FETCH_FAILED:unreachable';
  if (code === 'TIMEOUT' && operation === 'leave') return 'TIMEOUT:leave';
  return byId.has(code) ? code : 'UNEXPECTED_ERROR';
}

export interface ErrorWords {
  id: string;
  title: string;
  action: string;
  evidence: Evidence;
}

/** Plain words and what to do for an `agora-relay-error` detail. Unknown codes get the generic entry. */
export function describeError(detail: Pick<RelayErrorDetail, 'code' | 'message'> & { operation?: string }): ErrorWords {
  const entry = byId.get(messageIdFor(detail)) as MessageEntry;
  return { ...entry };
}

/** A status line's words, with `{n}` (hosts, channels) and `{channel}` filled in. */
export function describeStatus(id: StatusId, values: { n?: number; channel?: string } = {}): string {
  let key: StatusId = id;
  if (values.n === 1 && (id === 'live' || id === 'relaying')) key = `${id}-one`;
  return STATUS_MESSAGES[key].replace('{n}', String(values.n ?? 0)).replace('{channel}', values.channel ?? '');
}
