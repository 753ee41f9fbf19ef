// CMS embeds as pages (interop/cdn/cms/), the CDN build with no bundler, in headless Chromium, asserting what a reader
// sees in every <agora-relay-audience>: two embeds and an iframe on the offline fake (?sdk=fake), and a script that
// never runs (a 404, blocked by the site's CSP). The token endpoint on another origin, and the pages with no route to
// Agora, have files of their own (cms-token, cms-async, cms-own-sdk). Needs `npm run build`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FALLBACK, isAudienceChunk, isSdkChunk, useCmsPages } from './cms-support.mjs';

const pages = useCmsPages();

describe('CMS embeds, each a page of its own', () => {
  test('two embeds on one page (the script pasted twice): each shows its own host, labelled', async () => {
    const { result, requests } = await pages.open('/interop/cdn/cms/two.html?sdk=fake');
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

  test('an embed inside an iframe with allow="camera; microphone; autoplay": it plays and shows its status', async () => {
    const { result } = await pages.open('/interop/cdn/cms/iframe.html');
    assert.deepEqual(result.frameAllows, ['camera', 'microphone', 'autoplay'], 'the iframe delegates all three');
    assert.equal(result.definedHere, false, 'the outer page loads no script of ours');
    const [embed] = result.embeds;
    assert.equal(embed.where, 'iframe');
    assert.equal(embed.status, 'Live: watching 1 host.');
    assert.deepEqual(embed.tiles, ['2001'], 'no label given: the tile shows the uid');
  });

  test('a script that is a 404: the fallback words, in the :not(:defined) box, labels hidden', async () => {
    const { result, requests } = await pages.open('/interop/cdn/cms/missing.html', [/status of 404 \(Not Found\)/]);
    assert.deepEqual(result.embeds, [
      { ...result.embeds[0], defined: false, status: '', tiles: [], fallback: FALLBACK, fallbackStyled: true },
    ]);
    assert.ok(requests.includes('/dist/cdn/agora-relay-elements-0.0.0-gone.js'), 'the script was asked for');
  });

  test('a script the site’s Content-Security-Policy blocks: the fallback words, and the violation is the script', async () => {
    const { result, violations } = await pages.open('/csp-blocked/cms/blocked.html');
    assert.deepEqual(result.embeds, [
      { ...result.embeds[0], defined: false, status: '', tiles: [], fallback: FALLBACK, fallbackStyled: true },
    ]);
    assert.deepEqual(
      violations.map(({ directive, blocked }) => `${directive} ${new URL(blocked).pathname}`),
      ['script-src-elem /dist/cdn/agora-relay-elements.js'],
    );
    assert.equal(pages.server.reports.splice(0).length, 1, 'one violation report');
  });
});
