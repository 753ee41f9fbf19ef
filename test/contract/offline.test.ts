// The contract cases that need no network, run against the real SDK and the fake, in Chromium and Firefox.
import '../support/guard.js';
import { localTrackCases } from './cases/local-track-cases.js';
import { offlineCases } from './cases/offline-cases.js';
import { registerContract } from './register.js';

registerContract('offline', offlineCases, { fakeOffline: false });
registerContract('local tracks', localTrackCases, { fakeOffline: false });
