// The relay session: owns the SDK's channel media relay call sequence for one client (api.md "Session rules").
// Inputs (client, source, destinations, disabled, start/stop) may change at any time; a single runner turns the
// latest inputs into at most one SDK call at a time, a task after the changes, so a burst becomes one call.
import { nextTask } from './next-task.js';
import { TypedEventTarget } from './typed-event-target.js';
import type { Operation, RelayState } from './relay-enums.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import {
  type RelayPlan,
  relaysDestination,
  sameDestinations,
  samePlan,
  sameSource,
  toConfiguration,
} from './relay-plan.js';
import type { ConnectionState, RelayChannelInfo, RelayClient, RelaySdk, SdkError } from './sdk-types.js';
import type {
  DestinationStatus,
  DestinationStatusDetail,
  RelaySessionEventMap,
} from './session-events.js';
import { loadAgoraRTC, type SdkImporter } from './load-sdk.js';
import { absorbRelayVideoProfileRejections } from './sdk-quirks.js';
import { requestToken, type TokenProvider, type TokenPurpose } from './tokens.js';
import {
  type ChannelInput,
  checkChannel,
  type DestinationInput,
  type DestinationVerdict,
  judgeDestinations,
  type ValidationIssue,
} from './validation.js';

export interface SessionDestination extends DestinationInput {
  /** Identifies the destination in status events; default: the input object itself. */
  key?: unknown;
}

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

/** Rejection value of `start()` / `stop()`: an Error carrying the same fields as the `agora-relay-error` event. */
export class RelaySessionError extends Error {
  readonly code: string;
  readonly operation: Operation;
  constructor(detail: RelayErrorDetail) {
    super(detail.message);
    this.name = 'RelaySessionError';
    this.code = detail.code;
    this.operation = detail.operation;
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: RelaySessionError) => void;
}

type Step = () => Promise<void>;

/**
 * How long a running relay may sit IDLE before the session calls it lost. The SDK restarts a dropped relay by
 * itself in about 0.3 s, but after a refused reconnect it stays IDLE and says nothing more (protocol reference §4).
 */
export const RELAY_WATCHDOG_MS = 3000;

/** How often to look for a publish the SDK does not announce, while that is all the relay waits for. */
export const PUBLISH_CHECK_MS = 500;

/**
 * The timer lengths in force: the two above, unless a test shortens them (the model tests run thousands of
 * sequences and cannot wait seconds for a watchdog). Not exported by the package's entry points.
 */
export const sessionTimers = { watchdogMs: RELAY_WATCHDOG_MS, publishCheckMs: PUBLISH_CHECK_MS };

const STUCK_HINT = 'The relay on this client is unusable until the client leaves and joins the channel again.';

const destinationId = (info: RelayChannelInfo) => `${info.channelName}\n${info.uid}`;

export class RelaySession extends TypedEventTarget<RelaySessionEventMap> {
  // Inputs.
  #sdk: RelaySdk | null;
  #importSdk: SdkImporter | undefined;
  #tokenProvider: TokenProvider | null;
  /** Tokens fetched so far, by purpose, channel and uid. */
  #tokens = new Map<string, string>();
  /** Destinations whose token could not be had in the last call, by channel and uid: relayed without them. */
  #tokenFailures = new Map<string, RelayErrorDetail>();
  #client: RelayClient | null = null;
  #source: ChannelInput;
  #destinations: readonly SessionDestination[];
  #disabled: boolean;
  /** start() was called: skip the joined/published checks (api.md Methods). */
  #startRequested = false;
  /** stop() was called: hold the relay stopped until start(). */
  #held = false;

  // What the SDK is doing, as far as it tells us.
  #state: RelayState = 'RELAY_STATE_IDLE';
  /** The relay we started: its client, what it relays, and the namespace for its updates; cleared when it ends. */
  #active: { client: RelayClient; plan: RelayPlan; sdk: RelaySdk; unheard?: boolean } | undefined;
  /** Set when the SDK's relay needs `leave()` before it works again (reference §3.3). */
  #stuck: RelayErrorDetail | undefined;
  #stuckReported = false;
  /** Clients whose relay was stuck when last seen, so attaching one again does not start on it. */
  #stuckClients = new WeakMap<RelayClient, RelayErrorDetail>();
  /** The plan whose start failed, so the runner does not retry it in a loop; cleared by any change. */
  #failed: { plan: RelayPlan; error: RelayErrorDetail } | undefined;
  #idleDeferred = false;
  /** A stop that failed during this run, for stop()'s callers. */
  #stopError: RelayErrorDetail | undefined;

