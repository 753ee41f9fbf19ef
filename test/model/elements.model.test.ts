// Model-based test of the elements with the page's own client: the same commands as the session's model test, made
// the way a page makes them (attributes, properties, children), plus moving, removing and adding back the host.
import fc from 'fast-check';
import '../support/guard.js';
import { AddHost, commonCommands, MoveHost, RemoveHost } from './support/commands.js';
import { ElementsTarget } from './support/elements-target.js';
import { modelConfig, runModel, useModelWorld } from './support/run.js';

describe('<agora-relay-host> and <agora-relay-destination> against the model (fast-check)', () => {
  const { track } = useModelWorld();

  it('keeps every rule through random sequences of page changes, host moves and removals, and faults', async function () {
    const config = modelConfig(800);
    this.timeout(Math.max(60_000, config.numRuns * 200));
    await runModel({
      ...config,
      track: track(),
      commands: [...commonCommands(), fc.constant(new RemoveHost()), fc.constant(new AddHost()), fc.constant(new MoveHost())],
      makeTarget: (world, m) => new ElementsTarget(world, m),
    });
  });
});
