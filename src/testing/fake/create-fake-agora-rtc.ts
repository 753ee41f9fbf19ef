// createFakeAgoraRTC(): an object shaped like the AgoraRTC namespace for what the elements use, offline, plus
// namespace-level controls in `.fake`. Behaves as agora-rtc-sdk-ng 4.24.8 by default (checked by test/contract).
import type { FakeClientConfig } from './fake-client.js';
import { FakeClient } from './fake-client.js';
import { sdkError } from './errors.js';
import { createCanvasVideoTrack, createSilentAudioTrack, FakeLocalTrack } from './fake-tracks.js';
import { FakeNetwork } from './network.js';
import type { FakeNetworkControls } from './network.js';
import type { FakeAgoraRTCOptions } from './options.js';
import { resolveOptions } from './options.js';
import { FakeChannelMediaRelayConfiguration } from './relay-configuration.js';
import { ChannelMediaRelayError, ChannelMediaRelayEvent, ChannelMediaRelayState } from './relay-enums.js';
import { sleep } from './timing.js';
import { checkOneOf, checkRetryConfig } from './validation.js';

/** Which local track creation `failNextTrack` makes fail. */
export type FakeTrackSource = 'camera' | 'microphone';

/** Namespace-level controls: `AgoraRTC.fake`. */
export interface FakeAgoraRTCControls {
  /** Every client createClient() made, in order. */
  readonly clients: readonly FakeClient[];
  /** The shared network: `online`, `drop()`, `restore()`. */
  readonly network: FakeNetworkControls;
  /** Makes the next camera or microphone track creation reject with `code` (e.g. PERMISSION_DENIED, NOT_READABLE). */
  failNextTrack(kind: FakeTrackSource, code: string, message?: string): void;
}

/** The fake namespace. */
export interface FakeAgoraRTC {
  readonly VERSION: string;
  readonly ChannelMediaRelayState: typeof ChannelMediaRelayState;
  readonly ChannelMediaRelayError: typeof ChannelMediaRelayError;
  readonly ChannelMediaRelayEvent: typeof ChannelMediaRelayEvent;
  createClient(config?: FakeClientConfig): FakeClient;
  createChannelMediaRelayConfiguration(): FakeChannelMediaRelayConfiguration;
  createCameraVideoTrack(config?: unknown): Promise<FakeLocalTrack>;
  createMicrophoneAudioTrack(config?: unknown): Promise<FakeLocalTrack>;
  createCustomVideoTrack(config: { mediaStreamTrack: MediaStreamTrack }): FakeLocalTrack;
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

  async function createTrack(kind: FakeTrackSource, make: () => FakeLocalTrack): Promise<FakeLocalTrack> {
    await sleep(resolved.latency);
    const failure = trackFailures.get(kind)?.shift();
    if (failure) throw sdkError(failure.code, failure.message);
    return make();
  }

  return {
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
      const client = new FakeClient(config, resolved, network);
      clients.push(client);
      return client;
    },
    createChannelMediaRelayConfiguration: () => new FakeChannelMediaRelayConfiguration(),
    createCameraVideoTrack: () => createTrack('camera', createCanvasVideoTrack),
    createMicrophoneAudioTrack: () => createTrack('microphone', createSilentAudioTrack),
    createCustomVideoTrack: ({ mediaStreamTrack }) => new FakeLocalTrack('video', mediaStreamTrack),
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
    },
  };
}
