// Managed mode controls on the REAL agora-rtc-sdk-ng through the stand-in with media (issue 14, the host's local
// media): host A is the one under test, host B its co-host in the other channel (each relays to the other), and B's
// co-host tile is where A's picture is seen. Chromium's fake camera and microphone (--use-fake-device-for-media-stream)
// stand in for devices.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, ICameraVideoTrack, ILocalTrack, ILocalVideoTrack, IMicrophoneAudioTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { standInSdk, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { canvasPicture, near, shownColour } from './support/canvas-picture.js';
import type { CanvasPicture, Rgb } from './support/canvas-picture.js';
import { framesGrow, reportStandInLog } from './support/media-checks.js';
import { sleep, until } from './support/timing.js';

const RED: Rgb = [220, 40, 40];
const BLUE: Rgb = [40, 60, 220];

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let round = 0;
const pictures: CanvasPicture[] = [];
const hosts: AgoraRelayHost[] = [];

interface Made {
  host: AgoraRelayHost;
  /** The devices the SDK opened for this host, in order. */
  opened: ILocalTrack[];
  errors: Record<string, unknown>[];
  devices: { cameras: { deviceId: string; label: string }[]; microphones: { deviceId: string; label: string }[] }[];
}

/** A managed host in `channel` relaying to `other`; its camera and microphone are Chromium's fake ones unless `colour`. */
function managedHost(channel: string, other: string, attributes: Record<string, string> = {}, colour?: Rgb): Made {
  const host = document.createElement('agora-relay-host') as AgoraRelayHost;
  for (const [name, value] of Object.entries({ 'app-id': 'stand-in-app', 'channel-name': channel, 'token-url': '/agora/token', ...attributes })) {
    host.setAttribute(name, value);
  }
  const destination = document.createElement('agora-relay-destination');
  destination.setAttribute('channel-name', other);
  host.append(destination);
  const opened: ILocalTrack[] = [];
  const keep = <T extends ILocalTrack>(track: T) => (opened.push(track), track);
  const wrapped = standInSdk(sdk as never, standIn.addresses, {
    createCameraVideoTrack: async (...args: never[]) => keep(await sdk.createCameraVideoTrack(...(args as []))),
    createMicrophoneAudioTrack: async (...args: never[]) => keep(await sdk.createMicrophoneAudioTrack(...(args as []))),
  });
  // The screen too (headless Chromium with --use-fake-ui-for-media-stream shares a screen without asking).
  const createScreen = sdk.createScreenVideoTrack.bind(sdk) as (config: object, audio: 'disable') => Promise<ILocalVideoTrack>;
  Object.defineProperty(wrapped, 'createScreenVideoTrack', {
    value: async (config: object, audio: 'disable') => keep(await createScreen(config, audio)),
  });
  host.sdk = wrapped as never;
  if (colour) {
    const picture = canvasPicture(sdk, colour);
    pictures.push(picture);
    host.tracks = { video: picture.track };
  }
  const errors: Record<string, unknown>[] = [];
  host.addEventListener('agora-relay-error', (event) => errors.push((event as CustomEvent).detail));
  const devices: Made['devices'] = [];
  host.addEventListener('devices-change', (event) => devices.push((event as CustomEvent).detail));
  hosts.push(host);
  return { host, opened, errors, devices };
}

const coHostVideo = (host: AgoraRelayHost) => host.shadowRoot?.querySelector<HTMLVideoElement>('[part="remote"] video') ?? null;
const localVideo = (host: AgoraRelayHost) => host.shadowRoot?.querySelector<HTMLVideoElement>('[part="local"] video') ?? null;
const frames = (video: HTMLVideoElement | null) => video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
const status = (host: AgoraRelayHost) => host.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
const labels = (host: AgoraRelayHost) =>
  [...(host.shadowRoot?.querySelectorAll('[part="local-label"]') ?? [])].map((label) => label.getAttribute('data-state'));
const relaying = (host: AgoraRelayHost) => host.state === 'RELAY_STATE_RUNNING';

/** The gateway requests of one type the stand-in received, with what they carried. */
async function gatewayRequests(type: string): Promise<unknown[]> {
  const entries = await standIn.log.entries({ service: 'gateway', direction: 'in' });
  return entries.filter((entry) => entry.type === type).map((entry) => entry.message);
}

