/* global document, location, customElements */
// Drives audience.html for test/node/cdn.test.mjs; ?mode= picks what happens:
//   watch       window.AgoraRTC is the offline fake (as Agora's own script tag would set it), then the CDN entry loads
//               after the markup: the audience joins, shows stage-b's own host and stage-a's relayed in, labelled
//   no-script   the entry never runs (stripped by the CMS, blocked, a 404): the reader sees the fallback text
// window.__done resolves with what the page shows.
import { createFakeAgoraRTC } from '/dist/testing/fake/create-fake-agora-rtc.js';

const mode = new URLSearchParams(location.search).get('mode') ?? 'watch';
const until = async (check, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};
const text = (element) => element?.innerText?.replace(/\s+/g, ' ').trim() ?? '';
const status = (audience) => text(audience.shadowRoot?.querySelector('[part="status"]'));

async function run() {
  const [audience, broken] = document.querySelectorAll('agora-relay-audience');
  if (mode === 'no-script') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { defined: !!customElements.get('agora-relay-audience'), visible: text(audience), brokenVisible: text(broken) };
  }
  const AgoraRTC = createFakeAgoraRTC();
  window.AgoraRTC = AgoraRTC;
  await import('/dist/cdn/agora-relay-elements.js');
  await customElements.whenDefined('agora-relay-audience');
  await until(() => status(audience).startsWith('Connected'));
  const waiting = status(audience);
  const client = AgoraRTC.fake.clients[0];
  for (const uid of [2001, 1001]) {
    client.fake.addRemoteUser(uid);
    client.fake.publishRemote(uid, 'video');
  }
  await until(() => audience.shadowRoot.querySelectorAll('[part="remote"] video').length === 2);
  await until(() => status(broken).startsWith('No App ID'));
  return {
    waiting,
    live: status(audience),
    labels: [...audience.shadowRoot.querySelectorAll('[part="label"]')].map(text),
    videos: audience.shadowRoot.querySelectorAll('[part="remote"] video').length,
    role: client.role,
    broken: status(broken),
    fallbackShown: text(audience).includes('did not load'),
  };
}

window.__done = run();
