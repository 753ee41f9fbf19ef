// The one catalogue of what the elements say to a person: every status and every error code they report, in plain
// words with what to do about it. Loaded lazily (with the audience or managed mode), never by the entry.
// README.md's tables of statuses and errors are tested against these lists (test/node/readme-messages.test.mjs).
// The error entries live in three files by when they happen; a new one goes in its group, where the README lists it.
import type { MessageEntry } from './message-entry.js';
import { BEFORE_JOINING_MESSAGES } from './messages-before-joining.js';
import { CHANNEL_MESSAGES } from './messages-channel.js';
import { RELAY_MESSAGES } from './messages-relay.js';

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
  'on-air': 'Live in “{channel}”. Not relaying to any channel.',
  preview: 'Preview: you are not live yet.',
  'microphone-muted': 'Microphone muted.',
  'camera-off': 'Camera off.',
  'screen-sharing': 'Sharing your screen.',
} as const;

export type StatusId = keyof typeof STATUS_MESSAGES;

/** Every error entry, in the order the README lists them. */
export const ERROR_MESSAGES: readonly MessageEntry[] = [...BEFORE_JOINING_MESSAGES, ...CHANNEL_MESSAGES, ...RELAY_MESSAGES];
