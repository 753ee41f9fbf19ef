// The page side of the stand-in media benchmark (bench/stand-in-media.mjs): real agora-rtc-sdk-ng clients joined
// through the stand-in program, Chromium's fake camera and microphone. Everything it makes, `teardown()` closes.
import type { IAgoraRTC, IAgoraRTCClient, IAgoraRTCRemoteUser, ILocalTrack, IRemoteVideoTrack } from 'agora-rtc-sdk-ng';
import { createStandInClient } from '../src/testing/stand-in/browser.js';
import type { StandInAddresses } from '../src/testing/stand-in/browser.js';

declare global {
  interface Window {
    AgoraRTC: IAgoraRTC;
    standInBench: typeof bench;
  }
}

/** 4.24.8 quirk (see test/stand-in/support/media-world.ts): a relay's setVideoProfile rejecting after a stop. */
window.addEventListener('unhandledrejection', (event) => {
  if (String((event.reason as Error)?.stack ?? '').includes('setVideoProfile')) event.preventDefault();
});

/** Every peer connection the SDK makes, for the frames its encoder sent (the SDK's own stats give only rates). */
const connections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
    super(...args);
    connections.push(this);
  }
};

/** The peer connections each client made while it joined (so its stats can be told from the others'). */
const connectionsOf = new Map<IAgoraRTCClient, RTCPeerConnection[]>();

interface VideoCounts {
  framesSent: number;
  framesReceived: number;
  framesDecoded: number;
  framesDropped: number;
  packetsLost: number;
  /** Audio and video packets received: what the stand-in forwarded to this client. */
  packetsReceived: number;
}

/** A client's video counters from its peer connections' stats (outbound: sent; inbound: received, decoded, …). */
async function videoCounts(client: IAgoraRTCClient | undefined): Promise<VideoCounts> {
  const counts: VideoCounts = { framesSent: 0, framesReceived: 0, framesDecoded: 0, framesDropped: 0, packetsLost: 0, packetsReceived: 0 };
  for (const connection of (client && connectionsOf.get(client)) ?? []) {
    if (connection.connectionState === 'closed') continue;
    (await connection.getStats()).forEach((report: Partial<VideoCounts> & { type: string; kind?: string }) => {
      if (report.type === 'inbound-rtp') counts.packetsReceived += report.packetsReceived ?? 0;
      if (report.kind !== 'video') return;
      if (report.type === 'outbound-rtp') counts.framesSent += report.framesSent ?? 0;
      if (report.type !== 'inbound-rtp') return;
      counts.framesReceived += report.framesReceived ?? 0;
      counts.framesDecoded += report.framesDecoded ?? 0;
      counts.framesDropped += report.framesDropped ?? 0;
      counts.packetsLost += report.packetsLost ?? 0;
    });
  }
  return counts;
}

const VIDEO = { width: 640, height: 480, frameRate: 15 };
let addresses: StandInAddresses;
const clients: IAgoraRTCClient[] = [];
const tracks: ILocalTrack[] = [];
const players: HTMLElement[] = [];
let round = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sdk = () => window.AgoraRTC;

async function client(channel: string, uid: number, role: 'host' | 'audience'): Promise<IAgoraRTCClient> {
  const made = createStandInClient(sdk(), addresses, { mode: 'live', codec: 'vp8' }) as IAgoraRTCClient;
  clients.push(made);
  await made.setClientRole(role);
  const before = connections.length;
  await made.join('bench-app', channel, null, uid);
  connectionsOf.set(made, connections.slice(before));
  return made;
}

async function host(channel: string, uid: number): Promise<IAgoraRTCClient> {
  const made = await client(channel, uid, 'host');
  const camera = await sdk().createCameraVideoTrack({ encoderConfig: VIDEO, optimizationMode: 'detail' });
  const microphone = await sdk().createMicrophoneAudioTrack();
  tracks.push(camera, microphone);
  await made.publish([camera, microphone]);
  return made;
}

/** Resolves with the user once `uid` has published video in `audience`'s channel. */
function published(audience: IAgoraRTCClient, uid: number): Promise<IAgoraRTCRemoteUser> {
  const present = audience.remoteUsers.find((user) => user.uid === uid && user.hasVideo);
  if (present) return Promise.resolve(present);
  return new Promise((resolve) => {
    const seen = (user: IAgoraRTCRemoteUser, media: string) => {
      if (user.uid !== uid || media !== 'video') return;
      audience.off('user-published', seen);
      resolve(user);
    };
    audience.on('user-published', seen);
  });
}

