// Two hosts relaying to each other through the stand-in with media, on the real SDK: only each host's own streams are
// relayed, never the ones relayed into its channel (no loop: each audience sees exactly its own host and the other
// one), and a destination uid someone already has in that channel leaves that user alone.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { framesGrow, playRemoteVideo, reportStandInLog, shownFrames } from './support/media-checks.js';
import { MediaWorld } from './support/media-world.js';
import { sleep, until } from './support/timing.js';

let world: MediaWorld;

describe('two hosts relaying through the stand-in with media', function () {
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

  it('relaying to each other makes no loop: each audience sees its own host and the other one, with frames', async () => {
    const [a = '', b = ''] = world.channels('pair', 2);
    const hostA = await world.host(a, 1001);
    const hostB = await world.host(b, 1002);
    const inA = await world.audience(a, 2001);
    const inB = await world.audience(b, 2002);
    await world.relay(hostA, [[b, 5001]]);
    await world.relay(hostB, [[a, 5002]]);

    const screenA = await playRemoteVideo(inA, 5002);
    const screenB = await playRemoteVideo(inB, 5001);
    await framesGrow(() => shownFrames(screenA), 10, 15_000, `B's picture in ${a}`);
    await framesGrow(() => shownFrames(screenB), 10, 15_000, `A's picture in ${b}`);
    // Time for a loop to show, were there one.
    await sleep(1500);
    const uids = (client: typeof inA) => client.remoteUsers.map((user) => user.uid).sort();
    expect(uids(inA), `the audience of ${a}`).to.deep.equal([1001, 5002]);
    expect(uids(inB), `the audience of ${b}`).to.deep.equal([1002, 5001]);
    // The hosts also see the audience of their channel: the stand-in does not model roles.
    expect(uids(hostA), 'host A').to.deep.equal([2001, 5002]);
    expect(uids(hostB), 'host B').to.deep.equal([2002, 5001]);

    const { forwarded } = await world.standIn.media.stats();
    const sources = new Set(forwarded.filter((path) => path.packets > 0).map((path) => `${path.source?.channel}/${path.source?.uid}`));
    expect([...sources].sort(), 'every forwarded packet came from a host’s own stream').to.deep.equal([`${a}/1001`, `${b}/1002`]);
  });

  it('a destination uid already taken in that channel: the user there stays, the relay brings nobody in', async () => {
    const [a = '', b = ''] = world.channels('taken', 2);
    const hostA = await world.host(a, 1001);
    const hostB = await world.host(b, 1002);
    const inB = await world.audience(b, 2002);
    const left: unknown[] = [];
    inB.on('user-left', (user: { uid: unknown }) => left.push(user.uid));
    const screen = await playRemoteVideo(inB, 1002);
    const framesBefore = shownFrames(screen);

    await world.relay(hostA, [[b, 1002]]);
    expect(hostA.connectionState).to.equal('CONNECTED');
    const taken = await world.standIn.log.waitFor({ service: 'relay', type: 'relay uid taken' }, 5000);
    expect(taken.message).to.deep.equal({ channelName: b, uid: 1002 });
    await sleep(1000);
    expect(inB.remoteUsers.map((user) => user.uid)).to.deep.equal([1002]);
    expect(left).to.deep.equal([]);
    await framesGrow(() => shownFrames(screen), 5, 10_000, `B's own picture in ${b} after the refused relay`);
    expect(shownFrames(screen)).to.be.greaterThan(framesBefore);

    await hostA.stopChannelMediaRelay();
    await sleep(300);
    expect(left, 'stopping the relay takes nobody away').to.deep.equal([]);
    await until(() => hostB.connectionState === 'CONNECTED', 100, 'host B still connected');
  });
});
