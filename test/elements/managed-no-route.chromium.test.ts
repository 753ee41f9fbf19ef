// Managed mode with no route to Agora at all, on the REAL agora-rtc-sdk-ng: nothing on this page points the SDK
// anywhere, and this Chromium's resolver rules leave every host name but this machine unresolvable (the
// chromium-network group of web-test-runner.config.mjs). The host must load the SDK itself, fail its join within
// seconds with a clear `agora-relay-error` (operation `join`), make no relay call, and clean up.
// `wtr --files` may load this file in Firefox too: there it registers one pending test instead of letting the real
// SDK reach for the network.
import { expect, fixture, html } from '@open-wc/testing';
import '../support/guard.js';
import '../../src/index.js';
import type { AgoraRelayHost } from '../../src/index.js';

const isChromium = /Chrome\//.test(navigator.userAgent) && !/Firefox\//.test(navigator.userAgent);

type SdkCall = { method: string; at: number };
interface SpiedClient {
  connectionState: string;
  [method: string]: unknown;
}

const RELAY_METHODS = ['startChannelMediaRelay', 'updateChannelMediaRelay', 'stopChannelMediaRelay'];
const CLIENT_METHODS = ['join', 'publish', 'leave', ...RELAY_METHODS];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Resources this page fetched from the SDK package so far. */
const sdkResources = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/agora-rtc-sdk-ng/'));

/**
 * Watches `window.AgoraRTC` being defined (the UMD build assigns it when it runs) without defining it: records when,
 * and spies on the clients the namespace makes (which methods the host called, in order). Instrumentation only.
 */
function watchForSdk() {
  const calls: SdkCall[] = [];
  const clients: SpiedClient[] = [];
  let definedAt: number | undefined;
  let value: unknown;
  Object.defineProperty(window, 'AgoraRTC', {
    configurable: true,
    get: () => value,
    set(sdk: { createClient?: (...args: unknown[]) => SpiedClient } | undefined) {
      definedAt ??= performance.now();
      value = sdk;
      // As the other real-SDK tests do: errors only in the test output, and no log upload attempt.
      const quiet = sdk as { setLogLevel?: (level: number) => void; disableLogUpload?: () => void } | undefined;
      quiet?.setLogLevel?.(4);
      quiet?.disableLogUpload?.();
      const createClient = sdk?.createClient;
      if (!sdk || typeof createClient !== 'function') return;
      sdk.createClient = (...args: unknown[]) => {
        const client = createClient.apply(sdk, args);
        clients.push(client);
        for (const method of CLIENT_METHODS) {
          const original = client[method] as (...a: unknown[]) => unknown;
          client[method] = (...a: unknown[]) => {
            calls.push({ method, at: performance.now() });
            return original.apply(client, a);
          };
        }
        return client;
      };
    },
  });
  const restore = () => {
    delete (window as { AgoraRTC?: unknown }).AgoraRTC;
    if (value !== undefined) (window as { AgoraRTC?: unknown }).AgoraRTC = value;
  };
  return { calls, clients, definedAt: () => definedAt, restore };
}

(isChromium ? describe : describe.skip)('<agora-relay-host app-id> with no route to Agora (real SDK, nothing pointed anywhere)', function () {
  this.timeout(30_000);
  /** The join error the first test saw, for the second to judge. */
  let joinError: Record<string, unknown> | undefined;

  it('loads the SDK itself, fails the join within seconds with a clear join error, makes no relay call, and cleans up', async () => {
    expect((window as { AgoraRTC?: unknown }).AgoraRTC, 'no SDK on the page before').to.equal(undefined);
    expect(sdkResources(), 'nothing of the SDK fetched before').to.deep.equal([]);
    const watch = watchForSdk();
    try {
      const element = await fixture<AgoraRelayHost>(html`
        <agora-relay-host channel-name="stage-a">
          <agora-relay-destination channel-name="stage-b"></agora-relay-destination>
        </agora-relay-host>
      `);
      const seen: { type: string; detail: Record<string, unknown> }[] = [];
      for (const type of ['agora-relay-error', 'connection-state-change', 'channel-media-relay-state', 'channel-media-relay-event']) {
        element.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
      }
      await sleep(300);
      expect(watch.definedAt(), 'no app-id yet: the SDK is not loaded').to.equal(undefined);
      expect(sdkResources()).to.deep.equal([]);

      const started = performance.now();
      element.appId = '0123456789abcdef0123456789abcdef';
      expect(element.sdk, 'no sdk property').to.equal(null);
      const errors = () => seen.filter(({ type }) => type === 'agora-relay-error').map(({ detail }) => detail);
      // Bounded: the join-timeout (10 s by default) plus a margin; the SDK's bounded retries should fail sooner.
      await until(() => errors().length > 0, 13_000, 'the join error');
      const took = performance.now() - started;

      expect(watch.definedAt(), 'window.AgoraRTC appeared').not.to.equal(undefined);
      expect(watch.definedAt()! - started, 'and only after app-id was set').to.be.greaterThan(0);
      expect(sdkResources().length, 'the SDK was fetched lazily').to.be.greaterThan(0);
      expect(watch.clients, 'one client made').to.have.length(1);

      const [error] = errors();
      joinError = error;
      expect(error?.operation).to.equal('join');
      expect(['NETWORK_ERROR', 'TIMEOUT'], `code ${String(error?.code)}`).to.include(error?.code);
      expect(String(error?.message ?? ''), 'a message').not.to.equal('');
      expect(took, 'the join failed within seconds').to.be.lessThan(12_000);

      const client = watch.clients[0]!;
      await until(() => client.connectionState === 'DISCONNECTED', 3000, 'the client to be DISCONNECTED');
      await sleep(500); // nothing follows the failure
      expect(errors(), 'one error').to.have.length(1);
      const methods = watch.calls.map(({ method }) => method);
      expect(methods.filter((method) => RELAY_METHODS.includes(method)), 'no relay call').to.deep.equal([]);
      expect(methods, 'a join and nothing else').to.deep.equal(['join']);
      expect(seen.filter(({ type }) => type.startsWith('channel-media-relay')), 'no relay state or event').to.deep.equal([]);
      expect(element.state).to.equal('RELAY_STATE_IDLE');
      expect(element.querySelector('agora-relay-destination')?.getAttribute('status')).to.equal('idle');
      expect(details(seen, 'connection-state-change').at(-1)?.state).to.equal('DISCONNECTED');

      const before = seen.length;
      element.remove();
      await sleep(500);
      expect(client.connectionState).to.equal('DISCONNECTED');
      expect(watch.calls.slice(methods.length).map(({ method }) => method), 'removal: at most a leave').to.satisfy(
        (after: string[]) => after.every((method) => method === 'leave'),
      );
      expect(seen.slice(before).filter(({ type }) => type === 'agora-relay-error'), 'removal reports nothing').to.deep.equal([]);
    } finally {
      watch.restore();
    }
  });

  // The SDK's own text for a failed join is the bare "Network Error": it says neither what failed (the join of which
  // channel) nor why (Agora unreachable from here). The TIMEOUT path says both; the NETWORK_ERROR path should too.
  it('the join error says which channel could not be joined, not only the SDK’s "Network Error"', () => {
    expect(joinError, 'the join error of the test above').not.to.equal(undefined);
    const message = String(joinError?.message);
    expect(message, 'more than the SDK’s bare text').not.to.equal('Network Error');
    expect(message, 'names the channel').to.contain('stage-a');
  });
});

function details(seen: { type: string; detail: Record<string, unknown> }[], type: string) {
  return seen.filter((event) => event.type === type).map((event) => event.detail);
}
