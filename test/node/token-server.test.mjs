// The example token endpoint (examples/token-server.mjs): real HTTP on 127.0.0.1, tokens from agora-token that carry
// the App ID, channel and uid asked for, and clear refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { startTokenServer } from '../../examples/token-server.mjs';

const appId = '0123456789abcdef0123456789abcdef';
const appCertificate = 'fedcba9876543210fedcba9876543210';

/** AccessToken2: "007" + base64(deflate(signature, appId, issueTs, expire, salt, services…)). */
function readToken(token) {
  assert.ok(token.startsWith('007'), 'an AccessToken2');
  const bytes = inflateSync(Buffer.from(token.slice(3), 'base64'));
  let offset = 0;
  const readString = () => {
    const length = bytes.readUInt16LE(offset);
    const value = bytes.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    return value;
  };
  readString(); // signature
  const appIdRead = readString().toString();
  const rest = bytes.subarray(offset);
  // issueTs, expire, salt (u32 each), then the services: type (u16) and a privilege map (u16 count, u16 key + u32).
  offset += 12;
  const services = bytes.readUInt16LE(offset);
  offset += 2;
  assert.equal(services, 1, 'one service');
  assert.equal(bytes.readUInt16LE(offset), 1, 'the RTC service');
  const count = bytes.readUInt16LE(offset + 2);
  const privileges = Array.from({ length: count }, (_, index) => bytes.readUInt16LE(offset + 4 + index * 6));
  return { appId: appIdRead, rest, privileges };
}

test('mints a token for the App ID, channel and uid asked for, and refuses bad requests', async (t) => {
  const server = await startTokenServer({ appId, appCertificate, port: 0 });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/agora/token`;

  const response = await fetch(`${base}?channelName=stage-b&uid=4242&purpose=relay-destination`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const { token } = await response.json();
  const decoded = readToken(token);
  assert.equal(decoded.appId, appId);
  assert.ok(decoded.rest.includes(Buffer.from('stage-b')), 'the channel is in the token');
  assert.ok(decoded.rest.includes(Buffer.from('4242')), 'the uid is in the token');
  assert.ok(!token.includes(appCertificate), 'the certificate never leaves the server');

  for (const [query, status] of [
    ['channelName=a*b&uid=0&purpose=join', 400],
    ['channelName=a&uid=-1&purpose=join', 400],
    ['channelName=a&uid=4294967296&purpose=join', 400],
    ['channelName=a&uid=0&purpose=admin', 400],
  ]) {
    assert.equal((await fetch(`${base}?${query}`)).status, status, query);
  }
  assert.equal((await fetch(base, { method: 'POST' })).status, 405);
  assert.equal((await fetch(`http://127.0.0.1:${server.address().port}/elsewhere`)).status, 404);
});

test('an allow() hook can refuse a request', async (t) => {
  const server = await startTokenServer({ appId, appCertificate, port: 0, allow: ({ purpose }) => purpose !== 'join' });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/agora/token`;
  assert.equal((await fetch(`${base}?channelName=a&uid=0&purpose=join`)).status, 403);
  assert.equal((await fetch(`${base}?channelName=a&uid=0&purpose=relay-source`)).status, 200);
});

test('allow() decides per purpose: a relay token refused to a page on another site, a join token that may only subscribe', async (t) => {
  const asked = [];
  const server = await startTokenServer({
    appId,
    appCertificate,
    port: 0,
    allowedOrigins: ['https://blog.example'],
    allow: ({ purpose, origin, channelName, uid }) => {
      asked.push(`${purpose} ${channelName} ${uid} ${origin ?? '-'}`);
      if (purpose === 'join') return origin ? 'subscriber' : 'publisher';
      return !origin;
    },
  });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/agora/token`;
  const fromBlog = { headers: { origin: 'https://blog.example' } };

  const watcher = await fetch(`${base}?channelName=stage-b&uid=0&purpose=join`, fromBlog);
  assert.equal(watcher.status, 200);
  assert.deepEqual(readToken((await watcher.json()).token).privileges, [1], 'join only: no publish privilege');
  const host = await fetch(`${base}?channelName=stage-a&uid=1001&purpose=join`);
  assert.deepEqual(readToken((await host.json()).token).privileges, [1, 2, 3, 4], 'join and publish audio, video, data');

  const relay = await fetch(`${base}?channelName=stage-a&uid=0&purpose=relay-source`, fromBlog);
  assert.equal(relay.status, 403);
  assert.deepEqual(await relay.json(), { error: 'not allowed: relay-source "stage-a"' });
  assert.equal(relay.headers.get('access-control-allow-origin'), 'https://blog.example', 'the page can read why');
  assert.equal((await fetch(`${base}?channelName=stage-b&uid=7&purpose=relay-destination`)).status, 200);
  assert.deepEqual(asked, [
    'join stage-b 0 https://blog.example',
    'join stage-a 1001 -',
    'relay-source stage-a 0 https://blog.example',
    'relay-destination stage-b 7 -',
  ]);
});

test('CORS: only the configured origins may read an answer; a preflight is answered for them alone', async (t) => {
  const server = await startTokenServer({ appId, appCertificate, port: 0, allowedOrigins: ['https://blog.example'] });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/agora/token`;
  const query = '?channelName=stage-b&uid=0&purpose=join';

  const listed = await fetch(base + query, { headers: { origin: 'https://blog.example' } });
  assert.equal(listed.status, 200);
  assert.equal(listed.headers.get('access-control-allow-origin'), 'https://blog.example');
  assert.equal(listed.headers.get('vary'), 'Origin', 'a cache keeps one answer per origin');
  assert.equal(listed.headers.get('access-control-allow-credentials'), null, 'no cookies across sites');

  const other = await fetch(base + query, { headers: { origin: 'https://elsewhere.example' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null, 'the browser hides the answer from that page');
  const sameOrigin = await fetch(base + query);
  assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null);

  const preflight = (origin) =>
    fetch(base + query, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
  const allowed = await preflight('https://blog.example');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://blog.example');
  assert.equal(allowed.headers.get('access-control-allow-methods'), 'GET');
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /accept/);
  const refused = await preflight('https://elsewhere.example');
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
});
