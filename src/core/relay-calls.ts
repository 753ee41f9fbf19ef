// The SDK calls the runner makes for each decision of the planner: start, update and stop the relay on a client,
// with the relay tokens the inputs leave out, and what each outcome means for RelayFacts (a failed plan, a stuck
// relay, a relay lost).
import { loadAgoraRTC, type SdkImporter } from './load-sdk.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { RelayListener } from './relay-listener.js';
import { type RelayPlan, samePlan, toConfiguration } from './relay-plan.js';
import { type RelayCall, destinationId, type RelayFacts, wantedPlan } from './relay-planner.js';
import type { RelayTokens } from './relay-tokens.js';
import { absorbRelayVideoProfileRejections } from './sdk-quirks.js';
import type { RelayClient, RelaySdk, SdkError } from './sdk-types.js';
import { sessionTimers } from './session-timers.js';
import type { TokenProvider } from './tokens.js';

/** What the calls need of the runner that makes them. */
export interface CallHost {
  readonly facts: RelayFacts<RelayClient>;
  readonly listener: RelayListener;
  readonly tokens: RelayTokens;
  readonly sdk: RelaySdk | null;
  readonly importSdk: SdkImporter | undefined;
  readonly tokenProvider: TokenProvider | null;
  report(error: RelayErrorDetail): void;
}

export class RelayCalls {
  readonly #host: CallHost;
  /** The namespace the active relay was started with, for its updates. */
  #activeSdk: RelaySdk | undefined;
  /** A stop that failed since the runner last answered stop()'s callers. */
  stopError: RelayErrorDetail | undefined;

  constructor(host: CallHost) {
    this.#host = host;
  }

  /** Makes one call and records what came of it; never throws. */
  make(call: RelayCall<RelayClient>): Promise<void> {
    switch (call.kind) {
      case 'start':
        return this.#start(call.client, call.plan);
      case 'update':
        return this.#update(call.client, call.plan);
      case 'stop':
        return this.#stop(call.client);
      case 'recover':
        return this.#recoverLost(call.client);
    }
  }

  async #start(client: RelayClient, plan: RelayPlan): Promise<void> {
    let sdk: RelaySdk;
    try {
      sdk = await loadAgoraRTC(this.#host.sdk, this.#host.importSdk);
    } catch (error) {
      this.#failStart(plan, { code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
      return;
    }
    const sent = await this.#withTokens(plan);
    // Loading and tokens take time: if the inputs moved on meanwhile, the runner plans again instead.
    if (!sent || this.#outdated(client, plan)) return;
    this.#host.facts.active = { client, plan };
    this.#activeSdk = sdk;
    absorbRelayVideoProfileRejections();
    try {
      await client.startChannelMediaRelay(toConfiguration(sdk, sent));
      this.#host.facts.failed = undefined;
    } catch (error) {
      this.#host.facts.active = undefined;
      const detail = fromSdkError(error, 'start', 'The SDK refused to start the relay.');
      // A start rejected after its socket opened leaves that socket open: stop closes it. One rejected before
      // leaves the SDK stuck, and then stop answers WS_DISCONNECT (protocol reference §4, reference §3.3).
      const cleanup = await this.#call(() => client.stopChannelMediaRelay());
      if (cleanup && client === this.#host.facts.client) {
        this.#host.facts.failed = { plan, error: this.#host.listener.becomeStuck(detail) };
      } else {
        if (cleanup) this.#host.listener.stuckClients.set(client, detail);
        this.#failStart(plan, detail);
      }
    }
  }

  #failStart(plan: RelayPlan, error: RelayErrorDetail): void {
    this.#host.facts.failed = { plan, error };
    this.#host.report(error);
  }

  async #update(client: RelayClient, plan: RelayPlan): Promise<void> {
    try {
      const active = this.#host.facts.active;
      if (!active) return;
      const sent = await this.#withTokens(plan);
      if (this.#outdated(client, plan)) return;
      if (!sent) {
        await this.#stop(client);
        return;
      }
      await client.updateChannelMediaRelay(toConfiguration(this.#activeSdk as RelaySdk, sent));
      if (this.#host.facts.active === active) active.plan = plan;
    } catch (error) {
      this.#host.report(fromSdkError(error, 'update', 'The SDK refused to update the relay.'));
      // Rule 4: a failed update restarts the relay; the runner starts it again once it is stopped.
      if (this.#host.facts.active?.client === client) await this.#stop(client);
    }
  }

  async #stop(client: RelayClient): Promise<void> {
    this.#host.listener.stopping = true;
    const failure = await this.#call(() => client.stopChannelMediaRelay());
    this.#host.listener.stopping = false;
    if (this.#host.facts.active?.client === client) this.#host.facts.active = undefined;
    // A detached client's relay events no longer reach us: its stop is the last word on the state.
    if (client !== this.#host.facts.client) this.#host.listener.setState('RELAY_STATE_IDLE');
    if (!failure) return;
    const detail = fromSdkError(failure, 'stop', 'The SDK refused to stop the relay.');
    this.stopError = detail;
    if (client === this.#host.facts.client) {
      this.#host.listener.becomeStuck(detail);
    } else {
      this.#host.listener.stuckClients.set(client, detail);
      this.#host.report(detail);
    }
  }

  /**
   * The relay we started went IDLE and the SDK did not bring it back: say so, then stop it. A stop that works
   * leaves the SDK idle and the runner starts again; one that fails means the relay is stuck until leave().
   */
  async #recoverLost(client: RelayClient): Promise<void> {
    this.#host.facts.lost = false;
    this.#host.report({
      code: 'SERVER_CONNECTION_LOST',
      message: `The relay connection dropped and the SDK did not restore it within ${sessionTimers.watchdogMs / 1000} s.`,
      operation: 'start',
    });
    await this.#stop(client);
  }

  /**
   * The plan with every missing relay token asked of the provider. A destination whose token cannot be had is left
   * out (and reported); without a source token, or with no destination left, there is nothing to send.
   */
  async #withTokens(plan: RelayPlan): Promise<RelayPlan | undefined> {
    const failures = new Map<string, RelayErrorDetail>();
    this.#host.facts.tokenFailures = failures;
    const filled = await this.#host.tokens.fill(plan, this.#host.tokenProvider, (info, detail) => {
      failures.set(destinationId(info), detail);
      this.#host.report(detail);
    });
    if (filled.ok) return filled.plan;
    if (filled.sourceFailure) this.#failStart(plan, filled.sourceFailure);
    else this.#host.facts.failed = { plan, error: [...failures.values()][0] as RelayErrorDetail };
    return undefined;
  }

  #outdated(client: RelayClient, plan: RelayPlan): boolean {
    return client !== this.#host.facts.client || !samePlan(wantedPlan(this.#host.facts), plan);
  }

  /** Runs one SDK call; returns its failure instead of throwing. */
  async #call(call: () => Promise<void>): Promise<SdkError | undefined> {
    try {
      await call();
      return undefined;
    } catch (error) {
      return (error ?? {}) as SdkError;
    }
  }
}
