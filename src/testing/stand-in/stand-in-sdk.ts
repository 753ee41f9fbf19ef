// standInSdk(AgoraRTC, addresses): an AgoraRTC namespace whose every client joins and relays through the local
// stand-in, for code that makes its own clients (a managed `<agora-relay-host>`, later the audience element):
// `host.sdk = standInSdk(AgoraRTC, addresses)` is all a page needs. TEST AND DEVELOPMENT ONLY: it points the page's
// real SDK at 127.0.0.1 (page-global SDK parameters), so never use it on a page that should reach Agora.
import type { StandInAddresses } from './controls.js';
import { pointAgoraRTCAtStandIn, pointClientAtStandIn, standInClientConfig } from './browser.js';
import type { StandInSdk } from './browser.js';

/** Track factories to use instead of the SDK's own (e.g. a canvas picture per host in a one-laptop demo). */
export interface StandInSdkOptions {
  createCameraVideoTrack?: (...args: never[]) => Promise<unknown>;
  createMicrophoneAudioTrack?: (...args: never[]) => Promise<unknown>;
}

/**
 * Points `sdk` at the stand-in and returns a namespace that inherits everything from it, except that `createClient`
 * makes clients pointed at the stand-in (with its bounded retries), and the given track factories replace the SDK's.
 */
export function standInSdk<Sdk extends StandInSdk<unknown>>(sdk: Sdk, addresses: StandInAddresses, options: StandInSdkOptions = {}): Sdk {
  pointAgoraRTCAtStandIn(sdk, addresses);
  const wrapped = Object.create(sdk) as Sdk;
  const createClient = (config?: object) => {
    const client = sdk.createClient(standInClientConfig(config ?? { mode: 'live', codec: 'vp8' }) as never);
    pointClientAtStandIn(client, addresses);
    return client;
  };
  Object.defineProperty(wrapped, 'createClient', { value: createClient, enumerable: true });
  for (const name of ['createCameraVideoTrack', 'createMicrophoneAudioTrack'] as const) {
    const factory = options[name];
    if (factory) Object.defineProperty(wrapped, name, { value: factory, enumerable: true });
  }
  return wrapped;
}
