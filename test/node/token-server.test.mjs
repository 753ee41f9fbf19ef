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
  return { appId: readString().toString(), rest: bytes.subarray(offset) };
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
