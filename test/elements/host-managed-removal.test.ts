// Removing a managed host always releases the camera and microphone at once and attempts leave() within seconds,
// whatever the SDK does with unpublish, leave or the relay's stop (calls held for ever here). And a page's own
// AbortError still reaches the page: nothing of ours filters rejections page-wide.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../../src/testing/index.js';
import { until } from '../core/session-fixture.js';

type Held = 'unpublish' | 'leave' | 'stop';

async function mountManaged(held: Held | null) {
  const AgoraRTC = createFakeAgoraRTC();
  const clients: FakeClient[] = [];
  const leaves: number[] = [];
  const createClient = AgoraRTC.createClient.bind(AgoraRTC);
  AgoraRTC.createClient = ((config: Parameters<FakeAgoraRTC['createClient']>[0]) => {
    const client = createClient(config);
    clients.push(client);
    const leave = client.leave.bind(client);
    client.leave = () => {
      leaves.push(performance.now());
      return leave();
    };
    // Never settled by this test: the call stays pending for ever.
    if (held) void client.fake.hold(held);
    return client;
  }) as FakeAgoraRTC['createClient'];
  const element = await fixture<AgoraRelayHost>(html`
    <agora-relay-host channel-name="stage-a"><agora-relay-destination channel-name="stage-b"></agora-relay-destination></agora-relay-host>
  `);
  const errors: Record<string, unknown>[] = [];
  element.addEventListener('agora-relay-error', (event) => errors.push((event as CustomEvent).detail));
  element.sdk = AgoraRTC;
  element.appId = 'app-id';
  await until(() => element.state === 'RELAY_STATE_RUNNING', 'the relay to run');
  const client = clients[0]!;
  const media = client.localTracks.map((track) => track.getMediaStreamTrack());
  expect(media.map((track) => track.readyState)).to.deep.equal(['live', 'live']);
  return { element, client, media, leaves, errors };
}

describe('<agora-relay-host app-id> removal on the fake SDK, with calls that never settle', () => {
  for (const held of ['unpublish', 'leave', 'stop'] as const) {
    it(`ends the camera and microphone within 500 ms and attempts leave() within 3 s when ${held} never answers`, async () => {
      const { element, client, media, leaves, errors } = await mountManaged(held);
      const removedAt = performance.now();
      element.remove();
      await until(() => media.every((track) => track.readyState === 'ended'), 'the tracks to end');
      expect(performance.now() - removedAt, 'tracks ended within').to.be.below(500);
      await until(() => leaves.length > 0, 'leave() to be attempted', 3500);
      expect(leaves[0]! - removedAt, 'leave() attempted within').to.be.below(3000);
      if (held === 'stop') {
        const stops = client.fake.calls.filter(({ method }) => method === 'stop');
        expect(stops, 'the relay stop was asked for (held; the fake’s leave() ends it)').to.have.length(1);
      }
      if (held === 'leave') {
        await until(() => errors.length > 0, 'the report', 4000);
        expect(errors.map(({ code, operation }) => [code, operation])).to.deep.equal([['TIMEOUT', 'leave']]);
      }
      expect(element.shadowRoot!.querySelector('[part="local"]'), 'the preview is gone').to.equal(null);
    });
  }
});

describe('a page’s own AbortError', () => {
  it('still reaches unhandledrejection after a managed host came and went', async () => {
    const { element } = await mountManaged(null);
    element.remove();
    const seen: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => {
      if ((event.reason as DOMException)?.name !== 'AbortError') return;
      seen.push(event.reason);
      event.preventDefault(); // the page's own, expected here: not a failure of this test
    };
    window.addEventListener('unhandledrejection', listener);
    try {
      const controller = new AbortController();
      controller.abort();
      // The page's own aborted wait, with no handler: it must be reported to the page.
      void new Promise(() => controller.signal.throwIfAborted());
      void Promise.reject(new DOMException('The page aborted this.', 'AbortError'));
      await until(() => seen.length === 2, 'both rejections reported to the page');
      expect(seen.map((reason) => (reason as DOMException).code)).to.deep.equal([20, 20]);
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
  });
});
