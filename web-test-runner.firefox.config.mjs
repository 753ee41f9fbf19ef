// The real SDK in Firefox ESR through the local stand-in with media, test/stand-in/*.firefox.test.ts: `npm run
// test:firefox-sdk` (the last step of `npm test`), which as root runs it in a loopback-only network namespace with a
// default route through the loopback (scripts/run-wtr.mjs `--loopback-default-route`: without one, Firefox gathers no
// ICE candidate at all), and skips it otherwise. README, "Browsers".
import * as puppeteerCore from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { resultsFileReporter } from './scripts/summary-reporter.mjs';
import { findBrowser } from './scripts/browsers.mjs';
import base from './web-test-runner.config.mjs';

// The real SDK in Firefox ESR through the stand-in with media (files named *.firefox.test.ts): the stand-in's
// self-signed certificate accepted through WebDriver BiDi's acceptInsecureCerts, a fake camera and microphone with no
// permission prompt, ICE over loopback with plain host addresses, media that may play without a gesture. No proxy
// prefs here: as root the run is in a loopback-only network namespace, and the relay's `*.localhost` names must
// reach the stand-in.
const firefoxStandIn = chromeLauncher({
  puppeteer: puppeteerCore,
  launchOptions: {
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'media.peerconnection.ice.loopback': true,
      'media.peerconnection.ice.force_interface': 'lo',
      'media.peerconnection.ice.obfuscate_host_addresses': false,
      'media.autoplay.default': 0,
      'network.dns.localDomains': '127-0-0-1.localhost',
    },
  },
});

export default {
  ...base,
  files: ['test/stand-in/**/*.firefox.test.ts'],
  groups: [],
  browsers: [firefoxStandIn],
  // `npm test` runs this first: its counts join the main run's closing line (scripts/summary-reporter.mjs).
  reporters: [defaultReporter(), resultsFileReporter('firefox-sdk.json', 'Real SDK in Firefox')],
};
