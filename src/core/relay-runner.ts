// The relay session's runner: carries out what relay-planner.ts decides, one SDK call at a time, a task after the
// inputs change (so a burst becomes one call), and reports what came of it. It also runs the publish check and
// answers the callers of start(), stop() and settled().
import { awaitClient, claimClient, claimOwner, releaseClient, stopAwaitingClient } from './client-claims.js';
import { changedStatuses, destinationStatuses, newIssues, validationIssues } from './destination-statuses.js';
import type { SdkImporter } from './load-sdk.js';
import { nextTask } from './next-task.js';
import { RelayCalls } from './relay-calls.js';
import { RelaySessionError, type RelayErrorDetail } from './relay-error.js';
import { RelayListener } from './relay-listener.js';
import {
  type RelayCall,
  clientInUseIssue,
  clientReady,
  decideNext,
  failureStillApplies,
  initialFacts,
  type RelayFacts,
  startFailure,
  waitsForPublish,
} from './relay-planner.js';
import { RelayTokens } from './relay-tokens.js';
import type { RelayClient, RelaySdk } from './sdk-types.js';
import type { DestinationStatusDetail, SessionEmit } from './session-events.js';
import { sessionTimers } from './session-timers.js';
import type { TokenProvider } from './tokens.js';

interface Waiter {
  resolve: () => void;
  reject: (error: RelaySessionError) => void;
}

export class RelayRunner {
  readonly facts: RelayFacts<RelayClient> = initialFacts();
  sdk: RelaySdk | null = null;
  importSdk: SdkImporter | undefined;
  tokenProvider: TokenProvider | null = null;
  readonly tokens = new RelayTokens();
  readonly #emit: SessionEmit;
  readonly listener: RelayListener;
  readonly #calls: RelayCalls;
  #scheduled = false;
  #running = false;
  #settleWaiters: (() => void)[] = [];
  #startWaiters: Waiter[] = [];
  #stopWaiters: Waiter[] = [];
  #publishCheck: ReturnType<typeof setInterval> | undefined;
  // What was last reported, so events fire on change only.
  #statuses = new Map<unknown, DestinationStatusDetail>();
  #reportedIssues = new Map<unknown, string>();
  /** How this runner holds and waits for clients (client-claims.ts): one client, one relay. */
  readonly #claimant = { clientFreed: () => this.changed() };
  /** Clients this runner claimed, let go once its relay on them has stopped. */
  readonly #claimed = new Set<RelayClient>();
  #inUseReported = false;

  constructor(emit: SessionEmit) {
    this.#emit = emit;
    this.listener = new RelayListener(this.facts, {
      emit,
      report: (error) => this.report(error),
      changed: () => this.changed(),
      refreshStatuses: () => this.#refreshStatuses(),
      clearTokens: () => this.tokens.clear(),
      relayIsAnothers: (client) => this.#othersClaim(client),
    });
    this.#calls = new RelayCalls(this);
  }