  // The runner.
  #scheduled = false;
  #running = false;
  #disposed = false;
  #settleWaiters: (() => void)[] = [];
  #startWaiters: Waiter[] = [];
  #stopWaiters: Waiter[] = [];
  #detachClient: (() => void) | undefined;
  #publishCheck: ReturnType<typeof setInterval> | undefined;
  /** Runs while a relay we started sits IDLE without our asking; see RELAY_WATCHDOG_MS. */
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #lost = false;
  /** A stop of ours is in flight: the IDLE it brings is expected. */
  #stopping = false;

  // What was last reported, so events fire on change only.
  #statuses = new Map<unknown, DestinationStatusDetail>();
  #reportedIssues = new Map<unknown, string>();

  constructor(options: RelaySessionOptions = {}) {
    super();
    this.#sdk = options.sdk ?? null;
    this.#importSdk = options.importSdk;
    this.#tokenProvider = options.tokenProvider ?? null;
    this.#source = options.source ?? {};
    this.#destinations = options.destinations ?? [];
    this.#disabled = options.disabled ?? false;
    if (options.client) this.client = options.client;
    else this.#changed();
  }

  // ---- inputs -------------------------------------------------------------------------------------------------

  get sdk(): RelaySdk | null {
    return this.#sdk;
  }
  set sdk(sdk: RelaySdk | null) {
    this.#sdk = sdk;
  }

