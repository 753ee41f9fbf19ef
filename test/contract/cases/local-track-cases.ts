// Contract cases for the local tracks' controls that managed mode uses (issue 14), offline on both implementations:
// a custom track's mute and enabled states and what they do to its MediaStreamTrack, its events, and the namespace's
// device-change hooks. The cases that need a camera or microphone run where Chromium has fake devices
// (test/stand-in/contract-devices.chromium.test.ts, deviceCases below).
import { expect } from '@open-wc/testing';
import type { ContractCase, ContractSdk } from './contract-types.js';
import { callAsync, expectRejects, sleep } from './helpers.js';

const SEEN = 'measured on the real SDK';

interface Track {
  readonly trackMediaType: string;
  readonly enabled: boolean;
  readonly muted: boolean;
  setEnabled(enabled: boolean): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setDevice?(deviceId: string): Promise<void>;
  getMediaStreamTrack(): MediaStreamTrack;
  getTrackLabel(): string;
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
  close(): void;
}

interface Device {
  deviceId: string;
  label: string;
  kind: string;
}

const tracksOf = (sdk: ContractSdk) =>
  sdk as unknown as {
    createCustomVideoTrack(config: { mediaStreamTrack: MediaStreamTrack }): Track;
    createCustomAudioTrack(config: { mediaStreamTrack: MediaStreamTrack }): Track;
    createCameraVideoTrack(config?: { cameraId?: string }): Promise<Track>;
    createMicrophoneAudioTrack(config?: { microphoneId?: string }): Promise<Track>;
    getCameras(skipPermissionCheck?: boolean): Promise<Device[]>;
    getMicrophones(skipPermissionCheck?: boolean): Promise<Device[]>;
    on(event: string, listener: () => void): void;
    off(event: string, listener: () => void): void;
    onCameraChanged: unknown;
    onMicrophoneChanged: unknown;
  };

function canvasTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.getContext('2d')?.fillRect(0, 0, 10, 10);
  const track = canvas.captureStream(5).getVideoTracks()[0];
  if (!track) throw new Error('canvas.captureStream() gave no video track');
  return track;
}

function silentTrack(): { track: MediaStreamTrack; close(): void } {
  const context = new AudioContext();
  const track = context.createMediaStreamDestination().stream.getAudioTracks()[0];
  if (!track) throw new Error('no audio track');
  return { track, close: () => void context.close().catch(() => undefined) };
}

export const localTrackCases: ContractCase[] = [
  {
    name: 'createCustomVideoTrack / createCustomAudioTrack: their kind, enabled and unmuted, labelled as the MediaStreamTrack',
    source: SEEN,
    run({ sdk }) {
      const media = canvasTrack();
      const audio = silentTrack();
      const video = tracksOf(sdk).createCustomVideoTrack({ mediaStreamTrack: media });
      const sound = tracksOf(sdk).createCustomAudioTrack({ mediaStreamTrack: audio.track });
      try {
        expect([video.trackMediaType, sound.trackMediaType]).to.deep.equal(['video', 'audio']);
        expect([video.enabled, video.muted]).to.deep.equal([true, false]);
        expect(video.getMediaStreamTrack()).to.equal(media);
        expect(video.getTrackLabel()).to.equal(media.label);
      } finally {
        video.close();
        sound.close();
        audio.close();
      }
    },
  },
  {
    name: 'a custom track: setEnabled(false) and setMuted(true) only disable its MediaStreamTrack, never end it; both undo',
    source: SEEN,
    async run({ sdk }) {
      const media = canvasTrack();
      const video = tracksOf(sdk).createCustomVideoTrack({ mediaStreamTrack: media });
      try {
        await video.setEnabled(false);
        expect([video.enabled, media.readyState, media.enabled]).to.deep.equal([false, 'live', false]);
        await video.setEnabled(true);
        expect([video.enabled, media.readyState, media.enabled]).to.deep.equal([true, 'live', true]);
        await video.setMuted(true);
        expect([video.muted, media.readyState, media.enabled]).to.deep.equal([true, 'live', false]);
        await video.setMuted(false);
        expect([video.muted, media.enabled]).to.deep.equal([false, true]);
        expect(video.getMediaStreamTrack(), 'the same MediaStreamTrack throughout').to.equal(media);
      } finally {
        video.close();
      }
    },
  },
  {
    name: 'a local track takes and drops a track-ended listener; close() ends its MediaStreamTrack',
    source: SEEN,
    run({ sdk }) {
      const media = canvasTrack();
      const video = tracksOf(sdk).createCustomVideoTrack({ mediaStreamTrack: media });
      const listener = () => undefined;
      video.on('track-ended', listener);
      video.off('track-ended', listener);
      video.close();
      expect(media.readyState).to.equal('ended');
    },
  },
  {
    name: 'the namespace has camera-changed / microphone-changed events and the onCameraChanged / onMicrophoneChanged slots',
    source: 'reference: SDK typings (4.18+) and the 4.24.8 bundle',
    run({ sdk }) {
      const namespace = tracksOf(sdk);
      const listener = () => undefined;
      namespace.on('camera-changed', listener);
      namespace.off('camera-changed', listener);
      namespace.on('microphone-changed', listener);
      namespace.off('microphone-changed', listener);
      expect(namespace.onCameraChanged ?? undefined).to.equal(undefined);
      const slot = () => undefined;
      namespace.onCameraChanged = slot;
      expect(namespace.onCameraChanged).to.equal(slot);
      namespace.onCameraChanged = undefined;
      expect(typeof namespace.getCameras).to.equal('function');
      expect(typeof namespace.getMicrophones).to.equal('function');
    },
  },
];

