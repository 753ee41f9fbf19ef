// The slice of agora-rtc-sdk-ng the core uses, as structural types, so a fake (or a newer SDK) only needs what we
// call. Type-only: nothing here imports the SDK at run time. sdk-type-checks.ts proves the real SDK fits.
import type { RelayEvent, RelayState } from './relay-enums.js';

export interface RelayChannelInfo {
  channelName: string;
  uid: number;
  token?: string;
}

export interface RelayConfiguration {
  setSrcChannelInfo(info: RelayChannelInfo): void;
  addDestChannelInfo(info: RelayChannelInfo): void;
  removeDestChannelInfo(channelName: string): void;
}

export type ConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'RECONNECTING' | 'CONNECTED' | 'DISCONNECTING';

/** What the relay session needs of an `IAgoraRTCClient`. */
export interface RelayClient {
  readonly connectionState: ConnectionState;
  readonly localTracks: readonly unknown[];
  /** The client's role; `undefined` on SDKs before 4.18.1, which do not expose it. */
  readonly role?: string;
  /** The channel the client has joined; `undefined` while it is not in one. */
  readonly channelName?: string;
  startChannelMediaRelay(config: RelayConfiguration): Promise<void>;
  updateChannelMediaRelay(config: RelayConfiguration): Promise<void>;
  stopChannelMediaRelay(): Promise<void>;
  on(event: 'channel-media-relay-state', listener: (state: RelayState) => void): void;
  on(event: 'channel-media-relay-event', listener: (event: RelayEvent) => void): void;
  on(
    event: 'connection-state-change',
    listener: (state: ConnectionState, previous: ConnectionState, reason?: string) => void,
  ): void;
  off(event: string, listener: (...args: never[]) => void): void;
}

/** What the relay session needs of the AgoraRTC namespace. */
export interface RelaySdk {
  createChannelMediaRelayConfiguration(): RelayConfiguration;
}

/** An error thrown or rejected by the SDK: compare `code` to strings, never use `instanceof` (reference §1). */
export interface SdkError {
  name?: string;
  code?: string;
  message?: string;
}

// ---- managed mode: what the host needs to join, publish and show the channel itself ---------------------------

export interface LocalTrack {
  play(element: HTMLElement | string): void;
  stop(): void;
  close(): void;
}

// ---- managed mode controls: the local tracks' own controls (local-media.ts, devices.ts) ------------------------

/** A local track with the controls the SDK gives every local track (4.x). */
export interface ControlledTrack extends LocalTrack {
  readonly trackMediaType: 'audio' | 'video';
  readonly enabled: boolean;
  readonly muted: boolean;
  /** Stops or resumes capture (the camera's light goes off); a published track stays published (measured). */
  setEnabled(enabled: boolean): Promise<void>;
  /** Stops or resumes sending; capture goes on. */
  setMuted(muted: boolean): Promise<void>;
  getTrackLabel(): string;
  getMediaStreamTrack(): MediaStreamTrack;
  on(event: 'track-ended', listener: () => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
}

/** A microphone or camera track: switches its device live. */
export interface DeviceTrack extends ControlledTrack {
  setDevice(deviceId: string): Promise<void>;
}

/** A capture device as `getCameras()` / `getMicrophones()` list it (a MediaDeviceInfo). */
export interface SdkDevice {
  readonly deviceId: string;
  readonly label: string;
}

/** What the device list and the screen need of the AgoraRTC namespace. */
export interface DeviceSdk {
  getCameras(skipPermissionCheck?: boolean): Promise<SdkDevice[]>;
  getMicrophones(skipPermissionCheck?: boolean): Promise<SdkDevice[]>;
  /**
   * The SDK's single page-wide slots, `(info) => void` (unknown here: a slot is written as well as read); since 4.18
   * also the events `camera-changed` and `microphone-changed`.
   */
  onCameraChanged?: unknown;
  onMicrophoneChanged?: unknown;
  on?(event: 'camera-changed' | 'microphone-changed', listener: () => void): void;
  off?(event: string, listener: (...args: never[]) => void): void;
}

export interface RemoteTrack {
  /** Video plays into an element; audio plays with no element. */
  play(element?: HTMLElement | string): void;
  stop(): void;
  getMediaStreamTrack?(): MediaStreamTrack;
  /** Audio: 0 (silent) to 100 (as received), on this page only (cohost-audio.ts). */
  setVolume?(volume: number): void;
}

export interface RemoteUser {
  readonly uid: number | string;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  readonly audioTrack?: RemoteTrack;
  readonly videoTrack?: RemoteTrack;
}

export interface RetryConfig {
  timeout: number;
  timeoutFactor: number;
  maxRetryCount: number;
  maxRetryTimeout: number;
}

// ---- dual stream and network quality (low-stream.ts, stream-types.ts, network-quality.ts) -----------------

/** A publisher's low stream: may be called before or after joining; enabling twice rejects INVALID_OPERATION. */
export interface DualStreamClient {
  enableDualStream(): Promise<void>;
  disableDualStream(): Promise<void>;
}

/** A subscriber's choice of a publisher's stream: 0 high, 1 low. Rejects WS_ABORT while not connected. */
export interface StreamTypeClient {
  setRemoteVideoStreamType(uid: number | string, streamType: 0 | 1): Promise<void>;
}

/** The SDK's `network-quality` event's argument (every 2 s once joined): 0 unknown, 1 excellent … 6 down. */
export interface NetworkQualityStats {
  uplinkNetworkQuality: number;
  downlinkNetworkQuality: number;
}

/** What managed mode needs of an `IAgoraRTCClient`, beyond the relay. */
export interface ManagedClient extends RelayClient, DualStreamClient {
  readonly remoteUsers: readonly RemoteUser[];
  setClientRole(role: 'host' | 'audience'): Promise<void>;
  join(appId: string, channel: string, token: string | null, uid?: number | string | null): Promise<number | string>;
  leave(): Promise<void>;
  publish(tracks: LocalTrack | LocalTrack[]): Promise<void>;
  unpublish(tracks?: LocalTrack | LocalTrack[]): Promise<void>;
  subscribe(user: RemoteUser | number | string, mediaType: 'audio' | 'video'): Promise<unknown>;
  renewToken(token: string): Promise<void>;
  on(event: string, listener: (...args: never[]) => void): void;
}

/** What managed mode needs of the AgoraRTC namespace. */
export interface ManagedSdk extends RelaySdk {
  createClient(config: {
    mode: 'live';
    codec: 'vp8';
    httpRetryConfig?: RetryConfig;
    websocketRetryConfig?: RetryConfig;
  }): ManagedClient;
  createMicrophoneAudioTrack(config?: { microphoneId?: string }): Promise<LocalTrack>;
  createCameraVideoTrack(config?: { cameraId?: string }): Promise<LocalTrack>;
}

/** Managed mode with its controls: devices by id, and the screen. */
export interface ControlledSdk extends ManagedSdk, DeviceSdk {
  createMicrophoneAudioTrack(config?: { microphoneId?: string }): Promise<DeviceTrack>;
  createCameraVideoTrack(config?: { cameraId?: string }): Promise<DeviceTrack>;
  createScreenVideoTrack(config: Record<string, never>, withAudio: 'disable'): Promise<ControlledTrack>;
}
