// The shape a contract case sees: the AgoraRTC namespace (real or fake) reduced to what the cases call.
export type Listener = (...args: unknown[]) => void;

export interface ContractRelayConfig {
  setSrcChannelInfo(info: unknown): void;
  addDestChannelInfo(info: unknown): void;
  removeDestChannelInfo(channelName: unknown): void;
  getSrcChannelMediaInfo(): unknown;
  getDestChannelMediaInfo(): Map<string, { channelName: string; uid: number; token?: string }>;
}

export interface ContractClient {
  readonly connectionState: string;
  readonly uid: unknown;
  readonly channelName: unknown;
  readonly mode: string;
  readonly role: string;
  readonly localTracks: readonly unknown[];
  readonly remoteUsers: readonly unknown[];
  join(appId: unknown, channel: unknown, token: unknown, uid?: unknown): Promise<unknown>;
  leave(): Promise<void>;
  setClientRole(role: unknown, options?: unknown): Promise<void>;
  unpublish(tracks?: unknown): Promise<void>;
  renewToken(token: unknown): Promise<void>;
  startChannelMediaRelay(config: unknown): Promise<void>;
  updateChannelMediaRelay(config: unknown): Promise<void>;
  stopChannelMediaRelay(): Promise<void>;
  on(event: string, listener: Listener): void;
  once(event: string, listener: Listener): void;
  off(event: string, listener: Listener): void;
}

export interface ContractSdk {
  readonly ChannelMediaRelayState: Record<string, unknown>;
  readonly ChannelMediaRelayError: Record<string, unknown>;
  readonly ChannelMediaRelayEvent: Record<string, unknown>;
  readonly [key: string]: unknown;
  createClient(config?: unknown): ContractClient;
  createChannelMediaRelayConfiguration(): ContractRelayConfig;
}

/** One implementation under test. */
export interface ContractImpl {
  readonly kind: 'real' | 'fake';
  readonly sdk: ContractSdk;
  /** createClient, remembering the client so the runner leaves it after the case. */
  createClient(config?: unknown): ContractClient;
  /** Marks a client joined without a join (real: the private `_joinInfo`, protocol reference §1; fake: forceJoined). */
  markJoined(client: ContractClient, uid?: number): void;
}

/** A case written once and run against both implementations. */
export interface ContractCase {
  name: string;
  /** Where the expected behaviour comes from. */
  source: string;
  run(impl: ContractImpl): Promise<void> | void;
}

/** Bounded retries: offline, join then rejects in about 1.5 s and a relay start in about 0.5 s (reference §3.5). */
export const BOUNDED_RETRY = { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 };
export const BOUNDED_CLIENT = {
  codec: 'vp8',
  mode: 'rtc',
  httpRetryConfig: BOUNDED_RETRY,
  websocketRetryConfig: BOUNDED_RETRY,
};
export const PLAIN_CLIENT = { codec: 'vp8', mode: 'rtc' };
