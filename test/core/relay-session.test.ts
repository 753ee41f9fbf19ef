import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { PUBLISH_CHECK_MS } from '../../src/core/relay-session.js';
import type { SessionDestination } from '../../src/core/index.js';
import { destinations, makeSession, nextTask, ofType, until } from './session-fixture.js';

describe('RelaySession rule 1: starts only when joined as a host, published, with a valid destination', () => {
  it('starts on its own once all three hold, with the exact configuration', async () => {
    const { session, client, calls } = await makeSession();
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 0 },
      dests: [{ channelName: 'stage-b', uid: 0 }],
    });
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('passes uids and tokens through, uid strings parsed', async () => {
    const { session, client } = await makeSession({
      destinations: [{ channelName: 'stage-b', uid: '42', token: 'dest-token' }],
      session: { source: { channelName: 'stage-a', uid: 7, token: 'src-token' } },
    });
    await session.settled();
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 7, token: 'src-token' },
      dests: [{ channelName: 'stage-b', uid: 42, token: 'dest-token' }],
    });
  });

  it('waits while the client has not published, and starts by itself soon after it does', async () => {
    const { session, calls, publish } = await makeSession({ publish: false });
    await session.settled();
    await new Promise((resolve) => setTimeout(resolve, PUBLISH_CHECK_MS + 50));
    expect(calls()).to.deep.equal([]);
    await publish();
    await until(() => calls().length === 1, 'the start after publishing', PUBLISH_CHECK_MS * 4);
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('does not start for an audience client or a client that has not joined', async () => {
    const audience = await makeSession({ role: 'audience' });
    const notJoined = await makeSession({ join: false });
    await audience.session.settled();
    await notJoined.session.settled();
    expect(audience.calls()).to.deep.equal([]);
    expect(notJoined.calls()).to.deep.equal([]);
  });

  it('does not start without a valid destination, and reports each invalid one', async () => {
    const { session, calls, seen } = await makeSession({
      destinations: [{ channelName: 'b*' }, { channelName: 'stage-c', uid: '1.5' }],
    });
    await session.settled();
    expect(calls()).to.deep.equal([]);
    expect(ofType(seen, 'agora-relay-error').map((error) => [error.code, error.operation, error.channelName])).to.deep.equal([
      ['INVALID_CHANNEL_NAME', 'validate', 'b*'],
      ['INVALID_UID', 'validate', 'stage-c'],
    ]);
  });

  it('start() starts at once whatever it can see of the client, and resolves when running', async () => {
    const { session, calls } = await makeSession({ publish: false });
    await session.start();
    expect(calls()).to.deep.equal(['start']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
    await session.start();
    expect(calls(), 'start() is idempotent').to.deep.equal(['start']);
  });

  it('start() rejects with the SDK’s refusal, which is an agora-relay-error event too', async () => {
    const { session, seen } = await makeSession({ join: false });
    let rejection: { code?: string; operation?: string } | undefined;
    await session.start().catch((error: { code?: string; operation?: string }) => (rejection = error));
    expect(rejection?.code).to.equal('INVALID_OPERATION');
    expect(rejection?.operation).to.equal('start');
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((error) => [error.code, error.operation])).to.deep.equal([['INVALID_OPERATION', 'start']]);
    expect(errors[0]?.message).to.contain('please join channel first');
  });

  it('start() ignored by its caller never becomes an unhandled rejection', async () => {
    const { session } = await makeSession({ join: false });
    void session.start();
    await session.settled();
    // The guard in test/support fails this test if the rejection went unhandled.
  });

  it('start() with no valid destination resolves without an SDK call', async () => {
    const { session, calls } = await makeSession({ destinations: [] });
    await session.start();
    expect(calls()).to.deep.equal([]);
  });
});

