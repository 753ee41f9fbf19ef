// Checked by test/node/framework-types.test.mjs with tsc and Svelte 5's svelte/elements: what the typings give the
// two tags (SvelteUsage.svelte shows them in a template, checked with svelte-check).
import type {} from 'agora-relay-elements/types/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { RelayState, TokenProvider } from 'agora-relay-elements';
import { createFakeAgoraRTC } from 'agora-relay-elements/testing';

type Host = SvelteHTMLElements['agora-relay-host'];
type Destination = SvelteHTMLElements['agora-relay-destination'];
type Audience = SvelteHTMLElements['agora-relay-audience'];

const AgoraRTC = createFakeAgoraRTC();
const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
const tokenProvider: TokenProvider = async () => 'token';
let state: RelayState = 'RELAY_STATE_IDLE';

export const host: Host = {
  'channel-name': 'stage-a',
  client,
  sdk: AgoraRTC,
  tokenProvider,
  'onchannel-media-relay-state': (event) => (state = event.detail.state),
  'onagora-relay-error': (event) => console.warn(event.detail.code, event.detail.operation),
};
export const destination: Destination = {
  'channel-name': 'stage-b',
  uid: 42,
  'onagora-relay-destination-status': (event) => event.detail.status,
};
export const audience: Audience = {
  'app-id': 'app',
  'channel-name': 'stage-b',
  latency: 'low',
  muted: true,
  sdk: AgoraRTC,
  tokenProvider,
  'onuser-published': (event) => event.detail.uid,
  'onagora-relay-error': (event) => event.detail.code,
};
export const current = () => state;

// @ts-expect-error a client is an object, not a string
export const badClient: Host = { client: 'client' };
// @ts-expect-error tokenProvider is a function
export const badProvider: Host = { tokenProvider: 'token' };
// @ts-expect-error the state event's detail has no `status`
export const badDetail: Host = { 'onchannel-media-relay-state': (event) => event.detail.status };
// @ts-expect-error status is read-only: the element reflects it
export const badStatus: Destination = { status: 'relaying' };
// @ts-expect-error latency is "low" or "ultra-low"
export const badLatency: Audience = { latency: 'fast' };
