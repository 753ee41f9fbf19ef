// The SDK's `network-quality` (every 2 s once joined) in our event's shape, for the managed host and the audience.
import type { NetworkQualityStats } from './sdk-types.js';

export interface NetworkQualityDetail {
  /** 0 unknown, 1 excellent, 2 good, 3 poor, 4 bad, 5 very bad, 6 down (the SDK's scale). */
  uplink: number;
  downlink: number;
}

export const networkQualityDetail = (stats: NetworkQualityStats): NetworkQualityDetail => ({
  uplink: stats.uplinkNetworkQuality,
  downlink: stats.downlinkNetworkQuality,
});

type Listening = (event: string, listener: (...args: never[]) => void) => void;

/** Passes each `network-quality` the client reports on; the function returned stops listening. */
export function followNetworkQuality(
  client: { on: Listening; off: Listening },
  emit: (detail: NetworkQualityDetail) => void,
): () => void {
  const listener = (stats: NetworkQualityStats) => emit(networkQualityDetail(stats));
  client.on('network-quality', listener);
  return () => client.off('network-quality', listener);
}
