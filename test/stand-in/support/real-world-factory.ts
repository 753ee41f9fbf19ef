// The real-SDK world for describeScenarios: a stand-in of this page's own, stopped after the file's tests.
import { createStandInWorld } from './stand-in-world.js';
import type { StandInWorld } from './stand-in-world.js';
import type { WorldFactory } from './describe-scenarios.js';

export const realWorld: WorldFactory<StandInWorld> = {
  create: createStandInWorld,
  stop: (world) => world.stop(),
  realTimings: true,
};
