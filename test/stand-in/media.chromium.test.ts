// Media through the stand-in (`media: true`) on the real agora-rtc-sdk-ng 4.24.8: pictures reach a subscriber in the
// same channel, and in another channel while the real startChannelMediaRelay runs. Asserted as "frames grew by at
// least k within a generous T" on the <video> element, plus the stand-in's own packet counters for that path;
// never a frame rate (two shared cores).
import { expect } from '@open-wc/testing';
import type { IRemoteAudioTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import { forwardedPackets, framesGrow, playRemoteVideo, reportStandInLog, shownFrames } from './support/media-checks.js';
import { MediaWorld } from './support/media-world.js';
import { until } from './support/timing.js';

const FRAMES = 10;
const WITHIN_MS = 15_000;

let world: MediaWorld;

describe('media through the stand-in on the real SDK', function () {
  this.timeout(60_000);

  before(async () => {
    world = await MediaWorld.start();
  });

  after(async () => {
    await world?.standIn.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await reportStandInLog(world.standIn);
    await world.cleanUp();
  });

  it('a subscriber in the same channel shows the host’s picture and receives its sound', async () => {
    const [channel = ''] = world.channels('same', 1);
    await world.host(channel, 1001, { audio: true });
    const viewer = await world.audience(channel, 2001);
    const screen = await playRemoteVideo(viewer, 1001);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, 'frames of 1001 in the same channel');
    expect(await forwardedPackets(world.standIn, `${channel}/1001`, `${channel}/2001`)).to.be.greaterThan(FRAMES);

    const [user] = viewer.remoteUsers;
    const sound = (await viewer.subscribe(user!, 'audio')) as IRemoteAudioTrack;
    await until(() => sound.getStats().receivePackets > 20, WITHIN_MS, 'audio packets of 1001');
    expect(await forwardedPackets(world.standIn, `${channel}/1001`, `${channel}/2001`, 'audio')).to.be.greaterThan(20);
  });

  it('while a relay runs, the audience of the destination shows the source host’s picture; stopping it removes the user', async () => {
    const [a = '', b = ''] = world.channels('relay', 2);
    const host = await world.host(a, 1001);
    const viewer = await world.audience(b, 2002);
    const left: string[] = [];
    viewer.on('user-left', (user: { uid: unknown }, reason: string) => left.push(`${user.uid} ${reason}`));
    await world.relay(host, [[b, 3003]]);
    const screen = await playRemoteVideo(viewer, 3003);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, `frames of ${a}/1001 in ${b} as 3003`);
    expect(await forwardedPackets(world.standIn, `${a}/1001`, `${b}/2002`)).to.be.greaterThan(FRAMES);
    expect(viewer.remoteUsers.map((user) => user.uid)).to.deep.equal([3003]);

    await host.stopChannelMediaRelay();
    await until(() => left.length > 0, 5000, 'user-left in the destination');
    expect(left).to.deep.equal(['3003 Quit']);
    expect(viewer.remoteUsers).to.deep.equal([]);
  });

  it('an update adds and removes destinations: the added one shows the picture, the removed one sees user-left', async () => {
    const [a = '', b = '', c = ''] = world.channels('update', 3);
    const host = await world.host(a, 1001);
    const inB = await world.audience(b, 2002);
    const inC = await world.audience(c, 2003);
    const leftC: string[] = [];
    inC.on('user-left', (user: { uid: unknown }, reason: string) => leftC.push(`${user.uid} ${reason}`));
    await world.relay(host, [[b, 0]]);
    await until(() => inB.remoteUsers.length === 1, 5000, `A's relayed user in ${b}`);
    const assigned = inB.remoteUsers[0]!.uid as number;
    expect(assigned, 'uid 0: the stand-in assigns one').to.be.greaterThan(0);

    await host.updateChannelMediaRelay(world.relayConfiguration(a, [[b, 0], [c, 4004]]));
    const screen = await playRemoteVideo(inC, 4004);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, `frames of ${a}/1001 in ${c}`);
    expect(inB.remoteUsers.map((user) => user.uid), 'b keeps its relayed user').to.deep.equal([assigned]);

    await host.updateChannelMediaRelay(world.relayConfiguration(a, [[b, 0]]));
    await until(() => leftC.length > 0, 5000, `user-left in ${c}`);
    expect(leftC).to.deep.equal(['4004 Quit']);
    expect(inB.remoteUsers.map((user) => user.uid)).to.deep.equal([assigned]);
  });

  it('unpublishing at the source unpublishes the relayed user; publishing again brings the picture back', async () => {
    const [a = '', b = ''] = world.channels('republish', 2);
    const host = await world.host(a, 1001);
    const viewer = await world.audience(b, 2002);
    const unpublished: string[] = [];
    viewer.on('user-unpublished', (user: { uid: unknown }, media: string) => unpublished.push(`${user.uid} ${media}`));
    await world.relay(host, [[b, 3003]]);
    await playRemoteVideo(viewer, 3003);
    const [camera] = host.localTracks;
    await host.unpublish(camera);
    await until(() => unpublished.length > 0, 5000, 'user-unpublished in the destination');
    expect(unpublished).to.deep.equal(['3003 video']);
    expect(viewer.remoteUsers.map((user) => [user.uid, user.hasVideo])).to.deep.equal([[3003, false]]);

    await host.publish(camera!);
    const screen = await playRemoteVideo(viewer, 3003);
    await framesGrow(() => shownFrames(screen), FRAMES, WITHIN_MS, 'frames of the republished camera in the destination');
  });

  it('after every client left, no peer and no edge stays open', async () => {
    const [a = '', b = ''] = world.channels('clean', 2);
    const host = await world.host(a, 1001, { audio: true });
    const viewer = await world.audience(b, 2002);
    await world.relay(host, [[b, 3003]]);
    await playRemoteVideo(viewer, 3003);
    expect((await world.standIn.media.stats()).peers).to.equal(2);
    await world.cleanUp();
    let stats = await world.standIn.media.stats();
    for (const deadline = performance.now() + 5000; stats.edges > 0 && performance.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      stats = await world.standIn.media.stats();
    }
    expect({ peers: stats.peers, edges: stats.edges }).to.deep.equal({ peers: 0, edges: 0 });
  });
});
