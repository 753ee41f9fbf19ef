// For the <agora-relay-audience> tests on the real SDK through the stand-in: what its shadow DOM shows, and the
// clients the page's SDK makes (the element makes its own from window.AgoraRTC, so the tests find it there).
import { fixture, html } from '@open-wc/testing';
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import type { AgoraRelayAudience } from '../../../src/index.js';
import type { StandInLogEntry } from '../../../src/testing/stand-in/browser.js';
import { listen } from './element-stand-in.js';
import type { SeenEvent } from './element-stand-in.js';
import { until } from './timing.js';

export const AUDIENCE_EVENTS = [
  'agora-relay-error',
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
];

export const messageOf = (entry: StandInLogEntry | undefined) => (entry?.message ?? {}) as Record<string, unknown>;
export const statusText = (element: Element) =>
  element.shadowRoot?.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const tileUids = (element: Element) =>
  [...(element.shadowRoot?.querySelectorAll('[part="remote"]') ?? [])].map((tile) => (tile as HTMLElement).dataset.uid);
export const labelOf = (element: Element, uid: number) =>
  element.shadowRoot?.querySelector(`[part="remote"][data-uid="${uid}"] [part="label"]`)?.textContent?.trim();

/** Every client `sdk.createClient` makes until `restore()`: the audience's own, and any a test makes itself. */
export function recordClients(sdk: IAgoraRTC): { clients: IAgoraRTCClient[]; restore(): void } {
  const clients: IAgoraRTCClient[] = [];
  const createClient = sdk.createClient;
  sdk.createClient = (config) => {
    const client = createClient.call(sdk, config);
    clients.push(client);
    return client;
  };
  return { clients, restore: () => (sdk.createClient = createClient) };
}

/**
 * An audience of `channel` with a token-url and a label for uid 1001, joined: the first client recorded since
 * `recordClients` (make a test's own clients before, and take them out of the list).
 */
export async function mountAudience(
  channel: string,
  clients: IAgoraRTCClient[],
  joinWithinMs = 20_000,
): Promise<{ audience: AgoraRelayAudience; seen: SeenEvent[]; client: IAgoraRTCClient }> {
  const audience = await fixture<AgoraRelayAudience>(html`
    <agora-relay-audience app-id="stand-in-app" channel-name=${channel} token-url="/agora/token">
      <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
    </agora-relay-audience>
  `);
  const seen = listen(audience, AUDIENCE_EVENTS);
  await until(() => clients[0]?.connectionState === 'CONNECTED', joinWithinMs, 'the audience to join');
  return { audience, seen, client: clients[0] as IAgoraRTCClient };
}
