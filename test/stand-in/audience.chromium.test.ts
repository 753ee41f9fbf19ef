// <agora-relay-audience> on the REAL agora-rtc-sdk-ng 4.24.8 through the local stand-in (signalling: its leave, the
// errors Agora answers with, and a host's tile going before its first frame, which no media path here ever brings). No `sdk` property: the element takes the page's window.AgoraRTC and makes its own
// client, which joins the stand-in because setLocalAccessPointsV2 on a throwaway client writes page-global parameters
// (as in elements-managed.chromium.test.ts). Tiles of the channel's own host and of a co-host relayed in by the real
// relay, with their pictures: audience-media.chromium.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { describeError } from '../../src/core/messages.js';
import { pointAgoraRTCAtStandIn, pointClientAtStandIn, startRemoteAgoraStandIn } from '../../src/testing/index.js';
import type { RemoteAgoraStandIn } from '../../src/testing/stand-in/browser.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';
import { AUDIENCE_EVENTS, mountAudience, recordClients, statusText, tileUids } from './support/audience-stand-in.js';
import { details, listen } from './support/element-stand-in.js';
import { sleep, until } from './support/timing.js';
import { sdkOlderThan } from './support/sdk-version.js';

let sdk: IAgoraRTC;
let standIn: RemoteAgoraStandIn;
let channels = 0;

describe('<agora-relay-audience> on the real SDK through the local stand-in', function () {
  // Generous: the machine running these may be shared and slow; a passing test takes a few seconds.
  this.timeout(60_000);
  let element: AgoraRelayAudience | undefined;
  let recorded: ReturnType<typeof recordClients>;
  let clients: IAgoraRTCClient[] = [];

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
    recorded = recordClients(sdk);
    ({ clients } = recorded);
  });

  afterEach(async () => {
    element?.remove();
    element = undefined;
    recorded.restore();
    // Every joined client must be gone before the next test (ICE fails ~15 s after a join).
    await until(() => clients.every((client) => client.connectionState === 'DISCONNECTED'), 10_000, 'the leave');
  });

  it('leaves when removed', async () => {
    const channel = `audience-${++channels}`;
    const { audience, client } = await mountAudience(channel, clients);
    await standIn.log.clear();
    audience.remove();
    await until(() => client.connectionState === 'DISCONNECTED', 10_000, 'the leave');
    const leave = await standIn.log.waitFor({ service: 'gateway', direction: 'in', type: 'leave' }, 5000);
    expect(leave).not.to.equal(undefined);
  });

  /**
   * Runs `scenario` and fails on any rejection nobody handled during it or in the 1.5 s after (they surface a task or
   * more after the teardown that causes them), read a task after each fires so that a listener marking one handled
   * (the SDK quirks of src/core/sdk-quirks.ts) has had its say.
   */
  async function noUnhandledRejection(scenario: () => Promise<void>): Promise<void> {
    const unhandled: string[] = [];
    const listener = (event: PromiseRejectionEvent) => {
      const reason = event.reason as DOMException;
      setTimeout(() => {
        if (!event.defaultPrevented) unhandled.push(`${reason?.name} (code ${reason?.code}): ${reason?.message}`);
      });
    };
    window.addEventListener('unhandledrejection', listener);
    try {
      await scenario();
      await sleep(1500);
      expect(unhandled, 'unhandled rejections').to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
  }

  /** An audience of a channel where a host (announced by the stand-in, no media path) publishes: its tile's <video>. */
  async function audienceWithHost() {
    const channel = `audience-${++channels}`;
    const mounted = await mountAudience(channel, clients);
    element = mounted.audience;
    await standIn.users.join(channel, 2001);
    await standIn.users.publish(channel, 2001, 'both');
    const video = () => mounted.audience.shadowRoot?.querySelector<HTMLVideoElement>('[part="remote"][data-uid="2001"] video');
    await until(() => !!video(), 10_000, 'the host’s <video>');
    // Still waiting for its first frame (and always will: this stand-in forwards no media) when the tile goes.
    expect(video()?.getVideoPlaybackQuality().totalVideoFrames).to.equal(0);
    return { channel, video, ...mounted };
  }

  it('a host’s tile waiting for its first frame, then the audience removed: no unhandled rejection', async () => {
    await noUnhandledRejection(async () => {
      const { audience, client } = await audienceWithHost();
      await sleep(600);
      audience.remove();
      await until(() => client.connectionState === 'DISCONNECTED', 10_000, 'the leave');
    });
  });

  // 4.20 left an AbortError (code 20) here with the SDK's own player in the tile (its play() interrupted).
  it('a host unpublishing (then leaving) before its first frame: the tile goes, no unhandled rejection', async () => {
    await noUnhandledRejection(async () => {
      const { audience, channel, video, seen } = await audienceWithHost();
      const shown = video() as HTMLVideoElement;
      await sleep(600);
      await standIn.users.unpublish(channel, 2001);
      await until(() => tileUids(audience).length === 0, 10_000, 'the tile to go');
      // (Compared as a boolean: chai describing a MediaStream in a failure message hung the page.)
      expect(shown.srcObject === null && !shown.isConnected, 'the tile’s <video> let go of the track').to.equal(true);
      await standIn.users.leave(channel, 2001);
      await until(() => details(seen, 'user-left').length === 1, 10_000, 'user-left');
    });
  });

  it('a token Agora refuses (join answered 110): TOKEN_EXPIRE in the status, nothing left joined', async () => {
    const channel = `audience-${++channels}`;
    await standIn.gateway.reply('join_v3', { fail: 110, times: 1 });
    element = await fixture<AgoraRelayAudience>(
      html`<agora-relay-audience app-id="stand-in-app" channel-name=${channel}></agora-relay-audience>`,
    );
    const seen = listen(element, AUDIENCE_EVENTS);
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
    await until(() => details(seen, 'agora-relay-error').length > 0, 20_000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['TOKEN_EXPIRE']);
    const words = describeError({ code: 'TOKEN_EXPIRE', message: '' });
    expect(statusText(element)).to.equal(`${words.title} ${words.action}`);
    expect(clients.every((client) => client.connectionState === 'DISCONNECTED')).to.equal(true);
  });

  it('banned from the channel: UID_BANNED in plain words', async () => {
    const channel = `audience-${++channels}`;
    const { audience, seen, client } = await mountAudience(channel, clients);
    element = audience;
    await standIn.gateway.ban(14, { channel });
    await until(() => details(seen, 'agora-relay-error').length > 0, 15_000, 'the error');
    expect(details(seen, 'agora-relay-error').map(({ code }) => code)).to.deep.equal(['UID_BANNED']);
    expect(statusText(audience)).to.contain('This user was removed from the channel.');
    expect(client.connectionState).to.equal('DISCONNECTED');
  });
});
