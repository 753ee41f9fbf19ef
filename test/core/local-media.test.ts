// LocalMedia (core/local-media.ts) on the fake SDK, without an element: the order of changes, removal while a device
// opens, the page's tracks given back as they came, and devices that failed not tried again until their id changes.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import type { DevicesDetail } from '../../src/core/devices.js';
import { LocalMedia } from '../../src/core/local-media.js';
import type { RelayErrorDetail } from '../../src/core/relay-error.js';
import type { ControlledSdk, ManagedClient } from '../../src/core/sdk-types.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeLocalTrack } from '../../src/testing/index.js';
import { until } from './session-fixture.js';

async function makeMedia(AgoraRTC: FakeAgoraRTC = createFakeAgoraRTC()) {
  const errors: RelayErrorDetail[] = [];
  const devices: DevicesDetail[] = [];
  const media = new LocalMedia({
    sdk: async () => AgoraRTC as unknown as ControlledSdk,
    report: (error) => errors.push(error),
    changed: () => undefined,
    devices: (detail) => devices.push(detail),
    screenShareStopped: () => undefined,
  });
  const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
  await client.setClientRole('host');
  client.fake.forceJoined(5);
  return { media, errors, devices, AgoraRTC, client, managed: client as unknown as ManagedClient };
}

describe('LocalMedia', () => {
  it('opens the microphone and camera, publishes both, and lists the devices after they opened', async () => {
    const { media, client, managed, devices } = await makeMedia();
    await media.open();
    expect(await media.publishTo(managed)).to.equal(true);
    expect(client.localTracks).to.deep.equal([media.audio, media.video]);
    expect(devices).to.have.length(1);
    media.release();
  });

  it('changes made in a row end in the last one asked for, applied one after the other', async () => {
    const { media, managed } = await makeMedia();
    await media.open();
    await media.publishTo(managed);
    const audio = media.audio as unknown as FakeLocalTrack;
    const calls: boolean[] = [];
    const setMuted = audio.setMuted.bind(audio);
    audio.setMuted = (muted: boolean) => (calls.push(muted), setMuted(muted));
    media.update({ microphoneMuted: true });
    media.update({ microphoneMuted: false });
    media.update({ microphoneMuted: true });
    await media.publishTo(managed);
    expect(audio.muted).to.equal(true);
    expect(calls, 'one reconcile for the three changes').to.deep.equal([true]);
    media.release();
  });

  it('released while the microphone opens: the track is closed as it arrives', async () => {
    const AgoraRTC = createFakeAgoraRTC();
    let opened: FakeLocalTrack | undefined;
    let asked = false;
    let letOpen: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (letOpen = resolve));
    const create = AgoraRTC.createMicrophoneAudioTrack.bind(AgoraRTC);
    AgoraRTC.createMicrophoneAudioTrack = async (config) => {
      asked = true;
      await gate;
      opened = await create(config);
      return opened;
    };
    const { media } = await makeMedia(AgoraRTC);
    const opening = media.open();
    await until(() => asked, 'the microphone asked for');
    media.release();
    letOpen();
    await opening;
    await until(() => !!opened, 'the microphone to open');
    expect(opened!.getMediaStreamTrack().readyState).to.equal('ended');
    expect(media.audio).to.equal(undefined);
  });

  it('the page’s tracks: published, muted and disabled as asked, put back as they came on release, never closed', async () => {
    const { media, AgoraRTC, client, managed } = await makeMedia();
    const canvas = document.createElement('canvas');
    const video = AgoraRTC.createCustomVideoTrack({ mediaStreamTrack: canvas.captureStream(5).getVideoTracks()[0]! });
    media.update({ tracks: { video }, cameraOff: true });
    await media.open();
    await media.publishTo(managed);
    expect(video.enabled).to.equal(false);
    expect(client.localTracks.map((track) => track.trackMediaType)).to.deep.equal(['audio']);
    media.update({ cameraOff: false });
    await media.publishTo(managed);
    expect(client.localTracks).to.include(video);
    media.update({ cameraOff: true });
    await media.publishTo(managed);
    media.release();
    await until(() => video.enabled, 'enabled again, as it came');
    expect(video.getMediaStreamTrack().readyState).to.equal('live');
    video.close();
  });

  it('a device that failed is not tried again until its id changes', async () => {
    const AgoraRTC = createFakeAgoraRTC();
    let cameras = 0;
    const create = AgoraRTC.createCameraVideoTrack.bind(AgoraRTC);
    AgoraRTC.createCameraVideoTrack = (config) => ((cameras += 1), create(config));
    AgoraRTC.fake.failNextTrack('camera', 'NOT_READABLE');
    const { media, errors, managed } = await makeMedia(AgoraRTC);
    await media.open();
    await media.publishTo(managed);
    media.update({ microphoneMuted: true });
    await media.publishTo(managed);
    expect(cameras).to.equal(1);
    expect(errors.map(({ code }) => code)).to.deep.equal(['NOT_READABLE']);
    media.update({ cameraId: 'fake-camera-2' });
    await media.publishTo(managed);
    expect(cameras).to.equal(2);
    expect((media.video as unknown as FakeLocalTrack).deviceId).to.equal('fake-camera-2');
    media.release();
  });
});
