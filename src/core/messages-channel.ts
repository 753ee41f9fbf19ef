// What the elements say about being in a channel: joining and the connection, watching the hosts, and the camera
// and microphone of managed mode. Part of the catalogue (messages-catalogue.ts), in the README's order.
import type { MessageEntry } from './message-entry.js';

export const CHANNEL_MESSAGES: MessageEntry[] = [
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
  // ---- co-hosts' audio and dual stream (managed host) ----
  {
    id: 'INVALID_VOLUME',
    title: 'A co-host volume is not allowed.',
    action: 'Set cohost-volume (or the volume given to setCohostVolume) to a whole number from 0 to 100; the volume stays as it was.',
    evidence: 'seen',
  },
  {
    id: 'dual-stream',
    title: 'The low stream for small screens could not be published.',
    action: 'Nothing to do for the show: viewers get the high stream. Remove dual-stream if this browser keeps refusing it.',
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
  {
    id: 'DEVICE_NOT_FOUND:device-id',
    title: 'The chosen camera or microphone is not connected.',
    action: 'Pick one the browser lists (camera-id, microphone-id); the one in use keeps running.',
    evidence: 'seen',
  },
  {
    id: 'PERMISSION_DENIED:screen-share',
    title: 'Screen sharing did not start: it was refused or cancelled.',
    action: 'Add screen-share again and choose a screen, window or tab when the browser asks; the camera stays on meanwhile.',
    evidence: 'inferred',
  },
  {
    id: 'INVALID_TRACK',
    title: 'A track given to publish is of the wrong kind.',
    action: 'Give an audio track as tracks.audio and a video track as tracks.video; the host’s own device is used meanwhile.',
    evidence: 'seen',
  },
];
