// agora-relay-elements: importing this registers <agora-relay-host>, <agora-relay-destination> and
// <agora-relay-audience>.
// It never loads the SDK (that happens when a relay first needs it) and is safe to import in Node.
import './elements/define.js';

export { AgoraRelayHost } from './elements/agora-relay-host.js';
export { AgoraRelayDestination } from './elements/agora-relay-destination.js';
export { AgoraRelayAudience } from './elements/agora-relay-audience.js';
export type {
  AgoraRelayEventMap,
  ConnectionStateDetail,
  DestinationStatusEventDetail,
  NetworkQualityDetail,
  DeviceEntry,
  DevicesDetail,
  RemoteUserDetail,
  ScreenShareEndedDetail,
} from './elements/events.js';
export type { PageTracks } from './core/local-media.js';
// Types only: the audience's viewer itself is loaded lazily, when an audience is first used.
export type { AudienceClient, AudienceSdk } from './core/audience-viewer.js';
export * from './core/index.js';
