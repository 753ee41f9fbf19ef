// Runs random command sequences against a target and checks them against the model (see world.ts for the checks).
import fc from 'fast-check';
import { sessionTimers } from '../../../src/core/relay-session.js';
import { createFakeAgoraRTC, type FakeLocalTrack } from '../../../src/testing/index.js';
import { destArb, providers, type Real } from './commands.js';
import { CLIENT_IDS, initialModel, type Model, type ProviderKind } from './model.js';
import { OWN_LISTENERS, sleep, type Target, World } from './world.js';

/** Shortened session timers for the model runs (real timers, real code paths; only the lengths change). */
export const MODEL_TIMERS = { watchdogMs: 20, publishCheckMs: 4 };

/** MODEL_RUNS / MODEL_SEED / MODEL_PATH from the environment, injected into the page by web-test-runner.config.mjs. */
export function modelConfig(defaultRuns: number): { numRuns: number; seed?: number; path?: string } {
  const injected = window.__MODEL_CONFIG ?? {};
  const config: { numRuns: number; seed?: number; path?: string } = { numRuns: injected.runs || defaultRuns };
  if (injected.seed !== undefined) config.seed = injected.seed;
  if (injected.path) config.path = injected.path;
  return config;
}

/** Shortens the session's timers and makes the shared camera track for a describe block; returns the track. */
export function useModelWorld(): { track: () => FakeLocalTrack } {
  let track: FakeLocalTrack | undefined;
  const saved = { ...sessionTimers };
  before(async () => {
    Object.assign(sessionTimers, MODEL_TIMERS);
    track = await createFakeAgoraRTC().createCameraVideoTrack();
  });
  after(() => {
    Object.assign(sessionTimers, saved);
    track?.close();
  });
  return { track: () => track! };
}

export interface ModelRunOptions {
  track: FakeLocalTrack;
  commands: fc.Arbitrary<fc.AsyncCommand<Model, Real, boolean>>[];
  makeTarget: (world: World, m: Model) => Target | Promise<Target>;
  numRuns: number;
  seed?: number;
  path?: string;
  maxCommands?: number;
}

/** One sequence: set up, run the commands (each checked), settle and compare, tear down and check what is left. */
export async function runSequence(
  options: Pick<ModelRunOptions, 'track' | 'makeTarget'>,
  initial: Parameters<typeof initialModel>[0],
  provider: ProviderKind,
  commands: Iterable<fc.AsyncCommand<Model, Real, boolean>>,
): Promise<void> {
  const model = initialModel(initial, provider);
  const world = new World(options.track);
  await world.init();
  world.target = await options.makeTarget(world, model);
  if (provider !== 'none') world.target.tokenProvider(providers(world)[provider]);
  if (provider === 'failing') world.faults += 1;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A sequence that never ends (a settled() that never resolves, a runner that spins) fails with its trace.
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(world.failure([`the sequence did not finish within ${SEQUENCE_LIMIT_MS} ms`])),
      SEQUENCE_LIMIT_MS,
    );
  });
  try {
    await Promise.race([play(world, model, commands), hung]);
    done = true;
  } finally {
    clearTimeout(timer);
    if (!done) {
      world.releaseHolds();
      await Promise.race([world.target.teardown().catch(() => undefined), sleep(100)]);
    }
  }
}

const SEQUENCE_LIMIT_MS = 8000;

/** The commands, the settled comparison, then the teardown: no SDK call but one stop, no listener, no relay left. */
async function play(world: World, model: Model, commands: Iterable<fc.AsyncCommand<Model, Real, boolean>>): Promise<void> {
  await fc.asyncModelRun(() => ({ model, real: { world } }), commands);
  await world.settle(model);
  if (world.timersMayFire) {
    // A watchdog or publish check may still answer something: the relay must stay right after it has.
    await sleep(MODEL_TIMERS.watchdogMs * 3);
    await world.settle(model);
  }
  world.note('teardown');
  world.end();
  await world.target.teardown();
  world.releaseHolds();
  await world.target.settled();
  await sleep(0);
  world.assertSafe();
  const problems: string[] = [];
  for (const id of CLIENT_IDS) {
    const left = world.clients[id].fake.listenerCount() - OWN_LISTENERS;
    if (left !== 0) problems.push(`${left} listeners left on client ${id} after the teardown`);
    if (world.clients[id].fake.relayState === 'RELAY_STATE_RUNNING' && !world.stopFailedSinceStart(id)) {
      problems.push(`the relay on ${id} still runs after the teardown, and no stop failure was reported`);
    }
  }
  problems.push(...(window.__takeUnhandled?.() ?? []));
  if (problems.length > 0) throw world.failure(problems);
}

export async function runModel(options: ModelRunOptions): Promise<void> {
  const { numRuns, seed, path, maxCommands = 25 } = options;
  const property = fc.asyncProperty(
    fc.array(destArb, { minLength: 1, maxLength: 5 }),
    fc.oneof({ weight: 4, arbitrary: fc.constant<ProviderKind>('none') }, fc.constantFrom<ProviderKind>('good', 'failing')),
    fc.commands(options.commands, { maxCommands, size: '+1' }),
    (initial, provider, commands) => runSequence(options, initial, provider, commands),
  );
  const parameters: fc.Parameters<[unknown, unknown, unknown]> = { numRuns, endOnFailure: false, includeErrorInReport: true };
  if (seed !== undefined) parameters.seed = seed;
  if (path) parameters.path = path;
  await fc.assert(property, parameters);
}
