/// <reference types="node" />
// The media path of a stand-in started with `media: true`, wired to its gateway (join, subscribe), access point (an
// edge per client) and relay worker (relayed users): loads werift, and stops with every peer and edge closed.
import type { MediaControls, MediaStats } from '../../controls.js';
import type { Certificate } from '../certificate.js';
import type { Channels } from '../channels.js';
import type { GatewayMedia, JoinAnswer } from '../gateway.js';
import type { RelayObserver } from '../relay-worker.js';
import type { StandInLog } from '../stand-in-log.js';
import type { Timers } from '../timers.js';
import type { TlsEndpointHandlers } from '../tls-endpoint.js';
import { Edges } from './edges.js';
import { loadWerift } from './load-werift.js';
import { MediaRouter } from './media-router.js';
import type { PeerParameters } from './media-peer.js';
import { RelayLinks } from './relay-links.js';
import type { RelayEnvelope } from './relay-links.js';
import { withoutTransportCc } from './rtp-rewrite.js';

export interface StandInMedia {
  readonly gateway: GatewayMedia;
  readonly relay: RelayObserver;
  readonly controls: MediaControls;
  /** Opens a client's edge (gateway and media peer on one fresh port); the access point answers with it. */
  edgePort(): Promise<number>;
  stop(): Promise<void>;
}

export interface MediaContext {
  certificate: Certificate;
  host: string;
  channels: Channels;
  timers: Timers;
  log: StandInLog;
  /** The gateway's websocket side (known once the gateway exists). */
  sockets: { acceptsSockets(): boolean; accept(socket: Parameters<TlsEndpointHandlers['socket']>[0], edge: number): void };
}

/** What the join answer says once the client's own peer is open: its ICE and DTLS values, no transport-cc. */
function withPeer(peer: PeerParameters): (answer: JoinAnswer) => JoinAnswer {
  return (answer) => ({
    ...answer,
    ortc: {
      ...answer.ortc,
      iceParameters: peer.iceParameters,
      dtlsParameters: { ...answer.ortc.dtlsParameters, fingerprints: [peer.fingerprint] },
      rtpCapabilities: withoutTransportCc(answer.ortc.rtpCapabilities),
    },
  });
}

export const NO_MEDIA_STATS: MediaStats = Object.freeze({ peers: 0, edges: 0, published: [], forwarded: [] });

export async function startMedia(context: MediaContext): Promise<StandInMedia> {
  const werift = await loadWerift();
  const { channels, log, timers } = context;
  const edges = new Edges(
    context.certificate,
    context.host,
    { acceptsSockets: () => context.sockets.acceptsSockets(), socket: (socket, edge) => context.sockets.accept(socket, edge) },
    timers,
    log,
  );
  const router = new MediaRouter(werift, context.host, channels, edges, log);
  const links = new RelayLinks(channels, log);
  return {
    gateway: {
      join: async (edge, channel, member, message) => withPeer(await router.join(edge, channel, member, message.ortc ?? {})),
      subscribe: (member, message) => router.subscribe(member, message),
      unsubscribe: (member, message) => router.unsubscribe(member, message),
    },
    relay: {
      command: (connection, command, request, envelope) => links.command(connection, command, request, envelope as RelayEnvelope),
      closed: (connection) => links.closed(connection),
    },
    controls: { stats: () => router.stats() },
    edgePort: () => edges.create(),
    async stop() {
      links.stop();
      await router.stop();
      await edges.stop();
    },
  };
}
