// The model: what the page asked for, as plain data, and what the relay should then be. Written apart from
// src/core (validation.ts, relay-plan.ts): each value the commands use comes from a table that says whether the SDK's
// rules and api.md "Validation" accept it, so the oracle is the table, not a second copy of the code under test.

export type ClientId = 'A' | 'B';
export const CLIENT_IDS: readonly ClientId[] = ['A', 'B'];

export interface Choice<T> {
  value: T;
  valid: boolean;
}
export type NameChoice = Choice<string>;
export interface UidChoice extends Choice<string | number | undefined> {
  /** The uid the SDK must receive when valid. */
  num: number;
}
export type TokenChoice = Choice<string | undefined>;

/** Every token carries this marker, so a token in an event detail, a message or an attribute is easy to see. */
export const TOKEN_MARKER = 'SECRET';

/** The source channel, and the one channel every client of the model joins. */
export const SOURCE_NAME = 'stage-a';

export const NAMES: readonly NameChoice[] = [
  { value: 'stage-b', valid: true },
  { value: 'stage-c', valid: true },
  { value: 'stage-d', valid: true },
  { value: 'stage-e', valid: true },
  { value: 'stage-f', valid: true },
  { value: 'with space!', valid: true },
  { value: SOURCE_NAME, valid: true }, // valid, but the source's own channel
  { value: 'bad*name', valid: false },
  { value: '', valid: false },
  { value: 'ステージ', valid: false },
  { value: 'x'.repeat(65), valid: false },
];

/**
 * `valid` is the SDK's rules for a channel name. With a client that has joined, the source must also be its channel
 * (SOURCE_MISMATCH otherwise), and none given means that channel (api.md "Validation"): see sourceVerdict.
 */
export const SOURCE_NAMES: readonly NameChoice[] = [
  { value: SOURCE_NAME, valid: true },
  { value: '', valid: false }, // none given: the client's channel once it has joined
  { value: 'stage-b', valid: true }, // valid, but not the clients' channel
  { value: 'bad*name', valid: false },
];

export const UIDS: readonly UidChoice[] = [
  { value: undefined, valid: true, num: 0 },
  { value: 0, valid: true, num: 0 },
  { value: 42, valid: true, num: 42 },
  { value: '42', valid: true, num: 42 },
  { value: '007', valid: true, num: 7 },
  { value: '4294967295', valid: true, num: 4294967295 },
  { value: 4294967295, valid: true, num: 4294967295 },
  { value: '1.5', valid: false, num: 0 },
  { value: '-1', valid: false, num: 0 },
  { value: '12abc', valid: false, num: 0 },
  { value: '', valid: false, num: 0 },
  { value: ' 42', valid: false, num: 0 },
  { value: '4294967296', valid: false, num: 0 },
  { value: 1.5, valid: false, num: 0 },
  { value: -1, valid: false, num: 0 },
  { value: 4294967296, valid: false, num: 0 },
];

export const TOKENS: readonly TokenChoice[] = [
  { value: undefined, valid: true },
  { value: '', valid: true }, // no token
  { value: `tok-${TOKEN_MARKER}-1`, valid: true },
  { value: `tok-${TOKEN_MARKER}-2`, valid: true },
  { value: `tok-${TOKEN_MARKER}-é`, valid: true }, // Latin-1 passes the SDK's "ASCII" check
  { value: `tok-${TOKEN_MARKER}-✓`, valid: false },
  { value: `tok-${TOKEN_MARKER}-`.padEnd(2048, 'x'), valid: false },
];

export type ProviderKind = 'none' | 'good' | 'failing';
/** The failing provider refuses this destination channel (and nothing else). */
export const PROVIDER_REFUSES = 'stage-c';

/** The deterministic token the test provider hands out. */
export const providerToken = (purpose: string, channelName: string, uid: number) =>
  `prov-${TOKEN_MARKER}-${purpose}-${channelName}-${uid}`;

export interface DestModel {
  id: number;
  name: NameChoice;
  uid: UidChoice;
  token: TokenChoice;
  disabled: boolean;
}

