// The interop suite: the elements inside real React 19, Preact, Vue 3, Svelte 5 and Angular apps, in headless
// Chromium. `npm run test:interop` runs it (interop/run.mjs); `npm test` runs it between the Node and browser suites
// and counts its results in its closing line. The apps are bundled by interop/build.mjs when this config loads.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findBrowser, QUIET_CHROMIUM_ARGS } from '../scripts/browsers.mjs';
import { buildInteropApps, OUTDIR } from './build.mjs';
import { interopResultsReporter } from './results-reporter.mjs';

await buildInteropApps();

export default {
  rootDir: new URL('..', import.meta.url).pathname,
  files: [`${OUTDIR}/*.test.js`],
  // Everything is bundled already.
  nodeResolve: false,
  concurrency: 2,
  testsFinishTimeout: 120_000,
  browserStartTimeout: 60_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser('chromium'),
        headless: true,
        args: [
          ...QUIET_CHROMIUM_ARGS,
          // Nothing here may leave this machine: every name but the test server's is unresolvable.
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script type="module" src="/test/support/unhandled-rejections.js"></script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), interopResultsReporter()],
};
