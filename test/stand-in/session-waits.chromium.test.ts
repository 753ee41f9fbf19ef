// Issue 9, item 6 on the REAL agora-rtc-sdk-ng through the local stand-in: a token request that never answers,
// or a relay call the SDK never answers, delays no stop. What reached Agora is read from the stand-in's log.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import { RelaySession, type RelayClient, type RelaySdk, type SessionDestination } from '../../src/core/index.js';
import { createStandInClient, startRemoteAgoraStandIn, type RemoteAgoraStandIn } from '../../src/testing/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { ofType, record, type Recorded } from '../core/session-fixture.js';
import { until } from './support/timing.js';

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

describe('RelaySession on the real SDK: no wait holds a stop', function () {
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
    await client.join('stand-in-app', `waits-${++channels}`, null, 1001);
    const canvas = document.createElement('canvas');
    canvas.getContext('2d')?.fillRect(0, 0, 10, 10);
    track = sdk.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
    await client.publish(track);
  });

  afterEach(async () => {
    await session?.dispose();
    track.close();
    await client.leave();
  });

  const open = (destinations: SessionDestination[], tokenProvider?: () => Promise<string>) => {
    session = new RelaySession({
      sdk: sdk as unknown as RelaySdk,
      client: client as unknown as RelayClient,
      source: { channelName: client.channelName!, token: 'src-token' },
      destinations,
      tokenProvider: tokenProvider ?? null,
    });
    seen = record(session);
  };
  const running = () => session.state === 'RELAY_STATE_RUNNING';
  /** Milliseconds from now until the stand-in receives the relay's stop. */
  const msUntilStopReachesAgora = async () => {
    const began = performance.now();
    await standIn.log.waitFor({ service: 'relay', direction: 'in', type: 'StopPacketTransfer' }, 3000);
    return performance.now() - began;
  };

  it('a token request that never answers: detaching the client stops the relay within a second', async () => {
    let asked = 0;
    open([{ channelName: 'dest-b', token: 'b-token' }], () => {
      asked += 1;
      return new Promise<string>(() => undefined);
    });
    await until(running, 5000, 'RUNNING on the given tokens');
    await standIn.log.clear();
    session.destinations = [{ channelName: 'dest-b', token: 'b-token' }, { channelName: 'dest-c' }];
    await until(() => asked === 1, 2000, 'the token request for dest-c');
    session.client = null;
    expect(await msUntilStopReachesAgora()).to.be.below(1000);
    await session.settled();
    expect(ofType(seen, 'agora-relay-error'), 'nothing failed: the token was no longer needed').to.deep.equal([]);
  });

  it('an update the SDK does not answer: stop() stops the relay within a second and says why', async () => {
    open([{ channelName: 'dest-b', token: 'b-token' }]);
    await until(running, 5000, 'RUNNING');
    await standIn.log.clear();
    await standIn.relay.reply('UpdateDestChannel', { ignore: true, times: 1 });
    session.destinations = [{ channelName: 'dest-b', token: 'b-token' }, { channelName: 'dest-c', token: 'c-token' }];
    await standIn.log.waitFor({ service: 'relay', direction: 'in', type: 'UpdateDestChannel' }, 3000);
    const stopped = session.stop().catch((error: unknown) => error);
    expect(await msUntilStopReachesAgora()).to.be.below(1000);
    await stopped;
    await until(() => session.state === 'RELAY_STATE_IDLE', 3000, 'IDLE');
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.include(['TIMEOUT', 'update']);
  });
});
