#!/usr/bin/env node
// `npm run bench` (not part of the tests): one run in headless Chromium on the offline fake SDK, printed as a table
// and written to BENCHMARKS.md with the machine and the date.
//
// 1. `npm run build` (for the CDN files whose bytes are counted; BENCH_NO_BUILD=1 keeps the dist/ already there).
// 2. bench/page.ts bundled with esbuild (minified, Lit's production build), served on 127.0.0.1.
// 3. Chromium driven with puppeteer-core; heap measured through CDP after HeapProfiler.collectGarbage.
//
// Each figure is set against a baseline measured in the same run: straightforward imperative code on the same fake
// (one updateChannelMediaRelay per change; startChannelMediaRelay as soon as publish resolves), or a custom element
// with no behaviour at all for mounting.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../scripts/browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line) => process.stderr.write(`bench: ${line}\n`);

/** Runs of 1,000 cycles per kind for (d) and (e); BENCH_HEAP_RUNS=10 shows whether a small growth keeps growing. */
const heapRuns = Math.max(1, Number(process.env.BENCH_HEAP_RUNS) || 3);

// ---- build ------------------------------------------------------------------------------------------------------

if (process.env.BENCH_NO_BUILD !== '1') {
  say('npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    say('npm run build failed; nothing measured');
    process.exit(1);
  }
}

