// The events a RelaySession dispatches. The elements re-dispatch them on the host (and the status ones on each
// destination element) as bubbling, composed DOM events of the same names. No detail ever carries a token.
import type { RelayError, RelayEvent, RelayState } from './relay-enums.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { DetailOf } from './typed-event-target.js';

export type { RelayErrorDetail } from './relay-error.js';

export type DestinationStatus = 'idle' | 'pending' | 'relaying' | 'rejected' | 'failed';

export interface RelayStateDetail {
  state: RelayState;
  previousState: RelayState;
  /** `RELAY_OK` for every state but FAILURE; the SDK never says why a relay failed (reference §3.1). */
  code?: RelayError;
}

export interface RelayEventDetail {
  event: RelayEvent;
}

export interface DestinationStatusDetail {
  /** The `key` the destination was given (the element, for the elements); absent when none was given. */
  key?: unknown;
  /** Its position in the destination list. */
  index: number;
  channelName: string;
  status: DestinationStatus;
  error?: { code: string; message: string };
}

export interface RelaySessionEventMap {
  'channel-media-relay-state': CustomEvent<RelayStateDetail>;
  'channel-media-relay-event': CustomEvent<RelayEventDetail>;
  'agora-relay-error': CustomEvent<RelayErrorDetail>;
  'agora-relay-destination-status': CustomEvent<DestinationStatusDetail>;
  /** The SDK's relay on the client is stuck until the client leaves and joins again (core only, not a DOM event). */
  'agora-relay-stuck': CustomEvent<RelayErrorDetail>;
}

/** Dispatches one of the session's events with its detail (the session's own `emit`, handed to its parts). */
export type SessionEmit = <K extends keyof RelaySessionEventMap & string>(
  type: K,
  detail: DetailOf<RelaySessionEventMap[K]>,
) => void;