/** Cases with a camera and microphone (Chromium's fake devices for the real SDK; the fake's own devices). */
export const deviceCases: ContractCase[] = [
  {
    name: 'getCameras / getMicrophones list MediaDeviceInfo-shaped devices with ids and labels (after permission)',
    source: SEEN,
    async run({ sdk }) {
      const namespace = tracksOf(sdk);
      const warm = await namespace.createMicrophoneAudioTrack();
      warm.close();
      const cameras = await namespace.getCameras(true);
      const microphones = await namespace.getMicrophones(true);
      expect(cameras.length).to.be.greaterThan(0);
      expect(microphones.length).to.be.greaterThan(0);
      for (const device of [...cameras, ...microphones]) {
        expect(typeof device.deviceId === 'string' && device.deviceId !== '', 'a deviceId').to.equal(true);
        expect(typeof device.label === 'string' && device.label !== '', 'a label').to.equal(true);
      }
      expect(new Set(cameras.map((device) => device.kind))).to.deep.equal(new Set(['videoinput']));
      expect(new Set(microphones.map((device) => device.kind))).to.deep.equal(new Set(['audioinput']));
    },
  },
  {
    name: 'createCameraVideoTrack({ cameraId }) with an id nobody lists rejects UNEXPECTED_ERROR',
    source: SEEN,
    async run({ sdk }) {
      const promise = callAsync(() => tracksOf(sdk).createCameraVideoTrack({ cameraId: 'no-such-camera' }), 'createCameraVideoTrack');
      await expectRejects(promise, 'UNEXPECTED_ERROR', 'can not find stream after getUserMedia', 5000);
    },
  },
  {
    name: 'setDevice with an unknown id rejects DEVICE_NOT_FOUND and the track keeps capturing from its device',
    source: SEEN,
    async run({ sdk }) {
      const camera = await tracksOf(sdk).createCameraVideoTrack();
      try {
        const media = camera.getMediaStreamTrack();
        const label = camera.getTrackLabel();
        await expectRejects(callAsync(() => camera.setDevice!('no-such-camera'), 'setDevice'), 'DEVICE_NOT_FOUND', 'deviceId: no-such-camera', 5000);
        expect(camera.getMediaStreamTrack()).to.equal(media);
        expect(media.readyState).to.equal('live');
        expect(camera.getTrackLabel()).to.equal(label);
      } finally {
        camera.close();
      }
    },
  },
  {
    name: 'a camera: setEnabled(false) ends its capture (the light goes off), setEnabled(true) captures again with a new MediaStreamTrack',
    source: SEEN,
    async run({ sdk }) {
      const camera = await tracksOf(sdk).createCameraVideoTrack();
      try {
        const first = camera.getMediaStreamTrack();
        await camera.setEnabled(false);
        expect([camera.enabled, first.readyState]).to.deep.equal([false, 'ended']);
        await camera.setEnabled(true);
        const second = camera.getMediaStreamTrack();
        expect([camera.enabled, second.readyState, second === first]).to.deep.equal([true, 'live', false]);
      } finally {
        camera.close();
      }
    },
  },
  {
    name: 'a camera whose capture ends by itself (the MediaStreamTrack’s ended event: unplugged) emits track-ended; stop() alone does not',
    source: SEEN,
    async run({ sdk }) {
      const camera = await tracksOf(sdk).createCameraVideoTrack();
      try {
        let ended = 0;
        camera.on('track-ended', () => (ended += 1));
        const media = camera.getMediaStreamTrack();
        media.stop();
        await sleep(100);
        expect(ended, 'after stop()').to.equal(0);
        media.dispatchEvent(new Event('ended'));
        await sleep(100);
        expect(ended, 'after the ended event').to.equal(1);
      } finally {
        camera.close();
      }
    },
  },
  {
    name: 'a microphone: setMuted(true) keeps capturing, its MediaStreamTrack disabled',
    source: SEEN,
    async run({ sdk }) {
      const microphone = await tracksOf(sdk).createMicrophoneAudioTrack();
      try {
        await microphone.setMuted(true);
        const media = microphone.getMediaStreamTrack();
        expect([microphone.muted, microphone.enabled, media.readyState, media.enabled]).to.deep.equal([true, true, 'live', false]);
        await microphone.setMuted(false);
        expect(microphone.getMediaStreamTrack().enabled).to.equal(true);
      } finally {
        microphone.close();
      }
    },
  },
];
