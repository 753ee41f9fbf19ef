#!/usr/bin/env node
// A token endpoint for <agora-relay-host token-url="…"> and <agora-relay-audience token-url="…">, minting tokens with
// Agora's own `agora-token` package. The App Certificate stays here, on the server: never put it in a page.
//
//   AGORA_APP_ID=… AGORA_APP_CERTIFICATE=… AGORA_ALLOWED_ORIGINS=https://blog.example \
//     node examples/token-server.mjs                                        # serves http://localhost:8787/agora/token
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
const ROLES = { publisher: RtcRole.PUBLISHER, subscriber: RtcRole.SUBSCRIBER };

/**
 * A Node request handler for GET {path}?channelName&uid&purpose; returns false for any other path.
 *
 * `allowedOrigins`: the origins of pages on other sites (a CMS) that may call this endpoint from the browser. Their
 * requests get `Access-Control-Allow-Origin` (and a preflight, should a browser send one, is answered); any other
 * origin gets no CORS header, so its page cannot read the answer. Same-origin pages need no entry.
 *
 * `allow({ channelName, uid, purpose, origin, request })` decides who may have which token: `false` refuses (403),
 * `true` or `'publisher'` mints a publisher token, `'subscriber'` one that may only join (Agora enforces the
 * difference only where co-host authentication is enabled for the App ID). Every token is valid for
 * `expireSeconds`; the elements ask again before a join token expires. `origin` is what the browser sent; it is not
 * proof of who asks (any program can send any Origin): for relay tokens, also check your own session in `request`.
 */
export function createTokenHandler({
  appId,
  appCertificate,
  path = '/agora/token',
  expireSeconds = 3600,
  allowedOrigins = [],
  allow = () => true,
}) {
  if (!appId || !appCertificate) throw new Error('createTokenHandler needs appId and appCertificate.');
  const origins = new Set(allowedOrigins);
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return false;
    const origin = request.headers.origin;
    const cors = origin && origins.has(origin) ? { 'access-control-allow-origin': origin } : {};
    // The answer depends on Origin: a shared cache must not hand one site's answer to another.
    const headers = { ...cors, vary: 'Origin', 'cache-control': 'no-store' };
    const send = (status, body) => {
      response.writeHead(status, { ...headers, 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
      return true;
    };
    if (request.method === 'OPTIONS') {
      // The elements send a simple GET (no preflight); a page's own fetch with extra headers may preflight.
      response.writeHead(cors['access-control-allow-origin'] ? 204 : 403, {
        ...headers,
        ...(cors['access-control-allow-origin']
          ? { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'accept', 'access-control-max-age': '600' }
          : {}),
      });
      response.end();
      return true;
    }
    if (request.method !== 'GET') return send(405, { error: 'use GET' });
    const channelName = url.searchParams.get('channelName') ?? '';
    const uidText = url.searchParams.get('uid') ?? '0';
    const purpose = url.searchParams.get('purpose') ?? '';
    if (!CHANNEL_NAME.test(channelName)) return send(400, { error: 'channelName is not a valid Agora channel name' });
    if (!/^[0-9]+$/.test(uidText) || Number(uidText) > MAX_UID) return send(400, { error: 'uid must be 0..4294967295' });
    if (!PURPOSES.has(purpose)) return send(400, { error: 'purpose must be join, relay-source or relay-destination' });
    const uid = Number(uidText);
    const decision = allow({ channelName, uid, purpose, origin, request });
    if (!decision) return send(403, { error: `not allowed: ${purpose} "${channelName}"` });
    const role = ROLES[decision === true ? 'publisher' : decision];
    if (role === undefined) throw new Error(`allow() answered ${String(decision)}: use true, false, 'publisher' or 'subscriber'.`);
    const token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, role, expireSeconds, expireSeconds);
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
  const { AGORA_APP_ID: appId, AGORA_APP_CERTIFICATE: appCertificate, AGORA_ALLOWED_ORIGINS, PORT } = process.env;
  if (!appId || !appCertificate) {
    console.error('Set AGORA_APP_ID and AGORA_APP_CERTIFICATE (from Agora Console) in the environment.');
    process.exit(1);
  }
  const allowedOrigins = (AGORA_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  // A starting policy: anyone may have a join token (audiences and hosts alike ask for `join`); relay tokens only for
  // pages on this server's own origin (a same-origin GET carries no Origin header). Replace it with your own check.
  const allow = ({ purpose, origin }) => purpose === 'join' || !origin;
  const server = await startTokenServer({ appId, appCertificate, allowedOrigins, allow, port: Number(PORT ?? 8787) });
  const { port } = server.address();
  console.log(`Agora token endpoint: http://localhost:${port}/agora/token (CORS for: ${allowedOrigins.join(', ') || 'none'})`);
}
