// The dual-stream contract cases (no network), run against the real SDK and the fake, in Chromium and Firefox.
import '../support/guard.js';
import { streamCases } from './cases/stream-cases.js';
import { registerContract } from './register.js';

registerContract('dual stream', streamCases, { fakeOffline: false });
