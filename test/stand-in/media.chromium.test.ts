// Media through the stand-in (`media: true`) on the real agora-rtc-sdk-ng 4.24.8: pictures reach a subscriber in the
// same channel, and in another channel while the real startChannelMediaRelay runs. Asserted as "frames grew by at
// least k within a generous T" on the <video> element, plus the stand-in's own packet counters for that path;
// never a frame rate (two shared cores).
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ICameraVideoTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import { startRemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import {
  forwardedPackets,
  framesGrow,
  joinedClient,
  leaveAll,
  playRemoteVideo,
  reportStandInLog,
  shownFrames,
} from './support/media-checks.js';
import { until } from './support/timing.js';

const FRAMES = 10;
const WITHIN_MS = 15_000;

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;
const clients: IAgoraRTCClient[] = [];
const tracks: ICameraVideoTrack[] = [];

async function publishingHost(channel: string, uid: number): Promise<IAgoraRTCClient> {
  const client = await joinedClient(sdk, standIn, channel, uid, 'host');
  clients.push(client);
  const camera = await sdk.createCameraVideoTrack({ encoderConfig: { width: 320, height: 240, frameRate: 15 } });
  tracks.push(camera);
  await client.publish(camera);
  return client;
}

async function audience(channel: string, uid: number): Promise<IAgoraRTCClient> {
  const client = await joinedClient(sdk, standIn, channel, uid, 'audience');
  clients.push(client);
  return client;
}

function relayTo(client: IAgoraRTCClient, source: string, destinations: [string, number][]) {
  const configuration = sdk.createChannelMediaRelayConfiguration();
  configuration.setSrcChannelInfo({ channelName: source, uid: 0 });
  for (const [channelName, uid] of destinations) configuration.addDestChannelInfo({ channelName, uid });
  return client.startChannelMediaRelay(configuration);
}

describe('media through the stand-in on the real SDK', function () {
  this.timeout(60_000);

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    standIn = await startRemoteAgoraStandIn({ media: true });
  });

  after(async () => {
    await standIn?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await reportStandInLog(standIn);
    for (const track of tracks.splice(0)) track.close();
    await leaveAll(clients);
    for (const element of document.querySelectorAll('body > div')) element.remove();
  });

  it('a subscriber in the same channel shows the host’s picture', async () => {
    const channel = `media-${++channels}`;
    await publishingHost(channel, 1001);
    const viewer = await audience(channel, 2001);
    const screen = await playRemoteVideo(viewer, 1001);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, 'frames of 1001 in the same channel');
    expect(await forwardedPackets(standIn, `${channel}/1001`, `${channel}/2001`)).to.be.greaterThan(FRAMES);
  });

  it('while a relay runs, the audience of the destination shows the source host’s picture; stopping it removes the user', async () => {
    const a = `media-a-${++channels}`;
    const b = `media-b-${channels}`;
    const host = await publishingHost(a, 1001);
    const viewer = await audience(b, 2002);
    const left: unknown[] = [];
    viewer.on('user-left', (user: { uid: unknown }, reason: string) => left.push(`${user.uid} ${reason}`));
    await relayTo(host, a, [[b, 3003]]);
    const screen = await playRemoteVideo(viewer, 3003);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, `frames of ${a}/1001 in ${b} as 3003`);
    expect(await forwardedPackets(standIn, `${a}/1001`, `${b}/2002`)).to.be.greaterThan(FRAMES);
    expect(viewer.remoteUsers.map((user) => user.uid)).to.deep.equal([3003]);

    await host.stopChannelMediaRelay();
    await until(() => left.length > 0, 5000, 'user-left in the destination');
    expect(left).to.deep.equal(['3003 Quit']);
    expect(viewer.remoteUsers).to.deep.equal([]);
  });
});
