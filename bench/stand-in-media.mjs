#!/usr/bin/env node
// The stand-in media benchmark (`npm run bench` calls it after its own; `node bench/stand-in-media.mjs` runs it
// alone): figures of OUR local stand-in (src/testing/stand-in), not of Agora. The program `agora-relay-stand-in`
// (from src/, with media) runs as a child process; real agora-rtc-sdk-ng clients join it from headless Chromium with
// its fake camera and microphone. Writes its own section of BENCHMARKS.md (between the markers below).
//
// 1. relay start → first decoded frame in a destination channel, against same-channel subscribe → first frame.
// 2. received fps / published fps of a relayed stream over 60 s (BENCH_FPS_SECONDS), goal ≥ 0.95.
// 3. the stand-in process's CPU time (Linux /proc/<pid>/stat) with one stream forwarded to 0, 1, 2 and 4 destinations.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../scripts/browsers.mjs';
import { buildStandInProgram } from '../scripts/stand-in-program.mjs';

const START = '<!-- stand-in-media:start -->';
const END = '<!-- stand-in-media:end -->';
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS) || 5;
const FPS_SECONDS = Number(process.env.BENCH_FPS_SECONDS) || 60;
const CPU_SECONDS = Number(process.env.BENCH_CPU_SECONDS) || 20;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const sleep = (time) => new Promise((resolve) => setTimeout(resolve, time));

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime (fields 14 and 15 of stat)
}

