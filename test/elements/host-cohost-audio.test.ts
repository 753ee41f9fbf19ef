// <agora-relay-host> managed mode on the fake SDK: the co-hosts' audio on this page (cohost-volume, the mute button
// in each co-host's tile, setCohostVolume / setCohostMuted) and the network-quality event.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';
import { activatePage, trustedClick } from './audience-fixture.js';

async function mountHost(setup: (element: AgoraRelayHost) => void = () => undefined) {
  const AgoraRTC = createFakeAgoraRTC();
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    return client;
  }) as FakeAgoraRTC['createClient'];
  const element = await fixture<AgoraRelayHost>(html`
    <agora-relay-host channel-name="stage-a">
      <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
    </agora-relay-host>
  `);
  const errors: Record<string, unknown>[] = [];
  const qualities: Record<string, unknown>[] = [];
  element.addEventListener('agora-relay-error', (event) => errors.push(event.detail as never));
  element.addEventListener('network-quality', (event) => qualities.push(event.detail as never));
  element.sdk = AgoraRTC;
  setup(element);
  element.appId = 'app-id';
  const client = () => clients[0] as FakeClient;
  await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run');
  return { element, client, errors, qualities };
}

/** A co-host relayed in: joins and publishes audio and video; resolves once its tile shows. */
async function cohostArrives(element: AgoraRelayHost, client: FakeClient, uid: number) {
  client.fake.addRemoteUser(uid);
  client.fake.publishRemote(uid, 'video');
  client.fake.publishRemote(uid, 'audio');
  await until(() => !!muteButton(element, uid), `co-host ${uid}'s tile with its mute button`);
}

/** The co-host's audio track's volume as setVolume took it (getVolume() is the audio element's, 0 to 1, as the SDK's). */
const volumeOf = (client: FakeClient, uid: number) => {
  const volume = client.remoteUsers.find((user) => user.uid === uid)?.audioTrack?.getVolume();
  return volume === undefined ? undefined : Math.round(volume * 100);
};
const muteButton = (element: AgoraRelayHost, uid: number) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`[part="remote"][data-uid="${uid}"] [part="cohost-mute"]`);

