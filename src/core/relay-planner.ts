// The relay session's decisions, apart from the work of carrying them out ("decide, then do"): given the inputs and
// what the SDK last said (plain data, RelayFacts), which one SDK call brings the relay closer to what the inputs
// want, and what to report. Pure functions: no SDK, no timers, no DOM; relay-runner.ts makes the calls.
import type { RelayState } from './relay-enums.js';
import type { RelayErrorDetail } from './relay-error.js';
import { type RelayPlan, samePlan, sameDestinations, sameSource } from './relay-plan.js';
import type { ConnectionState } from './sdk-types.js';
import { checkSource, sourceChannelName } from './source-channel.js';
import {
  type ChannelInput,
  type DestinationInput,
  type DestinationVerdict,
  judgeDestinations,
} from './validation.js';

export interface SessionDestination extends DestinationInput {
  /** Identifies the destination in status events; default: the input object itself. */
  key?: unknown;
}

/** What the planner reads of a client: a real `IAgoraRTCClient`, or a plain object in a test. */
export interface ClientView {
  readonly connectionState: ConnectionState;
  readonly localTracks: readonly unknown[];
  /** The client's role; `undefined` on SDKs before 4.18.1, which do not expose it. */
  readonly role?: string;
  /** The channel the client has joined; `undefined` while it is not in one (or in a test that does not say). */
  readonly channelName?: string;
}

/** The relay we started: its client and what it relays; `unheard` once its client was detached, even briefly. */
export interface ActiveRelay<C extends ClientView = ClientView> {
  client: C;
  plan: RelayPlan;
  unheard?: boolean;
}

/** A plan whose start failed, so it is not retried in a loop; any change of plan clears it. */
export interface FailedPlan {
  plan: RelayPlan;
  error: RelayErrorDetail;
}

/** Everything a decision depends on. The runner keeps one of these up to date; tests write them by hand. */
export interface RelayFacts<C extends ClientView = ClientView> {
  // The inputs.
  client: C | null;
  source: ChannelInput;
  destinations: readonly SessionDestination[];
  disabled: boolean;
  /** dispose() was called. */
  disposed: boolean;
  /** start() was called: skip the joined/published checks (api.md Methods). */
  startRequested: boolean;
  /** stop() was called: hold the relay stopped until start(). */
  held: boolean;
  // What the SDK said, as far as it tells us.
  state: RelayState;
  active: ActiveRelay<C> | undefined;
  /** The watchdog found the active relay IDLE for too long. */
  lost: boolean;
  /** The SDK's relay on this client needs `leave()` before it works again (reference §3.3). */
  stuck: RelayErrorDetail | undefined;
  stuckReported: boolean;
  failed: FailedPlan | undefined;
  /** Another session relays on the attached client (client-claims.ts): no call until it lets the client go. */
  clientInUse: boolean;
  /** Destinations whose token could not be had in the last call, by destinationId(): relayed without them. */
  tokenFailures: ReadonlyMap<string, RelayErrorDetail>;
}

/** One SDK call: start, update or stop the relay on a client; `recover` reports a lost relay, then stops it. */
export type RelayCall<C extends ClientView = ClientView> =
  | { kind: 'start'; client: C; plan: RelayPlan }
  | { kind: 'update'; client: C; plan: RelayPlan }
  | { kind: 'stop'; client: C }
  | { kind: 'recover'; client: C };

/** The next call to make (none when the SDK is where the inputs want it), and what to report first. */
export interface Decision<C extends ClientView = ClientView> {
  call?: RelayCall<C>;
  report?: RelayErrorDetail;
}

export function initialFacts<C extends ClientView>(): RelayFacts<C> {
  return {
    client: null,
    source: {},
    destinations: [],
    disabled: false,
    disposed: false,
    startRequested: false,
    held: false,
    state: 'RELAY_STATE_IDLE',
    active: undefined,
    lost: false,
    stuck: undefined,
    stuckReported: false,
    failed: undefined,
    clientInUse: false,
    tokenFailures: new Map(),
  };
}

