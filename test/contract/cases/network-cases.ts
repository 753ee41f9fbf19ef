// Contract cases where the real SDK reaches for the network (Chromium only; its resolver rules keep everything on
// this machine, so every request fails). The fake runs them with its network dropped.
import { expect } from '@open-wc/testing';
import type { ContractCase, ContractClient, ContractImpl } from './contract-types.js';
import { BOUNDED_CLIENT, PLAIN_CLIENT } from './contract-types.js';
import { callAsync, expectRejects, relayConfig, recordClient, settleWithin, sleep } from './helpers.js';

const REF35 = 'reference §3.5 (offline join)';
const REF33 = 'reference §3.3 (stuck relay)';
const REF4 = 'reference §4 validation table';
const SEEN = 'measured on the real SDK';
const JOIN_FIRST = 'can not create channel media relay client, please join channel first';
const CANCELLED = 'cancel token canceled';

/** The relay entries of a recorder log (markJoined fakes a join differently per side, so connection changes vary). */
function relayOnly(log: string[]): string[] {
  return log.filter((entry) => !entry.startsWith('conn:'));
}

/** A joined-looking client whose relay start failed before its socket opened (NETWORK_ERROR): the relay is stuck. */
async function stuckRelay(impl: ContractImpl): Promise<{ client: ContractClient; log: string[] }> {
  const client = impl.createClient(BOUNDED_CLIENT);
  impl.markJoined(client);
  const log = recordClient(client);
  await expectRejects(client.startChannelMediaRelay(relayConfig(impl.sdk)), 'NETWORK_ERROR', 'Network Error', 5000);
  expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
  log.length = 0;
  return { client, log };
}