export interface ClientModel {
  joined: boolean;
  published: boolean;
}

export interface Model {
  dests: DestModel[];
  nextId: number;
  source: { name: NameChoice; uid: UidChoice; token: TokenChoice };
  disabled: boolean;
  /** The client the page gave (`session.client` / `host.client`). */
  client: ClientId | null;
  /** Elements: the host is in the document. The session: always true. */
  connected: boolean;
  /** The session was disposed (session only; final). */
  disposed: boolean;
  clients: Record<ClientId, ClientModel>;
  /** start() was called since the last stop(), client change or leave (api.md Methods). */
  startRequested: boolean;
  /** stop() holds the relay stopped until start(). */
  held: boolean;
  online: boolean;
  provider: ProviderKind;
  /** Elements: the host is a child of the second container (moves alternate). */
  movedAway: boolean;
}

export function initialModel(dests: Omit<DestModel, 'id'>[], provider: ProviderKind = 'none'): Model {
  return {
    dests: dests.map((dest, id) => ({ ...dest, id })),
    nextId: dests.length,
    source: { name: SOURCE_NAMES[0]!, uid: UIDS[0]!, token: TOKENS[0]! },
    disabled: false,
    client: 'A',
    connected: true,
    disposed: false,
    clients: { A: { joined: true, published: true }, B: { joined: false, published: false } },
    startRequested: false,
    held: false,
    online: true,
    provider,
    movedAway: false,
  };
}

/** The client the session is attached to right now. */
export function attachedClient(m: Model): ClientId | null {
  return m.disposed || !m.connected ? null : m.client;
}

/** Any change of the attached client clears start() (the session's rule for a new client). */
export function setAttached(m: Model, change: () => void): void {
  const before = attachedClient(m);
  change();
  if (attachedClient(m) !== before) m.startRequested = false;
}

/** The client's connection went DISCONNECTED (left, or a join gave up): a start() request no longer holds. */
export function disconnected(m: Model, id: ClientId): void {
  if (attachedClient(m) === id) m.startRequested = false;
}

export interface Info {
  channelName: string;
  uid: number;
  token?: string;
}

export type Verdict =
  | { kind: 'disabled' }
  | { kind: 'rejected'; code: string }
  | { kind: 'accepted'; info: Info; tokenRefused: boolean };

function expectedToken(
  m: Model,
  given: string | undefined,
  purpose: string,
  channelName: string,
  uid: number,
): { token?: string; refused: boolean } {
  if (given) return { token: given, refused: false };
  if (m.provider === 'none') return { refused: false };
  if (m.provider === 'failing' && purpose === 'relay-destination' && channelName === PROVIDER_REFUSES) {
    return { refused: true };
  }
  return { token: providerToken(purpose, channelName, uid), refused: false };
}

function info(channelName: string, uid: number, token: string | undefined): Info {
  return token ? { channelName, uid, token } : { channelName, uid };
}

/**
 * The channel of the client the page gave, if it is in one: every join of the model is to SOURCE_NAME. A disposed
 * session still has its client (`session.client`), so its destinations are still judged against that channel; a
 * removed host has none.
 */
export function joinedChannel(m: Model): string | undefined {
  const client = m.connected ? m.client : null;
  return client && m.clients[client].joined ? SOURCE_NAME : undefined;
}

/**
 * The relay's source channel: the name given if the SDK's rules allow it and it is the client's channel (when the
 * client is in one), else the client's channel when none is given. `quiet`: nothing to say yet (no name, and a client
 * not in a channel). `code`: what is reported.
 */
export type SourceVerdict = { ok: true; name: string } | { ok: false; quiet: boolean; code?: string };

export function sourceVerdict(m: Model): SourceVerdict {
  const given = m.source.name.value;
  const channel = joinedChannel(m);
  if (given === '') {
    if (channel) return { ok: true, name: channel };
    const client = m.connected ? m.client : null;
    return client ? { ok: false, quiet: true } : { ok: false, quiet: false, code: 'INVALID_CHANNEL_NAME' };
  }
  if (!m.source.name.valid) return { ok: false, quiet: false, code: 'INVALID_CHANNEL_NAME' };
  if (channel && given !== channel) return { ok: false, quiet: false, code: 'SOURCE_MISMATCH' };
  return { ok: true, name: given };
}

