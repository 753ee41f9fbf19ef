/// <reference types="node" />
// startAgoraStandIn(): local stand-ins of Agora's access point + gateway (one port) and relay service (another port)
// on 127.0.0.1, with a fresh self-signed certificate, so the real agora-rtc-sdk-ng joins, publishes and relays
// offline. Test-only; checked against agora-rtc-sdk-ng 4.24.8 (agora-join-protocol.md, agora-relay-protocol.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  AccessPointControls,
  AgoraStandInOptions,
  GatewayControls,
  LogControls,
  RelayControls,
  StandInAddresses,
  StandInControls,
  UsersControls,
} from '../controls.js';
import { AccessPoint } from './access-point.js';
import { createCertificate } from './certificate.js';
import type { Certificate } from './certificate.js';
import { Channels } from './channels.js';
import { Gateway } from './gateway.js';
import { answerPreflight, notFound, sendText } from './http-helpers.js';
import { RelayAllocation } from './relay-allocation.js';
import { RelayWorker } from './relay-worker.js';
import { StandInLog } from './stand-in-log.js';
import { Timers } from './timers.js';
import { LOOPBACK, openTlsEndpoint } from './tls-endpoint.js';
import { NO_MEDIA_STATS, startMedia } from './media/media.js';
import type { StandInMedia } from './media/media.js';
import type { TlsEndpoint } from './tls-endpoint.js';

/** What a person who opens the stand-in's address sees (to accept its certificate, for instance). */
const STAND_IN_HELLO = 'The local Agora stand-in is running here (test and development use only).\n';

export interface AgoraStandIn extends StandInControls {
  readonly accessPoint: AccessPointControls & { readonly host: string; readonly port: number };
  readonly relay: RelayControls & { readonly port: number };
  readonly addresses: StandInAddresses;
  /** Closes every server, socket and timer; nothing stays open afterwards. */
  stop(): Promise<void>;
}

function bind<T extends object, K extends keyof T>(target: T, names: readonly K[]): Pick<T, K> {
  const bound = {} as Pick<T, K>;
  for (const name of names) {
    const value = target[name];
    if (typeof value === 'function') bound[name] = value.bind(target) as T[K];
  }
  return bound;
}

/** Node-only options: a certificate to use instead of a fresh one (the program keeps one per machine). */
export interface AgoraStandInNodeOptions extends AgoraStandInOptions {
  certificate?: Certificate;
  /**
   * The IPv4 address the media peers listen on and every service is announced with (default 127.0.0.1). Desktop
   * browsers use no loopback for WebRTC unless told to, so the program can announce this machine's own address
   * instead. The secure services still listen on 127.0.0.1 only: the SDK reaches them as `a-b-c-d.localhost`, which
   * browsers resolve to loopback, so one certificate decision (for that one name) covers all of them.
   */
  mediaAddress?: string;
}

