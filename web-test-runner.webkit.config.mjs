// WebKit (scripts/run-webkit.mjs): every test file that runs in Chromium and Firefox (the elements on the offline
// fake, the audience's rendering and autoplay control included, the core, the real SDK's offline contract cases, the
// demo, leaks and models) in WebKitGTK's MiniBrowser, driven through WebKitWebDriver (Debian's webkit2gtk-driver) by
// web-test-runner's WebDriver launcher. The runner script starts the driver and a display. Not here: the
// *.chromium.test.ts files (the real SDK through the stand-in and the autoplay-policy run need Chromium's flags).
import { defaultReporter } from '@web/test-runner';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { resultsFileReporter } from './scripts/summary-reporter.mjs';
import base from './web-test-runner.config.mjs';

const port = Number(process.env.WEBKIT_DRIVER_PORT);
if (!port) throw new Error('run this config through scripts/run-webkit.mjs (it starts WebKitWebDriver)');

export default {
  ...base,
  // WEBKIT_FILES (comma-separated globs) picks files, e.g. WEBKIT_FILES=test/elements/**/*.test.ts.
  files: process.env.WEBKIT_FILES ? process.env.WEBKIT_FILES.split(',') : base.files,
  groups: [],
  concurrency: 1,
  browsers: [
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        // WebKitWebDriver speaks classic WebDriver only: no BiDi session (webdriverio would ask for webSocketUrl).
        'wdio:enforceWebDriverClassic': true,
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: process.env.WEBKIT_MINIBROWSER,
          args: ['--automation', '--enable-media-stream=true', '--enable-webrtc=true', '--enable-mediasource=true'],
        },
      },
    }),
  ],
  // `npm test` runs this before its main run: its counts join that run's closing line (scripts/summary-reporter.mjs).
  reporters: [defaultReporter(), resultsFileReporter('webkit.json', 'WebKit')],
};
