// The demo page in Firefox ESR as on a person's desktop: run by scripts/run-firefox-demo.mjs inside a namespace with
// the LAN-like address 10.77.0.2 and a default route (never run it directly). `npm start` with MEDIA_ADDRESS=auto
// and a cache folder of its own; Firefox with NO WebRTC, loopback or autoplay pref and no certificate override: the
// stand-in's authority imported as README's Firefox step says (here through an enterprise policy, seen only in this
// mount namespace), the demo's own synthetic pictures (no camera). It must reach "Co-hosting" with both co-host tiles
// moving and showing the OTHER channel's colour, and both hosts with frames in each audience.
// `--screenshot FILE` also saves a picture of the page once co-hosting runs.
/* global document -- in the functions page.evaluate() runs in the browser */
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as puppeteer from 'puppeteer-core';
import { findBrowser } from '../../scripts/browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsFile = join(root, '.test-results', 'firefox-demo.json');
const LAN_ADDRESS = '10.77.0.2';
const shotAt = process.argv.indexOf('--screenshot');
const screenshot = shotAt > 0 ? process.argv[shotAt + 1] : undefined;

const counts = { passed: 0, failed: 0, skipped: 0 };
const writeCounts = () => {
  writeFileSync(resultsFile, `${JSON.stringify(counts)}\n`);
};
// A run that dies before its end still counts as failed.
mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({ passed: 0, failed: 1, skipped: 0 })}\n`);

async function test(name, body) {
  const started = Date.now();
  try {
    await body();
    counts.passed += 1;
    console.log(`ok - ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    counts.failed += 1;
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).replace(/\n/g, '\n  ')}`);
    throw error;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function until(read, ok, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: not within ${ms / 1000} s (last seen: ${JSON.stringify(last)})`);
}

const temp = mkdtempSync(join(tmpdir(), 'firefox-demo-'));
let program;
let browser;
const output = [];

/** `npm start` as a person runs it, with a certificate folder of this run's own (never the user's). */
function startProgram() {
  program = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, MEDIA_ADDRESS: 'auto', XDG_CACHE_HOME: join(temp, 'cache'), PORT: '8000', STAND_IN_PORT: '7350' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [program.stdout, program.stderr]) createInterface({ input: stream }).on('line', (line) => output.push(line));
  return until(
    () => output.join('\n'),
    (text) => /stand-in running/.test(text) && /Demo: http/.test(text),
    90_000,
    'npm start printing the stand-in and the demo address',
  );
}

/** The stand-in's authority, imported into Firefox as a person does in Settings (here: the Certificates policy). */
async function importAuthority() {
  const authority = join(temp, 'cache', 'agora-relay-elements', 'stand-in-authority.pem');
  const distribution = join(dirname(realpathSync(findBrowser('firefox'))), 'distribution');
  const ours = join(temp, 'distribution');
  mkdirSync(ours);
  writeFileSync(join(ours, 'policies.json'), JSON.stringify({ policies: { Certificates: { Install: [authority] } } }));
  mkdirSync(distribution, { recursive: true });
  const mounted = await run('mount', ['--bind', ours, realpathSync(distribution)]);
  assert(mounted === 0, `could not put the policy over ${distribution}`);
  return authority;
}

