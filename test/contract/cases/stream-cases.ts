// Contract cases for dual stream, measured on the real SDK offline (4.24.8): enableDualStream before joining, twice,
// and disableDualStream; setRemoteVideoStreamType's checks (the type first, then the gateway connection).
import { expect } from '@open-wc/testing';
import type { ContractCase, ContractClient } from './contract-types.js';
import { PLAIN_CLIENT } from './contract-types.js';
import { callAsync, expectRejects, settleWithin } from './helpers.js';

const SEEN = 'measured on the real SDK';

interface StreamClient extends ContractClient {
  enableDualStream(): Promise<void>;
  disableDualStream(): Promise<void>;
  setRemoteVideoStreamType(uid: unknown, type: unknown): Promise<void>;
}

const LIVE = { ...PLAIN_CLIENT, mode: 'live' };

export const streamCases: ContractCase[] = [
  {
    name: 'enableDualStream resolves before joining (host or audience); a second one rejects INVALID_OPERATION',
    source: SEEN,
    async run(impl) {
      for (const role of ['host', 'audience']) {
        const client = impl.createClient(LIVE) as StreamClient;
        await client.setClientRole(role);
        expect((await settleWithin(callAsync(() => client.enableDualStream(), 'enableDualStream'), 2000)).status, role).to.equal('resolved');
        await expectRejects(client.enableDualStream(), 'INVALID_OPERATION', 'Dual stream is already enabled');
      }
    },
  },
  {
    name: 'disableDualStream resolves, enabled or not, and lets enableDualStream resolve again',
    source: SEEN,
    async run(impl) {
      const client = impl.createClient(LIVE) as StreamClient;
      expect((await settleWithin(client.disableDualStream(), 2000)).status, 'never enabled').to.equal('resolved');
      await client.enableDualStream();
      expect((await settleWithin(client.disableDualStream(), 2000)).status, 'enabled').to.equal('resolved');
      expect((await settleWithin(client.disableDualStream(), 2000)).status, 'twice').to.equal('resolved');
      expect((await settleWithin(client.enableDualStream(), 2000)).status, 'again').to.equal('resolved');
    },
  },
  {
    name: 'setRemoteVideoStreamType checks the type first: outside [0,1,4..9] rejects INVALID_PARAMS, joined or not',
    source: SEEN,
    async run(impl) {
      const client = impl.createClient(LIVE) as StreamClient;
      for (const type of [2, 3, 10, -1, 'x', undefined]) {
        await expectRejects(
          callAsync(() => client.setRemoteVideoStreamType(5, type), `setRemoteVideoStreamType(5, ${String(type)})`),
          'INVALID_PARAMS',
          'streamType can only be set as [0,1,4,5,6,7,8,9]',
        );
      }
    },
  },
  {
    name: 'setRemoteVideoStreamType with a valid type before joining rejects WS_ABORT "websocket is not ready"',
    source: SEEN,
    async run(impl) {
      const client = impl.createClient(LIVE) as StreamClient;
      for (const type of [0, 1]) {
        await expectRejects(
          callAsync(() => client.setRemoteVideoStreamType(5, type), `setRemoteVideoStreamType(5, ${type})`),
          'WS_ABORT',
          'websocket is not ready',
        );
      }
    },
  },
];
