// The `agora-relay-stand-in` program as installed (dist/, the package's `bin`; run `npm run build` first): it starts,
// prints its addresses, keeps one certificate per machine in the cache folder, stops on SIGTERM / SIGINT leaving
// nothing open, and refuses bad arguments and a port in use with a clear message and exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packageJson = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const program = join(root, packageJson.bin['agora-relay-stand-in']);

/** Runs the program; `output()` is what it printed so far, `exited` its exit code and the ms from signal to exit. */
function run(args, { env = {}, script = program } = {}) {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let signalledAt = 0;
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve({ code, afterSignalMs: performance.now() - signalledAt })));
  // Only a guard against a program that never exits: a loaded machine (the whole npm test at once) needed over 20 s.
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  exited.then(() => clearTimeout(killer));
  return {
    output: () => ({ stdout, stderr }),
    exited,
    signal(name) {
      signalledAt = performance.now();
      child.kill(name);
    },
    /** The first line of stdout, once printed (or what was printed up to `until`). */
    async line(until = '\n') {
      for (let waited = 0; !stdout.includes(until); waited += 20) {
        if (waited > 15_000) throw new Error(`no "${until}" in 15 s; stdout: ${stdout}; stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return stdout.slice(0, stdout.indexOf('\n'));
    },
  };
}

/** Asks the access point for an edge, joins through it (made-up browser ICE/DTLS values), and returns the answer. */
async function joinThroughEdge(port) {
  const form = `--b\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify({
    request_bodies: [{ uri: 22, buffer: { cname: 'c', uid: 7, service_ids: [11] } }],
  })}\r\n--b--\r\n`;
  const answer = await new Promise((resolve, reject) => {
    const headers = { 'content-type': 'multipart/form-data; boundary=b' };
    const req = request({ host: '127.0.0.1', port, path: '/api/v2/transpond/webrtc?v=2', method: 'POST', rejectUnauthorized: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end(form);
  });
  const [edge] = answer.response_body[0].buffer.edges_services;
  assert.notEqual(edge.port, port, 'with media each client gets its own edge port');
  const socket = new WebSocket(`wss://127.0.0.1:${edge.port}/`, { rejectUnauthorized: false });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
  const ortc = { iceParameters: { iceUfrag: 'abcd', icePwd: 'abcdefghijklmnopqrstuvwx' }, dtlsParameters: { fingerprints: [{ hashFunction: 'sha-256', fingerprint }] } };
  socket.send(JSON.stringify({ _id: 1, _type: 'join_v3', _message: { channel_name: 'c', ap_response: { uid: 7 }, ortc } }));
  const reply = await new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  return { socket, reply, edge };
}

/** A TLS handshake that trusts only `ca` and checks the certificate against `servername` (or the IP 127.0.0.1). */
function handshake(port, ca, servername) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca, ...(servername && { servername }) }, () => {
      socket.end();
      resolve(socket.authorized);
    });
    socket.on('error', reject);
  });
}

function get(port, path = '/') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cacheHome = await mkdtemp(join(tmpdir(), 'stand-in-cache-'));
test.after(() => rm(cacheHome, { recursive: true, force: true }));

