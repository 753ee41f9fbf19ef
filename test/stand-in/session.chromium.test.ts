// The relay core (RelaySession) on the REAL agora-rtc-sdk-ng 4.24.8, on a real join and publish through the local
// Agora stand-in: its rules hold on the real SDK, not only on the fake. What reached Agora is read from the
// stand-in's log of relay commands.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import { RelaySession, type RelayClient, type RelaySdk, type SessionDestination } from '../../src/core/index.js';
import { createStandInClient, startRemoteAgoraStandIn, type RemoteAgoraStandIn } from '../../src/testing/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { ofType, record, type Recorded } from '../core/session-fixture.js';
import { until } from './support/timing.js';
import { withoutPreStartStops } from './support/sdk-version.js';

const dests = (...names: string[]): SessionDestination[] => names.map((channelName) => ({ channelName }));

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

/** The relay commands the stand-in received, as `Command:dest1,dest2` where they carry destinations. */
async function relayCommands(): Promise<string[]> {
  const entries = withoutPreStartStops(await standIn.log.entries({ service: 'relay', direction: 'in' }));
  return entries
    .filter(({ type }) => !['ping', 'socket open', 'socket closed', 'SetSdkProfile', 'SetVideoProfile'].includes(type))
    .map(({ type, message }) => {
      const names = (message as { channelName?: unknown }).channelName;
      return Array.isArray(names) ? `${type}:${names.join(',')}` : type;
    });
}

