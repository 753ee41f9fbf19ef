/* global document, location, customElements */
// Drives page.html for test/node/cdn.test.mjs; ?mode= picks what the page does after the CDN entry loaded:
//   idle        the elements are on the page, nothing asks for a relay yet
//   lazy-sdk    a joined, published client (the offline fake) and no SDK anywhere: the relay loads the SDK chunk
//   window-sdk  the same with window.AgoraRTC set (as Agora's own script tag does): the relay uses it
//   managed     window.AgoraRTC set and app-id on the host: managed mode (its own lazy chunk) joins and relays
// window.__done resolves with what happened: relay states and errors heard on the host.
import { createFakeAgoraRTC } from '/dist/testing/fake/create-fake-agora-rtc.js';

const mode = new URLSearchParams(location.search).get('mode') ?? 'idle';
const seen = { states: [], errors: [], defined: [] };
const until = async (check, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

async function run() {
  await customElements.whenDefined('agora-relay-host');
  seen.defined = ['agora-relay-host', 'agora-relay-destination'].filter((tag) => customElements.get(tag));
  const host = document.querySelector('agora-relay-host');
  host.addEventListener('channel-media-relay-state', (event) => seen.states.push(event.detail.state));
  host.addEventListener('agora-relay-error', (event) => seen.errors.push({ code: event.detail.code, operation: event.detail.operation, message: event.detail.message }));
  if (mode === 'idle') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return seen;
  }
  const AgoraRTC = createFakeAgoraRTC();
  if (mode === 'window-sdk' || mode === 'managed') window.AgoraRTC = AgoraRTC;
  if (mode === 'managed') {
    host.setAttribute('app-id', 'an-app-id');
    await until(() => seen.states.includes('RELAY_STATE_RUNNING'));
    seen.tiles = host.shadowRoot.querySelectorAll('[part="local"], [part="remotes"]').length;
    return seen;
  }
  const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
  await client.setClientRole('host');
  await client.join('app-id', 'stage-a', null, 1001);
  await client.publish([await AgoraRTC.createCameraVideoTrack()]);
  host.client = client;
  await host.start().catch(() => undefined);
  await until(() => seen.states.includes('RELAY_STATE_RUNNING') || seen.errors.length > 0);
  seen.calls = client.fake.calls.map((call) => call.method);
  return seen;
}

window.__done = run();
