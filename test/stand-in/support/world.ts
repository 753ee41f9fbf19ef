// What a scenario may do to the world around a client: the same moves, in words an app developer would use, for the
// real SDK through the local stand-in and for the offline fake. Each implementation says how it makes them happen.
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';

export type RelayStartFailure = 'server-error' | 'status-failed' | 'status-missing';

export interface ScenarioWorld {
  readonly name: string;
  readonly sdk: IAgoraRTC;
  /** A new `rtc` client that joins and relays in this world. */
  createClient(): IAgoraRTCClient;
  /** How long to wait where the real SDK needs `realMs` (its own timeouts are kept there; a fake may shorten them). */
  patience(realMs: number): number;
  /** A channel name no other scenario on this page uses (the SDK keeps a page-global uid map per channel). */
  channel(prefix: string): string;

  remoteUserJoins(client: IAgoraRTCClient, uid: number): Promise<void>;
  remoteUserPublishes(client: IAgoraRTCClient, uid: number, media: 'audio' | 'video'): Promise<void>;
  /** Unpublishes everything the remote user published. */
  remoteUserUnpublishes(client: IAgoraRTCClient, uid: number): Promise<void>;
  remoteUserLeaves(client: IAgoraRTCClient, uid: number): Promise<void>;
  tokenWillExpire(client: IAgoraRTCClient): Promise<void>;
  tokenDidExpire(client: IAgoraRTCClient): Promise<void>;
  /** The gateway connection drops; the SDK reconnects and rejoins. */
  dropGatewaySocket(client: IAgoraRTCClient): Promise<void>;
  /** The next join is refused with Agora's code 110 (the SDK's TOKEN_EXPIRE). */
  refuseNextJoin(client: IAgoraRTCClient): Promise<void>;
  /** The next join is never answered. */
  leaveNextJoinUnanswered(client: IAgoraRTCClient): Promise<void>;
  /** The gateway requests the client came back with after its first join (undefined if unknowable). */
  gatewayRejoins(client: IAgoraRTCClient): Promise<string[] | undefined>;
  /** What the service was told about published local media, in order: "publish video", "unpublish video", … */
  publishedMedia(client: IAgoraRTCClient): Promise<string[] | undefined>;

  /** The next relay start fails on the server's side, the way named. */
  failNextRelayStart(client: IAgoraRTCClient, how: RelayStartFailure): Promise<void>;
  /** The next relay update is never answered. */
  leaveNextUpdateUnanswered(client: IAgoraRTCClient): Promise<void>;
  /** The relay service says a relay token expired. */
  relayTokenExpires(client: IAgoraRTCClient, which: 'source' | 'destination'): Promise<void>;
  /** The relay service says it receives the source's audio or video. */
  relayPacketsReceived(client: IAgoraRTCClient, media: 'audio' | 'video'): Promise<void>;
  /** The relay connection drops; with `reconnect: false` the service refuses the SDK's reconnection. */
  dropRelaySocket(client: IAgoraRTCClient, options: { reconnect: boolean }): Promise<void>;
  /** The allocation requests, relay sockets opened and relay commands (no pings), in order (undefined if unknowable). */
  relayCommands(client: IAgoraRTCClient): Promise<string[] | undefined>;
  /** How many relay reconnections the service refused (undefined if unknowable). */
  refusedRelayReconnections(client: IAgoraRTCClient): Promise<number | undefined>;
  /** The relay allocation is refused by the app center (code 403: e.g. relay not enabled for the project). */
  refuseNextAllocation(client: IAgoraRTCClient): Promise<void>;
  /** The destination channel lists the relay service was sent, start then each update (undefined if unknowable). */
  sentDestinations(client: IAgoraRTCClient): Promise<string[][] | undefined>;

  /** Undoes every rule set for the last scenario. */
  reset(): Promise<void>;
}
