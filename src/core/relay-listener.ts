// What the SDK says about the relay on the attached client, turned into RelayFacts: its relay states (the
// IDLE-then-FAILURE pair folded into one FAILURE), its relay events, leaving and joining, and the watchdog for a
// relay the SDK leaves IDLE without a word. Every listener it adds has a disposer.
import type { RelayState } from './relay-enums.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { RelayFacts } from './relay-planner.js';
import type { ConnectionState, RelayClient } from './sdk-types.js';
import type { RelayEventDetail, SessionEmit } from './session-events.js';
import { sessionTimers } from './session-timers.js';

const STUCK_HINT = 'The relay on this client is unusable until the client leaves and joins the channel again.';

/** What the listener needs of the runner it reports to. */
export interface ListenerHooks {
  emit: SessionEmit;
  report(error: RelayErrorDetail): void;
  /** Something changed: plan again a task later. */
  changed(): void;
  refreshStatuses(): void;
  /** The relay failed: forget the relay tokens (an expired one is the likely cause). */
  clearTokens(): void;
  /** Another session relays on this client (client-claims.ts): what its relay says is not ours to report. */
  relayIsAnothers(client: RelayClient): boolean;
}

export class RelayListener {
  /** Clients whose relay was stuck when last seen, so attaching one again does not start on it. */
  readonly stuckClients = new WeakMap<RelayClient, RelayErrorDetail>();
  /** A stop of ours is in flight: the IDLE it brings is expected. */
  stopping = false;
  #idleDeferred = false;
  /** Runs while a relay we started sits IDLE without our asking; see RELAY_WATCHDOG_MS. */
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #detach: (() => void) | undefined;

  constructor(
    private readonly facts: RelayFacts<RelayClient>,
    private readonly hooks: ListenerHooks,
  ) {}

  listen(client: RelayClient): void {
    this.detach();
    const onState = (state: RelayState) => this.#onRelayState(client, state);
    const onEvent = (event: RelayEventDetail['event']) => {
      if (client === this.facts.active?.client) this.hooks.emit('channel-media-relay-event', { event });
    };
    const onConnection = (state: ConnectionState, previous: ConnectionState) => this.#onConnection(client, state, previous);
    client.on('channel-media-relay-state', onState);
    client.on('channel-media-relay-event', onEvent);
    client.on('connection-state-change', onConnection);
    this.#detach = () => {
      client.off('channel-media-relay-state', onState);
      client.off('channel-media-relay-event', onEvent);
      client.off('connection-state-change', onConnection);
    };
  }

  detach(): void {
    this.#detach?.();
    this.#detach = undefined;
  }

  setState(state: RelayState): void {
    const previousState = this.facts.state;
    if (state === previousState) return;
    this.facts.state = state;
    const detail =
      state === 'RELAY_STATE_FAILURE' ? { state, previousState } : { state, previousState, code: 'RELAY_OK' as const };
    this.hooks.emit('channel-media-relay-state', detail);
    this.hooks.refreshStatuses();
  }

  /**
   * The SDK's relay on this client needs `leave()` before it works again (reference §3.3): say so, once, and tell
   * whoever owns the client (managed mode leaves and joins again; a page's own client is the page's to reset).
   */
  becomeStuck(cause: RelayErrorDetail): RelayErrorDetail {
    const stuck = { ...cause, message: `${cause.message} ${STUCK_HINT}` };
    this.facts.stuck = stuck;
    this.facts.stuckReported = true;
    if (this.facts.client) this.stuckClients.set(this.facts.client, stuck);
    this.hooks.report(stuck);
    this.hooks.emit('agora-relay-stuck', { ...stuck });
    return stuck;
  }

  disarmWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    this.facts.lost = false;
  }

  #armWatchdog(client: RelayClient): void {
    if (this.#watchdog !== undefined || this.stopping || this.facts.active?.client !== client) return;
    this.#watchdog = setTimeout(() => {
      this.#watchdog = undefined;
      if (this.facts.active?.client !== client || this.facts.state !== 'RELAY_STATE_IDLE') return;
      this.facts.lost = true;
      this.hooks.changed();
    }, sessionTimers.watchdogMs);
  }

  #onConnection(client: RelayClient, state: ConnectionState, previous: ConnectionState): void {
    const facts = this.facts;
    // Leaving resets the SDK's relay, stuck or not; joining again makes it usable (reference §3.3).
    if (state === 'DISCONNECTED' || previous === 'DISCONNECTED') {
      this.stuckClients.delete(client);
      facts.stuck = undefined;
      facts.stuckReported = false;
      facts.failed = undefined;
    }
    if (state === 'DISCONNECTED') {
      facts.startRequested = false;
      this.disarmWatchdog();
      if (facts.active?.client === client) facts.active = undefined;
      this.setState('RELAY_STATE_IDLE');
    }
    this.hooks.changed();
  }

  #onRelayState(client: RelayClient, state: RelayState): void {
    const facts = this.facts;
    if (client !== facts.client || this.hooks.relayIsAnothers(client)) return;
    if (state !== 'RELAY_STATE_IDLE') this.disarmWatchdog();
    if (state === 'RELAY_STATE_IDLE') {
      // The SDK reports a failure as IDLE then FAILURE in one go (reference §3.2): hold IDLE back a microtask so
      // the pair becomes one FAILURE.
      this.#idleDeferred = true;
      queueMicrotask(() => {
        if (!this.#idleDeferred) return;
        this.#idleDeferred = false;
        this.setState('RELAY_STATE_IDLE');
        this.#armWatchdog(client);
      });
      return;
    }
    if (state === 'RELAY_STATE_FAILURE') {
      this.#idleDeferred = false;
      this.hooks.clearTokens();
      facts.active = undefined;
      this.setState(state);
      this.becomeStuck({
        code: 'RELAY_FAILURE',
        message: 'The relay failed; the SDK does not say why (often an expired source or destination token).',
        operation: 'start',
      });
      this.hooks.changed();
      return;
    }
    if (this.#idleDeferred) {
      this.#idleDeferred = false;
      this.setState('RELAY_STATE_IDLE');
    }
    this.setState(state);
  }
}
