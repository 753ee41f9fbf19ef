// The real system under a model run: two fake SDK clients whose relay calls are probed as they happen, the session
// or the elements over them (a Target), every event they dispatch, and the checks: the safety rules after every
// step, and the whole relay against the model once settled.
import type { RelayState } from '../../../src/core/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient, type FakeHold } from '../../../src/testing/index.js';
import type { FakeLocalTrack, RelayConfigSnapshot } from '../../../src/testing/index.js';
import {
  attachedClient,
  CLIENT_IDS,
  type ClientId,
  type Info,
  infoKey,
  type Model,
  SOURCE_NAME,
  sourceVerdict,
  TOKEN_MARKER,
  verdicts,
  wantedPlan,
} from './model.js';

/** An Error whose stack starts with its message: Firefox's stack holds only the frames, and fast-check prints it. */
export function withMessageInStack(message: string): Error {
  const error = new Error(message);
  if (!error.stack?.startsWith('Error')) error.stack = `Error: ${message}\n${error.stack ?? ''}`;
  return error;
}

export const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const BOUNDED_RETRIES = { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 };

/** What the model tests run against: the session itself, or the elements. */
export interface Target {
  readonly kind: 'session' | 'elements';
  /** Pushes the model's destinations (the session: a new list; the elements: the one DOM change `change` names). */
  destinations(m: Model, change: DestChange): void;
  source(m: Model, field: 'name' | 'uid' | 'token'): void;
  disabled(m: Model): void;
  client(client: FakeClient | null): void;
  tokenProvider(provider: ((request: { channelName: string; uid: number; purpose: string }) => Promise<string>) | null): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  settled(): Promise<void>;
  readonly state: RelayState;
  /** Each destination's status and error, in model order. */
  statuses(): { status: string; error?: { code: string; message: string } }[];
  /** What identifies destination `index` in the recorded status events. */
  statusKey(m: Model, index: number): unknown;
  /** Anything else the target must hold once settled (e.g. the elements' reflected attributes). */
  extraProblems(m: Model): string[];
  /** Ends the run: dispose the session / remove the host. */
  teardown(): Promise<void>;
}

export type DestChange =
  | { kind: 'add'; index: number }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'edit'; index: number; field: 'name' | 'uid' | 'token' | 'disabled' };

interface CallEntry {
  seq: number;
  client: ClientId;
  method: 'start' | 'update' | 'stop';
  config?: RelayConfigSnapshot;
  outcome?: 'resolved' | 'rejected';
  code?: string;
}

interface EventEntry {
  seq: number;
  type: string;
  detail: Record<string, unknown>;
  /** For status events: what they are about (the session's key, or the destination element). */
  about: unknown;
}

/** Listeners the probe itself keeps on each client. */
export const OWN_LISTENERS = 1;

/** How long a settled relay may take to reach what the model wants (publish checks, watchdog, SDK restarts). */
export const SETTLE_PATIENCE_MS = 1500;

export class World {
  readonly AgoraRTC: FakeAgoraRTC;
  readonly clients: Record<ClientId, FakeClient>;
  target!: Target;
  seq = 0;
  readonly calls: CallEntry[] = [];
  readonly events: EventEntry[] = [];
  readonly violations: string[] = [];
  /** A human-readable trace of what the commands did, for failure messages. */
  readonly trace: string[] = [];
  /** Faults injected so far (SDK failures, drops, network, leave, refused tokens): none means no error may occur. */
  faults = 0;
  /** Something happened that a session timer (watchdog, publish check) may still answer. */
  timersMayFire = false;
  readonly holds: FakeHold[] = [];
  readonly pending = new Set<string>();
  readonly rejections: { what: string; code: string }[] = [];
  #inFlight: string | undefined;
  /** Per client: its last start resolved and no stop or leave came since (an update is allowed). */
  #started: Record<ClientId, boolean> = { A: false, B: false };
  /** Seq of the dispose / removal, while it holds; the SDK calls allowed after it. */
  #endedAt: number | undefined;
  #stopsSinceEnd = 0;
  #promiseCount = 0;

  constructor(readonly localTrack: FakeLocalTrack) {
    this.AgoraRTC = createFakeAgoraRTC({ latency: 0, offlineJoinMs: 3, offlineRelayMs: 2 });
    const make = () =>
      this.AgoraRTC.createClient({
        mode: 'live',
        codec: 'vp8',
        role: 'host',
        httpRetryConfig: BOUNDED_RETRIES,
        websocketRetryConfig: BOUNDED_RETRIES,
      });
    this.clients = { A: make(), B: make() };
    for (const id of CLIENT_IDS) this.#probe(id, this.clients[id]);
  }