describe('managed mode controls on the real SDK through the stand-in with media', function () {
  this.timeout(90_000);

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
    await sleep(500);
    for (const picture of pictures.splice(0)) picture.stop();
  });

  function pair(attributesA: Record<string, string> = {}, colourA?: Rgb) {
    round += 1;
    const [a, b] = [`ctl-a-${round}`, `ctl-b-${round}`];
    const madeA = managedHost(a, b, attributesA, colourA);
    const madeB = managedHost(b, a, {}, BLUE);
    document.body.append(madeA.host, madeB.host);
    return { a, b, A: madeA, B: madeB };
  }

  it('a page’s canvas track (the tracks property) is published and seen by the co-host, frames growing', async () => {
    const { a, b, A, B } = pair({}, RED);
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `frames of A's canvas in ${b}`);
    await until(() => near(shownColour(coHostVideo(B.host)!), RED), 5000, 'red').catch(() => undefined);
    expect(shownColour(coHostVideo(B.host)!), `${b} shows A's canvas`).to.satisfy((rgb: Rgb) => near(rgb, RED));
    expect(A.opened.map((track) => track.trackMediaType), `${a} opened its microphone, not its camera`).to.deep.equal(['audio']);
    expect(A.errors).to.deep.equal([]);
  });

  it('microphone-muted and camera-off while live: still published, the camera’s capture ends, the co-host is told (user-unpublished), then on again', async () => {
    const { b, A, B } = pair();
    const seenInB: string[] = [];
    for (const type of ['user-published', 'user-unpublished']) {
      B.host.addEventListener(type, (event) => seenInB.push(`${type} ${(event as CustomEvent).detail.mediaType}`));
    }
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `frames of A's camera in ${b}`);
    const camera = A.opened.find((track) => track.trackMediaType === 'video') as ICameraVideoTrack;
    const microphone = A.opened.find((track) => track.trackMediaType === 'audio')!;
    const capture = camera.getMediaStreamTrack();
    const controlsBefore = (await gatewayRequests('control')).length;
    const publishesBefore = (await gatewayRequests('publish')).length;
    seenInB.length = 0;

    A.host.microphoneMuted = true;
    A.host.cameraOff = true;
    await until(() => microphone.muted && !camera.enabled, 10_000, 'the microphone muted and the camera disabled');
    expect(capture.readyState, 'the camera’s capture ended (its light is off)').to.equal('ended');
    expect(microphone.getMediaStreamTrack().readyState, 'the microphone still captures').to.equal('live');
    await until(() => labels(A.host).length === 2, 5000, 'the labels on the local tile');
    expect(status(A.host)).to.equal('Live. Relaying to 1 channel. Microphone muted. Camera off.');
    expect(localVideo(A.host), 'no picture in the local tile').to.equal(null);
    // The stand-in passes the SDK's mute on as the gateway does (mute_video / mute_audio), through the relay.
    await until(() => seenInB.length === 2, 10_000, `user-unpublished twice in ${b}`);
    expect([...seenInB].sort()).to.deep.equal(['user-unpublished audio', 'user-unpublished video']);
    await until(() => !coHostVideo(B.host), 5000, `A's tile gone from ${b} while the camera is off`);
    const controls = (await gatewayRequests('control')).slice(controlsBefore) as { action?: string }[];
    expect(controls.map((control) => control.action).sort(), 'what the SDK told the gateway').to.deep.equal([
      'mute_local_audio',
      'mute_local_video',
    ]);
    expect(relaying(A.host), 'the relay runs on').to.equal(true);

    seenInB.length = 0;
    A.host.microphoneMuted = false;
    A.host.cameraOff = false;
    await until(() => !microphone.muted && camera.enabled, 10_000, 'the microphone and camera back');
    expect(camera.getMediaStreamTrack().readyState, 'a new capture').to.equal('live');
    await framesGrow(() => frames(localVideo(A.host)), 5, 10_000, 'frames in the local tile again');
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile back in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `A's picture again in ${b}`);
    expect([...seenInB].sort()).to.deep.equal(['user-published audio', 'user-published video']);
    expect((await gatewayRequests('publish')).length, 'never published again: the publication stayed').to.equal(publishesBefore);
    expect(A.errors).to.deep.equal([]);
  });

  it('microphone-id switches Chromium’s fake microphones live; an unknown camera-id is refused and the camera keeps running', async () => {
    const { b, A, B } = pair();
    await until(() => A.devices.length > 0, 20_000, 'devices-change');
    const { cameras, microphones } = A.devices[0]!;
    expect(cameras.length, 'Chromium lists its fake camera').to.be.greaterThan(0);
    expect(microphones.length, 'Chromium lists fake microphones').to.be.greaterThan(1);
    expect([...cameras, ...microphones].every((each) => each.deviceId !== '' && each.label !== ''), 'ids and labels').to.equal(true);
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b}`);
    const camera = A.opened.find((track) => track.trackMediaType === 'video') as ICameraVideoTrack;
    const microphone = A.opened.find((track) => track.trackMediaType === 'audio') as IMicrophoneAudioTrack;
    const camerasNow = camera.getMediaStreamTrack().getSettings().deviceId;

    A.host.cameraId = 'no-such-camera';
    await until(() => A.errors.length > 0, 10_000, 'the error');
    expect(A.errors).to.deep.equal([
      {
        code: 'DEVICE_NOT_FOUND',
        message: 'camera-id "no-such-camera" names no camera this browser sees; the camera in use keeps running.',
        operation: 'publish',
      },
    ]);
    expect(camera.getMediaStreamTrack().readyState).to.equal('live');
    expect(camera.getMediaStreamTrack().getSettings().deviceId).to.equal(camerasNow);
    await until(() => status(A.host).startsWith('The chosen camera or microphone is not connected.'), 5000, 'the words');
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `A's picture still in ${b}`);

    const publishes = (await gatewayRequests('publish')).length;
    const current = microphone.getMediaStreamTrack().getSettings().deviceId;
    const other = microphones.find((each) => each.deviceId !== current && each.deviceId !== 'default')!;
    A.host.setAttribute('microphone-id', other.deviceId);
    await until(() => microphone.getMediaStreamTrack().getSettings().deviceId === other.deviceId, 10_000, 'the other microphone');
    expect(microphone.getTrackLabel()).to.equal(other.label);
    expect(A.opened.filter((track) => track.trackMediaType === 'audio'), 'switched, not opened again').to.have.length(1);
    expect((await gatewayRequests('publish')).length, 'not published again').to.equal(publishes);
    expect(A.errors, 'no other error').to.have.length(1);
  });

  it('screen-share publishes the screen in the camera’s place; the browser’s "Stop sharing" brings the camera back', async () => {
    const { b, A, B } = pair();
    const ended: unknown[] = [];
    A.host.addEventListener('screen-share-ended', (event) => ended.push((event as CustomEvent).detail));
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 5, 20_000, `A's camera in ${b}`);
    const publishes = (await gatewayRequests('publish')).length;

    A.host.screenShare = true;
    await until(() => A.opened.some((track) => track.getTrackLabel().startsWith('screen')), 10_000, 'the screen opened');
    const screen = A.opened.find((track) => track.getTrackLabel().startsWith('screen'))!;
    const camera = A.opened.find((track) => track.trackMediaType === 'video' && track !== screen)!;
    await until(() => camera.getMediaStreamTrack().readyState === 'ended', 10_000, 'the camera closed while sharing');
    await until(() => labels(A.host).includes('screen-share'), 5000, 'the label');
    await until(() => status(A.host) === 'Live. Relaying to 1 channel. Sharing your screen.', 5000, 'the words');
    const deadline = performance.now() + 10_000;
    while ((await gatewayRequests('publish')).length <= publishes && performance.now() < deadline) await sleep(200);
    expect((await gatewayRequests('publish')).length, 'the screen published').to.be.greaterThan(publishes);
    await until(() => !!coHostVideo(B.host), 20_000, `A's screen tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 5, 20_000, `A's screen in ${b}`);

    // What the browser's own "Stop sharing" does to the capture: its MediaStreamTrack ends (measured: the SDK's
    // track-ended follows the track's own `ended` event; a programmatic stop() would not fire it).
    screen.getMediaStreamTrack().stop();
    screen.getMediaStreamTrack().dispatchEvent(new Event('ended'));
    await until(() => !A.host.hasAttribute('screen-share'), 10_000, 'screen-share removed');
    expect(ended).to.deep.equal([{ reason: 'ended' }]);
    await until(() => A.opened.filter((track) => track.trackMediaType === 'video').length === 3, 10_000, 'the camera opened again');
    await until(() => labels(A.host).length === 0, 5000, 'no label');
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b} again`);
    await framesGrow(() => frames(coHostVideo(B.host)), 5, 20_000, `A's camera again in ${b}`);
    expect(A.errors).to.deep.equal([]);
  });

  it('preview, then live, then preview again, then live: the co-host sees A only while live; A’s camera stays open', async () => {
    const { b, A, B } = pair({ preview: '' });
    const left: unknown[] = [];
    B.host.addEventListener('user-left', (event) => left.push((event as CustomEvent).detail.uid));
    await framesGrow(() => frames(localVideo(A.host)), 10, 20_000, 'frames in A’s preview');
    expect(status(A.host)).to.equal('Preview: you are not live yet.');
    expect(labels(A.host)).to.deep.equal(['preview']);
    await until(() => relaying(B.host), 20_000, 'B relays');
    expect(coHostVideo(B.host), `A is not in ${b} while previewing`).to.equal(null);
    const camera = A.opened.find((track) => track.trackMediaType === 'video')!;
    const capture = camera.getMediaStreamTrack();

    A.host.removeAttribute('preview');
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b}`);
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `A's picture in ${b}`);
    await until(() => relaying(A.host), 10_000, 'A relays');

    A.host.setAttribute('preview', '');
    await until(() => left.length > 0, 15_000, `A leaving ${b} (user-left)`);
    await until(() => !coHostVideo(B.host), 10_000, `A's tile gone from ${b}`);
    expect(capture.readyState, 'the camera stayed open').to.equal('live');
    await framesGrow(() => frames(localVideo(A.host)), 10, 10_000, 'frames in A’s preview again');
    await until(() => status(A.host) === 'Preview: you are not live yet.', 5000, 'the preview words');

    A.host.preview = false;
    await until(() => !!coHostVideo(B.host), 20_000, `A's tile in ${b} again`);
    await framesGrow(() => frames(coHostVideo(B.host)), 10, 20_000, `A's picture in ${b} again`);
    expect(A.opened, 'no device opened again').to.have.length(2);
    expect(A.errors).to.deep.equal([]);
  });
});
