// The commands of the model runs: what a page, a network or the SDK may do, each as a model transition plus the same
// act on the real system. Positions are taken modulo the current list, so any shrunk sequence stays runnable.
import fc from 'fast-check';
import { SDK_ERROR_CODES } from '../../../src/core/index.js';
import type { FakeMethod } from '../../../src/testing/index.js';
import {
  attachedClient,
  CLIENT_IDS,
  type ClientId,
  type DestModel,
  describeDest,
  describeToken,
  disconnected,
  type Model,
  NAMES,
  PROVIDER_REFUSES,
  type ProviderKind,
  providerToken,
  setAttached,
  SOURCE_NAMES,
  TOKENS,
  UIDS,
} from './model.js';
import type { ElementsTarget } from './elements-target.js';
import { macrotask, type World } from './world.js';

export interface Real {
  world: World;
}

type Command = fc.AsyncCommand<Model, Real, boolean>;

/**
 * Every relay error code the fake can be told to answer with: the SDK's, and the relay protocol's. Not
 * INVALID_PARAMS: the SDK answers it only to parameters our validation should have refused, which world.ts checks.
 */
export const ERROR_CODES: readonly string[] = [
  ...SDK_ERROR_CODES.filter((code) => code !== 'INVALID_PARAMS'),
  'CROSS_CHANNEL_FAILED_JOIN_SRC',
  'CROSS_CHANNEL_FAILED_JOIN_DEST',
  'CROSS_CHANNEL_FAILED_PACKET_SENT_TO_DEST',
];
export const RELAY_FAILURES = ['RELAY_OK', 'SERVER_CONNECTION_LOST', 'SRC_TOKEN_EXPIRED', 'DEST_TOKEN_EXPIRED'] as const;
const RELAY_METHODS: readonly FakeMethod[] = ['start', 'update', 'stop'];

const at = (index: number, length: number) => (length === 0 ? 0 : index % length);
const show = (value: unknown) => JSON.stringify(value);

abstract class Base implements Command {
  check(_m: Readonly<Model>): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    r.world.note(this.describe(m));
    await this.act(m, r);
    r.world.assertSafe();
  }
  /** The step as it applies to the model now (resolved positions), for the trace. */
  describe(_m: Model): string {
    return this.toString();
  }
  abstract act(m: Model, r: Real): Promise<void> | void;
  abstract toString(): string;
}

// ---- destinations -------------------------------------------------------------------------------------------

type DestSpec = Omit<DestModel, 'id'>;

export class AddDest extends Base {
  constructor(
    readonly index: number,
    readonly dest: DestSpec,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.dests.length < 7;
  }
  act(m: Model, r: Real) {
    const index = at(this.index, m.dests.length + 1);
    m.dests.splice(index, 0, { ...this.dest, id: m.nextId++ });
    r.world.target.destinations(m, { kind: 'add', index });
  }
  override describe(m: Model) {
    return `add at ${at(this.index, m.dests.length + 1)} ${describeDest(this.dest)}`;
  }
  toString() {
    return `add(${this.index}, ${describeDest(this.dest)})`;
  }
}

export class RemoveDest extends Base {
  constructor(readonly index: number) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.dests.length > 0;
  }
  act(m: Model, r: Real) {
    const index = at(this.index, m.dests.length);
    m.dests.splice(index, 1);
    r.world.target.destinations(m, { kind: 'remove', index });
  }
  override describe(m: Model) {
    return `remove destination ${at(this.index, m.dests.length)}`;
  }
  toString() {
    return `remove(${this.index})`;
  }
}

export class MoveDest extends Base {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.dests.length > 1;
  }
  act(m: Model, r: Real) {
    const from = at(this.from, m.dests.length);
    const [moved] = m.dests.splice(from, 1);
    const to = at(this.to, m.dests.length + 1);
    m.dests.splice(to, 0, moved!);
    r.world.target.destinations(m, { kind: 'move', from, to });
  }
  override describe(m: Model) {
    return `move destination ${at(this.from, m.dests.length)} to ${at(this.to, m.dests.length)}`;
  }
  toString() {
    return `move(${this.from}, ${this.to})`;
  }
}

