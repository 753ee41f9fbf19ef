// Co-hosts' audio, network quality and dual stream on the REAL agora-rtc-sdk-ng 4.24.8 through the stand-in with
// media: two managed hosts relay to each other, each publishing a tone as its microphone and a canvas as its camera.
// Host A turns its co-host down (cohost-volume) and mutes it (the tile's button): the real remote audio track's
// volume follows, while an audience in A's channel hears the same co-host at full volume. The SDK's network-quality
// reaches the host element; dual-stream's enableDualStream after publish is checked against what the stand-in saw (it
// acknowledges the low stream and does not carry it), and an audience's small tile asks for the low stream.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, IRemoteAudioTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience, AgoraRelayHost } from '../../src/index.js';
import { standInSdk, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { clickAt } from '../support/trusted-input.js';
import { activatePage } from '../elements/audience-fixture.js';
import { canvasPicture } from './support/canvas-picture.js';
import type { CanvasPicture, Rgb } from './support/canvas-picture.js';
import { reportStandInLog } from './support/media-checks.js';
import { until } from './support/timing.js';

const RED: Rgb = [220, 40, 40];
const BLUE: Rgb = [40, 60, 220];

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let round = 0;
const pictures: CanvasPicture[] = [];
const tones: (() => void)[] = [];
const elements: HTMLElement[] = [];

/** A microphone that plays a steady 440 Hz tone, so the receiving side has a level to measure. */
function tone() {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  const [mediaStreamTrack] = destination.stream.getAudioTracks();
  tones.push(() => {
    oscillator.stop();
    void context.close();
  });
  return sdk.createCustomAudioTrack({ mediaStreamTrack: mediaStreamTrack! });
}

function managedHost(channel: string, otherChannel: string, colour: Rgb, attributes: Record<string, string> = {}) {
  const host = document.createElement('agora-relay-host') as AgoraRelayHost;
  host.setAttribute('app-id', 'stand-in-app');
  host.setAttribute('channel-name', channel);
  host.setAttribute('token-url', '/agora/token');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const destination = document.createElement('agora-relay-destination');
  destination.setAttribute('channel-name', otherChannel);
  host.append(destination);
  host.sdk = standInSdk(sdk as never, standIn.addresses, {
    createCameraVideoTrack: async () => {
      const picture = canvasPicture(sdk, colour);
      pictures.push(picture);
      return picture.track;
    },
    createMicrophoneAudioTrack: async () => tone(),
  }) as never;
  const seen: { type: string; detail: Record<string, unknown> }[] = [];
  for (const type of ['agora-relay-error', 'network-quality', 'user-published']) {
    host.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  elements.push(host);
  return { host, seen };
}

/** Every client the SDK makes (the hosts' and the audience's, in order), until `restore()`. */
function recordClients(): { clients: IAgoraRTCClient[]; restore(): void } {
  const clients: IAgoraRTCClient[] = [];
  const createClient = sdk.createClient;
  sdk.createClient = (config) => {
    const client = createClient.call(sdk, config);
    clients.push(client);
    return client;
  };
  return { clients, restore: () => (sdk.createClient = createClient) };
}

const remoteAudio = (client: IAgoraRTCClient | undefined): IRemoteAudioTrack | undefined =>
  client?.remoteUsers.find((user) => user.audioTrack)?.audioTrack;

describe('co-hosts’ audio, network quality and dual stream on the real SDK through the stand-in', function () {
  this.timeout(120_000);
  let recorded: ReturnType<typeof recordClients>;

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    // A gesture first: the tones' AudioContexts and the co-hosts' audio may then start.
    await activatePage();
    standIn = await startRemoteAgoraStandIn({ media: true });
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(() => {
    recorded = recordClients();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await reportStandInLog(standIn);
    recorded.restore();
    for (const element of elements.splice(0)) element.remove();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const picture of pictures.splice(0)) picture.stop();
    for (const stop of tones.splice(0)) stop();
  });

  it('cohost-volume and the tile’s mute button set the real remote audio track’s volume; the audience is untouched', async () => {
    round += 1;
    const [a, b] = [`cohost-a-${round}`, `cohost-b-${round}`];
    const { host: hostA, seen: seenA } = managedHost(a, b, RED, { 'cohost-volume': '30' });
    const { host: hostB } = managedHost(b, a, BLUE);
    document.body.append(hostA);
    await until(() => recorded.clients[0]?.connectionState === 'CONNECTED', 20_000, 'host A joined');
    const clientA = recorded.clients[0];
    document.body.append(hostB);
    // An audience of A's channel: hears B relayed in, as any viewer does.
    const audience = document.createElement('agora-relay-audience') as AgoraRelayAudience;
    audience.setAttribute('app-id', 'stand-in-app');
    audience.setAttribute('channel-name', a);
    audience.setAttribute('token-url', '/agora/token');
    audience.sdk = standInSdk(sdk as never, standIn.addresses) as never;
    elements.push(audience);
    document.body.append(audience);

    await until(() => !!remoteAudio(clientA), 30_000, 'B’s audio subscribed in host A');
    const track = remoteAudio(clientA)!;
    // getVolume() is the SDK's audio element's volume, 0 to 1: setVolume(30) reads 0.3.
    await until(() => track.getVolume() === 0.3, 5000, 'the co-host at cohost-volume 30');
    // The tone arrives: its level is measured on the received audio (before the page's volume).
    await until(() => track.isPlaying, 10_000, 'B’s audio playing in host A');
    await until(() => track.getVolumeLevel() > 0.05, 20_000, 'a level on B’s tone in host A');

    // Measured: the real remote track takes any number without a check (the local one throws INVALID_PARAMS outside
    // 0–1000), its element clamping to 0–1; the fake's remote tracks do the same (host-cohost-audio.test.ts).
    const taken = [150, -1, 1.5].map((volume) => (track.setVolume(volume), track.getVolume()));
    expect(taken).to.deep.equal([1, 0, 0.015]);
    track.setVolume(30);
    hostA.setAttribute('cohost-volume', '80');
    await until(() => track.getVolume() === 0.8, 5000, 'cohost-volume changed live');

    const uid = clientA!.remoteUsers.find((user) => user.audioTrack === track)!.uid;
    const button = () =>
      hostA.shadowRoot?.querySelector<HTMLButtonElement>(`[part="remote"][data-uid="${uid}"] [part="cohost-mute"]`) ?? null;
    await until(() => !!button(), 20_000, 'the mute button in B’s tile');
    button()!.scrollIntoView({ block: 'center' });
    const rect = button()!.getBoundingClientRect();
    await clickAt(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await until(() => button()?.getAttribute('aria-pressed') === 'true', 5000, 'the button pressed');
    expect(track.getVolume(), 'muted on this page').to.equal(0);
    // getVolumeLevel() is measured on the received audio, before the page's volume: B's tone still registers.
    expect(track.getVolumeLevel(), 'B still sends its tone').to.be.above(0.05);

    // The audience of the same channel hears B as B sends it: its own track, at full volume, with a level.
    await until(
      () => !!recorded.clients.find((client) => client !== clientA && client.remoteUsers.some((u) => u.uid === uid && u.audioTrack)),
      30_000,
      'the audience subscribed to B',
    );
    const heard = recorded.clients
      .find((client) => client !== clientA && client.remoteUsers.some((u) => u.uid === uid && u.audioTrack))!
      .remoteUsers.find((u) => u.uid === uid)!.audioTrack!;
    expect(heard.getVolume(), 'the audience’s volume of B').to.equal(1);
    await until(() => heard.getVolumeLevel() > 0.05, 20_000, 'the audience hears B’s tone');
    expect(seenA.filter((entry) => entry.type === 'agora-relay-error')).to.deep.equal([]);
  });

  it('the SDK’s network-quality reaches the host element as { uplink, downlink }', async () => {
    round += 1;
    const [a, b] = [`quality-a-${round}`, `quality-b-${round}`];
    const { host, seen } = managedHost(a, b, RED);
    document.body.append(host);
    await until(() => seen.some((entry) => entry.type === 'network-quality'), 15_000, 'a network-quality event');
    const detail = seen.find((entry) => entry.type === 'network-quality')!.detail;
    // Through the stand-in the SDK reports { uplink: 6, downlink: 6 } ("down"): its quality comes from gateway
    // statistics the stand-in does not send. The event and its shape are what this checks, not the value.
    expect(Object.keys(detail).sort()).to.deep.equal(['downlink', 'uplink']);
    for (const value of Object.values(detail)) expect(value).to.be.within(0, 6);
  });

  it('dual-stream: enableDualStream after publish on the real SDK, and what the stand-in saw', async () => {
    round += 1;
    const [a, b] = [`dual-a-${round}`, `dual-b-${round}`];
    const { host, seen } = managedHost(a, b, RED, { 'dual-stream': '' });
    const calls: string[] = [];
    const createClient = sdk.createClient;
    recorded.restore();
    sdk.createClient = (config) => {
      const client = createClient.call(sdk, config);
      recorded.clients.push(client);
      const enable = client.enableDualStream.bind(client);
      client.enableDualStream = () => {
        calls.push(`enableDualStream with ${client.localTracks.length} tracks published`);
        return enable().then(
          () => void calls.push('enableDualStream resolved'),
          (error: { code?: string; message?: string }) => {
            calls.push(`enableDualStream rejected ${error.code}: ${error.message}`);
            throw error;
          },
        );
      };
      return client;
    };
    recorded.restore = () => (sdk.createClient = createClient);
    await standIn.log.clear();
    document.body.append(host);
    await until(() => calls.length >= 2, 20_000, 'enableDualStream to settle');
    await until(() => host.state === 'RELAY_STATE_RUNNING', 20_000, 'the relay runs with or without the low stream');
    const entries = (await standIn.log.entries()).filter(({ type }) => !['ping', 'traffic_stats', 'wrtc_stats', 'join_v3'].includes(type));
    expect(calls, 'called once published, and the SDK took it').to.deep.equal([
      'enableDualStream with 2 tracks published',
      'enableDualStream resolved',
    ]);
    expect(seen.filter((e) => e.type === 'agora-relay-error')).to.deep.equal([]);
    // What the real SDK sent for the low stream: a second publish offer for a "low" video stream (its own SSRC, 50 kbps,
    // 15 fps), then set_dual_stream_mode 1. The stand-in answers both with an empty success but routes only the "audio"
    // and "high" SSRCs (server/gateway-streams.ts): the low stream reaches it and goes no further.
    const gateway = entries.filter(({ service, direction }) => service === 'gateway' && direction === 'in');
    const publishes = gateway.filter(({ type }) => type === 'publish').map(({ message }) => message as { ortc: { stream_type: string }[] });
    expect(publishes.map((message) => message.ortc.map((stream) => stream.stream_type))).to.deep.equal([['high', 'audio'], ['low']]);
    const low = publishes[1]!.ortc[0] as unknown as { attributes: Record<string, unknown> };
    expect(low.attributes).to.deep.include({ maxVideoBW: 50, maxFrameRate: 15, codec: 'vp8' });
    expect(gateway.find(({ type }) => type === 'set_dual_stream_mode')?.message).to.deep.equal({ mode: 1 });
  });

  it('an audience’s small tile asks the real SDK for the low stream (switch_video_stream 1), a big one for the high (0)', async () => {
    round += 1;
    const [a, b] = [`small-a-${round}`, `small-b-${round}`];
    const { host } = managedHost(a, b, RED, { 'dual-stream': '' });
    document.body.append(host);
    await until(() => host.state === 'RELAY_STATE_RUNNING', 20_000, 'the host live and relaying');
    const hostUid = recorded.clients[0]!.uid;
    await standIn.log.clear();
    const audience = document.createElement('agora-relay-audience') as AgoraRelayAudience;
    audience.setAttribute('app-id', 'stand-in-app');
    audience.setAttribute('channel-name', a);
    audience.setAttribute('token-url', '/agora/token');
    audience.style.cssText = 'display: block; width: 700px; --agora-relay-tile-width: 200px';
    audience.sdk = standInSdk(sdk as never, standIn.addresses) as never;
    const errors: unknown[] = [];
    audience.addEventListener('agora-relay-error', (event) => errors.push((event as CustomEvent).detail));
    elements.push(audience);
    document.body.append(audience);
    const switches = async () =>
      (await standIn.log.entries())
        .filter(({ service, direction, type }) => service === 'gateway' && direction === 'in' && type === 'switch_video_stream')
        .map(({ message }) => message);
    const tile = () => audience.shadowRoot?.querySelector<HTMLElement>(`[part="remote"][data-uid="${hostUid}"]`);
    await until(() => !!tile()?.querySelector('video'), 20_000, 'the host’s tile playing');
    let seen: unknown[] = [];
    const waitFor = async (count: number, what: string) => {
      const end = Date.now() + 15_000;
      while ((seen = await switches()).length < count && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.length, what).to.be.at.least(count);
    };
    await waitFor(1, 'a switch for the small tile');
    expect(tile()!.clientWidth).to.be.below(320);
    expect(seen).to.deep.equal([{ stream_id: hostUid, stream_type: 1 }]);
    audience.style.setProperty('--agora-relay-tile-width', '600px');
    await waitFor(2, 'a switch for the big tile');
    expect(tile()!.clientWidth).to.be.at.least(320);
    expect(seen).to.deep.equal([
      { stream_id: hostUid, stream_type: 1 },
      { stream_id: hostUid, stream_type: 0 },
    ]);
    expect(errors, 'the real SDK took both switches').to.deep.equal([]);
    // The stand-in carries the high stream only: the small tile played it all along (frames growing).
    const video = tile()!.querySelector('video')!;
    const before = video.getVideoPlaybackQuality().totalVideoFrames;
    await until(() => video.getVideoPlaybackQuality().totalVideoFrames > before + 5, 10_000, 'frames in the tile');
  });
});
