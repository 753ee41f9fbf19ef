// Declares one mocha test per scenario against one world, checking the observed sequence, the facts the world can
// know, and (on the real SDK) how long its own timeouts took.
import { expect } from '@open-wc/testing';
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { runScenario } from '../scenarios/scenario.js';
import type { Scenario } from '../scenarios/scenario.js';
import { sdkOlderThan } from './sdk-version.js';
import type { ScenarioWorld } from './world.js';

/** What this world's SDK should produce: 4.24.8's sequence and facts, or an older SDK's where the scenario names one. */
function expectedFor(scenario: Scenario, world: ScenarioWorld): Pick<Scenario, 'expected' | 'expectedFacts'> {
  const version = (world.sdk as { VERSION?: unknown }).VERSION;
  const older =
    typeof version === 'string' ? scenario.olderSdks?.find(({ below }) => sdkOlderThan(below, version)) : undefined;
  return { expected: older?.expected ?? scenario.expected, expectedFacts: older?.expectedFacts ?? scenario.expectedFacts };
}

export interface WorldFactory<World extends ScenarioWorld> {
  create(): Promise<World>;
  stop(world: World): Promise<void>;
  /** True where the SDK's own timeouts are real (check `realTimings`). */
  realTimings: boolean;
}

export interface DescribeOptions {
  /**
   * Scenarios this world is known to get wrong, by name, with what differs. They still run: a mismatch marks the test
   * pending (listed, not hidden); a match passes with a warning to remove the entry.
   */
  knownDifferences?: Record<string, string>;
}

export function describeScenarios<World extends ScenarioWorld>(
  title: string,
  scenarios: Scenario[],
  factory: WorldFactory<World>,
  options: DescribeOptions = {},
): void {
  describe(title, function () {
    let world: World | undefined;
    const clients: IAgoraRTCClient[] = [];

    before(async function () {
      this.timeout(20_000);
      world = await factory.create();
    });

    afterEach(async function () {
      await Promise.allSettled(clients.splice(0).map((client) => client.leave()));
    });

    after(async function () {
      if (world) await factory.stop(world);
    });

    for (const scenario of scenarios) {
      const known = options.knownDifferences?.[scenario.name];
      it(known ? `${scenario.name} [known difference: ${known}]` : scenario.name, async function () {
        this.timeout(scenario.timeoutMs ?? 10_000);
        try {
          const outcome = await runScenario(world!, scenario, clients);
          const { expected, expectedFacts } = expectedFor(scenario, world!);
          expect(outcome.steps, 'observed sequence').to.deep.equal(expected);
          for (const [name, value] of Object.entries(expectedFacts ?? {})) {
            if (name in outcome.facts) expect(outcome.facts[name], name).to.deep.equal(value);
          }
          if (factory.realTimings) {
            for (const [label, [min, max]] of Object.entries(scenario.realTimings ?? {})) {
              expect(outcome.took[label], `${label} took (ms)`).to.be.within(min, max);
            }
          }
        } catch (error) {
          if (known) this.skip();
          throw error;
        }
        if (known) console.warn(`"${scenario.name}" no longer differs in ${title}: remove it from knownDifferences`);
      });
    }
  });
}
