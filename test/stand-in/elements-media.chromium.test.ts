// Two managed <agora-relay-host> elements on the REAL agora-rtc-sdk-ng 4.24.8, each relaying to the other's channel
// through the stand-in with media, pointed there by `host.sdk = standInSdk(AgoraRTC, addresses, …)` alone: each
// co-host tile plays the OTHER host's synthetic picture (a canvas of its own colour), frames growing; disabling a
// destination removes that host from the other channel (user-left).
import { expect } from '@open-wc/testing';
import type { IAgoraRTC } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { standInSdk, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { canvasPicture, near, shownColour } from './support/canvas-picture.js';
import type { CanvasPicture, Rgb } from './support/canvas-picture.js';
import { framesGrow, reportStandInLog } from './support/media-checks.js';
import { until } from './support/timing.js';

const RED: Rgb = [220, 40, 40];
const BLUE: Rgb = [40, 60, 220];

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let round = 0;
const pictures: CanvasPicture[] = [];
const hosts: AgoraRelayHost[] = [];

function managedHost(channel: string, otherChannel: string, colour: Rgb): AgoraRelayHost {
  const host = document.createElement('agora-relay-host') as AgoraRelayHost;
  host.setAttribute('app-id', 'stand-in-app');
  host.setAttribute('channel-name', channel);
  host.setAttribute('token-url', '/agora/token');
  const destination = document.createElement('agora-relay-destination');
  destination.setAttribute('channel-name', otherChannel);
  host.append(destination);
  host.sdk = standInSdk(sdk as never, standIn.addresses, {
    createCameraVideoTrack: async () => {
      const picture = canvasPicture(sdk, colour);
      pictures.push(picture);
      return picture.track;
    },
  }) as never;
  hosts.push(host);
  return host;
}

/** The <video> of the co-host tile of `host` (the one relayed in), once there. */
function coHostVideo(host: AgoraRelayHost): HTMLVideoElement | null {
  return host.shadowRoot?.querySelector<HTMLVideoElement>('[part="remote"] video') ?? null;
}

function frames(video: HTMLVideoElement | null): number {
  return video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
}

describe('two managed hosts relaying to each other through the stand-in with media (standInSdk)', function () {
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
    for (const host of hosts.splice(0)) host.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const picture of pictures.splice(0)) picture.stop();
  });

  it('each co-host tile plays the other host’s picture, frames growing', async () => {
    round += 1;
    const [a, b] = [`stage-a-${round}`, `stage-b-${round}`];
    const hostA = managedHost(a, b, RED);
    const hostB = managedHost(b, a, BLUE);
    document.body.append(hostA, hostB);

    await until(() => !!coHostVideo(hostA) && !!coHostVideo(hostB), 20_000, 'a co-host tile with a video in each host');
    await framesGrow(() => frames(coHostVideo(hostA)), 10, 20_000, `frames in ${a}'s co-host tile`);
    await framesGrow(() => frames(coHostVideo(hostB)), 10, 20_000, `frames in ${b}'s co-host tile`);
    await until(() => near(shownColour(coHostVideo(hostA)!), BLUE), 5000, `B's blue in ${a}'s tile`).catch(() => undefined);
    expect(shownColour(coHostVideo(hostA)!), `${a}'s co-host tile shows B's picture`).to.satisfy((rgb: Rgb) => near(rgb, BLUE));
    expect(shownColour(coHostVideo(hostB)!), `${b}'s co-host tile shows A's picture`).to.satisfy((rgb: Rgb) => near(rgb, RED));
    const localA = hostA.shadowRoot?.querySelector<HTMLVideoElement>('[part="local"] video');
    expect(shownColour(localA!), `${a}'s own preview is its own picture`).to.satisfy((rgb: Rgb) => near(rgb, RED));
    expect(hostA.shadowRoot?.querySelectorAll('[part="remote"]').length, 'one co-host each: no loop').to.equal(1);
    expect(hostB.shadowRoot?.querySelectorAll('[part="remote"]').length).to.equal(1);
  });

  it('removing both hosts while frames flow ends every track and leaves no unhandled rejection', async () => {
    round += 1;
    const [a, b] = [`stage-a-${round}`, `stage-b-${round}`];
    const hostA = managedHost(a, b, RED);
    const hostB = managedHost(b, a, BLUE);
    document.body.append(hostA, hostB);
    await until(() => !!coHostVideo(hostA), 20_000, `B's tile in ${a}`);
    await framesGrow(() => frames(coHostVideo(hostA)), 5, 20_000, `frames in ${a}'s co-host tile`);
    const tracks = pictures.map((picture) => picture.track.getMediaStreamTrack());
    hostA.remove();
    hostB.remove();
    await until(() => tracks.every((track) => track.readyState === 'ended'), 10_000, 'every published track ended');
    // The SDK's stats run about once a second: time for a late rejection to surface in this test.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(window.__takeUnhandled?.() ?? []).to.deep.equal([]);
  });

  it('disabling a destination removes that host from the other channel (user-left)', async () => {
    round += 1;
    const [a, b] = [`stage-a-${round}`, `stage-b-${round}`];
    const hostA = managedHost(a, b, RED);
    const hostB = managedHost(b, a, BLUE);
    const left: unknown[] = [];
    hostB.addEventListener('user-left', (event) => left.push((event as CustomEvent<{ uid: unknown }>).detail.uid));
    document.body.append(hostA, hostB);
    await until(() => !!coHostVideo(hostB), 20_000, `A's tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(hostB)), 5, 20_000, `frames in ${b}'s co-host tile`);
    const relayedUid = hostB.shadowRoot?.querySelector('[part="remote"]')?.getAttribute('data-uid');

    hostA.querySelector('agora-relay-destination')?.setAttribute('disabled', '');
    await until(() => left.length > 0, 10_000, `user-left in ${b}`);
    expect(left.map(String)).to.deep.equal([relayedUid]);
    await until(() => !coHostVideo(hostB), 5000, `A's tile gone from ${b}`);
    expect(coHostVideo(hostA), `B still relays into ${a}`).not.to.equal(null);
  });
});
