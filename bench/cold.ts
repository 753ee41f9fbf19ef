// The benchmark's cold page (section g): one fresh page per sample, with the HTTP cache off, loads a CDN build
// (`?build=before|after`, served by bench/run.mjs from two dist/cdn folders) and then connects one host: with the
// page's own published client (`mode=byo`) or in managed mode (`mode=managed`). The offline fake SDK is given as
// `host.sdk`, so no SDK chunk is fetched; every method of the namespace and of the clients is spied on, and the page
// reports the time from `host connected` (appended) to its first SDK call and to its startChannelMediaRelay, and
// which library files were fetched before that first call.
import { createFakeAgoraRTC } from '../src/testing/index.js';

type Spied = Record<string, unknown>;
const params = new URLSearchParams(location.search);
const build = params.get('build') ?? 'after';
const mode = params.get('mode') ?? 'byo';

const calls: { method: string; at: number }[] = [];
let armed = false;
let firstCall: () => void;
let relayStarted: () => void;
const first = new Promise<void>((resolve) => (firstCall = resolve));
const started = new Promise<void>((resolve) => (relayStarted = resolve));

/** Records every method call on `target` (own and inherited methods) once `armed`. */
function spy<T extends object>(target: T): T {
  const names = new Set<string>();
  for (let proto: object | null = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  for (const name of names) {
    if (name === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, name) ?? findDescriptor(target, name);
    if (!descriptor || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    (target as Spied)[name] = function (this: unknown, ...args: unknown[]) {
      if (armed) {
        calls.push({ method: name, at: performance.now() });
        if (calls.length === 1) firstCall();
        if (name === 'startChannelMediaRelay') relayStarted();
      }
      const result = original.apply(this, args);
      return name === 'createClient' ? spy(result as object) : result;
    };
  }
  return target;
}

function findDescriptor(target: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

async function run() {
  const sdk = createFakeAgoraRTC();
  let client: unknown = null;
  if (mode === 'byo') {
    const own = sdk.createClient({ mode: 'live', codec: 'vp8' });
    await own.setClientRole('host');
    await own.join('app-id', 'stage-a', null, 1001);
    await own.publish([await sdk.createCameraVideoTrack()]);
    client = own;
  }
  spy(sdk);
  if (client) spy(client as object);

  const loading = performance.now();
  await import(/* @vite-ignore */ `/${build}/agora-relay-elements.js`);
  const defined = performance.now();
  const host = document.createElement('agora-relay-host') as unknown as HTMLElement & Spied;
  host.setAttribute('channel-name', 'stage-a');
  host.sdk = sdk;
  if (client) host.client = client;
  else host.setAttribute('app-id', '0123456789abcdef0123456789abcdef');
  for (const [index, channelName] of ['stage-b', 'stage-c'].entries()) {
    const destination = document.createElement('agora-relay-destination');
    destination.setAttribute('channel-name', channelName);
    destination.setAttribute('uid', String(2001 + index));
    host.append(destination);
  }
  armed = true;
  const connected = performance.now();
  document.body.append(host);
  await first;
  await started;
  const relayAt = calls.find((call) => call.method === 'startChannelMediaRelay')?.at ?? NaN;
  const [{ at: firstAt, method: firstMethod }] = calls as [{ at: number; method: string }];
  const files = performance
    .getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.startsWith(`/${build}/`))
    .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= firstAt)
    .map((entry) => ({ path: new URL(entry.name).pathname, bytes: (entry as PerformanceResourceTiming).encodedBodySize }));
  return {
    entryMs: defined - loading,
    firstCallMs: firstAt - connected,
    firstMethod,
    relayMs: relayAt - connected,
    fromScriptMs: firstAt - loading,
    files,
  };
}

run().then(
  (result) => Object.assign(window, { coldResult: result }),
  (error: unknown) => Object.assign(window, { coldResult: { error: String(error) } }),
);
