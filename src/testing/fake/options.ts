// Options of createFakeAgoraRTC().

export interface FakeAgoraRTCOptions {
  /** Milliseconds between the steps of every asynchronous answer; 0 (default) means the next macrotask. */
  latency?: number;
  /** Start with the network down (default false: up). */
  offline?: boolean;
  /**
   * With the network down and bounded retries (`httpRetryConfig` in createClient's config), join rejects
   * NETWORK_ERROR after this many ms (default 30; the real SDK takes about 1.5 s, agora-relay-sdk.md §3.5).
   */
  offlineJoinMs?: number;
  /** Same for a relay start offline with bounded retries (default 10; the real SDK takes about 0.5 s). */
  offlineRelayMs?: number;
  /** Delay before the automatic relay restart after a socket drop (default: `latency`; real ≈ 300 ms). */
  relayRestartMs?: number;
  /** Delay before a dropped gateway connection is CONNECTED again (default 300, as measured on the real SDK). */
  rejoinMs?: number;
}

export interface ResolvedOptions {
  latency: number;
  offlineJoinMs: number;
  offlineRelayMs: number;
  relayRestartMs: number;
  rejoinMs: number;
}

export function resolveOptions(options: FakeAgoraRTCOptions = {}): ResolvedOptions {
  const latency = options.latency ?? 0;
  return {
    latency,
    offlineJoinMs: options.offlineJoinMs ?? 30,
    offlineRelayMs: options.offlineRelayMs ?? 10,
    relayRestartMs: options.relayRestartMs ?? latency,
    rejoinMs: options.rejoinMs ?? 300,
  };
}
