// What the elements say about the channel media relay, and about anything nobody foresaw. Part of the catalogue
// (messages-catalogue.ts), in the README's order.
import type { MessageEntry } from './message-entry.js';

const RELAY_NOT_ENABLED =
  'Channel media relay must be enabled for this App ID by Agora support; until it is, the relay fails with ' +
  'generic errors. Also check that each relay token was generated for the uid and channel it is used with.';
const RENEWAL =
  'With a token-url or tokenProvider, fresh tokens are fetched when the relay starts again; otherwise set new tokens.';

export const RELAY_MESSAGES: MessageEntry[] = [
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
