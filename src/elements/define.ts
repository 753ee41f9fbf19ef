// Registration, the package's only side effect. Guarded: a second copy of the library on the page (two bundles,
// a CMS embed next to an app) warns instead of throwing, and the first copy keeps the tags.
import { AgoraRelayAudience } from './agora-relay-audience.js';
import { AgoraRelayDestination } from './agora-relay-destination.js';
import { AgoraRelayHost } from './agora-relay-host.js';

/** Defines a tag unless it is defined already; another class under the tag gets a warning, never a throw. */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`<${tag}> is already defined by another copy of agora-relay-elements; keeping the first one.`);
    return;
  }
  registry.define(tag, element);
}

defineOnce('agora-relay-destination', AgoraRelayDestination);
defineOnce('agora-relay-host', AgoraRelayHost);
defineOnce('agora-relay-audience', AgoraRelayAudience);

declare global {
  interface HTMLElementTagNameMap {
    'agora-relay-host': AgoraRelayHost;
    'agora-relay-destination': AgoraRelayDestination;
    'agora-relay-audience': AgoraRelayAudience;
  }
}