export async function startAgoraStandIn(options: AgoraStandInNodeOptions = {}): Promise<AgoraStandIn> {
  const certificate = options.certificate ?? (await createCertificate());
  const address = options.mediaAddress ?? LOOPBACK;
  const log = new StandInLog(options.logLimit);
  const timers = new Timers();
  const channels = new Channels();
  // The services answer with their own ports, known once both endpoints listen.
  const endpoints: { gateway?: TlsEndpoint; relay?: TlsEndpoint } = {};
  const gatewayPort = () => endpoints.gateway?.port ?? 0;
  // Without a media peer nothing checks the fingerprint: any well-formed one does.
  const fingerprint = Array.from({ length: 32 }, (_, i) => ((i * 37) % 256).toString(16).padStart(2, '0').toUpperCase()).join(':');

  // With media each client gets its own edge port (gateway + media peer), which the access point answers with.
  const media: StandInMedia | undefined = options.media
    ? await startMedia({
        certificate,
        host: address,
        channels,
        timers,
        log,
        sockets: { acceptsSockets: (): boolean => gateway.acceptsSockets(), accept: (socket, edge): void => gateway.accept(socket, edge) },
      })
    : undefined;
  const gateway: Gateway = new Gateway({ log, timers, channels, dtlsFingerprint: () => fingerprint, media: media?.gateway });
  const accessPoint = new AccessPoint(log, timers, media ? () => media.edgePort() : gatewayPort, address);
  const allocation = new RelayAllocation(log, () => endpoints.relay?.port ?? 0, address);
  const relay = new RelayWorker(log, timers, allocation, options.relayStatusDelayMs ?? 30, media?.relay);

  const unexpected = (service: 'access-point' | 'allocation', request: IncomingMessage, response: ServerResponse) => {
    log.add({ service, direction: 'in', type: `unexpected ${request.method} ${request.url}` });
    notFound(request, response);
  };

  const gatewayEndpoint = await openTlsEndpoint(certificate, {
    request(request, response) {
      if (request.method === 'OPTIONS') answerPreflight(request, response);
      else if (request.method === 'POST') accessPoint.handle(request, response).catch(() => response.destroy());
      else if (request.method === 'GET' && request.url === '/') sendText(response, STAND_IN_HELLO);
      else unexpected('access-point', request, response);
    },
    acceptsSockets: () => gateway.acceptsSockets(),
    socket: (socket) => gateway.accept(socket),
  }, options.port);
  endpoints.gateway = gatewayEndpoint;
  const relayEndpoint = await openTlsEndpoint(certificate, {
    request(request, response) {
      if (request.method === 'OPTIONS') answerPreflight(request, response);
      else if (request.method === 'POST' && request.url?.startsWith('/api/v1')) {
        allocation.handle(request, response).catch(() => response.destroy());
      }
      else unexpected('allocation', request, response);
    },
    acceptsSockets: () => relay.acceptsSockets(),
    socket: (socket) => relay.accept(socket),
  }, options.relayPort).catch(async (error: unknown) => {
    await gatewayEndpoint.close();
    await media?.stop();
    throw error;
  });
  endpoints.relay = relayEndpoint;

  const users: UsersControls = {
    join: (channel, uid) => channels.add(channel, { uid, uintId: uid }),
    publish: (channel, uid, media = 'both') =>
      channels.publish(channel, uid, {
        ...(media !== 'video' && { audio: true as const }),
        ...(media !== 'audio' && { video: true as const }),
      }),
    unpublish: (channel, uid) => channels.unpublish(channel, uid),
    leave: (channel, uid, reason = 'Quit') => channels.remove(channel, uid, reason),
  };
  const gatewayControls: GatewayControls = bind(gateway, [
    'push',
    'tokenWillExpire',
    'tokenDidExpire',
    'ban',
    'reply',
    'refuseConnections',
    'dropSockets',
  ]);
  const logControls: LogControls = bind(log, ['entries', 'waitFor', 'clear']);
  const relayControls = bind(relay, ['reply', 'status', 'pushStatus', 'allocation', 'refuseConnections', 'dropSockets']);
  const addresses: StandInAddresses = {
    accessPoint: { host: address, port: gatewayEndpoint.port },
    relay: { port: relayEndpoint.port },
  };

  let stopping: Promise<void> | undefined;
  return {
    addresses,
    users,
    gateway: gatewayControls,
    accessPoint: { ...addresses.accessPoint, reply: (rule) => accessPoint.reply(rule) },
    relay: { ...relayControls, port: addresses.relay.port },
    log: logControls,
    media: media?.controls ?? { stats: () => NO_MEDIA_STATS },
    reset() {
      gateway.reset();
      accessPoint.rules.clear();
      relay.reset();
      channels.clearRemoteUsers();
      log.clear();
    },
    stop() {
      stopping ??= (async () => {
        timers.stop();
        log.dispose();
        await media?.stop();
        await Promise.all([gatewayEndpoint.close(), relayEndpoint.close()]);
      })();
      return stopping;
    },
  };
}
