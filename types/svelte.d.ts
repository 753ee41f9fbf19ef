// Svelte 5 typings for <agora-relay-host>, <agora-relay-destination> and <agora-relay-audience> (svelte/elements). Load them once in the app:
//   import type {} from 'agora-relay-elements/types/svelte';   (or list the file in tsconfig's "types")
// Svelte 5 sets a value as a property when the element has a setter for it (every property here is one), and
// `onchannel-media-relay-state={…}` listens for that event.
import type { HTMLAttributes } from 'svelte/elements';
import type { AgoraRelayAudience, AgoraRelayDestination, AgoraRelayHost } from '../dist/index.js';
import type {
  AgoraRelayAudienceAttributes,
  AgoraRelayLabelAttributes,
  AgoraRelayAudienceEvents,
  AgoraRelayAudienceProperties,
  AgoraRelayDestinationAttributes,
  AgoraRelayDestinationEvents,
  AgoraRelayDestinationProperties,
  AgoraRelayHostAttributes,
  AgoraRelayHostEvents,
  AgoraRelayHostProperties,
  OnEventProps,
} from './elements.js';

export type AgoraRelayHostSvelteAttributes = HTMLAttributes<AgoraRelayHost> &
  AgoraRelayHostAttributes &
  AgoraRelayHostProperties &
  OnEventProps<AgoraRelayHostEvents, AgoraRelayHost>;

export type AgoraRelayDestinationSvelteAttributes = HTMLAttributes<AgoraRelayDestination> &
  AgoraRelayDestinationAttributes &
  AgoraRelayDestinationProperties &
  OnEventProps<AgoraRelayDestinationEvents, AgoraRelayDestination>;

export type AgoraRelayAudienceSvelteAttributes = HTMLAttributes<AgoraRelayAudience> &
  AgoraRelayAudienceAttributes &
  AgoraRelayAudienceProperties &
  OnEventProps<AgoraRelayAudienceEvents, AgoraRelayAudience>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'agora-relay-host': AgoraRelayHostSvelteAttributes;
    'agora-relay-destination': AgoraRelayDestinationSvelteAttributes;
    'agora-relay-audience': AgoraRelayAudienceSvelteAttributes;
    'agora-relay-label': HTMLAttributes<HTMLElement> & AgoraRelayLabelAttributes;
  }
}
