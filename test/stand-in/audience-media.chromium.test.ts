// <agora-relay-audience> on the REAL agora-rtc-sdk-ng 4.24.8 through the local stand-in with media: an audience of
// "…-b" gets a tile for "…-b"'s own host and one for "…-a"'s host relayed in by the real startChannelMediaRelay, each
// playing its host's picture (a canvas of its own colour, frames growing on the tile's <video>), and a host leaving
// takes its tile away. The element makes its own client from the page's window.AgoraRTC, pointed at the stand-in
// page-wide (see audience.chromium.test.ts). Timeouts are generous: media on two cores shared with other work.
import { expect } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { pointAgoraRTCAtStandIn, pointClientAtStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { labelOf, messageOf, mountAudience, recordClients, statusText, tileUids } from './support/audience-stand-in.js';
import { canvasPicture, near, shownColour } from './support/canvas-picture.js';
import type { CanvasPicture, Rgb } from './support/canvas-picture.js';
import { ACCESS_TOKEN_2, details, tokenRequests } from './support/element-stand-in.js';
import { framesGrow, joinedClient, reportStandInLog } from './support/media-checks.js';
import { MediaWorld } from './support/media-world.js';
import { until } from './support/timing.js';

const RED: Rgb = [220, 40, 40];
const BLUE: Rgb = [40, 60, 220];

const tileVideo = (element: Element, uid: number) =>
  element.shadowRoot?.querySelector<HTMLVideoElement>(`[part="remote"][data-uid="${uid}"] video`) ?? null;
const framesOf = (element: Element, uid: number) => tileVideo(element, uid)?.getVideoPlaybackQuality().totalVideoFrames ?? 0;

let world: MediaWorld;
let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;

describe('<agora-relay-audience> on the real SDK through the stand-in with media and its relay', function () {
  this.timeout(120_000);
  let element: AgoraRelayAudience | undefined;
  let recorded: ReturnType<typeof recordClients>;
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

  beforeEach(() => {
    recorded = recordClients(sdk);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await reportStandInLog(standIn);
    element?.remove();
    element = undefined;
    recorded.restore();
    await world.cleanUp();
    for (const picture of pictures.splice(0)) picture.stop();
    // Every joined client must be gone before the next test (ICE fails ~15 s after a join).
    await until(() => recorded.clients.every((client) => client.connectionState === 'DISCONNECTED'), 10_000, 'the leave');
  });

  /** A host in `channel`: a real SDK client publishing a canvas of `colour` (not one of the audience's clients). */
  async function canvasHost(channel: string, uid: number, colour: Rgb): Promise<IAgoraRTCClient> {
    const host = await joinedClient(sdk, standIn, channel, uid, 'host');
    recorded.clients.splice(recorded.clients.indexOf(host), 1);
    world.clients.push(host);
    const picture = canvasPicture(sdk, colour);
    pictures.push(picture);
    world.tracks.push(picture.track); // closed by cleanUp() after the leave, as MediaWorld's own hosts' tracks are
    await host.publish(picture.track);
    return host;
  }

  it('shows stage-b’s own host and stage-a’s relayed in by the real relay, each tile its host’s picture; a host leaving takes its tile', async () => {
    const [a = '', b = ''] = world.channels('audience', 2);
    const own = await canvasHost(b, 2001, BLUE);
    const { audience, seen, client } = await mountAudience(b, recorded.clients, 20_000);
    element = audience;
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
    expect(tileUids(audience)).to.deep.equal(['2001']);
    await own.leave();
    await until(() => tileUids(audience).length === 0, 20_000, 'the own host’s tile to go');
    // The relayed host's tile goes with its stream; its user-left comes only when its relay socket closes, which
    // can be after the own host's leave (measured: ~100 ms later), so wait for both before asserting them.
    await until(() => details(seen, 'user-left').length >= 2, 20_000, 'both hosts’ user-left');
    expect(details(seen, 'user-left').map(({ uid }) => uid).sort()).to.deep.equal([1001, 2001]);
    expect(statusText(audience)).to.contain('Waiting for a host');
    expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
  });
});
