// Compile-time proof that our copies of the SDK's enums and shapes stay equal to agora-rtc-sdk-ng's.
// This file emits nothing at run time; `npm run typecheck` fails when the SDK adds, removes or renames a member.
import type {
  AgoraRTCErrorCode,
  ChannelMediaRelayError,
  ChannelMediaRelayEvent,
  ChannelMediaRelayState,
  IAgoraRTCClient,
  IAgoraRTC,
  ICameraVideoTrack,
  ILocalVideoTrack,
  IMicrophoneAudioTrack,
  IRemoteAudioTrack,
  NetworkQuality,
} from 'agora-rtc-sdk-ng';
import type { RelayError, RelayEvent, RelayState, SdkErrorCode } from './relay-enums.js';
import type {
  ControlledSdk,
  ControlledTrack,
  DeviceTrack,
  ManagedClient,
  ManagedSdk,
  NetworkQualityStats,
  RelayClient,
  RelaySdk,
  RemoteTrack,
  StreamTypeClient,
} from './sdk-types.js';

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type SdkTypeChecks = [
  Assert<Equal<`${ChannelMediaRelayState}`, RelayState>>,
  Assert<Equal<`${ChannelMediaRelayError}`, RelayError>>,
  Assert<Equal<`${ChannelMediaRelayEvent}`, RelayEvent>>,
  Assert<SdkErrorCode extends `${AgoraRTCErrorCode}` ? true : false>,
  Assert<IAgoraRTCClient extends RelayClient ? true : false>,
  Assert<IAgoraRTC extends RelaySdk ? true : false>,
  Assert<IAgoraRTCClient extends ManagedClient ? true : false>,
  Assert<IAgoraRTC extends ManagedSdk ? true : false>,
  Assert<IAgoraRTCClient extends StreamTypeClient ? true : false>,
  Assert<IRemoteAudioTrack extends RemoteTrack ? true : false>,
  Assert<NetworkQuality extends NetworkQualityStats ? true : false>,
  Assert<IAgoraRTC extends ControlledSdk ? true : false>,
  Assert<ICameraVideoTrack extends DeviceTrack ? true : false>,
  Assert<IMicrophoneAudioTrack extends DeviceTrack ? true : false>,
  Assert<ILocalVideoTrack extends ControlledTrack ? true : false>,
];
