// The SDK calls the runner makes for each decision of the planner: start, update and stop the relay on a client,
// with the relay tokens the inputs leave out, and what each outcome means for RelayFacts (a failed plan, a stuck
// relay, a relay lost). No wait holds the runner for ever: each has a time limit, and a wait whose answer no longer
// matters is let go (tokens and the SDK load at once, a start or update after a short grace).
import { boundedWait, type WaitOutcome } from './bounded-wait.js';
import { loadAgoraRTC, type SdkImporter } from './load-sdk.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { RelayListener } from './relay-listener.js';
import { type RelayPlan, samePlan, toConfiguration } from './relay-plan.js';
import { type RelayCall, destinationId, type RelayFacts, wantedPlan } from './relay-planner.js';
import type { RelayTokens } from './relay-tokens.js';
import { absorbRelaySetVideoProfile, absorbRelayVideoProfileRejections } from './sdk-quirks.js';
import type { RelayChannelInfo, RelayClient, RelaySdk } from './sdk-types.js';
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
  /** Something changed outside a decision (a late answer): plan again. */
  changed(): void;
}

type RelayMethod = 'startChannelMediaRelay' | 'updateChannelMediaRelay' | 'stopChannelMediaRelay';

/** The wait the runner is in, so that a change can end it once its answer no longer matters. */
interface CurrentWait {
  /** Getting ready for a call (SDK load, tokens) is let go at once; an SDK call after a grace. */
  phase: 'prepare' | 'call';
  client: RelayClient;
  /** What the wait is for; none for a stop, which always matters. */
  plan: RelayPlan | undefined;
  controller: AbortController;
  grace?: ReturnType<typeof setTimeout>;
}

export class RelayCalls {
  readonly #host: CallHost;
  /** The namespace the active relay was started with, for its updates. */
  #activeSdk: RelaySdk | undefined;
  #wait: CurrentWait | undefined;
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

  /** The inputs changed: a wait whose answer no longer matters is let go, so the runner can go on (to a stop). */
  recheck(): void {
    const wait = this.#wait;
    if (!wait?.plan) return;
    if (!this.#outdated(wait.client, wait.plan)) {
      clearTimeout(wait.grace);
      wait.grace = undefined;
    } else if (wait.phase === 'prepare') {
      wait.controller.abort();
    } else {
      wait.grace ??= setTimeout(() => wait.controller.abort(), sessionTimers.graceMs);
    }
  }

  async #start(client: RelayClient, plan: RelayPlan): Promise<void> {
    const facts = this.#host.facts;
    const signal = this.#begin('prepare', client, plan);
    const loaded = await boundedWait(() => loadAgoraRTC(this.#host.sdk, this.#host.importSdk), Infinity, signal);
    if (!loaded.ok) {
      this.#end();
      if (loaded.cut) return;
      this.#failStart(plan, { code: 'SDK_LOAD_FAILED', message: (loaded.error as Error).message, operation: 'load' });
      return;
    }
    const sdk = loaded.value;
    const tokens = await this.#withTokens(plan, signal);
    this.#end();
    // Loading and tokens take time: if the inputs moved on meanwhile, the runner plans again instead.
    if (!tokens.sent || this.#outdated(client, plan)) return;
    const sent = tokens.sent;
    facts.active = { client, plan };
    this.#activeSdk = sdk;
    absorbRelayVideoProfileRejections();
    const answer = await this.#sdkCall(client, plan, 'startChannelMediaRelay', () => {
      const started = client.startChannelMediaRelay(toConfiguration(sdk, sent));
      absorbRelaySetVideoProfile(client);
      return started;
    });
    if (answer.ok) {
      facts.failed = undefined;
      return;
    }
    if (answer.cut) {
      this.#unanswered(client, plan, 'startChannelMediaRelay', answer.cut);
      return;
    }
    facts.active = undefined;
    const detail = fromSdkError(answer.error, 'start', 'The SDK refused to start the relay.');
    // A start rejected after its socket opened leaves that socket open: stop closes it. One rejected before
    // leaves the SDK stuck, and then stop answers WS_DISCONNECT (protocol reference §4, reference §3.3).
    const cleanup = await this.#sdkCall(client, undefined, 'stopChannelMediaRelay', () => client.stopChannelMediaRelay());
    if (!cleanup.ok && client === facts.client) {
      facts.failed = { plan, error: this.#host.listener.becomeStuck(detail) };
    } else {
      if (!cleanup.ok) this.#host.listener.stuckClients.set(client, detail);
      this.#failStart(plan, detail);
    }
  }

  #failStart(plan: RelayPlan, error: RelayErrorDetail): void {
    this.#host.facts.failed = { plan, error };
    this.#host.report(error);
  }

