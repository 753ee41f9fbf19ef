// Browser tests: every file runs in Debian Chromium and Firefox ESR, headless; files named *.chromium.test.ts let
// the real SDK reach for the network and run only in Chromium, whose resolver rules keep every name but this
// machine unresolvable (so no test traffic can leave it).
import { readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import * as puppeteerCore from 'puppeteer-core';
import { findBrowser, QUIET_CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { loadAgoraStandInPlugin } from './src/testing/stand-in/load-wtr-plugin.mjs';
import { createTokenHandler } from './examples/token-server.mjs';
import { chosenSdk } from './scripts/sdk-versions.mjs';

// The example token endpoint, minting real Agora tokens with agora-token, for token-url tests. Test credentials:
// 32 hex digits each, made up for this run.
const randomHex = () => Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const TEST_TOKEN_APP_ID = randomHex();
const tokenHandler = createTokenHandler({ appId: TEST_TOKEN_APP_ID, appCertificate: randomHex(), path: '/agora/token' });
const tokenEndpoint = async (context, next) => {
  if (!tokenHandler(context.req, context.res)) return next();
  context.respond = false;
};

const chromiumArgs = [
  ...QUIET_CHROMIUM_ARGS,
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost , EXCLUDE *.localhost',
];

const chromium = chromeLauncher({
  launchOptions: { executablePath: findBrowser('chromium'), headless: true, args: chromiumArgs },
});

// The real SDK against the local Agora stand-in (test/stand-in): its self-signed certificate, WebRTC over loopback,
// and fake camera/microphone. A Chromium of its own, so these flags touch no other test.
const standInLaunchOptions = {
  executablePath: findBrowser('chromium'),
  headless: true,
  args: [
    ...chromiumArgs,
    '--ignore-certificate-errors',
    '--allow-loopback-in-peer-connection',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    // No mDNS names for ICE host candidates: Chromium would otherwise join the mDNS multicast group on the LAN
    // interface (IGMP reports seen leaving this machine).
    '--disable-features=WebRtcHideLocalIpsWithMdns',
  ],
};
const chromiumStandIn = chromeLauncher({ launchOptions: standInLaunchOptions });
// The stand-in's media tests (real pictures between many clients) each get a Chromium of their own: after three or
// four of them in one browser, the next test page never started or never finished (seen in full runs, with three
// files and again with four; never with a file on its own). Cause not found yet; a fresh browser per file avoids it.
const MEDIA_FILES = readdirSync(new URL('test/stand-in/', import.meta.url))
  .filter((name) => /media.*\.chromium\.test\.ts$/.test(name))
  .sort()
  .map((name) => `test/stand-in/${name}`);
// The signalling files split over two Chromiums as well: with all thirteen in one, the page that came after about a
// dozen of them never finished (seen in CI; each file passes alone). Cause not found yet; a fresh browser avoids it.
const chromiumStandInLate = chromeLauncher({ launchOptions: standInLaunchOptions });
const LATE_STAND_IN_FILES = ['test/stand-in/[r-z]*.chromium.test.ts'];

// The browser's autoplay block as strict as it gets (test/autoplay): no media starts before a user gesture.
const chromiumAutoplayPolicy = chromeLauncher({
  launchOptions: {
    executablePath: findBrowser('chromium'),
    headless: true,
    args: [...chromiumArgs, '--autoplay-policy=document-user-activation-required'],
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

// Model tests (test/model): MODEL_RUNS=N runs N sequences per property instead of the default, MODEL_SEED and
// MODEL_PATH replay one fast-check run; handed to the page as window.__MODEL_CONFIG, with time to match.
const modelConfig = {
  runs: Number(process.env.MODEL_RUNS) || undefined,
  seed: process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined,
  path: process.env.MODEL_PATH || undefined,
};
// The real SDK the tests load (test/support/contract-load-real-sdk.ts): the installed agora-rtc-sdk-ng, or with
// AGORA_SDK=4.20 (…4.24) the newest patch of that minor, installed as an npm alias (scripts/sdk-matrix.mjs).
const sdk = chosenSdk(process.env.AGORA_SDK);

const browsers = Object.entries({ chromium, firefox })
  .filter(([name]) => !only || only.includes(name))
  .map(([, launcher]) => launcher);

export default {
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: Math.max(120_000, (modelConfig.runs ?? 0) * 100),
  browserStartTimeout: 60_000,
  middleware: [tokenEndpoint],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // Serves /__agora-stand-in/*: test pages start, drive and stop local Agora stand-ins in this process.
    await loadAgoraStandInPlugin(),
  ],
  // test/live/ talks to Agora's cloud: only `npm run test:live` runs it (web-test-runner.live.config.mjs).
  // *.firefox.test.ts: the real SDK in Firefox through the stand-in, a run of its own (web-test-runner.firefox.config.mjs).
  files: ['test/**/*.test.ts', '!test/**/*.chromium.test.ts', '!test/**/*.firefox.test.ts', '!test/live/**'],
  browsers,
  groups: [
    {
      name: 'chromium-network',
      files: ['test/**/*.chromium.test.ts', '!test/stand-in/**', '!test/autoplay/**'],
      browsers: [chromium],
    },
    {
      name: 'autoplay-policy',
      files: 'test/autoplay/**/*.chromium.test.ts',
      browsers: [chromiumAutoplayPolicy],
    },
    {
      name: 'agora-stand-in',
      files: [
        'test/stand-in/**/*.chromium.test.ts',
        '!test/stand-in/**/*media*.chromium.test.ts',
        ...LATE_STAND_IN_FILES.map((glob) => `!${glob}`),
      ],
      browsers: [chromiumStandIn],
    },
    {
      name: 'agora-stand-in-late',
      files: [...LATE_STAND_IN_FILES, '!test/stand-in/**/*media*.chromium.test.ts'],
      browsers: [chromiumStandInLate],
    },
    ...MEDIA_FILES.map((file) => ({
      name: `agora-stand-in-${file.replace(/^.*\/|\.chromium\.test\.ts$/g, '')}`,
      files: file,
      browsers: [chromeLauncher({ launchOptions: standInLaunchOptions })],
    })),
  ],
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>window.__MODEL_CONFIG = ${JSON.stringify(modelConfig)}; window.__AGORA_SDK = ${JSON.stringify(sdk)};</script>
    <script type="module" src="/test/support/unhandled-rejections.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
