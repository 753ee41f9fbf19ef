// The relay core (RelaySession) on the REAL agora-rtc-sdk-ng through the local stand-in, when the relay socket closes
// under an unanswered SetVideoProfile (the request the SDK sends, without awaiting it, at the end of every start): a
// leave, or the server dropping the socket, rejected it WS_ABORT, unhandled inside the SDK (src/core/sdk-quirks.ts).
// The stand-in withholds its answer so the window is always open; without that it is one round trip after a start.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import { RelaySession, type RelayClient, type RelaySdk } from '../../src/core/index.js';
import { createStandInClient, startRemoteAgoraStandIn, type RemoteAgoraStandIn } from '../../src/testing/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { sleep, until } from './support/timing.js';

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

/** Rejections nobody handled, read a task after each fires (so every listener, the page-wide quirk's too, had its say). */
function watchUnhandled(): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const listener = (event: PromiseRejectionEvent) => {
    const reason = event.reason as { code?: unknown; message?: unknown } | null;
    setTimeout(() => {
      if (!event.defaultPrevented) seen.push(`${String(reason?.code)}: ${String(reason?.message)}`);
    });
  };
  window.addEventListener('unhandledrejection', listener);
  return { seen, stop: () => window.removeEventListener('unhandledrejection', listener) };
}

describe('RelaySession on the real SDK when the relay socket closes under an unanswered SetVideoProfile', function () {
  this.timeout(30_000);
  let client: IAgoraRTCClient;
  let track: ILocalVideoTrack;
  let session: RelaySession | undefined;
  let unhandled: ReturnType<typeof watchUnhandled>;

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    standIn = await startRemoteAgoraStandIn();
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(async () => {
    await standIn.reset();
    unhandled = watchUnhandled();
    client = createStandInClient(sdk, standIn.addresses, { mode: 'live', codec: 'vp8' });
    await client.setClientRole('host');
    await client.join('stand-in-app', `socket-close-${++channels}`, null, 1001);
    const canvas = document.createElement('canvas');
    canvas.getContext('2d')?.fillRect(0, 0, 10, 10);
    track = sdk.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
    await client.publish(track);
    await standIn.relay.reply('SetVideoProfile', { ignore: true });
    session = new RelaySession({
      sdk: sdk as unknown as RelaySdk,
      client: client as unknown as RelayClient,
      source: { channelName: client.channelName! },
      destinations: [{ channelName: 'dest-b' }],
    });
    await until(() => session?.state === 'RELAY_STATE_RUNNING', 5000, 'RUNNING');
    await standIn.log.waitFor({ service: 'relay', direction: 'in', type: 'SetVideoProfile' }, 5000);
  });

  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    track.close();
    if (client.connectionState !== 'DISCONNECTED') await client.leave();
    unhandled.stop();
  });

  it('a leave: no unhandled WS_ABORT', async () => {
    await client.leave();
    await sleep(1000);
    expect(unhandled.seen).to.deep.equal([]);
  });

  it('the server drops the relay socket (the SDK restarts the relay): no unhandled WS_ABORT', async () => {
    await standIn.log.clear();
    await standIn.relay.dropSockets();
    // The SDK's own restart ends with another unanswered SetVideoProfile, which the leave then aborts.
    await standIn.log.waitFor({ service: 'relay', direction: 'in', type: 'SetVideoProfile' }, 10_000);
    await client.leave();
    await sleep(1000);
    expect(unhandled.seen).to.deep.equal([]);
  });

  it('a page’s own WS_ABORT still reaches unhandledrejection', async () => {
    await client.leave();
    const own = Object.assign(new Error('The page’s own.'), { code: 'WS_ABORT' });
    const reached: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => {
      if (event.reason !== own) return;
      reached.push(event.reason);
      event.preventDefault(); // expected here: not a failure of this test
    };
    window.addEventListener('unhandledrejection', listener);
    try {
      void Promise.reject(own);
      await until(() => reached.length === 1, 2000, 'the page’s own rejection');
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
  });
});
