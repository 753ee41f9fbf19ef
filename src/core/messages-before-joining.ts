// What the elements say about what goes wrong before a channel is joined: their input (refused before any SDK
// call), loading the SDK, and tokens. Part of the catalogue (messages-catalogue.ts), in the README's order.
import type { MessageEntry } from './message-entry.js';

export const BEFORE_JOINING_MESSAGES: MessageEntry[] = [
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
];