const out = mkdtempSync(join(tmpdir(), 'agora-relay-bench-'));
await build({
  entryPoints: [join(root, 'bench/page.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  tsconfig: join(root, 'tsconfig.json'),
  // The page injects the fake; the real SDK is never loaded.
  external: ['agora-rtc-sdk-ng'],
  // package.json's "sideEffects" names dist/ files; from src/ the registration import would be dropped.
  ignoreAnnotations: true,
  outfile: join(out, 'page.js'),
  logLevel: 'warning',
});
await build({
  entryPoints: [join(root, 'bench/cold.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  tsconfig: join(root, 'tsconfig.json'),
  outfile: join(out, 'cold.js'),
  logLevel: 'warning',
});
const pageScript = readFileSync(join(out, 'page.js'));
const coldScript = readFileSync(join(out, 'cold.js'));
rmSync(out, { recursive: true, force: true });

// Section g loads CDN builds over HTTP, gzip-compressed as a CDN serves them: this checkout's dist/cdn ("after") and,
// when BENCH_BEFORE_CDN names one, another build's dist/cdn ("before"), e.g. main's, built in a temporary worktree:
//   git worktree add /tmp/before main && (cd /tmp/before && ln -s "$PWD/node_modules" . && npm run build)
//   BENCH_BEFORE_CDN=/tmp/before/dist/cdn npm run bench
const cdnBuilds = { after: join(root, 'dist/cdn') };
if (process.env.BENCH_BEFORE_CDN) cdnBuilds.before = process.env.BENCH_BEFORE_CDN;
const onlyCold = process.env.BENCH_ONLY_COLD === '1';

// ---- serve and launch ---------------------------------------------------------------------------------------------

// Cross-origin isolated, so performance.now() is precise to 5 µs instead of 100 µs.
const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = createServer((request, response) => {
  const [path] = request.url.split('?');
  const cdnBuild = /^\/(before|after)\/([\w./-]+\.js)$/.exec(path);
  if (request.url === '/page.js' || path === '/cold.js') {
    response.writeHead(200, { 'content-type': 'text/javascript', ...isolation });
    response.end(path === '/cold.js' ? coldScript : pageScript);
  } else if (path === '/cold.html') {
    response.writeHead(200, { 'content-type': 'text/html', ...isolation });
    response.end('<!doctype html><html><body><script type="module" src="/cold.js"></script></body></html>');
  } else if (cdnBuild && cdnBuilds[cdnBuild[1]] && !cdnBuild[2].includes('..') && existsSync(join(cdnBuilds[cdnBuild[1]], cdnBuild[2]))) {
    response.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip', ...isolation });
    response.end(gzipSync(readFileSync(join(cdnBuilds[cdnBuild[1]], cdnBuild[2])), { level: 9 }));
  } else if (request.url === '/') {
    response.writeHead(200, { 'content-type': 'text/html', ...isolation });
    response.end('<!doctype html><html><body><script type="module" src="/page.js"></script></body></html>');
  } else {
    response.writeHead(request.url === '/favicon.ico' ? 204 : 404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const executablePath = findBrowser('chromium');
if (!executablePath) {
  say('no Chromium found (set CHROMIUM_PATH)');
  process.exit(1);
}
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--js-flags=--expose-gc',
  ],
});

let results;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'warn' || message.type() === 'error') say(`page ${message.type()}: ${message.text()}`);
  });
  if (onlyCold) {
    results = {};
  } else {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('document.title === "ready"', { timeout: 30_000 });
    if (!(await page.evaluate('crossOriginIsolated'))) say('the page is not cross-origin isolated: times are precise to 0.1 ms only');
    const cdp = await page.createCDPSession();
    results = await measure(page, cdp);
  }
  results.cold = await measureCold(browser);
  results.chromium = await browser.version();
} finally {
  await browser.close();
  server.close();
}

// ---- measurements -----------------------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function heapUsed(cdp) {
  // Twice, a task apart: a first collection can leave what finalizers and weak callbacks free to the second.
  for (let round = 0; round < 2; round += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Heap snapshot (after GC) summed by node type and name: count and self size. */
async function heapCensus(cdp) {
  await heapUsed(cdp);
  const chunks = [];
  const collect = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const census = new Map();
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    const type = types[snapshot.nodes[index + typeAt]];
    const name = type.includes('string') ? '' : snapshot.strings[snapshot.nodes[index + nameAt]];
    const key = `${type}\t${name}`;
    const entry = census.get(key) ?? { type, name, count: 0, size: 0 };
    entry.count += 1;
    entry.size += snapshot.nodes[index + sizeAt];
    census.set(key, entry);
  }
  return census;
}

/** Growth between two censuses: what JavaScript can hold (objects, closures, arrays, strings, numbers) apart from the
 * engine's own (compiled code, hidden classes, Blink's native side). */
function censusGrowth(before, after) {
  const jsTypes = ['object', 'closure', 'array', 'regexp', 'string', 'concatenated string', 'sliced string', 'number', 'heap number', 'bigint', 'symbol'];
  const growth = { jsCount: 0, jsSize: 0, engineSize: 0, top: [] };
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key) ?? { count: 0, size: 0 };
    const b = after.get(key) ?? { ...a, count: 0, size: 0 };
    const entry = after.get(key) ?? before.get(key);
    const count = b.count - a.count;
    const size = b.size - a.size;
    if (jsTypes.includes(entry.type)) {
      growth.jsCount += count;
      growth.jsSize += size;
      if (count > 0) growth.top.push({ name: `${entry.type} ${entry.name}`.trim(), count });
    } else {
      growth.engineSize += size;
    }
  }
  growth.top.sort((x, y) => y.count - x.count);
  growth.top = growth.top.slice(0, 3);
  return growth;
}