  /** Client A joined and published, B out of the channel: the model's initial state. */
  async init(): Promise<void> {
    this.clients.A.fake.forceJoined(1001, SOURCE_NAME);
    await this.clients.A.publish(this.localTrack);
  }

  note(line: string): void {
    this.trace.push(line);
  }

  violate(problem: string): void {
    this.violations.push(`${problem} (after: ${this.trace.at(-1) ?? 'setup'})`);
  }

  /** The safety rules, after every step: fails the run with everything broken so far. */
  assertSafe(): void {
    if (this.violations.length > 0) throw this.failure(this.violations);
  }

  failure(problems: string[]): Error {
    const calls = this.calls.map(
      (call) => `${call.client}.${call.method}${call.config ? `(${call.config.dests.map((d) => d.channelName).join(',')})` : ''}:${call.outcome ?? 'pending'}${call.code ? ` ${call.code}` : ''}`,
    );
    return withMessageInStack(
      `${problems.join('\n')}\n-- trace:\n${this.trace.join('\n')}\n-- SDK relay calls: ${calls.join(' ')}\n-- errors: ${this.events
        .filter((event) => event.type === 'agora-relay-error')
        .map((event) => `${String(event.detail.operation)}:${String(event.detail.code)}`)
        .join(' ')}`,
    );
  }

  /** A start()/stop() promise: it must settle, and a rejection must be reported as an event too. */
  follow(what: string, promise: Promise<void>): void {
    const id = `${what}#${(this.#promiseCount += 1)}`;
    this.pending.add(id);
    promise.then(
      () => this.pending.delete(id),
      (error: { code?: string }) => {
        this.pending.delete(id);
        this.rejections.push({ what: id, code: String(error?.code) });
      },
    );
  }

  end(): void {
    this.#endedAt = this.#next();
    this.#stopsSinceEnd = 0;
  }

  resume(): void {
    this.#endedAt = undefined;
  }

