// Helpers for the media tests on the real SDK through the stand-in with `media: true`: clients pointed at it, a
// relay started on the real SDK, and "frames grew by at least k within T" read from a playing <video> element.
import type { IAgoraRTC, IAgoraRTCClient, IAgoraRTCRemoteUser, IRemoteVideoTrack } from 'agora-rtc-sdk-ng';
import { createStandInClient } from '../../../src/testing/stand-in/browser.js';
import type { RemoteAgoraStandIn } from '../../../src/testing/stand-in/browser.js';
import { sleep, until } from './timing.js';

/** Frames the <video> element inside `container` has decoded and shown so far (0 without one). */
export function shownFrames(container: Element): number {
  const video = container.querySelector('video');
  return video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
}

/** Resolves once `frames()` grew by `atLeast` (from its value now); rejects after `withinMs` saying how far it got. */
export async function framesGrow(frames: () => number, atLeast: number, withinMs: number, what: string): Promise<number> {
  const start = frames();
  const deadline = performance.now() + withinMs;
  while (frames() - start < atLeast) {
    if (performance.now() > deadline) throw new Error(`${what}: ${frames() - start} new frames in ${withinMs} ms, wanted ${atLeast}`);
    await sleep(100);
  }
  return frames() - start;
}

export async function joinedClient(
  sdk: IAgoraRTC,
  standIn: RemoteAgoraStandIn,
  channel: string,
  uid: number,
  role: 'host' | 'audience',
): Promise<IAgoraRTCClient> {
  const client = createStandInClient(sdk, standIn.addresses, { mode: 'live', codec: 'vp8' }) as IAgoraRTCClient;
  await client.setClientRole(role);
  await client.join('stand-in-app', channel, null, uid);
  return client;
}

/** Waits for `uid` to have published video in `client`'s channel, subscribes, and plays it into a fresh element. */
export async function playRemoteVideo(client: IAgoraRTCClient, uid: number, timeoutMs = 10_000): Promise<HTMLElement> {
  await until(() => client.remoteUsers.some((user) => user.uid === uid && user.hasVideo), timeoutMs, `uid ${uid} publishing video`);
  const user = client.remoteUsers.find((each) => each.uid === uid) as IAgoraRTCRemoteUser;
  const track = (await client.subscribe(user, 'video')) as IRemoteVideoTrack;
  const container = document.createElement('div');
  container.className = 'remote-video';
  container.style.cssText = 'width: 160px; height: 120px';
  document.body.append(container);
  track.play(container);
  return container;
}

/** The stand-in's packet count from `source` to `subscriber` (channel/uid each), for one medium. */
export async function forwardedPackets(
  standIn: RemoteAgoraStandIn,
  source: string,
  subscriber: string,
  media: 'audio' | 'video' = 'video',
): Promise<number> {
  const { forwarded } = await standIn.media.stats();
  return forwarded
    .filter((path) => path.media === media)
    .filter((path) => `${path.source?.channel}/${path.source?.uid}` === source)
    .filter((path) => `${path.subscriber.channel}/${path.subscriber.uid}` === subscriber)
    .reduce((sum, path) => sum + path.packets, 0);
}

/** Leaves every client, ignoring failures (after a test, whatever state it ended in). */
export async function leaveAll(clients: IAgoraRTCClient[]): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.leave().catch(() => undefined)));
}

/** After a failed test: what the stand-in saw, compactly, on the test output (no pings, no join bodies). */
export async function reportStandInLog(standIn: RemoteAgoraStandIn): Promise<void> {
  const noise = new Set(['ping', 'traffic_stats', 'wrtc_stats']);
  const entries = (await standIn.log.entries()).filter(({ type }) => !noise.has(type));
  const lines = entries.map(({ at, service, direction, type, connection, message }) =>
    [at, service, direction, type, connection ?? '', type === 'join_v3' ? '…' : JSON.stringify(message ?? '')].join(' '),
  );
  console.warn(`stand-in log:\n${lines.join('\n')}\nmedia: ${JSON.stringify(await standIn.media.stats())}`);
}
