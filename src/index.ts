// agora-relay-elements: importing this registers <agora-relay-host> and <agora-relay-destination>.
// It never loads the SDK (that happens when a relay first needs it) and is safe to import in Node.
import './elements/define.js';

export { AgoraRelayHost } from './elements/agora-relay-host.js';
export { AgoraRelayDestination } from './elements/agora-relay-destination.js';
export type { AgoraRelayEventMap, DestinationStatusEventDetail } from './elements/events.js';
export * from './core/index.js';