test('starts with media, prints its addresses, answers, and stops on SIGTERM leaving nothing open', async () => {
  const started = run(['--json', '--port', '0'], { env: { XDG_CACHE_HOME: cacheHome } });
  const printed = JSON.parse(await started.line());
  assert.equal(printed.media, true);
  const { accessPoint, relay } = printed.addresses;
  assert.equal(accessPoint.host, '127.0.0.1');
  assert.ok(accessPoint.port > 0 && relay.port > 0 && accessPoint.port !== relay.port);
  assert.equal(printed.certificate, join(cacheHome, 'agora-relay-elements', 'stand-in-certificate.pem'));
  const hello = await get(accessPoint.port);
  assert.equal(hello.status, 200);
  assert.match(hello.body, /stand-in is running/);
  // A joined client: an edge (gateway socket) and a media peer, both open when the signal comes.
  const { reply } = await joinThroughEdge(accessPoint.port);
  assert.equal(reply._result, 'success');
  assert.match(reply._message.ortc.dtlsParameters.fingerprints[0].fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.notEqual(reply._message.ortc.iceParameters.iceUfrag, 'abcd');

  started.signal('SIGTERM');
  const { code, afterSignalMs } = await started.exited;
  assert.equal(code, 0, started.output().stderr);
  assert.match(started.output().stderr, /stopped/);
  // Stopping promptly on the signal is what this checks. Its ports are not probed after the exit: an exited process
  // holds none, so a probe proves nothing, and another test's stand-in on port 0 may already have been given one of
  // them (seen under npm test: a TLS "socket hang up" where ECONNREFUSED was expected).
  assert.ok(afterSignalMs < 3000, `exited ${Math.round(afterSignalMs)} ms after the signal (something stayed open?)`);
});

test('explains itself to a person, keeps the same certificate across runs, and stops on Ctrl-C', async () => {
  const first = run(['--json', '--port', '0'], { env: { XDG_CACHE_HOME: cacheHome } });
  const { fingerprint } = JSON.parse(await first.line());
  first.signal('SIGINT');
  assert.equal((await first.exited).code, 0, first.output().stderr);

  const second = run(['--port', '0'], { env: { XDG_CACHE_HOME: cacheHome } });
  await second.line('Ctrl-C stops it');
  const { stdout } = second.output();
  assert.match(stdout, /with media/);
  assert.match(stdout, /standInSdk\(AgoraRTC, addresses\)/);
  assert.ok(stdout.includes(`SHA-256 ${fingerprint}`), 'the certificate kept from the first run');
  second.signal('SIGINT');
  assert.equal((await second.exited).code, 0, second.output().stderr);
});

test('--media-address: media and every announced service on that address, the secure services on loopback', async () => {
  // 127.0.0.2 stands for a machine's network address here: bindable with no interface but loopback.
  const started = run(['--json', '--port', '0', '--media-address', '127.0.0.2'], { env: { XDG_CACHE_HOME: cacheHome } });
  const printed = JSON.parse(await started.line());
  const { accessPoint } = printed.addresses;
  assert.equal(accessPoint.host, '127.0.0.2');
  assert.equal(printed.acceptAt, `https://127-0-0-2.localhost:${accessPoint.port}/`, 'one name to accept the certificate at');
  assert.equal((await get(accessPoint.port)).status, 200, 'the secure services still listen on 127.0.0.1');
  const { reply, edge } = await joinThroughEdge(accessPoint.port);
  assert.equal(edge.ip, '127.0.0.2', 'the edge (the browser\'s only ICE candidate) is announced on the media address');
  assert.equal(reply._result, 'success', 'the media peer opened on that address');
  started.signal('SIGTERM');
  assert.equal((await started.exited).code, 0, started.output().stderr);
});

test('a local authority kept in the cache folder signs a certificate every port presents, for every name used', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'stand-in-authority-'));
  try {
    const started = run(['--json', '--port', '0', '--media-address', '127.0.0.2', '--cache-dir', cacheDir]);
    const printed = JSON.parse(await started.line());
    assert.equal(printed.authority, join(cacheDir, 'stand-in-authority.pem'));
    const ca = await readFile(printed.authority, 'utf8');
    const authority = new X509Certificate(ca);
    assert.ok(authority.ca, 'a certificate authority');
    assert.match(authority.subject, /agora-relay-elements stand-in/);
    assert.equal(printed.authorityFingerprint, authority.fingerprint256);
    assert.ok(Date.parse(authority.validTo) - Date.now() > 300 * 24 * 3600_000, `valid until ${authority.validTo}`);
    assert.doesNotMatch(ca, /PRIVATE KEY/, 'the file to import holds no key');
    assert.equal((await stat(join(cacheDir, 'stand-in-authority-key.pem'))).mode & 0o077, 0, 'the key is readable by this user only');

    const { accessPoint, relay } = printed.addresses;
    const { socket, edge } = await joinThroughEdge(accessPoint.port);
    for (const [what, port] of [['access point', accessPoint.port], ['relay', relay.port], ['edge', edge.port]]) {
      for (const servername of ['127-0-0-1.localhost', '127-0-0-2.localhost', 'localhost', undefined]) {
        assert.equal(await handshake(port, ca, servername), true, `${what} port as ${servername ?? '127.0.0.1'}`);
      }
    }
    // Only that authority is trusted here, and a name the certificate does not cover fails.
    await assert.rejects(handshake(accessPoint.port, undefined, '127-0-0-1.localhost'), /self[- ]signed|unable to (get|verify)/i);
    await assert.rejects(handshake(accessPoint.port, ca, 'example.com'), /altnames/i);
    socket.close();
    started.signal('SIGTERM');
    assert.equal((await started.exited).code, 0, started.output().stderr);

    // The next start, on loopback only, keeps the same authority (the one a person imported) and certificate.
    const again = run(['--json', '--port', '0', '--cache-dir', cacheDir]);
    const second = JSON.parse(await again.line());
    assert.equal(second.authorityFingerprint, printed.authorityFingerprint);
    assert.equal(second.fingerprint, printed.fingerprint);
    again.signal('SIGTERM');
    assert.equal((await again.exited).code, 0, again.output().stderr);

    // Another media address: a new certificate for its names, signed by the same authority.
    const moved = run(['--json', '--port', '0', '--media-address', '127.0.0.3', '--cache-dir', cacheDir]);
    const third = JSON.parse(await moved.line());
    assert.equal(third.authorityFingerprint, printed.authorityFingerprint);
    assert.notEqual(third.fingerprint, printed.fingerprint);
    assert.equal(await handshake(third.addresses.accessPoint.port, ca, '127-0-0-3.localhost'), true);
    moved.signal('SIGTERM');
    assert.equal((await moved.exited).code, 0, moved.output().stderr);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test('bad arguments: a clear message, the usage, exit code 2', async () => {
  for (const args of [['--port', 'abc'], ['--port'], ['--nope'], ['--port', '70000'], ['--port', '9000', '--relay-port', '9000'], ['--media-address', '10.0.0'], ['--media-address']]) {
    const { code } = await run(args).exited.then((result) => result);
    assert.equal(code, 2, `exit code for ${args.join(' ')}`);
  }
  const bad = run(['--bogus']);
  await bad.exited;
  assert.match(bad.output().stderr, /unknown argument "--bogus"/);
  assert.match(bad.output().stderr, /Usage: agora-relay-stand-in/);
  const help = run(['--help']);
  assert.equal((await help.exited).code, 0);
  assert.match(help.output().stdout, /--relay-port/);
});

test('a port in use: a clear message and exit code 1', async () => {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address();
  try {
    const started = run(['--port', String(port), '--relay-port', '0'], { env: { XDG_CACHE_HOME: cacheHome } });
    assert.equal((await started.exited).code, 1);
    assert.match(started.output().stderr, new RegExp(`port ${port} is in use`));
  } finally {
    blocker.close();
  }
});

test('werift is an optional peer: its range holds the tested version; without it, media says what to install', async () => {
  const installed = JSON.parse(await readFile(join(root, 'node_modules/werift/package.json'), 'utf8')).version;
  assert.equal(packageJson.peerDependenciesMeta.werift.optional, true);
  // A tilde range: this minor version from the tested patch on (0.25 declares Node >= 22).
  const [, minor, patch] = /^~0\.(\d+)\.(\d+)$/.exec(packageJson.peerDependencies.werift) ?? [];
  const [, installedMinor, installedPatch] = /^0\.(\d+)\.(\d+)$/.exec(installed) ?? [];
  assert.equal(`${minor}.${patch}`, '24.4', `range ${packageJson.peerDependencies.werift}`);
  assert.ok(installedMinor === minor && Number(installedPatch) >= Number(patch), `werift ${installed} in the range`);

  // The built program in a folder whose node_modules has ws and selfsigned but no werift.
  const bare = await mkdtemp(join(tmpdir(), 'stand-in-bare-'));
  try {
    await mkdir(join(bare, 'node_modules'));
    // Node resolves a symlinked package's own dependencies from its real folder.
    for (const name of ['ws', 'selfsigned']) await symlink(join(root, 'node_modules', name), join(bare, 'node_modules', name));
    await writeFile(join(bare, 'package.json'), '{"type":"module"}');
    await cp(join(root, 'dist/testing'), join(bare, 'dist/testing'), { recursive: true });
    const script = join(bare, packageJson.bin['agora-relay-stand-in']);
    const withMedia = run(['--port', '0'], { env: { XDG_CACHE_HOME: cacheHome }, script });
    assert.equal((await withMedia.exited).code, 1, withMedia.output().stderr);
    assert.match(withMedia.output().stderr, /needs the optional peer dependency werift \(npm install --save-dev werift@0\.24\.4\)/);

    const signallingOnly = run(['--json', '--no-media', '--port', '0'], { env: { XDG_CACHE_HOME: cacheHome }, script });
    assert.equal(JSON.parse(await signallingOnly.line()).media, false);
    signallingOnly.signal('SIGTERM');
    assert.equal((await signallingOnly.exited).code, 0, signallingOnly.output().stderr);
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
});
