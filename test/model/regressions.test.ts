// Every counterexample fast-check found in the model tests, shrunk, as a named test: the exact sequence replayed
// through the model's checks (test/model/support), and for each bug in src a direct check of its symptom. The seed
// and path of the run that found it are in the comment above each; the fix is named in the test.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayDestination, AgoraRelayHost } from '../../src/index.js';
import { destinations, makeSession, nextTask, ofType, until } from '../core/session-fixture.js';
import { makeHost } from '../core/session-fixture.js';
import {
  AddDest,
  AddHost,
  ClientOp,
  Dispose,
  DropRelaySocket,
  EditDest,
  EditSource,
  FailNext,
  Hold,
  MoveHost,
  MoveDest,
  RelayFail,
  Release,
  RemoveDest,
  RemoveHost,
  SetClient,
  Settle,
  Start,
  Stop,
  Tick,
} from './support/commands.js';
import { ElementsTarget } from './support/elements-target.js';
import { type DestModel, NAMES, type ProviderKind, TOKENS, UIDS } from './support/model.js';
import { MODEL_TIMERS, runSequence, useModelWorld } from './support/run.js';
import { SessionTarget } from './support/session-target.js';

type Spec = Omit<DestModel, 'id'>;
/** A destination by its table values: `d('stage-b', { uid: '1.5' })`. */
function d(name: string, more: { uid?: string | number; token?: string; disabled?: boolean } = {}): Spec {
  const find = <T extends { value: unknown }>(table: readonly T[], value: unknown) => {
    const found = table.find((choice) => choice.value === value);
    if (!found) throw new Error(`no table value ${String(value)}`);
    return found;
  };
  return {
    name: find(NAMES, name),
    uid: find(UIDS, more.uid),
    token: find(TOKENS, more.token),
    disabled: more.disabled ?? false,
  };
}
const LONG_TOKEN = TOKENS.find((choice) => (choice.value?.length ?? 0) > 2047)!.value!;
const nameChoice = (name: string) => NAMES.findIndex((choice) => choice.value === name);

