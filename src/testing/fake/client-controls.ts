// The per-client controls, `client.fake`: what a test uses to drive one fake client and to see what it was asked.
import type { RelayError, RelayEvent } from '../../core/relay-enums.js';
import type { FakeHold, FakeMethod } from './call-plan.js';
import type { RelayConfigSnapshot } from './relay-configuration.js';
import type { FakeMediaType } from './remote-user.js';

/** One relay call as the client received it. */
export interface FakeRelayCall {
  method: 'start' | 'update' | 'stop';
  /** The configuration's values at call time (start/update with a valid configuration). */
  config?: RelayConfigSnapshot;
  settled: boolean;
  outcome?: 'resolved' | 'rejected';
  /** The rejection's code. */
  code?: string;
}

export interface FakeClientControls {
  /** Every relay call (start/update/stop) in order, with a snapshot of what it sent and how it ended. */
  readonly calls: readonly FakeRelayCall[];
  /** Relay calls made and not settled yet. */
  readonly inFlight: number;
  /** The most relay calls ever in flight at once. */
  readonly maxInFlight: number;
  /** Makes the next call of `method` reject with an SDK-shaped error `code` (queued: one failure per call). */
  failNext(method: FakeMethod, code: string, message?: string): void;
  /** Holds the next call of `method` until the returned handle releases or rejects it. */
  hold(method: FakeMethod): FakeHold;
  /** Adds `ms` before every later answer of `method` (0 removes the delay). */
  delay(method: FakeMethod, ms: number): void;
  /** A relay failure pushed by the server: listeners get IDLE then FAILURE (same task); the relay is then stuck. */
  relayFail(code: RelayError): void;
  /** Emits one `channel-media-relay-event` (e.g. PACKET_RECEIVED_AUDIO_FROM_SRC). */
  emitRelayEvent(event: RelayEvent): void;
  /** Drops the relay socket: NETWORK_DISCONNECTED, IDLE, then an automatic restart (reconnect) or silence. */
  dropRelaySocket(options: { reconnect: boolean }): void;
  /** A remote user joins the channel (`user-joined`). Returns nothing; find it in `client.remoteUsers`. */
  addRemoteUser(uid: number | string): void;
  /** A remote user publishes audio or video (`user-published`). */
  publishRemote(uid: number | string, mediaType: FakeMediaType): void;
  /** A remote user unpublishes audio or video (`user-unpublished`). */
  unpublishRemote(uid: number | string, mediaType: FakeMediaType): void;
  /** A remote user leaves: `user-unpublished` per published media, then `user-left` with reason "Quit". */
  removeRemoteUser(uid: number | string): void;
  /** The join token is about to expire (`token-privilege-will-expire`). */
  pushTokenWillExpire(): void;
  /**
   * The join token expired: DISCONNECTING, DISCONNECTED (reason TOKEN_EXPIRE), then `token-privilege-did-expire`;
   * the client is out of the channel.
   */
  pushTokenDidExpire(): void;
  /** The gateway drops the connection: RECONNECTING (no reason), then CONNECTED again after `rejoinMs`. */
  dropGatewaySocket(): void;
  /** Listeners registered on the client, for one event or in total (to check for leaks). */
  listenerCount(event?: string): number;
  /**
   * Marks the client joined without the join flow (connection CONNECTED, no event), in `channel` (default
   * `fake-channel`); returns the uid.
   */
  forceJoined(uid?: number, channel?: string): number;
  /** Whether the low stream is enabled (enableDualStream resolved, no disableDualStream since). */
  readonly dualStream: boolean;
  /** The stream type each remote uid was last set to (setRemoteVideoStreamType resolved): 0 high, 1 low. */
  readonly streamTypes: ReadonlyMap<number | string, number>;
  /** Emits one `network-quality` ({ uplinkNetworkQuality, downlinkNetworkQuality }), as the SDK does every 2 s. */
  emitNetworkQuality(uplink: number, downlink: number): void;
  /** The relay's internal state as the SDK keeps it (FAILURE or CONNECTING after a failure = stuck), if any. */
  readonly relayState: string | undefined;
}
