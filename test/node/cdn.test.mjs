// The CDN build in headless Chromium, as a plain page uses it: one <script type="module"> for the whole library; the
// SDK's chunk (its ES module entry plus the relay service) fetched only when a relay first needs it, and never when
// the page has window.AgoraRTC; managed mode's chunk only in managed mode. And the same page under a strict
// Content-Security-Policy with Trusted Types (`require-trusted-types-for 'script'; trusted-types lit-html`) runs
// with no violation. Pages: interop/cdn/; server and browser: interop/cdn/harness.mjs. Needs `npm run build`.
/* global document -- in the functions page.evaluate() runs in the browser */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, visit } from '../../interop/cdn/harness.mjs';

const ENTRY = '/dist/cdn/agora-relay-elements.js';
const isSdkChunk = (path) => /^\/dist\/cdn\/chunks\/agora-rtc-sdk-[\w-]+\.js$/.test(path);
const isManagedChunk = (path) => /^\/dist\/cdn\/chunks\/host-managed-[\w-]+\.js$/.test(path);
const isAudienceChunk = (path) => /^\/dist\/cdn\/chunks\/audience-controller-[\w-]+\.js$/.test(path);
const isHostChunk = (path) => /^\/dist\/cdn\/chunks\/host-controller-[\w-]+\.js$/.test(path);
const libraryFiles = (requests) => requests.filter((path) => path.startsWith('/dist/cdn/'));

/**
 * The lazy-sdk page's client is the offline fake, and the configuration came from the real SDK in the chunk: the fake
 * refuses a configuration that is not its own, exactly as the real SDK refuses a foreign one. So the relay call was
 * made, once, with the chunk's configuration (the chunk's own relay is proven on a real client further down).
 */
function assertRealSdkConfigReachedFake(result) {
  assert.equal(result.calls[0], 'start');
  assert.equal(result.calls.filter((method) => method === 'start').length, 1, result.calls.join());
  assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  assert.equal(result.errors[0].code, 'INVALID_PARAMS');
  assert.match(result.errors[0].message, /^Config should be instance of \[ChannelMediaRelayConfiguration\]/);
}

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const visited = await visit(browser, server.origin, path);
  await visited.page.close();
  assert.deepEqual(visited.offsite, [], 'no request may leave this machine');
  assert.deepEqual(visited.consoleErrors, [], 'no error in the console');
  return visited;
}

