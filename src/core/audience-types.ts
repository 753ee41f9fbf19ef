// The audience's shapes: what it needs of the SDK and of a client, its options, and what a view reads from it.
import type { AutoplaySdk } from './autoplay.js';
import type { SdkImporter } from './load-sdk.js';
import type { ConnectionStateDetail, RemoteUserDetail } from './managed-host.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { ConnectionState, RemoteTrack, RemoteUser, RetryConfig } from './sdk-types.js';
import type { TokenProvider } from './tokens.js';

/** Bounded retries (reference §3.5), as managed mode uses: an offline join fails in ~1.5 s instead of never. */
export const AUDIENCE_RETRIES: RetryConfig = { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 };

/** What the audience needs of an `IAgoraRTCClient`. */
export interface AudienceClient {
  readonly connectionState: ConnectionState;
  readonly remoteUsers: readonly RemoteUser[];
  readonly channelName?: string;
  setClientRole(role: 'audience', options?: { level: number }): Promise<void>;
  join(appId: string, channel: string, token: string | null, uid?: number | null): Promise<number | string>;
  leave(): Promise<void>;
  subscribe(user: RemoteUser | number | string, mediaType: 'audio' | 'video'): Promise<unknown>;
  renewToken(token: string): Promise<void>;
  on(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
}

/** What the audience needs of the AgoraRTC namespace. */
export interface AudienceSdk extends AutoplaySdk {
  readonly VERSION?: string;
  createClient(config: {
    mode: 'live';
    codec: 'vp8';
    httpRetryConfig?: RetryConfig;
    websocketRetryConfig?: RetryConfig;
  }): AudienceClient;
}

export interface AudienceOptions {
  appId?: string | null;
  channelName?: string | null;
  uid?: number | string | null;
  token?: string | null;
  tokenProvider?: TokenProvider | null;
  latency?: string | null;
  muted?: boolean;
  /** A page's own client: followed, never joined or left by us. */
  client?: AudienceClient | null;
  sdk?: AudienceSdk | null;
  importSdk?: SdkImporter;
  joinTimeoutMs?: number;
  leaveTimeoutMs?: number;
}

/** One host as a view shows it. */
export interface AudienceHost {
  uid: number | string;
  hasAudio: boolean;
  hasVideo: boolean;
  videoTrack?: RemoteTrack;
}

export type AudiencePhase = 'loading' | 'connecting' | 'live' | 'reconnecting' | 'failed' | 'closed';

/** What the status line says: `kind` is `error` for a failure, else `info`. */
export interface AudienceStatus {
  phase: AudiencePhase;
  kind: 'info' | 'error';
  text: string;
  /** For an error: the catalogue entry's id and the event detail it describes. */
  error?: RelayErrorDetail;
}

export interface AudienceEventMap {
  'connection-state-change': CustomEvent<ConnectionStateDetail>;
  'user-joined': CustomEvent<RemoteUserDetail>;
  'user-left': CustomEvent<RemoteUserDetail>;
  'user-published': CustomEvent<RemoteUserDetail>;
  'user-unpublished': CustomEvent<RemoteUserDetail>;
  'agora-relay-error': CustomEvent<RelayErrorDetail>;
  /** The hosts, the status or the autoplay block changed: what a view shows must be drawn again. */
  change: CustomEvent<void>;
}
