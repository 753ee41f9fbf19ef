import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';

/** A fake SDK whose clients log join, publish, relay, unpublish and leave in one list, in the order they happen. */
function loggingFake(onClient: (client: FakeClient) => void = () => undefined) {
  const AgoraRTC = createFakeAgoraRTC();
  const log: string[] = [];
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    onClient(client);
    for (const method of [
      'join',
      'publish',
      'startChannelMediaRelay',
      'updateChannelMediaRelay',
      'stopChannelMediaRelay',
      'unpublish',
      'leave',
      'renewToken',
    ] as const) {
      const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
      (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        log.push(method === 'renewToken' ? `renewToken:${String(args[0])}` : method);
        return original(...args);
      };
    }
    return client;
  }) as FakeAgoraRTC['createClient'];
  return { AgoraRTC, log, clients, client: () => clients[0]! };
}

async function mountManaged(attributes: Partial<Record<'joinTimeout' | 'joinUid' | 'joinToken', unknown>> = {}, fake = loggingFake()) {
  const element = await fixture<AgoraRelayHost>(html`
    <agora-relay-host channel-name="stage-a">
      <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
    </agora-relay-host>
  `);
  const seen: { type: string; detail: Record<string, unknown> }[] = [];
  for (const type of [
    'agora-relay-error',
    'connection-state-change',
    'user-joined',
    'user-left',
    'user-published',
    'user-unpublished',
    'channel-media-relay-state',
  ]) {
    element.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  element.sdk = fake.AgoraRTC;
  Object.assign(element, attributes);
  element.appId = 'app-id';
  return { element, seen, ...fake };
}

const running = (element: AgoraRelayHost) => element.state === 'RELAY_STATE_RUNNING';

describe('<agora-relay-host app-id> (managed mode) on the fake SDK', () => {
  it('joins as a host, publishes microphone and camera, then starts the relay, in that order', async () => {
    const { element, log, client } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    expect(log).to.deep.equal(['join', 'publish', 'startChannelMediaRelay']);
    expect(client().role).to.equal('host');
    expect(client().mode).to.equal('live');
    expect(client().localTracks.map((track) => track.trackMediaType).sort()).to.deep.equal(['audio', 'video']);
    expect(client().fake.calls[0]?.config?.dests).to.deep.equal([{ channelName: 'stage-b', uid: 0 }]);
  });

  it('joins with join-uid and join-token', async () => {
    const { element, client } = await mountManaged({ joinUid: '4242', joinToken: 'join-secret' });
    await until(() => running(element), 'the relay to run');
    expect(client().uid).to.equal(4242);
    expect(element.outerHTML).not.to.contain('join-secret');
  });

  it('shows the local preview and each remote co-host’s video in its shadow DOM', async () => {
    const { element, client, seen } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    const local = element.shadowRoot!.querySelector('[part="local"]')!;
    await until(() => !!local.querySelector('video'), 'the local preview');
    client().fake.addRemoteUser(77);
    client().fake.publishRemote(77, 'video');
    client().fake.publishRemote(77, 'audio');
    await until(() => !!element.shadowRoot!.querySelector('[part="remote"][data-uid="77"] video'), 'the co-host video');
    expect(seen.filter((e) => e.type.startsWith('user-')).map((e) => [e.type, e.detail])).to.deep.equal([
      ['user-joined', { uid: 77 }],
      ['user-published', { uid: 77, mediaType: 'video' }],
      ['user-published', { uid: 77, mediaType: 'audio' }],
    ]);
    client().fake.removeRemoteUser(77);
    await until(() => !element.shadowRoot!.querySelector('[part="remote"]'), 'the co-host tile to go');
    expect(seen.filter((e) => e.type === 'user-left').map((e) => e.detail)).to.deep.equal([{ uid: 77, reason: 'Quit' }]);
  });

  it('mirrors the client’s connection states', async () => {
    const { element, seen } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    expect(seen.filter((e) => e.type === 'connection-state-change').map((e) => e.detail.state)).to.deep.equal([
      'CONNECTING',
      'CONNECTED',
    ]);
  });

  it('removal stops the relay, unpublishes, closes the tracks and leaves, leaving no listener behind', async () => {
    const { element, log, client } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    const tracks = [...client().localTracks];
    element.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
    expect(log).to.deep.equal(['join', 'publish', 'startChannelMediaRelay', 'stopChannelMediaRelay', 'unpublish', 'leave']);
    expect(tracks.every((track) => track.getMediaStreamTrack().readyState === 'ended')).to.equal(true);
    expect(client().fake.listenerCount()).to.equal(0);
  });

  it('a refused camera is a clear error; the microphone still publishes and the relay runs', async () => {
    const fake = loggingFake();
    fake.AgoraRTC.fake.failNextTrack('camera', 'PERMISSION_DENIED', 'Permission denied');
    const { element, seen, client } = await mountManaged({}, fake);
    await until(() => running(element), 'the relay to run');
    const errors = seen.filter((e) => e.type === 'agora-relay-error').map((e) => e.detail);
    expect(errors.map((e) => [e.code, e.operation])).to.deep.equal([['PERMISSION_DENIED', 'publish']]);
    expect(String(errors[0]?.message)).to.match(/^The camera could not be used/);
    expect(client().localTracks.map((track) => track.trackMediaType)).to.deep.equal(['audio']);
  });

  it('with no route to Agora the join fails fast with a clear join error, and nothing is left joined', async () => {
    const fake = loggingFake();
    fake.AgoraRTC.fake.network.drop();
    const started = performance.now();
    const { seen, client, log } = await mountManaged({}, fake);
    await until(() => seen.some((e) => e.type === 'agora-relay-error'), 'the join error', 5000);
    expect(performance.now() - started).to.be.lessThan(5000);
    const error = seen.find((e) => e.type === 'agora-relay-error')!.detail;
    expect([error.code, error.operation]).to.deep.equal(['NETWORK_ERROR', 'join']);
    expect(log).to.deep.equal(['join']);
    expect(client().connectionState).to.equal('DISCONNECTED');
  });

  it('a join nobody answers fails with TIMEOUT after join-timeout, and leaves', async () => {
    const fake = loggingFake((client) => void client.fake.hold('join'));
    const started = performance.now();
    const { seen, client } = await mountManaged({ joinTimeout: 300 }, fake);
    await until(() => seen.some((e) => e.type === 'agora-relay-error'), 'the timeout', 3000);
    const elapsed = performance.now() - started;
    const error = seen.find((e) => e.type === 'agora-relay-error')!.detail;
    expect([error.code, error.operation]).to.deep.equal(['TIMEOUT', 'join']);
    expect(String(error.message)).to.contain('no answer within 0.3 s');
    expect(elapsed).to.be.within(250, 2500);
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
  });

  it('recovers a stuck relay by leaving and joining again (rule 4), within the first backoff step', async () => {
    const { element, log, clients, client, seen } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    client().fake.relayFail('DEST_TOKEN_EXPIRED');
    await until(() => element.state === 'RELAY_STATE_FAILURE', 'the FAILURE');
    await until(() => clients.length === 2 && running(element), 'the relay to run again on a new join', 4000);
    expect(log).to.deep.equal([
      'join',
      'publish',
      'startChannelMediaRelay',
      'unpublish',
      'leave',
      'join',
      'publish',
      'startChannelMediaRelay',
    ]);
    expect(clients[0]!.fake.listenerCount()).to.equal(0);
    const errors = seen.filter((e) => e.type === 'agora-relay-error').map((e) => e.detail.code);
    expect(errors).to.deep.equal(['RELAY_FAILURE']);
  });

  it('joins again when removed and added back, and a move does not leave', async () => {
    const { element, clients, client } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    const parent = element.parentElement!;
    const other = document.createElement('section');
    parent.append(other);
    other.append(element); // a move
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client().connectionState).to.equal('CONNECTED');
    element.remove();
    await until(() => client().connectionState === 'DISCONNECTED', 'the leave');
    parent.append(element);
    await until(() => clients.length === 2 && running(element), 'a new join and relay', 4000);
    other.remove();
  });

  it('is accessible, with a co-host on screen', async () => {
    const { element, client } = await mountManaged();
    await until(() => running(element), 'the relay to run');
    client().fake.addRemoteUser(5);
    client().fake.publishRemote(5, 'video');
    await until(() => !!element.shadowRoot!.querySelector('[part="remote"] video'), 'the co-host video');
    await expect(element).to.be.accessible();
  });
});
