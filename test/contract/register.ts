// Registers each contract case once per implementation: the real agora-rtc-sdk-ng (UMD, loaded with a <script>
// tag) and the offline fake. Every client a case creates is left after it, so nothing outlives its case.
import { createFakeAgoraRTC } from '../../src/testing/index.js';
import type { FakeClient } from '../../src/testing/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import type { ContractCase, ContractClient, ContractImpl, ContractSdk } from './cases/contract-types.js';

interface Options {
  /** Run the fake with its network dropped (for the cases where the real SDK reaches for the network). */
  fakeOffline: boolean;
}

function makeImpl(kind: 'real' | 'fake', sdk: ContractSdk, clients: ContractClient[]): ContractImpl {
  return {
    kind,
    sdk,
    createClient(config?: unknown) {
      const client = config === undefined ? sdk.createClient() : sdk.createClient(config);
      clients.push(client);
      return client;
    },
    markJoined(client, uid = 5) {
      if (kind === 'fake') {
        (client as unknown as FakeClient).fake.forceJoined(uid);
      } else {
        // Protocol reference §1: the relay reads only the private _joinInfo (uid strictly needed).
        (client as unknown as { _joinInfo: unknown })._joinInfo = {
          appId: 'contract-app',
          uid,
          cname: 'source',
          sid: 'contract-sid',
          token: 'contract-app',
        };
      }
    },
  };
}

export function registerContract(title: string, cases: readonly ContractCase[], options: Options): void {
  for (const kind of ['real', 'fake'] as const) {
    describe(`contract ${title}: ${kind} SDK`, function () {
      this.timeout(15_000);
      let impl: ContractImpl;
      const clients: ContractClient[] = [];

      beforeEach(async () => {
        const sdk =
          kind === 'real'
            ? ((await loadRealAgoraRTC()) as ContractSdk)
            : (createFakeAgoraRTC({ offline: options.fakeOffline }) as unknown as ContractSdk);
        impl = makeImpl(kind, sdk, clients);
      });

      afterEach(async () => {
        const left = clients.splice(0).map((client) => client.leave().catch(() => undefined));
        await Promise.all(left);
      });

      for (const contractCase of cases) {
        it(`${contractCase.name} [${contractCase.source}]`, async () => {
          await contractCase.run(impl);
        });
      }
    });
  }
}
