// The local Agora stand-in, Node side (agora-relay-elements/testing, test-only).
export { startAgoraStandIn } from './start-agora-stand-in.js';
export type { AgoraStandIn } from './start-agora-stand-in.js';
export { agoraStandInPlugin } from './wtr-plugin.js';
export type { AgoraStandInPluginOptions } from './wtr-plugin.js';
export type * from '../controls.js';