type DestField = 'name' | 'uid' | 'token' | 'disabled';
export class EditDest extends Base {
  constructor(
    readonly index: number,
    readonly field: DestField,
    readonly choice: number,
  ) {
    super();
  }
  override check(m: Readonly<Model>) {
    return m.dests.length > 0;
  }
  act(m: Model, r: Real) {
    const index = at(this.index, m.dests.length);
    const dest = m.dests[index]!;
    if (this.field === 'name') dest.name = NAMES[this.choice % NAMES.length]!;
    else if (this.field === 'uid') dest.uid = UIDS[this.choice % UIDS.length]!;
    else if (this.field === 'token') dest.token = TOKENS[this.choice % TOKENS.length]!;
    else dest.disabled = !dest.disabled;
    r.world.target.destinations(m, { kind: 'edit', index, field: this.field });
  }
  #value(): string {
    if (this.field === 'name') return show(NAMES[this.choice % NAMES.length]!.value.slice(0, 20));
    if (this.field === 'uid') return show(UIDS[this.choice % UIDS.length]!.value);
    if (this.field === 'token') return describeToken(TOKENS[this.choice % TOKENS.length]!.value);
    return 'toggled';
  }
  override describe(m: Model) {
    return `destination ${at(this.index, m.dests.length)} ${this.field} = ${this.#value()}`;
  }
  toString() {
    return `edit(${this.index}, ${this.field}, ${this.#value()})`;
  }
}

// ---- the source and the host --------------------------------------------------------------------------------

export class EditSource extends Base {
  constructor(
    readonly field: 'name' | 'uid' | 'token',
    readonly choice: number,
  ) {
    super();
  }
  act(m: Model, r: Real) {
    if (this.field === 'name') m.source.name = SOURCE_NAMES[this.choice % SOURCE_NAMES.length]!;
    else if (this.field === 'uid') m.source.uid = UIDS[this.choice % UIDS.length]!;
    else m.source.token = TOKENS[this.choice % TOKENS.length]!;
    r.world.target.source(m, this.field);
  }
  toString() {
    const value =
      this.field === 'name'
        ? show(SOURCE_NAMES[this.choice % SOURCE_NAMES.length]!.value)
        : this.field === 'uid'
          ? show(UIDS[this.choice % UIDS.length]!.value)
          : describeToken(TOKENS[this.choice % TOKENS.length]!.value);
    return `source.${this.field} = ${value}`;
  }
}

export class SetDisabled extends Base {
  constructor(readonly disabled: boolean) {
    super();
  }
  act(m: Model, r: Real) {
    m.disabled = this.disabled;
    r.world.target.disabled(m);
  }
  toString() {
    return `disabled = ${this.disabled}`;
  }
}

export class SetClient extends Base {
  constructor(readonly client: ClientId | null) {
    super();
  }
  act(m: Model, r: Real) {
    // A disposed session keeps the client it had: it takes no new one (RelaySession.client is then read-only).
    if (!m.disposed) setAttached(m, () => (m.client = this.client));
    r.world.target.client(this.client ? r.world.clients[this.client] : null);
  }
  toString() {
    return `client = ${this.client ?? 'null'}`;
  }
}

const providerCache = new WeakMap<World, Record<ProviderKind, Parameters<World['target']['tokenProvider']>[0]>>();
/**
 * The token providers a sequence may run with (chosen once, at setup): none, one that gives every token, and one
 * that refuses PROVIDER_REFUSES as a destination. One function per kind and world; each answers a task later.
 */
