// <agora-relay-audience> on the offline fake SDK: joining as audience, one tile per host (the channel's own and the
// ones relayed in), labels, following publish/unpublish/leave, the status line, muting, removal and moves.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import { until } from '../core/session-fixture.js';
import {
  activatePage,
  audienceFake,
  details,
  hostPublishes,
  labelOf,
  mountAudience,
  shadow,
  statusOf,
  statusText,
  tileUids,
  unmuteButton,
} from './audience-fixture.js';

const joined = (fake: { clients: { connectionState: string }[] }) =>
  fake.clients[0]?.connectionState === 'CONNECTED';

describe('<agora-relay-audience> on the fake SDK', () => {
  // The browser would refuse to start the hosts' audio on a page nobody touched (audience-autoplay.test.ts).
  before(activatePage);

  it('joins a live client as audience with latency level 1 by default, and says it waits for hosts', async () => {
    const { element, client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    expect(client().mode).to.equal('live');
    expect(client().codec).to.equal('vp8');
    expect(client().role).to.equal('audience');
    expect(client().audienceLevel).to.equal(1);
    expect(client().channelName).to.equal('stage-b');
    await until(() => statusText(element).includes('Waiting'), 'the waiting status');
    expect(statusText(element)).to.equal('Connected to “stage-b”. Waiting for a host to start.');
    expect(statusOf(element)?.getAttribute('role')).to.equal('status');
    expect(statusOf(element)?.getAttribute('aria-live')).to.equal('polite');
  });

  it('latency="ultra-low" asks for level 2', async () => {
    const { client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b', latency: 'ultra-low' });
    await until(() => joined({ clients }), 'the join');
    expect(client().audienceLevel).to.equal(2);
  });

  it('says it is connecting while the join is under way', async () => {
    const fake = audienceFake(undefined, (client) => client.fake.hold('join'));
    const { element } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' }, fake);
    await until(() => statusText(element).startsWith('Connecting'), 'the connecting status');
    expect(statusText(element)).to.equal('Connecting to “stage-b”…');
  });

  it('shows one tile per host: the channel’s own and one relayed in, each labelled with its uid', async () => {
    const { element, client, clients, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    hostPublishes(client(), 2001);
    hostPublishes(client(), 1001);
    await until(() => tileUids(element).length === 2, 'two tiles');
    expect(tileUids(element)).to.deep.equal(['2001', '1001']);
    expect(labelOf(element, 2001)).to.equal('2001');
    expect(labelOf(element, 1001)).to.equal('1001');
    await until(() => !!shadow(element).querySelector('[data-uid="1001"] video'), 'the video of 1001');
    expect(statusText(element)).to.equal('Live: watching 2 hosts.');
    const audio = client().remoteUsers.map((user) => user.audioTrack?.isPlaying);
    expect(audio, 'each host’s audio plays').to.deep.equal([true, true]);
    expect(details(seen, 'user-joined')).to.deep.equal([{ uid: 2001 }, { uid: 1001 }]);
    expect(details(seen, 'user-published')).to.have.length(4);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('names hosts from <agora-relay-label> children, and follows changes to them', async () => {
    const { element, client, clients } = await mountAudience(
      { 'app-id': 'app', 'channel-name': 'stage-b' },
      undefined,
      '<agora-relay-label uid="1001">Stage A — Alice</agora-relay-label><agora-relay-label uid="2001">Stage B — Bo</agora-relay-label>',
    );
    await until(() => joined({ clients }), 'the join');
    hostPublishes(client(), 1001);
    await until(() => tileUids(element).length === 1, 'a tile');
    expect(labelOf(element, 1001)).to.equal('Stage A — Alice');
    expect(shadow(element).querySelector('[data-uid="1001"]')?.textContent?.trim()).to.equal('Stage A — Alice');
    (element.querySelector('agora-relay-label[uid="1001"]') as HTMLElement).textContent = 'Stage A — Ann';
    await until(() => labelOf(element, 1001) === 'Stage A — Ann', 'the new label');
    const label = document.createElement('agora-relay-label');
    label.setAttribute('uid', '3003');
    label.textContent = 'Stage C — Cy';
    element.append(label);
    hostPublishes(client(), 3003, ['video']);
    await until(() => labelOf(element, 3003) === 'Stage C — Cy', 'the added label');
  });

  it('shows an audio-only host as a labelled placeholder, and gives it video when it publishes video', async () => {
    const { element, client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    hostPublishes(client(), 1001, ['audio']);
    await until(() => tileUids(element).length === 1, 'a tile');
    const placeholder = shadow(element).querySelector('[data-uid="1001"] [part="placeholder"]');
    expect(placeholder?.textContent?.trim()).to.equal('1001');
    client().fake.publishRemote(1001, 'video');
    await until(() => !!shadow(element).querySelector('[data-uid="1001"] video'), 'the video');
    expect(shadow(element).querySelector('[data-uid="1001"] [part="placeholder"]')).to.equal(null);
  });

  it('takes a tile away when its host unpublishes everything or leaves', async () => {
    const { element, client, clients, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    hostPublishes(client(), 1001);
    hostPublishes(client(), 2001);
    await until(() => tileUids(element).length === 2, 'two tiles');
    client().fake.unpublishRemote(1001, 'video');
    client().fake.unpublishRemote(1001, 'audio');
    await until(() => tileUids(element).length === 1, 'one tile');
    expect(tileUids(element)).to.deep.equal(['2001']);
    client().fake.removeRemoteUser(2001);
    await until(() => tileUids(element).length === 0, 'no tile');
    expect(details(seen, 'user-left')).to.deep.equal([{ uid: 2001, reason: 'Quit' }]);
    expect(details(seen, 'user-unpublished').map(({ uid }) => uid)).to.deep.equal([1001, 1001, 2001, 2001]);
    expect(statusText(element)).to.equal('Connected to “stage-b”. Waiting for a host to start.');
  });

  it('mirrors the connection state, and says it reconnects when the connection drops', async () => {
    const { element, client, clients, seen } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    client().fake.dropGatewaySocket();
    await until(() => statusText(element).startsWith('Connection lost'), 'the reconnecting status');
    await until(() => statusText(element).startsWith('Connected'), 'connected again');
    expect(details(seen, 'connection-state-change').map(({ state }) => state)).to.deep.equal([
      'CONNECTING',
      'CONNECTED',
      'RECONNECTING',
      'CONNECTED',
    ]);
  });

  it('muted: the hosts’ audio does not play until the Unmute control is pressed', async () => {
    const { element, client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b', muted: true });
    await until(() => joined({ clients }), 'the join');
    hostPublishes(client(), 1001);
    await until(() => tileUids(element).length === 1, 'a tile');
    const track = () => client().remoteUsers[0]?.audioTrack;
    await until(() => !!track(), 'the audio track');
    expect(track()?.isPlaying).to.equal(false);
    const button = unmuteButton(element);
    expect(button?.textContent?.trim()).to.equal('Unmute');
    expect(button?.localName).to.equal('button');
    expect(statusText(element)).to.equal('Live: watching 1 host. Sound is off. Press “Unmute” to hear the hosts.');
    button?.click();
    await until(() => track()?.isPlaying === true, 'the audio to play');
    expect(element.muted).to.equal(false);
    expect(element.hasAttribute('muted')).to.equal(false);
    await until(() => !unmuteButton(element), 'the control to go');
    element.muted = true;
    await until(() => track()?.isPlaying === false, 'the audio to stop');
  });

  it('leaves when removed, and removes its listeners from the client', async () => {
    const { element, client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    expect(client().fake.listenerCount()).to.be.greaterThan(0);
    element.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
    expect(client().fake.listenerCount()).to.equal(0);
  });

  it('a move is not a removal: it stays joined on the same client', async () => {
    const { element, client, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    const other = document.createElement('div');
    document.body.append(other);
    other.append(element);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clients).to.have.length(1);
    expect(client().connectionState).to.equal('CONNECTED');
    element.remove();
    other.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
  });

  it('joins again when the channel changes, leaving the first one', async () => {
    const { element, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    await until(() => joined({ clients }), 'the join');
    element.channelName = 'stage-c';
    await until(() => clients[1]?.connectionState === 'CONNECTED', 'the second join');
    expect(clients[0]?.connectionState).to.equal('DISCONNECTED');
    expect(clients[1]?.channelName).to.equal('stage-c');
  });

  it('joins with uid and token, never reflects the token, and renews it in place when it changes', async () => {
    const { element, client, clients, seen } = await mountAudience(
      { 'app-id': 'app', 'channel-name': 'stage-b', uid: '4242' },
      undefined,
      '',
      (audience) => (audience.token = 'join-secret'),
    );
    await until(() => joined({ clients }), 'the join');
    expect(client().uid).to.equal(4242);
    expect(element.outerHTML).not.to.contain('join-secret');
    const renewed: string[] = [];
    const renew = client().renewToken.bind(client());
    client().renewToken = (token: string) => {
      renewed.push(token);
      return renew(token);
    };
    element.token = 'join-secret-2';
    await until(() => renewed.length === 1, 'the renewal');
    expect(renewed).to.deep.equal(['join-secret-2']);
    expect(clients).to.have.length(1);
    expect(JSON.stringify(seen)).not.to.contain('join-secret');
  });

  it('renews its join token from the tokenProvider when it will expire', async () => {
    const { element, client, clients } = await mountAudience({ 'channel-name': 'stage-b' });
    const asked: string[] = [];
    element.tokenProvider = async ({ channelName, uid, purpose }) => {
      asked.push(`${purpose} ${channelName} ${uid}`);
      return `token-${asked.length}`;
    };
    element.appId = 'app';
    await until(() => joined({ clients }), 'the join');
    client().fake.pushTokenWillExpire();
    await until(() => asked.length === 2, 'the second token');
    expect(asked).to.deep.equal(['join stage-b 0', 'join stage-b 0']);
  });

  it('a page’s own client: shows its hosts, never joins or leaves it, and removes its listeners when removed', async () => {
    const fake = audienceFake();
    const own = fake.AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
    await own.join('app', 'stage-b', null, null);
    hostPublishes(own, 1001, ['video']);
    const listenersBefore = own.fake.listenerCount();
    const { element, seen } = await mountAudience({}, fake, '', (audience) => {
      audience.client = own as never;
    });
    await until(() => tileUids(element).length === 1, 'the host already there');
    hostPublishes(own, 2001);
    await until(() => tileUids(element).length === 2, 'the host who comes later');
    expect(statusText(element)).to.equal('Live: watching 2 hosts.');
    expect(fake.clients, 'no client of its own').to.have.length(1);
    element.remove();
    await until(() => own.fake.listenerCount() === listenersBefore, 'its listeners to go');
    expect(own.connectionState, 'the page’s client is still joined').to.equal('CONNECTED');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
    await own.leave();
  });

  it('properties set just after it is connected (as Angular does) make one viewer, not two', async () => {
    const { element, clients } = await mountAudience({ 'app-id': 'app', 'channel-name': 'stage-b' });
    const asked: string[] = [];
    await Promise.resolve();
    element.tokenProvider = async ({ purpose }) => {
      asked.push(purpose);
      return 'a-token';
    };
    await until(() => joined({ clients }), 'the join');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clients, 'one client').to.have.length(1);
    expect(asked).to.deep.equal(['join']);
  });
});