  /** Records every event `target` dispatches of these types; a token in a detail is a violation at once. */
  listen(target: EventTarget, types: readonly string[]): void {
    for (const type of types) {
      target.addEventListener(type, (event) => {
        const detail = (event as CustomEvent).detail as Record<string, unknown>;
        const about = type === 'agora-relay-destination-status' ? (detail.key ?? event.target) : undefined;
        this.events.push({ seq: this.#next(), type, detail, about });
        const text = JSON.stringify(detail, (_key, value: unknown) => (value instanceof Element ? `<${value.localName}>` : value));
        if (text.includes(TOKEN_MARKER)) this.violate(`a token in a ${type} detail: ${text.slice(0, 200)}`);
        if (type === 'agora-relay-error' && detail.code === 'INVALID_PARAMS') {
          this.violate(`the SDK refused our parameters (validation let something through): ${text.slice(0, 300)}`);
        }
      });
    }
  }

  releaseHolds(): void {
    for (const hold of this.holds.splice(0)) hold.release();
  }

  /**
   * Waits until the target has settled and the relay is what the model wants, or fails after SETTLE_PATIENCE_MS
   * with what is still wrong. Then the safety rules and the whole comparison hold at once.
   */
  async settle(m: Model): Promise<void> {
    this.releaseHolds();
    const deadline = performance.now() + SETTLE_PATIENCE_MS;
    for (;;) {
      await macrotask();
      await this.target.settled();
      await macrotask();
      const problems = this.settledProblems(m);
      this.assertSafe();
      if (problems.length === 0) return;
      if (performance.now() > deadline) throw this.failure(problems);
      await sleep(3);
    }
  }

  /** The last configuration the SDK accepted on a client, if its relay runs. */
  relayed(id: ClientId): RelayConfigSnapshot | undefined {
    if (this.clients[id].fake.relayState !== 'RELAY_STATE_RUNNING') return undefined;
    for (let index = this.calls.length - 1; index >= 0; index -= 1) {
      const call = this.calls[index]!;
      if (call.client !== id || call.outcome !== 'resolved') continue;
      if (call.method === 'stop') return undefined;
      return call.config;
    }
    return undefined;
  }

  settledProblems(m: Model): string[] {
    const problems: string[] = [];
    const target = this.target;
    const attached = attachedClient(m);
    const runs = !!attached && this.clients[attached].fake.relayState === 'RELAY_STATE_RUNNING';
    const plan = wantedPlan(m, runs);
    const planned = plan && plan.destinations.length > 0 ? plan : undefined;
    const errors = this.events.filter((event) => event.type === 'agora-relay-error');
    const errorCodes = new Set(errors.map((event) => event.detail.code));
    // A host out of the document follows no child (api.md rule 5): its destinations' statuses mean nothing then.
    const statuses = m.connected ? target.statuses() : [];
    const relayed = attached ? this.relayed(attached) : undefined;
    const relayedKeys = new Set((relayed?.dests ?? []).map(infoKey));
    const inPlan = new Set((planned?.destinations ?? []).map(infoKey));
    const show = (info: Info) => infoKey(info).replaceAll(TOKEN_MARKER, '•');

    const source = sourceVerdict(m);
    // The SDK's rules come first: a source whose uid or token breaks them is reported for that.
    const mismatch = !source.ok && source.code === 'SOURCE_MISMATCH' && m.source.uid.valid && m.source.token.valid;
    if (mismatch && !errorCodes.has('SOURCE_MISMATCH')) {
      problems.push(`channel-name ${JSON.stringify(m.source.name.value)} is not the client's channel, and no SOURCE_MISMATCH was reported`);
    }
    if (this.pending.size > 0) problems.push(`start()/stop() still pending once settled: ${[...this.pending].join(', ')}`);
    for (const rejection of this.rejections) {
      if (!errorCodes.has(rejection.code)) problems.push(`${rejection.what} rejected ${rejection.code} with no such agora-relay-error`);
    }
    if (m.connected && statuses.length !== m.dests.length) problems.push(`${statuses.length} statuses for ${m.dests.length} destinations`);
    const accepted: { index: number; info: Info; status: string }[] = [];
    verdicts(m).forEach((verdict, index) => {
      const status = statuses[index];
      if (!status) return;
      const where = `destination ${index} (${JSON.stringify(m.dests[index]!.name.value.slice(0, 20))})`;
      if (verdict.kind === 'disabled') {
        if (status.status !== 'idle') problems.push(`${where} is disabled but ${status.status}`);
      } else if (verdict.kind === 'rejected') {
        if (status.status !== 'rejected' || status.error?.code !== verdict.code) {
          problems.push(`${where} must be rejected ${verdict.code}, is ${status.status} ${status.error?.code ?? ''}`);
        }
      } else {
        accepted.push({ index, info: verdict.info, status: status.status });
        if (status.status === 'failed') {
          if (!status.error || !errorCodes.has(status.error.code)) {
            problems.push(`${where} failed with ${status.error?.code ?? 'no error'} and no such agora-relay-error`);
          }
        } else if (planned) {
          if (status.status !== 'relaying') problems.push(`${where} must be relaying (or failed), is ${status.status}`);
          else if (!relayedKeys.has(infoKey(verdict.info))) {
            problems.push(`${where} says relaying but the SDK relays ${[...relayedKeys].join(' ') || 'nothing'}`);
          }
        } else if (status.status !== 'idle') {
          problems.push(`${where} must be idle (no relay wanted), is ${status.status}`);
        }
      }
    });
    const failed = accepted.filter((entry) => entry.status === 'failed');
    const allFailed = accepted.length > 0 && failed.length === accepted.length;

    if (planned && failed.length === 0) {
      const want = planned.destinations.map(show).sort().join(' ');
      const have = (relayed?.dests ?? []).map(show).sort().join(' ');
      if (want !== have) problems.push(`the SDK relays [${have}], the model wants [${want}]`);
    }
    if (relayed && planned && accepted.some((entry) => entry.status === 'relaying')) {
      if (infoKey(relayed.src) !== infoKey(planned.source)) {
        problems.push(`the SDK relays from ${show(relayed.src)}, the model wants ${show(planned.source)}`);
      }
    }
    if (relayed && !allFailed && !this.stopFailedSinceStart(attached!)) {
      const extra = relayed.dests.filter((dest) => !inPlan.has(infoKey(dest)));
      if (extra.length > 0) problems.push(`the SDK relays ${extra.map(show).join(' ')}, which the model does not want`);
    }
    for (const id of CLIENT_IDS) {
      const client = this.clients[id];
      const running = client.fake.relayState === 'RELAY_STATE_RUNNING';
      if (id === attached) {
        const said = (running && allFailed) || this.stopFailedSinceStart(id);
        if ((target.state === 'RELAY_STATE_RUNNING') !== running && !said) {
          problems.push(`the state says ${target.state}, the SDK relay on ${id} is ${client.fake.relayState ?? 'none'}`);
        }
        if (client.fake.listenerCount() <= OWN_LISTENERS) problems.push(`no listener on the attached client ${id}`);
      } else {
        const left = client.fake.listenerCount() - OWN_LISTENERS;
        if (left !== 0) problems.push(`${left} listeners left on ${id}, not attached`);
        if (running && !this.stopFailedSinceStart(id)) problems.push(`the relay on ${id} (not attached) still runs and no stop failure was reported`);
      }
    }
    const stillRunning = CLIENT_IDS.some(
      (id) => this.clients[id].fake.relayState === 'RELAY_STATE_RUNNING' && this.stopFailedSinceStart(id),
    );
    if (!attached && target.state === 'RELAY_STATE_RUNNING' && !stillRunning) {
      problems.push('no client attached, and the state still says RUNNING');
    }
    if (this.faults === 0) {
      const unexpected = errors.filter((event) => event.detail.operation !== 'validate');
      if (unexpected.length > 0) {
        problems.push(`errors with no fault injected: ${unexpected.map((e) => `${String(e.detail.operation)}:${String(e.detail.code)}`).join(' ')}`);
      }
      if (failed.length > 0) problems.push('failed statuses with no fault injected');
    }
    // What the events said last must be what the getters say now.
    const lastState = this.events.filter((event) => event.type === 'channel-media-relay-state').at(-1);
    if (((lastState?.detail.state as string | undefined) ?? 'RELAY_STATE_IDLE') !== target.state) {
      problems.push(`the last state event said ${String(lastState?.detail.state)}, the state is ${target.state}`);
    }
    statuses.forEach((status, index) => {
      const key = target.statusKey(m, index);
      const last = this.events.filter((event) => event.type === 'agora-relay-destination-status' && event.about === key).at(-1);
      if (last?.detail.status !== status.status) {
        problems.push(`destination ${index}: the last status event said ${String(last?.detail.status)}, the status is ${status.status}`);
      }
    });
    problems.push(...target.extraProblems(m));
    const unhandled = window.__takeUnhandled?.() ?? [];
    for (const text of unhandled) this.violate(text);
    return problems;
  }

  stopFailedSinceStart(id: ClientId): boolean {
    const lastStart = this.calls.filter((call) => call.client === id && call.method === 'start').at(-1)?.seq ?? -1;
    return this.events.some(
      (event) => event.type === 'agora-relay-error' && event.seq > lastStart && event.detail.operation === 'stop',
    );
  }

  #next(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Wraps a client's relay calls (and leave) to check the rules at the moment of each call. */
  #probe(id: ClientId, client: FakeClient): void {
    type Config = Parameters<FakeClient['startChannelMediaRelay']>[0];
    const wrap = (method: CallEntry['method'], original: (config: Config) => Promise<void>) => {
      return (config: Config): Promise<void> => {
        const before = client.fake.relayState;
        const what = `${id}.${method}`;
        if (this.#inFlight) this.violate(`${what} while ${this.#inFlight} is in flight`);
        if (method === 'start' && before !== undefined && before !== 'RELAY_STATE_IDLE') {
          this.violate(`${what} while the SDK relay is ${before}`);
        }
        if (method === 'update' && !this.#started[id]) this.violate(`${what} before a start resolved`);
        if (this.#endedAt !== undefined) {
          if (method !== 'stop') this.violate(`${what} after the session was disposed / the host removed`);
          else if ((this.#stopsSinceEnd += 1) > 1) this.violate(`a second stop after the session was disposed / the host removed`);
        }
        if (method !== 'update') this.#started[id] = false;
        const entry: CallEntry = { seq: this.#next(), client: id, method };
        this.#inFlight = what;
        const promise = original(config);
        entry.config = client.fake.calls.at(-1)?.config;
        this.calls.push(entry);
        if (entry.config) {
          const names = entry.config.dests.map((dest) => dest.channelName);
          if (names.length > 4) this.violate(`${what} with ${names.length} destinations`);
          if (names.includes(entry.config.src.channelName)) this.violate(`${what} relays the source to itself`);
          const joined = client.channelName;
          if (joined && entry.config.src.channelName !== joined) {
            this.violate(`${what} relays ${JSON.stringify(entry.config.src.channelName)}, not the client's channel ${JSON.stringify(joined)}`);
          }
        }
        return promise.then(
          () => {
            this.#inFlight = undefined;
            entry.outcome = 'resolved';
            if (method === 'start') this.#started[id] = true;
          },
          (error: { code?: string }) => {
            this.#inFlight = undefined;
            entry.outcome = 'rejected';
            entry.code = error?.code;
            throw error;
          },
        );
      };
    };
    client.startChannelMediaRelay = wrap('start', client.startChannelMediaRelay.bind(client));
    client.updateChannelMediaRelay = wrap('update', client.updateChannelMediaRelay.bind(client));
    const stop = client.stopChannelMediaRelay.bind(client);
    const wrappedStop = wrap('stop', () => stop());
    client.stopChannelMediaRelay = () => wrappedStop(undefined as unknown as Config);
    // A leave resets the SDK's relay at once, but the session can only know once the connection says so.
    client.on('connection-state-change', (state: string) => {
      if (state === 'DISCONNECTED') this.#started[id] = false;
    });
  }
}

declare global {
  interface Window {
    __takeUnhandled?: () => string[];
    /** Injected by web-test-runner.config.mjs from MODEL_RUNS / MODEL_SEED / MODEL_PATH. */
    __MODEL_CONFIG?: { runs?: number; seed?: number; path?: string };
  }
}
