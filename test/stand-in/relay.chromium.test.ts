import '../support/guard.js';
import { relayScenarios } from './scenarios/relay-scenarios.js';
import { describeScenarios } from './support/describe-scenarios.js';
import { realWorld } from './support/real-world-factory.js';

describeScenarios('real agora-rtc-sdk-ng 4.24.8 through the local stand-in: relay', relayScenarios, realWorld);
