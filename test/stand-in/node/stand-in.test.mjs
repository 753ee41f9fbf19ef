// The stand-in's own protocol answers and its clean stop, in Node (node --test test/stand-in/node). What the real SDK
// does with them is checked in the browser (test/stand-in/*.chromium.test.ts); this covers what 4.24.8 never shows:
// the older SDKs' `Normal Quit`, the allocation refusals, and that stop() leaves the process free to exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import WebSocket from 'ws';
import { buildAgoraStandIn } from '../../../src/testing/stand-in/load-wtr-plugin.mjs';

const moduleUrl = await buildAgoraStandIn();
const { startAgoraStandIn } = await import(moduleUrl);

/** Opens a websocket to the stand-in (self-signed certificate) and collects what it sends. */
async function connect(port) {
  const socket = new WebSocket(`wss://127.0.0.1:${port}/`, { rejectUnauthorized: false });
  const received = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const until = async (count) => {
    for (let waited = 0; received.length < count; waited += 10) {
      if (waited > 2000) throw new Error(`only ${received.length} of ${count} messages`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return received;
  };
  return { socket, received, until };
}

async function post(port, path, body, headers = {}) {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', rejectUnauthorized: false, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the access point answers a multipart request with the gateway on the same port', async (t) => {
  const standIn = await startAgoraStandIn();
  t.after(() => standIn.stop());
  const { port } = standIn.accessPoint;
  const request = { request_bodies: [{ uri: 22, buffer: { cname: 'c', uid: 0, service_ids: [11, 26] } }] };
  const form = `--b\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify(request)}\r\n--b--\r\n`;
  const { body } = await post(port, '/api/v2/transpond/webrtc?v=2', form, { 'content-type': 'multipart/form-data; boundary=b' });
  const [gateway, other] = body.response_body.map((entry) => entry.buffer);
  assert.equal(gateway.flag, 4096);
  assert.deepEqual(gateway.edges_services, [{ ip: '127.0.0.1', port }]);
  assert.ok(gateway.uid > 0, 'a uid is assigned when none is asked for');
  assert.equal(other.flag, 4194310);
});

test('relay: responses, statuses, Normal Quit after every StopPacketTransfer, and the rules', async (t) => {
  const standIn = await startAgoraStandIn({ relayStatusDelayMs: 0 });
  t.after(() => standIn.stop());
  const relay = await connect(standIn.relay.port);
  t.after(() => relay.socket.terminate());
  const send = (requestId, command) => relay.socket.send(JSON.stringify({ requestId, clientRequest: { command } }));
  send(1, 'StopPacketTransfer');
  await relay.until(2);
  send(2, 'SetSourceChannel');
  await relay.until(4);
  standIn.relay.reply('SetDestChannel', { fail: 500, times: 1 });
  standIn.relay.status('SetSourceChannelStatus', { state: 1, times: 1 });
  send(3, 'SetDestChannel');
  await relay.until(5);
  send(4, 'SetSourceChannel');
  await relay.until(7);
  standIn.relay.pushStatus('onDestTokenPrivilegeDidExpire');
  await relay.until(8);
  assert.deepEqual(
    relay.received.map((m) =>
      m.command === 'serverResponse' ? `${m.requestId}:${m.code}` : `${m.serverStatus.command}:${m.serverStatus.state}`,
    ),
    [
      '1:200',
      'Normal Quit:0',
      '2:200',
      'SetSourceChannelStatus:0',
      '3:500',
      '4:200',
      'SetSourceChannelStatus:1',
      'onDestTokenPrivilegeDidExpire:0',
    ],
  );
  assert.deepEqual(
    standIn.log.entries({ service: 'relay', direction: 'in' }).map((entry) => entry.type),
    ['socket open', 'StopPacketTransfer', 'SetSourceChannel', 'SetDestChannel', 'SetSourceChannel'],
  );
});

test('allocation: the worker address, a CORS preflight, and each refusal', async (t) => {
  const standIn = await startAgoraStandIn();
  t.after(() => standIn.stop());
  const { port } = standIn.relay;
  const body = JSON.stringify({ service_name: 'tele_channel', json_body: JSON.stringify({ command: 'convergeAllocateEdge' }) });
  const inner = async () => JSON.parse((await post(port, '/api/v1?action=uap', body)).body.json_body);
  assert.deepEqual(await inner(), { code: 200, servers: [{ address: '127.0.0.1', wss: port }] });
  standIn.relay.allocation({ innerCode: 403, reason: 'no', times: 1 });
  assert.deepEqual(await inner(), { code: 403, reason: 'no' });
  standIn.relay.allocation({ emptyServers: true, times: 1 });
  assert.deepEqual(await inner(), { code: 200, servers: [] });
  standIn.relay.allocation({ outerCode: 7, times: 1 });
  assert.equal((await post(port, '/api/v1?action=uap', body)).body.code, 7);
  standIn.relay.allocation({ httpStatus: 502, times: 1 });
  assert.equal((await post(port, '/api/v1?action=uap', body)).status, 502);
  assert.equal(standIn.log.entries({ service: 'allocation' }).length, 5);
});

test('gateway: restart_ice is answered with iceParameters at the top level, where 4.24.8 reads them', async (t) => {
  const standIn = await startAgoraStandIn();
  t.after(() => standIn.stop());
  const gateway = await connect(standIn.accessPoint.port);
  t.after(() => gateway.socket.terminate());
  gateway.socket.send(JSON.stringify({ _id: 1, _type: 'join_v3', _message: { channel_name: 'c', ap_response: { uid: 5 } } }));
  gateway.socket.send(JSON.stringify({ _id: 2, _type: 'restart_ice', _message: {} }));
  const received = await gateway.until(2);
  const answer = received.find((frame) => frame._id === 2);
  assert.equal(answer._result, 'success');
  const { iceUfrag, icePwd } = answer._message.iceParameters ?? {};
  assert.match(iceUfrag, /^[0-9a-f]{8}$/);
  assert.match(icePwd, /^[0-9a-f]{32}$/);
  assert.equal(answer._message.ortc, undefined, 'nothing under ortc: the SDK would not look there');
  const joined = received.find((frame) => frame._id === 1)._message.ortc.iceParameters;
  assert.notEqual(iceUfrag, joined.iceUfrag, 'a restart brings fresh credentials');
});

test('stop() leaves no open handle, even with sockets, a held request and a waiter pending', async () => {
  const script = `
    import { startAgoraStandIn } from ${JSON.stringify(moduleUrl)};
    import WebSocket from 'ws';
    const standIn = await startAgoraStandIn();
    const open = (port) => new Promise((resolve) => {
      const socket = new WebSocket('wss://127.0.0.1:' + port + '/', { rejectUnauthorized: false });
      socket.on('error', () => {});
      socket.on('open', () => resolve(socket));
    });
    const gateway = await open(standIn.accessPoint.port);
    gateway.send(JSON.stringify({ _id: 1, _type: 'join_v3', _message: { channel_name: 'c', ap_response: { uid: 5 } } }));
    await open(standIn.relay.port);
    standIn.gateway.reply('publish', { delayMs: 60000 });
    gateway.send(JSON.stringify({ _id: 2, _type: 'publish', _message: {} }));
    standIn.log.waitFor({ type: 'never' }, 60000).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    await standIn.stop();
    process.on('exit', () => console.log('exit', Math.round(performance.now() - stoppedAt)));
    const stoppedAt = performance.now();
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../../../', import.meta.url) });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), 5000);
    child.on('exit', (exitCode) => (clearTimeout(timer), resolve(exitCode)));
  });
  assert.equal(code, 0, output);
  const exitAfter = Number(/exit (\d+)/.exec(output)?.[1]);
  assert.ok(exitAfter < 1000, `the process exited ${exitAfter} ms after stop(): ${output}`);
});
