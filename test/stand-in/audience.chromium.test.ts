// <agora-relay-audience> on the REAL agora-rtc-sdk-ng 4.24.8 through the local Agora stand-in (signalling only: the
// media path and frame checks come with the stand-in's media peer). No `sdk` property: the element takes the page's
// window.AgoraRTC and makes its own client, which joins the stand-in because setLocalAccessPointsV2 on a throwaway
// client writes page-global parameters (as in elements-managed.chromium.test.ts).
//
// The co-hosted channel "stage-b": its own host is a second real SDK client that joins stage-b and publishes a
// canvas track; stage-a's host relayed in is announced by the stand-in as a user of stage-b (what Agora's relay
// service looks like to stage-b's members: a remote user with the relay's destination uid). The stand-in's relay
// does not announce relayed users by itself yet.
import { expect, fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { describeError } from '../../src/core/messages.js';
import { createStandInClient, pointAgoraRTCAtStandIn, pointClientAtStandIn, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn, StandInLogEntry } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { ACCESS_TOKEN_2, canvasVideoTrack, details, listen, tokenRequests } from './support/element-stand-in.js';
import { until } from './support/timing.js';
import { sdkOlderThan } from './support/sdk-version.js';

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
let channels = 0;

describe('<agora-relay-audience> on the real SDK through the local stand-in', function () {
  this.timeout(25_000);
  let element: AgoraRelayAudience | undefined;
  let clients: IAgoraRTCClient[] = [];
  let createClient: IAgoraRTC['createClient'];
  let stageHost: IAgoraRTCClient | undefined;

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
    await stageHost?.leave();
    stageHost = undefined;
    // Every joined client must be gone before the next test (ICE fails ~15 s after a join).
    await until(() => clients.every((client) => client.connectionState === 'DISCONNECTED'), 5000, 'the leave');
  });

  async function mount(channel: string) {
    element = await fixture<AgoraRelayAudience>(html`
      <agora-relay-audience app-id="stand-in-app" channel-name=${channel} token-url="/agora/token">
        <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
      </agora-relay-audience>
    `);
    const seen = listen(element, EVENTS);
    await until(() => clients[0]?.connectionState === 'CONNECTED', 8000, 'the audience to join');
    return { audience: element, seen, client: clients[0] as IAgoraRTCClient };
  }

  /** Stage B's own host: a real SDK client, joined and publishing before the audience comes. */
  async function stageOwnHost(channel: string, uid: number) {
    const host = createStandInClient(sdk, standIn.addresses, { mode: 'live', codec: 'vp8', role: 'host' }) as IAgoraRTCClient;
    clients.splice(clients.indexOf(host), 1); // not the audience's
    await host.join('stand-in-app', channel, null, uid);
    await host.publish(canvasVideoTrack(sdk));
    stageHost = host;
    return host;
  }

  it('joins as audience at latency level 1 with a token-url token, and shows stage-b’s own host and stage-a’s relayed in', async () => {
    const channel = `audience-${++channels}`;
    const own = await stageOwnHost(channel, 2001);
    const { audience, seen, client } = await mount(channel);
    expect(client.role).to.equal('audience');
    const joins = await standIn.log.entries({ service: 'gateway', direction: 'in', type: 'join_v3' });
    expect(joins, 'the own host’s join, then the audience’s').to.have.length(2);
    const join = messageOf(joins[1]);
    expect(join.channel_name).to.equal(channel);
    expect(join.role).to.equal('audience');
    expect(String(join.channel_key), 'the join token from token-url').to.match(ACCESS_TOKEN_2);
    expect(tokenRequests().filter((request) => request.startsWith('join ') && request.includes(channel))).to.deep.equal([
      `join ${channel} 0`,
    ]);

    await until(() => tileUids(audience).includes('2001'), 5000, 'the tile of stage-b’s own host');
    // Stage A's host, relayed into stage-b under its fixed destination uid 1001.
    await standIn.users.join(channel, 1001);
    await standIn.users.publish(channel, 1001, 'both');
    await until(() => tileUids(audience).length === 2, 5000, 'the tile of stage-a’s host');
    expect(tileUids(audience)).to.deep.equal(['2001', '1001']);
    expect(labelOf(audience, 1001)).to.equal('Stage A — Alice');
    expect(labelOf(audience, 2001)).to.equal('2001');
    await until(() => !!audience.shadowRoot?.querySelector('[data-uid="1001"] video'), 4000, 'the relayed host’s <video>');
    expect(statusText(audience)).to.match(/^Live: watching 2 hosts\./);
    const subscribes = await standIn.log.entries({ service: 'gateway', direction: 'in', type: 'subscribe' });
    expect(subscribes.length, 'video of 2001, audio and video of 1001').to.equal(3);

    // A host leaving takes its tile away: the relayed one, then stage-b's own.
    await standIn.users.leave(channel, 1001);
    await until(() => !tileUids(audience).includes('1001'), 3000, 'the relayed host’s tile to go');
    await own.leave();
    await until(() => tileUids(audience).length === 0, 5000, 'the own host’s tile to go');
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
    await until(() => client.connectionState === 'DISCONNECTED', 5000, 'the leave');
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
    if (sdkOlderThan('4.23.0')) {
      // 4.20 to 4.22 ask the access point and gateway again after a 110, for as long as it lasts (measured: 19
      // refusals in 15 s, join still pending), so a refused token ends in the audience's own join TIMEOUT; refused
      // once, the second answer joins.
      await until(() => statusText(element!).includes('Waiting for a host'), 10_000, 'joined');
      expect(details(seen, 'agora-relay-error')).to.deep.equal([]);
      const joins = await standIn.log.entries({ service: 'gateway', direction: 'in', type: 'join_v3' });
      expect(joins.length, 'join_v3 asked twice').to.equal(2);
      return;
    }
    await until(() => details(seen, 'agora-relay-error').length > 0, 8000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['TOKEN_EXPIRE']);
    const words = describeError({ code: 'TOKEN_EXPIRE', message: '' });
    expect(statusText(element)).to.equal(`${words.title} ${words.action}`);
    expect(clients.every((client) => client.connectionState === 'DISCONNECTED')).to.equal(true);
  });

  it('banned from the channel: UID_BANNED in plain words', async () => {
    const channel = `audience-${++channels}`;
    const { audience, seen, client } = await mount(channel);
    await standIn.gateway.ban(14, { channel });
    await until(() => details(seen, 'agora-relay-error').length > 0, 5000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['UID_BANNED']);
    expect(statusText(audience)).to.contain('This user was removed from the channel.');
    expect(client.connectionState).to.equal('DISCONNECTED');
  });
});
