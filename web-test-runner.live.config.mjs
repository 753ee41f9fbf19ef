// The live smoke test (scripts/live-smoke.mjs): test/live/ against Agora's cloud, in a Chromium with fake camera and
// microphone and no resolver rules, tokens minted here from AGORA_APP_ID and AGORA_APP_CERTIFICATE.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findBrowser, QUIET_CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { createTokenHandler } from './examples/token-server.mjs';
import { chosenSdk } from './scripts/sdk-versions.mjs';

const { AGORA_APP_ID: appId, AGORA_APP_CERTIFICATE: appCertificate } = process.env;
if (!appId || !appCertificate) throw new Error('the live config needs AGORA_APP_ID and AGORA_APP_CERTIFICATE');

// Channel names of this run only, so two runs (or a stale one) never meet.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const tokenHandler = createTokenHandler({ appId, appCertificate, path: '/agora/token', expireSeconds: 600 });

export default {
  nodeResolve: true,
  concurrency: 1,
  files: ['test/live/**/*.live.test.ts'],
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  middleware: [
    async (context, next) => {
      if (!tokenHandler(context.req, context.res)) return next();
      context.respond = false;
    },
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser('chromium'),
        headless: true,
        args: [...QUIET_CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
      },
    }),
  ],
  testFramework: { config: { timeout: 120_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>window.__AGORA_LIVE = ${JSON.stringify({ appId, run })}; window.__AGORA_SDK = ${JSON.stringify(chosenSdk(process.env.AGORA_SDK))};</script>
    <script type="module" src="/test/support/unhandled-rejections.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), summaryReporter()],
};