describe('CDN build: one entry, lazy chunks', () => {
  test('one module script defines both elements; a host with no relay to make fetches only its own chunk', async () => {
    const { result, requests } = await open('/interop/cdn/page.html?mode=idle');
    assert.deepEqual(result.defined, ['agora-relay-host', 'agora-relay-destination']);
    const files = libraryFiles(requests);
    assert.equal(files[0], ENTRY, 'Lit is bundled in the entry');
    assert.equal(files.filter(isHostChunk).length, 1, `the connected host's internals: ${files.join(', ')}`);
    assert.equal(files.filter(isSdkChunk).length + files.filter(isManagedChunk).length, 0, files.join(', '));
    assert.equal(requests.filter(isAudienceChunk).length, 0, 'no audience on the page: its chunk is never fetched');
  });

  test('the first relay fetches the SDK chunk, once, and never the managed-mode chunk', async () => {
    const { result, requests } = await open('/interop/cdn/page.html?mode=lazy-sdk');
    const files = libraryFiles(requests);
    assert.equal(files.filter(isSdkChunk).length, 1, `one SDK chunk request in ${files.join(', ')}`);
    assert.equal(files.filter(isManagedChunk).length, 0, 'a page with its own client never loads managed mode');
    // The entry, the host's chunk and the core chunk it shares with the other lazy chunks, then the SDK.
    assert.equal(files.length, 4, `the entry, two lazy chunks and the SDK chunk only: ${files.join(', ')}`);
    assertRealSdkConfigReachedFake(result);
  });

  test('a page that has window.AgoraRTC fetches no SDK chunk at all', async () => {
    const { result, requests } = await open('/interop/cdn/page.html?mode=window-sdk');
    assert.deepEqual(result.states, ['RELAY_STATE_CONNECTING', 'RELAY_STATE_RUNNING']);
    const files = libraryFiles(requests);
    assert.equal(files.filter(isSdkChunk).length, 0, files.join(', '));
    assert.equal(files.length, 3, `the entry and two lazy chunks: ${files.join(', ')}`);
  });

  test('managed mode loads its own chunk, and with window.AgoraRTC still no SDK chunk', async () => {
    const { result, requests } = await open('/interop/cdn/page.html?mode=managed');
    assert.ok(result.states.includes('RELAY_STATE_RUNNING'), `states: ${result.states.join(', ')}`);
    assert.equal(result.tiles, 2, 'the local preview and the co-host grid rendered');
    const files = libraryFiles(requests);
    assert.equal(files.filter(isManagedChunk).length, 1);
    assert.equal(files.filter(isSdkChunk).length, 0);
  });

  test('an audience embed (markup first, script after) loads its own chunk, joins, and shows every host labelled', async () => {
    const { result, requests } = await open('/interop/cdn/audience.html?mode=watch');
    assert.equal(result.waiting, 'Connected to “stage-b”. Waiting for a host to start.');
    assert.equal(result.live, 'Live: watching 2 hosts.');
    assert.deepEqual(result.labels, ['Stage B — Bo', 'Stage A — Alice']);
    assert.equal(result.videos, 2);
    assert.equal(result.role, 'audience');
    assert.match(result.broken, /^No App ID\. Add app-id=/);
    assert.equal(result.fallbackShown, false, 'the fallback text is gone once the tag is defined');
    const files = libraryFiles(requests);
    assert.equal(files.filter(isAudienceChunk).length, 1, files.join(', '));
    assert.equal(files.filter(isManagedChunk).length, 0);
    assert.equal(files.filter(isSdkChunk).length, 0, 'window.AgoraRTC is used: no SDK chunk');
  });

  test('an audience embed whose script never runs still shows its fallback words', async () => {
    const { result, requests } = await open('/interop/cdn/audience.html?mode=no-script');
    assert.equal(result.defined, false);
    assert.match(result.visible, /If you can read this, the player did not load\./);
    assert.doesNotMatch(result.visible, /Stage A — Alice/, 'the labels are not shown as text');
    assert.match(result.brokenVisible, /The live video of stage C appears here\./);
    assert.deepEqual(libraryFiles(requests), []);
  });

  test('the SDK chunk is the SDK with its relay service registered', async () => {
    const { page } = await visit(browser, server.origin, '/interop/cdn/page.html?mode=idle');
    try {
      const chunk = (await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).find(
        (name) => name.includes('/chunks/agora-rtc-sdk-'),
      );
      assert.equal(chunk, undefined, 'not loaded yet');
      const found = await page.evaluate(async () => {
        const entry = await import('/dist/cdn/agora-relay-elements.js');
        const sdk = await entry.loadAgoraRTC(null);
        const client = sdk.createClient({ mode: 'live', codec: 'vp8' });
        const config = sdk.createChannelMediaRelayConfiguration();
        config.setSrcChannelInfo({ channelName: 'stage-a', uid: 0 });
        config.addDestChannelInfo({ channelName: 'stage-b', uid: 0 });
        const outcome = await client.startChannelMediaRelay(config).then(
          () => 'resolved',
          (error) => `${error.code}: ${error.message}`,
        );
        return {
          version: sdk.VERSION,
          hasUse: typeof sdk.AgoraRTC?.use === 'function',
          relayState: Object.keys(sdk.ChannelMediaRelayState ?? {}),
          outcome,
          resources: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
        };
      });
      assert.equal(found.version, '4.24.8');
      assert.ok(found.hasUse, 'the ES module entry (it exports AgoraRTC.use; the UMD default does not)');
      assert.ok(found.relayState.includes('RELAY_STATE_RUNNING'));
      // Without the relay service every relay call rejects "ChannelMediaRelay not found"; with it, an unjoined client
      // is refused for what it is.
      assert.doesNotMatch(found.outcome, /not found/i, found.outcome);
      assert.match(found.outcome, /^INVALID_OPERATION/, found.outcome);
      assert.equal(found.resources.filter(isSdkChunk).length, 1);
    } finally {
      await page.close();
    }
  });
});

