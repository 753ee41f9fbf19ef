// Dual stream on the fake SDK: a managed host with `dual-stream` publishes a low stream once published (a failure is
// an error and the show goes on), switches it live, and <agora-relay-audience> subscribes small tiles to a host's low
// stream and big ones to its high stream; the audience mirrors network-quality too.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { SMALL_TILE_WIDTH } from '../../src/core/stream-types.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import { activatePage, details, hostPublishes, listen, mountAudience, shadow } from './audience-fixture.js';

async function mountHost(setup: (client: FakeClient) => void = () => undefined, dualStream = true) {
  const AgoraRTC = createFakeAgoraRTC();
  const log: string[] = [];
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    for (const method of ['join', 'publish', 'enableDualStream', 'disableDualStream', 'startChannelMediaRelay'] as const) {
      const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
      (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        log.push(method);
        return original(...args);
      };
    }
    setup(client);
    return client;
  }) as FakeAgoraRTC['createClient'];
  const element = await fixture<AgoraRelayHost>(html`
    <agora-relay-host channel-name="stage-a" ?dual-stream=${dualStream}>
      <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
    </agora-relay-host>
  `);
  const seen = listen(element, ['agora-relay-error']);
  element.sdk = AgoraRTC;
  element.appId = 'app-id';
  const client = () => clients[0] as FakeClient;
  await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run');
  return { element, client, log, seen };
}

describe('<agora-relay-host dual-stream> (managed mode) on the fake SDK', () => {
  it('publishes, then enables the low stream, once', async () => {
    const { client, log, seen } = await mountHost();
    await until(() => client().fake.dualStream, 'the low stream');
    expect(log.filter((call) => call !== 'startChannelMediaRelay')).to.deep.equal(['join', 'publish', 'enableDualStream']);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('without dual-stream, no low stream; switched on while live, it is enabled, and off again, disabled', async () => {
    const { element, client, log } = await mountHost(undefined, false);
    await element.updateComplete;
    expect(log).not.to.include('enableDualStream');
    element.dualStream = true;
    await until(() => client().fake.dualStream, 'the low stream');
    element.dualStream = false;
    await until(() => !client().fake.dualStream, 'the low stream to stop');
    expect(log.filter((call) => call.endsWith('DualStream'))).to.deep.equal(['enableDualStream', 'disableDualStream']);
  });

  it('a refused low stream is an agora-relay-error, and the high stream and the relay go on', async () => {
    const { element, client, seen } = await mountHost((client) => client.fake.failNext('enableDualStream', 'NOT_SUPPORTED', 'dual stream is not supported'));
    await until(() => details(seen, 'agora-relay-error').length > 0, 'the error');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([
      {
        code: 'NOT_SUPPORTED',
        message: 'dual-stream: could not publish the low stream (dual stream is not supported); the high stream goes on.',
        operation: 'publish',
      },
    ]);
    expect(client().fake.dualStream).to.be.false;
    expect(client().localTracks.length, 'microphone and camera still published').to.equal(2);
    expect(element.state).to.equal('RELAY_STATE_RUNNING');
    const status = () => element.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';
    await until(() => status().startsWith('The low stream'), 'the status line', 10_000);
    expect(status(), 'the status line says what failed, and that the show goes on').to.equal(
      'The low stream for small screens could not be published. Nothing to do for the show: viewers get the high stream. Remove dual-stream if this browser keeps refusing it.',
    );
  });
});

describe('<agora-relay-audience>: small tiles on a host’s low stream', () => {
  before(activatePage);

  /** The element 700 px wide; its grid's columns at least `tileWidth` wide (the page's own CSS variable). */
  const tiles = (element: HTMLElement, tileWidth: number) => element.style.setProperty('--agora-relay-tile-width', `${tileWidth}px`);
  async function watching(tileWidth: number) {
    const mounted = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, undefined, '', (element) => {
      element.style.width = '700px';
      tiles(element, tileWidth);
    });
    await until(() => mounted.client()?.connectionState === 'CONNECTED', 'the join');
    return mounted;
  }
  const tile = (element: Element, uid: number) => shadow(element).querySelector<HTMLElement>(`[part="remote"][data-uid="${uid}"]`);

  it(`a tile narrower than ${SMALL_TILE_WIDTH} px asks for the low stream, and for the high one when it grows`, async () => {
    const { element, client } = await watching(200);
    hostPublishes(client(), 1001);
    await until(() => client().fake.streamTypes.get(1001) === 1, 'the low stream for the small tile');
    expect(tile(element, 1001)!.clientWidth).to.be.below(SMALL_TILE_WIDTH);
    tiles(element, 600);
    await until(() => client().fake.streamTypes.get(1001) === 0, 'the high stream for the big tile');
    expect(tile(element, 1001)!.clientWidth).to.be.at.least(SMALL_TILE_WIDTH);
    tiles(element, 150);
    await until(() => client().fake.streamTypes.get(1001) === 1, 'the low stream again');
  });

  it('a big tile stays on the high stream (no call), and an audio-only host is never asked about', async () => {
    const { element, client, seen } = await watching(600);
    hostPublishes(client(), 1001, ['audio']);
    await until(() => !!tile(element, 1001), 'the placeholder tile');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(client().fake.streamTypes.has(1001), 'a big tile: the SDK’s default, no call').to.be.false;
    tiles(element, 200);
    await until(() => tile(element, 1001)!.clientWidth < SMALL_TILE_WIDTH, 'the small tile');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(client().fake.streamTypes.has(1001), 'no stream type for audio only').to.be.false;
    client().fake.publishRemote(1001, 'video');
    await until(() => client().fake.streamTypes.get(1001) === 1, 'the low stream once it has video');
    tiles(element, 600);
    await until(() => client().fake.streamTypes.get(1001) === 0, 'the high stream');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('a refused switch is an agora-relay-error; the tile keeps playing and the next resize asks again', async () => {
    const { element, client, seen } = await watching(600);
    client().fake.failNext('setRemoteVideoStreamType', 'INVALID_REMOTE_USER', 'no such user');
    hostPublishes(client(), 1001);
    await until(() => !!tile(element, 1001), 'the tile');
    tiles(element, 200);
    await until(() => details(seen, 'agora-relay-error').length > 0, 'the error');
    expect(details(seen, 'agora-relay-error')[0]).to.deep.equal({
      code: 'INVALID_REMOTE_USER',
      message: 'Could not switch host 1001 to its low stream: no such user',
      operation: 'join',
    });
    const video = tile(element, 1001)?.querySelector('video');
    await until(() => !!video && video.readyState >= 2 && video.videoWidth > 0 && !video.paused, 'a frame in the tile', 10_000);
    // 4 columns instead of 3: the tile shrinks again, and is asked about again.
    tiles(element, 150);
    await until(() => client().fake.streamTypes.get(1001) === 1, 'the low stream on the next resize');
  });

  it('mirrors the client’s network-quality, and stops listening when removed', async () => {
    const { element, client } = await watching(400);
    const seen = listen(element, ['network-quality']);
    client().fake.emitNetworkQuality(2, 4);
    expect(details(seen, 'network-quality')).to.deep.equal([{ uplink: 2, downlink: 4 }]);
    expect(client().fake.listenerCount('network-quality')).to.equal(1);
    element.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
    expect(client().fake.listenerCount('network-quality')).to.equal(0);
  });
});
