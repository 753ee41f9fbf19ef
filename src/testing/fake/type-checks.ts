// Compile-time proof that the fake fits the slice of the SDK the core uses (src/core/sdk-types.ts). Type-only.
import type {
  ControlledSdk,
  ManagedClient,
  ManagedSdk,
  RelayClient,
  RelayConfiguration,
  RelaySdk,
} from '../../core/sdk-types.js';
import type { FakeAgoraRTC } from './create-fake-agora-rtc.js';
import type { FakeClient } from './fake-client.js';
import type { FakeChannelMediaRelayConfiguration } from './relay-configuration.js';

type Assert<T extends true> = T;
export type FakeFitsSdkTypes = [
  Assert<FakeClient extends RelayClient ? true : false>,
  Assert<FakeChannelMediaRelayConfiguration extends RelayConfiguration ? true : false>,
  Assert<FakeAgoraRTC extends RelaySdk ? true : false>,
  Assert<FakeClient extends ManagedClient ? true : false>,
  Assert<FakeAgoraRTC extends ManagedSdk ? true : false>,
  Assert<FakeAgoraRTC extends ControlledSdk ? true : false>,
];
