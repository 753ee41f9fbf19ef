// agora-relay-elements/testing: an offline fake of the AgoraRTC namespace for tests and demos.
export { createFakeAgoraRTC } from './fake/create-fake-agora-rtc.js';
export type { FakeAgoraRTC, FakeAgoraRTCControls, FakeTrackSource } from './fake/create-fake-agora-rtc.js';
export type { FakeAgoraRTCOptions } from './fake/options.js';
export type { FakeClient, FakeClientConfig, FakeRetryConfig } from './fake/fake-client.js';
export type { FakeClientControls, FakeRelayCall } from './fake/client-controls.js';
export type { FakeHold, FakeMethod } from './fake/call-plan.js';
export type { FakeNetworkControls } from './fake/network.js';
export type { FakeChannelMediaRelayConfiguration, RelayConfigSnapshot, RelayInfoSnapshot } from './fake/relay-configuration.js';
export type { FakeLocalTrack, FakeTrackKind } from './fake/fake-tracks.js';
export type { FakeDevice, FakeDeviceInfo, FakeDeviceKind, FakeDevicesControls } from './fake/fake-devices.js';
export type { FakeRemoteUser, FakeMediaType } from './fake/remote-user.js';
export type { FakeAgoraRTCError } from './fake/errors.js';
export type { FakeFitsSdkTypes } from './fake/type-checks.js';
// The browser side of the local Agora stand-in (test-only; the Node side is agora-relay-elements/testing/stand-in).
export {
  createStandInClient,
  pointAgoraRTCAtStandIn,
  pointClientAtStandIn,
  standInClientConfig,
  startRemoteAgoraStandIn,
  STAND_IN_CHECKED_SDK_VERSIONS,
  STAND_IN_RETRY_CONFIG,
  STAND_IN_ROUTE,
  standInSdk,
} from './stand-in/browser.js';
export type { RemoteAgoraStandIn, StandInSdk, StandInSdkOptions } from './stand-in/browser.js';
