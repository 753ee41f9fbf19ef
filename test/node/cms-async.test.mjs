// A CMS page (interop/cdn/cms/async.html) with the markup first and the CDN script after it, loaded `async`.
// No route to Agora: the browser resolves no host but 127.0.0.1 and the harness aborts any request off this machine,
// so the real SDK's join fails as on a machine with no network (in about 20 s: it retries). Needs `npm run build`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_ROUTE, isSdkChunk, useCmsPages } from './cms-support.mjs';

const pages = useCmsPages();

describe('CMS embed: the script loaded async', () => {
  test('the script loaded async after the markup: the reader sees the no-route error in words', async () => {
    const { result, requests } = await pages.open('/interop/cdn/cms/async.html');
    const [embed] = result.embeds;
    assert.equal(embed.defined, true);
    assert.equal(embed.status, NO_ROUTE);
    assert.equal(embed.statusRole, 'status');
    assert.equal(embed.fallback, '', 'the fallback is gone once the tag is defined');
    assert.equal(requests.filter(isSdkChunk).length, 1, 'no window.AgoraRTC: the library fetched its SDK chunk');
  });
});
