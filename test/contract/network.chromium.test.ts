// The contract cases where the real SDK reaches for the network; Chromium only, whose resolver rules keep all
// traffic on this machine (web-test-runner.config.mjs). The fake runs them with its network dropped.
// `wtr --files` replaces the config's file list (and its `!*.chromium.test.ts` exclusion), so this file may also be
// loaded in Firefox: there it registers one pending test instead of letting the real SDK reach for the network.
import '../support/guard.js';
import { networkCases } from './cases/network-cases.js';
import { registerContract } from './register.js';

const isChromium = /Chrome\//.test(navigator.userAgent) && !/Firefox\//.test(navigator.userAgent);

if (isChromium) {
  registerContract('network', networkCases, { fakeOffline: true });
} else {
  describe('contract network', () => {
    it('runs only in Chromium, whose resolver rules keep the real SDK on this machine');
  });
}