/** Rule 1: joined as a host and published. The SDK fires no event on publish: start() or a re-check says so. */
export function clientReady(client: ClientView): boolean {
  const isHost = client.role === undefined || client.role === 'host';
  return client.connectionState === 'CONNECTED' && isHost && client.localTracks.length > 0;
}

export function verdicts(facts: Pick<RelayFacts, 'source' | 'destinations' | 'client'>): DestinationVerdict[] {
  return judgeDestinations(sourceChannelName(facts.source, facts.client), facts.destinations);
}

/** How a destination is known across plans: channel and uid. */
export const destinationId = (info: { channelName: string; uid: number }) => `${info.channelName}\n${info.uid}`;

/**
 * The plan the inputs call for right now, or undefined when the relay should not run. `ignoreReadiness` asks what
 * would be relayed once the client is ready.
 */
export function wantedPlan(facts: RelayFacts, ignoreReadiness = false): RelayPlan | undefined {
  const client = facts.client;
  if (facts.disposed || facts.disabled || facts.held || !client) return undefined;
  // Readiness gates the start only: a running relay is not stopped by an unpublish the SDK never announces (a
  // host switching tracks), which the session would otherwise act on at some unrelated later change.
  const running = facts.active?.client === client;
  if (!ignoreReadiness && !running && !facts.startRequested && !clientReady(client)) return undefined;
  const source = checkSource(facts.source, client);
  if (!source.ok) return undefined;
  const destinations = verdicts(facts).flatMap((verdict) => (verdict.kind === 'accepted' ? [verdict.info] : []));
  if (destinations.length === 0) return undefined;
  return { source: source.info, destinations };
}

/** The one SDK call that brings the SDK closer to what the inputs want, or none when it is there. */
export function decideNext<C extends ClientView>(facts: RelayFacts<C>): Decision<C> {
  const want = wantedPlan(facts);
  const active = facts.active;
  if (active && facts.lost) return { call: { kind: 'recover', client: active.client } };
  if (active) {
    if (!want || active.client !== facts.client || active.unheard || !sameSource(want, active.plan)) {
      return { call: { kind: 'stop', client: active.client } };
    }
    if (!sameDestinations(want, active.plan)) return { call: { kind: 'update', client: active.client, plan: want } };
    return {};
  }
  if (!want || !facts.client) return {};
  // One client, one relay: another session's relay on it is not ours to touch (reported by clientInUseIssue).
  if (facts.clientInUse) return {};
  // A stuck relay waits for leave(); it is said once.
  if (facts.stuck) return facts.stuckReported ? {} : { report: facts.stuck };
  if (facts.failed && samePlan(facts.failed.plan, want)) return {};
  return { call: { kind: 'start', client: facts.client, plan: want } };
}

/** A failed plan is forgotten as soon as the inputs want something else. */
export function failureStillApplies(facts: RelayFacts): boolean {
  return !!facts.failed && samePlan(facts.failed.plan, wantedPlan(facts));
}

/**
 * The SDK fires no event when the app publishes (rule 1 needs one): true while a joined host client with valid
 * destinations waits only for that, so the runner looks at its local tracks now and then.
 */
export function waitsForPublish(facts: RelayFacts): boolean {
  const client = facts.client;
  return (
    !!client &&
    !facts.active &&
    !facts.startRequested &&
    client.connectionState === 'CONNECTED' &&
    !clientReady(client) &&
    !!wantedPlan(facts, true)
  );
}

/** Why start()'s callers are rejected once the runner settles, if they are. */
export function startFailure(facts: RelayFacts): RelayErrorDetail | undefined {
  return facts.failed?.error ?? clientInUseIssue(facts) ?? (facts.stuck && wantedPlan(facts, true) ? facts.stuck : undefined);
}

/** While the inputs want a relay on a client whose relay another session runs: what to say (once, by the runner). */
export function clientInUseIssue(facts: RelayFacts): RelayErrorDetail | undefined {
  if (!facts.clientInUse || facts.active || !wantedPlan(facts)) return undefined;
  return {
    code: 'CLIENT_IN_USE',
    message:
      "The client's relay belongs to another host: the SDK runs one relay per client. This host makes no call " +
      'until the other one stops relaying on it or lets it go.',
    operation: 'start',
  };
}
