// A CMS page (interop/cdn/cms/token.html, on the offline fake) whose token-url is examples/token-server.mjs on another
// origin: with the page's origin in allowedOrigins the embed joins on the endpoint's token; without CORS, the reader
// is told CORS is the likely cause. Needs `npm run build`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTokenServer } from '../../examples/token-server.mjs';
import { NO_CORS, useCmsPages } from './cms-support.mjs';

const pages = useCmsPages();

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
      allowedOrigins: [pages.server.origin],
      allow: ({ purpose, channelName, origin }) => {
        asked.push(`${purpose} ${channelName} ${origin === pages.server.origin ? 'page' : origin}`);
        return purpose === 'join';
      },
    });
    tokenOrigin = `http://127.0.0.1:${tokens.address().port}`;
  });
  after(() => tokens?.close());

  test('with CORS for the page: the embed gets its join token and plays', async () => {
    asked.length = 0;
    const url = encodeURIComponent(`${tokenOrigin}/agora/token`);
    const { result } = await pages.open(`/interop/cdn/cms/token.html?sdk=fake&token-url=${url}`, [], [tokenOrigin]);
    assert.equal(result.embeds[0].status, 'Live: watching 1 host.');
    assert.deepEqual(result.joinTokens, ['007…'], 'joined with an AccessToken2 from the endpoint');
    assert.deepEqual(asked, ['join stage-b page']);
  });

  test('no CORS header for the page: the status names CORS as the likely cause, and no join is tried', async (t) => {
    const closed = await startTokenServer({ appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210', port: 0 });
    t.after(() => closed.close());
    const closedOrigin = `http://127.0.0.1:${closed.address().port}`;
    const url = encodeURIComponent(`${closedOrigin}/agora/token`);
    const { result } = await pages.open(
      `/interop/cdn/cms/token.html?sdk=fake&token-url=${url}`,
      [/has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header/],
      [closedOrigin],
    );
    assert.equal(result.embeds[0].status, NO_CORS);
    assert.deepEqual(result.joinTokens, ['not joined'], 'no join without a token');
  });
});
