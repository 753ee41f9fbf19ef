/// <reference types="node" />
// One HTTPS server on 127.0.0.1 (free port) that also accepts websocket upgrades, and that closes with every
// socket it ever accepted, so a stopped stand-in leaves no open handle.
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Certificate } from './certificate.js';

export const LOOPBACK = '127.0.0.1';

export interface TlsEndpointHandlers {
  request(request: IncomingMessage, response: ServerResponse): void;
  socket(socket: WebSocket, request: IncomingMessage): void;
  /** `false` refuses a new websocket before its handshake (HTTP 503). */
  acceptsSockets(): boolean;
}

export interface TlsEndpoint {
  readonly port: number;
  /** Terminates every open websocket. */
  dropSockets(): void;
  close(): Promise<void>;
}

/** Listens on `port` (0: a free one); rejects with the listen error (EADDRINUSE: port taken). */
export async function openTlsEndpoint(certificate: Certificate, handlers: TlsEndpointHandlers, port = 0): Promise<TlsEndpoint> {
  const server = createServer({ key: certificate.key, cert: certificate.cert }, handlers.request);
  const websockets = new WebSocketServer({ noServer: true });
  const rawSockets = new Set<Socket>();

  server.on('connection', (socket: Socket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });
  // A browser that gives up on a handshake is routine here; never let it crash the test runner.
  server.on('tlsClientError', () => undefined);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    if (!handlers.acceptsSockets()) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    websockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => undefined);
      handlers.socket(ws, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in: no TCP address');

  return {
    port: address.port,
    dropSockets() {
      for (const ws of websockets.clients) ws.terminate();
    },
    async close() {
      for (const ws of websockets.clients) ws.terminate();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of rawSockets) socket.destroy();
      websockets.close();
      await closed;
    },
  };
}
