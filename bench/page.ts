// The benchmark's page: bundled by bench/run.mjs with the elements and the offline fake SDK, driven from Node through
// puppeteer. Each measurement is one function on `window.bench`; the elements are measured against a baseline run
// in the same page: straightforward imperative code on the same fake (one SDK call per change, right after publish),
// or an empty custom element. Times are performance.now() in milliseconds.
import '../src/index.js';
import type { LitElement } from 'lit';
import type { AgoraRelayHost } from '../src/index.js';
import { createFakeAgoraRTC, type FakeAgoraRTC, type FakeClient } from '../src/testing/index.js';

const SOURCE = 'stage-a';
const DESTINATIONS = ['stage-b', 'stage-c', 'stage-d', 'stage-e'];

const stage = document.createElement('div');
document.body.append(stage);

/**
 * A new task that is not a timer. Browsers clamp a timer set from inside a timer callback to 4 ms from the fifth
 * level on; the fake answers through setTimeout(0), so a loop awaiting it would soon measure that clamp, not the
 * code (a page's handlers run from events, not from an endless timer chain). Every cycle, burst and spaced change
 * starts from such a task, for the elements and the baselines alike.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const freshTask = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(undefined);
  });

/** A fake client joined as a host in the source channel, published unless told not to. */
async function pageClient(options: { publish?: boolean } = {}) {
  const AgoraRTC = createFakeAgoraRTC();
  const client = AgoraRTC.createClient({ mode: 'live', codec: 'vp8' });
  await client.setClientRole('host');
  await client.join('app-id', SOURCE, null, 1001);
  const track = await AgoraRTC.createCameraVideoTrack();
  if (options.publish !== false) await client.publish([track]);
  const done = async () => {
    track.close();
    await client.leave();
  };
  return { AgoraRTC, client, track, done };
}

/** The fake records every relay call; over thousands of calls that record is the fake's memory, not ours. */
function forgetCalls(client: FakeClient): void {
  (client.fake.calls as unknown[]).length = 0;
}

function hostElement(setup: (host: AgoraRelayHost) => void, destinations = DESTINATIONS): AgoraRelayHost {
  const host = document.createElement('agora-relay-host');
  host.setAttribute('channel-name', SOURCE);
  for (const [index, channelName] of destinations.entries()) {
    const destination = document.createElement('agora-relay-destination');
    destination.setAttribute('channel-name', channelName);
    destination.setAttribute('uid', String(2001 + index));
    host.append(destination);
  }
  setup(host);
  return host;
}

async function removeAndSettle(host: AgoraRelayHost): Promise<void> {
  host.remove();
  await Promise.resolve(); // the host handles its removal a microtask later (a move is not a removal)
  await host.settled();
}

/** After changes to destinations: their Lit updates tell the host, then the session runs a task later. */
async function settleChanges(host: AgoraRelayHost): Promise<void> {
  await Promise.all([...host.children].map((child) => (child as LitElement).updateComplete));
  await host.settled();
}

/** The imperative baseline: the relay configuration from a list, as a page would build it by hand. */
function configuration(AgoraRTC: FakeAgoraRTC, destinations: readonly string[]) {
  const config = AgoraRTC.createChannelMediaRelayConfiguration();
  config.setSrcChannelInfo({ channelName: SOURCE, uid: 0 });
  destinations.forEach((channelName, index) => config.addDestChannelInfo({ channelName, uid: 2001 + index }));
  return config;
}

// ---- (a) SDK calls per burst of N changes ---------------------------------------------------------------------

export interface BurstResult {
  calls: number;
  maxInFlight: number;
  ms: number;
}

/**
 * N destination edits (channel names), in one task (`spread: false`) or one per task. Elements: the host's four
 * destinations are edited. Imperative: each edit calls updateChannelMediaRelay at once (as a change handler would);
 * calls overlap when edits come faster than the SDK answers.
 */
