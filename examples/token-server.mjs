#!/usr/bin/env node
// A token endpoint for <agora-relay-host token-url="…">, minting tokens with Agora's own `agora-token` package.
// The App Certificate stays here, on the server: never put it in a page.
//
//   AGORA_APP_ID=… AGORA_APP_CERTIFICATE=… node examples/token-server.mjs      # serves http://localhost:8787/agora/token
//
// GET /agora/token?channelName=stage-a&uid=0&purpose=relay-source  →  { "token": "007…" }
// `purpose` is `join`, `relay-source` or `relay-destination`. Put your own check of who may ask for what in `allow`.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import agoraToken from 'agora-token';

const { RtcTokenBuilder, RtcRole } = agoraToken;
const PURPOSES = new Set(['join', 'relay-source', 'relay-destination']);
const CHANNEL_NAME = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const MAX_UID = 4_294_967_295;

/**
 * A Node request handler for GET {path}?channelName&uid&purpose. Every token is a host (publisher) token, valid for
 * `expireSeconds`; ask again before it expires (the elements renew join tokens when the SDK warns).
 */
export function createTokenHandler({
  appId,
  appCertificate,
  path = '/agora/token',
  expireSeconds = 3600,
  allow = () => true,
}) {
  if (!appId || !appCertificate) throw new Error('createTokenHandler needs appId and appCertificate.');
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return false;
    const send = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
      return true;
    };
    if (request.method !== 'GET') return send(405, { error: 'use GET' });
    const channelName = url.searchParams.get('channelName') ?? '';
    const uidText = url.searchParams.get('uid') ?? '0';
    const purpose = url.searchParams.get('purpose') ?? '';
    if (!CHANNEL_NAME.test(channelName)) return send(400, { error: 'channelName is not a valid Agora channel name' });
    if (!/^[0-9]+$/.test(uidText) || Number(uidText) > MAX_UID) return send(400, { error: 'uid must be 0..4294967295' });
    if (!PURPOSES.has(purpose)) return send(400, { error: 'purpose must be join, relay-source or relay-destination' });
    const uid = Number(uidText);
    if (!allow({ channelName, uid, purpose, request })) return send(403, { error: 'not allowed' });
    const token = RtcTokenBuilder.buildTokenWithUid(
      appId,
      appCertificate,
      channelName,
      uid,
      RtcRole.PUBLISHER,
      expireSeconds,
      expireSeconds,
    );
    return send(200, { token });
  };
}

/** Starts a small HTTP server with the handler; resolves with it once listening. */
export function startTokenServer(options) {
  const handler = createTokenHandler(options);
  const server = createServer((request, response) => {
    if (!handler(request, response)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'not found' }));
    }
  });
  return new Promise((resolve) => server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { AGORA_APP_ID: appId, AGORA_APP_CERTIFICATE: appCertificate, PORT } = process.env;
  if (!appId || !appCertificate) {
    console.error('Set AGORA_APP_ID and AGORA_APP_CERTIFICATE (from Agora Console) in the environment.');
    process.exit(1);
  }
  const server = await startTokenServer({ appId, appCertificate, port: Number(PORT ?? 8787) });
  const { port } = server.address();
  console.log(`Agora token endpoint: http://localhost:${port}/agora/token`);
}
