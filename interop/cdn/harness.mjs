// For test/node/cdn.test.mjs: a static server for the built CDN files and interop/cdn/'s pages on 127.0.0.1, and a
// headless Chromium (puppeteer-core, Debian's Chromium) that records every request a page makes. Anything not on
// this server is aborted and recorded, so no page can send traffic off this machine.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findBrowser, QUIET_CHROMIUM_ARGS } from '../../scripts/browsers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json' };

/** The strict policy of the CSP page: only this origin's scripts, and Trusted Types with Lit's policy alone. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
  'report-uri /csp-report',
].join('; ');

/**
 * What the README asks of a page that runs the SDK itself (managed mode, or its own client): STRICT_CSP plus inline
 * style attributes (the SDK styles a hidden probe <video> it adds while creating a camera track) and Agora's
 * HTTPS and WebSocket hosts.
 */
export const SDK_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self'; style-src-attr 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' https://*.agora.io wss://*.agora.io https://*.sd-rtn.com wss://*.sd-rtn.com",
);

/**
 * A site's policy that lets its own scripts under /interop/cdn/cms/ run and nothing else: the library's script, from
 * /dist/, is blocked, as a CMS's policy blocks a CDN it does not list.
 */
const cmsOnlyCsp = (origin) =>
  [`default-src 'none'`, `script-src ${origin}/interop/cdn/cms/`, `style-src 'self'`, 'report-uri /csp-report'].join('; ');

/** Path prefixes that serve interop/cdn/ under a policy. */
const POLICIES = { '/csp/': () => STRICT_CSP, '/csp-sdk/': () => SDK_CSP, '/csp-blocked/': cmsOnlyCsp };

/** Agora's own browser build (window.AgoraRTC), for the page that loads it with its own script tag. */
const SDK_UMD = '/node_modules/agora-rtc-sdk-ng/AgoraRTC_N-production.js';

/**
 * Serves /dist/**, /interop/cdn/** and Agora's browser build; /csp/page.html is interop/cdn/page.html under
 * STRICT_CSP, /csp-sdk/page.html under SDK_CSP, /csp-blocked/… under a policy that blocks the library's script. Violation reports sent to /csp-report are kept in `reports`.
 */
export async function startServer() {
  const reports = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/csp-report') {
      let body = '';
      for await (const chunk of request) body += chunk;
      reports.push(body);
      response.writeHead(204).end();
      return;
    }
    const prefix = Object.keys(POLICIES).find((start) => url.pathname.startsWith(start));
    const path = normalize(prefix ? `/interop/cdn/${url.pathname.slice(prefix.length)}` : url.pathname);
    if (!path.startsWith('/dist/') && !path.startsWith('/interop/cdn/') && path !== SDK_UMD) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(root + path.slice(1));
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (prefix) headers['content-security-policy'] = POLICIES[prefix](`http://${request.headers.host}`);
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, reports, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: findBrowser('chromium'),
    headless: true,
    args: [
      ...QUIET_CHROMIUM_ARGS,
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      // Pages visited side by side keep their timers: a background tab's would be throttled.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      // The real SDK's camera and microphone tracks, from Chromium's fake devices, with no prompt.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

/**
 * Opens `path` on the server in a fresh page and waits for the page's `window.__done`; returns what the page
 * reported, every request it made (paths on the server), every request it tried elsewhere, and its console errors.
 * Requests to `alsoAllowed` origins (other servers of the test on this machine) go through too.
 */
export async function visit(browser, origin, path, alsoAllowed = []) {
  const page = await browser.newPage();
  const requests = [];
  const offsite = [];
  const consoleErrors = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin) {
      requests.push(url.pathname);
      void request.continue();
    } else if (url.protocol === 'data:' || url.protocol === 'blob:' || alsoAllowed.includes(url.origin)) {
      void request.continue();
    } else {
      offsite.push(request.url());
      void request.abort();
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  try {
    await page.goto(origin + path, { waitUntil: 'load' });
    const result = await page.evaluate(() => window.__done);
    // A last look for anything requested late.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const violations = await page.evaluate(() => window.__violations ?? []);
    return { result, requests: [...requests], offsite, consoleErrors, violations, page };
  } catch (error) {
    await page.close();
    throw error;
  }
}