export function providers(world: World) {
  let kinds = providerCache.get(world);
  if (!kinds) {
    const make = (failing: boolean) => async (request: { channelName: string; uid: number; purpose: string }) => {
      await macrotask();
      if (failing && request.purpose === 'relay-destination' && request.channelName === PROVIDER_REFUSES) {
        throw new Error(`no token for ${request.channelName} today`);
      }
      return providerToken(request.purpose, request.channelName, request.uid);
    };
    kinds = { none: null, good: make(false), failing: make(true) };
    providerCache.set(world, kinds);
  }
  return kinds;
}

export class Start extends Base {
  act(m: Model, r: Real) {
    m.startRequested = true;
    m.held = false;
    const client = attachedClient(m);
    if (client && !m.clients[client].joined) r.world.faults += 1; // the SDK refuses a relay before join
    r.world.follow('start()', r.world.target.start());
  }
  toString() {
    return 'start()';
  }
}

export class Stop extends Base {
  act(m: Model, r: Real) {
    m.startRequested = false;
    m.held = true;
    r.world.follow('stop()', r.world.target.stop());
  }
  toString() {
    return 'stop()';
  }
}

// ---- the client ---------------------------------------------------------------------------------------------

export type ClientOperation = 'join' | 'leave' | 'publish' | 'unpublish';

export class ClientOp extends Base {
  constructor(
    readonly client: ClientId,
    readonly op: ClientOperation,
  ) {
    super();
  }
  async act(m: Model, r: Real) {
    const state = m.clients[this.client];
    const client = r.world.clients[this.client];
    const quietly = (promise: Promise<unknown>) => promise.then(() => undefined, () => undefined);
    if (this.op === 'join') {
      if (state.joined) return; // the SDK would refuse: nothing to learn
      if (m.online) state.joined = true;
      else disconnected(m, this.client);
      await quietly(client.join('app-id', 'stage-a', null, this.client === 'A' ? 1001 : 1002));
    } else if (this.op === 'leave') {
      if (state.joined) {
        r.world.faults += 1; // a leave may cut a call short
        r.world.timersMayFire = true;
        disconnected(m, this.client);
      }
      state.joined = false;
      state.published = false;
      await quietly(client.leave());
    } else if (this.op === 'publish') {
      if (!state.joined) return;
      state.published = true;
      await quietly(client.publish(r.world.localTrack));
    } else {
      if (!state.joined) return;
      state.published = false;
      await quietly(client.unpublish());
    }
  }
  toString() {
    return `${this.client}.${this.op}()`;
  }
}

// ---- faults -------------------------------------------------------------------------------------------------

export class FailNext extends Base {
  constructor(
    readonly client: ClientId,
    readonly method: FakeMethod,
    readonly code: string,
  ) {
    super();
  }
  act(_m: Model, r: Real) {
    r.world.faults += 1;
    r.world.clients[this.client].fake.failNext(this.method, this.code);
  }
  toString() {
    return `${this.client}.fake.failNext(${this.method}, ${this.code})`;
  }
}

export class Delay extends Base {
  constructor(
    readonly client: ClientId,
    readonly method: FakeMethod,
    readonly ms: number,
  ) {
    super();
  }
  act(_m: Model, r: Real) {
    r.world.clients[this.client].fake.delay(this.method, this.ms);
  }
  toString() {
    return `${this.client}.fake.delay(${this.method}, ${this.ms})`;
  }
}

/** Holds the client's next call of a method; a later Release lets it go or rejects it (settling releases it). */
export class Hold extends Base {
  constructor(
    readonly client: ClientId,
    readonly method: FakeMethod,
  ) {
    super();
  }
  act(_m: Model, r: Real) {
    r.world.holds.push(r.world.clients[this.client].fake.hold(this.method));
  }
  toString() {
    return `${this.client}.fake.hold(${this.method})`;
  }
}

export class Release extends Base {
  constructor(readonly code: string | null) {
    super();
  }
  act(_m: Model, r: Real) {
    const hold = r.world.holds.shift();
    if (!hold) return;
    if (this.code === null) hold.release();
    else {
      r.world.faults += 1;
      hold.reject(this.code);
    }
  }
  toString() {
    return this.code === null ? 'release the oldest hold' : `reject the oldest hold with ${this.code}`;
  }
}

