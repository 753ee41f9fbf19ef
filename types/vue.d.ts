// Vue 3 typings for <agora-relay-host>, <agora-relay-destination> and <agora-relay-audience> in templates (GlobalComponents, read by vue-tsc
// and Vue's editor tooling). Load them once in the app:
//   import type {} from 'agora-relay-elements/types/vue';
// Tell Vue's compiler the tags are custom elements: compilerOptions.isCustomElement = (tag) => tag.startsWith('agora-relay-').
// Vue sets a binding as a property only when the element has that exact key: write `:client`, `:tokenProvider`
// (or `.tokenProvider`); `:token-provider` would become an attribute. Listen with `@channel-media-relay-state`.
import type { AllowedComponentProps, ComponentCustomProps, HTMLAttributes, VNodeProps } from 'vue';
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
  ElementEvent,
} from './elements.js';

/** kebab-case → CamelCase, as Vue names an event's listener prop (`@user-joined` → `onUserJoined`). */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Camel<Tail>}` : Capitalize<S>;

/** The listener props Vue's template checker looks up for `@event-name`. */
type VueListeners<Events, Element extends EventTarget> = {
  [K in keyof Events & string as `on${Camel<K>}`]?: (event: ElementEvent<Events[K] & Event, Element>) => void;
};

/** A custom element as a global component: its instance is the element, its `$props` what a template may bind. */
export type VueCustomElement<Element extends HTMLElement, Props> = new () => Element & {
  /** For template type checking only: the element has no `$props` at run time. */
  $props: HTMLAttributes & VNodeProps & AllowedComponentProps & ComponentCustomProps & Props;
};

export type AgoraRelayHostVueProps = AgoraRelayHostAttributes &
  AgoraRelayHostProperties &
  VueListeners<AgoraRelayHostEvents, AgoraRelayHost>;

export type AgoraRelayDestinationVueProps = AgoraRelayDestinationAttributes &
  AgoraRelayDestinationProperties &
  VueListeners<AgoraRelayDestinationEvents, AgoraRelayDestination>;

export type AgoraRelayAudienceVueProps = AgoraRelayAudienceAttributes &
  AgoraRelayAudienceProperties &
  VueListeners<AgoraRelayAudienceEvents, AgoraRelayAudience>;

declare module 'vue' {
  interface GlobalComponents {
    'agora-relay-host': VueCustomElement<AgoraRelayHost, AgoraRelayHostVueProps>;
    'agora-relay-destination': VueCustomElement<AgoraRelayDestination, AgoraRelayDestinationVueProps>;
    'agora-relay-audience': VueCustomElement<AgoraRelayAudience, AgoraRelayAudienceVueProps>;
    'agora-relay-label': VueCustomElement<HTMLElement, AgoraRelayLabelAttributes>;
  }
}
