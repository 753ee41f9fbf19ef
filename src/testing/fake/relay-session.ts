// The relay as one client runs it: the state machine of the SDK's internal ChannelMediaRelay client (class Voe in
// the 4.24.8 bundle), with the network replaced by the fake's plan and timing. What the real one does over its
// socket is protocol reference §4 (agora-relay-protocol.md); where the fake had to choose, comments say so.
import type { RelayError, RelayEvent, RelayState } from '../../core/relay-enums.js';
import type { CallPlan } from './call-plan.js';
import { MESSAGES, sdkError } from './errors.js';
import type { FakeNetwork } from './network.js';
import type { ResolvedOptions } from './options.js';
import type { FakeChannelMediaRelayConfiguration } from './relay-configuration.js';
import { sleep } from './timing.js';

/** What a relay session needs from its client. */
export interface RelayHost {
  readonly options: ResolvedOptions;
  readonly network: FakeNetwork;
  readonly plan: CallPlan;
  /** True when the client was created with bounded retries (`httpRetryConfig`), so offline calls give up. */
  readonly boundedRetries: boolean;
  emitState(state: RelayState): void;
  emitEvent(event: RelayEvent): void;
}

/**
 * Codes of failures that happen after the relay socket opened (protocol reference §4: server error, failed status,
 * missing answer): no FAILURE state, the socket stays open, stop succeeds. Any other code fails the start before
 * its socket opened, which leaves the relay stuck (reference agora-relay-sdk.md §3.3).
 */
export const AFTER_SOCKET_CODES: ReadonlySet<string> = new Set([
  'CROSS_CHANNEL_SERVER_ERROR_RESPONSE',
  'CROSS_CHANNEL_WAIT_STATUS_ERROR',
  'TIMEOUT',
  'CROSS_CHANNEL_FAILED_JOIN_SRC',
  'CROSS_CHANNEL_FAILED_JOIN_DEST',
  'CROSS_CHANNEL_FAILED_PACKET_SENT_TO_DEST',
]);

export class FakeRelaySession {
  /** Internal state, as the SDK keeps it (FAILURE and a failed CONNECTING are what make the relay "stuck"). */
  state: RelayState = 'RELAY_STATE_IDLE';
  /** The reason of the last fail() (the SDK never hands it to listeners, reference §3.1). */
  lastFailure: RelayError | undefined;
  socketOpen = false;
  private prevConfig: FakeChannelMediaRelayConfiguration | undefined;
  private generation = 0;
  private abort!: Promise<void>;
  private fireAbort!: () => void;

  constructor(private readonly host: RelayHost) {
    this.armAbort();
  }

  async start(config: FakeChannelMediaRelayConfiguration): Promise<void> {
    if (this.state !== 'RELAY_STATE_IDLE') throw sdkError('INVALID_OPERATION');
    this.setState('RELAY_STATE_CONNECTING');
    const generation = this.generation;
    const { latency, offlineRelayMs } = this.host.options;
    await this.step(latency, generation);
    if (!this.host.network.online) {
      // No route: the allocation request is retried; forever by default, else it gives up with NETWORK_ERROR.
      // Either way the internal state stays CONNECTING: stuck until leave() (reference §3.3, §3.5; measured).
      await this.step(this.host.boundedRetries ? offlineRelayMs : Infinity, generation);
      throw sdkError('NETWORK_ERROR', MESSAGES.networkError);
    }
    const failure = await this.guard(this.host.plan.answer('start'), generation);
    if (failure && !AFTER_SOCKET_CODES.has(failure.code)) throw failure;
    this.socketOpen = true;
    this.host.emitEvent('NETWORK_CONNECTED');
    await this.step(latency, generation);
    this.host.emitEvent('PACKET_JOINED_SRC_CHANNEL');
    // The fake fails after-socket starts at the destination step (protocol reference §4: SetDestChannel answered 500).
    if (failure) throw failure;
    await this.step(latency, generation);
    this.host.emitEvent('PACKET_JOINED_DEST_CHANNEL');
    await this.step(latency, generation);
    this.host.emitEvent('PACKET_SENT_TO_DEST_CHANNEL');
    this.setState('RELAY_STATE_RUNNING');
    this.prevConfig = config;
  }