describe('CDN build under a strict Content-Security-Policy with Trusted Types', () => {
  for (const mode of ['idle', 'window-sdk', 'managed', 'lazy-sdk']) {
    test(`${mode}: no violation, and it still works`, async () => {
      const { result, violations, requests } = await open(`/csp/page.html?mode=${mode}`);
      assert.deepEqual(violations, [], 'no securitypolicyviolation event');
      assert.deepEqual(server.reports.splice(0), [], 'no violation report');
      assert.deepEqual(result.defined, ['agora-relay-host', 'agora-relay-destination']);
      if (mode === 'lazy-sdk') {
        // The SDK chunk itself loaded and ran under the policy.
        assert.equal(libraryFiles(requests).filter(isSdkChunk).length, 1);
        assertRealSdkConfigReachedFake(result);
      } else if (mode !== 'idle') {
        assert.ok(result.states.includes('RELAY_STATE_RUNNING'), `states: ${result.states.join(', ')}`);
      }
      assert.equal(requests[0], '/csp/page.html');
    });
  }

  test('an audience embed: no violation, and it still shows every host and its status', async () => {
    const { result, violations } = await open('/csp/audience.html?mode=watch');
    assert.deepEqual(violations, [], 'no securitypolicyviolation event');
    assert.deepEqual(server.reports.splice(0), [], 'no violation report');
    assert.equal(result.live, 'Live: watching 2 hosts.');
    assert.deepEqual(result.labels, ['Stage B — Bo', 'Stage A — Alice']);
    assert.match(result.broken, /^No App ID\./);
  });

  // The SDK itself, beyond loading: what the README's policy for pages that run the SDK is based on.
  async function playLocalTracks(path) {
    const { page } = await visit(browser, server.origin, path);
    try {
      return await page.evaluate(async () => {
        const entry = await import('/dist/cdn/agora-relay-elements.js');
        const sdk = await entry.loadAgoraRTC(null);
        const before = window.__violations.length;
        const tracks = await sdk.createMicrophoneAndCameraTracks();
        const tile = document.createElement('div');
        document.body.append(tile);
        tracks[1].play(tile);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const videos = tile.querySelectorAll('video').length;
        for (const track of tracks) track.close();
        return { videos, directives: window.__violations.slice(before).map((v) => v.directive) };
      });
    } finally {
      await page.close();
      server.reports.splice(0);
    }
  }

  test('the SDK, making and playing camera and microphone tracks, needs inline style attributes', async () => {
    // Under the strict policy: the hidden probe <video> the SDK styles while creating a camera track.
    assert.deepEqual(await playLocalTracks('/csp/page.html?mode=idle'), { videos: 1, directives: ['style-src-attr'] });
  });

  test("the README's policy for the SDK (strict + style-src-attr 'unsafe-inline' + Agora's hosts): no violation", async () => {
    assert.deepEqual(await playLocalTracks('/csp-sdk/page.html?mode=idle'), { videos: 1, directives: [] });
  });

  test('the policy is enforced on that page: an inline script is refused', async () => {
    const { page } = await visit(browser, server.origin, '/csp/page.html?mode=idle');
    try {
      const blocked = await page.evaluate(async () => {
        const before = window.__violations.length;
        const script = document.createElement('script');
        let refused = false;
        try {
          // Trusted Types refuses a plain string as script text.
          script.textContent = 'window.__inline = true';
          document.body.append(script);
        } catch {
          refused = true;
        }
        // Lit's policy exists (it is the one the page allows), and no other could be made.
        let otherPolicy = true;
        try {
          window.trustedTypes.createPolicy('not-allowed', { createHTML: (text) => text });
        } catch {
          otherPolicy = false;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        const directives = window.__violations.slice(before).map((v) => v.directive);
        return { ran: window.__inline === true, refused, otherPolicy, directives };
      });
      assert.deepEqual(blocked, {
        ran: false,
        refused: true,
        otherPolicy: false,
        directives: ['require-trusted-types-for', 'trusted-types'],
      });
      server.reports.splice(0);
    } finally {
      await page.close();
    }
  });
});