/** Subscribes to video (and audio), plays the video, and resolves with its <video> at its first decoded frame. */
async function watch(audience: IAgoraRTCClient, user: IAgoraRTCRemoteUser): Promise<HTMLVideoElement> {
  const track = (await audience.subscribe(user, 'video')) as IRemoteVideoTrack;
  if (user.hasAudio) await audience.subscribe(user, 'audio');
  const box = document.createElement('div');
  box.style.cssText = 'width: 160px; height: 120px';
  document.body.append(box);
  players.push(box);
  track.play(box);
  const video = box.querySelector('video');
  if (!video) throw new Error('bench: no <video> after play()');
  await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
  return video;
}

function relayTo(source: IAgoraRTCClient, destinations: string[], uid: number): Promise<void> {
  const configuration = sdk().createChannelMediaRelayConfiguration();
  configuration.setSrcChannelInfo({ channelName: source.channelName ?? '', uid: 0 });
  for (const channelName of destinations) configuration.addDestChannelInfo({ channelName, uid });
  return source.startChannelMediaRelay(configuration);
}

const bench = {
  init(given: StandInAddresses) {
    addresses = given;
    sdk().setLogLevel(4);
    sdk().disableLogUpload();
  },

  /** One round: same-channel subscribe → first frame, and relay start → first frame in the destination. */
  async latency() {
    round += 1;
    const [a, b] = [`lat-${round}-a`, `lat-${round}-b`];
    const source = await host(a, 1);
    const direct = await client(a, 11, 'audience');
    const remote = await client(b, 12, 'audience');
    const user = await published(direct, 1);
    const subscribedAt = performance.now();
    await watch(direct, user);
    const sameChannel = performance.now() - subscribedAt;

    const startedAt = performance.now();
    const arrives = published(remote, 1001);
    await relayTo(source, [b], 1001);
    const running = performance.now() - startedAt;
    const relayed = await arrives;
    const publishedAt = performance.now() - startedAt;
    const subscribing = performance.now();
    await watch(remote, relayed);
    const relay = performance.now() - startedAt;
    const subscribeToFrame = performance.now() - subscribing;
    await bench.teardown();
    return { sameChannel, relay, running, publishedAt, subscribeToFrame };
  },

  /** A host in `src-N` relaying to `count` destinations, one audience watching in each (and one in the source if `direct`). */
  async forward(count: number, direct = false) {
    round += 1;
    const source = await host(`fwd-${round}-src`, 1);
    // One join at a time: each client's peer connections are the ones made during its join.
    const audiences: IAgoraRTCClient[] = [];
    for (let index = 0; index < count; index += 1) audiences.push(await client(`fwd-${round}-d${index}`, 20 + index, 'audience'));
    const videos: HTMLVideoElement[] = [];
    const watchers: IAgoraRTCClient[] = [];
    if (direct) {
      const watcher = await client(`fwd-${round}-src`, 19, 'audience');
      watchers.push(watcher);
      videos.push(await watch(watcher, await published(watcher, 1)));
    }
    watchers.push(...audiences);
    if (count > 0) {
      await relayTo(source, audiences.map((audience) => audience.channelName ?? ''), 1001);
      for (const audience of audiences) videos.push(await watch(audience, await published(audience, 1001)));
    }
    (window as unknown as { videos: HTMLVideoElement[] }).videos = videos;
    (window as unknown as { source: IAgoraRTCClient }).source = source;
    (window as unknown as { watchers: IAgoraRTCClient[] }).watchers = watchers;
    await sleep(2000);
    return videos.length;
  },

  /** Frames shown by each watched <video>, and the publisher's send frame rate now (SDK stats). */
  async sample() {
    const videos = (window as unknown as { videos: HTMLVideoElement[] }).videos ?? [];
    const source = (window as unknown as { source?: IAgoraRTCClient }).source;
    const stats = source?.getLocalVideoStats();
    return {
      at: performance.now(),
      frames: videos.map((video) => video.getVideoPlaybackQuality().totalVideoFrames),
      dropped: videos.map((video) => video.getVideoPlaybackQuality().droppedVideoFrames),
      sendFrameRate: stats?.sendFrameRate ?? 0,
      sendPackets: stats?.sendPackets ?? 0,
      source: await videoCounts(source),
      watchers: await Promise.all(((window as unknown as { watchers?: IAgoraRTCClient[] }).watchers ?? []).map(videoCounts)),
    };
  },

  async teardown() {
    await Promise.all(clients.splice(0).map((each) => each.leave().catch(() => undefined)));
    for (const track of tracks.splice(0)) track.close();
    for (const box of players.splice(0)) box.remove();
    connections.splice(0);
    connectionsOf.clear();
    await sleep(1500); // the stand-in closes each edge a second after its client left
  },
};

window.standInBench = bench;
document.title = 'ready';