async function measure(page, cdp) {
  const run = (name, ...args) => page.evaluate((n, a) => window.bench[n](...a), name, args);
  const r = { bursts: [], spread: [], publish: {}, thousand: {}, cycles: {} };

  say('(a) SDK calls per burst');
  for (const changes of [1, 10, 100]) {
    const samples = { elements: [], imperative: [] };
    for (let repeat = 0; repeat < 7; repeat += 1) {
      for (const mode of ['elements', 'imperative']) samples[mode].push(await run('burst', mode, changes, false));
    }
    r.bursts.push({ changes, ...summarise(samples) });
  }
  for (const changes of [10, 100]) {
    const samples = { elements: [], imperative: [] };
    for (let repeat = 0; repeat < 3; repeat += 1) {
      for (const mode of ['elements', 'imperative']) samples[mode].push(await run('burst', mode, changes, true));
    }
    r.spread.push({ changes, ...summarise(samples) });
  }

  say('(b) publish resolved → startChannelMediaRelay');
  for (const [mode, repeats] of [['imperative', 20], ['byo-start', 20], ['managed', 10], ['byo-check', 12]]) {
    const gaps = [];
    for (let repeat = 0; repeat < repeats; repeat += 1) gaps.push(await run('publishToStart', mode));
    r.publish[mode] = { n: gaps.length, median: median(gaps), min: Math.min(...gaps), max: Math.max(...gaps) };
  }

  say('(c) 1,000 attribute changes');
  {
    const samples = { elements: [], imperative: [] };
    for (let repeat = 0; repeat < 5; repeat += 1) {
      for (const mode of ['elements', 'imperative']) samples[mode].push(await run('thousandChanges', mode));
    }
    r.thousand = summarise(samples);
  }

  say('(d, e) mount and remove; heap over 1,000 cycles');
  for (const kind of ['empty', 'host-alone', 'host-relay', 'imperative-relay']) {
    await run('cycles', kind, 200); // warm-up: code compiled, templates and the page's client made
    const times = [];
    const growths = [];
    let faults = 0;
    for (let repeat = 0; repeat < heapRuns; repeat += 1) {
      const before = await heapUsed(cdp);
      const cycle = await run('cycles', kind, 1000);
      const after = await heapUsed(cdp);
      times.push(cycle.ms / cycle.cycles);
      growths.push(after - before);
      faults += cycle.faults;
    }
    await run('cycles', kind, 100, true);
    await heapUsed(cdp);
    const reachable = kind === 'imperative-relay' ? null : await run('stillReachable');
    const listeners = await run('listenersLeft', kind);
    r.cycles[kind] = { msPerCycle: median(times), growth: median(growths), growths, faults, reachable, listeners };
  }
  // What the residual growth is made of: a census of the heap before and after 1,000 more relay cycles.
  const before = await heapCensus(cdp);
  await run('cycles', 'host-relay', 1000);
  r.census = censusGrowth(before, await heapCensus(cdp));
  return r;
}

function summarise(samples) {
  const one = (list) => ({
    calls: [Math.min(...list.map((s) => s.calls)), Math.max(...list.map((s) => s.calls))],
    maxInFlight: Math.max(...list.map((s) => s.maxInFlight)),
    ms: median(list.map((s) => s.ms)),
  });
  return { elements: one(samples.elements), imperative: one(samples.imperative) };
}

/**
 * (g) Host connected → first SDK call, on a cold page: a fresh page per sample, HTTP cache off, the library's files
 * gzip-served from 127.0.0.1, with no added latency and with 40 ms added per request (CDP network emulation, a
 * modest real network), so each lazy chunk's round trip counts. Builds and modes alternate sample by sample.
 */
async function measureCold(browser) {
  const samples = Number(process.env.BENCH_COLD_RUNS) || 15;
  const out = {};
  for (const latency of [0, 40]) {
    say(`(g) host connected → first SDK call, cold pages, +${latency} ms per request`);
    for (let sample = 0; sample < (latency ? Math.ceil(samples / 2) : samples); sample += 1) {
      for (const build of Object.keys(cdnBuilds)) {
        for (const mode of ['byo', 'managed']) {
          const page = await browser.newPage();
          try {
            await page.setCacheEnabled(false);
            const cdp = await page.createCDPSession();
            if (latency) {
              await cdp.send('Network.enable');
              await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
            }
            page.on('pageerror', (error) => say(`cold page error: ${error.message}`));
            page.on('console', (message) => {
              if (message.type() === 'error') say(`cold page ${build} ${mode}: ${message.text()}`);
            });
            await page.goto(`http://127.0.0.1:${port}/cold.html?build=${build}&mode=${mode}`);
            await page.waitForFunction('window.coldResult', { timeout: 30_000, polling: 50 });
            const result = await page.evaluate('window.coldResult');
            if (result.error) throw new Error(`cold page ${build} ${mode}: ${result.error}`);
            const key = `${build} ${mode} ${latency}`;
            (out[key] ??= []).push(result);
          } finally {
            await page.close();
          }
        }
      }
    }
  }
  return out;
}