export class RelayFail extends Base {
  constructor(
    readonly client: ClientId,
    readonly code: (typeof RELAY_FAILURES)[number],
  ) {
    super();
  }
  act(_m: Model, r: Real) {
    const client = r.world.clients[this.client];
    // The service pushes a failure only to a relay that runs (protocol reference §4).
    if (client.fake.relayState !== 'RELAY_STATE_RUNNING') return;
    r.world.faults += 1;
    client.fake.relayFail(this.code);
  }
  toString() {
    return `${this.client}.fake.relayFail(${this.code})`;
  }
}

export class DropRelaySocket extends Base {
  constructor(
    readonly client: ClientId,
    readonly reconnect: boolean,
  ) {
    super();
  }
  act(_m: Model, r: Real) {
    const client = r.world.clients[this.client];
    if (client.fake.relayState !== 'RELAY_STATE_RUNNING') return;
    r.world.faults += 1;
    r.world.timersMayFire = true;
    client.fake.dropRelaySocket({ reconnect: this.reconnect });
  }
  toString() {
    return `${this.client}.fake.dropRelaySocket({ reconnect: ${this.reconnect} })`;
  }
}

export class Network extends Base {
  constructor(readonly online: boolean) {
    super();
  }
  act(m: Model, r: Real) {
    m.online = this.online;
    if (this.online) r.world.AgoraRTC.fake.network.restore();
    else {
      r.world.faults += 1;
      r.world.AgoraRTC.fake.network.drop();
    }
  }
  toString() {
    return this.online ? 'network.restore()' : 'network.drop()';
  }
}

// ---- time ---------------------------------------------------------------------------------------------------

/** Lets a few tasks go by without waiting for the relay to settle: the next change lands mid-flight. */
export class Tick extends Base {
  constructor(readonly tasks: number) {
    super();
  }
  async act() {
    for (let i = 0; i < this.tasks; i += 1) await macrotask();
  }
  toString() {
    return `tick(${this.tasks})`;
  }
}

export class Settle extends Base {
  async act(m: Model, r: Real) {
    await r.world.settle(m);
  }
  toString() {
    return 'settle';
  }
}

// ---- arbitraries --------------------------------------------------------------------------------------------