  get statuses(): readonly DestinationStatusDetail[] {
    return [...this.#statuses.values()];
  }

  /** Attach a client, or detach with `null`; the relay on a detached client is stopped. */
  attach(client: RelayClient | null): void {
    const facts = this.facts;
    if (client === facts.client || facts.disposed) return;
    this.listener.detach();
    if (facts.client) stopAwaitingClient(facts.client, this.#claimant);
    this.#inUseReported = false;
    facts.client = client;
    facts.startRequested = false;
    this.listener.disarmWatchdog();
    // A relay left unheard (even for a moment) may have failed meanwhile: it is stopped, not trusted.
    if (facts.active) facts.active.unheard = true;
    // Only a leave cures a stuck relay, and a client out of the channel has left.
    facts.stuck = client?.connectionState === 'CONNECTED' ? this.listener.stuckClients.get(client) : undefined;
    facts.stuckReported = !!facts.stuck;
    // The state is the attached client's, and no relay of ours runs on it yet.
    this.listener.setState('RELAY_STATE_IDLE');
    if (client) this.listener.listen(client);
    this.changed();
  }

  /** Any input changed: the runner looks at everything a task later, so a burst is seen once. */
  changed(): void {
    if (this.facts.failed && !failureStillApplies(this.facts)) this.facts.failed = undefined;
    this.#calls.recheck();
    this.#watchForPublish();
    this.#schedule();
  }

  /** Resolves once no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    if (!this.#scheduled && !this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#settleWaiters.push(resolve));
  }

  start(): Promise<void> {
    this.facts.startRequested = true;
    this.facts.held = false;
    this.facts.failed = undefined;
    return this.#await(this.#startWaiters);
  }

  stop(): Promise<void> {
    this.facts.startRequested = false;
    this.facts.held = true;
    return this.#await(this.#stopWaiters);
  }

  async dispose(): Promise<void> {
    if (this.facts.disposed) return this.settled();
    this.facts.disposed = true;
    this.#calls.recheck();
    this.#schedule();
    await this.settled();
    this.listener.detach();
    if (this.facts.client) stopAwaitingClient(this.facts.client, this.#claimant);
    // As for a detached client: nothing the SDK says reaches us any more, and the relay is no longer ours.
    this.listener.setState('RELAY_STATE_IDLE');
    this.#watchForPublish();
    this.listener.disarmWatchdog();
  }

  #await(waiters: Waiter[]): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    // Marked handled: a caller that ignores the promise must not see an unhandled rejection (the failure is an
    // event too); a caller that awaits it still gets the rejection.
    promise.catch(() => undefined);
    this.changed();
    return promise;
  }

  /** While a joined host client waits only for a publish the SDK does not announce, look now and then. */
  #watchForPublish(): void {
    const waiting = waitsForPublish(this.facts);
    if (waiting && this.#publishCheck === undefined) {
      this.#publishCheck = setInterval(() => {
        if (this.facts.client && clientReady(this.facts.client)) this.changed();
      }, sessionTimers.publishCheckMs);
    } else if (!waiting && this.#publishCheck !== undefined) {
      clearInterval(this.#publishCheck);
      this.#publishCheck = undefined;
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    nextTask(() => {
      this.#scheduled = false;
      void this.#run();
    });
  }

  async #run(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#reportIssues();
    this.#refreshStatuses();
    try {
      for (let call = this.#nextCall(); call; call = this.#nextCall()) {
        await this.#calls.make(call);
        this.#releaseClaims();
        this.#refreshStatuses();
      }
    } finally {
      this.#releaseClaims();
      this.#running = false;
      this.#refreshStatuses();
      // A stop may have left the relay waiting for a publish that no change will announce.
      this.#watchForPublish();
      this.#answerWaiters();
    }
  }

  #nextCall(): RelayCall<RelayClient> | undefined {
    // Inputs that changed during the last call are judged here: a run already under way takes them in.
    this.#reportIssues();
    this.#checkClaim();
    const decision = decideNext(this.facts);
    if (decision.call?.kind === 'start') {
      // Claimed before anything is loaded or asked for: no other session starts on this client meanwhile.
      claimClient(decision.call.client, this.#claimant);
      this.#claimed.add(decision.call.client);
    }
    if (decision.report) {
      // Only the stuck relay is reported this way, once.
      this.facts.stuckReported = true;
      this.report(decision.report);
    }
    return decision.call;
  }

  #answerWaiters(): void {
    if (this.#scheduled || this.#running) return;
    const startError = startFailure(this.facts);
    for (const waiter of this.#startWaiters.splice(0)) {
      if (startError) waiter.reject(new RelaySessionError(startError));
      else waiter.resolve();
    }
    const stopError = this.#calls.stopError;
    this.#calls.stopError = undefined;
    for (const waiter of this.#stopWaiters.splice(0)) {
      if (stopError) waiter.reject(new RelaySessionError(stopError));
      else waiter.resolve();
    }
    for (const resolve of this.#settleWaiters.splice(0)) resolve();
  }

  /** Whether another session relays on the attached client; if so, wait for it to be free and say so once. */
  #checkClaim(): void {
    const client = this.facts.client;
    this.facts.clientInUse = !!client && this.#othersClaim(client);
    if (client && this.facts.clientInUse) awaitClient(client, this.#claimant);
    const issue = clientInUseIssue(this.facts);
    if (issue && !this.#inUseReported) this.report(issue);
    this.#inUseReported = !!issue;
  }

  #othersClaim(client: RelayClient): boolean {
    const owner = claimOwner(client);
    return !!owner && owner !== this.#claimant;
  }

  /** Lets go of every client this runner's relay no longer runs on; sessions waiting for one go on. */
  #releaseClaims(): void {
    for (const client of this.#claimed) {
      if (this.facts.active?.client === client) continue;
      this.#claimed.delete(client);
      releaseClient(client, this.#claimant);
    }
  }

  report(error: RelayErrorDetail): void {
    this.#emit('agora-relay-error', { ...error });
  }

  #reportIssues(): void {
    const current = validationIssues(this.facts, this);
    for (const issue of newIssues(this.#reportedIssues, current)) this.report(issue);
    this.#reportedIssues = new Map([...current].map(([key, issue]) => [key, issue.message]));
  }

  #refreshStatuses(): void {
    const next = destinationStatuses(this.facts);
    const changed = changedStatuses(this.#statuses, next);
    this.#statuses = next;
    for (const detail of changed) this.#emit('agora-relay-destination-status', { ...detail });
  }
}
