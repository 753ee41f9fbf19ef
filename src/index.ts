// agora-relay-elements: importing this registers <agora-relay-host>, <agora-relay-destination> and
// <agora-relay-audience>.
// It never loads the SDK (that happens when a relay first needs it) and is safe to import in Node.
import './elements/define.js';

export { AgoraRelayHost } from './elements/agora-relay-host.js';
export { AgoraRelayDestination } from './elements/agora-relay-destination.js';
export { AgoraRelayAudience } from './elements/agora-relay-audience.js';
export type { AgoraRelayEventMap, DestinationStatusEventDetail } from './elements/events.js';
export * from './core/index.js';
