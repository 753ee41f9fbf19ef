// <agora-relay-host> with a client the page brings, on the REAL agora-rtc-sdk-ng 4.24.8: the client really joined
// the local Agora stand-in as a host and published a canvas track; the host gets it through `host.sdk` and
// `host.client`. Every attribute and destination change is checked against what the stand-in's relay service
// received, and the SDK's events against the DOM events and destination statuses they became.
import { expect, fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient, ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayDestination, AgoraRelayHost, RelayClient, RelaySdk } from '../../src/index.js';
import { createStandInClient, startRemoteAgoraStandIn, type RemoteAgoraStandIn } from '../../src/testing/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import {
  ACCESS_TOKEN_2,
  canvasVideoTrack,
  destinationsOf,
  details,
  endpointToken,
  listen,
  nextTask,
  received,
  relayCommands,
  relayCommandTypes,
  type SeenEvent,
} from './support/element-stand-in.js';
import { sleep, until } from './support/timing.js';

const RELAY_EVENTS = [
  'channel-media-relay-state',
  'channel-media-relay-event',
  'agora-relay-error',
  'agora-relay-destination-status',
] as const;

/** The SDK events the host listens to on a page's client (and must stop listening to when removed). */
const CLIENT_EVENTS = ['channel-media-relay-state', 'channel-media-relay-event', 'connection-state-change'];

const START = ['SetSourceChannel', 'SetSourceUserId', 'SetDestChannel', 'StartPacketTransfer'];

/** The relay's state events and events as one ordered list, the way the page sees them. */
function relaySequence(seen: SeenEvent[]): string[] {
  return seen.flatMap(({ type, detail }) => {
    if (type === 'channel-media-relay-state') return [`state ${String(detail.state)}`];
    if (type === 'channel-media-relay-event') return [`event ${String(detail.event)}`];
    return [];
  });
}

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

