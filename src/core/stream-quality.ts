// Dual stream and network quality: a managed host's low stream (`dual-stream`), which stream an audience subscribes
// to per host (low for small tiles), and the SDK's `network-quality` event in our shape.
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { DualStreamClient, NetworkQualityStats, StreamTypeClient } from './sdk-types.js';

export interface NetworkQualityDetail {
  /** 0 unknown, 1 excellent, 2 good, 3 poor, 4 bad, 5 very bad, 6 down (the SDK's scale). */
  uplink: number;
  downlink: number;
}

/** The SDK's `network-quality` argument in our event's shape. */
export function networkQualityDetail(stats: NetworkQualityStats): NetworkQualityDetail {
  return { uplink: stats.uplinkNetworkQuality, downlink: stats.downlinkNetworkQuality };
}

/** Passes each `network-quality` the client reports on; the function returned stops listening. */
export function followNetworkQuality(
  client: { on(event: string, listener: (...args: never[]) => void): void; off(event: string, listener: (...args: never[]) => void): void },
  emit: (detail: NetworkQualityDetail) => void,
): () => void {
  const listener = (stats: NetworkQualityStats) => emit(networkQualityDetail(stats));
  client.on('network-quality', listener);
  return () => client.off('network-quality', listener);
}

// ---- the publisher's low stream ------------------------------------------------------------------------------

/** Whether we last asked each client for a low stream (the SDK rejects a second enable with INVALID_OPERATION). */
const lowStreams = new WeakMap<DualStreamClient, boolean>();

export interface LowStreamContext {
  isClosed(): boolean;
  report(error: RelayErrorDetail): void;
}

/**
 * Asks the client for a low stream or for none, once per change. Called once the host has published (so a failure
 * cannot take the high stream with it): a failure is reported and the show goes on with the high stream. Never
 * rejects.
 */
export async function setLowStream(context: LowStreamContext, client: DualStreamClient, wanted: boolean): Promise<void> {
  if ((lowStreams.get(client) ?? false) === wanted) return;
  lowStreams.set(client, wanted);
  try {
    await (wanted ? client.enableDualStream() : client.disableDualStream());
  } catch (error) {
    // Not asked again until `dual-stream` changes: a refusal (an unsupported browser, say) is reported once.
    if (context.isClosed()) return;
    const detail = fromSdkError(error, 'publish', 'no reason given');
    const what = wanted ? 'publish the low stream' : 'stop the low stream';
    context.report({ ...detail, message: `dual-stream: could not ${what} (${detail.message}); the high stream goes on.` });
  }
}

/** For the publish path: the low stream when the host wants one (`lowStream` reads `dual-stream` as it is now). */
export function enableLowStream(
  context: LowStreamContext & { options: { lowStream?: () => boolean } },
  client: DualStreamClient,
): Promise<void> {
  return context.options.lowStream?.() ? setLowStream(context, client, true) : Promise.resolve();
}

// ---- the subscriber's choice ---------------------------------------------------------------------------------

/** A tile narrower than this many CSS pixels gets a host's low stream; wider, its high stream. */
export const SMALL_TILE_WIDTH = 320;

export const streamTypeFor = (width: number): 0 | 1 => (width < SMALL_TILE_WIDTH ? 1 : 0);

/**
 * Which stream an audience subscribes to per host: asks the SDK only when the type changes, and again after a
 * failure. A host without a low stream keeps sending its high stream (the SDK's rule), so asking is harmless.
 */
export class StreamTypes {
  readonly #asked = new Map<string, 0 | 1>();
  readonly #context: LowStreamContext;

  constructor(context: LowStreamContext) {
    this.#context = context;
  }

  /** What was last asked for `uid` (0 high, the SDK's default). */
  typeOf(uid: number | string): 0 | 1 {
    return this.#asked.get(String(uid)) ?? 0;
  }

  async set(client: Partial<StreamTypeClient>, uid: number | string, type: 0 | 1): Promise<void> {
    const key = String(uid);
    if (this.typeOf(uid) === type || typeof client.setRemoteVideoStreamType !== 'function') return;
    this.#asked.set(key, type);
    try {
      await client.setRemoteVideoStreamType(uid, type);
    } catch (error) {
      if (this.#asked.get(key) === type) this.#asked.delete(key);
      if (this.#context.isClosed()) return;
      const detail = fromSdkError(error, 'join', 'no reason given');
      const stream = type === 1 ? 'low' : 'high';
      this.#context.report({ ...detail, message: `Could not switch host ${key} to its ${stream} stream: ${detail.message}` });
    }
  }

  forget(uid: number | string): void {
    this.#asked.delete(String(uid));
  }
}
