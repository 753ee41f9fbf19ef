// The relay session: owns the SDK's channel media relay call sequence for one client (api.md "Session rules").
// Inputs (client, source, destinations, disabled, start/stop) may change at any time. This class is the public face:
// it takes the inputs and dispatches the events; relay-planner.ts decides each SDK call from the inputs and what the
// SDK last said, and relay-runner.ts makes the calls, one at a time, a task after the changes.
import type { SdkImporter } from './load-sdk.js';
import type { RelayState } from './relay-enums.js';
import type { SessionDestination } from './relay-planner.js';
import { RelayRunner } from './relay-runner.js';
import type { RelayClient, RelaySdk } from './sdk-types.js';
import type { DestinationStatusDetail, RelaySessionEventMap } from './session-events.js';
import type { TokenProvider } from './tokens.js';
import { TypedEventTarget } from './typed-event-target.js';
import type { ChannelInput } from './validation.js';

export { RelaySessionError } from './relay-error.js';
export type { SessionDestination } from './relay-planner.js';
export { PUBLISH_CHECK_MS, RELAY_WATCHDOG_MS, sessionTimers } from './session-timers.js';

export interface RelaySessionOptions {
  /** The AgoraRTC namespace; default: loaded lazily (see load-sdk.ts). */
  sdk?: RelaySdk | null;
  /** How to import the SDK when neither `sdk` nor `window.AgoraRTC` is there; default: `import('agora-rtc-sdk-ng')`. */
  importSdk?: SdkImporter;
  /** Asked for every relay token the inputs leave out (purpose `relay-source` or `relay-destination`). */
  tokenProvider?: TokenProvider | null;
  client?: RelayClient | null;
  source?: ChannelInput;
  destinations?: readonly SessionDestination[];
  disabled?: boolean;
}

export class RelaySession extends TypedEventTarget<RelaySessionEventMap> {
  readonly #runner = new RelayRunner((type, detail) => this.emit(type, detail));

  constructor(options: RelaySessionOptions = {}) {
    super();
    const runner = this.#runner;
    runner.sdk = options.sdk ?? null;
    runner.importSdk = options.importSdk;
    runner.tokenProvider = options.tokenProvider ?? null;
    runner.facts.source = options.source ?? {};
    runner.facts.destinations = options.destinations ?? [];
    runner.facts.disabled = options.disabled ?? false;
    if (options.client) this.client = options.client;
    else runner.changed();
  }

  // ---- inputs -------------------------------------------------------------------------------------------------

  get sdk(): RelaySdk | null {
    return this.#runner.sdk;
  }
  set sdk(sdk: RelaySdk | null) {
    this.#runner.sdk = sdk;
  }

  get tokenProvider(): TokenProvider | null {
    return this.#runner.tokenProvider;
  }
  set tokenProvider(provider: TokenProvider | null) {
    if (provider === this.#runner.tokenProvider) return;
    this.#runner.tokenProvider = provider;
    this.#runner.tokens.clear();
    this.#runner.changed();
  }

  get client(): RelayClient | null {
    return this.#runner.facts.client;
  }
  /** Attach a client (joined as a host, or about to be); `null` detaches. The relay on a detached client is stopped. */
  set client(client: RelayClient | null) {
    this.#runner.attach(client);
  }

  get source(): ChannelInput {
    return this.#runner.facts.source;
  }
  set source(source: ChannelInput) {
    this.#runner.facts.source = { ...source };
    this.#runner.changed();
  }

  get destinations(): readonly SessionDestination[] {
    return this.#runner.facts.destinations;
  }
  /** Every destination in document order; invalid, duplicate and surplus ones are rejected one by one. */
  set destinations(destinations: readonly SessionDestination[]) {
    this.#runner.facts.destinations = [...destinations];
    this.#runner.changed();
  }

  get disabled(): boolean {
    return this.#runner.facts.disabled;
  }
  set disabled(disabled: boolean) {
    if (disabled === this.#runner.facts.disabled) return;
    this.#runner.facts.disabled = disabled;
    this.#runner.changed();
  }

  // ---- outputs ------------------------------------------------------------------------------------------------

  /** The relay state as the SDK last reported it (its IDLE-then-FAILURE pair counted as one FAILURE). */
  get state(): RelayState {
    return this.#runner.facts.state;
  }

  /** Each destination's status, in input order. */
  get statuses(): readonly DestinationStatusDetail[] {
    return this.#runner.statuses;
  }

  /** Resolves once no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    return this.#runner.settled();
  }

  // ---- methods ------------------------------------------------------------------------------------------------

  /**
   * Start now, whatever can be seen of the client's state (this is how an app says "I have published"), given a
   * valid destination; resolves when the relay runs or there is nothing to relay yet. Rejects with the SDK's
   * failure, which is also an `agora-relay-error` event. Idempotent.
   */
  start(): Promise<void> {
    return this.#runner.start();
  }

  /** Stop and hold the relay stopped until `start()`. Idempotent. */
  stop(): Promise<void> {
    return this.#runner.stop();
  }

  /** Stops the relay and removes every listener the session added. Never rejects. */
  dispose(): Promise<void> {
    return this.#runner.dispose();
  }
}
