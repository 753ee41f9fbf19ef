// React 19 JSX typings for <agora-relay-host>, <agora-relay-destination> and <agora-relay-audience>. Load them once in the app:
//   import type {} from 'agora-relay-elements/types/react';
// React 19 sets a prop as a property when the element (already defined: import 'agora-relay-elements' first) has it,
// else as an attribute; `on` + an event's name adds a listener for that event.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
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

export type AgoraRelayHostProps = DetailedHTMLProps<HTMLAttributes<AgoraRelayHost>, AgoraRelayHost> &
  AgoraRelayHostAttributes &
  AgoraRelayHostProperties &
  OnEventProps<AgoraRelayHostEvents, AgoraRelayHost>;

export type AgoraRelayDestinationProps = DetailedHTMLProps<
  HTMLAttributes<AgoraRelayDestination>,
  AgoraRelayDestination
> &
  AgoraRelayDestinationAttributes &
  AgoraRelayDestinationProperties &
  OnEventProps<AgoraRelayDestinationEvents, AgoraRelayDestination>;

export type AgoraRelayAudienceProps = DetailedHTMLProps<HTMLAttributes<AgoraRelayAudience>, AgoraRelayAudience> &
  AgoraRelayAudienceAttributes &
  AgoraRelayAudienceProperties &
  OnEventProps<AgoraRelayAudienceEvents, AgoraRelayAudience>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'agora-relay-host': AgoraRelayHostProps;
      'agora-relay-destination': AgoraRelayDestinationProps;
      'agora-relay-audience': AgoraRelayAudienceProps;
      'agora-relay-label': DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & AgoraRelayLabelAttributes;
    }
  }
}
