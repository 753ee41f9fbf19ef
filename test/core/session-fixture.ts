// A joined, published host on the offline fake SDK, a RelaySession over it, and a recorder of what it says.
import { RelaySession, type RelaySessionOptions, type SessionDestination } from '../../src/core/index.js';
import type { RelaySessionEventMap } from '../../src/core/index.js';
import { createFakeAgoraRTC } from '../../src/testing/index.js';

export type Recorded = { [K in keyof RelaySessionEventMap]: { type: K; detail: RelaySessionEventMap[K]['detail'] } }[
  keyof RelaySessionEventMap
];

export function record(session: RelaySession): Recorded[] {
  const seen: Recorded[] = [];
  for (const type of [
    'channel-media-relay-state',
    'channel-media-relay-event',
    'agora-relay-error',
    'agora-relay-destination-status',
  ] as const) {
    session.addEventListener(type, (event: CustomEvent) => seen.push({ type, detail: event.detail } as Recorded));
  }
  return seen;
}

export function ofType<K extends Recorded['type']>(seen: Recorded[], type: K) {
  return seen.filter((entry) => entry.type === type).map((entry) => entry.detail as RelaySessionEventMap[K]['detail']);
}

export const destinations = (...names: string[]): SessionDestination[] => names.map((channelName) => ({ channelName }));

export interface HostOptions {
  join?: boolean;
  publish?: boolean;
  role?: 'host' | 'audience';
  latency?: number;
}

export async function makeHost(options: HostOptions = {}) {
  const AgoraRTC = createFakeAgoraRTC(options.latency === undefined ? {} : { latency: options.latency });
  const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
  await client.setClientRole(options.role ?? 'host');
  if (options.join !== false) await client.join('app-id', 'stage-a', null, 1001);
  const track = await AgoraRTC.createCameraVideoTrack();
  const publish = () => client.publish([track]);
  if (options.join !== false && options.publish !== false && options.role !== 'audience') await publish();
  return { AgoraRTC, client, track, publish };
}

export async function makeSession(
  options: HostOptions & { destinations?: SessionDestination[]; session?: RelaySessionOptions } = {},
) {
  const host = await makeHost(options);
  const session = new RelaySession({
    sdk: host.AgoraRTC,
    client: host.client,
    source: { channelName: 'stage-a' },
    destinations: options.destinations ?? destinations('stage-b'),
    ...options.session,
  });
  const seen = record(session);
  const calls = () => host.client.fake.calls.map((call) => call.method);
  return { ...host, session, seen, calls };
}

/** Lets a task go by: the session acts a task after a change. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Waits until `check` holds, or fails after `ms` with `what`: a missing outcome fails fast instead of hanging. */
export async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