describe('RelaySession on the real SDK through the local stand-in', function () {
  this.timeout(30_000);
  let client: IAgoraRTCClient;
  let track: ILocalVideoTrack;
  let session: RelaySession;
  let seen: Recorded[];

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    standIn = await startRemoteAgoraStandIn();
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(async () => {
    await standIn.reset();
    client = createStandInClient(sdk, standIn.addresses, { mode: 'live', codec: 'vp8' });
    await client.setClientRole('host');
    await client.join('stand-in-app', `session-${++channels}`, null, 1001);
    const canvas = document.createElement('canvas');
    canvas.getContext('2d')?.fillRect(0, 0, 10, 10);
    track = sdk.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
  });

  afterEach(async () => {
    await session?.dispose();
    track.close();
    await client.leave();
  });

  const open = (destinations: SessionDestination[]) => {
    session = new RelaySession({
      sdk: sdk as unknown as RelaySdk,
      client: client as unknown as RelayClient,
      source: { channelName: client.channelName! },
      destinations,
    });
    seen = record(session);
  };
  const running = () => session.state === 'RELAY_STATE_RUNNING';

  it('starts only once the client has published, on its own', async () => {
    open(dests('dest-b', 'dest-c'));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await relayCommands(), 'nothing before publish').to.deep.equal([]);
    await client.publish(track);
    await until(running, 3000, 'RUNNING after publish');
    expect(await relayCommands()).to.deep.equal([
      'SetSourceChannel',
      'SetSourceUserId',
      'SetDestChannel:dest-b,dest-c',
      'StartPacketTransfer',
    ]);
    expect(ofType(seen, 'channel-media-relay-event').map((e) => e.event)).to.deep.equal([
      'NETWORK_CONNECTED',
      'PACKET_JOINED_SRC_CHANNEL',
      'PACKET_JOINED_DEST_CHANNEL',
      'PACKET_SENT_TO_DEST_CHANNEL',
    ]);
  });

  it('turns a burst of changes made in one task into one update with the whole list', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    await standIn.log.clear();
    for (let i = 0; i < 20; i += 1) session.destinations = dests('dest-b', `extra-${i}`);
    session.destinations = dests('dest-c', 'dest-d', 'dest-b');
    await session.settled();
    expect(await relayCommands()).to.deep.equal(['UpdateDestChannel:dest-c,dest-d,dest-b']);
    expect(ofType(seen, 'channel-media-relay-event').at(-1)?.event).to.equal('PACKET_UPDATE_DEST_CHANNEL');
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['relaying', 'relaying', 'relaying']);
  });

  it('removing the last destination stops; adding one starts again', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    await standIn.log.clear();
    session.destinations = [];
    await session.settled();
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    session.destinations = dests('dest-c');
    await session.settled();
    await until(running, 3000, 'RUNNING again');
    expect(await relayCommands()).to.deep.equal([
      'StopPacketTransfer',
      'SetSourceChannel',
      'SetSourceUserId',
      'SetDestChannel:dest-c',
      'StartPacketTransfer',
    ]);
  });

  it('a failed (unanswered) update restarts the relay with the new list', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    await standIn.log.clear();
    await standIn.relay.reply('UpdateDestChannel', { ignore: true, times: 1 });
    session.destinations = dests('dest-b', 'dest-c');
    // The SDK's own 3 s answer timeout, then stop and start.
    await until(() => ofType(seen, 'agora-relay-error').length > 0, 6000, 'the update error');
    await session.settled();
    await until(running, 3000, 'RUNNING after the restart');
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([['TIMEOUT', 'update']]);
    expect(await relayCommands()).to.deep.equal([
      'UpdateDestChannel:dest-b,dest-c',
      'StopPacketTransfer',
      'SetSourceChannel',
      'SetSourceUserId',
      'SetDestChannel:dest-b,dest-c',
      'StartPacketTransfer',
    ]);
  });

  it('a token expiry is one FAILURE; the stuck relay gets no call until leave and join', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    seen.length = 0;
    await standIn.log.clear();
    await standIn.relay.pushStatus('onDestTokenPrivilegeDidExpire');
    await until(() => session.state === 'RELAY_STATE_FAILURE', 3000, 'FAILURE');
    session.destinations = dests('dest-c');
    await session.settled();
    expect(ofType(seen, 'channel-media-relay-state')).to.deep.equal([
      { state: 'RELAY_STATE_FAILURE', previousState: 'RELAY_STATE_RUNNING' },
    ]);
    expect(ofType(seen, 'agora-relay-error').map((e) => e.code)).to.deep.equal(['RELAY_FAILURE']);
    expect(await relayCommands(), 'nothing sent to a stuck relay').to.deep.equal([]);
    await client.leave();
    await client.join('stand-in-app', `session-${++channels}`, null, 1001);
    await client.publish(track);
    session.source = { channelName: client.channelName! };
    await until(running, 4000, 'RUNNING after leave and join');
  });

  it('a start refused after its socket opened is reported, cleaned up with a stop, and retried on the next change', async () => {
    await client.publish(track);
    await standIn.relay.reply('SetDestChannel', { fail: 500, times: 1 });
    open(dests('dest-b'));
    await until(() => ofType(seen, 'agora-relay-error').length > 0, 4000, 'the start error');
    await session.settled();
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([
      ['CROSS_CHANNEL_SERVER_ERROR_RESPONSE', 'start'],
    ]);
    expect((await relayCommands()).at(-1)).to.equal('StopPacketTransfer');
    session.destinations = dests('dest-b', 'dest-c');
    await until(running, 4000, 'RUNNING on the next change');
  });

  it('a dropped relay socket the SDK restores needs nothing; a refused reconnect is caught by the watchdog', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    seen.length = 0;
    await standIn.relay.dropSockets();
    await until(() => ofType(seen, 'channel-media-relay-state').length >= 2 && running(), 3000, 'the SDK restart');
    expect(ofType(seen, 'agora-relay-error')).to.deep.equal([]);
    await standIn.relay.refuseConnections(true);
    await standIn.relay.dropSockets();
    // Silence from the SDK: the session's own watchdog (3 s) reports it, stops, and holds the stuck relay.
    await until(() => ofType(seen, 'agora-relay-error').length >= 2, 7000, 'the watchdog');
    await session.settled();
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([
      ['SERVER_CONNECTION_LOST', 'start'],
      ['WS_DISCONNECT', 'stop'],
    ]);
    await standIn.relay.refuseConnections(false);
  });

  it('an automatic restart that fails midway is caught by the watchdog, stopped and started afresh', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    seen.length = 0;
    // The SDK replays the whole start on a new socket; refusing its SetDestChannel leaves it IDLE, socket open.
    await standIn.relay.reply('SetDestChannel', { fail: 500, times: 1 });
    await standIn.relay.dropSockets();
    await until(() => ofType(seen, 'agora-relay-error').length >= 1, 7000, 'the watchdog');
    await until(running, 5000, 'RUNNING again after a fresh start');
    await session.settled();
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([
      ['SERVER_CONNECTION_LOST', 'start'],
    ]);
    const commands = await relayCommands();
    expect(commands.slice(-5)).to.deep.equal([
      'StopPacketTransfer',
      'SetSourceChannel',
      'SetSourceUserId',
      'SetDestChannel:dest-b',
      'StartPacketTransfer',
    ]);
  });

  it('dispose stops the relay on the real client', async () => {
    await client.publish(track);
    open(dests('dest-b'));
    await until(running, 3000, 'RUNNING');
    await standIn.log.clear();
    await session.dispose();
    expect(await relayCommands()).to.deep.equal(['StopPacketTransfer']);
    expect(client.connectionState, 'the page’s client stays joined').to.equal('CONNECTED');
  });
});
