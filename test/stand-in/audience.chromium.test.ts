// <agora-relay-audience> on the REAL agora-rtc-sdk-ng 4.24.8 through the local stand-in with media. No `sdk` property:
// the element takes the page's window.AgoraRTC and makes its own client, which joins the stand-in because
// setLocalAccessPointsV2 on a throwaway client writes page-global parameters (as in elements-managed.chromium.test.ts).
//
// The co-hosted channel "…-b": its own host is a real SDK client that joins it and publishes a blue canvas; the host of
// "…-a" is another real client publishing a red canvas, relayed into "…-b" under its fixed destination uid 1001 by
// the real startChannelMediaRelay through the stand-in's relay. The audience's tiles must play those pictures: frames
// growing on each tile's <video>, each tile the colour of its own host.
import { expect, fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { describeError } from '../../src/core/messages.js';
import { pointAgoraRTCAtStandIn, pointClientAtStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn, StandInLogEntry } from '../../src/testing/stand-in/browser.js';
import { canvasPicture, near, shownColour } from './support/canvas-picture.js';
import type { CanvasPicture, Rgb } from './support/canvas-picture.js';
import { ACCESS_TOKEN_2, details, listen, tokenRequests } from './support/element-stand-in.js';
import { framesGrow, joinedClient, reportStandInLog } from './support/media-checks.js';
import { MediaWorld } from './support/media-world.js';
import { until } from './support/timing.js';

const RED: Rgb = [220, 40, 40];
const BLUE: Rgb = [40, 60, 220];

const EVENTS = ['agora-relay-error', 'connection-state-change', 'user-joined', 'user-left', 'user-published', 'user-unpublished'];

const messageOf = (entry: StandInLogEntry | undefined) => (entry?.message ?? {}) as Record<string, unknown>;
const statusText = (element: Element) =>
  element.shadowRoot?.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tileUids = (element: Element) =>
  [...(element.shadowRoot?.querySelectorAll('[part="remote"]') ?? [])].map((tile) => (tile as HTMLElement).dataset.uid);
const labelOf = (element: Element, uid: number) =>
  element.shadowRoot?.querySelector(`[part="remote"][data-uid="${uid}"] [part="label"]`)?.textContent?.trim();

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let world: MediaWorld;
let channels = 0;

const tileVideo = (element: Element, uid: number) =>
  element.shadowRoot?.querySelector<HTMLVideoElement>(`[part="remote"][data-uid="${uid}"] video`) ?? null;
const framesOf = (element: Element, uid: number) => tileVideo(element, uid)?.getVideoPlaybackQuality().totalVideoFrames ?? 0;

describe('<agora-relay-audience> on the real SDK through the local stand-in', function () {
  // Generous: media on a two-core machine shared with other work.
  this.timeout(90_000);
  let element: AgoraRelayAudience | undefined;
  let clients: IAgoraRTCClient[] = [];
  let createClient: IAgoraRTC['createClient'];
  const pictures: CanvasPicture[] = [];

  before(async () => {
    world = await MediaWorld.start();
    ({ sdk, standIn } = world);
    pointAgoraRTCAtStandIn(sdk as never, standIn.addresses);
    pointClientAtStandIn(sdk.createClient({ mode: 'live', codec: 'vp8' }), standIn.addresses);
  });

  after(async () => {
    await standIn?.stop();
  });

  beforeEach(async () => {
    await standIn.reset();
    clients = [];
    createClient = sdk.createClient;
    sdk.createClient = (config) => {
      const client = createClient.call(sdk, config);
      clients.push(client);
      return client;
    };
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await reportStandInLog(standIn);
    element?.remove();
    element = undefined;
    sdk.createClient = createClient;
    await world.cleanUp();
    for (const picture of pictures.splice(0)) picture.stop();
    // Every joined client must be gone before the next test (ICE fails ~15 s after a join).
    await until(() => clients.every((client) => client.connectionState === 'DISCONNECTED'), 10_000, 'the leave');
  });

  async function mount(channel: string) {
    element = await fixture<AgoraRelayAudience>(html`
      <agora-relay-audience app-id="stand-in-app" channel-name=${channel} token-url="/agora/token">
        <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
      </agora-relay-audience>
    `);
    const seen = listen(element, EVENTS);
    await until(() => clients[0]?.connectionState === 'CONNECTED', 20_000, 'the audience to join');
    return { audience: element, seen, client: clients[0] as IAgoraRTCClient };
  }

  /** A host in `channel`: a real SDK client publishing a canvas of `colour` (not one of the audience's clients). */
  async function canvasHost(channel: string, uid: number, colour: Rgb): Promise<IAgoraRTCClient> {
    const host = await joinedClient(sdk, standIn, channel, uid, 'host');
    clients.splice(clients.indexOf(host), 1);
    world.clients.push(host);
    const picture = canvasPicture(sdk, colour);
    pictures.push(picture);
    await host.publish(picture.track);
    return host;
  }

  it('joins as audience with a token-url token; shows stage-b’s own host and stage-a’s relayed in by the real relay, frames growing', async () => {
    const [a = '', b = ''] = world.channels('audience', 2);
    const own = await canvasHost(b, 2001, BLUE);
    const { audience, seen, client } = await mount(b);
    expect(client.role).to.equal('audience');
    const joins = await standIn.log.entries({ service: 'gateway', direction: 'in', type: 'join_v3' });
    expect(joins, 'the own host’s join, then the audience’s').to.have.length(2);
    const join = messageOf(joins[1]);
    expect(join.channel_name).to.equal(b);
    expect(join.role).to.equal('audience');
    expect(String(join.channel_key), 'the join token from token-url').to.match(ACCESS_TOKEN_2);
    expect(tokenRequests().filter((request) => request.startsWith('join ') && request.includes(b))).to.deep.equal([`join ${b} 0`]);
    await until(() => tileUids(audience).includes('2001'), 20_000, 'the tile of stage-b’s own host');

    // Stage A's host, relayed into stage-b under its fixed destination uid 1001 by the SDK's own relay.
    const relayed = await canvasHost(a, 1001, RED);
    await world.relay(relayed, [[b, 1001]]);
    await until(() => tileUids(audience).length === 2, 20_000, 'the tile of stage-a’s host');
    expect(tileUids(audience)).to.deep.equal(['2001', '1001']);
    expect(labelOf(audience, 1001)).to.equal('Stage A — Alice');
    expect(labelOf(audience, 2001)).to.equal('2001');
    await until(() => !!tileVideo(audience, 1001), 20_000, 'the relayed host’s <video>');
    await framesGrow(() => framesOf(audience, 1001), 10, 30_000, 'frames on the relayed host’s tile');
    await framesGrow(() => framesOf(audience, 2001), 10, 30_000, 'frames on the own host’s tile');
    await until(() => near(shownColour(tileVideo(audience, 1001)!), RED), 10_000, 'red on 1001’s tile').catch(() => undefined);
    expect(shownColour(tileVideo(audience, 1001)!), 'the relayed tile plays stage-a’s picture').to.satisfy((rgb: Rgb) => near(rgb, RED));
    expect(shownColour(tileVideo(audience, 2001)!), 'the own tile plays stage-b’s picture').to.satisfy((rgb: Rgb) => near(rgb, BLUE));
    expect(statusText(audience)).to.match(/^Live: watching 2 hosts\./);

    // A host leaving takes its tile away: stage-a's host (its relay ends with it), then stage-b's own.
    await relayed.leave();
    await until(() => !tileUids(audience).includes('1001'), 20_000, 'the relayed host’s tile to go');
    await own.leave();
    await until(() => tileUids(audience).length === 0, 20_000, 'the own host’s tile to go');
    expect(details(seen, 'user-left').map(({ uid }) => uid).sort()).to.deep.equal([1001, 2001]);
    expect(statusText(audience)).to.contain('Waiting for a host');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });

  it('leaves when removed', async () => {
    const channel = `audience-${++channels}`;
    const { audience, client } = await mount(channel);
    await standIn.log.clear();
    element = undefined;
    audience.remove();
    await until(() => client.connectionState === 'DISCONNECTED', 10_000, 'the leave');
    const leave = await standIn.log.waitFor({ service: 'gateway', direction: 'in', type: 'leave' }, 2000);
    expect(leave).not.to.equal(undefined);
  });

  it('a token Agora refuses (join answered 110): TOKEN_EXPIRE in the status, nothing left joined', async () => {
    const channel = `audience-${++channels}`;
    await standIn.gateway.reply('join_v3', { fail: 110, times: 1 });
    element = await fixture<AgoraRelayAudience>(
      html`<agora-relay-audience app-id="stand-in-app" channel-name=${channel}></agora-relay-audience>`,
    );
    const seen = listen(element, EVENTS);
    await until(() => details(seen, 'agora-relay-error').length > 0, 20_000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['TOKEN_EXPIRE']);
    const words = describeError({ code: 'TOKEN_EXPIRE', message: '' });
    expect(statusText(element)).to.equal(`${words.title} ${words.action}`);
    expect(clients.every((client) => client.connectionState === 'DISCONNECTED')).to.equal(true);
  });

  it('banned from the channel: UID_BANNED in plain words', async () => {
    const channel = `audience-${++channels}`;
    const { audience, seen, client } = await mount(channel);
    await standIn.gateway.ban(14, { channel });
    await until(() => details(seen, 'agora-relay-error').length > 0, 15_000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['UID_BANNED']);
    expect(statusText(audience)).to.contain('This user was removed from the channel.');
    expect(client.connectionState).to.equal('DISCONNECTED');
  });
});