async function startProgram(root, say) {
  const program = await buildStandInProgram(root);
  const cacheDir = mkdtempSync(join(tmpdir(), 'agora-stand-in-bench-'));
  const child = spawn(process.execPath, [program, '--json', '--port', '0', '--cache-dir', cacheDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const printed = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code})`)));
  });
  say(`stand-in program pid ${child.pid}: ${JSON.stringify(printed.addresses)}`);
  return {
    pid: child.pid,
    addresses: printed.addresses,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

async function servePage(root) {
  const out = mkdtempSync(join(tmpdir(), 'agora-stand-in-bench-page-'));
  await build({
    entryPoints: [join(root, 'bench/stand-in-media-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    external: ['agora-rtc-sdk-ng'],
    outfile: join(out, 'page.js'),
    logLevel: 'warning',
  });
  const files = {
    '/page.js': readFileSync(join(out, 'page.js')),
    '/sdk.js': readFileSync(join(root, 'node_modules/agora-rtc-sdk-ng/AgoraRTC_N-production.js')),
  };
  rmSync(out, { recursive: true, force: true });
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body><script src="/sdk.js"></script><script type="module" src="/page.js"></script></body></html>');
    } else if (files[request.url]) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(files[request.url]);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function measure(page, standIn, say) {
  const run = (name, ...args) => page.evaluate((n, a) => window.standInBench[n](...a), name, args);
  await run('init', standIn.addresses);
  const r = { latency: [], fps: null, cpu: [] };

  say(`(1) latency, ${LATENCY_ROUNDS} rounds`);
  for (let index = 0; index < LATENCY_ROUNDS; index += 1) r.latency.push(await run('latency'));

  say(`(2) received / published fps of a relayed stream over ${FPS_SECONDS} s`);
  await run('forward', 1, true);
  await sleep(3000);
  const first = await run('sample');
  await sleep(FPS_SECONDS * 1000);
  const last = await run('sample');
  const seconds = (last.at - first.at) / 1000;
  const rate = (pick) => (pick(last) - pick(first)) / seconds;
  const watcher = (index) => ({
    received: rate((sample) => sample.watchers[index].framesReceived),
    decoded: rate((sample) => sample.watchers[index].framesDecoded),
    shown: rate((sample) => sample.frames[index]),
    lost: last.watchers[index].packetsLost - first.watchers[index].packetsLost,
  });
  r.fps = { seconds, published: rate((sample) => sample.source.framesSent), direct: watcher(0), relayed: watcher(1) };
  await run('teardown');

  say(`(3) stand-in CPU time, ${CPU_SECONDS} s per case`);
  // Up, then down again: a drift in the machine's load shows as a difference between the two passes.
  const windows = [];
  for (const destinations of [0, 1, 2, 4, 4, 2, 1, 0]) {
    await run('forward', destinations);
    const first = await run('sample');
    const before = { cpu: cpuSeconds(standIn.pid), at: performance.now() };
    await sleep(CPU_SECONDS * 1000);
    const elapsed = (performance.now() - before.at) / 1000;
    const cpu = cpuSeconds(standIn.pid) - before.cpu;
    const last = await run('sample');
    const packets = last.watchers.reduce((sum, watcher, index) => sum + watcher.packetsReceived - first.watchers[index].packetsReceived, 0);
    windows.push({ destinations, cpuPercent: (cpu / elapsed) * 100, packetsPerSecond: packets / elapsed });
    await run('teardown');
  }
  for (const destinations of [0, 1, 2, 4]) {
    const mine = windows.filter((window) => window.destinations === destinations);
    const mean = (key) => mine.reduce((sum, window) => sum + window[key], 0) / mine.length;
    r.cpu.push({ destinations, cpuPercent: mean('cpuPercent'), passes: mine.map((window) => window.cpuPercent), packetsPerSecond: mean('packetsPerSecond') });
  }
  return r;
}

function section(r, chromium) {
  const rows = [];
  const row = (measure, value, note = '') => rows.push(`| ${measure} | ${value} | ${note} |`);
  const l = (key) => r.latency.map((round) => round[key]);
  const spread = (key) => `${ms(median(l(key)))} (${ms(Math.min(...l(key)))}–${ms(Math.max(...l(key)))}, n=${l(key).length})`;
  row('same-channel: `subscribe()` called → first decoded frame', spread('sameChannel'), 'baseline, same run');
  row('relay: `startChannelMediaRelay()` called → first decoded frame in the destination', spread('relay'), 'the audience subscribes as soon as the relayed user publishes');
  row('↳ `startChannelMediaRelay()` resolved', spread('running'));
  row('↳ relayed user published in the destination', spread('publishedAt'));
  row('↳ `subscribe()` → first frame, in the destination', spread('subscribeToFrame'));
  const f = r.fps;
  const ratio = (value) => (value / f.published).toFixed(3);
  const goal = f.relayed.received / f.published >= 0.95 ? 'goal ≥ 0.95 met' : 'goal ≥ 0.95 NOT met';
  const detail = (w) => `decoded ${w.decoded.toFixed(2)} fps (${ratio(w.decoded)}), shown ${w.shown.toFixed(2)} fps (${ratio(w.shown)}); ${w.lost} packets lost`;
  row(
    `relayed stream over ${f.seconds.toFixed(0)} s: received fps / published fps`,
    `${f.relayed.received.toFixed(2)} / ${f.published.toFixed(2)} = **${ratio(f.relayed.received)}**`,
    `${goal}; ${detail(f.relayed)}`,
  );
  row('↳ the same stream watched in its own channel', `${f.direct.received.toFixed(2)} / ${f.published.toFixed(2)} = ${ratio(f.direct.received)}`, detail(f.direct));
  const base = r.cpu.find((c) => c.destinations === 0);
  for (const c of r.cpu) {
    const extra = c.cpuPercent - base.cpuPercent;
    const perPacket = c.packetsPerSecond > 0 ? `, ${((extra / 100 / c.packetsPerSecond) * 1e6).toFixed(0)} µs per forwarded packet` : '';
    row(
      c.destinations ? `stand-in CPU, one stream relayed to ${c.destinations} destination${c.destinations > 1 ? 's' : ''} (one audience each)` : 'stand-in CPU, one stream published, nobody watching',
      `${c.cpuPercent.toFixed(2)} % of a core (passes: ${c.passes.map((value) => value.toFixed(2)).join(', ')})`,
      c.destinations
        ? `${c.packetsPerSecond.toFixed(0)} packets/s forwarded; ${extra >= 0 ? '+' : ''}${extra.toFixed(2)} % over none → ${(extra / c.destinations).toFixed(2)} % per forwarded stream${perPacket}`
        : 'baseline',
    );
  }
  return `${START}
## The local stand-in's media path (\`bench/stand-in-media.mjs\`)

Figures of **our local Agora stand-in** (the \`agora-relay-stand-in\` program from \`src/testing/stand-in\`, with
media, werift), measured on this machine with the real \`agora-rtc-sdk-ng\` 4.24.8 in headless Chromium over
loopback: not Agora's service, whose relay runs on its own network. Streams: Chromium's fake camera at
${'640×480, 15 fps'} (VP8) and fake microphone (opus). CPU: user + system time of the stand-in's process
(\`/proc/<pid>/stat\`) over ${CPU_SECONDS} s per window, as a share of one core, mean of two passes (0, 1, 2, 4
destinations, then back down); packets forwarded: audio and video packets the destination audiences received. Published fps: video frames the
publisher's encoder sent (\`outbound-rtp\` \`framesSent\`); received fps: frames the destination audience's
peer connection received (\`inbound-rtp\` \`framesReceived\`: what the stand-in delivered), then decoded, then its
\`<video>\` counted (\`getVideoPlaybackQuality().totalVideoFrames\`). Latencies: median (min–max) of
${LATENCY_ROUNDS} rounds, fresh channels and clients each round.

- Date: ${new Date().toISOString()}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores (shared with other work: expect noise)
- Node ${process.version}; ${chromium}

| measure | value | note |
|---|---|---|
${rows.join('\n')}

What the stand-in still lacks (so these figures flatter no real deployment): no NACK/RTX retransmission, no
transport-wide congestion feedback (left out of what it offers), no sender reports, no dual stream (simulcast),
codecs other than VP8 and opus untested, audience members are announced to hosts as users. A lost packet here is
lost for good; loopback loses none.
${END}`;
}

/** Runs the benchmark and writes its section into BENCHMARKS.md (replacing the last one, or at the end). */
export async function benchStandInMedia({ root, say }) {
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const standIn = await startProgram(root, say);
  const served = await servePage(root);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--ignore-certificate-errors',
      '--allow-loopback-in-peer-connection',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost , EXCLUDE *.localhost',
    ],
  });
  let text;
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => say(`page error: ${error.message}`));
    await page.goto(served.url);
    await page.waitForFunction('document.title === "ready"', { timeout: 60_000 });
    text = section(await measure(page, standIn, say), await browser.version());
  } finally {
    await browser.close();
    await served.close();
    await standIn.stop();
  }
  const file = join(root, 'BENCHMARKS.md');
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = doc.indexOf(START);
  const next = at >= 0 ? `${doc.slice(0, at)}${text}${doc.slice(doc.indexOf(END) + END.length)}` : `${doc.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, next);
  process.stdout.write(`\n${text}\n`);
  say('wrote the stand-in section of BENCHMARKS.md');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await benchStandInMedia({ root, say: (line) => process.stderr.write(`bench stand-in: ${line}\n`) });
}
