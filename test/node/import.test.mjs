// Importing the package in Node (SSR, build tools, test runners) must not throw, must not load the SDK (which throws
// outside a browser) and must reach for nothing on the network.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const dist = new URL('../../dist/', import.meta.url);
const networkCalls = [];
const NETWORK_RESOURCES = ['TCPWRAP', 'TCPSocketWrap', 'TCPServerWrap', 'TLSWrap', 'UDPWRAP', 'GetAddrInfoReqWrap'];

before(() => {
  // The global ways to reach the network; anything else shows up below as an open socket or DNS lookup.
  globalThis.fetch = (...args) => {
    networkCalls.push(`fetch(${String(args[0])})`);
    return Promise.reject(new Error('no network in these tests'));
  };
  globalThis.WebSocket = function WebSocket(url) {
    networkCalls.push(`new WebSocket(${String(url)})`);
    throw new Error('no network in these tests');
  };
});

for (const entry of ['index.js', 'core/index.js']) {
  test(`importing dist/${entry} in Node neither throws nor fetches`, async () => {
    const module = await import(new URL(entry, dist).href);
    assert.equal(typeof module.RelaySession, 'function');
    assert.equal(typeof module.loadAgoraRTC, 'function');
    // Give anything started at import time a turn to show itself.
    await sleep(20);
    assert.deepEqual(networkCalls, []);
    const open = process.getActiveResourcesInfo().filter((name) => NETWORK_RESOURCES.includes(name));
    assert.deepEqual(open, [], 'no socket or DNS lookup may be open after the import');
  });
}

test('no file of the package imports the SDK statically', async () => {
  // The SDK is reached only through load-sdk.js's dynamic import(); a static one would crash Node and every page.
  // (The testing kit is left out: a browser helper there may import the real SDK on purpose.)
  const files = (await readdir(dist, { recursive: true })).filter(
    (file) => file.endsWith('.js') && !file.startsWith('testing/'),
  );
  assert.ok(files.includes('cdn/agora-relay-elements.js'), 'the CDN entry is built');
  for (const file of files) {
    const source = await readFile(new URL(file, dist), 'utf8');
    // `import … from 'x'`, `export … from 'x'` and the bare `import 'x'`, minified or not.
    assert.doesNotMatch(source, /(?:\bfrom|\bimport)\s*["']agora-rtc-sdk-ng(?:\/[^"']*)?["']/, file);
  }
  // The CDN build reaches the SDK only through a dynamic import() of its own SDK chunk, from a lazy chunk (never from
  // the entry); scripts/size.mjs and test/node/cdn.test.mjs check that chunk and when it is fetched.
  const chunks = files.filter((file) => file.startsWith('cdn/chunks/') && !/agora-rtc-sdk-/.test(file));
  const importers = [];
  for (const file of chunks) {
    const source = await readFile(new URL(file, dist), 'utf8');
    if (/import\(\s*["']\.\/agora-rtc-sdk-[\w-]+\.js["']\s*\)/.test(source)) importers.push(file);
  }
  assert.equal(importers.length, 1, `one lazy chunk imports the SDK chunk lazily: ${importers.join(', ')}`);
  const bundle = await readFile(new URL('cdn/agora-relay-elements.js', dist), 'utf8');
  assert.doesNotMatch(bundle, /agora-rtc-sdk-/, 'the CDN entry does not refer to the SDK chunk');
});
