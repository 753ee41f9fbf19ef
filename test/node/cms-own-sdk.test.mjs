// A CMS page (interop/cdn/cms/own-sdk.html) that loads Agora's own SDK script (its browser build, window.AgoraRTC).
// No route to Agora: the browser resolves no host but 127.0.0.1 and the harness aborts any request off this machine,
// so the real SDK's join fails as on a machine with no network (in about 20 s: it retries). Needs `npm run build`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_ROUTE, isSdkChunk, useCmsPages } from './cms-support.mjs';

const pages = useCmsPages();

describe('CMS embed on a page with Agora’s own SDK script', () => {
  test('a page that loads Agora’s own SDK script: the embed uses that window.AgoraRTC and fetches no SDK chunk', async () => {
    const { result, requests } = await pages.open('/interop/cdn/cms/own-sdk.html');
    assert.equal(result.sdkVersion, '4.24.8', 'the SDK’s browser build from node_modules');
    assert.deepEqual(result.clientsMade, ['live'], 'one client, made with the page’s SDK');
    assert.equal(requests.filter(isSdkChunk).length, 0);
    assert.equal(result.embeds[0].status, NO_ROUTE);
  });
});
