// CMS embeds as pages (interop/cdn/cms/), the CDN build with no bundler, in headless Chromium: what a reader of each
// page sees in every <agora-relay-audience> (interop/cdn/cms/observe.js reads it). The SDK is the offline fake
// (?sdk=fake) or there is no route to Agora: the browser resolves no host but 127.0.0.1 and the harness aborts any
// request off this machine, so the real SDK's join fails as it does on a machine with no network. Needs `npm run build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTokenServer } from '../../examples/token-server.mjs';
import { launchBrowser, startServer, visit } from '../../interop/cdn/harness.mjs';

/** The catalogue's NETWORK_ERROR words (src/core/messages.ts), as the status line shows them: title, then action. */
const NO_ROUTE =
  'Agora could not be reached from here. Check the internet connection; a firewall or a network that blocks Agora can also cause this.';

/** The catalogue's TOKEN_FETCH_FAILED:unreachable words: what a page whose token endpoint sends no CORS header shows. */
const NO_CORS =
  'The token server could not be reached. Check token-url. If it is on another site, CORS is the likely cause: the ' +
  'server must send Access-Control-Allow-Origin for this page.';

/** The light-DOM sentence every page's embed carries for when the script never runs. */
const FALLBACK = 'The live video of stage B appears here. If you can read this, the player did not load.';

/**
 * Console errors that say something is wrong with the page: not the browser's line for each aborted request to Agora,
 * nor the SDK's own log of the failed join, nor the CSP violation the blocked page is about.
 */
function pageErrors(lines) {
  return lines.filter(
    (line) =>
      !line.startsWith('Failed to load resource: net::ERR_FAILED') &&
      !/Agora-SDK \[ERROR\]/.test(line) &&
      !/violates the following Content Security Policy directive: "script-src http:\/\/127\.0\.0\.1:\d+\/interop\/cdn\/cms\/"/.test(line),
  );
}

const isSdkChunk = (path) => /^\/dist\/cdn\/chunks\/agora-rtc-sdk-[\w-]+\.js$/.test(path);
const isAudienceChunk = (path) => /^\/dist\/cdn\/chunks\/audience-view-[\w-]+\.js$/.test(path);

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

/**
 * Visits `path`; nothing may leave this machine but the aborted attempts of a real SDK to reach Agora (and requests to
 * `alsoAllowed` origins), and the console holds no error beyond those and one line for each of `expected` (patterns).
 */
