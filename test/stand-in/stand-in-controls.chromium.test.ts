// Controls of the stand-in that have no counterpart in the fake, on the real SDK: bans, an access point that refuses,
// users already in the channel, two real clients in one channel, and the self-signed certificate being fresh.
import '../support/guard.js';
import { expect } from '@open-wc/testing';
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { Recorder } from './support/recorder.js';
import { createStandInWorld } from './support/stand-in-world.js';
import type { StandInWorld } from './support/stand-in-world.js';
import { until } from './support/timing.js';

const APP_ID = 'stand-in-app';
const JOINED = ['connection DISCONNECTED→CONNECTING', 'connection CONNECTING→CONNECTED', 'join: resolved'];

describe('real agora-rtc-sdk-ng 4.24.8 through the local stand-in: controls', function () {
  let world: StandInWorld;
  const clients: IAgoraRTCClient[] = [];
  const recorder = new Recorder();
  const client = () => {
    const made = world.createClient();
    clients.push(made);
    recorder.watch(made);
    return made;
  };

  before(async function () {
    this.timeout(20_000);
    world = await createStandInWorld();
  });
  afterEach(async () => {
    recorder.detach();
    recorder.steps.length = 0;
    await Promise.allSettled(clients.splice(0).map((each) => each.leave()));
    await world.reset();
  });
  after(() => world?.stop());

  it('a ban (on_user_banned 14) disconnects with UID_BANNED, directly (no DISCONNECTING)', async () => {
    const c = client();
    await recorder.outcome('join', c.join(APP_ID, world.channel('ban'), null, 3001));
    await world.standIn.gateway.ban(14, { channel: c.channelName!, uid: 3001 });
    await until(() => recorder.steps.some((step) => step.includes('UID_BANNED')), 3000, 'UID_BANNED');
    expect(recorder.steps).to.deep.equal([...JOINED, 'connection CONNECTED→DISCONNECTED UID_BANNED']);
  });

  it('an access point that refuses (buffer.code ≠ 0) fails the join: CAN_NOT_GET_GATEWAY_SERVER, in seconds', async function () {
    this.timeout(15_000);
    await world.standIn.accessPoint.reply({ fail: 1 });
    const c = client();
    await recorder.outcome('join', c.join(APP_ID, world.channel('ap'), null, 3002));
    expect(recorder.steps).to.deep.equal([
      'connection DISCONNECTED→CONNECTING',
      'connection CONNECTING→DISCONNECTED',
      'join: rejected CAN_NOT_GET_GATEWAY_SERVER',
    ]);
    expect(recorder.took.join, 'join took (ms), with the stand-in’s bounded retries').to.be.below(5000);
  });

  it('users already in the channel, publishing, are announced after the join', async () => {
    const channel = world.channel('present');
    await world.standIn.users.join(channel, 3101);
    await world.standIn.users.publish(channel, 3101, 'video');
    const c = client();
    await recorder.outcome('join', c.join(APP_ID, channel, null, 3003));
    await until(() => recorder.steps.includes('user-published 3101 video'), 3000, 'user-published');
    expect(recorder.steps).to.deep.equal([...JOINED, 'user-joined 3101', 'user-published 3101 video']);
  });

  it('two real clients in one channel see each other join, publish and leave', async () => {
    const channel = world.channel('pair');
    const first = client();
    await first.join(APP_ID, channel, null, 3004);
    const second = world.createClient();
    clients.push(second);
    await second.join(APP_ID, channel, null, 3005);
    const canvas = document.createElement('canvas');
    const track = world.sdk.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
    try {
      await second.publish(track);
      await until(() => recorder.steps.includes('user-published 3005 video'), 3000, 'user-published');
      await second.leave();
      await until(() => recorder.steps.includes('user-left 3005 Quit'), 3000, 'user-left');
    } finally {
      track.close();
    }
    expect(recorder.steps.slice(2)).to.deep.equal([
      'user-joined 3005',
      'user-published 3005 video',
      'user-unpublished 3005 video',
      'user-left 3005 Quit',
    ]);
  });

  it('a remote user in a channel is not announced in another', async () => {
    const c = client();
    await recorder.outcome('join', c.join(APP_ID, world.channel('alone'), null, 3006));
    await world.standIn.users.join(world.channel('elsewhere'), 3201);
    await world.standIn.gateway.tokenWillExpire({ channel: 'no-such-channel' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.steps).to.deep.equal(JOINED);
  });
});
