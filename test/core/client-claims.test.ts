// A page's own client, misused (api.md "Validation"): two sessions on one client, and a source channel that is not
// the client's. Each is reported, and the SDK gets no call for it.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { RelaySession } from '../../src/core/index.js';
import { destinations, makeHost, makeSession, nextTask, ofType, record, until } from './session-fixture.js';

/** A second session on the first one's client, relaying the same source to stage-c. */
const secondSessionOn = (first: Awaited<ReturnType<typeof makeSession>>) =>
  new RelaySession({ sdk: first.AgoraRTC, client: first.client, source: { channelName: 'stage-a' }, destinations: destinations('stage-c') });

const relayCalls = (client: { fake: { calls: readonly { method: string }[] } }) => client.fake.calls.map((call) => call.method);

describe('RelaySession: one client, one relay', () => {
  it('a second session on the client reports CLIENT_IN_USE, makes no call, and keeps its own state idle', async () => {
    const first = await makeSession();
    await first.session.settled();
    expect(first.calls()).to.deep.equal(['start']);
    const second = secondSessionOn(first);
    const seen = record(second);
    await second.settled();
    await nextTask();
    expect(first.calls(), 'no call from the second session').to.deep.equal(['start']);
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((error) => [error.code, error.operation])).to.deep.equal([['CLIENT_IN_USE', 'start']]);
    expect(errors[0]?.message).to.contain('belongs to another host');
    // The first session's relay is not the second's: no state of it is reported as the second's.
    expect(second.state).to.equal('RELAY_STATE_IDLE');
    expect(ofType(seen, 'channel-media-relay-state')).to.deep.equal([]);
    expect(second.statuses.map((status) => status.status)).to.deep.equal(['pending']);
    // A change of the first session's relay is still its own business: an update, no word from the second.
    first.session.destinations = destinations('stage-b', 'stage-d');
    await first.session.settled();
    await second.settled();
    expect(first.calls()).to.deep.equal(['start', 'update']);
    expect(ofType(seen, 'agora-relay-error'), 'said once').to.have.length(1);
    await second.dispose();
    await first.session.dispose();
  });

  it('goes on by itself once the first session lets the client go: disposed, detached, or disabled', async () => {
    for (const letGo of ['dispose', 'detach', 'disable'] as const) {
      const first = await makeSession();
      await first.session.settled();
      const second = secondSessionOn(first);
      const seen = record(second);
      await second.settled();
      expect(first.calls(), letGo).to.deep.equal(['start']);
      if (letGo === 'dispose') void first.session.dispose();
      if (letGo === 'detach') first.session.client = null;
      if (letGo === 'disable') first.session.disabled = true;
      await until(() => second.state === 'RELAY_STATE_RUNNING', `the second session running after ${letGo}`);
      expect(first.calls(), letGo).to.deep.equal(['start', 'stop', 'start']);
      expect(first.client.fake.calls.at(-1)?.config?.dests, letGo).to.deep.equal([{ channelName: 'stage-c', uid: 0 }]);
      expect(ofType(seen, 'agora-relay-error').map((error) => error.code), letGo).to.deep.equal(['CLIENT_IN_USE']);
      expect(second.statuses.map((status) => status.status), letGo).to.deep.equal(['relaying']);
      if (letGo === 'disable') {
        // Now the first one waits: it says so, and makes no call.
        const firstSeen = record(first.session);
        first.session.disabled = false;
        await first.session.settled();
        await nextTask();
        expect(first.calls(), 'the first one, enabled again').to.deep.equal(['start', 'stop', 'start']);
        expect(ofType(firstSeen, 'agora-relay-error').map((error) => error.code)).to.deep.equal(['CLIENT_IN_USE']);
        expect(first.session.state).to.equal('RELAY_STATE_IDLE');
      }
      await second.dispose();
      await first.session.dispose();
    }
  });

  it('start() on the second session rejects with CLIENT_IN_USE, and it still starts once the client is free', async () => {
    const first = await makeSession();
    await first.session.settled();
    const second = secondSessionOn(first);
    const seen = record(second);
    const rejection = await second.start().then(
      () => undefined,
      (error: { code?: string; operation?: string }) => error,
    );
    expect([rejection?.code, rejection?.operation]).to.deep.equal(['CLIENT_IN_USE', 'start']);
    expect(ofType(seen, 'agora-relay-error').map((error) => error.code)).to.deep.equal(['CLIENT_IN_USE']);
    expect(first.calls()).to.deep.equal(['start']);
    await first.session.stop();
    await until(() => second.state === 'RELAY_STATE_RUNNING', 'the second session running');
    expect(first.calls()).to.deep.equal(['start', 'stop', 'start']);
    await second.dispose();
    await first.session.dispose();
  });

  it('a session waiting for a client it no longer has stops waiting: no call when that client frees', async () => {
    const first = await makeSession();
    await first.session.settled();
    const other = await makeHost();
    const second = secondSessionOn(first);
    await second.settled();
    second.client = other.client;
    await until(() => second.state === 'RELAY_STATE_RUNNING', 'the second session running on its own client');
    await first.session.dispose();
    await nextTask();
    await second.settled();
    expect(first.calls(), 'only the first session’s calls on the first client').to.deep.equal(['start', 'stop']);
    expect(relayCalls(other.client)).to.deep.equal(['start']);
    await second.dispose();
  });

  it('a session given another client lets the first one go, once its relay there has stopped', async () => {
    const first = await makeSession();
    await first.session.settled();
    const second = secondSessionOn(first);
    await second.settled();
    const other = await makeHost();
    first.session.client = other.client;
    await until(() => second.state === 'RELAY_STATE_RUNNING', 'the second session running');
    await first.session.settled();
    expect(first.calls()).to.deep.equal(['start', 'stop', 'start']);
    expect(relayCalls(other.client)).to.deep.equal(['start']);
    await until(() => first.session.state === 'RELAY_STATE_RUNNING', 'the first session running on its new client');
    await second.dispose();
    await first.session.dispose();
  });
});

