// createFakeAgoraRTC(): an object shaped like the AgoraRTC namespace for what the elements use, offline, plus
// namespace-level controls in `.fake`. Behaves as agora-rtc-sdk-ng 4.24.8 by default (checked by test/contract).
import { FakeAutoplay } from './autoplay.js';
import type { FakeClientConfig } from './fake-client.js';
import { FakeClient } from './fake-client.js';
import { sdkError } from './errors.js';
import { FakeDevices, type FakeDevice, type FakeDeviceKind, type FakeDevicesControls } from './fake-devices.js';
import { createCanvasVideoTrack, createScreenTrack, createSilentAudioTrack, FakeLocalTrack } from './fake-tracks.js';
import { FakeNetwork } from './network.js';
import type { FakeNetworkControls } from './network.js';
import type { FakeAgoraRTCOptions } from './options.js';
import { resolveOptions } from './options.js';
import { FakeChannelMediaRelayConfiguration } from './relay-configuration.js';
import { ChannelMediaRelayError, ChannelMediaRelayEvent, ChannelMediaRelayState } from './relay-enums.js';
import { sleep } from './timing.js';
import { checkOneOf, checkRetryConfig } from './validation.js';

/** Which local track creation `failNextTrack` makes fail. */
export type FakeTrackSource = 'camera' | 'microphone' | 'screen';

/** Namespace-level controls: `AgoraRTC.fake`. */
export interface FakeAgoraRTCControls {
  /** Every client createClient() made, in order. */
  readonly clients: readonly FakeClient[];
  /** The shared network: `online`, `drop()`, `restore()`. */
  readonly network: FakeNetworkControls;
  /** Makes the next camera or microphone track creation reject with `code` (e.g. PERMISSION_DENIED, NOT_READABLE). */
  failNextTrack(kind: FakeTrackSource, code: string, message?: string): void;
  /**
   * Simulates the browser's autoplay block (true) for remote audio: play() is refused and reported through
   * `onAutoplayFailed` and `autoplay-failed`, once until a click on the page; false lifts it and plays what waited.
   */
  refuseAutoplay(refuse: boolean): void;
  /** How many times a refusal was reported (real refusals by the browser included). */
  readonly autoplayReports: number;
  /** The cameras and microphones: `list`, `plug(kind, deviceId, label?)`, `unplug(deviceId)`. */
  readonly devices: FakeDevicesControls;
}

/** The fake namespace. */
export interface FakeAgoraRTC {
  readonly VERSION: string;
  readonly ChannelMediaRelayState: typeof ChannelMediaRelayState;
  readonly ChannelMediaRelayError: typeof ChannelMediaRelayError;
  readonly ChannelMediaRelayEvent: typeof ChannelMediaRelayEvent;
  createClient(config?: FakeClientConfig): FakeClient;
  createChannelMediaRelayConfiguration(): FakeChannelMediaRelayConfiguration;
  createCameraVideoTrack(config?: { cameraId?: string }): Promise<FakeLocalTrack>;
  createMicrophoneAudioTrack(config?: { microphoneId?: string }): Promise<FakeLocalTrack>;
  createCustomVideoTrack(config: { mediaStreamTrack: MediaStreamTrack }): FakeLocalTrack;
  createCustomAudioTrack(config: { mediaStreamTrack: MediaStreamTrack }): FakeLocalTrack;
  /** The screen (a canvas of its own colour); its `endFromBrowser()` is the browser's "Stop sharing". */
  createScreenVideoTrack(config: object, withAudio: 'disable'): Promise<FakeLocalTrack>;
  /** What is plugged in (MediaDeviceInfo-shaped), as if permission were granted. */
  getCameras(skipPermissionCheck?: boolean): Promise<FakeDevice[]>;
  getMicrophones(skipPermissionCheck?: boolean): Promise<FakeDevice[]>;
  /** The SDK's one page-wide slot for autoplay refusals. */
  onAutoplayFailed: (() => void) | undefined;
  /** The SDK's page-wide slots for a device plugged in or out: `(info) => void`. */
  onCameraChanged: unknown;
  onMicrophoneChanged: unknown;
  /** Namespace events: `autoplay-failed`, `camera-changed`, `microphone-changed`. */
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
  setLogLevel(level: number): void;
  disableLogUpload(): void;
  enableLogUpload(): void;
  /** Test controls. */
  readonly fake: FakeAgoraRTCControls;
}

/** Default messages for track failures, shaped like the SDK's (which prefix the browser's DOMException). */
const TRACK_MESSAGES: Record<string, string> = {
  PERMISSION_DENIED: 'NotAllowedError: Permission denied',
  NOT_READABLE: 'NotReadableError: Could not start video source',
  DEVICE_NOT_FOUND: 'NotFoundError: Requested device not found',
};

