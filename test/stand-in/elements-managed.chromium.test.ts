// <agora-relay-host app-id> (managed mode) end to end on the REAL agora-rtc-sdk-ng 4.24.8 through the local Agora
// stand-in: no `sdk` property, so the host takes the page's window.AgoraRTC; it joins with a token from the example
// endpoint (/agora/token), publishes Chromium's fake camera and microphone, relays, renders a co-host, renews its
// join token when the gateway warns, and unpublishes and leaves when removed. What reached "Agora" is read from the
// stand-in's log.
//
// Pointing: the relay settings are page parameters (pointAgoraRTCAtStandIn); the join's access point is set with
// setLocalAccessPointsV2 on a throwaway client, which writes page-global parameters, so the host's own client (made
// inside managed mode, out of the test's reach) joins the stand-in too. The first test shows it does.
import { expect, fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ILocalTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { pointAgoraRTCAtStandIn, pointClientAtStandIn, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn, StandInLogEntry } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import {
  ACCESS_TOKEN_2,
  destinationsOf,
  details,
  listen,
  received,
  relayCommands,
  relayCommandTypes,
  tokenRequests,
} from './support/element-stand-in.js';
import { sleep, until } from './support/timing.js';

const HOST_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
] as const;

/** Client events managed mode listens to (and must stop listening to when it leaves). */
const MANAGED_CLIENT_EVENTS = [
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
  'token-privilege-will-expire',
  'token-privilege-did-expire',
  'channel-media-relay-state',
  'channel-media-relay-event',
];

type Message = Record<string, unknown>;

const messageOf = (entry: StandInLogEntry | undefined) => (entry?.message ?? {}) as Message;

/** `publish audio`, `publish video`, … from the gateway's publish/unpublish requests. */
function publishedMedia(entries: StandInLogEntry[]): string[] {
  return entries.flatMap(({ service, type, message }) => {
    if (service !== 'gateway' || (type !== 'publish' && type !== 'unpublish')) return [];
    const streams = ((message as { ortc?: { stream_type?: string }[] }).ortc ?? []) as { stream_type?: string }[];
    return streams.map((stream) => `${type} ${stream.stream_type === 'audio' ? 'audio' : 'video'}`);
  });
}

/** The first index of an entry of this service and type, for order checks. */
const indexOf = (entries: StandInLogEntry[], service: string, type: string) =>
  entries.findIndex((entry) => entry.service === service && entry.type === type);

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

