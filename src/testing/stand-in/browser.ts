// Browser side of the local Agora stand-in: points a real AgoraRTC namespace and its clients at it.
//
// TEST-ONLY. Everything here uses undocumented agora-rtc-sdk-ng internals (access-point override, parameter keys,
// retry configs), checked against the versions in STAND_IN_CHECKED_SDK_VERSIONS; pin the SDK in tests and keep a test
// that fails loudly when a new version behaves differently. The browser must accept the stand-in's self-signed
// certificate (Chromium: --ignore-certificate-errors) and resolve `*.localhost` to loopback (Chromium does).
import { CHECKED_SDK_VERSIONS } from '../../core/sdk-versions.js';
import type { StandInAddresses } from './controls.js';

export type * from './controls.js';
export { startRemoteAgoraStandIn, STAND_IN_ROUTE } from './remote.js';
export type { RemoteAgoraStandIn } from './remote.js';
export { standInSdk } from './stand-in-sdk.js';
export type { StandInSdkOptions } from './stand-in-sdk.js';

/** The SDK versions this helper and the stand-in were checked against (the SDK version matrix). */
export const STAND_IN_CHECKED_SDK_VERSIONS: readonly string[] = CHECKED_SDK_VERSIONS;

/**
 * Bounded retries for clients talking to the stand-in (client config keys `httpRetryConfig`, `websocketRetryConfig`;
 * not in the public docs): a refused or unreachable service fails in seconds instead of being retried forever.
 */
export const STAND_IN_RETRY_CONFIG = Object.freeze({ timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 });

/** What this helper needs from an AgoraRTC namespace (the real one; `setParameter` exists but is not typed). */
export interface StandInSdk<Client> {
  VERSION?: string;
  createClient(config: never): Client;
  setParameter?: (key: string, value: unknown) => void;
}

interface AccessPointsV2 {
  setLocalAccessPointsV2?: (config: { accessPoints: { serverList: string[]; domain: string; port: number } }) => void;
}

/**
 * Page-global SDK settings: the relay's allocation server and worker domain (`UAP_AP`, `WORKER_DOMAIN`), and, for SDKs
 * before 4.20 (no `setLocalAccessPointsV2`), the access point and gateway (`WEBCS_DOMAIN`, `GATEWAY_DOMAINS`).
 */
export function pointAgoraRTCAtStandIn(sdk: StandInSdk<unknown>, addresses: StandInAddresses): void {
  if (sdk.VERSION && !STAND_IN_CHECKED_SDK_VERSIONS.includes(sdk.VERSION)) {
    console.warn(`agora stand-in: checked with agora-rtc-sdk-ng ${STAND_IN_CHECKED_SDK_VERSIONS.join(', ')}, not ${sdk.VERSION}`);
  }
  const setParameter = sdk.setParameter;
  if (!setParameter) throw new Error('agora stand-in: this AgoraRTC has no setParameter()');
  const { host, port } = addresses.accessPoint;
  // The allocation server by the name the SDK gives every other service (`127-0-0-1.localhost`), not by its IP: a
  // browser keeps a certificate decision per host name, so a person accepts the stand-in's certificate only once.
  setParameter('UAP_AP', [`${standInHostName(host)}:${addresses.relay.port}`]);
  // The relay worker's URL becomes wss://127-0-0-1.localhost:<port>, which the browser resolves to loopback.
  setParameter('WORKER_DOMAIN', 'localhost');
  if (before420(sdk.VERSION)) {
    setParameter('WEBCS_DOMAIN', [`${host}:${port}`]);
    setParameter('WEBCS_DOMAIN_BACKUP_LIST', [`${host}:${port}`]);
    setParameter('GATEWAY_DOMAINS', ['localhost']);
  }
}

/** The `*.localhost` name the SDK derives from an IPv4 address (`127.0.0.1` → `127-0-0-1.localhost`): loopback. */
export function standInHostName(host: string): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? `${host.replace(/\./g, '-')}.localhost` : host;
}

function before420(version: string | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  return major < 4 || (major === 4 && minor < 20);
}

/** Points one client's joins at the stand-in (SDK 4.20+; this also turns the SDK's event reporting off). */
export function pointClientAtStandIn(client: unknown, addresses: StandInAddresses): void {
  const { host, port } = addresses.accessPoint;
  (client as AccessPointsV2).setLocalAccessPointsV2?.({ accessPoints: { serverList: [host], domain: 'localhost', port } });
}

/** A client config with the stand-in's bounded retries added. */
export function standInClientConfig<Config extends object>(config: Config) {
  return { ...config, httpRetryConfig: { ...STAND_IN_RETRY_CONFIG }, websocketRetryConfig: { ...STAND_IN_RETRY_CONFIG } };
}

/** Points the namespace at the stand-in and makes a client that joins and relays through it. */
export function createStandInClient<Client>(
  sdk: StandInSdk<Client>,
  addresses: StandInAddresses,
  config: object = { mode: 'rtc', codec: 'vp8' },
): Client {
  pointAgoraRTCAtStandIn(sdk as StandInSdk<unknown>, addresses);
  const client = sdk.createClient(standInClientConfig(config) as never);
  pointClientAtStandIn(client, addresses);
  return client;
}
