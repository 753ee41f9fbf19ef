// The stand-in's media path in Node (node --test test/stand-in/node): each client's edge and media peer open and close
// with it — on leave, on a socket that closed for good (after the rejoin grace), when no client ever joined, and when
// the stand-in stops — so a stand-in left running all day leaks no port, peer or timer. What the real SDK does with the
// media is checked in the browser (test/stand-in/media*.chromium.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { buildAgoraStandIn } from '../../../src/testing/stand-in/load-wtr-plugin.mjs';

const moduleUrl = await buildAgoraStandIn();
const { startAgoraStandIn } = await import(moduleUrl);

/** An access-point request as the SDK makes it; resolves with the edge port of the answer. */
function askForEdge(port, uid) {
  const body = JSON.stringify({ request_bodies: [{ uri: 22, buffer: { cname: 'c', uid, service_ids: [11] } }] });
  const form = `--b\r\nContent-Disposition: form-data; name="request"\r\n\r\n${body}\r\n--b--\r\n`;
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'multipart/form-data; boundary=b' };
    const req = request({ host: '127.0.0.1', port, path: '/api/v2/transpond/webrtc?v=2', method: 'POST', rejectUnauthorized: false, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text).response_body[0].buffer.edges_services[0].port));
    });
    req.on('error', reject);
    req.end(form);
  });
}

/** Joins `channel` as `uid` through a fresh edge, with made-up browser ICE/DTLS values; returns the socket and answer. */
async function join(standIn, channel, uid) {
  const edge = await askForEdge(standIn.accessPoint.port, uid);
  const socket = new WebSocket(`wss://127.0.0.1:${edge}/`, { rejectUnauthorized: false });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const ortc = {
    iceParameters: { iceUfrag: 'abcd', icePwd: 'abcdefghijklmnopqrstuvwx' },
    dtlsParameters: { fingerprints: [{ hashFunction: 'sha-256', fingerprint: Array(32).fill('AB').join(':') }] },
    rtpCapabilities: { sendrecv: { videoCodecs: [{ payloadType: 96, rtpMap: { encodingName: 'VP8', clockRate: 90000 }, rtcpFeedbacks: [{ type: 'transport-cc' }, { type: 'nack' }] }], videoExtensions: [{ entry: 4, extensionName: 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01' }, { entry: 9, extensionName: 'urn:ietf:params:rtp-hdrext:sdes:mid' }] } },
  };
  const answered = new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  socket.send(JSON.stringify({ _id: 1, _type: 'join_v3', _message: { channel_name: channel, ap_response: { uid }, ortc } }));
  return { socket, edge, answer: await answered };
}

async function until(check, ms, what) {
  for (const deadline = Date.now() + ms; !(await check()); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
  }
}

test('media: a fresh edge per client, its own peer in the join answer, no transport-cc offered', async (t) => {
  const standIn = await startAgoraStandIn({ media: true });
  t.after(() => standIn.stop());
  const one = await join(standIn, 'c', 11);
  const two = await join(standIn, 'c', 12);
  assert.notEqual(one.edge, standIn.accessPoint.port);
  assert.notEqual(one.edge, two.edge);
  const { ortc } = one.answer._message;
  assert.equal(ortc.dtlsParameters.role, 'client');
  assert.match(ortc.dtlsParameters.fingerprints[0].fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  const [vp8] = ortc.rtpCapabilities.sendrecv.videoCodecs;
  assert.deepEqual(vp8.rtcpFeedbacks, [{ type: 'nack' }], 'transport-cc feedback left out');
  assert.deepEqual(ortc.rtpCapabilities.sendrecv.videoExtensions.map((each) => each.entry), [9], 'transport-cc extension left out');
  assert.deepEqual({ peers: standIn.media.stats().peers, edges: standIn.media.stats().edges }, { peers: 2, edges: 2 });

  // Joining again on the same socket (any well-formed ICE/DTLS values: these are the answer's): a new peer takes
  // over the edge's port.
  const again = new Promise((resolve) =>
    one.socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame._id === 3) resolve(frame);
    }),
  );
  one.socket.send(JSON.stringify({ _id: 3, _type: 'join_v3', _message: { channel_name: 'c', ap_response: { uid: 11 }, ortc } }));
  const rejoined = await again;
  assert.equal(rejoined._result, 'success');
  assert.notEqual(rejoined._message.ortc.iceParameters.iceUfrag, ortc.iceParameters.iceUfrag);
  assert.equal(standIn.log.entries({ type: 'media failed' }).length, 0, 'the port was free for the new peer');
  await sleep(1500);
  assert.deepEqual({ peers: standIn.media.stats().peers, edges: standIn.media.stats().edges }, { peers: 2, edges: 2 });
  one.socket.close();
  two.socket.close();
});

test('media: leave closes the peer at once and the edge a moment later; a lost socket after the rejoin grace', async (t) => {
  const standIn = await startAgoraStandIn({ media: true });
  t.after(() => standIn.stop());
  const leaving = await join(standIn, 'c', 21);
  const dropped = await join(standIn, 'c', 22);
  leaving.socket.send(JSON.stringify({ _id: 2, _type: 'leave', _message: {} }));
  await until(() => standIn.media.stats().peers === 1, 2000, 'the leaver’s peer closed');
  await until(() => standIn.media.stats().edges === 1, 3000, 'the leaver’s edge closed');
  leaving.socket.close();

  dropped.socket.terminate();
  await sleep(500);
  assert.equal(standIn.media.stats().peers, 1, 'kept for a rejoin while the grace lasts');
  await until(() => standIn.media.stats().edges === 0, 15_000, 'the lost client’s edge closed after the grace');
  assert.equal(standIn.media.stats().peers, 0);
  assert.ok(standIn.log.entries({ type: 'edge closed' }).length >= 2);
});

test('media: stop() with peers and edges open leaves the process free to exit at once', async () => {
  // The helpers above, as source: they use only `request` and `WebSocket`, imported the same way here.
  const script = `
    import { request } from 'node:https';
    import WebSocket from 'ws';
    import { startAgoraStandIn } from ${JSON.stringify(moduleUrl)};
    ${askForEdge.toString()}
    ${join.toString()}
    const standIn = await startAgoraStandIn({ media: true });
    await join(standIn, 'c', 31);
    await askForEdge(standIn.accessPoint.port, 32); // an edge no client joined through
    const { peers, edges } = standIn.media.stats();
    if (peers !== 1 || edges !== 2) throw new Error('not open: ' + JSON.stringify({ peers, edges }));
    await standIn.stop();
    const stoppedAt = performance.now();
    process.on('exit', () => console.log('exit', Math.round(performance.now() - stoppedAt)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../../../', import.meta.url) });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', (exitCode) => (clearTimeout(timer), resolve(exitCode)));
  });
  assert.equal(code, 0, output);
  const exitMs = Number(/exit (\d+)/.exec(output)?.[1]);
  assert.ok(exitMs < 1000, `exited ${exitMs} ms after stop() (something stayed open): ${output}`);
});