describe('RelaySession rule 2: changes made in one task become one SDK call', () => {
  it('50 changes in one task while running give exactly one update, with the final list', async () => {
    const { session, client, calls } = await makeSession();
    await session.settled();
    for (let i = 0; i < 50; i += 1) {
      session.destinations = destinations('stage-b', `extra-${i % 7}`, i % 2 ? 'stage-c' : 'stage-d');
    }
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'update']);
    // The last of the 50 lists: i = 49.
    expect(client.fake.calls[1]?.config?.dests.map((d) => d.channelName)).to.deep.equal([
      'stage-b',
      'extra-0',
      'stage-c',
    ]);
  });

  it('a burst before the start gives one start with everything in it', async () => {
    const { session, client, calls } = await makeSession({ destinations: [] });
    session.destinations = destinations('stage-b');
    session.destinations = destinations('stage-b', 'stage-c');
    session.source = { channelName: 'stage-a', uid: 5 };
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 5 },
      dests: [
        { channelName: 'stage-b', uid: 0 },
        { channelName: 'stage-c', uid: 0 },
      ],
    });
  });

  it('changes during an in-flight start wait for it, then become one update', async () => {
    const { session, client, calls } = await makeSession({ destinations: [] });
    const hold = client.fake.hold('start');
    session.destinations = destinations('stage-b');
    await until(() => hold.called, 'the start to reach the SDK');
    session.destinations = destinations('stage-b', 'stage-c');
    await nextTask();
    session.destinations = destinations('stage-b', 'stage-c', 'stage-d');
    await nextTask();
    expect(calls(), 'nothing while the start is in flight').to.deep.equal(['start']);
    hold.release();
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'update']);
    expect(client.fake.calls[1]?.config?.dests.map((d) => d.channelName)).to.deep.equal([
      'stage-b',
      'stage-c',
      'stage-d',
    ]);
    expect(client.fake.maxInFlight).to.equal(1);
  });
});