describe('model regressions: the counterexamples fast-check found', () => {
  const { track } = useModelWorld();
  const session = (initial: Spec[], provider: ProviderKind, commands: Parameters<typeof runSequence>[3]) =>
    runSequence({ track: track(), makeTarget: (world, m) => new SessionTarget(world, m) }, initial, provider, commands);
  const elements = (initial: Spec[], provider: ProviderKind, commands: Parameters<typeof runSequence>[3]) =>
    runSequence({ track: track(), makeTarget: (world, m) => new ElementsTarget(world, m) }, initial, provider, commands);

  // seed 1489586643, path "36:1:1:1:1:7:6:4" (first seen as seed -1622799020, path "14:1:1:1:5"). Bug: the session
  // stopped listening to a detached client before stopping its relay, so the IDLE never reached it: the state said
  // RUNNING forever. Fix (relay-session.ts, #stop; the same line was also written by the stand-in work): a stop on a
  // detached client sets IDLE.
  it('detaching the client after the relay ran leaves the state IDLE', async () => {
    await session([d('stage-b')], 'none', [new Settle(), new SetClient(null), new Settle()]);
    const { session: s, calls } = await makeSession();
    await s.settled();
    s.client = null;
    await s.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(s.state).to.equal('RELAY_STATE_IDLE');
  });

  // seed -109445166, path "72:1:1:3:3": [stage-b], tick(1), tokenProvider = failing. Not a bug: a relay that runs
  // without tokens keeps running when a provider appears; the provider's tokens go in with the next call. The model
  // had assumed every relay carries the provider's tokens; the provider is now chosen once per sequence.
  it('a token provider set on a running relay makes no call; the next change carries its tokens', async () => {
    const { session: s, client, calls } = await makeSession();
    await s.settled();
    s.tokenProvider = ({ channelName, purpose }) => `tok-${purpose}-${channelName}`;
    await s.settled();
    expect(calls()).to.deep.equal(['start']);
    s.destinations = destinations('stage-b', 'stage-c');
    await s.settled();
    expect(calls()).to.deep.equal(['start', 'update']);
    expect(client.fake.calls[1]?.config?.dests.map((dest) => dest.token)).to.deep.equal([
      'tok-relay-destination-stage-b',
      'tok-relay-destination-stage-c',
    ]);
  });

  // seed -980275997, path "26:0:3:5:5:5:5:6:6:2": [], add(0, {"stage-b"}), A.fake.failNext(start, INVALID_PARAMS).
  // Not a bug: the model counts any INVALID_PARAMS as our validation letting something through, and the command had
  // injected one. The commands no longer inject INVALID_PARAMS (the SDK answers it only to bad parameters).
  it('an INVALID_PARAMS start is reported as the start failure and not retried', async () => {
    const { session: s, client, calls, seen } = await makeSession({ destinations: [] });
    client.fake.failNext('start', 'INVALID_PARAMS');
    s.destinations = destinations('stage-b');
    await s.settled();
    await nextTask();
    await s.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([['INVALID_PARAMS', 'start']]);
    expect(s.statuses.map((status) => status.status)).to.deep.equal(['failed']);
  });

  // seed -1187214482, path "59" (not shrunk). Not a bug: the update reached the SDK after the page's leave() but
  // before the SDK said DISCONNECTED; the session cannot know sooner. The model's "update only after a start"
  // rule now ends a start's validity at DISCONNECTED, as the session sees it.
  it('an update sent between leave() and DISCONNECTED is refused and the session recovers', async () => {
    await session([d('stage-c')], 'none', [
      new EditDest(15, 'name', nameChoice('stage-b')),
      new EditSource('token', 0),
      new Tick(1),
      new FailNext('A', 'stop', 'CROSS_CHANNEL_FAILED_JOIN_SRC'),
      new AddDest(4, d('stage-f')),
      new Start(),
      new DropRelaySocket('A', true),
      new Start(),
      new ClientOp('A', 'leave'),
    ]);
  });

  // seed 1113894461, path "10:1:0:0:1:1:6:7": [stage-b], settle, A.fake.failNext(stop, INVALID_OPERATION),
  // session.dispose(), settle. Not a bug: the refused stop leaves the SDK relaying and says so; the model now allows
  // a RUNNING state with no client when a refused stop was reported.
  it('dispose() with a refused stop reports it', async () => {
    await session([d('stage-b')], 'none', [new Settle(), new FailNext('A', 'stop', 'INVALID_OPERATION'), new Dispose(), new Settle()]);
  });

  // seed -2140023036, path "540:1:1:9:10:11:10:10": [stage-b], A.fake.hold(stop), tick(1), reject the oldest hold with
  // INVALID_OPERATION, remove(0), tick(1). Not a bug: the stop for the last destination was refused, so the SDK
  // still relays it, reported as a stop error; the model now accepts an unwanted relay once a stop failure said so.
  it('a refused stop after the last destination went is reported, not hidden', async () => {
    await session([d('stage-b')], 'none', [new Hold('A', 'stop'), new Tick(1), new Release('INVALID_OPERATION'), new RemoveDest(0), new Tick(1)]);
  });

  // seed 1161699455, path "191": [{"stage-c" token=long}, {"stage-e"}, {"stage-b"}, {"stage-c"},
  // {"stage-f" uid="4294967296" disabled}], A.unpublish(), settle. Bug: the session's plan required "published" also
  // for a relay already running, but nothing tells it of an unpublish, so the relay ran on until some unrelated
  // change stopped it instead of updating it. Fix (relay-session.ts, #want): readiness gates the start only.
  it('an unpublish does not stop a running relay, now or at the next change', async () => {
    await session(
      [d('stage-c', { token: LONG_TOKEN }), d('stage-e'), d('stage-b'), d('stage-c'), d('stage-f', { uid: '4294967296', disabled: true })],
      'none',
      [new ClientOp('A', 'unpublish'), new Settle()],
    );
    const { session: s, client, calls } = await makeSession();
    await s.settled();
    await client.unpublish();
    await new Promise((resolve) => setTimeout(resolve, MODEL_TIMERS.publishCheckMs * 5));
    s.destinations = destinations('stage-b', 'stage-c');
    await s.settled();
    expect(calls()).to.deep.equal(['start', 'update']);
    expect(s.state).to.equal('RELAY_STATE_RUNNING');
  });

  // seed 462722658, path "458:1:0:0:1:9:8:11:15:14:16:15:13": [stage-b], A.fake.failNext(stop, INVALID_OPERATION),
  // settle, session.dispose(), settle, A.fake.dropRelaySocket({ reconnect: false }), settle. Bug: a disposed session
  // kept saying RUNNING about a relay it no longer listened to. Fix (relay-session.ts, dispose): IDLE once detached.
  it('a disposed session no longer claims a running relay', async () => {
    await session([d('stage-b')], 'none', [
      new FailNext('A', 'stop', 'INVALID_OPERATION'),
      new Settle(),
      new Dispose(),
      new Settle(),
      new DropRelaySocket('A', false),
      new Settle(),
    ]);
    const { session: s } = await makeSession();
    await s.settled();
    await s.dispose();
    expect(s.state).to.equal('RELAY_STATE_IDLE');
  });

  // seed -677300207, path "79:1:1:1:6:9:12:12:16:19:19:13:13" (Firefox): [stage-b], settle, A.fake.failNext(stop,
  // INVALID_OPERATION), remove(0), settle, client = B, stop(). Bug: with no relay of ours left to stop, attaching
  // another client kept the old client's RUNNING. Fix (relay-session.ts, set client): the state is reset to IDLE.
  it('attaching another client after a refused stop shows that client’s state, not the old one', async () => {
    await session([d('stage-b')], 'none', [
      new Settle(),
      new FailNext('A', 'stop', 'INVALID_OPERATION'),
      new RemoveDest(0),
      new Settle(),
      new SetClient('B'),
      new Stop(),
    ]);
    const { session: s, client } = await makeSession();
    await s.settled();
    client.fake.failNext('stop', 'INVALID_OPERATION');
    s.destinations = [];
    await s.settled();
    const other = await makeHost({ join: false });
    s.client = other.client;
    await s.settled();
    expect(s.state).to.equal('RELAY_STATE_IDLE');
  });

  // seed -119850924, path "1132:1:1:14:16:18:0:17:7:8:9": [stage-b], settle, A.fake.relayFail(RELAY_OK), client = B,
  // client = A, tick(1). Bug: attaching a client forgot that its relay was stuck, so the session started on a relay
  // in FAILURE (INVALID_OPERATION). Fix (relay-session.ts): stuck clients are remembered (a WeakMap) until they leave.
  it('a client whose relay is stuck is still stuck when attached again', async () => {
    await session([d('stage-b')], 'none', [new Settle(), new RelayFail('A', 'RELAY_OK'), new SetClient('B'), new SetClient('A'), new Tick(1)]);
    const { session: s, client, calls } = await makeSession();
    await s.settled();
    client.fake.relayFail('DEST_TOKEN_EXPIRED');
    await s.settled();
    const other = await makeHost({ join: false });
    s.client = other.client;
    s.client = client;
    await s.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(s.statuses.map((status) => status.status)).to.deep.equal(['failed']);
    await client.leave();
    await client.join('app-id', 'stage-a', null, 1001);
    await s.start();
    expect(calls()).to.deep.equal(['start', 'start']);
  });

  // seed -927350519, path "7:3:2:5:6:6:6:6:7:11:14:18:22:23": [stage-b ×4], edit(0, disabled), add(15, {"stage-c"
  // disabled}), tick(4), remove(7), stop(). Bug: a destination element taken out of the host kept status
  // "relaying". Fix (agora-relay-host.ts, #syncDestinations): it becomes idle, with its status event.
  it('a destination taken out of the host goes idle', async () => {
    await elements([d('stage-b'), d('stage-b'), d('stage-b'), d('stage-b')], 'none', [
      new EditDest(0, 'disabled', 0),
      new AddDest(15, d('stage-c', { disabled: true })),
      new Tick(4),
      new RemoveDest(7),
      new Stop(),
    ]);
    const { AgoraRTC, client } = await makeHost();
    const host = await fixture<AgoraRelayHost>(html`
      <agora-relay-host channel-name="stage-a"><agora-relay-destination channel-name="stage-b"></agora-relay-destination></agora-relay-host>
    `);
    host.sdk = AgoraRTC;
    host.client = client;
    await until(() => host.state === 'RELAY_STATE_RUNNING', 'the relay to run');
    const destination = host.querySelector('agora-relay-destination') as AgoraRelayDestination;
    const events: string[] = [];
    destination.addEventListener('agora-relay-destination-status', (event) => events.push(event.detail.status));
    destination.remove();
    await nextTask();
    await host.settled();
    expect(destination.status).to.equal('idle');
    expect(destination.getAttribute('status')).to.equal('idle');
    expect(events).to.deep.equal(['idle']);
  });

  // Found while writing the elements target (a run that never finished; not shrunk, no seed kept): the harness waited
  // for updateComplete of destination elements added to a removed host, which Lit gives only once connected. Not a
  // bug in src; the target now waits only for connected elements, and a sequence that hangs fails after 8 s.
  it('destinations added to and moved in a removed host relay once it is back', async () => {
    await elements([d('stage-b')], 'none', [
      new RemoveHost(),
      new AddDest(0, d('stage-d')),
      new MoveDest(0, 1),
      new Settle(),
      new AddHost(),
      new Settle(),
    ]);
  });

  // seed -41016544, path "11:0:6:6:3": [], provider good, host.remove(), add(0, {"stage-b"}), settle. Not a bug: a host
  // out of the document follows no child, so a destination added meanwhile has no status until it is back; the
  // model no longer reads statuses of a removed host.
  it('a destination added to a removed host gets its status once the host is back', async () => {
    await elements([], 'good', [new RemoveHost(), new AddDest(0, d('stage-b')), new Settle(), new AddHost(), new Settle()]);
  });

  // seed -736677523, path "183:0:0:12:2:3:7:12:5:10:9:8:8": [stage-b], provider good, settle, host.remove(),
  // A.fake.relayFail(RELAY_OK), add the host again, A.join(). Bug: the host was removed and added back before the
  // session's runner ran, so it kept trusting a relay that failed while nobody listened (state RUNNING, SDK
  // FAILURE). Fix (relay-session.ts): a relay whose client was detached, even for a moment, is stopped, not trusted.
  it('a relay that failed while the host was out of the document is not trusted when it is back', async () => {
    await elements([d('stage-b')], 'good', [new Settle(), new RemoveHost(), new RelayFail('A', 'RELAY_OK'), new AddHost(), new ClientOp('A', 'join')]);
  });

  // seed -1769065004, path "347:1:8:19:18:17:16:20:20:20:20:20": [stage-e], A.fake.failNext(start, OPERATION_ABORTED),
  // A.publish(), host.remove(), add(0, {"stage-b"}), remove(0), tick(1), add the host again, start(). Bug: the start
  // was refused (leaving the SDK's relay stuck in CONNECTING) while the host was out of the document; its cleanup stop
  // failed on a client no longer attached and was forgotten, so the host started again on a stuck relay once back.
  // Fix (relay-session.ts, #start): such a client is remembered as stuck.
  it('a start refused while the host was out of the document is not retried on the stuck relay', async () => {
    await elements([d('stage-e')], 'none', [
      new FailNext('A', 'start', 'OPERATION_ABORTED'),
      new ClientOp('A', 'publish'),
      new RemoveHost(),
      new AddDest(0, d('stage-b')),
      new RemoveDest(0),
      new Tick(1),
      new AddHost(),
      new Start(),
    ]);
  });

  // seed -954457863, path "574:0:21:17:16:16:12:12:13:12" (Firefox): [stage-b], A.fake.failNext(stop,
  // INVALID_OPERATION), tick(1), host.remove(), remove(0), tick(2), add the host again. Not a bug: the stop the
  // removal caused was refused, so the SDK still relays, and the host said so; back in the document its state starts
  // at IDLE. The model accepts any state for a relay whose refused stop was reported.
  it('a host added back after its stop was refused stays quiet about the relay it could not stop', async () => {
    await elements([d('stage-b')], 'none', [
      new FailNext('A', 'stop', 'INVALID_OPERATION'),
      new Tick(1),
      new RemoveHost(),
      new RemoveDest(0),
      new Tick(2),
      new AddHost(),
    ]);
  });

  // seed 2085261139, path "78:0:0:0:3:5:7:6" (Firefox): [stage-b], settle, B.join(), client = B, B.publish(). Bug: the
  // publish check was armed only when an input changed, and then the relay on A was still ours; the stop that
  // followed left nothing watching for B's publish, so the relay never started on B. Fix (relay-session.ts, #run):
  // the runner looks again once it is done.
  it('a client attached before it publishes gets the relay once it does, after the old relay stopped', async () => {
    await session([d('stage-b')], 'none', [new Settle(), new ClientOp('B', 'join'), new SetClient('B'), new ClientOp('B', 'publish')]);
    const { session: s, calls } = await makeSession();
    await s.settled();
    const other = await makeHost({ publish: false });
    s.sdk = other.AgoraRTC;
    s.client = other.client;
    await s.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    await other.publish();
    await until(() => other.client.fake.calls.length === 1, 'the start on the new client', 1000);
    await s.settled();
    expect(s.state).to.equal('RELAY_STATE_RUNNING');
  });

  // seed -686388374, path "519:0:0:0:10:12:13:14:13:11:11:10:9:9:11:9:11" (a CI run): [stage-b disabled], provider
  // none, host.remove(), add(9, {stage-b disabled}), edit(13, disabled, toggled), add the host again, move the host.
  // Not a bug in src: the harness made the element with the `disabled` property and toggled the attribute. Out of the
  // document Lit reflects the property only at the first update, so removing the (absent) attribute changed nothing
  // and the destination stayed disabled. The harness now sets `disabled` as an attribute in both places.
  it('a destination added and enabled while the host was out relays once the host is back and moved', async () => {
    await elements([d('stage-b', { disabled: true })], 'none', [
      new RemoveHost(),
      new AddDest(9, d('stage-b', { disabled: true })),
      new EditDest(13, 'disabled', 0),
      new AddHost(),
      new MoveHost(),
      new Settle(),
    ]);
  });
});
