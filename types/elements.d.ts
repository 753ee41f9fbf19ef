// What the elements accept, independent of any framework: the attributes a template writes (kebab-case), the
// properties a framework sets on the element (camelCase: objects and functions only ever work as properties), and the
// events they dispatch. react.d.ts, vue.d.ts and svelte.d.ts beside this file give it the shape each framework reads.
import type { AgoraRelayAudience, AgoraRelayDestination, AgoraRelayEventMap, AgoraRelayHost } from '../dist/index.js';

/** `<agora-relay-host>`'s attributes, as written in a template. */
export interface AgoraRelayHostAttributes {
  'channel-name'?: string;
  uid?: string | number;
  token?: string;
  disabled?: boolean;
  'app-id'?: string;
  'join-uid'?: string | number;
  'join-token'?: string;
  'join-timeout'?: string | number;
  'token-url'?: string;
  /** Managed mode: the co-hosts' audio on this page, 0–100. */
  'cohost-volume'?: string | number;
  /** Managed mode: also publish a low stream for small audience tiles. */
  'dual-stream'?: boolean;
  preview?: boolean;
  'microphone-muted'?: boolean;
  'camera-off'?: boolean;
  'camera-id'?: string;
  'microphone-id'?: string;
  'screen-share'?: boolean;
}

/** `<agora-relay-host>`'s writable properties, `client`, `sdk`, `tokenProvider` and `tracks` among them. */
export type AgoraRelayHostProperties = Partial<
  Pick<
    AgoraRelayHost,
    | 'channelName'
    | 'uid'
    | 'token'
    | 'disabled'
    | 'appId'
    | 'joinUid'
    | 'joinToken'
    | 'joinTimeout'
    | 'tokenUrl'
    | 'client'
    | 'sdk'
    | 'tokenProvider'
    | 'cohostVolume'
    | 'dualStream'
    | 'preview'
    | 'microphoneMuted'
    | 'cameraOff'
    | 'cameraId'
    | 'microphoneId'
    | 'screenShare'
    | 'tracks'
  >
>;

/** The events `<agora-relay-host>` dispatches (the destinations' status events bubble through it too). */
export type AgoraRelayHostEvents = Pick<
  AgoraRelayEventMap,
  | 'channel-media-relay-state'
  | 'channel-media-relay-event'
  | 'agora-relay-error'
  | 'agora-relay-destination-status'
  | 'connection-state-change'
  | 'user-joined'
  | 'user-left'
  | 'user-published'
  | 'user-unpublished'
  | 'network-quality'
  | 'devices-change'
  | 'screen-share-ended'
>;

/** `<agora-relay-destination>`'s attributes (`status` is reflected by the element, not written). */
export interface AgoraRelayDestinationAttributes {
  'channel-name'?: string;
  uid?: string | number;
  token?: string;
  disabled?: boolean;
}

/** `<agora-relay-destination>`'s writable properties. */
export type AgoraRelayDestinationProperties = Partial<
  Pick<AgoraRelayDestination, 'channelName' | 'uid' | 'token' | 'disabled'>
>;

/** The events `<agora-relay-destination>` dispatches. */
export type AgoraRelayDestinationEvents = Pick<AgoraRelayEventMap, 'agora-relay-destination-status'>;

/** `<agora-relay-audience>`'s attributes, as written in a template (`token` is read, never reflected). */
export interface AgoraRelayAudienceAttributes {
  'app-id'?: string;
  'channel-name'?: string;
  uid?: string | number;
  token?: string;
  'token-url'?: string;
  latency?: 'low' | 'ultra-low';
  muted?: boolean;
}

/** `<agora-relay-audience>`'s writable properties, `client`, `sdk` and `tokenProvider` among them. */
export type AgoraRelayAudienceProperties = Partial<
  Pick<
    AgoraRelayAudience,
    | 'appId'
    | 'channelName'
    | 'uid'
    | 'token'
    | 'tokenUrl'
    | 'latency'
    | 'muted'
    | 'client'
    | 'sdk'
    | 'tokenProvider'
  >
>;

/** The events `<agora-relay-audience>` dispatches. */
export type AgoraRelayAudienceEvents = Pick<
  AgoraRelayEventMap,
  | 'agora-relay-error'
  | 'connection-state-change'
  | 'user-joined'
  | 'user-left'
  | 'user-published'
  | 'user-unpublished'
  | 'network-quality'
>;

/**
 * `<agora-relay-label uid="1001">Stage B — Alice</agora-relay-label>`, a child of `<agora-relay-audience>` naming a
 * host's tile. Not a custom element of its own: the audience reads its `uid` and text.
 */
export interface AgoraRelayLabelAttributes {
  uid?: string | number;
}

/** An event as a listener receives it on `element`. */
export type ElementEvent<E extends Event, Element extends EventTarget> = E & { currentTarget: Element };

/**
 * `on` + the event's own name → its listener: how React 19, Preact and Svelte 5 bind a custom element's events
 * (`onchannel-media-relay-state={…}`; the name stays kebab-case and lowercase).
 */
export type OnEventProps<Events, Element extends EventTarget> = {
  [K in keyof Events & string as `on${K}`]?: (event: ElementEvent<Events[K] & Event, Element>) => void;
};