async function burst(mode: 'elements' | 'imperative', changes: number, spread: boolean): Promise<BurstResult> {
  const page = await pageClient();
  const { AgoraRTC, client } = page;
  const names = [...DESTINATIONS];
  /** Renames destination `index % 4`; returns its new name. */
  const rename = (index: number) => {
    const name = `ch-${index}`;
    names[index % names.length] = name;
    return name;
  };
  try {
    if (mode === 'elements') {
      const host = hostElement((element) => {
        element.sdk = AgoraRTC;
        element.client = client;
      });
      stage.append(host);
      await host.settled();
      const destinations = [...host.children];
      forgetCalls(client);
      await freshTask();
      const started = performance.now();
      for (let index = 0; index < changes; index += 1) {
        destinations[index % destinations.length]?.setAttribute('channel-name', rename(index));
        if (spread) await freshTask();
      }
      await settleChanges(host);
      const ms = performance.now() - started;
      const calls = client.fake.calls.length;
      await removeAndSettle(host);
      return { calls, maxInFlight: client.fake.maxInFlight, ms };
    }
    await client.startChannelMediaRelay(configuration(AgoraRTC, names));
    forgetCalls(client);
    await freshTask();
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let index = 0; index < changes; index += 1) {
      rename(index);
      pending.push(client.updateChannelMediaRelay(configuration(AgoraRTC, names)));
      if (spread) await freshTask();
    }
    await Promise.all(pending);
    const ms = performance.now() - started;
    const calls = client.fake.calls.length;
    await client.stopChannelMediaRelay();
    return { calls, maxInFlight: client.fake.maxInFlight, ms };
  } finally {
    await page.done();
  }
}

// ---- (b) publish resolved → startChannelMediaRelay ----------------------------------------------------------