export function createFakeAgoraRTC(options?: FakeAgoraRTCOptions): FakeAgoraRTC {
  const resolved = resolveOptions(options);
  const network = new FakeNetwork(!options?.offline);
  const clients: FakeClient[] = [];
  const trackFailures = new Map<FakeTrackSource, { code: string; message: string }[]>();
  const autoplay = new FakeAutoplay();
  const devices = new FakeDevices();
  /** Camera and microphone tracks, ended when their device is unplugged. */
  const deviceTracks = new Set<FakeLocalTrack>();
  devices.onUnplugged = (device) => {
    for (const track of [...deviceTracks]) if (track.deviceId === device.deviceId) track.endFromBrowser();
  };
  const capturing = (track: FakeLocalTrack) => {
    deviceTracks.add(track);
    track.once('track-ended', () => deviceTracks.delete(track));
    return track;
  };

  async function createTrack(kind: FakeTrackSource, make: () => FakeLocalTrack): Promise<FakeLocalTrack> {
    await sleep(resolved.latency);
    const failure = trackFailures.get(kind)?.shift();
    if (failure) throw sdkError(failure.code, failure.message);
    return make();
  }

  /** The device a camera or microphone opens: an id nobody lists fails as the SDK's getUserMedia does (measured). */
  function deviceSource(kind: FakeDeviceKind, deviceId: string | undefined) {
    const device = devices.find(kind, deviceId);
    if (!device) {
      if (deviceId) throw sdkError('UNEXPECTED_ERROR', 'can not find stream after getUserMedia');
      throw sdkError('DEVICE_NOT_FOUND', 'NotFoundError: Requested device not found');
    }
    return { kind, device, find: (id: string) => devices.find(kind, id) };
  }

  const namespace: FakeAgoraRTC = {
    VERSION: '4.24.8-fake',
    ChannelMediaRelayState,
    ChannelMediaRelayError,
    ChannelMediaRelayEvent,
    createClient(config: FakeClientConfig = { codec: 'vp8', audioCodec: 'opus', mode: 'rtc' }) {
      // The SDK's checks, in its order: codec first, so {mode:'bogus'} and {} fail on the codec (measured).
      checkOneOf(config.codec, 'config.codec', ['vp8', 'vp9', 'av1', 'h264', 'h265']);
      checkOneOf(config.mode, 'config.mode', ['rtc', 'live', 'p2p']);
      if (config.audioCodec !== undefined) checkOneOf(config.audioCodec, 'config.audioCodec', ['opus', 'pcmu', 'pcma', 'g722']);
      if (config.httpRetryConfig !== undefined) checkRetryConfig(config.httpRetryConfig);
      if (config.websocketRetryConfig !== undefined) checkRetryConfig(config.websocketRetryConfig);
      const client = new FakeClient(config, resolved, network, autoplay);
      clients.push(client);
      return client;
    },
    createChannelMediaRelayConfiguration: () => new FakeChannelMediaRelayConfiguration(),
    createCameraVideoTrack: (config) =>
      createTrack('camera', () => capturing(createCanvasVideoTrack(deviceSource('videoinput', config?.cameraId)))),
    createMicrophoneAudioTrack: (config) =>
      createTrack('microphone', () => capturing(createSilentAudioTrack(deviceSource('audioinput', config?.microphoneId)))),
    createCustomVideoTrack: ({ mediaStreamTrack }) => new FakeLocalTrack('video', mediaStreamTrack),
    createCustomAudioTrack: ({ mediaStreamTrack }) => new FakeLocalTrack('audio', mediaStreamTrack),
    createScreenVideoTrack: () => createTrack('screen', createScreenTrack),
    getCameras: async () => devices.of('videoinput'),
    getMicrophones: async () => devices.of('audioinput'),
    onAutoplayFailed: undefined,
    onCameraChanged: undefined,
    onMicrophoneChanged: undefined,
    on: (event, listener) => {
      if (event === 'autoplay-failed') autoplay.on(listener);
      else devices.events.on(event, listener);
    },
    off: (event, listener) => {
      if (event === 'autoplay-failed') autoplay.off(listener);
      else devices.events.off(event, listener);
    },
    setLogLevel: () => undefined,
    disableLogUpload: () => undefined,
    enableLogUpload: () => undefined,
    fake: {
      clients,
      network,
      failNextTrack(kind, code, message) {
        const list = trackFailures.get(kind) ?? [];
        list.push({ code, message: message ?? TRACK_MESSAGES[code] ?? '' });
        trackFailures.set(kind, list);
      },
      refuseAutoplay(refuse) {
        if (refuse) autoplay.refusing = true;
        else autoplay.lift();
      },
      get autoplayReports() {
        return autoplay.reports;
      },
      devices,
    },
  };
  autoplay.attach(namespace);
  devices.attach(namespace);
  return namespace;
}
