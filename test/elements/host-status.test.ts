import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { describeError, describeStatus } from '../../src/core/messages.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { makeHost, until } from '../core/session-fixture.js';

/** A fake SDK that lets the test reach each client it makes before the host uses it. */
function fakeWith(onClient: (client: FakeClient) => void = () => undefined) {
  const AgoraRTC = createFakeAgoraRTC();
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    onClient(client);
    return client;
  }) as FakeAgoraRTC['createClient'];
  return AgoraRTC;
}

async function mountManaged(AgoraRTC: FakeAgoraRTC) {
  const element = await fixture<AgoraRelayHost>(html`<agora-relay-host channel-name="stage-a"></agora-relay-host>`);
  element.sdk = AgoraRTC;
  element.appId = 'app-id';
  return element;
}

const statusOf = (element: AgoraRelayHost) => element.shadowRoot!.querySelector<HTMLElement>('[part="status"]');
const textOf = (element: AgoraRelayHost) => statusOf(element)?.textContent?.trim() ?? '';
const errorWords = (code: string) => {
  const words = describeError({ code, message: '' });
  return `${words.title} ${words.action}`;
};

async function untilSays(element: AgoraRelayHost, text: string) {
  await until(() => textOf(element) === text, `the status to say "${text}" (it says "${textOf(element)}")`);
}

function addDestination(element: AgoraRelayHost, channelName: string) {
  const destination = document.createElement('agora-relay-destination');
  destination.setAttribute('channel-name', channelName);
  element.append(destination);
}

describe('<agora-relay-host app-id> status line', () => {
  it('says connecting, then live, then relaying to 2 channels, in a polite live region', async () => {
    let join: { release(): void } | undefined;
    const element = await mountManaged(fakeWith((client) => (join = client.fake.hold('join'))));
    await untilSays(element, describeStatus('connecting', { channel: 'stage-a' }));
    expect(textOf(element)).to.equal('Connecting to “stage-a”…');
    const status = statusOf(element)!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.dataset.kind).to.equal('info');
    join!.release();
    await untilSays(element, describeStatus('on-air', { channel: 'stage-a' }));
    await expect(element).to.be.accessible();
    addDestination(element, 'stage-b');
    await untilSays(element, describeStatus('relaying', { n: 1 }));
    addDestination(element, 'stage-c');
    await untilSays(element, 'Live. Relaying to 2 channels.');
    expect(statusOf(element)!.dataset.kind).to.equal('info');
    await expect(element).to.be.accessible();
  });

  it('shows a refused join in the catalogue’s words, with what to do', async () => {
    const element = await mountManaged(fakeWith((client) => client.fake.failNext('join', 'CAN_NOT_GET_GATEWAY_SERVER')));
    await untilSays(element, errorWords('CAN_NOT_GET_GATEWAY_SERVER'));
    expect(textOf(element)).to.contain('Agora gave no server to join.');
    expect(statusOf(element)!.dataset.kind).to.equal('error');
    await expect(element).to.be.accessible();
  });

  it('keeps a refused camera on screen while the microphone relays', async () => {
    const AgoraRTC = fakeWith();
    AgoraRTC.fake.failNextTrack('camera', 'PERMISSION_DENIED');
    const element = await mountManaged(AgoraRTC);
    addDestination(element, 'stage-b');
    await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run');
    await untilSays(element, errorWords('PERMISSION_DENIED'));
    expect(textOf(element)).to.contain('The camera or microphone was refused.');
  });

  it('shows a relay failure, then drops it once the relay runs again', async () => {
    const clients: FakeClient[] = [];
    const element = await mountManaged(fakeWith((made) => clients.push(made)));
    addDestination(element, 'stage-b');
    await untilSays(element, describeStatus('relaying', { n: 1 }));
    clients[0]!.fake.relayFail('DEST_TOKEN_EXPIRED');
    await untilSays(element, errorWords('RELAY_FAILURE'));
    expect(statusOf(element)!.dataset.kind).to.equal('error');
    // Managed mode leaves and joins again after 1 s; the new join starts with a clean status.
    await until(() => clients.length === 2, 'the new join', 4000);
    await untilSays(element, describeStatus('relaying', { n: 1 }));
  });

  it('renders no status when the page brings its own client', async () => {
    const { AgoraRTC, client } = await makeHost({ publish: true });
    const element = await fixture<AgoraRelayHost>(html`
      <agora-relay-host channel-name="stage-a">
        <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    element.sdk = AgoraRTC;
    element.client = client;
    element.appId = 'app-id';
    await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run');
    await element.updateComplete;
    expect(statusOf(element)).to.equal(null);
    expect([...element.shadowRoot!.children].map((child) => child.localName)).to.deep.equal(['slot']);
  });
});
