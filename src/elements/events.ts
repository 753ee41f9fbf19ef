// The DOM events the elements dispatch: bubbling and composed, so a listener on any ancestor (or a framework's
// declarative binding) hears them through shadow roots. Their details are the core's, minus anything internal.
import type { DestinationStatus, RelayErrorDetail, RelayEventDetail, RelayStateDetail } from '../core/index.js';
import type { ConnectionStateDetail, DevicesDetail, RemoteUserDetail } from '../core/managed-host.js';
import type { NetworkQualityDetail } from '../core/network-quality.js';

export type { NetworkQualityDetail } from '../core/network-quality.js';
export type { ConnectionStateDetail, DeviceEntry, DevicesDetail, RemoteUserDetail } from '../core/managed-host.js';

/** Why screen sharing stopped without the page removing `screen-share`. */
export interface ScreenShareEndedDetail {
  reason: 'ended' | 'failed';
}

export interface DestinationStatusEventDetail {
  channelName: string;
  status: DestinationStatus;
  error?: { code: string; message: string };
}

export interface AgoraRelayEventMap {
  'channel-media-relay-state': CustomEvent<RelayStateDetail>;
  'channel-media-relay-event': CustomEvent<RelayEventDetail>;
  'agora-relay-error': CustomEvent<RelayErrorDetail>;
  'agora-relay-destination-status': CustomEvent<DestinationStatusEventDetail>;
  /** Managed mode: the SDK client's events, mirrored. */
  'connection-state-change': CustomEvent<ConnectionStateDetail>;
  'user-joined': CustomEvent<RemoteUserDetail>;
  'user-left': CustomEvent<RemoteUserDetail>;
  'user-published': CustomEvent<RemoteUserDetail>;
  'user-unpublished': CustomEvent<RemoteUserDetail>;
  /** Managed host and audience: the SDK's `network-quality`, every 2 s once joined. */
  'network-quality': CustomEvent<NetworkQualityDetail>;
  /** Managed mode controls: the cameras and microphones; screen sharing stopped by the browser. */
  'devices-change': CustomEvent<DevicesDetail>;
  'screen-share-ended': CustomEvent<ScreenShareEndedDetail>;
}

/** The managed-mode events the host mirrors from its client. */
export const CLIENT_EVENTS = [
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
] as const;

export function emit<K extends keyof AgoraRelayEventMap>(
  target: EventTarget,
  type: K,
  detail: AgoraRelayEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Fired by a destination when any of its inputs changed; the host listens for it. Internal, not composed. */
export const DESTINATION_CHANGE = 'agora-relay-destination-change';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends AgoraRelayEventMap {}
}