describe('<agora-relay-host> with the page’s own client, on the real SDK through the local stand-in', function () {
  this.timeout(25_000);
  let client: IAgoraRTCClient;
  let track: ILocalVideoTrack;
  let channel: string;
  let element: AgoraRelayHost | undefined;

  before(async () => {
    sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    standIn = await startRemoteAgoraStandIn();
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(async () => {
    await standIn.reset();
    channel = `byo-${++channels}`;
    client = createStandInClient(sdk, standIn.addresses, { mode: 'live', codec: 'vp8' });
    await client.setClientRole('host');
    await client.join('stand-in-app', channel, null, 1001);
    track = canvasVideoTrack(sdk);
  });

  afterEach(async () => {
    element?.remove();
    element = undefined;
    await nextTask();
    track.close();
    await client.leave();
  });

  /** Mounts the host, then hands it the SDK and the client, as a page would. */
  async function mount(template: ReturnType<typeof html>) {
    element = await fixture<AgoraRelayHost>(template);
    const seen = listen(element, RELAY_EVENTS);
    element.sdk = sdk as unknown as RelaySdk;
    element.client = client as unknown as RelayClient;
    const host = element;
    const destinations = () => [...host.querySelectorAll('agora-relay-destination')] as AgoraRelayDestination[];
    const running = () => host.state === 'RELAY_STATE_RUNNING';
    /** Lets the changes made in this task reach the SDK. */
    const flush = async () => {
      await nextTask();
      await host.settled();
    };
    return { host, seen, destinations, running, flush };
  }

  const destinationElement = (channelName: string, attributes: Record<string, string> = {}) => {
    const destination = document.createElement('agora-relay-destination');
    destination.setAttribute('channel-name', channelName);
    for (const [name, value] of Object.entries(attributes)) destination.setAttribute(name, value);
    return destination;
  };

  it('sends every attribute to the real SDK and turns its relay events into DOM events and statuses', async () => {
    const sourceToken = await endpointToken(channel, 0, 'relay-source');
    const tokenB = await endpointToken('byo-dest-b', 42, 'relay-destination');
    await client.publish(track);
    const { host, seen, destinations, running } = await mount(html`
      <agora-relay-host channel-name=${channel} uid="1001" token=${sourceToken} token-url="/agora/token">
        <agora-relay-destination channel-name="byo-dest-b" uid="42" token=${tokenB}></agora-relay-destination>
        <agora-relay-destination channel-name="byo-dest-c"></agora-relay-destination>
      </agora-relay-host>
    `);
    await until(running, 5000, 'RELAY_STATE_RUNNING');
    await host.settled();

    const commands = await relayCommands(standIn);
    expect(commands.map(({ type }) => type)).to.deep.equal(START);
    expect(commands[0], 'the source channel: joined by the relay as uid 0, with the token attribute').to.deep.equal({
      type: 'SetSourceChannel',
      channelName: channel,
      uid: '0',
      token: sourceToken,
    });
    expect(commands[1], 'the uid attribute: whose stream to relay').to.deep.equal({ type: 'SetSourceUserId', uid: '1001' });
    const [setDest] = commands.filter(({ type }) => type === 'SetDestChannel');
    expect(destinationsOf(setDest)).to.deep.equal(['byo-dest-b/42', 'byo-dest-c/0']);
    const [givenToken, fetchedToken] = setDest?.token as string[];
    expect(givenToken, 'the token attribute of byo-dest-b').to.equal(tokenB);
    expect(fetchedToken, 'byo-dest-c’s token, from token-url').to.match(ACCESS_TOKEN_2);
    expect(fetchedToken).not.to.equal(tokenB);

    expect(relaySequence(seen), 'the SDK’s order').to.deep.equal([
      'state RELAY_STATE_CONNECTING',
      'event NETWORK_CONNECTED',
      'event PACKET_JOINED_SRC_CHANNEL',
      'event PACKET_JOINED_DEST_CHANNEL',
      'event PACKET_SENT_TO_DEST_CHANNEL',
      'state RELAY_STATE_RUNNING',
    ]);
    expect(details(seen, 'channel-media-relay-state')).to.deep.equal([
      { state: 'RELAY_STATE_CONNECTING', previousState: 'RELAY_STATE_IDLE', code: 'RELAY_OK' },
      { state: 'RELAY_STATE_RUNNING', previousState: 'RELAY_STATE_CONNECTING', code: 'RELAY_OK' },
    ]);
    const fromHost = seen.filter(({ type }) => type.startsWith('channel-media-relay'));
    expect(fromHost.every((event) => event.target === host && event.bubbles && event.composed)).to.equal(true);

    const [b, c] = destinations();
    expect([b?.getAttribute('status'), c?.getAttribute('status')]).to.deep.equal(['relaying', 'relaying']);
    const statusEvents = seen.filter(({ type }) => type === 'agora-relay-destination-status');
    expect(statusEvents.map(({ target, detail }) => [target, detail.status])).to.deep.equal([
      [b, 'pending'],
      [c, 'pending'],
      [b, 'relaying'],
      [c, 'relaying'],
    ]);
    expect(statusEvents[0]?.detail).to.deep.equal({ channelName: 'byo-dest-b', status: 'pending' });
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
    expect(JSON.stringify(seen.map(({ detail }) => detail)), 'no token in any event detail').not.to.contain('007');
    expect(host.outerHTML, 'tokens are never reflected').not.to.contain(fetchedToken);
  });

  it('turns each destination change into one UpdateDestChannel with the whole list, and the last removal into a stop', async () => {
    await client.publish(track);
    const { host, seen, destinations, running, flush } = await mount(html`
      <agora-relay-host channel-name=${channel}>
        <agora-relay-destination channel-name="byo-dest-b"></agora-relay-destination>
        <agora-relay-destination channel-name="byo-dest-c" uid="42"></agora-relay-destination>
      </agora-relay-host>
    `);
    await until(running, 5000, 'RELAY_STATE_RUNNING');
    await host.settled();
    const [b, c] = destinations() as [AgoraRelayDestination, AgoraRelayDestination];
    const lastCommand = async () => (await relayCommands(standIn)).at(-1);
    expect(await relayCommandTypes(standIn), 'the start').to.deep.equal(START);
    await standIn.log.clear();
    const before = seen.length;

    // Added.
    const d = destinationElement('byo-dest-d', { uid: '7' });
    host.append(d);
    await flush();
    expect(await relayCommandTypes(standIn), 'added').to.deep.equal(['UpdateDestChannel']);
    expect(destinationsOf(await lastCommand())).to.deep.equal(['byo-dest-b/0', 'byo-dest-c/42', 'byo-dest-d/7']);
    expect(d.getAttribute('status')).to.equal('relaying');

    // Removed.
    await standIn.log.clear();
    b.remove();
    await flush();
    expect(await relayCommandTypes(standIn), 'removed').to.deep.equal(['UpdateDestChannel']);
    expect(destinationsOf(await lastCommand())).to.deep.equal(['byo-dest-c/42', 'byo-dest-d/7']);

    // Edited: channel name, uid, token.
    await standIn.log.clear();
    d.setAttribute('channel-name', 'byo-dest-e');
    await flush();
    expect(destinationsOf(await lastCommand()), 'channel-name edited').to.deep.equal(['byo-dest-c/42', 'byo-dest-e/7']);
    c.setAttribute('uid', '43');
    await flush();
    expect(destinationsOf(await lastCommand()), 'uid edited').to.deep.equal(['byo-dest-c/43', 'byo-dest-e/7']);
    const tokenE = await endpointToken('byo-dest-e', 7, 'relay-destination');
    d.token = tokenE;
    await flush();
    // Where a destination has no token the SDK sends the App ID in its place (what a project without a certificate uses).
    expect((await lastCommand())?.token, 'token edited').to.deep.equal(['stand-in-app', tokenE]);
    expect(await relayCommandTypes(standIn)).to.deep.equal(['UpdateDestChannel', 'UpdateDestChannel', 'UpdateDestChannel']);

    // Disabled, and enabled again.
    await standIn.log.clear();
    c.disabled = true;
    await flush();
    expect(destinationsOf(await lastCommand()), 'disabled').to.deep.equal(['byo-dest-e/7']);
    expect(c.getAttribute('status')).to.equal('idle');
    c.removeAttribute('disabled');
    await flush();
    expect(destinationsOf(await lastCommand()), 'enabled again').to.deep.equal(['byo-dest-c/43', 'byo-dest-e/7']);
    expect(await relayCommandTypes(standIn)).to.deep.equal(['UpdateDestChannel', 'UpdateDestChannel']);

    // A burst in one task: added, removed, edited, disabled, reordered: one update with the end result.
    await standIn.log.clear();
    const f = destinationElement('byo-dest-f');
    const g = destinationElement('byo-dest-g', { uid: '9' });
    host.append(f, g);
    c.remove();
    f.setAttribute('uid', '11');
    g.disabled = true;
    host.prepend(g);
    d.setAttribute('uid', '8');
    await flush();
    expect(await relayCommandTypes(standIn), 'one call for the burst').to.deep.equal(['UpdateDestChannel']);
    expect(destinationsOf(await lastCommand())).to.deep.equal(['byo-dest-e/8', 'byo-dest-f/11']);

    const sinceStart = seen.slice(before);
    expect(relaySequence(sinceStart), 'one PACKET_UPDATE_DEST_CHANNEL per update, no state change').to.deep.equal(
      Array.from({ length: 8 }, () => 'event PACKET_UPDATE_DEST_CHANNEL'),
    );
    expect(host.state).to.equal('RELAY_STATE_RUNNING');

    // The last destinations removed (in one task): a stop, and the state comes back as IDLE.
    await standIn.log.clear();
    const stateEvents = details(seen, 'channel-media-relay-state').length;
    d.remove();
    f.remove();
    g.remove();
    await flush();
    expect(await relayCommandTypes(standIn), 'the last removal stops').to.deep.equal(['StopPacketTransfer']);
    await until(() => host.state === 'RELAY_STATE_IDLE', 2000, 'RELAY_STATE_IDLE');
    expect(details(seen, 'channel-media-relay-state').slice(stateEvents)).to.deep.equal([
      { state: 'RELAY_STATE_IDLE', previousState: 'RELAY_STATE_RUNNING', code: 'RELAY_OK' },
    ]);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('a source change (uid, token) is a stop then a start; a foreign channel-name is refused; disabled, stop() and start() hold and resume', async () => {
    await client.publish(track);
    const { host, seen, destinations, running, flush } = await mount(html`
      <agora-relay-host channel-name=${channel}>
        <agora-relay-destination channel-name="byo-dest-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await until(running, 5000, 'RELAY_STATE_RUNNING');
    await host.settled();
    const restart = ['StopPacketTransfer', ...START];
    const sourceOf = async () => {
      const commands = await relayCommands(standIn);
      return {
        source: commands.find(({ type }) => type === 'SetSourceChannel'),
        user: commands.find(({ type }) => type === 'SetSourceUserId'),
      };
    };

    await standIn.log.clear();
    host.setAttribute('uid', '1001');
    await flush();
    await until(running, 3000, 'RUNNING again');
    expect(await relayCommandTypes(standIn), 'uid').to.deep.equal(restart);
    expect((await sourceOf()).user).to.deep.equal({ type: 'SetSourceUserId', uid: '1001' });

    await standIn.log.clear();
    const sourceToken = await endpointToken(channel, 0, 'relay-source');
    host.token = sourceToken;
    await flush();
    await until(running, 3000, 'RUNNING again');
    expect(await relayCommandTypes(standIn), 'token').to.deep.equal(restart);
    expect((await sourceOf()).source).to.deep.equal({ type: 'SetSourceChannel', channelName: channel, uid: '0', token: sourceToken });

    // A source channel other than the one joined: the SDK would take it as it is and relay a foreign channel. It is
    // refused before any call: the running relay stops, the mismatch is reported, and nothing starts.
    await standIn.log.clear();
    const errorsBefore = details(seen, 'agora-relay-error').length;
    host.setAttribute('channel-name', `${channel}-x`);
    await flush();
    await sleep(600); // longer than the publish check: nothing starts on the foreign channel
    expect(await relayCommandTypes(standIn), 'foreign channel-name').to.deep.equal(['StopPacketTransfer']);
    expect(host.state).to.equal('RELAY_STATE_IDLE');
    expect(details(seen, 'agora-relay-error').slice(errorsBefore)).to.deep.equal([
      {
        code: 'SOURCE_MISMATCH',
        message:
          `source: channel-name "${channel}-x" is not the channel the client has joined ("${channel}"); the relay can ` +
          `only carry the client's own channel. Set channel-name to "${channel}", or leave it out.`,
        operation: 'validate',
        channelName: `${channel}-x`,
      },
    ]);
    // No channel-name at all: the client's channel.
    await standIn.log.clear();
    host.removeAttribute('channel-name');
    await flush();
    await until(running, 3000, 'RUNNING on the client’s channel');
    expect(await relayCommandTypes(standIn), 'no channel-name').to.deep.equal(START);
    expect((await sourceOf()).source?.channelName).to.equal(channel);
    host.setAttribute('channel-name', channel);
    await flush();
    expect(await relayCommandTypes(standIn), 'the same channel named: no call').to.deep.equal(START);
    expect(details(seen, 'agora-relay-error').length, 'one report').to.equal(errorsBefore + 1);

    await standIn.log.clear();
    host.disabled = true;
    await flush();
    expect(await relayCommandTypes(standIn), 'disabled').to.deep.equal(['StopPacketTransfer']);
    await until(() => host.state === 'RELAY_STATE_IDLE', 2000, 'IDLE');
    expect(destinations()[0]?.getAttribute('status')).to.equal('idle');
    await sleep(600); // longer than the publish check: nothing starts while disabled
    expect(await relayCommandTypes(standIn)).to.deep.equal(['StopPacketTransfer']);
    host.disabled = false;
    await flush();
    await until(running, 3000, 'RUNNING after enabling');
    expect(await relayCommandTypes(standIn), 'enabled').to.deep.equal(restart);

    await standIn.log.clear();
    await host.stop();
    expect(await relayCommandTypes(standIn), 'stop()').to.deep.equal(['StopPacketTransfer']);
    await host.stop();
    await sleep(600);
    expect(await relayCommandTypes(standIn), 'stop() is idempotent and holds').to.deep.equal(['StopPacketTransfer']);
    await host.start();
    expect(host.state, 'start() resolves once running').to.equal('RELAY_STATE_RUNNING');
    await host.start();
    expect(await relayCommandTypes(standIn), 'start() is idempotent').to.deep.equal(restart);
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['SOURCE_MISMATCH']);
  });

  it('waits for the page to publish; start() says it has, and starts at once', async () => {
    const { host, seen, running } = await mount(html`
      <agora-relay-host channel-name=${channel}>
        <agora-relay-destination channel-name="byo-dest-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await sleep(800);
    expect(await relayCommandTypes(standIn), 'nothing before publish').to.deep.equal([]);
    expect(host.state).to.equal('RELAY_STATE_IDLE');
    await client.publish(track);
    await host.start();
    expect(running(), 'start() resolved with the relay running').to.equal(true);
    await sleep(600); // the publish check must not start a second relay
    expect(await relayCommandTypes(standIn)).to.deep.equal(START);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('removal stops the relay and leaves the page’s client joined and publishing, with none of the host’s listeners', async () => {
    const listenerCounts = () => CLIENT_EVENTS.map((type) => client.getListeners(type).length);
    const withoutHost = listenerCounts();
    await client.publish(track);
    const { host, seen, running, flush } = await mount(html`
      <agora-relay-host channel-name=${channel}>
        <agora-relay-destination channel-name="byo-dest-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await until(running, 5000, 'RELAY_STATE_RUNNING');
    await host.settled();
    expect(listenerCounts(), 'the host listens while connected').not.to.deep.equal(withoutHost);

    // A move within the document is not a removal.
    await standIn.log.clear();
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(host);
    await flush();
    expect(await relayCommandTypes(standIn), 'a move sends nothing').to.deep.equal([]);
    expect(host.state).to.equal('RELAY_STATE_RUNNING');

    await standIn.log.clear();
    host.remove();
    await standIn.log.waitFor({ service: 'relay', direction: 'in', type: 'StopPacketTransfer' }, 3000);
    await host.settled();
    elsewhere.remove();
    await sleep(300);
    const after = await received(standIn);
    expect(await relayCommandTypes(standIn), 'removal stops the relay').to.deep.equal(['StopPacketTransfer']);
    expect(
      after.filter(({ service }) => service === 'gateway').map(({ type }) => type),
      'no unpublish or leave for a client the host did not make',
    ).to.deep.equal([]);
    expect(client.connectionState, 'still joined').to.equal('CONNECTED');
    expect(client.localTracks, 'still publishing').to.deep.equal([track]);
    expect(track.getMediaStreamTrack().readyState, 'the page’s track is not closed').to.equal('live');
    expect(listenerCounts(), 'every listener the host added is gone').to.deep.equal(withoutHost);
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
    // The SDK reported IDLE for that stop; the host must not keep saying RUNNING for a relay it stopped.
    expect(host.state, 'the host’s state after its relay was stopped').to.equal('RELAY_STATE_IDLE');
    expect(details(seen, 'channel-media-relay-state').at(-1)).to.deep.equal({
      state: 'RELAY_STATE_IDLE',
      previousState: 'RELAY_STATE_RUNNING',
      code: 'RELAY_OK',
    });
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('an expired destination token: the SDK’s IDLE-then-FAILURE is one FAILURE event, the statuses fail, and the stuck relay gets nothing', async () => {
    await client.publish(track);
    const { host, seen, destinations, running, flush } = await mount(html`
      <agora-relay-host channel-name=${channel}>
        <agora-relay-destination channel-name="byo-dest-b"></agora-relay-destination>
      </agora-relay-host>
    `);
    await until(running, 5000, 'RELAY_STATE_RUNNING');
    await host.settled();
    const stateEvents = details(seen, 'channel-media-relay-state').length;
    await standIn.log.clear();
    await standIn.relay.pushStatus('onDestTokenPrivilegeDidExpire');
    await until(() => host.state === 'RELAY_STATE_FAILURE', 3000, 'RELAY_STATE_FAILURE');
    await flush();
    expect(details(seen, 'channel-media-relay-state').slice(stateEvents)).to.deep.equal([
      { state: 'RELAY_STATE_FAILURE', previousState: 'RELAY_STATE_RUNNING' },
    ]);
    expect(destinations()[0]?.getAttribute('status')).to.equal('failed');
    const errors = details(seen, 'agora-relay-error');
    expect(errors.map(({ code, operation }) => [code, operation])).to.deep.equal([['RELAY_FAILURE', 'start']]);
    expect(String(errors[0]?.message)).to.contain('leaves and joins the channel again');
    host.append(destinationElement('byo-dest-c'));
    await flush();
    expect(await relayCommandTypes(standIn), 'nothing sent to a stuck relay').to.deep.equal([]);
  });
});
