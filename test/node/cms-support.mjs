// Shared by the CMS page tests (test/node/cms-*.test.mjs): the words a reader should see, which console lines are not
// the page's fault, and a server, a browser and `open(path)` for one test file. The pages are interop/cdn/cms/;
// interop/cdn/cms/observe.js reads what a reader of each sees. Each no-route page has a file of its own: the real
// SDK takes about 20 s to give up a join with no route, and each Node test file has 60 s (scripts/test-node.mjs).
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, visit } from '../../interop/cdn/harness.mjs';

/** The catalogue's NETWORK_ERROR words (src/core/messages.ts), as the status line shows them: title, then action. */
export const NO_ROUTE =
  'Agora could not be reached from here. Check the internet connection; a firewall or a network that blocks Agora can also cause this.';

/** The catalogue's TOKEN_FETCH_FAILED:unreachable words: what a page whose token endpoint sends no CORS header shows. */
export const NO_CORS =
  'The token server could not be reached. Check token-url. If it is on another site, CORS is the likely cause: the ' +
  'server must send Access-Control-Allow-Origin for this page.';

/** The light-DOM sentence every page's embed carries for when the script never runs. */
export const FALLBACK = 'The live video of stage B appears here. If you can read this, the player did not load.';

/**
 * Console errors that say something is wrong with the page: not the browser's line for each aborted request to Agora,
 * nor the SDK's own log of the failed join, nor the CSP violation the blocked page is about.
 */
export function pageErrors(lines) {
  return lines.filter(
    (line) =>
      !line.startsWith('Failed to load resource: net::ERR_FAILED') &&
      !/Agora-SDK \[ERROR\]/.test(line) &&
      !/violates the following Content Security Policy directive: "script-src http:\/\/127\.0\.0\.1:\d+\/interop\/cdn\/cms\/"/.test(line),
  );
}

export const isSdkChunk = (path) => /^\/dist\/cdn\/chunks\/agora-rtc-sdk-[\w-]+\.js$/.test(path);
export const isAudienceChunk = (path) => /^\/dist\/cdn\/chunks\/audience-(view|controller)-[\w-]+\.js$/.test(path);

/** Starts a server and a browser for this test file (closed after it); `open` visits a page there. */
export function useCmsPages() {
  const pages = { server: undefined, browser: undefined, open };
  before(async () => {
    pages.server = await startServer();
    pages.browser = await launchBrowser();
  });
  after(async () => {
    await pages.browser?.close();
    await pages.server?.close();
  });

  /**
   * Visits `path`; nothing may leave this machine but the aborted attempts of a real SDK to reach Agora (and requests
   * to `alsoAllowed` origins), and the console holds no error beyond those and one line for each of `expected`.
   */
  async function open(path, expected = [], alsoAllowed = []) {
    const visited = await visit(pages.browser, pages.server.origin, path, alsoAllowed);
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
  return pages;
}