  async #update(client: RelayClient, plan: RelayPlan): Promise<void> {
    const facts = this.#host.facts;
    const active = facts.active;
    if (!active) return;
    const tokens = await this.#withTokens(plan, this.#begin('prepare', client, plan));
    this.#end();
    if (tokens.abandoned || this.#outdated(client, plan)) return;
    if (!tokens.sent) {
      await this.#stop(client);
      return;
    }
    const sent = tokens.sent;
    const answer = await this.#sdkCall(client, plan, 'updateChannelMediaRelay', () =>
      client.updateChannelMediaRelay(toConfiguration(this.#activeSdk as RelaySdk, sent)),
    );
    if (answer.ok) {
      if (facts.active === active) active.plan = plan;
      return;
    }
    if (answer.cut) {
      this.#unanswered(client, plan, 'updateChannelMediaRelay', answer.cut);
      return;
    }
    this.#host.report(fromSdkError(answer.error, 'update', 'The SDK refused to update the relay.'));
    // Rule 4: a failed update restarts the relay; the runner starts it again once it is stopped.
    if (facts.active?.client === client) await this.#stop(client);
  }

  async #stop(client: RelayClient): Promise<void> {
    const facts = this.#host.facts;
    this.#host.listener.stopping = true;
    const answer = await this.#sdkCall(client, undefined, 'stopChannelMediaRelay', () => client.stopChannelMediaRelay());
    this.#host.listener.stopping = false;
    if (facts.active?.client === client) facts.active = undefined;
    // A detached client's relay events no longer reach us: its stop is the last word on the state.
    if (client !== facts.client) this.#host.listener.setState('RELAY_STATE_IDLE');
    if (answer.ok) return;
    const detail = answer.cut
      ? unansweredDetail('stopChannelMediaRelay', 'timeout')
      : fromSdkError(answer.error, 'stop', 'The SDK refused to stop the relay.');
    this.stopError = detail;
    if (client === facts.client) {
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
   * A start or update the SDK did not answer in time, or had not answered once it no longer mattered: say so and
   * stop the relay rather than trust it. A start that timed out is not tried again until the plan changes.
   */
  #unanswered(client: RelayClient, plan: RelayPlan, method: RelayMethod, cut: 'timeout' | 'abandoned'): void {
    const facts = this.#host.facts;
    const detail = unansweredDetail(method, cut);
    this.#host.report(detail);
    if (facts.active?.client === client) facts.active.unheard = true;
    if (method === 'startChannelMediaRelay' && cut === 'timeout') facts.failed = { plan, error: detail };
  }

  /**
   * The plan with every missing relay token asked of the provider. A destination whose token cannot be had is left
   * out (and reported); without a source token, or with no destination left, there is nothing to send.
   */
  async #withTokens(plan: RelayPlan, signal: AbortSignal): Promise<{ sent?: RelayPlan; abandoned?: boolean }> {
    const failures = new Map<string, RelayErrorDetail>();
    this.#host.facts.tokenFailures = failures;
    const timeoutMs = sessionTimers.tokenMs;
    const onFailure = (info: RelayChannelInfo, detail: RelayErrorDetail) => {
      failures.set(destinationId(info), detail);
      this.#host.report(detail);
    };
    const filled = await this.#host.tokens.fill(plan, this.#host.tokenProvider, onFailure, { signal, timeoutMs });
    if (filled.ok) return { sent: filled.plan };
    if (filled.abandoned) return { abandoned: true };
    if (filled.sourceFailure) this.#failStart(plan, filled.sourceFailure);
    else this.#host.facts.failed = { plan, error: [...failures.values()][0] as RelayErrorDetail };
    return {};
  }

  #outdated(client: RelayClient, plan: RelayPlan): boolean {
    return client !== this.#host.facts.client || !samePlan(wantedPlan(this.#host.facts), plan);
  }

  #begin(phase: CurrentWait['phase'], client: RelayClient, plan: RelayPlan | undefined): AbortSignal {
    this.#end();
    const wait: CurrentWait = { phase, client, plan, controller: new AbortController() };
    this.#wait = wait;
    // The inputs may have moved on already (a change in the same task as the decision).
    this.recheck();
    return wait.controller.signal;
  }

  #end(): void {
    clearTimeout(this.#wait?.grace);
    this.#wait = undefined;
  }

  /**
   * One SDK relay call, bounded: a stop by RELAY_STOP_TIMEOUT_MS, a start or update by RELAY_CALL_TIMEOUT_MS and,
   * once its answer no longer matters, by the grace. A start that succeeds after it was let go started a relay
   * nobody follows: it is marked for a stop.
   */
  async #sdkCall(
    client: RelayClient,
    plan: RelayPlan | undefined,
    method: RelayMethod,
    call: () => Promise<void>,
  ): Promise<WaitOutcome<void>> {
    const signal = this.#begin('call', client, plan);
    const limit = method === 'stopChannelMediaRelay' ? sessionTimers.stopMs : sessionTimers.callMs;
    let answered: Promise<void> | undefined;
    const outcome = await boundedWait(() => (answered = call()), limit, signal);
    this.#end();
    if (!outcome.ok && outcome.cut && answered && method === 'startChannelMediaRelay' && plan) {
      answered.then(
        () => this.#lateStart(client, plan),
        () => undefined,
      );
    }
    return outcome;
  }

  #lateStart(client: RelayClient, plan: RelayPlan): void {
    const facts = this.#host.facts;
    if (facts.active) return;
    facts.active = { client, plan, unheard: true };
    this.#host.changed();
  }
}

function unansweredDetail(method: RelayMethod, cut: 'timeout' | 'abandoned'): RelayErrorDetail {
  const operation = method === 'startChannelMediaRelay' ? 'start' : method === 'updateChannelMediaRelay' ? 'update' : 'stop';
  const limit = (method === 'stopChannelMediaRelay' ? sessionTimers.stopMs : sessionTimers.callMs) / 1000;
  let message = `The SDK had not answered ${method} when the relay had to stop; it is stopped without waiting longer.`;
  if (cut === 'timeout') {
    message = `The SDK did not answer ${method} within ${limit} s`;
    message += operation === 'stop' ? '.' : '; the relay is stopped rather than trusted.';
  }
  return { code: 'TIMEOUT', message, operation };
}
