#!/usr/bin/env node
// `npm start`: the local Agora stand-in program (agora-relay-stand-in, with media) and the demo's dev server, in one
// command; Ctrl-C (or SIGTERM) stops both. The demo page asks the dev server at /__stand-in/status whether the
// program runs and where, so it can say what is wrong when it is not.
//
// The program is src/testing/stand-in/server/cli.ts, bundled by esbuild (scripts/stand-in-program.mjs). Environment:
//   STAND_IN_PORT     its first port (default 7350; the relay service takes the next one)
//   MEDIA_ADDRESS     the address WebRTC media goes to: `auto` (default: this machine's first non-loopback IPv4
//                     address, so a desktop browser needs no loopback flag), `loopback`, or an IPv4 address
//   STAND_IN=0        no stand-in (the demo then offers the offline fake)
//   PORT, HOST        where the dev server listens (web-dev-server.config.mjs)
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import devServerConfig from '../web-dev-server.config.mjs';
import { buildStandInProgram } from './stand-in-program.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line) => process.stderr.write(`npm start: ${line}\n`);

/** What the page learns: running (with addresses), starting, or not running and why. */
const standIn = { state: process.env.STAND_IN === '0' ? 'off' : 'starting', message: '', addresses: null, acceptAt: null, authority: null };
let child;

function mediaAddress() {
  const wanted = (process.env.MEDIA_ADDRESS ?? 'auto').trim();
  if (wanted === 'loopback') return undefined;
  if (wanted !== 'auto') return wanted;
  const own = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
  return own?.address;
}

async function startStandIn() {
  const program = await buildStandInProgram(root);
  const address = mediaAddress();
  const args = ['--json', '--port', process.env.STAND_IN_PORT ?? '7350', ...(address ? ['--media-address', address] : [])];
  say(`starting the stand-in: agora-relay-stand-in ${args.join(' ')}`);
  child = spawn(process.execPath, [program, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const printed = JSON.parse(line);
      Object.assign(standIn, { state: 'running', addresses: printed.addresses, acceptAt: printed.acceptAt, authority: printed.authority });
      say(`stand-in running: accept its certificate once at ${printed.acceptAt}`);
      if (address) say(`WebRTC media goes to ${address} (MEDIA_ADDRESS=loopback keeps it on 127.0.0.1)`);
    } catch {
      say(`stand-in: ${line}`);
    }
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    process.stderr.write(`${line}\n`);
    if (standIn.state !== 'running') standIn.message = line.replace(/^agora-relay-stand-in: /, '');
  });
  child.on('exit', (code, signal) => {
    child = undefined;
    if (stopping) return;
    standIn.state = 'exited';
    standIn.message ||= `exited (${signal ?? `code ${code}`})`;
    say(`the stand-in stopped: ${standIn.message}. The demo page says so; the dev server keeps running.`);
  });
}

/** GET /__stand-in/status: the page's way to tell "not running" from "certificate not accepted". */
const statusRoute = async (context, next) => {
  if (context.path !== '/__stand-in/status') return next();
  context.set('cache-control', 'no-store');
  context.type = 'application/json';
  context.body = JSON.stringify(standIn);
};

let stopping = false;
let server;

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping the dev server and the stand-in`);
  const exited = child ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
  child?.kill('SIGTERM');
  await Promise.all([server?.stop(), exited]);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

if (standIn.state === 'starting') {
  await startStandIn().catch((error) => {
    standIn.state = 'exited';
    standIn.message = `could not start: ${error.message}`;
    say(standIn.message);
  });
}
server = await startDevServer({
  config: { ...devServerConfig, middleware: [statusRoute, ...(devServerConfig.middleware ?? [])] },
  readCliArgs: false,
  readFileConfig: false,
  autoExitProcess: false,
  logStartMessage: false,
});
