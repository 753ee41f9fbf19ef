/// <reference types="node" />
// One edge per access-point request when media is on: the SDK takes the edge address as the only remote ICE
// candidate, so each client needs its own port E, a secure websocket gateway on TCP E and, once it joined, a media peer
// on UDP E (werift also needs E+1 free: it refuses a one-port range). An edge closes shortly after its client is
// gone, or when no client joined through it in time, and all of them when the stand-in stops.
import { createSocket } from 'node:dgram';
import type { Certificate } from '../certificate.js';
import type { StandInLog } from '../stand-in-log.js';
import type { Timers } from '../timers.js';
import { openTlsEndpoint } from '../tls-endpoint.js';
import type { TlsEndpoint, TlsEndpointHandlers } from '../tls-endpoint.js';

/** A client that asked for an edge but joined nowhere in this long gets its edge closed. */
const UNCLAIMED_EDGE_MS = 30_000;
/** After its client left: time for the leave answer and the SDK's own socket close. */
const RELEASE_DELAY_MS = 1000;
const ATTEMPTS = 20;

/** UDP ports claimed by an edge of any stand-in in this process. */
const reservedUdp = new Set<number>();

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ port, address: host, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

interface Edge {
  endpoint: TlsEndpoint;
  claimed: boolean;
  /** Joins through it not yet released (a client may join again on the same socket). */
  users: number;
  closing?: Promise<void>;
}

export class Edges {
  readonly #edges = new Map<number, Edge>();
  #stopped = false;

  constructor(
    private readonly certificate: Certificate,
    private readonly host: string,
    /** The gateway's websocket handling, told which edge each socket came through. */
    private readonly gateway: { acceptsSockets(): boolean; socket(socket: Parameters<TlsEndpointHandlers['socket']>[0], edge: number): void },
    private readonly timers: Timers,
    private readonly log: StandInLog,
  ) {}

  get open(): number {
    return this.#edges.size;
  }

  /** Opens a fresh edge and returns its port. */
  async create(): Promise<number> {
    for (let attempt = 0; attempt < ATTEMPTS && !this.#stopped; attempt += 1) {
      let port = 0;
      const endpoint = await openTlsEndpoint(this.certificate, {
        request: (_request, response) => response.writeHead(404).end(),
        acceptsSockets: () => this.gateway.acceptsSockets(),
        socket: (socket) => this.gateway.socket(socket, port),
      });
      port = endpoint.port;
      const usable =
        port < 65535 &&
        !reservedUdp.has(port) &&
        !reservedUdp.has(port + 1) &&
        (await udpFree(this.host, port)) &&
        (await udpFree(this.host, port + 1));
      if (!usable || this.#stopped) {
        await endpoint.close();
        continue;
      }
      reservedUdp.add(port).add(port + 1);
      const edge: Edge = { endpoint, claimed: false, users: 0 };
      this.#edges.set(port, edge);
      this.log.add({ service: 'gateway', direction: 'out', type: 'edge open', message: { port } });
      this.timers.after(UNCLAIMED_EDGE_MS, () => {
        if (!edge.claimed) void this.#close(port);
      });
      return port;
    }
    throw new Error(this.#stopped ? 'agora stand-in: stopped' : `agora stand-in: no free edge port after ${ATTEMPTS} tries`);
  }

  /** A client joined through this edge: it stays open until released. */
  claim(port: number): void {
    const edge = this.#edges.get(port);
    if (!edge) return;
    edge.claimed = true;
    edge.users += 1;
  }

  /** Its client is gone: the edge closes a moment later, unless someone joined through it again. */
  release(port: number): void {
    const edge = this.#edges.get(port);
    if (!edge) return;
    edge.users -= 1;
    this.timers.after(RELEASE_DELAY_MS, () => {
      if (edge.users <= 0) void this.#close(port);
    });
  }

  #close(port: number): Promise<void> {
    const edge = this.#edges.get(port);
    if (!edge) return Promise.resolve();
    edge.closing ??= edge.endpoint.close().finally(() => {
      this.#edges.delete(port);
      reservedUdp.delete(port);
      reservedUdp.delete(port + 1);
      this.log.add({ service: 'gateway', direction: 'out', type: 'edge closed', message: { port } });
    });
    return edge.closing;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all([...this.#edges.keys()].map((port) => this.#close(port)));
  }
}
