import '../support/guard.js';
import { publishScenarios } from './scenarios/publish-scenarios.js';
import { describeScenarios } from './support/describe-scenarios.js';
import { realWorld } from './support/real-world-factory.js';

describeScenarios('real agora-rtc-sdk-ng 4.24.8 through the local stand-in: publish', publishScenarios, realWorld);