function run(command, args) {
  return new Promise((resolve) => spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
}

/** What the page shows: status words, and per host its co-host tile's presented frames (and, asked, its picture). */
const readPage = (page, withPictures = false) =>
  page.evaluate(async (withPictures) => {
    const { PICTURE, BACKGROUND_SAMPLE } = await import('/demo/synthetic-media.ts');
    const counted = (window.__presented ??= new WeakMap());
    const frames = (video) => {
      if (!video) return 0;
      if (!counted.has(video)) {
        counted.set(video, 0);
        const onFrame = () => {
          counted.set(video, counted.get(video) + 1);
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      }
      return counted.get(video);
    };
    const grab = (video) => {
      const canvas = Object.assign(document.createElement('canvas'), { width: PICTURE.width, height: PICTURE.height });
      const context = canvas.getContext('2d', { willReadFrequently: true });
      context.drawImage(video, 0, 0, PICTURE.width, PICTURE.height);
      const { x, y, width, height } = BACKGROUND_SAMPLE;
      const corner = context.getImageData(x, y, width, height).data;
      const colour = [0, 1, 2].map((channel) => {
        let sum = 0;
        for (let at = channel; at < corner.length; at += 4) sum += corner[at];
        return Math.round(sum / (corner.length / 4));
      });
      return { colour, pixels: Array.from(context.getImageData(0, 0, PICTURE.width, PICTURE.height).data) };
    };
    const hosts = [...document.querySelectorAll('agora-relay-host')].map((host) => {
      const video = host.shadowRoot?.querySelector('[part="remote"] video') ?? null;
      const playing = withPictures && !!video && video.videoWidth > 0;
      return {
        channel: host.getAttribute('channel-name'),
        coHosts: host.shadowRoot?.querySelectorAll('[part="remote"]').length ?? 0,
        frames: frames(video),
        picture: playing ? grab(video) : null,
      };
    });
    const audiences = [...document.querySelectorAll('agora-relay-audience')].map((audience) => ({
      channel: audience.getAttribute('channel-name'),
      tiles: [...(audience.shadowRoot?.querySelectorAll('[part="remote"]') ?? [])].map((tile) => ({
        uid: tile.dataset.uid,
        frames: frames(tile.querySelector('video')),
      })),
    }));
    const status = document.querySelector('[data-ref="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { status, hosts, audiences };
  }, withPictures);

const brief = (seen) => ({
  status: seen.status,
  hosts: seen.hosts.map(({ channel, coHosts, frames }) => ({ channel, coHosts, frames })),
  audiences: seen.audiences,
});

try {
  await test('npm start advertises the desktop address for media (MEDIA_ADDRESS=auto)', async () => {
    await startProgram();
    assert(
      output.some((line) => line.includes(`WebRTC media goes to ${LAN_ADDRESS}`)),
      `npm start should announce ${LAN_ADDRESS}:\n${output.join('\n')}`,
    );
  });

  const demoUrl = () => output.map((line) => /Demo: (http\S+)/.exec(line)?.[1]).find(Boolean);
  const launch = (profile) =>
    puppeteer.launch({ browser: 'firefox', executablePath: findBrowser('firefox'), headless: true, userDataDir: profile });

  await test('an exception for the linked port alone is not enough in Firefox: the page says so, naming the authority', async () => {
    // What a person gets by accepting the certificate at the address the page links to (Firefox writes exactly this
    // line to the profile's cert_override.txt): the page sees the stand-in, yet each client's own edge port fails.
    const acceptAt = new URL(output.map((line) => /accept its certificate once at (\S+)/.exec(line)?.[1]).find(Boolean));
    const cache = join(temp, 'cache', 'agora-relay-elements');
    const { fingerprint256 } = new X509Certificate(readFileSync(join(cache, 'stand-in-certificate.pem')));
    const profile = join(temp, 'profile-exception');
    mkdirSync(profile);
    writeFileSync(
      join(profile, 'cert_override.txt'),
      `# PSM Certificate Override Settings file\n# This is a generated file!  Do not edit.\n${acceptAt.hostname}:${acceptAt.port}:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint256}\t\n`,
    );
    browser = await launch(profile);
    const page = await browser.newPage();
    await page.goto(demoUrl());
    const seen = await until(
      async () => brief(await readPage(page)),
      (state) => /could join|did not connect|Co-hosting/.test(state.status),
      60_000,
      'the demo status after its patience',
    );
    assert(seen.status.includes('neither host could join'), `the page said: ${seen.status}`);
    assert(seen.status.includes(join(cache, 'stand-in-authority.pem')), `the page names the authority's file: ${seen.status}`);
    assert(seen.hosts.every((host) => host.coHosts === 0), 'no co-host without the authority');
    await browser.close();
    browser = undefined;
  });

  let page;
  let stages;
  await test('Firefox with the authority imported and no WebRTC pref reaches "Co-hosting" on the demo page', async () => {
    const authority = await importAuthority();
    browser = await launch(join(temp, 'profile'));
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 1150 });
    await page.goto(demoUrl());
    ({ STAGES: stages } = await page.evaluate(async () => {
      const { STAGES } = await import('/demo/stand-in-demo.ts');
      return { STAGES };
    }));
    // The page may say "did not connect" for a while when the first pictures take longer than its 15 s of patience
    // (seen once here with a second Firefox running beside it); it says "Co-hosting" as soon as they come.
    const started = Date.now();
    let gaveUpAt;
    const seen = await until(
      async () => {
        const state = await readPage(page);
        if (/certificate/.test(state.status)) throw new Error(`the page asks for the certificate (authority ${authority}): ${state.status}`);
        if (gaveUpAt === undefined && /did not connect/.test(state.status)) gaveUpAt = Date.now() - started;
        return brief(state);
      },
      (state) => state.status.startsWith('Co-hosting'),
      90_000,
      'the demo status saying co-hosting',
    );
    const after = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  "Co-hosting" ${after} s after the page loaded${gaveUpAt === undefined ? '' : `; it said "did not connect" at ${(gaveUpAt / 1000).toFixed(1)} s first`}`);
    void seen;
  });

  await test('each co-host tile moves and shows the other channel: its colour, one co-host (no loop)', async () => {
    const first = await readPage(page, true);
    const later = await until(
      () => readPage(page, true),
      (state) => state.hosts.every((host, index) => host.picture && host.frames >= (first.hosts[index]?.frames ?? 0) + 10),
      30_000,
      'ten more presented frames in each co-host tile',
    );
    for (const [index, host] of later.hosts.entries()) {
      const own = stages.find((stage) => stage.channel === host.channel);
      const other = stages.find((stage) => stage.channel === own.other);
      const before = first.hosts[index].picture;
      assert(before && host.picture, `${host.channel}: a picture in the co-host tile`);
      let differing = 0;
      for (let at = 0; at < before.pixels.length; at += 4) {
        const delta = [0, 1, 2].reduce((sum, channel) => sum + Math.abs(before.pixels[at + channel] - host.picture.pixels[at + channel]), 0);
        if (delta > 60) differing += 1;
      }
      assert(differing / (before.pixels.length / 4) > 0.002, `${host.channel}'s co-host tile moves (${differing} pixels changed)`);
      const near = host.picture.colour.every((value, channel) => Math.abs(value - other.look.colour[channel]) <= 45);
      assert(near, `${host.channel}'s co-host tile shows ${other.channel}'s colour ${other.look.colour}, saw ${host.picture.colour}`);
      assert(host.coHosts === 1, `${host.channel} shows ${host.coHosts} co-hosts, expected 1`);
    }
    console.log(`  ${JSON.stringify(brief(later))}`);
  });

  await test('each audience shows both hosts, each with frames', async () => {
    const uids = stages.map((stage) => String(stage.uid)).sort();
    const first = await until(
      () => readPage(page),
      (state) => state.audiences.every((audience) => audience.tiles.map((tile) => tile.uid).sort().join() === uids.join()),
      30_000,
      'both hosts in each audience',
    );
    const total = (state, a, uid) => state.audiences[a].tiles.find((tile) => tile.uid === uid)?.frames ?? 0;
    await until(
      () => readPage(page),
      (state) => state.audiences.every((_, a) => uids.every((uid) => total(state, a, uid) >= total(first, a, uid) + 5)),
      30_000,
      'five more frames of each host in each audience',
    );
    if (screenshot) {
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`  screenshot: ${screenshot}`);
    }
  });
} catch {
  // Reported above; the counts say it.
} finally {
  await browser?.close().catch(() => undefined);
  if (program && program.exitCode === null) {
    const exited = new Promise((resolve) => program.once('exit', resolve));
    program.kill('SIGTERM');
    await exited;
  }
  if (counts.failed > 0) console.log(`npm start said:\n  ${output.join('\n  ')}`);
  rmSync(temp, { recursive: true, force: true });
  writeCounts();
  console.log(`Firefox desktop demo: ${counts.passed} passed, ${counts.failed} failed`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
}
