// The framework-free RelaySession in Node (no DOM): it can be made, driven with a stub client and disposed.
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { clearInterval, setInterval } from 'node:timers';
import { RelaySession } from '../../dist/core/index.js';

// Like any server, these tests keep Node's event loop alive while they run: the session's runner waits on an unref'd
// MessagePort, so on an otherwise idle loop Node would exit first (see event-loop.test.mjs).
let keepAlive;
beforeEach(() => {
  keepAlive = setInterval(() => undefined, 1000);
});
afterEach(() => clearInterval(keepAlive));

test('a bare RelaySession is constructed and disposed in Node', async () => {
  const session = new RelaySession();
  assert.ok(session instanceof globalThis.EventTarget);
  assert.equal(session.state, 'RELAY_STATE_IDLE');
  assert.deepEqual(session.statuses, []);
  await session.settled();
  await session.dispose();
  await session.dispose();
});

test('a session without a client rejects an invalid destination and reports it once', async () => {
  const errors = [];
  const session = new RelaySession({ source: { channelName: 'stage-a' } });
  session.addEventListener('agora-relay-error', (event) => errors.push(event.detail));
  session.destinations = [
    { key: 'b', channelName: 'stage-b' },
    { key: 'c', channelName: 'stage-c', uid: '1.5', token: 'secret' },
  ];
  session.destinations = [...session.destinations];
  await session.settled();
  assert.deepEqual(
    session.statuses.map(({ key, status, error }) => [key, status, error?.code]),
    [
      ['b', 'idle', undefined],
      ['c', 'rejected', 'INVALID_UID'],
    ],
  );
  assert.deepEqual(
    errors.map(({ code, operation, channelName }) => [code, operation, channelName]),
    [['INVALID_UID', 'validate', 'stage-c']],
  );
  assert.doesNotMatch(JSON.stringify(errors), /secret/);
  await session.dispose();
});

/** The smallest client the session drives: records each SDK call and the listeners it holds. */
function stubClient() {
  const listeners = new Map();
  const calls = [];
  return {
    calls,
    listeners,
    connectionState: 'CONNECTED',
    role: 'host',
    localTracks: [{}],
    on(event, listener) {
      listeners.set(event, listener);
    },
    off(event, listener) {
      if (listeners.get(event) === listener) listeners.delete(event);
    },
    async startChannelMediaRelay(config) {
      calls.push(['start', config.dests.map((info) => info.channelName)]);
      listeners.get('channel-media-relay-state')?.('RELAY_STATE_CONNECTING');
      listeners.get('channel-media-relay-state')?.('RELAY_STATE_RUNNING');
    },
    async updateChannelMediaRelay(config) {
      calls.push(['update', config.dests.map((info) => info.channelName)]);
    },
    async stopChannelMediaRelay() {
      calls.push(['stop']);
      listeners.get('channel-media-relay-state')?.('RELAY_STATE_IDLE');
    },
  };
}

const stubSdk = {
  createChannelMediaRelayConfiguration() {
    const config = { src: undefined, dests: [] };
    return Object.assign(config, {
      setSrcChannelInfo: (info) => (config.src = info),
      addDestChannelInfo: (info) => config.dests.push(info),
      removeDestChannelInfo: (name) => (config.dests = config.dests.filter((info) => info.channelName !== name)),
    });
  },
};

test('with a stub client the session starts one relay, and dispose stops it and lets go of the client', async () => {
  const client = stubClient();
  const session = new RelaySession({
    sdk: stubSdk,
    client,
    source: { channelName: 'stage-a' },
    destinations: [{ channelName: 'stage-b' }, { channelName: 'stage-c', uid: 42 }],
  });
  await session.settled();
  assert.deepEqual(client.calls, [['start', ['stage-b', 'stage-c']]]);
  assert.equal(session.state, 'RELAY_STATE_RUNNING');
  assert.deepEqual(
    session.statuses.map((status) => status.status),
    ['relaying', 'relaying'],
  );
  await session.dispose();
  assert.deepEqual(client.calls.at(-1), ['stop']);
  assert.equal(client.listeners.size, 0, 'every listener the session added is removed');
});
