// The fake's behaviour where the real SDK cannot be run here without Agora's servers (a running relay, failures,
// drops, remote users, tokens, tracks): checked against the references it follows (reference §2/§3, protocol
// reference §4). The contract cases (offline/network) check everything both implementations can run.
import '../support/guard.js';
import { expect } from '@open-wc/testing';
import { createFakeAgoraRTC } from '../../src/testing/index.js';
import type { FakeAgoraRTC, FakeClient } from '../../src/testing/index.js';
import { expectRejects, recordClient, settleWithin, sleep } from './cases/helpers.js';

const STARTED = [
  'state:RELAY_STATE_CONNECTING/1',
  'event:NETWORK_CONNECTED',
  'event:PACKET_JOINED_SRC_CHANNEL',
  'event:PACKET_JOINED_DEST_CHANNEL',
  'event:PACKET_SENT_TO_DEST_CHANNEL',
  'state:RELAY_STATE_RUNNING/1',
];

describe('fake AgoraRTC (behaviour from the references)', () => {
  let AgoraRTC: FakeAgoraRTC;
  let client: FakeClient;
  let log: string[];

  function config(dests: { channelName: string; uid: number; token?: string }[] = [{ channelName: 'dest-a', uid: 11 }]) {
    const relay = AgoraRTC.createChannelMediaRelayConfiguration();
    relay.setSrcChannelInfo({ channelName: 'source', uid: 0 });
    for (const dest of dests) relay.addDestChannelInfo(dest);
    return relay;
  }

  beforeEach(() => {
    AgoraRTC = createFakeAgoraRTC();
    client = AgoraRTC.createClient({ codec: 'vp8', mode: 'live', role: 'host' });
    client.fake.forceJoined(7);
    log = recordClient(client as never);
  });

  afterEach(async () => {
    for (const each of AgoraRTC.fake.clients) await each.leave().catch(() => undefined);
  });

  describe('relay (reference §2 order, protocol reference §4)', () => {
    it('start: CONNECTING synchronously, then the events in order, RUNNING, then the promise resolves', async () => {
      let resolvedAt = -1;
      const start = client.startChannelMediaRelay(config()).then(() => (resolvedAt = log.length));
      expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
      expect(client.fake.inFlight).to.equal(1);
      await start;
      expect(log).to.deep.equal(STARTED);
      expect(resolvedAt).to.equal(STARTED.length);
      expect(client.fake.inFlight).to.equal(0);
      expect(client.fake.calls).to.deep.equal([
        { method: 'start', settled: true, outcome: 'resolved', config: { src: { channelName: 'source', uid: 0 }, dests: [{ channelName: 'dest-a', uid: 11 }] } },
      ]);
    });

    it('update: PACKET_UPDATE_DEST_CHANNEL then resolves; the call records a snapshot of the whole list', async () => {
      const relay = config();
      await client.startChannelMediaRelay(relay);
      log.length = 0;
      const added = { channelName: 'dest-b', uid: 12, token: 'tok' };
      relay.addDestChannelInfo(added);
      const update = client.updateChannelMediaRelay(relay);
      added.uid = 99; // the config holds a reference; the record keeps the values sent
      await update;
      expect(log).to.deep.equal(['event:PACKET_UPDATE_DEST_CHANNEL']);
      expect(client.fake.calls[1]!.config!.dests).to.deep.equal([
        { channelName: 'dest-a', uid: 11 },
        { channelName: 'dest-b', uid: 12, token: 'tok' },
      ]);
    });

    it('stop: IDLE and resolves; a new start after a clean stop works', async () => {
      await client.startChannelMediaRelay(config());
      log.length = 0;
      await client.stopChannelMediaRelay();
      expect(log).to.deep.equal(['state:RELAY_STATE_IDLE/1']);
      log.length = 0;
      await client.startChannelMediaRelay(config());
      expect(log).to.deep.equal(STARTED);
    });

    it('relayFail: IDLE then FAILURE in the same task, state only; then stuck until leave()', async () => {
      await client.startChannelMediaRelay(config());
      log.length = 0;
      client.fake.relayFail('DEST_TOKEN_EXPIRED');
      expect(log).to.deep.equal(['state:RELAY_STATE_IDLE/1', 'state:RELAY_STATE_FAILURE/1']);
      await expectRejects(client.startChannelMediaRelay(config()), 'INVALID_OPERATION', '');
      await expectRejects(client.updateChannelMediaRelay(config()), 'INVALID_OPERATION', '');
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
      log.length = 0;
      await client.leave();
      expect(log.filter((entry) => entry.startsWith('state:'))).to.deep.equal(['state:RELAY_STATE_IDLE/1']);
      client.fake.forceJoined(7);
      log.length = 0;
      await client.startChannelMediaRelay(config());
      expect(log).to.deep.equal(STARTED);
    });

    it('a start failing before its socket (NETWORK_ERROR) leaves the relay stuck', async () => {
      client.fake.failNext('start', 'NETWORK_ERROR', 'Network Error');
      await expectRejects(client.startChannelMediaRelay(config()), 'NETWORK_ERROR', 'Network Error');
      expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
      expect(client.fake.relayState).to.equal('RELAY_STATE_CONNECTING');
      await expectRejects(client.startChannelMediaRelay(config()), 'INVALID_OPERATION', '');
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
    });

    for (const code of ['CROSS_CHANNEL_SERVER_ERROR_RESPONSE', 'CROSS_CHANNEL_WAIT_STATUS_ERROR', 'TIMEOUT']) {
      it(`a start failing after its socket opened (${code}): no FAILURE, stop succeeds, start works again`, async () => {
        client.fake.failNext('start', code);
        await expectRejects(client.startChannelMediaRelay(config()), code, '');
        expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1', 'event:NETWORK_CONNECTED', 'event:PACKET_JOINED_SRC_CHANNEL']);
        await expectRejects(client.startChannelMediaRelay(config()), 'INVALID_OPERATION', '');
        log.length = 0;
        await client.stopChannelMediaRelay();
        expect(log).to.deep.equal(['state:RELAY_STATE_IDLE/1']);
        log.length = 0;
        await client.startChannelMediaRelay(config());
        expect(log).to.deep.equal(STARTED);
      });
    }

    it('a failed update (TIMEOUT) leaves the relay running and usable', async () => {
      await client.startChannelMediaRelay(config());
      log.length = 0;
      client.fake.failNext('update', 'TIMEOUT');
      await expectRejects(client.updateChannelMediaRelay(config()), 'TIMEOUT', '');
      expect(log).to.deep.equal([]);
      await client.updateChannelMediaRelay(config());
      expect(log).to.deep.equal(['event:PACKET_UPDATE_DEST_CHANNEL']);
    });

    it('socket drop with reconnect: NETWORK_DISCONNECTED, IDLE, then a restart without a second NETWORK_CONNECTED', async () => {
      await client.startChannelMediaRelay(config());
      log.length = 0;
      client.fake.dropRelaySocket({ reconnect: true });
      expect(log).to.deep.equal(['event:NETWORK_DISCONNECTED', 'state:RELAY_STATE_IDLE/1']);
      await sleep(30);
      expect(log).to.deep.equal([
        'event:NETWORK_DISCONNECTED',
        'state:RELAY_STATE_IDLE/1',
        'event:PACKET_JOINED_SRC_CHANNEL',
        'event:PACKET_JOINED_DEST_CHANNEL',
        'event:PACKET_SENT_TO_DEST_CHANNEL',
        'state:RELAY_STATE_RUNNING/1',
      ]);
    });

    it('socket drop with reconnect refused: NETWORK_DISCONNECTED, IDLE, silence; stop rejects WS_DISCONNECT', async () => {
      await client.startChannelMediaRelay(config());
      log.length = 0;
      client.fake.dropRelaySocket({ reconnect: false });
      await sleep(30);
      expect(log).to.deep.equal(['event:NETWORK_DISCONNECTED', 'state:RELAY_STATE_IDLE/1']);
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
      await expectRejects(client.updateChannelMediaRelay(config()), 'INVALID_OPERATION', '');
    });

    it('hold: the call waits for release(); overlapping calls are counted', async () => {
      const hold = client.fake.hold('start');
      const start = client.startChannelMediaRelay(config());
      await sleep(10);
      expect(hold.called).to.be.true;
      expect((await settleWithin(start, 20)).status).to.equal('pending');
      const stop = client.stopChannelMediaRelay();
      expect(client.fake.maxInFlight).to.equal(2);
      await expectRejects(stop, 'WS_DISCONNECT', '');
      hold.release();
      await start;
      expect(log).to.deep.equal(STARTED);
      expect(client.fake.inFlight).to.equal(0);
    });

    it('hold: reject(code) fails the held call', async () => {
      const hold = client.fake.hold('update');
      await client.startChannelMediaRelay(config());
      const update = client.updateChannelMediaRelay(config());
      hold.reject('TIMEOUT', 'late');
      await expectRejects(update, 'TIMEOUT', 'late');
      expect(client.fake.calls.at(-1)).to.include({ method: 'update', outcome: 'rejected', code: 'TIMEOUT' });
    });

    it('delay: answers come no earlier than the delay', async () => {
      client.fake.delay('start', 60);
      const started = performance.now();
      await client.startChannelMediaRelay(config());
      expect(performance.now() - started).to.be.at.least(55);
    });

    it('emitRelayEvent delivers one event', () => {
      client.fake.emitRelayEvent('PACKET_RECEIVED_AUDIO_FROM_SRC');
      expect(log).to.deep.equal(['event:PACKET_RECEIVED_AUDIO_FROM_SRC']);
    });

    it('offline with bounded retries, a relay start rejects NETWORK_ERROR and sticks (reference §3.3)', async () => {
      const bounded = AgoraRTC.createClient({
        codec: 'vp8',
        mode: 'rtc',
        httpRetryConfig: { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 },
      });
      bounded.fake.forceJoined();
      AgoraRTC.fake.network.drop();
      expect(AgoraRTC.fake.network.online).to.be.false;
      await expectRejects(bounded.startChannelMediaRelay(config()), 'NETWORK_ERROR', 'Network Error');
      AgoraRTC.fake.network.restore();
      await expectRejects(bounded.startChannelMediaRelay(config()), 'INVALID_OPERATION', '');
    });
  });

  describe('client', () => {
    it('join online: CONNECTING, CONNECTED, resolves with the uid; leave: DISCONNECTING, DISCONNECTED (LEAVE)', async () => {
      const other = AgoraRTC.createClient({ codec: 'vp8', mode: 'rtc' });
      const events = recordClient(other as never);
      expect(await other.join('app', 'channel', null, 42)).to.equal(42);
      expect(other.uid).to.equal(42);
      expect(other.channelName).to.equal('channel');
      const assigned = await AgoraRTC.createClient({ codec: 'vp8', mode: 'rtc' }).join('app', 'channel', null);
      expect(typeof assigned).to.equal('number');
      await other.leave();
      expect(events).to.deep.equal([
        'conn:DISCONNECTED->CONNECTING',
        'conn:CONNECTING->CONNECTED',
        'conn:CONNECTED->DISCONNECTING',
        'conn:DISCONNECTING->DISCONNECTED(LEAVE)',
      ]);
      expect(other.uid === undefined).to.be.true;
    });

    it('failNext(join) rejects the join with the code', async () => {
      const other = AgoraRTC.createClient({ codec: 'vp8', mode: 'rtc' });
      other.fake.failNext('join', 'CAN_NOT_GET_GATEWAY_SERVER', 'no gateway');
      await expectRejects(other.join('app', 'channel', null), 'CAN_NOT_GET_GATEWAY_SERVER', 'no gateway');
      expect(other.connectionState).to.equal('DISCONNECTED');
    });

    it('remote users: joined, published, unpublished per media, left with reason Quit', () => {
      client.on('user-joined', (user: { uid: unknown }) => log.push(`joined:${String(user.uid)}`));
      client.on('user-published', (user: { uid: unknown }, type: string) => log.push(`published:${String(user.uid)}:${type}`));
      client.on('user-unpublished', (user: { uid: unknown }, type: string) => log.push(`unpublished:${String(user.uid)}:${type}`));
      client.on('user-left', (user: { uid: unknown }, reason: string) => log.push(`left:${String(user.uid)}:${reason}`));
      client.fake.addRemoteUser(3);
      client.fake.publishRemote(3, 'audio');
      client.fake.publishRemote(3, 'video');
      expect(client.remoteUsers.map((user) => [user.uid, user.hasAudio, user.hasVideo])).to.deep.equal([[3, true, true]]);
      client.fake.unpublishRemote(3, 'audio');
      client.fake.removeRemoteUser(3);
      expect(log).to.deep.equal(['joined:3', 'published:3:audio', 'published:3:video', 'unpublished:3:audio', 'unpublished:3:video', 'left:3:Quit']);
      expect(client.remoteUsers.length).to.equal(0);
    });

    // Measured on the real SDK through the local stand-in (test/stand-in): DISCONNECTING comes first.
    it('tokens: will-expire; did-expire after DISCONNECTING, DISCONNECTED (TOKEN_EXPIRE)', () => {
      client.on('token-privilege-will-expire', () => log.push('will-expire'));
      client.on('token-privilege-did-expire', () => log.push('did-expire'));
      client.fake.pushTokenWillExpire();
      client.fake.pushTokenDidExpire();
      expect(log).to.deep.equal([
        'will-expire',
        'conn:CONNECTED->DISCONNECTING',
        'conn:DISCONNECTING->DISCONNECTED(TOKEN_EXPIRE)',
        'did-expire',
      ]);
    });

    it('renewToken resolves when joined; failNext makes it reject', async () => {
      await client.renewToken('new-token');
      client.fake.failNext('renewToken', 'INVALID_OPERATION', 'nope');
      await expectRejects(client.renewToken('newer'), 'INVALID_OPERATION', 'nope');
    });

    it('listenerCount counts listeners per event and in total', () => {
      const listener = () => undefined;
      const before = client.fake.listenerCount();
      client.on('user-joined', listener);
      expect(client.fake.listenerCount('user-joined')).to.equal(1);
      expect(client.fake.listenerCount()).to.equal(before + 1);
      client.off('user-joined', listener);
      expect(client.fake.listenerCount()).to.equal(before);
    });

    it('publish needs a host and a local track; unpublish removes it', async () => {
      const track = await AgoraRTC.createCameraVideoTrack();
      const audience = AgoraRTC.createClient({ codec: 'vp8', mode: 'live' });
      audience.fake.forceJoined();
      await expectRejects(audience.publish(track), 'INVALID_OPERATION', 'audience can not publish stream');
      await client.publish(track);
      expect(client.localTracks.length).to.equal(1);
      await client.unpublish();
      expect(client.localTracks.length).to.equal(0);
      track.close();
    });
  });

  describe('tracks', () => {
    it('camera: a live video track that plays into an element', async () => {
      const track = await AgoraRTC.createCameraVideoTrack();
      expect(track.trackMediaType).to.equal('video');
      expect(track.getMediaStreamTrack().kind).to.equal('video');
      expect(track.getMediaStreamTrack().readyState).to.equal('live');
      const host = document.createElement('div');
      document.body.append(host);
      track.play(host);
      expect(host.querySelector('video') !== null, 'a video element').to.be.true;
      track.stop();
      expect(host.querySelector('video') === null, 'removed on stop').to.be.true;
      track.close();
      expect(track.getMediaStreamTrack().readyState).to.equal('ended');
      host.remove();
    });

    it('microphone: a silent audio track', async () => {
      const track = await AgoraRTC.createMicrophoneAudioTrack();
      expect(track.trackMediaType).to.equal('audio');
      expect(track.getMediaStreamTrack().kind).to.equal('audio');
      expect(track.enabled).to.be.true;
      track.close();
    });

    it('custom video track wraps the given MediaStreamTrack', async () => {
      const camera = await AgoraRTC.createCameraVideoTrack();
      const custom = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: camera.getMediaStreamTrack() });
      expect(custom.getMediaStreamTrack() === camera.getMediaStreamTrack(), 'same track').to.be.true;
      camera.close();
    });

    it('failNextTrack makes the next creation reject (PERMISSION_DENIED, NOT_READABLE)', async () => {
      AgoraRTC.fake.failNextTrack('camera', 'PERMISSION_DENIED');
      AgoraRTC.fake.failNextTrack('microphone', 'NOT_READABLE');
      await expectRejects(AgoraRTC.createCameraVideoTrack(), 'PERMISSION_DENIED', 'NotAllowedError: Permission denied');
      await expectRejects(AgoraRTC.createMicrophoneAudioTrack(), 'NOT_READABLE');
      const track = await AgoraRTC.createCameraVideoTrack();
      track.close();
    });
  });
});
