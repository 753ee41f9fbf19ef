// The contract cases that need no network, run against the real SDK and the fake, in Chromium and Firefox.
import '../support/guard.js';
import { offlineCases } from './cases/offline-cases.js';
import { registerContract } from './register.js';

registerContract('offline', offlineCases, { fakeOffline: false });