// ---- bytes ------------------------------------------------------------------------------------------------------

function bytes() {
  const cdn = join(root, 'dist/cdn');
  const entry = join(cdn, 'agora-relay-elements.js');
  if (!existsSync(entry)) return { entry: undefined, chunks: [] };
  const size = (file) => {
    const data = readFileSync(file);
    return { file: relative(root, file), raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  };
  const chunksDir = join(cdn, 'chunks');
  const chunks = existsSync(chunksDir)
    ? readdirSync(chunksDir, { recursive: true })
        .map(String)
        .filter((name) => name.endsWith('.js'))
        .map((name) => size(join(chunksDir, name)))
    : [];
  return { entry: size(entry), chunks };
}

// ---- the table ----------------------------------------------------------------------------------------------------

const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3)) + ' ms';
const fmtRatio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : '—');
const fmtCalls = ([low, high]) => (low === high ? `${low}` : `${low}–${high}`);
const fmtBytes = (n) => (Math.abs(n) >= 10_240 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);

const coldRows = [];
for (const latency of [0, 40]) {
  for (const mode of ['byo', 'managed']) {
    for (const build of Object.keys(cdnBuilds)) {
      const list = results.cold[`${build} ${mode} ${latency}`];
      if (!list) continue;
      const files = list[0].files;
      const kb = files.reduce((sum, file) => sum + file.bytes, 0);
      coldRows.push({
        measure: `${mode === 'byo' ? 'BYO (page client, published)' : 'managed (app-id)'}, ${build}, ${latency ? `+${latency} ms per request` : 'loopback'}`,
        connected: `${fmtMs(median(list.map((r) => r.firstCallMs)))} (${list[0].firstMethod})`,
        relay: fmtMs(median(list.map((r) => r.relayMs))),
        entry: fmtMs(median(list.map((r) => r.entryMs))),
        script: fmtMs(median(list.map((r) => r.fromScriptMs))),
        files: `${files.length}: ${fmtBytes(kb)} gzip`,
        n: list.length,
      });
    }
  }
}
const coldTable = [
  '| host, build, network | connected → first SDK call | connected → startChannelMediaRelay | entry import | script start → first SDK call | library files before the first SDK call | n |',
  '|---|---|---|---|---|---|---|',
  ...coldRows.map((x) => `| ${x.measure} | ${x.connected} | ${x.relay} | ${x.entry} | ${x.script} | ${x.files} | ${x.n} |`),
].join('\n');

const coldSection = (machineLines) => `## Host connected → first SDK call (g)

<!-- cold:start -->
${machineLines}

${coldTable}
<!-- cold:end -->

A fresh page per sample with the HTTP cache off loads a CDN build over HTTP (gzip, from 127.0.0.1), then appends one
\`<agora-relay-host>\` with two destinations: given the page's own joined and published client (BYO), or \`app-id\`
(managed mode). The fake SDK is given as \`host.sdk\`, so no SDK chunk is fetched; its namespace and clients are spied
on. "connected" is the append; the first SDK call is the first method called on the namespace or a client after it
(\`on\`, a listener, for BYO; \`createClient\` in managed mode). "entry import" is the import of the entry before the
host exists; "library files" are the build's files fetched before the first SDK call, entry included, with their gzip
bytes as served. "+40 ms" adds 40 ms to every request (CDP network emulation): each lazy chunk on the way costs a round
trip there. "before" is another build's dist/cdn (\`BENCH_BEFORE_CDN\`), measured in the same run, samples alternating.
\`BENCH_ONLY_COLD=1 npm run bench\` measures only this section and replaces it in BENCHMARKS.md.
`;