describe('<agora-relay-host app-id> (managed mode) on the real SDK through the local stand-in', function () {
  this.timeout(25_000);
  let element: AgoraRelayHost | undefined;
  let clients: IAgoraRTCClient[] = [];
  let createClient: IAgoraRTC['createClient'];

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    standIn = await startRemoteAgoraStandIn();
    pointAgoraRTCAtStandIn(sdk as never, standIn.addresses);
    pointClientAtStandIn(sdk.createClient({ mode: 'live', codec: 'vp8' }), standIn.addresses);
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(async () => {
    await standIn.reset();
    // Only watches which clients managed mode makes (it has no accessor for its own client).
    clients = [];
    createClient = sdk.createClient;
    sdk.createClient = (config) => {
      const client = createClient.call(sdk, config);
      clients.push(client);
      return client;
    };
  });

  afterEach(async () => {
    element?.remove();
    element = undefined;
    sdk.createClient = createClient;
    // Every joined client must be gone before the next test (ICE fails ~15 s after a join).
    await until(() => clients.every((client) => client.connectionState === 'DISCONNECTED'), 5000, 'the leave');
  });

  async function mount() {
    const channel = `managed-${++channels}`;
    const tokensBefore = tokenRequests().length;
    expect(window.AgoraRTC, 'the page’s AgoraRTC is the real one').to.equal(sdk);
    element = await fixture<AgoraRelayHost>(html`
      <agora-relay-host app-id="stand-in-app" channel-name=${channel} token-url="/agora/token">
        <agora-relay-destination channel-name="managed-dest-b"></agora-relay-destination>
        <agora-relay-destination channel-name="managed-dest-c" uid="42"></agora-relay-destination>
      </agora-relay-host>
    `);
    const seen = listen(element, HOST_EVENTS);
    const host = element;
    const running = () => host.state === 'RELAY_STATE_RUNNING';
    const client = () => clients[0];
    const tokensAsked = () => tokenRequests().slice(tokensBefore);
    return { host, seen, channel, running, client, tokensAsked };
  }

  it('joins with a token from token-url, publishes the fake camera and microphone, then relays with endpoint tokens', async () => {
    const { host, seen, channel, running, client, tokensAsked } = await mount();
    expect(host.sdk, 'no sdk property: the host finds window.AgoraRTC').to.equal(null);
    await until(running, 8000, 'RELAY_STATE_RUNNING');
    await host.settled();
    expect(clients, 'one client, made from window.AgoraRTC').to.have.length(1);
    expect(client()?.connectionState).to.equal('CONNECTED');

    const log = await received(standIn);
    const accessPoint = log.find(({ service }) => service === 'access-point');
    const join = log.find(({ type }) => type === 'join_v3');
    expect(join, 'the host’s own client joined the stand-in (join_v3)').not.to.equal(undefined);
    const joinMessage = messageOf(join);
    const joinToken = String(joinMessage.channel_key);
    expect(joinToken, 'join token').to.match(ACCESS_TOKEN_2);
    expect([joinMessage.channel_name, joinMessage.mode, joinMessage.role]).to.deep.equal([channel, 'live', 'host']);
    const apBuffer = ((messageOf(accessPoint).request_bodies as { buffer?: Message }[] | undefined)?.[0]?.buffer ?? {}) as Message;
    expect(apBuffer.key, 'the access point got the same join token').to.equal(joinToken);
    expect(publishedMedia(log).sort(), 'the fake-device camera and microphone').to.deep.equal(['publish audio', 'publish video']);

    const order = [
      indexOf(log, 'gateway', 'join_v3'),
      indexOf(log, 'gateway', 'publish'),
      indexOf(log, 'relay', 'SetSourceChannel'),
      indexOf(log, 'relay', 'StartPacketTransfer'),
    ];
    expect(order.every((index) => index >= 0), `join, publish, relay all seen: ${order.join(',')}`).to.equal(true);
    expect([...order].sort((a, b) => a - b), 'join → publish → relay').to.deep.equal(order);

    const allocation = log.find(({ service }) => service === 'allocation');
    const body = messageOf(allocation).json_body;
    const allocationBody = (typeof body === 'string' ? JSON.parse(body) : (body ?? {})) as Message;
    expect(allocationBody.token, 'the relay allocation carries the join token').to.equal(joinToken);
    const commands = await relayCommands(standIn);
    expect(commands.map(({ type }) => type)).to.deep.equal([
      'SetSourceChannel',
      'SetSourceUserId',
      'SetDestChannel',
      'StartPacketTransfer',
    ]);
    const [source, , dest] = commands;
    expect([source?.channelName, source?.uid]).to.deep.equal([channel, '0']);
    expect(source?.token, 'source relay token').to.match(ACCESS_TOKEN_2);
    expect(destinationsOf(dest)).to.deep.equal(['managed-dest-b/0', 'managed-dest-c/42']);
    const destTokens = dest?.token as string[];
    expect(destTokens.every((token) => ACCESS_TOKEN_2.test(token)), 'destination tokens').to.equal(true);
    expect(new Set([joinToken, source?.token, ...destTokens]).size, 'a token per purpose, channel and uid').to.equal(4);
    expect(tokensAsked(), 'what the host asked the endpoint for').to.deep.equal([
      `join ${channel} 0`,
      `relay-source ${channel} 0`,
      'relay-destination managed-dest-b 0',
      'relay-destination managed-dest-c 42',
    ]);

    expect(details(seen, 'connection-state-change')).to.deep.equal([
      { state: 'CONNECTING', previousState: 'DISCONNECTED' },
      { state: 'CONNECTED', previousState: 'CONNECTING' },
    ]);
    expect(details(seen, 'channel-media-relay-event').map(({ event }) => event)).to.deep.equal([
      'NETWORK_CONNECTED',
      'PACKET_JOINED_SRC_CHANNEL',
      'PACKET_JOINED_DEST_CHANNEL',
      'PACKET_SENT_TO_DEST_CHANNEL',
    ]);
    expect(details(seen, 'channel-media-relay-state').map(({ state }) => state)).to.deep.equal([
      'RELAY_STATE_CONNECTING',
      'RELAY_STATE_RUNNING',
    ]);
    const statuses = [...host.querySelectorAll('agora-relay-destination')].map((d) => d.getAttribute('status'));
    expect(statuses).to.deep.equal(['relaying', 'relaying']);
    const local = host.shadowRoot?.querySelector('[part="local"]');
    await until(() => !!local?.querySelector('video'), 3000, 'the local preview <video>');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
    expect(JSON.stringify(seen.map(({ detail }) => detail)), 'no token in any event detail').not.to.contain('007');
  });

  it('renders a co-host who joins and publishes, and takes the tile away when they leave', async () => {
    const { host, seen, channel, running } = await mount();
    await until(running, 8000, 'RELAY_STATE_RUNNING');
    await standIn.users.join(channel, 2001);
    await standIn.users.publish(channel, 2001, 'both');
    const tile = () => host.shadowRoot?.querySelector('[part="remote"][data-uid="2001"]');
    await until(() => !!tile()?.querySelector('video'), 4000, 'the co-host’s <video>');
    await until(() => details(seen, 'user-published').length === 2, 2000, 'user-published for audio and video');
    expect(details(seen, 'user-joined')).to.deep.equal([{ uid: 2001 }]);
    expect(details(seen, 'user-published').map(({ mediaType }) => mediaType).sort()).to.deep.equal(['audio', 'video']);
    expect(tile()?.getAttribute('aria-label')).to.equal('Co-host 2001');
    const subscribes = (await standIn.log.entries({ service: 'gateway', direction: 'in', type: 'subscribe' })).length;
    expect(subscribes, 'the host subscribed to audio and video').to.equal(2);

    await standIn.users.leave(channel, 2001);
    await until(() => !tile(), 3000, 'the co-host’s tile to go');
    expect(details(seen, 'user-left')).to.deep.equal([{ uid: 2001, reason: 'Quit' }]);
    expect(host.state, 'the relay is untouched').to.equal('RELAY_STATE_RUNNING');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('renews its join token from token-url when the gateway says it will expire', async () => {
    const { host, seen, channel, running, client, tokensAsked } = await mount();
    await until(running, 8000, 'RELAY_STATE_RUNNING');
    const joinToken = String(messageOf(await standIn.log.waitFor({ service: 'gateway', type: 'join_v3' }, 1000)).channel_key);
    await standIn.log.clear();
    await standIn.gateway.tokenWillExpire({ channel });
    const renewal = await standIn.log.waitFor({ service: 'gateway', direction: 'in', type: 'renew_token' }, 4000);
    const renewed = String(messageOf(renewal).token);
    expect(renewed, 'renew_token carries a fresh endpoint token').to.match(ACCESS_TOKEN_2);
    expect(renewed).not.to.equal(joinToken);
    expect(tokensAsked().filter((request) => request.startsWith('join ')), 'a second join-token request').to.deep.equal([
      `join ${channel} 0`,
      `join ${channel} 0`,
    ]);
    await sleep(200);
    expect(client()?.connectionState).to.equal('CONNECTED');
    expect(host.state).to.equal('RELAY_STATE_RUNNING');
    expect(await relayCommandTypes(standIn), 'the relay is untouched').to.deep.equal([]);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('removal stops the relay, then unpublishes, closes the tracks and leaves', async () => {
    const { host, seen, running, client } = await mount();
    await until(running, 8000, 'RELAY_STATE_RUNNING');
    await host.settled();
    const joined = client()!;
    const tracks = [...joined.localTracks] as ILocalTrack[];
    expect(tracks.map((track) => track.trackMediaType).sort()).to.deep.equal(['audio', 'video']);
    const listenersWhileJoined = MANAGED_CLIENT_EVENTS.map((type) => joined.getListeners(type).length);
    expect(listenersWhileJoined.some((count) => count > 0)).to.equal(true);
    await standIn.log.clear();
    element = undefined;
    host.remove();
    await until(() => joined.connectionState === 'DISCONNECTED', 5000, 'the client to leave');
    await sleep(100);

    const log = await received(standIn);
    const order = [indexOf(log, 'relay', 'StopPacketTransfer'), indexOf(log, 'gateway', 'unpublish'), indexOf(log, 'gateway', 'leave')];
    expect(order.every((index) => index >= 0), `stop, unpublish, leave all seen: ${order.join(',')}`).to.equal(true);
    expect([...order].sort((a, b) => a - b), 'stop → unpublish → leave').to.deep.equal(order);
    expect(publishedMedia(log).sort()).to.deep.equal(['unpublish audio', 'unpublish video']);
    expect(await relayCommandTypes(standIn)).to.deep.equal(['StopPacketTransfer']);
    expect(tracks.map((track) => track.getMediaStreamTrack().readyState), 'tracks closed').to.deep.equal(['ended', 'ended']);
    expect(details(seen, 'connection-state-change').slice(-2), 'the leave, as the SDK reports it').to.deep.equal([
      { state: 'DISCONNECTING', previousState: 'CONNECTED' },
      { state: 'DISCONNECTED', previousState: 'DISCONNECTING', reason: 'LEAVE' },
    ]);
    expect(
      MANAGED_CLIENT_EVENTS.map((type) => joined.getListeners(type).length),
      'no listener of the host left on its client',
    ).to.deep.equal(MANAGED_CLIENT_EVENTS.map(() => 0));
    expect(host.shadowRoot?.querySelector('[part="local"]'), 'the preview is gone').to.equal(null);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
    // The SDK reported IDLE for that stop; the host must not keep saying RUNNING for a relay it stopped.
    expect(host.state, 'the host’s state after its relay was stopped').to.equal('RELAY_STATE_IDLE');
  });
});