  async update(config: FakeChannelMediaRelayConfiguration): Promise<void> {
    if (this.state !== 'RELAY_STATE_RUNNING') throw sdkError('INVALID_OPERATION');
    const generation = this.generation;
    await this.step(this.host.options.latency, generation);
    const failure = await this.guard(this.host.plan.answer('update'), generation);
    // A failed update (e.g. TIMEOUT) leaves the relay running and usable (protocol reference §4).
    if (failure) throw failure;
    this.host.emitEvent('PACKET_UPDATE_DEST_CHANNEL');
    this.prevConfig = config;
  }

  async stop(): Promise<void> {
    // The stop request goes over the relay socket; with none open the SDK answers WS_DISCONNECT (measured).
    if (!this.socketOpen) throw sdkError('WS_DISCONNECT');
    const generation = this.generation;
    await this.step(this.host.options.latency, generation);
    const failure = await this.guard(this.host.plan.answer('stop'), generation);
    if (failure) throw failure;
    this.setState('RELAY_STATE_IDLE');
    this.dispose();
  }

  /** The SDK's dispose(): cancels what is in flight, goes IDLE (emitting it if the state was another), closes. */
  dispose(): void {
    this.generation += 1;
    this.fireAbort();
    this.armAbort();
    this.setState('RELAY_STATE_IDLE');
    this.socketOpen = false;
    this.prevConfig = undefined;
  }

  /** A relay failure pushed by the server (e.g. a token expiring): IDLE then FAILURE, then stuck (reference §3.2). */
  fail(code: RelayError): void {
    this.lastFailure = code;
    this.setState('RELAY_STATE_FAILURE');
  }

  /** The relay socket drops: NETWORK_DISCONNECTED and IDLE, then an automatic restart or silence (protocol §4). */
  drop(reconnect: boolean): void {
    if (!this.socketOpen) throw new Error('fake: no relay socket is open');
    this.host.emitEvent('NETWORK_DISCONNECTED');
    this.setState('RELAY_STATE_IDLE');
    if (!reconnect) {
      this.socketOpen = false;
      return;
    }
    const config = this.prevConfig;
    if (!config) return;
    const generation = this.generation;
    const restart = async () => {
      await this.step(this.host.options.relayRestartMs, generation);
      this.host.emitEvent('PACKET_JOINED_SRC_CHANNEL');
      await this.step(this.host.options.latency, generation);
      this.host.emitEvent('PACKET_JOINED_DEST_CHANNEL');
      await this.step(this.host.options.latency, generation);
      this.host.emitEvent('PACKET_SENT_TO_DEST_CHANNEL');
      this.setState('RELAY_STATE_RUNNING');
    };
    restart().catch(() => undefined);
  }

  /**
   * The SDK's state setter: emits, then stores. On FAILURE the client's own listener disposes the relay first,
   * which emits IDLE, so listeners see IDLE then FAILURE, and the stored state ends as FAILURE (stuck).
   */
  private setState(next: RelayState): void {
    if (next === this.state) return;
    if (next === 'RELAY_STATE_FAILURE') this.dispose();
    this.host.emitState(next);
    this.state = next;
  }

  private armAbort(): void {
    this.abort = new Promise<void>((resolve) => {
      this.fireAbort = resolve;
    });
  }

  /** Waits `ms` (Infinity: until disposed); throws OPERATION_ABORTED if the session was disposed meanwhile. */
  private async step(ms: number, generation: number): Promise<void> {
    await (Number.isFinite(ms) ? Promise.race([sleep(ms), this.abort]) : this.abort);
    if (generation !== this.generation) throw sdkError('OPERATION_ABORTED', MESSAGES.cancelled);
  }

  private async guard<T>(promise: Promise<T>, generation: number): Promise<T> {
    const result = await Promise.race([promise, this.abort.then(() => undefined)]);
    if (generation !== this.generation) throw sdkError('OPERATION_ABORTED', MESSAGES.cancelled);
    return result as T;
  }
}