if (onlyCold) {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  const lines = [
    `- Date: ${new Date().toISOString()}; ${results.chromium} (headless); CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
    `- after: this checkout (${commit || 'unknown commit'}), dist/cdn; before: ${cdnBuilds.before ?? 'not measured (no BENCH_BEFORE_CDN)'}`,
  ].join('\n');
  process.stdout.write(`\n${lines}\n\n${coldTable}\n\n`);
  const file = join(root, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = coldSection(lines);
  const start = current.indexOf('## Host connected → first SDK call (g)');
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const updated =
    start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next)}`;
  writeFileSync(file, updated);
  say('wrote section g of BENCHMARKS.md');
  process.exit(0);
}

const rows = [];
const row = (section, measure, elements, baseline, ratio, note = '') => rows.push({ section, measure, elements, baseline, ratio, note });

for (const { changes, elements, imperative } of results.bursts) {
  row(
    'a',
    `SDK relay calls, burst of ${changes} change${changes > 1 ? 's' : ''} in one task`,
    `${fmtCalls(elements.calls)} (max ${elements.maxInFlight} in flight)`,
    `${fmtCalls(imperative.calls)} (max ${imperative.maxInFlight} in flight)`,
    fmtRatio(elements.calls[1], imperative.calls[0]),
  );
  row('a', `  time to settle, burst of ${changes}`, fmtMs(elements.ms), fmtMs(imperative.ms), fmtRatio(elements.ms, imperative.ms));
}
for (const { changes, elements, imperative } of results.spread) {
  row(
    'a',
    `SDK relay calls, ${changes} changes one task apart`,
    `${fmtCalls(elements.calls)} (max ${elements.maxInFlight} in flight)`,
    `${fmtCalls(imperative.calls)} (max ${imperative.maxInFlight} in flight)`,
    fmtRatio(elements.calls[1], imperative.calls[0]),
  );
}
const gap = (g) => `${fmtMs(g.median)} (${fmtMs(g.min)}–${fmtMs(g.max)}, n=${g.n})`;
const base = results.publish.imperative;
row('b', 'publish resolved → startChannelMediaRelay, BYO, `host.start()` after publish', gap(results.publish['byo-start']), gap(base), `+${fmtMs(results.publish['byo-start'].median - base.median)}`);
row('b', 'the same, managed mode (the host publishes, then starts)', gap(results.publish.managed), gap(base), `+${fmtMs(results.publish.managed.median - base.median)}`);
row('b', 'the same, BYO without `start()`: the session’s publish check (every 500 ms)', gap(results.publish['byo-check']), gap(base), `+${fmtMs(results.publish['byo-check'].median - base.median)}`);
{
  const { elements, imperative } = results.thousand;
  row(
    'c',
    '1,000 attribute changes (one task) → settled',
    `${fmtMs(elements.ms)}, ${fmtCalls(elements.calls)} SDK call`,
    `${fmtMs(imperative.ms)}, ${fmtCalls(imperative.calls)} SDK calls`,
    fmtRatio(elements.ms, imperative.ms),
  );
}
const c = results.cycles;
const per = (kind) => fmtMs(c[kind].msPerCycle);
row('d', 'mount + remove, per cycle: empty custom element with 4 empty children', per('empty'), per('empty'), '1×', 'baseline');
row('d', '  host + 4 destinations, no client (no relay)', per('host-alone'), per('empty'), fmtRatio(c['host-alone'].msPerCycle, c.empty.msPerCycle));
row('d', '  host + 4 destinations on a published client: relay started, then stopped', per('host-relay'), per('empty'), fmtRatio(c['host-relay'].msPerCycle, c.empty.msPerCycle));
row('d', '  the same relay cycle, imperative (start + stop on the fake, no element)', per('imperative-relay'), per('empty'), fmtRatio(c['imperative-relay'].msPerCycle, c.empty.msPerCycle));
row('d', '  host relay cycle vs imperative relay cycle', per('host-relay'), per('imperative-relay'), fmtRatio(c['host-relay'].msPerCycle, c['imperative-relay'].msPerCycle));
const growth = (kind) => `${fmtBytes(c[kind].growth)} (${(c[kind].growth / 1000).toFixed(0)} B/cycle)`;
const growthNote = (kind) => `runs: ${c[kind].growths.map(fmtBytes).join(', ')}`;
row('e', 'heap growth over 1,000 cycles: empty custom element', growth('empty'), growth('empty'), '—', growthNote('empty'));
row('e', '  host + 4 destinations, no client', growth('host-alone'), growth('empty'), '—', growthNote('host-alone'));
row('e', '  host + 4 destinations, relay started and stopped', growth('host-relay'), growth('imperative-relay'), '—', growthNote('host-relay'));
row('e', '  imperative start + stop (baseline for the relay cycle)', growth('imperative-relay'), growth('imperative-relay'), '—', growthNote('imperative-relay'));
row(
  'e',
  'of 100 more cycles, elements still reachable after GC; listeners left on the client',
  `host-relay: ${c['host-relay'].reachable}/100, ${c['host-relay'].listeners} listeners; host-alone: ${c['host-alone'].reachable}/100`,
  `empty element: ${c.empty.reachable}/100`,
  '—',
);
{
  const { jsCount, jsSize, engineSize, top } = results.census;
  const named = top.length ? ` (most: ${top.map((t) => `${t.count} ${t.name}`).join(', ')})` : '';
  row(
    'e',
    'heap snapshots before and after 1,000 more relay cycles: what grew',
    `JS objects, closures, arrays, strings: ${jsCount >= 0 ? '+' : ''}${jsCount} (${fmtBytes(jsSize)})${named}`,
    `engine (compiled code, maps, Blink): ${fmtBytes(engineSize)}`,
    '—',
  );
}

const b = onlyCold ? { chunks: [] } : bytes();
const sdkChunk = b.chunks.find((chunk) => /agora-rtc|sdk/i.test(chunk.file));
if (b.entry) {
  row('f', `CDN entry \`${b.entry.file}\``, `${fmtBytes(b.entry.raw)} raw, ${fmtBytes(b.entry.gzip)} gzip -9`, '—', '—');
  row(
    'f',
    'SDK chunk in dist/cdn',
    sdkChunk ? `\`${sdkChunk.file}\`: ${fmtBytes(sdkChunk.raw)} raw, ${fmtBytes(sdkChunk.gzip)} gzip -9` : 'absent: dist/cdn has no SDK chunk (the SDK stays external)',
    '—',
    sdkChunk && b.entry ? `${fmtRatio(sdkChunk.gzip, b.entry.gzip)} the entry (gzip)` : '—',
  );
  for (const chunk of b.chunks.filter((other) => other !== sdkChunk)) {
    row('f', `  other chunk \`${chunk.file}\``, `${fmtBytes(chunk.raw)} raw, ${fmtBytes(chunk.gzip)} gzip -9`, '—', '—');
  }
} else {
  row('f', 'CDN entry', 'absent: no dist/cdn/agora-relay-elements.js', '—', '—');
}

const faults = Object.entries(c).filter(([, value]) => value.faults > 0);

const header = '| | measure | elements | baseline | ratio (or difference) | note |\n|---|---|---|---|---|---|';
const table = [header, ...rows.map((x) => `| ${x.section} | ${x.measure.replace(/^ {2}/, '↳ ')} | ${x.elements} | ${x.baseline} | ${x.ratio} | ${x.note} |`)].join('\n');

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
const machine = [
  `- Date: ${new Date().toISOString()}`,
  `- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node ${process.version}; ${results.chromium} (headless, puppeteer-core); ${process.platform} ${process.arch}`,
  `- Code: ${commit || 'unknown commit'}${dirty ? ' with uncommitted changes in src/' : ''}`,
].join('\n');

process.stdout.write(`\n${machine}\n\n${table}\n\n`);
if (faults.length > 0) {
  say(`faults (a relay that did not run, or calls other than start, stop): ${faults.map(([k, v]) => `${k}: ${v.faults}`).join(', ')}`);
}

const doc = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs; not part of the tests). One run in headless Chromium on the offline fake
SDK (\`createFakeAgoraRTC()\`, default latency: each SDK answer comes a task later), so times are this library's own
overhead plus the fake's task steps, not Agora's network. Every figure is set against a baseline measured in the same
run, on the same page: the elements and the fake from \`src/\`, bundled and minified by esbuild (Lit's production
build). Times are \`performance.now()\` on a cross-origin-isolated page (5 µs resolution).

${machine}

${table}

## What is measured

- **a**: a host running a relay to four destinations, then N destination \`channel-name\` edits, all in one task (or
  one per task). Baseline: imperative code on the same fake that calls \`updateChannelMediaRelay\` for each change as it
  happens (not awaiting the previous call, as a change handler would), so its calls overlap ("max in flight"); the
  elements never have two relay calls in flight. Median of 7 runs (3 for one per task); calls as min–max over the
  runs. Time: from the first change until the last SDK call settled (for the elements: every destination's update
  done and \`host.settled()\`).
- **b**: from \`client.publish()\` resolving to the \`startChannelMediaRelay\` call (both wrapped on the fake client).
  BYO: the page's own joined client, host mounted before publishing; either \`host.start()\` right after publish
  resolves, or no \`start()\` at all, which leaves it to the session's publish check (\`client.localTracks\` looked at
  every 500 ms while that is all the relay waits for; the publish happens at a random moment of that period, so the
  gap spreads over 0–500 ms). Managed: the host's own publish, after which it calls \`start()\` itself. Baseline:
  \`startChannelMediaRelay\` called right after \`await publish\`.
- **c**: 1,000 \`setAttribute('channel-name', …)\` on the four destinations of a running relay, in one task, until
  every destination's Lit update is done and \`host.settled()\` resolves. Baseline: 1,000 \`updateChannelMediaRelay\`
  calls (one per change) until all have settled. Median of 5.
- **d**: one cycle = make the element and its four children, append, wait for its first update and \`settled()\`,
  remove, wait for the removal to be handled and \`settled()\`. With a client, the relay is started (RUNNING) and
  stopped in every cycle, on one page client. Baselines: the same cycle with an empty custom element
  (\`class extends HTMLElement {}\`, four empty children), and the relay's start and stop called directly on the fake.
  Median per cycle of ${heapRuns} runs of 1,000, after 200 warm-up cycles.
- **e**: V8 heap used (CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`, twice) before and after each
  run of **d**; the median run is shown, every run in the note (the first run after warm-up still compiles code). The
  fake's record of every relay call is emptied after each cycle, in the element and the imperative runs alike, so it
  is not counted. Then 100 more cycles with the elements held by \`WeakRef\`: how many survive a full GC (0: nothing
  keeps a removed host alive); and two heap snapshots around 1,000 more relay cycles, summed by node type: what
  JavaScript could be holding (objects, closures, arrays, strings, numbers) apart from the engine's own growth
  (compiled code, hidden classes, Blink). \`BENCH_HEAP_RUNS=10 npm run bench\` shows whether a growth keeps growing.
- **f**: bytes of \`npm run build\`'s CDN output, raw and \`gzip -9\` (Node's zlib, level 9). The SDK chunk is the file
  in \`dist/cdn/chunks\` whose name says \`agora-rtc\` or \`sdk\`.

Every cycle, burst and spaced change starts from a fresh task posted on a MessageChannel, for the elements and the
baselines alike: browsers clamp a timer set from inside a timer callback to 4 ms from the fifth level of nesting, and
the fake answers through \`setTimeout(0)\`, so a loop that only ever awaited the fake would measure that clamp (a
page's own handlers run from events, not from an endless timer chain). For the same reason the one-per-task rows of
**a** depend on how fast the fake answers: with Agora's real latency, more changes wait for the call in flight.
`;
writeFileSync(join(root, 'BENCHMARKS.md'), `${doc}\n${coldSection(machine)}`);
say('wrote BENCHMARKS.md');

// The stand-in's media path (bench/stand-in-media.mjs): a section of its own; BENCH_STAND_IN=0 leaves it out.
if (process.env.BENCH_STAND_IN !== '0') await (await import('./stand-in-media.mjs')).benchStandInMedia({ root, say });
