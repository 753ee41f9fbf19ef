// The demo page by default (demo/stand-in-demo.ts) on the REAL agora-rtc-sdk-ng through a stand-in with media: after a
// few seconds both co-host tiles show moving pictures (two frames of each differ) of the OTHER channel (its colour),
// each audience shows both hosts; and the words it shows when the stand-in is missing or WebRTC never connects.
// (In the media group: a Chromium with the certificate and loopback flags; see web-test-runner.config.mjs.)
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { mountStandInDemo, STAGES } from '../../demo/stand-in-demo.js';
import type { StandInDemoHandle } from '../../demo/stand-in-demo.js';
import { BACKGROUND_SAMPLE, PICTURE } from '../../demo/synthetic-media.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { startRemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { framesGrow, reportStandInLog } from './support/media-checks.js';
import { sleep, until } from './support/timing.js';

type Rgb = [number, number, number];

let standIn: RemoteAgoraStandIn | undefined;
let demo: StandInDemoHandle | undefined;
let container: HTMLElement;

function mount(options: Parameters<typeof mountStandInDemo>[1]): StandInDemoHandle {
  container = document.createElement('main');
  document.body.append(container);
  demo = mountStandInDemo(container, options);
  return demo;
}

afterEach(async function () {
  if (this.currentTest?.state === 'failed' && standIn) await reportStandInLog(standIn);
  await demo?.dispose();
  demo = undefined;
  container?.remove();
  await standIn?.stop();
  standIn = undefined;
});

const tileVideo = (host: AgoraRelayHost, part: 'local' | 'remote') =>
  host.shadowRoot?.querySelector<HTMLVideoElement>(`[part="${part}"] video`) ?? null;
const frames = (video: HTMLVideoElement | null) => video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;

/** The picture a <video> shows now, drawn at the synthetic picture's own size. */
function grab(video: HTMLVideoElement): ImageData {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width: PICTURE.width, height: PICTURE.height });
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, PICTURE.width, PICTURE.height);
  return context.getImageData(0, 0, PICTURE.width, PICTURE.height);
}

/** Share of pixels that differ clearly between two grabs. */
function changed(a: ImageData, b: ImageData): number {
  let differing = 0;
  for (let index = 0; index < a.data.length; index += 4) {
    const delta = [0, 1, 2].reduce((sum, channel) => sum + Math.abs((a.data[index + channel] ?? 0) - (b.data[index + channel] ?? 0)), 0);
    if (delta > 60) differing += 1;
  }
  return differing / (a.data.length / 4);
}

/** The average colour of the corner the picture keeps free of text and of the moving bar. */
function background(image: ImageData): Rgb {
  const { x, y, width, height } = BACKGROUND_SAMPLE;
  const sum: Rgb = [0, 0, 0];
  for (let row = y; row < y + height; row += 1) {
    for (let column = x; column < x + width; column += 1) {
      const at = (row * image.width + column) * 4;
      for (const channel of [0, 1, 2] as const) sum[channel] += image.data[at + channel] ?? 0;
    }
  }
  return sum.map((value) => Math.round(value / (width * height))) as Rgb;
}

const near = (seen: Rgb, expected: readonly number[], tolerance = 45) =>
  seen.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= tolerance);

