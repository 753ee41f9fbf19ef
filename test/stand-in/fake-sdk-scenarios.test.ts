// The same scenarios as the real-SDK files (*.chromium.test.ts here), against the offline fake: it must produce the
// sequences the real agora-rtc-sdk-ng 4.24.8 produced through the stand-in. Runs in every browser (no network).
import '../support/guard.js';
import { joinScenarios } from './scenarios/join-scenarios.js';
import { publishScenarios } from './scenarios/publish-scenarios.js';
import { relayFailureScenarios } from './scenarios/relay-failure-scenarios.js';
import { relayScenarios } from './scenarios/relay-scenarios.js';
import { remoteUserScenarios } from './scenarios/remote-user-scenarios.js';
import { describeScenarios } from './support/describe-scenarios.js';
import { createFakeWorld } from './support/fake-world.js';

const fakeWorld = { create: async () => createFakeWorld(), stop: async () => undefined, realTimings: false };

describe('the offline fake, on the real SDK’s scenarios', () => {
  describeScenarios('join and leave', joinScenarios, fakeWorld);
  describeScenarios('remote users', remoteUserScenarios, fakeWorld);
  describeScenarios('publish', publishScenarios, fakeWorld);
  describeScenarios('relay', relayScenarios, fakeWorld);
  describeScenarios('relay failures', relayFailureScenarios, fakeWorld);
});
