// What a managed host's local media has published, and on which client (local-media.ts decides what is wanted; this
// makes the client's publications follow it). A disabled track cannot be published (the SDK refuses it with
// TRACK_IS_DISABLED): it goes out when it is turned on again.
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ControlledTrack, LocalTrack, ManagedClient } from './sdk-types.js';
import { withinLimit } from './within-limit.js';

/** How long leaving to preview waits on `unpublish` (the SDK may never answer). */
const UNPUBLISH_WAIT_MS = 1000;

export class LocalPublication {
  #client: ManagedClient | null = null;
  readonly #published = new Set<LocalTrack>();
  readonly #report: (error: RelayErrorDetail) => void;
  /** True once the host is gone: failures then are nobody's news. */
  readonly #gone: () => boolean;

  constructor(report: (error: RelayErrorDetail) => void, gone: () => boolean) {
    this.#report = report;
    this.#gone = gone;
  }

  /** Tracks published on the client now. */
  get size(): number {
    return this.#published.size;
  }

  /** The joined client to publish on (after the next sync). */
  set client(client: ManagedClient | null) {
    this.#client = client;
  }

  /** Unpublishes what is no longer wanted and publishes what is wanted and not out yet. Never rejects. */
  async sync(wanted: readonly ControlledTrack[]): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const stale = [...this.#published].filter((track) => !wanted.includes(track as ControlledTrack));
    if (stale.length > 0) {
      for (const track of stale) this.#published.delete(track);
      await client.unpublish(stale).catch((error: unknown) => {
        if (!this.#gone()) this.#report(fromSdkError(error, 'publish', 'Could not unpublish.'));
      });
    }
    const fresh = wanted.filter((track) => !this.#published.has(track) && track.enabled !== false);
    if (fresh.length === 0 || this.#client !== client) return;
    try {
      await client.publish(fresh);
      if (this.#client === client) for (const track of fresh) this.#published.add(track);
    } catch (error) {
      if (!this.#gone() && this.#client === client) this.#report(fromSdkError(error, 'publish', 'Could not publish.'));
    }
  }

  /** Unpublishes everything (bounded: the SDK may never answer) and forgets the client. */
  async unpublishAll(): Promise<void> {
    const client = this.#client;
    const tracks = [...this.#published];
    this.forget();
    if (client && tracks.length > 0 && client.connectionState === 'CONNECTED') {
      await withinLimit(client.unpublish(tracks), UNPUBLISH_WAIT_MS);
    }
  }

  /** Forgets the client and what was published on it, with no SDK call (removal: leaving unpublishes anyway). */
  forget(): void {
    this.#client = null;
    this.#published.clear();
  }

  /** A track that is being closed is no longer ours to unpublish. */
  drop(track: LocalTrack): void {
    this.#published.delete(track);
  }
}
