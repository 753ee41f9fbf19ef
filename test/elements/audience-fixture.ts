// Shared by the audience tests: a fake SDK that remembers its clients, a mounted <agora-relay-audience>, the events
// it fired, and what its shadow root shows.
import { fixture, html } from '@open-wc/testing';
import { clickAt } from '../support/trusted-input.js';
import type { AgoraRelayAudience } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeAgoraRTCOptions, type FakeClient } from '../../src/testing/index.js';

export const AUDIENCE_EVENTS = [
  'agora-relay-error',
  'connection-state-change',
  'user-joined',
  'user-left',
  'user-published',
  'user-unpublished',
] as const;

export type Seen = { type: string; detail: Record<string, unknown> }[];

/** A fake whose clients are kept in order; `onClient` may arm a client before it is used. */
export function audienceFake(options?: FakeAgoraRTCOptions, onClient: (client: FakeClient) => void = () => undefined) {
  const AgoraRTC = createFakeAgoraRTC(options);
  const clients: FakeClient[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    onClient(client);
    return client;
  }) as FakeAgoraRTC['createClient'];
  return { AgoraRTC, clients, client: () => clients[0] as FakeClient };
}

export function listen(element: EventTarget, types: readonly string[] = AUDIENCE_EVENTS): Seen {
  const seen: Seen = [];
  for (const type of types) {
    element.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  return seen;
}

export const details = (seen: Seen, type: string) => seen.filter((entry) => entry.type === type).map((e) => e.detail);

/** Mounts an audience with the given attributes (as markup) and the fake as its `sdk`. */
export async function mountAudience(
  attributes: Record<string, string | boolean | undefined>,
  fake = audienceFake(),
  children = '',
  setup: (element: AgoraRelayAudience) => void = () => undefined,
) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const element = document.createElement('agora-relay-audience') as AgoraRelayAudience;
  const seen = listen(element);
  element.sdk = fake.AgoraRTC;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.innerHTML = children;
  setup(element);
  container.append(element);
  return { element, seen, ...fake };
}

export const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
export const statusOf = (element: Element) => shadow(element).querySelector('[part="status"]');
export const statusText = (element: Element) => statusOf(element)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const tiles = (element: Element) => [...shadow(element).querySelectorAll('[part="remote"]')] as HTMLElement[];
export const tileUids = (element: Element) => tiles(element).map((tile) => tile.dataset.uid);
export const labelOf = (element: Element, uid: number | string) =>
  shadow(element).querySelector(`[part="remote"][data-uid="${uid}"] [part="label"]`)?.textContent?.trim();
export const unmuteButton = (element: Element) => shadow(element).querySelector('[part="unmute"]') as HTMLButtonElement | null;

/** A remote host joins the fake channel and publishes. */
export function hostPublishes(client: FakeClient, uid: number, media: ('audio' | 'video')[] = ['audio', 'video']): void {
  if (!client.remoteUsers.some((user) => user.uid === uid)) client.fake.addRemoteUser(uid);
  for (const mediaType of media) client.fake.publishRemote(uid, mediaType);
}

/**
 * A trusted click (a real input event from the browser driver, unlike element.click()), at the element's centre: it
 * gives the page the user activation the autoplay policy asks for.
 */
export async function trustedClick(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const rect = element.getBoundingClientRect();
  await clickAt(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** Gives the page sticky user activation once, so the browser lets media start (tests not about autoplay). */
export async function activatePage(): Promise<void> {
  const spot = document.createElement('div');
  spot.style.cssText = 'position:fixed;left:0;top:0;width:20px;height:20px';
  document.body.append(spot);
  await trustedClick(spot);
  spot.remove();
}