/** Wraps a client's publish and startChannelMediaRelay to time the gap between them. */
function timeGap(client: FakeClient): { gap: () => number | undefined; published: () => void } {
  let publishedAt: number | undefined;
  let startedAt: number | undefined;
  const start = client.startChannelMediaRelay.bind(client);
  client.startChannelMediaRelay = (config) => {
    startedAt ??= performance.now();
    return start(config);
  };
  const publish = client.publish.bind(client);
  client.publish = async (tracks) => {
    await publish(tracks);
    publishedAt = performance.now();
  };
  return {
    gap: () => (publishedAt !== undefined && startedAt !== undefined ? startedAt - publishedAt : undefined),
    published: () => {
      publishedAt = performance.now();
    },
  };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * One publish → start gap, in ms. `byo-start`: a page's client, host.start() right after publish resolves.
 * `byo-check`: the same, no start(): the session sees the publish at its next look at client.localTracks.
 * `managed`: the host publishes itself. `imperative`: startChannelMediaRelay right after publish resolves.
 */
async function publishToStart(mode: 'byo-start' | 'byo-check' | 'managed' | 'imperative'): Promise<number> {
  if (mode === 'managed') {
    const AgoraRTC = createFakeAgoraRTC();
    let timing: ReturnType<typeof timeGap> | undefined;
    const createClient = AgoraRTC.createClient.bind(AgoraRTC);
    Object.assign(AgoraRTC, {
      createClient: (config?: Parameters<FakeAgoraRTC['createClient']>[0]) => {
        const client = createClient(config);
        timing = timeGap(client);
        return client;
      },
    });
    const host = hostElement((element) => {
      element.sdk = AgoraRTC;
      element.appId = 'app-id';
    });
    await freshTask();
    stage.append(host);
    await until(() => timing?.gap() !== undefined, 5000);
    const gap = timing?.gap() ?? NaN;
    host.remove();
    const [client] = AgoraRTC.fake.clients;
    await until(() => client?.connectionState === 'DISCONNECTED' && client.fake.listenerCount() === 0, 5000);
    return gap;
  }
  const page = await pageClient({ publish: false });
  const { AgoraRTC, client, track } = page;
  const timing = timeGap(client);
  try {
    await freshTask();
    if (mode === 'imperative') {
      await client.publish([track]);
      await client.startChannelMediaRelay(configuration(AgoraRTC, DESTINATIONS));
      await client.stopChannelMediaRelay();
      return timing.gap() ?? NaN;
    }
    const host = hostElement((element) => {
      element.sdk = AgoraRTC;
      element.client = client;
    });
    stage.append(host);
    await host.settled();
    // Without start(), publish at a random moment of the session's 500 ms publish check, as a page would.
    if (mode === 'byo-check') await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
    await freshTask();
    await client.publish([track]);
    if (mode === 'byo-start') await host.start();
    await until(() => timing.gap() !== undefined, 5000);
    await host.settled();
    await removeAndSettle(host);
    return timing.gap() ?? NaN;
  } finally {
    await page.done();
  }
}

// ---- (c) 1,000 attribute changes to settle --------------------------------------------------------------------

async function thousandChanges(mode: 'elements' | 'imperative'): Promise<BurstResult> {
  return burst(mode, 1000, false);
}

// ---- (d) mount and remove, per cycle; (e) the same cycles for heap growth --------------------------------------

class BenchEmpty extends HTMLElement {}
customElements.define('bench-empty', BenchEmpty);

function emptyElement(): HTMLElement {
  const element = document.createElement('bench-empty');
  element.setAttribute('channel-name', SOURCE);
  for (const channelName of DESTINATIONS) {
    const child = document.createElement('bench-empty');
    child.setAttribute('channel-name', channelName);
    element.append(child);
  }
  return element;
}

export type CycleKind = 'empty' | 'host-alone' | 'host-relay' | 'imperative-relay';

interface CycleRun {
  cycles: number;
  ms: number;
  /** Cycles whose relay did not run (host-relay) or whose calls were not start, stop. */
  faults: number;
}

/** Made once per kind: the page's client for the relay cycles, so cycles measure the host, not the fake's setup. */
const cycleState: Partial<Record<CycleKind, Awaited<ReturnType<typeof pageClient>>>> = {};
/** Hosts made by the last run, held weakly: how many the garbage collector could not take. */
let madeHosts: WeakRef<object>[] = [];

/** `count` cycles of `kind`; with `track`, the elements are held weakly for `stillReachable()` (off when measuring heap). */
async function cycles(kind: CycleKind, count: number, track = false): Promise<CycleRun> {
  let faults = 0;
  const page = kind === 'host-relay' || kind === 'imperative-relay' ? (cycleState[kind] ??= await pageClient()) : undefined;
  madeHosts = [];
  const started = performance.now();
  for (let cycle = 0; cycle < count; cycle += 1) {
    await freshTask();
    if (kind === 'empty') {
      const element = emptyElement();
      stage.append(element);
      await Promise.resolve();
      element.remove();
      await Promise.resolve();
      if (track) madeHosts.push(new WeakRef(element));
    } else if (kind === 'imperative-relay' && page) {
      const { AgoraRTC, client } = page;
      await client.startChannelMediaRelay(configuration(AgoraRTC, DESTINATIONS));
      await client.stopChannelMediaRelay();
      if (client.fake.calls.length !== 2) faults += 1;
      forgetCalls(client);
    } else {
      const host = hostElement((element) => {
        if (kind === 'host-relay' && page) {
          element.sdk = page.AgoraRTC;
          element.client = page.client;
        }
      });
      stage.append(host);
      await host.updateComplete;
      await host.settled();
      if (kind === 'host-relay' && host.state !== 'RELAY_STATE_RUNNING') faults += 1;
      await removeAndSettle(host);
      if (page) {
        if (page.client.fake.calls.map((call) => call.method).join() !== 'start,stop') faults += 1;
        forgetCalls(page.client);
      }
      if (track) madeHosts.push(new WeakRef(host));
    }
  }
  return { cycles: count, ms: performance.now() - started, faults };
}

/** Of the elements made by the last `cycles` run, how many are still reachable (call after a full GC). */
function stillReachable(): number {
  return madeHosts.filter((ref) => ref.deref() !== undefined).length;
}

/** Listeners left on the page's client of the relay cycles (0 expected). */
function listenersLeft(kind: CycleKind): number {
  return cycleState[kind]?.client.fake.listenerCount() ?? 0;
}

const api = { burst, publishToStart, thousandChanges, cycles, stillReachable, listenersLeft };
export type BenchApi = typeof api;
(window as unknown as { bench: BenchApi }).bench = api;
document.title = 'ready';
