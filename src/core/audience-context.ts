// What the AudienceViewer's helpers (audience-joining.ts, audience-hosts.ts) need of it: its options, its state, and
// where failures and events go. The viewer holds the state; they only read it and report through it.
import type { AudienceEventMap, AudienceOptions } from './audience-types.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { DetailOf } from './typed-event-target.js';

export interface AudienceContext {
  readonly options: AudienceOptions;
  isClosed(): boolean;
  isMuted(): boolean;
  /** A failure that ends the viewing. */
  fail(error: RelayErrorDetail): void;
  /** A failure that does not end the viewing: shown until something succeeds. */
  warn(error: RelayErrorDetail): void;
  /** An `agora-relay-error` event, and nothing more. */
  report(error: RelayErrorDetail): void;
  emit<K extends keyof AudienceEventMap & string>(type: K, detail: DetailOf<AudienceEventMap[K]>): void;
}
