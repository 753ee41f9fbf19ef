// Which of a host's streams an audience subscribes to: the low one for a small tile, the high one for a big tile.
import { fromSdkError } from './relay-error.js';
import type { LowStreamContext } from './low-stream.js';
import type { StreamTypeClient } from './sdk-types.js';

/** A tile narrower than this many CSS pixels gets a host's low stream; wider, its high stream. */
export const SMALL_TILE_WIDTH = 320;

export const streamTypeFor = (width: number): 0 | 1 => (width < SMALL_TILE_WIDTH ? 1 : 0);

/**
 * Asks the SDK only when a host's type changes, and again after a failure. A host without a low stream keeps sending
 * its high stream (the SDK's rule), so asking is harmless.
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
}