describe('RelaySession: the source channel is the client’s', () => {
  it('a channel-name other than the client’s channel is reported before any call, and nothing starts', async () => {
    const { session, calls, seen } = await makeSession({ session: { source: { channelName: 'stage-x' } } });
    await session.settled();
    await session.start();
    expect(calls()).to.deep.equal([]);
    expect(ofType(seen, 'agora-relay-error')).to.deep.equal([
      {
        code: 'SOURCE_MISMATCH',
        message:
          'source: channel-name "stage-x" is not the channel the client has joined ("stage-a"); the relay can only ' +
          'carry the client\'s own channel. Set channel-name to "stage-a", or leave it out.',
        operation: 'validate',
        channelName: 'stage-x',
      },
    ]);
    expect(session.statuses.map((status) => status.status)).to.deep.equal(['idle']);
    // Put right: the relay starts.
    session.source = { channelName: 'stage-a' };
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
  });

  it('a running relay whose channel-name turns foreign is stopped, and the mismatch reported', async () => {
    const { session, calls, seen } = await makeSession();
    await session.settled();
    session.source = { channelName: 'stage-x' };
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(ofType(seen, 'agora-relay-error').map((error) => error.code)).to.deep.equal(['SOURCE_MISMATCH']);
  });

  it('with no channel-name, relays the channel the client is in, and judges destinations against it', async () => {
    const { session, client, calls, seen } = await makeSession({
      destinations: destinations('stage-a', 'stage-b'),
      session: { source: { uid: 7 } },
    });
    await session.settled();
    expect(calls()).to.deep.equal(['start']);
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 7 },
      dests: [{ channelName: 'stage-b', uid: 0 }],
    });
    expect(ofType(seen, 'agora-relay-error').map((error) => [error.code, error.channelName])).to.deep.equal([
      ['DESTINATION_IS_SOURCE', 'stage-a'],
    ]);
  });

  it('with no channel-name and a client not in a channel yet, says nothing and starts once it has joined', async () => {
    const { session, client, calls, seen, publish } = await makeSession({
      join: false,
      session: { source: { channelName: null } },
    });
    await session.settled();
    expect(calls()).to.deep.equal([]);
    expect(ofType(seen, 'agora-relay-error')).to.deep.equal([]);
    await client.join('app-id', 'stage-q', null, 1001);
    await publish();
    await until(() => session.state === 'RELAY_STATE_RUNNING', 'the relay running after the join');
    expect(client.fake.calls[0]?.config?.src).to.deep.equal({ channelName: 'stage-q', uid: 0 });
    expect(ofType(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('with no channel-name and no client, the channel-name is still required', async () => {
    const session = new RelaySession({ destinations: destinations('stage-b') });
    const seen = record(session);
    await session.settled();
    expect(ofType(seen, 'agora-relay-error').map((error) => [error.code, error.operation])).to.deep.equal([
      ['INVALID_CHANNEL_NAME', 'validate'],
    ]);
  });
});
