// The CDN build's entry (rollup.config.mjs → dist/cdn/agora-relay-elements.js): the tags registered and the element
// classes exported, so a page's one script tag fetches Lit and the classes only; all the rest loads on first use.
// The npm entry (index.ts) also re-exports the core (RelaySession and its helpers), which would put all of it here.
import type { loadAgoraRTC as load } from './core/load-sdk.js';
import './elements/define.js';

export { AgoraRelayHost } from './elements/agora-relay-host.js';
export { AgoraRelayDestination } from './elements/agora-relay-destination.js';
export { AgoraRelayAudience } from './elements/agora-relay-audience.js';

/**
 * The AgoraRTC namespace, found the way the host finds it (core/load-sdk.ts). Through the host's chunk, which a page
 * loading the SDK is about to need: a dynamic import of load-sdk.js itself would make it a chunk, and every relay's
 * path one request longer.
 */
export const loadAgoraRTC: typeof load = (...args) =>
  import('./elements/host-controller.js').then((module) => module.loadAgoraRTC(...args));
