// Helpers for the element tests on the real SDK through the local stand-in: what the stand-in received (relay
// commands with their channel names, uids and tokens; gateway requests), what the host dispatched (DOM events, in
// order), a canvas video track, and tokens from the example endpoint mounted at /agora/token.
import type { IAgoraRTC, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import type { RemoteAgoraStandIn, StandInLogEntry } from '../../../src/testing/stand-in/browser.js';
import { withoutPreStartStops } from './sdk-version.js';

/** One relay command as the stand-in received it; list fields are the SDK's parallel arrays. */
export interface RelayCommand {
  type: string;
  channelName?: string | string[];
  uid?: string | string[];
  token?: string | string[];
}

/** The relay's own bookkeeping, left out of command lists: pings, sockets, profiles. */
const RELAY_NOISE = new Set(['ping', 'socket open', 'socket closed', 'SetSdkProfile', 'SetVideoProfile']);

/** The relay commands the stand-in received (in order), with what they carried; as 4.24.8 sends them (sdk-version.ts). */
export async function relayCommands(standIn: RemoteAgoraStandIn): Promise<RelayCommand[]> {
  const entries = withoutPreStartStops(await standIn.log.entries({ service: 'relay', direction: 'in' }));
  return entries
    .filter(({ type }) => !RELAY_NOISE.has(type))
    .map(({ type, message }) => {
      const { channelName, uid, token } = (message ?? {}) as Omit<RelayCommand, 'type'>;
      const command: RelayCommand = { type };
      if (channelName !== undefined) command.channelName = channelName;
      if (uid !== undefined) command.uid = uid;
      if (token !== undefined) command.token = token;
      return command;
    });
}

/** Only the command names, e.g. `['StopPacketTransfer']`. */
export async function relayCommandTypes(standIn: RemoteAgoraStandIn): Promise<string[]> {
  return (await relayCommands(standIn)).map(({ type }) => type);
}

/** The destination list a SetDestChannel / UpdateDestChannel carried, as `name/uid` pairs. */
export function destinationsOf(command: RelayCommand | undefined): string[] {
  const names = [command?.channelName ?? []].flat();
  const uids = [command?.uid ?? []].flat();
  return names.map((name, index) => `${name}/${uids[index] ?? '?'}`);
}

/** Everything the SDK sent to the stand-in (any service), in order, without pings and stats (4.23 sends `wrtc_stats`). */
export async function received(standIn: RemoteAgoraStandIn): Promise<StandInLogEntry[]> {
  const entries = await standIn.log.entries({ direction: 'in' });
  return entries.filter(({ type }) => !['ping', 'traffic_stats', 'wrtc_stats'].includes(type));
}

/** A DOM event the host (or a destination, bubbling up) dispatched. */
export interface SeenEvent {
  type: string;
  detail: Record<string, unknown>;
  target: EventTarget | null;
  bubbles: boolean;
  composed: boolean;
}

/** Records the given events as they reach `element`, in order. */
export function listen(element: HTMLElement, types: readonly string[]): SeenEvent[] {
  const seen: SeenEvent[] = [];
  for (const type of types) {
    element.addEventListener(type, (event) => {
      const { detail } = event as CustomEvent<Record<string, unknown>>;
      seen.push({ type, detail, target: event.target, bubbles: event.bubbles, composed: event.composed });
    });
  }
  return seen;
}

/** The details of one event type, in order. */
export function details(seen: SeenEvent[], type: string): Record<string, unknown>[] {
  return seen.filter((event) => event.type === type).map((event) => event.detail);
}

/** A real local video track from a canvas (no camera needed). */
export function canvasVideoTrack(sdk: IAgoraRTC): ILocalVideoTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = '#3a6';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  const [mediaStreamTrack] = canvas.captureStream(5).getVideoTracks();
  if (!mediaStreamTrack) throw new Error('canvas.captureStream() gave no video track');
  return sdk.createCustomVideoTrack({ mediaStreamTrack });
}

/** A token minted by the example endpoint (examples/token-server.mjs at /agora/token). */
export async function endpointToken(channelName: string, uid: number, purpose: 'join' | 'relay-source' | 'relay-destination') {
  const query = new URLSearchParams({ channelName, uid: String(uid), purpose });
  const response = await fetch(`/agora/token?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`/agora/token answered HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The requests this page made to the token endpoint so far, as `purpose channelName uid`, in order. */
export function tokenRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname === '/agora/token')
    .map((url) => ['purpose', 'channelName', 'uid'].map((key) => url.searchParams.get(key)).join(' '));
}

/** An AccessToken2 as the endpoint mints them. */
export const ACCESS_TOKEN_2 = /^007[A-Za-z0-9+/=]{40,}$/;

/** Lets a task go by: the host turns each task's changes into one SDK call. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