describe('the demo page: two hosts co-hosting through the stand-in on the real SDK', function () {
  this.timeout(120_000);

  it('has switches under each host: Picture off takes stage-a out of stage-b’s co-host tile and says so; back on, it returns moving', async () => {
    standIn = await startRemoteAgoraStandIn({ media: true });
    const { hosts } = mount({ addresses: standIn.addresses, mediaPatienceMs: 90_000 });
    await until(() => hosts.length === 2 && hosts.every((host) => !!tileVideo(host, 'remote')), 60_000, 'a co-host tile in each host');
    for (const host of hosts) await framesGrow(() => frames(tileVideo(host, 'remote')), 5, 40_000, `frames in ${host.channelName}'s co-host tile`);
    await until(() => demo!.status.includes('Co-hosting'), 10_000, 'the Co-hosting words');
    const [stageA, stageB] = hosts as [AgoraRelayHost, AgoraRelayHost];
    const pictureOff = container.querySelectorAll<HTMLInputElement>('input[data-host-attribute="camera-off"]')[0]!;
    expect(pictureOff.closest('label')?.textContent?.trim()).to.equal('Picture off');

    pictureOff.click();
    expect(stageA.hasAttribute('camera-off'), 'the switch writes the host’s attribute').to.equal(true);
    await until(() => !tileVideo(stageB, 'remote'), 20_000, 'stage-a gone from stage-b’s co-host tile');
    await until(() => demo!.status.includes('Stage A turned its picture off'), 5_000, 'the words for a picture turned off');
    expect(stageA.shadowRoot?.querySelector('[part="local-label"][data-state="camera-off"]')?.textContent).to.contain('Camera off');

    pictureOff.click();
    expect(stageA.hasAttribute('camera-off')).to.equal(false);
    await until(() => !!tileVideo(stageB, 'remote'), 20_000, 'stage-a back in stage-b’s co-host tile');
    await framesGrow(() => frames(tileVideo(stageB, 'remote')), 5, 30_000, 'frames of stage-a again');
    await until(() => demo!.status.includes('Co-hosting'), 10_000, 'Co-hosting again');

    const volume = container.querySelectorAll<HTMLInputElement>('input[data-host-attribute="cohost-volume"]')[1]!;
    volume.value = '25';
    volume.dispatchEvent(new Event('input', { bubbles: true }));
    expect(stageB.getAttribute('cohost-volume'), 'the slider writes stage-b’s cohost-volume').to.equal('25');
  });

  it('shows moving pictures of the OTHER channel in both co-host tiles, and both hosts in each audience', async () => {
    standIn = await startRemoteAgoraStandIn({ media: true });
    const { hosts, audiences } = mount({ addresses: standIn.addresses, mediaPatienceMs: 90_000 });
    await until(() => hosts.length === 2 && hosts.every((host) => !!tileVideo(host, 'remote')), 60_000, 'a co-host tile in each host');
    for (const host of hosts) await framesGrow(() => frames(tileVideo(host, 'remote')), 10, 40_000, `frames in ${host.channelName}'s co-host tile`);
    expect(demo!.status).to.contain('Co-hosting');

    for (const [index, host] of hosts.entries()) {
      const own = STAGES[index]!;
      const other = STAGES.find((stage) => stage.channel === own.other)!;
      const video = tileVideo(host, 'remote')!;
      const first = grab(video);
      await framesGrow(() => frames(video), 5, 20_000, `more frames in ${own.channel}'s co-host tile`);
      await sleep(500);
      const second = grab(video);
      expect(changed(first, second), `${own.channel}'s co-host tile moves (two frames differ)`).to.be.greaterThan(0.002);
      expect(background(second), `${own.channel}'s co-host tile shows ${other.channel}'s colour`).to.satisfy((rgb: Rgb) =>
        near(rgb, other.look.colour),
      );
      expect(background(grab(tileVideo(host, 'local')!)), `${own.channel}'s own preview shows its own colour`).to.satisfy(
        (rgb: Rgb) => near(rgb, own.look.colour),
      );
      expect(host.shadowRoot?.querySelectorAll('[part="remote"]').length, `one co-host in ${own.channel}: no loop`).to.equal(1);
    }

    // Each audience: its own host and the one relayed in, under their fixed uids, both with frames.
    for (const audience of audiences) {
      const tiles = () => [...(audience.shadowRoot?.querySelectorAll<HTMLElement>('[part="remote"]') ?? [])];
      await until(() => tiles().length === 2, 20_000, `two hosts in the audience of ${audience.channelName}`);
      expect(tiles().map((tile) => tile.dataset.uid).sort()).to.deep.equal(STAGES.map((stage) => String(stage.uid)).sort());
      for (const tile of tiles()) {
        await framesGrow(() => frames(tile.querySelector('video')), 3, 20_000, `frames of uid ${tile.dataset.uid} in ${audience.channelName}`);
      }
    }
  });

  it('says WebRTC did not connect when no picture reaches the stand-in (a stand-in without media)', async () => {
    standIn = await startRemoteAgoraStandIn();
    mount({ addresses: standIn.addresses, mediaPatienceMs: 4000 });
    await until(() => demo!.status.includes('WebRTC did not connect'), 40_000, 'the words about WebRTC');
    expect(demo!.status).to.contain('--allow-loopback-in-peer-connection');
    expect(demo!.status).to.contain('WebRtcHideLocalIpsWithMdns');
    expect(demo!.status).to.contain('media.peerconnection.ice.loopback');
  });

  it('says the hosts could not join, and what Firefox needs, when the stand-in answers but refuses its gateway sockets', async () => {
    // What Firefox met with a certificate exception for the linked port alone: the page saw the stand-in, yet every
    // client's gateway (a port of its own) failed, so no host joined and no picture came.
    standIn = await startRemoteAgoraStandIn();
    await standIn.gateway.refuseConnections(true);
    mount({ addresses: standIn.addresses, mediaPatienceMs: 4000 });
    await until(() => demo!.status.includes('could join'), 40_000, 'the words about joining');
    expect(demo!.status).to.contain('neither host could join its channel');
    expect(demo!.status).to.contain('Trust this CA to identify websites');
    expect(demo!.status).not.to.contain('WebRTC did not connect');
  });

  it('tells "not running" from "certificate not accepted", from what npm start reports', async () => {
    mount({ statusUrl: '/test/demo/stand-in-exited.json', retryMs: 60_000 });
    await until(() => demo!.status.includes('not running'), 10_000, 'the words for a stand-in that stopped');
    expect(demo!.status).to.contain('port 7350 is in use');
    await demo!.dispose();
    container.remove();

    // npm start says it runs, yet nothing answers there over TLS: the certificate is what a person must fix.
    mount({ statusUrl: '/test/demo/stand-in-running.json', retryMs: 60_000 });
    await until(() => demo!.status.includes('certificate'), 15_000, 'the words for the certificate');
    expect(container.querySelector('[data-ref="status"] a')?.getAttribute('href')).to.equal('https://127-0-0-1.localhost:9/');
  });
});