async function open(path, expected = [], alsoAllowed = []) {
  const visited = await visit(browser, server.origin, path, alsoAllowed);
  await visited.page.close();
  const elsewhere = visited.offsite.filter((url) => !/^https:\/\/[\w.-]+\.(agora\.io|sd-rtn\.com)\//.test(url));
  assert.deepEqual(elsewhere, [], 'no request but Agora’s, and those were aborted');
  const errors = pageErrors(visited.consoleErrors);
  for (const pattern of expected) {
    const index = errors.findIndex((line) => pattern.test(line));
    assert.ok(index >= 0, `a console error like ${pattern} in ${JSON.stringify(errors)}`);
    errors.splice(index, 1);
  }
  assert.deepEqual(errors, [], 'no other error but the SDK’s own log of the failed join');
  return visited;
}

// The no-route joins take the real SDK about 20 s (it retries); the machine may be shared and slow.
const SLOW = { timeout: 180_000 };

describe('CMS embeds, each a page of its own', () => {
  test('the script loaded async after the markup: the reader sees the no-route error in words', SLOW, async () => {
    const { result, requests } = await open('/interop/cdn/cms/async.html');
    const [embed] = result.embeds;
    assert.equal(embed.defined, true);
    assert.equal(embed.status, NO_ROUTE);
    assert.equal(embed.statusRole, 'status');
    assert.equal(embed.fallback, '', 'the fallback is gone once the tag is defined');
    assert.equal(requests.filter(isSdkChunk).length, 1, 'no window.AgoraRTC: the library fetched its SDK chunk');
  });

  test('two embeds on one page (the script pasted twice): each shows its own host, labelled', SLOW, async () => {
    const { result, requests } = await open('/interop/cdn/cms/two.html?sdk=fake');
    assert.deepEqual(
      result.embeds.map(({ channel, status, tiles }) => ({ channel, status, tiles })),
      [
        { channel: 'stage-b', status: 'Live: watching 1 host.', tiles: ['Stage B — Bo'] },
        { channel: 'stage-c', status: 'Live: watching 1 host.', tiles: ['Stage C — Cy'] },
      ],
    );
    assert.equal(requests.filter((path) => path === '/dist/cdn/agora-relay-elements.js').length, 1, 'one entry request');
    assert.equal(requests.filter(isAudienceChunk).length, 1, 'one viewer chunk for both');
    assert.equal(requests.filter(isSdkChunk).length, 0, 'window.AgoraRTC is used');
  });

  test('an embed inside an iframe with allow="camera; microphone; autoplay": it plays and shows its status', SLOW, async () => {
    const { result } = await open('/interop/cdn/cms/iframe.html');
    assert.deepEqual(result.frameAllows, ['camera', 'microphone', 'autoplay'], 'the iframe delegates all three');
    assert.equal(result.definedHere, false, 'the outer page loads no script of ours');
    const [embed] = result.embeds;
    assert.equal(embed.where, 'iframe');
    assert.equal(embed.status, 'Live: watching 1 host.');
    assert.deepEqual(embed.tiles, ['2001'], 'no label given: the tile shows the uid');
  });

  test('a page that loads Agora’s own SDK script: the embed uses that window.AgoraRTC and fetches no SDK chunk', SLOW, async () => {
    const { result, requests } = await open('/interop/cdn/cms/own-sdk.html');
    assert.equal(result.sdkVersion, '4.24.8', 'the SDK’s browser build from node_modules');
    assert.deepEqual(result.clientsMade, ['live'], 'one client, made with the page’s SDK');
    assert.equal(requests.filter(isSdkChunk).length, 0);
    assert.equal(result.embeds[0].status, NO_ROUTE);
  });

  test('a script that is a 404: the fallback words, in the :not(:defined) box, labels hidden', SLOW, async () => {
    const { result, requests } = await open('/interop/cdn/cms/missing.html', [/status of 404 \(Not Found\)/]);
    assert.deepEqual(result.embeds, [
      { ...result.embeds[0], defined: false, status: '', tiles: [], fallback: FALLBACK, fallbackStyled: true },
    ]);
    assert.ok(requests.includes('/dist/cdn/agora-relay-elements-0.0.0-gone.js'), 'the script was asked for');
  });

  test('a script the site’s Content-Security-Policy blocks: the fallback words, and the violation is the script', SLOW, async () => {
    const { result, violations } = await open('/csp-blocked/cms/blocked.html');
    assert.deepEqual(result.embeds, [
      { ...result.embeds[0], defined: false, status: '', tiles: [], fallback: FALLBACK, fallbackStyled: true },
    ]);
    assert.deepEqual(
      violations.map(({ directive, blocked }) => `${directive} ${new URL(blocked).pathname}`),
      ['script-src-elem /dist/cdn/agora-relay-elements.js'],
    );
    assert.equal(server.reports.splice(0).length, 1, 'one violation report');
  });

  describe('a token endpoint on another origin (examples/token-server.mjs)', () => {
    let tokens;
    let tokenOrigin;
    const asked = [];
    before(async () => {
      tokens = await startTokenServer({
        appId: '0123456789abcdef0123456789abcdef',
        appCertificate: 'fedcba9876543210fedcba9876543210',
        port: 0,
        // The page's origin is listed; whether a page may have a join token is allow()'s call.
        allowedOrigins: [server.origin],
        allow: ({ purpose, channelName, origin }) => {
          asked.push(`${purpose} ${channelName} ${origin === server.origin ? 'page' : origin}`);
          return purpose === 'join' && channelName !== 'stage-closed';
        },
      });
      tokenOrigin = `http://127.0.0.1:${tokens.address().port}`;
    });
    after(() => tokens?.close());

    test('with CORS for the page: the embed gets its join token and plays', SLOW, async () => {
      asked.length = 0;
      const url = encodeURIComponent(`${tokenOrigin}/agora/token`);
      const { result } = await open(`/interop/cdn/cms/token.html?sdk=fake&token-url=${url}`, [], [tokenOrigin]);
      assert.equal(result.embeds[0].status, 'Live: watching 1 host.');
      assert.deepEqual(result.joinTokens, ['007…'], 'joined with an AccessToken2 from the endpoint');
      assert.deepEqual(asked, ['join stage-b page']);
    });

    test('no CORS header for the page: the status names CORS as the likely cause, and no join is tried', SLOW, async (t) => {
      const closed = await startTokenServer({ appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210', port: 0 });
      t.after(() => closed.close());
      const closedOrigin = `http://127.0.0.1:${closed.address().port}`;
      const url = encodeURIComponent(`${closedOrigin}/agora/token`);
      const { result } = await open(
        `/interop/cdn/cms/token.html?sdk=fake&token-url=${url}`,
        [/has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header/],
        [closedOrigin],
      );
      assert.equal(result.embeds[0].status, NO_CORS);
      assert.deepEqual(result.joinTokens, ['not joined'], 'no join without a token');
    });
  });
});