const clientArb = fc.constantFrom<ClientId>(...CLIENT_IDS);
export const destArb: fc.Arbitrary<DestSpec> = fc
  .record({
  name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES.slice(0, 5)) }, { weight: 1, arbitrary: fc.constantFrom(...NAMES) }),
  uid: fc.oneof({ weight: 3, arbitrary: fc.constant(UIDS[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...UIDS) }),
  token: fc.oneof({ weight: 3, arbitrary: fc.constant(TOKENS[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...TOKENS) }),
  disabled: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  // Printed short in counterexamples; not enumerable, so copies of the spec do not carry it.
  .map((dest) => Object.defineProperty(dest, fc.toStringMethod, { value: () => describeDest(dest) }));
const index = fc.nat(20);

/** The commands both targets understand, weighted toward what pages do most. */
export function commonCommands(): fc.Arbitrary<Command>[] {
  // fc.commands picks among its arbitraries evenly: an arbitrary listed `weight` times is picked that much more.
  const weighted = (weight: number, arbitrary: fc.Arbitrary<Command>) => Array.from({ length: weight }, () => arbitrary);
  return [
    weighted(4, fc.tuple(index, destArb).map(([i, dest]) => new AddDest(i, dest))),
    weighted(2, index.map((i) => new RemoveDest(i))),
    weighted(1, fc.tuple(index, index).map(([from, to]) => new MoveDest(from, to))),
    weighted(3, fc.tuple(index, fc.constantFrom<DestField>('name', 'uid', 'token', 'disabled'), fc.nat(30)).map(([i, f, c]) => new EditDest(i, f, c))),
    // Source edits mostly to valid values (choice 0 and 1 of each table are valid), so relays run more often.
    weighted(1, fc.tuple(fc.constantFrom<'name' | 'uid' | 'token'>('name', 'uid', 'token'), fc.oneof(fc.constantFrom(0, 1, 0, 1, 2), fc.nat(30))).map(([f, c]) => new EditSource(f, c))),
    weighted(1, fc.constantFrom(true, false, false).map((disabled) => new SetDisabled(disabled))),
    weighted(1, fc.constantFrom<ClientId | null>('A', 'A', 'A', 'B', null).map((client) => new SetClient(client))),
    weighted(2, fc.constant(new Start())),
    weighted(1, fc.constant(new Stop())),
    weighted(2, fc.tuple(clientArb, fc.constantFrom<ClientOperation>('join', 'join', 'publish', 'publish', 'leave', 'unpublish')).map(([c, op]) => new ClientOp(c, op))),
    weighted(2, fc.tuple(clientArb, fc.constantFrom(...RELAY_METHODS), fc.constantFrom(...ERROR_CODES)).map(([c, method, code]) => new FailNext(c, method, code))),
    weighted(1, fc.tuple(clientArb, fc.constantFrom(...RELAY_METHODS), fc.constantFrom(0, 1, 4, 10)).map(([c, method, ms]) => new Delay(c, method, ms))),
    weighted(1, fc.tuple(clientArb, fc.constantFrom(...RELAY_METHODS)).map(([c, method]) => new Hold(c, method))),
    weighted(1, fc.option(fc.constantFrom(...ERROR_CODES), { freq: 2 }).map((code) => new Release(code))),
    weighted(1, fc.tuple(clientArb, fc.constantFrom(...RELAY_FAILURES)).map(([c, code]) => new RelayFail(c, code))),
    weighted(1, fc.tuple(clientArb, fc.boolean()).map(([c, reconnect]) => new DropRelaySocket(c, reconnect))),
    weighted(1, fc.boolean().map((online) => new Network(online))),
    weighted(3, fc.integer({ min: 1, max: 4 }).map((tasks) => new Tick(tasks))),
    weighted(2, fc.constant(new Settle())),
  ].flat();
}

// ---- the end ------------------------------------------------------------------------------------------------

/** session.dispose(): from now on no SDK call but the one stop it causes. */
export class Dispose extends Base {
  override check(m: Readonly<Model>) {
    return !m.disposed;
  }
  act(m: Model, r: Real) {
    setAttached(m, () => (m.disposed = true));
    r.world.end();
    void r.world.target.teardown();
  }
  toString() {
    return 'session.dispose()';
  }
}

// ---- the host element ---------------------------------------------------------------------------------------

function elementsTarget(r: Real): ElementsTarget {
  return r.world.target as ElementsTarget;
}

/** host.remove(): rule 5, the relay stops and no SDK call follows but that stop. */
export class RemoveHost extends Base {
  override check(m: Readonly<Model>) {
    return m.connected;
  }
  act(m: Model, r: Real) {
    setAttached(m, () => (m.connected = false));
    r.world.end();
    elementsTarget(r).removeHost();
  }
  toString() {
    return 'host.remove()';
  }
}

/** The removed host is added to the document again. */
export class AddHost extends Base {
  override check(m: Readonly<Model>) {
    return !m.connected;
  }
  act(m: Model, r: Real) {
    setAttached(m, () => (m.connected = true));
    r.world.resume();
    elementsTarget(r).addHost(m);
  }
  toString() {
    return 'add the host again';
  }
}

/** A move within the document (out and in within one task): not a removal. */
export class MoveHost extends Base {
  override check(m: Readonly<Model>) {
    return m.connected;
  }
  act(m: Model, r: Real) {
    m.movedAway = !m.movedAway;
    elementsTarget(r).moveHost(m);
  }
  toString() {
    return 'move the host';
  }
}