export const networkCases: ContractCase[] = [
  {
    name: 'join offline with bounded retries rejects NETWORK_ERROR within seconds; CONNECTING is emitted synchronously',
    source: REF35,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      const log = recordClient(client);
      const join = callAsync(() => client.join('contract-app', 'contract-channel', null, 5), 'join');
      expect(log, 'synchronously').to.deep.equal(['conn:DISCONNECTED->CONNECTING']);
      expect(client.connectionState).to.equal('CONNECTING');
      let stateWhenRejected = '';
      await expectRejects(
        join.catch((error: unknown) => {
          stateWhenRejected = client.connectionState;
          throw error;
        }),
        'NETWORK_ERROR',
        'Network Error',
        5000,
      );
      // Measured: the connection is back to DISCONNECTED (no reason) before the rejection is seen.
      expect(stateWhenRejected).to.equal('DISCONNECTED');
      expect(log).to.deep.equal(['conn:DISCONNECTED->CONNECTING', 'conn:CONNECTING->DISCONNECTED']);
    },
  },
  {
    name: 'leave() during a pending join: join rejects OPERATION_ABORTED; CONNECTING, DISCONNECTING, DISCONNECTED',
    source: `${REF35}; message and states ${SEEN}`,
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      const log = recordClient(client);
      const join = callAsync(() => client.join('contract-app', 'contract-channel', null), 'join');
      await sleep(50);
      expect((await settleWithin(join, 0)).status, 'join still pending').to.equal('pending');
      const aborted = expectRejects(join, 'OPERATION_ABORTED', CANCELLED, 5000);
      const leave = callAsync(() => client.leave(), 'leave');
      expect((await settleWithin(leave, 2000)).status, 'leave').to.equal('resolved');
      await aborted;
      expect(log).to.deep.equal([
        'conn:DISCONNECTED->CONNECTING',
        'conn:CONNECTING->DISCONNECTING',
        'conn:DISCONNECTING->DISCONNECTED',
      ]);
      expect(client.connectionState).to.equal('DISCONNECTED');
    },
  },
  {
    name: 'a second concurrent join rejects INVALID_OPERATION, the first one goes on',
    source: REF35,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      const first = callAsync(() => client.join('contract-app', 'contract-channel', null, 5), 'first join');
      const second = callAsync(() => client.join('contract-app', 'contract-channel', null, 6), 'second join');
      const error = await expectRejects(second, 'INVALID_OPERATION', undefined, 1000);
      expect((error as Error).message).to.match(/^AgoraRTCError INVALID_OPERATION: \[client-\w+\] Client already in connecting\/connected state$/);
      expect((await settleWithin(first, 0)).status, 'first join still pending').to.equal('pending');
      await expectRejects(first, 'NETWORK_ERROR', 'Network Error', 5000);
    },
  },
  {
    name: 'after a failed join the client is DISCONNECTED and a new join starts at once',
    source: SEEN,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      await expectRejects(client.join('contract-app', 'contract-channel', null, 5), 'NETWORK_ERROR', 'Network Error', 5000);
      expect(client.connectionState).to.equal('DISCONNECTED');
      const log = recordClient(client);
      const again = callAsync(() => client.join('contract-app', 'contract-channel', null, 5), 'join again');
      expect(log).to.deep.equal(['conn:DISCONNECTED->CONNECTING']);
      const aborted = expectRejects(again, 'OPERATION_ABORTED', CANCELLED, 5000);
      await client.leave();
      await aborted;
      expect(log).to.deep.equal([
        'conn:DISCONNECTED->CONNECTING',
        'conn:CONNECTING->DISCONNECTING',
        'conn:DISCONNECTING->DISCONNECTED',
      ]);
    },
  },
  {
    name: 'relay start with no route: state CONNECTING (synchronously, state only), then NETWORK_ERROR, no event',
    source: `${REF33}; reference §3.1 (listener arity)`,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      const start = callAsync(() => client.startChannelMediaRelay(relayConfig(impl.sdk)), 'start');
      expect(log, 'synchronously').to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
      await expectRejects(start, 'NETWORK_ERROR', 'Network Error', 5000);
      expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
    },
  },
  {
    name: 'stuck after a start failed before its socket: start rejects INVALID_OPERATION with an empty message',
    source: REF33,
    async run(impl) {
      const { client, log } = await stuckRelay(impl);
      await expectRejects(callAsync(() => client.startChannelMediaRelay(relayConfig(impl.sdk)), 'start'), 'INVALID_OPERATION', '');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'stuck: update rejects INVALID_OPERATION, stop rejects WS_DISCONNECT, both with empty messages, no event',
    source: REF33,
    async run(impl) {
      const { client, log } = await stuckRelay(impl);
      await expectRejects(client.updateChannelMediaRelay(relayConfig(impl.sdk)), 'INVALID_OPERATION', '');
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'stuck: leave() emits RELAY_STATE_IDLE synchronously; afterwards relay calls need a join again',
    source: `${REF33}; ${SEEN}`,
    async run(impl) {
      const { client, log } = await stuckRelay(impl);
      const leave = client.leave();
      expect(log.filter((entry) => entry.startsWith('state:')), 'synchronously').to.deep.equal(['state:RELAY_STATE_IDLE/1']);
      await leave;
      await expectRejects(client.startChannelMediaRelay(relayConfig(impl.sdk)), 'INVALID_OPERATION', JOIN_FIRST);
      await expectRejects(client.stopChannelMediaRelay(), 'INVALID_OPERATION', JOIN_FIRST);
    },
  },
  {
    name: 'stuck relay is reset by leave(): joined again, a start runs again (CONNECTING, then NETWORK_ERROR)',
    source: REF33,
    async run(impl) {
      const { client, log } = await stuckRelay(impl);
      await client.leave();
      log.length = 0;
      impl.markJoined(client);
      const start = client.startChannelMediaRelay(relayConfig(impl.sdk));
      expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
      await expectRejects(start, 'NETWORK_ERROR', 'Network Error', 5000);
    },
  },
  {
    name: 'joined, update before any start rejects INVALID_OPERATION with an empty message, no event',
    source: REF4,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      await expectRejects(callAsync(() => client.updateChannelMediaRelay(relayConfig(impl.sdk)), 'update'), 'INVALID_OPERATION', '');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'joined, stop before any start rejects WS_DISCONNECT with an empty message, no event',
    source: REF4,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      await expectRejects(callAsync(() => client.stopChannelMediaRelay(), 'stop'), 'WS_DISCONNECT', '');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'joined, configuration checks still come first: an empty configuration rejects INVALID_PARAMS, no state',
    source: REF4,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      await expectRejects(client.startChannelMediaRelay(impl.sdk.createChannelMediaRelayConfiguration()), 'INVALID_PARAMS', 'srcChannelMediaInfo should not be empty');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'a start while a start is in flight rejects INVALID_OPERATION at once; update too; stop rejects WS_DISCONNECT',
    source: `read from the 4.24.8 bundle (relay state check), ${SEEN}`,
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      const first = client.startChannelMediaRelay(relayConfig(impl.sdk));
      await expectRejects(client.startChannelMediaRelay(relayConfig(impl.sdk)), 'INVALID_OPERATION', '', 200);
      await expectRejects(client.updateChannelMediaRelay(relayConfig(impl.sdk)), 'INVALID_OPERATION', '', 200);
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '', 200);
      expect((await settleWithin(first, 0)).status, 'first start still pending').to.equal('pending');
      await expectRejects(first, 'NETWORK_ERROR', 'Network Error', 5000);
      expect(log).to.deep.equal(['state:RELAY_STATE_CONNECTING/1']);
    },
  },
  {
    name: 'without bounded retries a relay start never settles; leave() makes it reject OPERATION_ABORTED',
    source: `${REF35}; message ${SEEN}`,
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      const start = client.startChannelMediaRelay(relayConfig(impl.sdk));
      expect((await settleWithin(start, 1000)).status, 'after 1 s').to.equal('pending');
      const aborted = expectRejects(start, 'OPERATION_ABORTED', CANCELLED, 5000);
      await client.leave();
      await aborted;
      // Connection changes are left out: markJoined fakes a join differently on each side.
      expect(relayOnly(log)).to.deep.equal(['state:RELAY_STATE_CONNECTING/1', 'state:RELAY_STATE_IDLE/1']);
    },
  },
  {
    name: 'relay listeners: the same function added twice gets each state once; off() stops delivery',
    source: 'read from the 4.24.8 bundle (its event emitter), measured on the real SDK',
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const states: unknown[] = [];
      const listener = (state: unknown) => states.push(state);
      client.on('channel-media-relay-state', listener);
      client.on('channel-media-relay-state', listener);
      let onceCalls = 0;
      client.once('channel-media-relay-state', () => (onceCalls += 1));
      await expectRejects(client.startChannelMediaRelay(relayConfig(impl.sdk)), 'NETWORK_ERROR', 'Network Error', 5000);
      expect(states).to.deep.equal(['RELAY_STATE_CONNECTING']);
      client.off('channel-media-relay-state', listener);
      await client.leave();
      expect(states, 'no IDLE after off()').to.deep.equal(['RELAY_STATE_CONNECTING']);
      expect(onceCalls).to.equal(1);
    },
  },
  {
    name: 'a leave() on a joined client whose relay never started emits no relay state',
    source: 'read from the 4.24.8 bundle (dispose only emits on a change), measured on the real SDK',
    async run(impl) {
      const client = impl.createClient(BOUNDED_CLIENT);
      impl.markJoined(client);
      const log = recordClient(client);
      await expectRejects(client.stopChannelMediaRelay(), 'WS_DISCONNECT', '');
      await client.leave();
      expect(relayOnly(log)).to.deep.equal([]);
    },
  },
];