describe('<agora-relay-host> managed mode: co-hosts’ audio on this page', () => {
  before(activatePage);

  it('cohost-volume applies to co-hosts already there, to co-hosts who come later, and when changed live', async () => {
    const { element, client } = await mountHost((host) => host.setAttribute('cohost-volume', '40'));
    await cohostArrives(element, client(), 77);
    expect(volumeOf(client(), 77)).to.equal(40);
    element.setAttribute('cohost-volume', '70');
    await until(() => volumeOf(client(), 77) === 70, 'the new volume on the co-host there');
    await cohostArrives(element, client(), 78);
    await until(() => volumeOf(client(), 78) === 70, 'the volume on a co-host who came later');
    element.cohostVolume = 0;
    await until(() => volumeOf(client(), 77) === 0 && volumeOf(client(), 78) === 0, 'silence for all');
    // What the audience hears is the co-host's own published track, which this page cannot reach: only the
    // subscribed (remote) tracks on this client were touched.
    expect(client().localTracks.every((track) => track.getVolume() === 1), 'own tracks untouched').to.be.true;
  });

  it('the fake’s remote audio track takes any volume as the real one does (cohost-media.chromium.test.ts)', async () => {
    const { element, client } = await mountHost();
    await cohostArrives(element, client(), 77);
    const track = client().remoteUsers.find((user) => user.uid === 77)!.audioTrack!;
    const taken = [150, -1, 1.5].map((volume) => (track.setVolume(volume), track.getVolume()));
    expect(taken).to.deep.equal([1, 0, 0.015]);
  });

  for (const bad of ['150', '-1', 'loud', '1.5']) {
    it(`cohost-volume="${bad}" is an INVALID_VOLUME error naming the attribute, and the volume stays`, async () => {
      const { element, client, errors } = await mountHost((host) => host.setAttribute('cohost-volume', '30'));
      await cohostArrives(element, client(), 77);
      element.setAttribute('cohost-volume', bad);
      await until(() => errors.length > 0, 'the error');
      expect(errors).to.deep.equal([
        {
          code: 'INVALID_VOLUME',
          message: `cohost-volume ${JSON.stringify(bad)} must be a whole number from 0 to 100; the volume stays as it was.`,
          operation: 'validate',
        },
      ]);
      expect(volumeOf(client(), 77)).to.equal(30);
      expect(element.state, 'the relay runs on').to.equal('RELAY_STATE_RUNNING');
      const status = () => element.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';
      await until(() => status().startsWith('A co-host volume'), 'the status line');
      expect(status()).to.equal(
        'A co-host volume is not allowed. Set cohost-volume (or the volume given to setCohostVolume) to a whole number from 0 to 100; the volume stays as it was.',
      );
      // Reported once, not on every render.
      element.requestUpdate();
      await element.updateComplete;
      expect(errors.length).to.equal(1);
      element.setAttribute('cohost-volume', '60');
      await until(() => volumeOf(client(), 77) === 60, 'a good value after the bad one');
    });
  }

  it('the mute button in a co-host’s tile is on screen, labelled, and mutes that co-host only', async () => {
    const { element, client } = await mountHost();
    await cohostArrives(element, client(), 77);
    await cohostArrives(element, client(), 78);
    const button = muteButton(element, 77)!;
    expect(button.getAttribute('aria-label')).to.equal('Mute co-host 77');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent?.trim()).to.equal('Mute');
    const rect = button.getBoundingClientRect();
    expect(rect.width > 0 && rect.height > 0, 'the button has a size').to.be.true;
    // A trusted click at its centre: only lands on the button if nothing (the video) covers it.
    await trustedClick(button);
    await until(() => muteButton(element, 77)?.getAttribute('aria-pressed') === 'true', 'aria-pressed to flip');
    expect(volumeOf(client(), 77)).to.equal(0);
    expect(volumeOf(client(), 78), 'the other co-host untouched').to.equal(100);
    await trustedClick(muteButton(element, 77)!);
    await until(() => muteButton(element, 77)?.getAttribute('aria-pressed') === 'false', 'aria-pressed back');
    expect(volumeOf(client(), 77)).to.equal(100);
  });

  it('a mute outlives a volume change, and the video still plays beside the button', async () => {
    const { element, client } = await mountHost();
    await cohostArrives(element, client(), 77);
    element.setCohostMuted(77, true);
    await until(() => volumeOf(client(), 77) === 0, 'muted');
    element.setAttribute('cohost-volume', '50');
    await element.updateComplete;
    expect(volumeOf(client(), 77)).to.equal(0);
    expect(muteButton(element, 77)?.getAttribute('aria-pressed')).to.equal('true');
    const video = element.shadowRoot!.querySelector<HTMLVideoElement>('[part="remote"][data-uid="77"] video');
    // A decoded frame (HAVE_CURRENT_DATA, with its size), playing: the button did not take the video's place.
    await until(() => !!video && video.readyState >= 2 && video.videoWidth > 0 && !video.paused, 'a frame in the tile', 10_000);
  });

  it('setCohostVolume sets one co-host’s volume on top of cohost-volume, before or after it arrives', async () => {
    const { element, client, errors } = await mountHost((host) => {
      host.setAttribute('cohost-volume', '50');
      host.setCohostVolume(78, 40);
    });
    await cohostArrives(element, client(), 77);
    await cohostArrives(element, client(), 78);
    await until(() => volumeOf(client(), 78) === 20, '50 × 40 %');
    expect(volumeOf(client(), 77)).to.equal(50);
    element.setCohostVolume(77, 101);
    await until(() => errors.length > 0, 'the error');
    expect(errors[0]).to.deep.include({ code: 'INVALID_VOLUME', operation: 'validate' });
    expect(errors[0]?.message).to.contain('setCohostVolume("77")');
    expect(volumeOf(client(), 77)).to.equal(50);
  });

  it('mirrors the SDK’s network-quality as { uplink, downlink }', async () => {
    const { client, qualities } = await mountHost();
    client().fake.emitNetworkQuality(1, 3);
    client().fake.emitNetworkQuality(6, 0);
    expect(qualities).to.deep.equal([
      { uplink: 1, downlink: 3 },
      { uplink: 6, downlink: 0 },
    ]);
  });

  it('stops listening to network-quality when removed', async () => {
    const { element, client } = await mountHost();
    expect(client().fake.listenerCount('network-quality')).to.equal(1);
    element.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
    expect(client().fake.listenerCount('network-quality')).to.equal(0);
  });
});
