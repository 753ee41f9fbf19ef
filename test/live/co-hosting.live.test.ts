// The live smoke test against Agora's cloud (opt-in: `npm run test:live`, scripts/live-smoke.mjs, never part of
// npm test). Two managed hosts relay to each other's channel and an audience of each channel sees both hosts, each
// tile's video playing frames. Everything the local stand-in assumes about Agora's servers is checked here first.
// The App ID comes from the page (window.__AGORA_LIVE); tokens from the runner's /agora/token (agora-token, with the
// App Certificate kept in Node).
import { expect } from '@open-wc/testing';
import type { IAgoraRTC } from 'agora-rtc-sdk-ng';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayAudience, AgoraRelayHost } from '../../src/index.js';
import { loadRealAgoraRTC } from '../support/contract-load-real-sdk.js';

declare global {
  interface Window {
    __AGORA_LIVE?: { appId: string; run: string };
  }
}

const live = window.__AGORA_LIVE!;
const [UID_A, UID_B] = [1001, 2001];

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`live: no ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function host(channel: string, uid: number, otherChannel: string): AgoraRelayHost {
  const element = document.createElement('agora-relay-host') as AgoraRelayHost;
  element.setAttribute('app-id', live.appId);
  element.setAttribute('channel-name', channel);
  element.setAttribute('join-uid', String(uid));
  element.setAttribute('token-url', '/agora/token');
  // Relayed under its own join uid, so the other channel's audience can tell the hosts apart.
  const destination = document.createElement('agora-relay-destination');
  destination.setAttribute('channel-name', otherChannel);
  destination.setAttribute('uid', String(uid));
  element.append(destination);
  return element;
}

function audience(channel: string): AgoraRelayAudience {
  const element = document.createElement('agora-relay-audience') as AgoraRelayAudience;
  element.setAttribute('app-id', live.appId);
  element.setAttribute('channel-name', channel);
  element.setAttribute('token-url', '/agora/token');
  element.setAttribute('muted', '');
  return element;
}

/** Frames played so far in the tile of `uid` (the SDK's <video> inside it), 0 when there is none. */
function frames(viewer: AgoraRelayAudience, uid: number): number {
  const video = viewer.shadowRoot?.querySelector<HTMLVideoElement>(`[part="remote"][data-uid="${uid}"] video`);
  return video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
}

const tiles = (viewer: AgoraRelayAudience) =>
  [...(viewer.shadowRoot?.querySelectorAll('[part="remote"]') ?? [])].map((tile) => Number(tile.getAttribute('data-uid'))).sort();

describe('live: two hosts co-hosting through Agora’s channel media relay', function () {
  this.timeout(120_000);
  const elements: HTMLElement[] = [];

  before(async () => {
    // The real SDK, as a page with Agora's script tag has it (the elements take window.AgoraRTC).
    const sdk = (await loadRealAgoraRTC()) as IAgoraRTC;
    expect(sdk.VERSION).to.match(/^4\./);
  });

  after(async () => {
    for (const element of elements.splice(0)) element.remove();
    await new Promise((resolve) => setTimeout(resolve, 3000));
  });

  it('each host relays into the other channel, and each channel’s audience sees both hosts’ video', async () => {
    const [a, b] = [`relay-live-a-${live.run}`, `relay-live-b-${live.run}`];
    const hostA = host(a, UID_A, b);
    const hostB = host(b, UID_B, a);
    const errors: string[] = [];
    for (const element of [hostA, hostB]) {
      element.addEventListener('agora-relay-error', (event) => {
        const { code, operation, message } = (event as CustomEvent<{ code: string; operation: string; message: string }>).detail;
        errors.push(`${element.channelName}: ${operation} ${code} ${message}`);
      });
    }
    elements.push(hostA, hostB);
    document.body.append(hostA, hostB);
    await until(() => hostA.state === 'RELAY_STATE_RUNNING' && hostB.state === 'RELAY_STATE_RUNNING', 45_000, 'relay RUNNING on both hosts').catch(
      (error: Error) => {
        throw new Error(`${error.message} (A: ${hostA.state}, B: ${hostB.state}; errors: ${errors.join('; ') || 'none'})`);
      },
    );

    const viewA = audience(a);
    const viewB = audience(b);
    elements.push(viewA, viewB);
    document.body.append(viewA, viewB);
    await until(() => tiles(viewA).length === 2 && tiles(viewB).length === 2, 45_000, 'two hosts in each audience').catch(
      (error: Error) => {
        throw new Error(`${error.message} (audience of ${a}: ${tiles(viewA).join(',')}; of ${b}: ${tiles(viewB).join(',')})`);
      },
    );
    expect(tiles(viewA), `the audience of ${a}: its own host and the one relayed in`).to.deep.equal([UID_A, UID_B]);
    expect(tiles(viewB), `the audience of ${b}: its own host and the one relayed in`).to.deep.equal([UID_A, UID_B]);
    for (const [viewer, channel] of [[viewA, a], [viewB, b]] as const) {
      for (const uid of [UID_A, UID_B]) {
        await until(() => frames(viewer, uid) > 10, 30_000, `frames of ${uid} in the audience of ${channel}`);
      }
    }
    expect(errors, 'no relay error on either host').to.deep.equal([]);
  });
});