describe('RelaySession rule 3: one call at a time, start only from idle, no call for nothing', () => {
  it('a change that changes nothing makes no call (same list, reordered list, toggled back)', async () => {
    const { session, calls } = await makeSession({ destinations: destinations('stage-b', 'stage-c') });
    await session.settled();
    session.destinations = destinations('stage-b', 'stage-c');
    await session.settled();
    session.destinations = destinations('stage-c', 'stage-b');
    await session.settled();
    session.disabled = true;
    session.disabled = false;
    session.source = { channelName: 'stage-a' };
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
  });

  it('removing the last destination stops; adding one starts again', async () => {
    const { session, calls } = await makeSession();
    await session.settled();
    session.destinations = [];
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    session.destinations = destinations('stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('a new source is a stop then a start (update only changes destinations)', async () => {
    const { session, client, calls } = await makeSession();
    await session.settled();
    session.source = { channelName: 'stage-a', uid: 9 };
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
    expect(client.fake.calls[2]?.config?.src).to.deep.equal({ channelName: 'stage-a', uid: 9 });
  });

  it('disabled holds the relay stopped, and releasing it starts again', async () => {
    const { session, calls } = await makeSession();
    await session.settled();
    session.disabled = true;
    await session.settled();
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    session.disabled = false;
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
  });

  it('stop() holds it stopped until start(); both are idempotent', async () => {
    const { session, calls } = await makeSession();
    await session.settled();
    await session.stop();
    await session.stop();
    session.destinations = destinations('stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    await session.start();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
  });

  it('never has two relay calls in flight, whatever the page does meanwhile', async () => {
    const { session, client } = await makeSession({ latency: 3 });
    const lists = [['stage-b'], ['stage-c', 'stage-d'], [], ['stage-e'], ['stage-b', 'stage-c'], [], ['stage-f']];
    for (const list of lists) {
      session.destinations = destinations(...list);
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (list.length === 2) session.disabled = !session.disabled;
    }
    session.disabled = false;
    await session.settled();
    expect(client.fake.maxInFlight).to.equal(1);
    const last = client.fake.calls.filter((call) => call.method !== 'stop').at(-1);
    expect(last?.config?.dests.map((d) => d.channelName)).to.deep.equal(['stage-f']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });
});

describe('RelaySession rule 4 and failures: reported, recovered where it can be, never a loop', () => {
  it('a failed update restarts the relay: stop, then start with the new list', async () => {
    const { session, client, calls, seen } = await makeSession();
    await session.settled();
    client.fake.failNext('update', 'TIMEOUT');
    session.destinations = destinations('stage-b', 'stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'update', 'stop', 'start']);
    expect(client.fake.calls[3]?.config?.dests.map((d) => d.channelName)).to.deep.equal(['stage-b', 'stage-c']);
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([['TIMEOUT', 'update']]);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('a start refused after its socket opened is reported, cleaned up with a stop, and not retried in a loop', async () => {
    const { session, client, calls, seen } = await makeSession();
    client.fake.failNext('start', 'CROSS_CHANNEL_SERVER_ERROR_RESPONSE');
    await session.settled();
    await nextTask();
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([
      ['CROSS_CHANNEL_SERVER_ERROR_RESPONSE', 'start'],
    ]);
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['failed']);
    // A new configuration is a new attempt.
    session.destinations = destinations('stage-b', 'stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'start']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('a relay failure is one FAILURE (the SDK’s IDLE-then-FAILURE pair folded), reported, and held until leave', async () => {
    const { session, client, calls, seen, publish } = await makeSession();
    await session.settled();
    seen.length = 0;
    client.fake.relayFail('DEST_TOKEN_EXPIRED');
    await session.settled();
    expect(ofType(seen, 'channel-media-relay-state')).to.deep.equal([
      { state: 'RELAY_STATE_FAILURE', previousState: 'RELAY_STATE_RUNNING' },
    ]);
    expect(ofType(seen, 'agora-relay-error').map((e) => e.code)).to.deep.equal(['RELAY_FAILURE']);
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['failed']);
    // The SDK's relay is stuck now: the session sends it nothing.
    session.destinations = destinations('stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
    let rejection: { code?: string } | undefined;
    await session.start().catch((error: { code?: string }) => (rejection = error));
    expect(rejection?.code).to.equal('RELAY_FAILURE');
    expect(calls()).to.deep.equal(['start']);
    // Leaving and joining again makes it usable: the session starts on its own once published.
    await client.leave();
    await client.join('app-id', 'stage-a', null, 1001);
    await publish();
    await session.start();
    expect(calls()).to.deep.equal(['start', 'start']);
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('a start that leaves the SDK stuck (rejected before its socket opened) says so and waits for leave', async () => {
    const { session, client, calls, seen } = await makeSession();
    client.fake.failNext('start', 'NETWORK_ERROR');
    client.fake.failNext('stop', 'WS_DISCONNECT');
    await session.settled();
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((e) => [e.code, e.operation])).to.deep.equal([['NETWORK_ERROR', 'start']]);
    expect(errors[0]?.message).to.contain('leaves and joins the channel again');
    session.destinations = destinations('stage-c');
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
  });

  it('mirrors the SDK’s relay events and states in order, with code RELAY_OK where the SDK has one', async () => {
    const { session, seen } = await makeSession();
    await session.settled();
    expect(ofType(seen, 'channel-media-relay-state')).to.deep.equal([
      { state: 'RELAY_STATE_CONNECTING', previousState: 'RELAY_STATE_IDLE', code: 'RELAY_OK' },
      { state: 'RELAY_STATE_RUNNING', previousState: 'RELAY_STATE_CONNECTING', code: 'RELAY_OK' },
    ]);
    expect(ofType(seen, 'channel-media-relay-event').map((e) => e.event)).to.deep.equal([
      'NETWORK_CONNECTED',
      'PACKET_JOINED_SRC_CHANNEL',
      'PACKET_JOINED_DEST_CHANNEL',
      'PACKET_SENT_TO_DEST_CHANNEL',
    ]);
  });
});

describe('RelaySession destination statuses', () => {
  it('pending while the start is in flight, relaying once running', async () => {
    const { session, client } = await makeSession();
    const hold = client.fake.hold('start');
    await until(() => hold.called, 'the start');
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['pending']);
    hold.release();
    await session.settled();
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['relaying']);
  });

  it('a fifth is rejected with TOO_MANY_DESTINATIONS and promoted when an earlier one goes away', async () => {
    const list: SessionDestination[] = ['b', 'c', 'd', 'e', 'f'].map((channelName) => ({ key: channelName, channelName }));
    const { session, client, seen } = await makeSession({ destinations: list });
    await session.settled();
    expect(session.statuses.map((s) => s.status)).to.deep.equal([
      'relaying',
      'relaying',
      'relaying',
      'relaying',
      'rejected',
    ]);
    expect(session.statuses[4]?.error?.code).to.equal('TOO_MANY_DESTINATIONS');
    session.destinations = list.filter((d) => d.channelName !== 'c');
    await session.settled();
    expect(session.statuses.map((s) => [s.channelName, s.status])).to.deep.equal([
      ['b', 'relaying'],
      ['d', 'relaying'],
      ['e', 'relaying'],
      ['f', 'relaying'],
    ]);
    expect(client.fake.calls.at(-1)?.config?.dests.map((d) => d.channelName)).to.deep.equal(['b', 'd', 'e', 'f']);
    const fifth = ofType(seen, 'agora-relay-destination-status').filter((s) => s.key === 'f');
    expect(fifth.map((s) => s.status)).to.deep.equal(['rejected', 'pending', 'relaying']);
  });

  it('an invalid destination is rejected on its own while the valid ones keep relaying', async () => {
    const list = [{ channelName: 'b' }, { channelName: 'c', uid: '1.5' }, { channelName: 'd' }];
    const { session, client } = await makeSession({ destinations: list });
    await session.settled();
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['relaying', 'rejected', 'relaying']);
    expect(session.statuses[1]?.error?.code).to.equal('INVALID_UID');
    expect(client.fake.calls[0]?.config?.dests.map((d) => d.channelName)).to.deep.equal(['b', 'd']);
  });

  it('status events fire on change only, keyed by the destination', async () => {
    const key = { id: 'element' };
    const { session, seen } = await makeSession({ destinations: [{ key, channelName: 'b' }] });
    await session.settled();
    session.destinations = [{ key, channelName: 'b' }];
    await session.settled();
    const statuses = ofType(seen, 'agora-relay-destination-status');
    expect(statuses.map((s) => s.status)).to.deep.equal(['pending', 'relaying']);
    expect(statuses.every((s) => s.key === key)).to.equal(true);
  });

  it('a disabled destination is idle and takes no slot', async () => {
    const { session, client } = await makeSession({
      destinations: [{ channelName: 'b', disabled: true }, ...destinations('c', 'd', 'e', 'f')],
    });
    await session.settled();
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['idle', 'relaying', 'relaying', 'relaying', 'relaying']);
    expect(client.fake.calls[0]?.config?.dests).to.have.length(4);
  });
});

describe('RelaySession clients, disposal and tokens', () => {
  it('detaching the client stops the relay on it; a new client starts afresh', async () => {
    const { session, client, calls } = await makeSession();
    await session.settled();
    session.client = null;
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    const other = await makeSession({ destinations: [] });
    session.sdk = other.AgoraRTC;
    session.client = other.client;
    await session.settled();
    expect(other.calls()).to.deep.equal(['start']);
    expect(client.fake.listenerCount()).to.equal(0);
  });

  it('dispose() stops the relay and removes every listener it added', async () => {
    const { session, client, calls } = await makeSession();
    const before = client.fake.listenerCount();
    await session.settled();
    await session.dispose();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(before).to.be.greaterThan(0);
    expect(client.fake.listenerCount()).to.equal(0);
    session.destinations = destinations('stage-z');
    await session.settled();
    expect(calls(), 'no call after dispose').to.deep.equal(['start', 'stop']);
  });

  it('leaving the channel resets the relay to idle without a call; joining and publishing starts it again', async () => {
    const { session, client, calls, publish } = await makeSession();
    await session.settled();
    await client.leave();
    await session.settled();
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    expect(calls()).to.deep.equal(['start']);
    await client.join('app-id', 'stage-a', null, 1001);
    await publish();
    await until(() => calls().length === 2, 'the start after joining again', PUBLISH_CHECK_MS * 4);
    await session.settled();
    expect(session.state).to.equal('RELAY_STATE_RUNNING');
  });

  it('no token appears in any event detail, failures included', async () => {
    const { session, client, seen } = await makeSession({
      destinations: [
        { channelName: 'b', token: 'tok-dest-secret' },
        { channelName: 'c', token: 'tok-bad-✓-secret' },
      ],
      session: { source: { channelName: 'stage-a', token: 'tok-src-secret' } },
    });
    client.fake.failNext('start', 'CROSS_CHANNEL_SERVER_ERROR_RESPONSE');
    await session.settled();
    session.destinations = [{ channelName: 'b', token: 'tok-dest2-secret' }];
    await session.settled();
    client.fake.relayFail('SRC_TOKEN_EXPIRED');
    await session.settled();
    expect(seen.length).to.be.greaterThan(5);
    expect(JSON.stringify(seen)).not.to.contain('secret');
  });
});

describe('RelaySession watchdog: a relay the SDK leaves IDLE without a word', () => {
  it('an automatic restart by the SDK (socket dropped, reconnected) needs nothing from the session', async () => {
    const { session, client, calls, seen } = await makeSession();
    await session.settled();
    seen.length = 0;
    client.fake.dropRelaySocket({ reconnect: true });
    await until(() => ofType(seen, 'channel-media-relay-state').length >= 2, 'IDLE then RUNNING again');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ofType(seen, 'channel-media-relay-state').map((s) => s.state)).to.deep.equal([
      'RELAY_STATE_IDLE',
      'RELAY_STATE_RUNNING',
    ]);
    expect(calls()).to.deep.equal(['start']);
    expect(ofType(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('a refused reconnect (silent IDLE) is reported after the watchdog, then stopped and held as stuck', async function () {
    this.timeout(10_000);
    const { session, client, calls, seen } = await makeSession();
    await session.settled();
    seen.length = 0;
    client.fake.dropRelaySocket({ reconnect: false });
    await until(() => ofType(seen, 'agora-relay-error').length >= 2, 'the watchdog', 6000);
    await session.settled();
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation])).to.deep.equal([
      ['SERVER_CONNECTION_LOST', 'start'],
      ['WS_DISCONNECT', 'stop'],
    ]);
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(session.statuses.map((s) => s.status)).to.deep.equal(['failed']);
  });
});
