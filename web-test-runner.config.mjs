// Browser tests: every file runs in Debian Chromium and Firefox ESR, headless; files named *.chromium.test.ts let
// the real SDK reach for the network and run only in Chromium, whose resolver rules keep every name but this
// machine unresolvable (so no test traffic can leave it).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { findBrowser } from './scripts/browsers.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: findBrowser('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost , EXCLUDE *.localhost',
    ],
  },
});

const firefox = chromeLauncher({
  puppeteer: puppeteerCore,
  launchOptions: {
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    // Belt and braces: no Firefox test reaches for the network, and should one try, a dead local proxy answers.
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    },
  },
});

const only = process.env.WTR_BROWSERS?.split(',');
const browsers = Object.entries({ chromium, firefox })
  .filter(([name]) => !only || only.includes(name))
  .map(([, launcher]) => launcher);

export default {
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: 120_000,
  browserStartTimeout: 60_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  files: ['test/**/*.test.ts', '!test/**/*.chromium.test.ts'],
  browsers,
  groups: [
    {
      name: 'chromium-network',
      files: 'test/**/*.chromium.test.ts',
      browsers: [chromium],
    },
  ],
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script type="module" src="/test/support/unhandled-rejections.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