/** The source channel's name that destinations are judged against. */
function sourceNameForDestinations(m: Model): string {
  return m.source.name.value || (joinedChannel(m) ?? '');
}

/** Each destination in order: disabled, rejected (and why) or accepted (and what the SDK must get). */
export function verdicts(m: Model): Verdict[] {
  const sourceName = sourceNameForDestinations(m);
  const taken: string[] = [];
  return m.dests.map((dest): Verdict => {
    if (dest.disabled) return { kind: 'disabled' };
    if (!dest.name.valid) return { kind: 'rejected', code: 'INVALID_CHANNEL_NAME' };
    if (!dest.uid.valid) return { kind: 'rejected', code: 'INVALID_UID' };
    if (!dest.token.valid) return { kind: 'rejected', code: 'INVALID_TOKEN' };
    if (dest.name.value === sourceName) return { kind: 'rejected', code: 'DESTINATION_IS_SOURCE' };
    if (taken.includes(dest.name.value)) return { kind: 'rejected', code: 'DUPLICATE_DESTINATION' };
    if (taken.length === 4) return { kind: 'rejected', code: 'TOO_MANY_DESTINATIONS' };
    taken.push(dest.name.value);
    const token = expectedToken(m, dest.token.value, 'relay-destination', dest.name.value, dest.uid.num);
    return { kind: 'accepted', info: info(dest.name.value, dest.uid.num, token.token), tokenRefused: token.refused };
  });
}

export function sourceValid(m: Model): boolean {
  return sourceVerdict(m).ok && m.source.uid.valid && m.source.token.valid;
}

export interface Plan {
  source: Info;
  destinations: Info[];
}

/**
 * The relay the inputs call for now (api.md Session rules 1 and 3), or undefined when none should run. The source
 * token is asked for uid 0 (reference §5). A destination whose token is refused is left out. Joined-and-published
 * (or start()) is what a relay needs to start; one that `runs` keeps running through an unpublish.
 */
export function wantedPlan(m: Model, runs = false): Plan | undefined {
  const client = attachedClient(m);
  if (!client || m.disabled || m.held) return undefined;
  const ready = runs || m.startRequested || (m.clients[client].joined && m.clients[client].published);
  const source = sourceVerdict(m);
  if (!ready || !source.ok || !sourceValid(m)) return undefined;
  const accepted = verdicts(m).flatMap((verdict) => (verdict.kind === 'accepted' ? [verdict] : []));
  if (accepted.length === 0) return undefined;
  const sourceToken = expectedToken(m, m.source.token.value, 'relay-source', source.name, 0);
  return {
    source: info(source.name, m.source.uid.num, sourceToken.token),
    destinations: accepted.filter((verdict) => !verdict.tokenRefused).map((verdict) => verdict.info),
  };
}

export const infoKey = (i: { channelName: string; uid: number; token?: string }) =>
  JSON.stringify([i.channelName, i.uid, i.token ?? '']);

export function describeDest(dest: Omit<DestModel, 'id'>): string {
  const parts = [JSON.stringify(dest.name.value.length > 20 ? `${dest.name.value.slice(0, 12)}…(${dest.name.value.length})` : dest.name.value)];
  if (dest.uid.value !== undefined) parts.push(`uid=${JSON.stringify(dest.uid.value)}`);
  if (dest.token.value !== undefined) parts.push(`token=${describeToken(dest.token.value)}`);
  if (dest.disabled) parts.push('disabled');
  return `{${parts.join(' ')}}`;
}

export function describeToken(token: string | undefined): string {
  if (token === undefined) return 'undefined';
  return JSON.stringify(token.length > 20 ? `${token.slice(0, 14)}…(${token.length})` : token);
}
