/// <reference types="node" />
// Small HTTP helpers: read a request body, answer JSON with permissive CORS (the SDK calls from the test page's
// origin, and the relay allocation's custom headers make Chromium send a preflight).
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, corsHeaders(request)).end();
}

export function sendJson(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { ...corsHeaders(request), 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

export function notFound(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(404, corsHeaders(request)).end();
}

export function sendText(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}