  get tokenProvider(): TokenProvider | null {
    return this.#tokenProvider;
  }
  set tokenProvider(provider: TokenProvider | null) {
    if (provider === this.#tokenProvider) return;
    this.#tokenProvider = provider;
    this.#tokens.clear();
    this.#changed();
  }

  get client(): RelayClient | null {
    return this.#client;
  }
  /** Attach a client (joined as a host, or about to be); `null` detaches. The relay on a detached client is stopped. */
  set client(client: RelayClient | null) {
    if (client === this.#client || this.#disposed) return;
    this.#detachClient?.();
    this.#detachClient = undefined;
    this.#client = client;
    this.#startRequested = false;
    this.#disarmWatchdog();
    // A relay left unheard (even for a moment) may have failed meanwhile: it is stopped, not trusted.
    if (this.#active) this.#active.unheard = true;
    // Only a leave cures a stuck relay, and a client out of the channel has left.
    this.#stuck = client?.connectionState === 'CONNECTED' ? this.#stuckClients.get(client) : undefined;
    this.#stuckReported = !!this.#stuck;
    // The state is the attached client's, and no relay of ours runs on it yet.
    this.#setState('RELAY_STATE_IDLE');
    if (client) this.#detachClient = this.#listen(client);
    this.#changed();
  }

  get source(): ChannelInput {
    return this.#source;
  }
  set source(source: ChannelInput) {
    this.#source = { ...source };
    this.#changed();
  }

  get destinations(): readonly SessionDestination[] {
    return this.#destinations;
  }
  /** Every destination in document order; invalid, duplicate and surplus ones are rejected one by one. */
  set destinations(destinations: readonly SessionDestination[]) {
    this.#destinations = [...destinations];
    this.#changed();
  }

  get disabled(): boolean {
    return this.#disabled;
  }
  set disabled(disabled: boolean) {
    if (disabled === this.#disabled) return;
    this.#disabled = disabled;
    this.#changed();
  }

  // ---- outputs ------------------------------------------------------------------------------------------------

  /** The relay state as the SDK last reported it (its IDLE-then-FAILURE pair counted as one FAILURE). */
  get state(): RelayState {
    return this.#state;
  }

  /** Each destination's status, in input order. */
  get statuses(): readonly DestinationStatusDetail[] {
    return [...this.#statuses.values()];
  }

  /** Resolves once no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    if (!this.#scheduled && !this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#settleWaiters.push(resolve));
  }

  // ---- methods ------------------------------------------------------------------------------------------------

  /**
   * Start now, whatever can be seen of the client's state (this is how an app says "I have published"), given a
   * valid destination; resolves when the relay runs or there is nothing to relay yet. Rejects with the SDK's
   * failure, which is also an `agora-relay-error` event. Idempotent.
   */
  start(): Promise<void> {
    this.#startRequested = true;
    this.#held = false;
    this.#failed = undefined;
    return this.#await(this.#startWaiters);
  }

  /** Stop and hold the relay stopped until `start()`. Idempotent. */
  stop(): Promise<void> {
    this.#startRequested = false;
    this.#held = true;
    return this.#await(this.#stopWaiters);
  }

  /** Stops the relay and removes every listener the session added. Never rejects. */
  async dispose(): Promise<void> {
    if (this.#disposed) return this.settled();
    this.#disposed = true;
    this.#schedule();
    await this.settled();
    this.#detachClient?.();
    this.#detachClient = undefined;
    // As for a detached client: nothing the SDK says reaches us any more, and the relay is no longer ours.
    this.#setState('RELAY_STATE_IDLE');
    this.#watchForPublish();
    this.#disarmWatchdog();
  }

  // ---- the runner ---------------------------------------------------------------------------------------------

  #await(waiters: Waiter[]): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    // Marked handled: a caller that ignores the promise must not see an unhandled rejection (the failure is an
    // event too); a caller that awaits it still gets the rejection.
    promise.catch(() => undefined);
    this.#changed();
    return promise;
  }

  /** Any input changed: the runner looks at everything a task later, so a burst is seen once. */
  #changed(): void {
    if (this.#failed && !samePlan(this.#failed.plan, this.#want())) this.#failed = undefined;
    this.#watchForPublish();
    this.#schedule();
  }

  /**
   * The SDK fires no event when the app publishes (rule 1 needs one), so while a joined host client with valid
   * destinations waits only for that, look at its local tracks now and then. Stops as soon as anything else holds.
   */
  #watchForPublish(): void {
    const client = this.#client;
    const waiting =
      !!client &&
      !this.#active &&
      !this.#startRequested &&
      client.connectionState === 'CONNECTED' &&
      !this.#clientReady(client) &&
      !!this.#want(true);
    if (waiting && this.#publishCheck === undefined) {
      this.#publishCheck = setInterval(() => {
        if (this.#client && this.#clientReady(this.#client)) this.#changed();
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
      for (let step = this.#nextStep(); step; step = this.#nextStep()) {
        await step();
        this.#refreshStatuses();
      }
    } finally {
      this.#running = false;
      this.#refreshStatuses();
      // A stop may have left the relay waiting for a publish that no change will announce.
      this.#watchForPublish();
      this.#settleWaitersFor();
    }
  }

  #settleWaitersFor(): void {
    if (this.#scheduled || this.#running) return;
    const stuck = this.#stuck;
    const startError = this.#failed?.error ?? (stuck && this.#want(true) ? stuck : undefined);
    for (const waiter of this.#startWaiters.splice(0)) {
      if (startError) waiter.reject(new RelaySessionError(startError));
      else waiter.resolve();
    }
    const stopError = this.#stopError;
    this.#stopError = undefined;
    for (const waiter of this.#stopWaiters.splice(0)) {
      if (stopError) waiter.reject(new RelaySessionError(stopError));
      else waiter.resolve();
    }
    for (const resolve of this.#settleWaiters.splice(0)) resolve();
  }

  /** The plan the inputs call for right now, or undefined when the relay should not run. */
  #want(ignoreReadiness = false): RelayPlan | undefined {
    if (this.#disposed || this.#disabled || this.#held || !this.#client) return undefined;
    // Readiness gates the start only: a running relay is not stopped by an unpublish the SDK never announces (a
    // host switching tracks), which the session would otherwise act on at some unrelated later change.
    const running = this.#active?.client === this.#client;
    if (!ignoreReadiness && !running && !this.#startRequested && !this.#clientReady(this.#client)) return undefined;
    const source = checkChannel('source', this.#source);
    if (!source.ok) return undefined;
    const destinations = this.#verdicts().flatMap((verdict) => (verdict.kind === 'accepted' ? [verdict.info] : []));
    if (destinations.length === 0) return undefined;
    return { source: source.info, destinations };
  }

  /** Rule 1: joined as a host and published. The SDK fires no event on publish: start() or a re-check says so. */
  #clientReady(client: RelayClient): boolean {
    const isHost = client.role === undefined || client.role === 'host';
    return client.connectionState === 'CONNECTED' && isHost && client.localTracks.length > 0;
  }

  #verdicts(): DestinationVerdict[] {
    const source = this.#source.channelName;
    return judgeDestinations(source, this.#destinations);
  }

  /** The one SDK call that brings the SDK closer to what the inputs want, or undefined when it is there. */
  #nextStep(): Step | undefined {
    const want = this.#want();
    const active = this.#active;
    if (active && this.#lost) return () => this.#recoverLost(active.client);
    if (active) {
      if (!want || active.client !== this.#client || active.unheard || !sameSource(want, active.plan)) {
        return () => this.#stop(active.client);
      }
      if (!sameDestinations(want, active.plan)) return () => this.#update(active.client, want);
      return undefined;
    }
    if (!want || !this.#client) return undefined;
    if (this.#stuck) {
      if (!this.#stuckReported) {
        this.#stuckReported = true;
        this.#report(this.#stuck);
      }
      return undefined;
    }
    if (this.#failed && samePlan(this.#failed.plan, want)) return undefined;
    const client = this.#client;
    return () => this.#start(client, want);
  }

  async #start(client: RelayClient, plan: RelayPlan): Promise<void> {
    let sdk: RelaySdk;
    try {
      sdk = await loadAgoraRTC(this.#sdk, this.#importSdk);
    } catch (error) {
      this.#failStart(plan, { code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
      return;
    }
    const sent = await this.#withTokens(plan);
    // Loading and tokens take time: if the inputs moved on meanwhile, the runner plans again instead.
    if (!sent || this.#outdated(client, plan)) return;
    this.#active = { client, plan, sdk };
    absorbRelayVideoProfileRejections();
    try {
      await client.startChannelMediaRelay(toConfiguration(sdk, sent));
      this.#failed = undefined;
    } catch (error) {
      this.#active = undefined;
      const detail = fromSdkError(error, 'start', 'The SDK refused to start the relay.');
      // A start rejected after its socket opened leaves that socket open: stop closes it. One rejected before
      // leaves the SDK stuck, and then stop answers WS_DISCONNECT (protocol reference §4, reference §3.3).
      const cleanup = await this.#call(() => client.stopChannelMediaRelay());
      if (cleanup && client === this.#client) {
        this.#failed = { plan, error: this.#becomeStuck(detail) };
      } else {
        if (cleanup) this.#stuckClients.set(client, detail);
        this.#failStart(plan, detail);
      }
    }
  }

  #failStart(plan: RelayPlan, error: RelayErrorDetail): void {
    this.#failed = { plan, error };
    this.#report(error);
  }

  async #update(client: RelayClient, plan: RelayPlan): Promise<void> {
    try {
      const active = this.#active;
      if (!active) return;
      const sent = await this.#withTokens(plan);
      if (this.#outdated(client, plan)) return;
      if (!sent) {
        await this.#stop(client);
        return;
      }
      await client.updateChannelMediaRelay(toConfiguration(active.sdk, sent));
      if (this.#active === active) active.plan = plan;
    } catch (error) {
      this.#report(fromSdkError(error, 'update', 'The SDK refused to update the relay.'));
      // Rule 4: a failed update restarts the relay; the runner starts it again once it is stopped.
      if (this.#active?.client === client) await this.#stop(client);
    }
  }

  async #stop(client: RelayClient): Promise<void> {
    this.#stopping = true;
    const failure = await this.#call(() => client.stopChannelMediaRelay());
    this.#stopping = false;
    if (this.#active?.client === client) this.#active = undefined;
    // A detached client's relay events no longer reach us: its stop is the last word on the state.
    if (client !== this.#client) this.#setState('RELAY_STATE_IDLE');
    if (!failure) return;
    const detail = fromSdkError(failure, 'stop', 'The SDK refused to stop the relay.');
    this.#stopError = detail;
    if (client === this.#client) {
      this.#becomeStuck(detail);
    } else {
      this.#stuckClients.set(client, detail);
      this.#report(detail);
    }
  }

  /**
   * The plan with every missing relay token asked of the provider. A destination whose token cannot be had is left
   * out (and reported); without a source token, or with no destination left, there is nothing to send.
   */
  async #withTokens(plan: RelayPlan): Promise<RelayPlan | undefined> {
    const provider = this.#tokenProvider;
    this.#tokenFailures = new Map();
    if (!provider) return plan;
    const fill = async (info: RelayChannelInfo, purpose: TokenPurpose): Promise<RelayChannelInfo> => {
      if (info.token) return info;
      // The source token is generated for uid 0 (reference §5); a destination's for its own uid.
      const request = { channelName: info.channelName, uid: purpose === 'relay-source' ? 0 : info.uid, purpose };
      const cacheKey = `${purpose}\n${request.channelName}\n${request.uid}`;
      const token = this.#tokens.get(cacheKey) ?? (await requestToken(provider, request));
      this.#tokens.set(cacheKey, token);
      return { ...info, token };
    };
    const failure = (error: unknown, channelName: string): RelayErrorDetail => ({
      code: 'TOKEN_FETCH_FAILED',
      message: error instanceof Error ? error.message : String(error),
      operation: 'token',
      channelName,
    });
    let source: RelayChannelInfo;
    try {
      source = await fill(plan.source, 'relay-source');
    } catch (error) {
      this.#failStart(plan, failure(error, plan.source.channelName));
      return undefined;
    }
    const destinations: RelayChannelInfo[] = [];
    for (const destination of plan.destinations) {
      try {
        destinations.push(await fill(destination, 'relay-destination'));
      } catch (error) {
        const detail = failure(error, destination.channelName);
        this.#tokenFailures.set(destinationId(destination), detail);
        this.#report(detail);
      }
    }
    if (destinations.length === 0) {
      this.#failed = { plan, error: [...this.#tokenFailures.values()][0] as RelayErrorDetail };
      return undefined;
    }
    return { source, destinations };
  }

  #outdated(client: RelayClient, plan: RelayPlan): boolean {
    return client !== this.#client || !samePlan(this.#want(), plan);
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

  // ---- the SDK's events ---------------------------------------------------------------------------------------

  #listen(client: RelayClient): () => void {
    const onState = (state: RelayState) => this.#onRelayState(client, state);
    const onEvent = (event: RelaySessionEventMap['channel-media-relay-event']['detail']['event']) => {
      if (client === this.#active?.client) this.emit('channel-media-relay-event', { event });
    };
    const onConnection = (state: ConnectionState, previous: ConnectionState) => {
      // Leaving resets the SDK's relay, stuck or not; joining again makes it usable (reference §3.3).
      if (state === 'DISCONNECTED' || previous === 'DISCONNECTED') {
        this.#stuckClients.delete(client);
        this.#stuck = undefined;
        this.#stuckReported = false;
        this.#failed = undefined;
      }
      if (state === 'DISCONNECTED') {
        this.#startRequested = false;
        this.#disarmWatchdog();
        if (this.#active?.client === client) this.#active = undefined;
        this.#setState('RELAY_STATE_IDLE');
      }
      this.#changed();
    };
    client.on('channel-media-relay-state', onState);
    client.on('channel-media-relay-event', onEvent);
    client.on('connection-state-change', onConnection);
    return () => {
      client.off('channel-media-relay-state', onState);
      client.off('channel-media-relay-event', onEvent);
      client.off('connection-state-change', onConnection);
    };
  }

  /**
   * The relay we started went IDLE and the SDK did not bring it back: say so, then stop it. A stop that works
   * leaves the SDK idle and the runner starts again; one that fails means the relay is stuck until leave().
   */
  async #recoverLost(client: RelayClient): Promise<void> {
    this.#lost = false;
    this.#report({
      code: 'SERVER_CONNECTION_LOST',
      message: `The relay connection dropped and the SDK did not restore it within ${sessionTimers.watchdogMs / 1000} s.`,
      operation: 'start',
    });
    await this.#stop(client);
  }

  #armWatchdog(client: RelayClient): void {
    if (this.#watchdog !== undefined || this.#stopping || this.#active?.client !== client) return;
    this.#watchdog = setTimeout(() => {
      this.#watchdog = undefined;
      if (this.#active?.client !== client || this.#state !== 'RELAY_STATE_IDLE') return;
      this.#lost = true;
      this.#changed();
    }, sessionTimers.watchdogMs);
  }

  #disarmWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    this.#lost = false;
  }

  #onRelayState(client: RelayClient, state: RelayState): void {
    if (client !== this.#client) return;
    if (state !== 'RELAY_STATE_IDLE') this.#disarmWatchdog();
    if (state === 'RELAY_STATE_IDLE') {
      // The SDK reports a failure as IDLE then FAILURE in one go (reference §3.2): hold IDLE back a microtask so
      // the pair becomes one FAILURE.
      this.#idleDeferred = true;
      queueMicrotask(() => {
        if (!this.#idleDeferred) return;
        this.#idleDeferred = false;
        this.#setState('RELAY_STATE_IDLE');
        this.#armWatchdog(client);
      });
      return;
    }
    if (state === 'RELAY_STATE_FAILURE') {
      this.#idleDeferred = false;
      // An expired token is the likely cause: ask for fresh ones next time.
      this.#tokens.clear();
      this.#active = undefined;
      this.#setState(state);
      this.#becomeStuck({
        code: 'RELAY_FAILURE',
        message: 'The relay failed; the SDK does not say why (often an expired source or destination token).',
        operation: 'start',
      });
      this.#changed();
      return;
    }
    if (this.#idleDeferred) {
      this.#idleDeferred = false;
      this.#setState('RELAY_STATE_IDLE');
    }
    this.#setState(state);
  }

  #setState(state: RelayState): void {
    const previousState = this.#state;
    if (state === previousState) return;
    this.#state = state;
    const detail = state === 'RELAY_STATE_FAILURE' ? { state, previousState } : { state, previousState, code: 'RELAY_OK' as const };
    this.emit('channel-media-relay-state', detail);
    this.#refreshStatuses();
  }

  /**
   * The SDK's relay on this client needs `leave()` before it works again (reference §3.3): say so, once, and tell
   * whoever owns the client (managed mode leaves and joins again; a page's own client is the page's to reset).
   */
  #becomeStuck(cause: RelayErrorDetail): RelayErrorDetail {
    const stuck = { ...cause, message: `${cause.message} ${STUCK_HINT}` };
    this.#stuck = stuck;
    this.#stuckReported = true;
    if (this.#client) this.#stuckClients.set(this.#client, stuck);
    this.#report(stuck);
    this.emit('agora-relay-stuck', { ...stuck });
    return stuck;
  }

  // ---- reporting ----------------------------------------------------------------------------------------------

  #report(error: RelayErrorDetail): void {
    this.emit('agora-relay-error', { ...error });
  }

  /** Each validation issue is reported once, when it appears or changes. */
  #reportIssues(): void {
    const current = new Map<unknown, ValidationIssue & { channelName?: string }>();
    const source = checkChannel('source', this.#source);
    if (!source.ok) current.set(this, { ...source.issue, channelName: this.#source.channelName ?? undefined });
    this.#verdicts().forEach((verdict, index) => {
      if (verdict.kind !== 'rejected') return;
      const destination = this.#destinations[index] as SessionDestination;
      current.set(destination.key ?? destination, {
        ...verdict.issue,
        channelName: destination.channelName ?? undefined,
      });
    });
    for (const [key, issue] of current) {
      if (this.#reportedIssues.get(key) === issue.message) continue;
      const detail: RelayErrorDetail = { code: issue.code, message: issue.message, operation: 'validate' };
      if (issue.channelName) detail.channelName = issue.channelName;
      this.#report(detail);
    }
    this.#reportedIssues = new Map([...current].map(([key, issue]) => [key, issue.message]));
  }

  #refreshStatuses(): void {
    const want = this.#want();
    const failure = this.#stuck ?? (this.#failed && samePlan(this.#failed.plan, want) ? this.#failed.error : undefined);
    const active = this.#state === 'RELAY_STATE_RUNNING' && this.#active?.client === this.#client ? this.#active : undefined;
    const next = new Map<unknown, DestinationStatusDetail>();
    this.#verdicts().forEach((verdict, index) => {
      const destination = this.#destinations[index] as SessionDestination;
      // The input object itself identifies a destination given no key, but is never put in a detail: it holds a token.
      const key = destination.key ?? destination;
      const detail: DestinationStatusDetail = { index, channelName: destination.channelName ?? '', status: 'idle' };
      if (destination.key !== undefined) detail.key = destination.key;
      let status: DestinationStatus = 'idle';
      if (verdict.kind === 'rejected') {
        status = 'rejected';
        detail.error = { code: verdict.issue.code, message: verdict.issue.message };
      } else if (verdict.kind === 'accepted') {
        const tokenFailure = this.#tokenFailures.get(destinationId(verdict.info));
        if (tokenFailure && want) {
          status = 'failed';
          detail.error = { code: tokenFailure.code, message: tokenFailure.message };
        } else if (failure && (want || this.#stuck)) {
          status = 'failed';
          detail.error = { code: failure.code, message: failure.message };
        } else if (relaysDestination(active?.plan, verdict.info) && relaysDestination(want, verdict.info)) {
          status = 'relaying';
        } else if (want) {
          status = 'pending';
        }
      }
      detail.status = status;
      next.set(key, detail);
    });
    const previous = this.#statuses;
    this.#statuses = next;
    for (const [key, detail] of next) {
      const before = previous.get(key);
      if (
        before?.status === detail.status &&
        before.error?.code === detail.error?.code &&
        before.error?.message === detail.error?.message &&
        before.channelName === detail.channelName
      ) {
        continue;
      }
      this.emit('agora-relay-destination-status', { ...detail });
    }
  }
}
