// Model-based test of the RelaySession: random sequences of page changes, client changes and SDK faults, each step
// checked for the safety rules and each settled state compared with the model (test/model/support).
import fc from 'fast-check';
import '../support/guard.js';
import { commonCommands, Dispose } from './support/commands.js';
import { modelConfig, runModel, useModelWorld } from './support/run.js';
import { SessionTarget } from './support/session-target.js';

describe('RelaySession against its model (fast-check)', () => {
  const { track } = useModelWorld();

  it('keeps every rule through random sequences of changes and faults', async function () {
    const config = modelConfig(1400);
    this.timeout(Math.max(60_000, config.numRuns * 200));
    await runModel({
      ...config,
      track: track(),
      commands: [...commonCommands(), fc.constant(new Dispose())],
      makeTarget: (world, m) => new SessionTarget(world, m),
    });
  });
});
