// Managed mode's shapes: the options a host element gives it, the events it dispatches, and what its helpers need of
// it (ManagedContext).
import type { SdkImporter } from './load-sdk.js';
import type { DevicesDetail } from './devices.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { ConnectionState, ManagedSdk } from './sdk-types.js';
import type { TokenProvider } from './tokens.js';
import type { NetworkQualityDetail } from './network-quality.js';
import type { DetailOf } from './typed-event-target.js';

export interface ManagedHostOptions {
  appId: string;
  channelName: string;
  joinUid?: number | string | null;
  joinToken?: string | null;
  tokenProvider?: TokenProvider | null;
  sdk?: ManagedSdk | null;
  importSdk?: SdkImporter;
  joinTimeoutMs?: number;
}

export interface ConnectionStateDetail {
  state: ConnectionState;
  previousState: ConnectionState;
  reason?: string;
}

export interface RemoteUserDetail {
  uid: number | string;
  mediaType?: 'audio' | 'video';
  reason?: string;
}

export interface ManagedHostEventMap {
  'connection-state-change': CustomEvent<ConnectionStateDetail>;
  'user-joined': CustomEvent<RemoteUserDetail>;
  'user-left': CustomEvent<RemoteUserDetail>;
  'user-published': CustomEvent<RemoteUserDetail>;
  'user-unpublished': CustomEvent<RemoteUserDetail>;
  'agora-relay-error': CustomEvent<RelayErrorDetail>;
  /** The SDK's `network-quality`, every 2 s once joined. */
  'network-quality': CustomEvent<NetworkQualityDetail>;
  /** The cameras and microphones, after permission and on each one plugged in or out. */
  'devices-change': CustomEvent<DevicesDetail>;
  /** Screen sharing stopped by itself: the browser's "Stop sharing" (`ended`) or it never began (`failed`). */
  'screen-share-ended': CustomEvent<{ reason: 'ended' | 'failed' }>;
  /** The local tracks or the remote users changed: what a view shows must be drawn again. */
  'media-change': CustomEvent<void>;
}

/** What joining and following the channel need of the ManagedHost: its options, its state, its events. */
export interface ManagedContext {
  readonly options: ManagedHostOptions;
  isClosed(): boolean;
  /** An `agora-relay-error` event. */
  report(error: RelayErrorDetail): void;
  emit<K extends keyof ManagedHostEventMap & string>(type: K, detail: DetailOf<ManagedHostEventMap[K]>): void;
}
