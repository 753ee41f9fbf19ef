// A scenario: one flow an app goes through, the sequence it observes, and what the service should have been sent.
// The same scenario runs against the real SDK through the stand-in and against the offline fake.
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { Recorder } from '../support/recorder.js';
import type { ScenarioWorld } from '../support/world.js';

export interface ScenarioContext {
  world: ScenarioWorld;
  recorder: Recorder;
  /** A new client, watched by the recorder and left when the scenario ends, whatever happens. */
  client(): IAgoraRTCClient;
  /** A value the test checks besides the sequence (undefined values are skipped: the world cannot know them). */
  fact(name: string, value: unknown): void;
}

export interface Scenario {
  name: string;
  /** The sequence the real agora-rtc-sdk-ng 4.24.8 was observed to produce. */
  expected: string[];
  /**
   * Where an older SDK of the version matrix observes something else: SDKs older than `below` produce `expected`
   * (and `expectedFacts`, when given) instead; the first entry that applies wins; `why` says what differs.
   */
  olderSdks?: { below: string; why: string; expected: string[]; expectedFacts?: Record<string, unknown> }[];
  /** Other observations, checked where the world can make them. */
  expectedFacts?: Record<string, unknown>;
  /** Bounds for how long labelled calls took against the real SDK (its own timeouts are kept there). */
  realTimings?: Record<string, [min: number, max: number]>;
  /** Mocha timeout for the real run. */
  timeoutMs?: number;
  run(context: ScenarioContext): Promise<void>;
}

export interface ScenarioOutcome {
  steps: string[];
  took: Record<string, number>;
  facts: Record<string, unknown>;
}

/** Runs `scenario`; every client it made goes into `clients` (left here, and again by the caller's afterEach). */
export async function runScenario(world: ScenarioWorld, scenario: Scenario, clients: IAgoraRTCClient[] = []): Promise<ScenarioOutcome> {
  const recorder = new Recorder();
  const facts: Record<string, unknown> = {};
  try {
    await scenario.run({
      world,
      recorder,
      client() {
        const client = world.createClient();
        clients.push(client);
        recorder.watch(client);
        return client;
      },
      fact(name, value) {
        if (value !== undefined) facts[name] = value;
      },
    });
  } finally {
    recorder.detach();
    await Promise.allSettled(clients.map((client) => client.leave()));
    await world.reset();
  }
  return { steps: recorder.steps, took: recorder.took, facts };
}

/** A relay configuration with fresh info objects (the SDK keeps them by reference). */
export function relayConfig(world: ScenarioWorld, source: string, destinations: string[]) {
  const config = world.sdk.createChannelMediaRelayConfiguration();
  config.setSrcChannelInfo({ channelName: source, uid: 0 });
  for (const channelName of destinations) config.addDestChannelInfo({ channelName, uid: 0 });
  return config;
}
