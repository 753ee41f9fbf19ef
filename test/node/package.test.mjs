// The npm package as users get it: `npm pack`, installed offline into a scratch project by `npm ci --offline` from a
// lockfile (consumer-lock.mjs: lit, ws, selfsigned and all they need come from npm's cache by integrity, as this
// repository's own `npm ci` left them, so an empty cache before that `npm ci` is fine), then used the way users use it:
//   - every entry point imports in plain Node (SSR: no DOM), fetches nothing and opens no socket;
//   - `exports` gives each entry its types (tsc in the scratch project), and the manifest through `customElements`;
//   - a bundler keeps the registration of a bare `import 'agora-relay-elements'` (`sideEffects` names the registering
//     files) and takes from a core-only import only what it uses.
// Needs `npm run build` (npm test builds first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { consumerProject } from './consumer-lock.mjs';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const ENTRIES = {
  'agora-relay-elements': ['AgoraRelayHost', 'AgoraRelayDestination', 'RelaySession', 'loadAgoraRTC'],
  'agora-relay-elements/core': ['RelaySession', 'loadAgoraRTC', 'judgeDestinations', 'tokenUrlProvider'],
  'agora-relay-elements/testing': ['createFakeAgoraRTC', 'startRemoteAgoraStandIn'],
  'agora-relay-elements/testing/stand-in': ['startAgoraStandIn', 'agoraStandInPlugin'],
};

let scratch;
let packed;
before(
  async () => {
    scratch = await mkdtemp(join(tmpdir(), 'agora-relay-elements-pack-'));
    const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', scratch], { cwd: repo });
    packed = JSON.parse(stdout)[0];
    // The stand-in entry needs the optional peers a consumer would add (the SDK stays out: no entry may load it).
    const extra = Object.keys(manifest.peerDependencies).filter((name) => name !== 'agora-rtc-sdk-ng');
    const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8'));
    const consumer = consumerProject({ lock, packed: { ...packed, manifest }, extra });
    await writeFile(join(scratch, 'package.json'), JSON.stringify(consumer.manifest, null, 2));
    await writeFile(join(scratch, 'package-lock.json'), JSON.stringify(consumer.packageLock, null, 2));
    await run(npm, ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: scratch,
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
  },
  { timeout: 120_000 },
);
after(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('npm pack', () => {
  test('the tarball holds the built package and nothing of the repository', () => {
    const files = packed.files.map((file) => file.path);
    const wanted = [
      'package.json',
      'dist/index.js',
      'dist/custom-elements.json',
      'dist/cdn/agora-relay-elements.js',
      'dist/cdn/THIRD-PARTY-LICENSES.txt',
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ].map((path) => path.replace(/^\.\//, ''));
    for (const path of wanted) assert.ok(files.includes(path), `${path} is in the tarball`);
    assert.ok(files.some((path) => /^dist\/cdn\/chunks\/agora-rtc-sdk-[\w-]+\.js$/.test(path)), 'the SDK chunk');
    for (const path of files) {
      assert.match(path, /^(dist\/|types\/|package\.json$|README\.md$|LICENSE)/, `${path} should not be packed`);
    }
  });
});

describe('installed from the tarball into a scratch project', () => {
  for (const [entry, names] of Object.entries(ENTRIES)) {
    test(`import('${entry}') in plain Node: no throw, no fetch, no socket`, async () => {
      // A fresh process per entry, with the network's global doors watched, and sockets and lookups counted after.
      const probe = `
        const calls = [];
        globalThis.fetch = (url) => { calls.push('fetch ' + url); return Promise.reject(new Error('offline')); };
        globalThis.WebSocket = function (url) { calls.push('WebSocket ' + url); throw new Error('offline'); };
        const module = await import(${JSON.stringify(entry)});
        await new Promise((resolve) => setTimeout(resolve, 50));
        const net = ['TCPWRAP', 'TCPSocketWrap', 'TCPServerWrap', 'TLSWrap', 'UDPWRAP', 'GetAddrInfoReqWrap'];
        console.log(JSON.stringify({
          exports: Object.keys(module),
          calls,
          sockets: process.getActiveResourcesInfo().filter((name) => net.includes(name)),
          dom: typeof document !== 'undefined' || typeof HTMLElement !== 'undefined',
        }));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: scratch });
      const seen = JSON.parse(stdout.trim().split('\n').at(-1));
      assert.equal(seen.dom, false, 'no DOM in this process');
      for (const name of names) assert.ok(seen.exports.includes(name), `${entry} exports ${name}`);
      assert.deepEqual(seen.calls, []);
      assert.deepEqual(seen.sockets, []);
    });
  }

  test("exports give every entry its types: a consumer's tsc run passes", async () => {
    const consumer = `
      import { AgoraRelayHost, AgoraRelayDestination, type AgoraRelayEventMap } from 'agora-relay-elements';
      import { RelaySession, type RelayStateDetail } from 'agora-relay-elements/core';
      import { createFakeAgoraRTC, type FakeAgoraRTC } from 'agora-relay-elements/testing';
      import type { startAgoraStandIn } from 'agora-relay-elements/testing/stand-in';
      const host: AgoraRelayHost = document.createElement('agora-relay-host');
      const destination: AgoraRelayDestination = document.createElement('agora-relay-destination');
      host.addEventListener('channel-media-relay-state', (event) => {
        const detail: RelayStateDetail = event.detail;
        console.log(detail.state, destination.status);
      });
      const fake: FakeAgoraRTC = createFakeAgoraRTC();
      const session = new RelaySession({ sdk: fake, source: { channelName: 'stage-a' } });
      type StateEvent = AgoraRelayEventMap['channel-media-relay-state'];
      export type Checked = [StateEvent, typeof startAgoraStandIn, typeof session];
      // @ts-expect-error the session takes no such option
      new RelaySession({ nonsense: true });
    `;
    await writeFile(join(scratch, 'consumer.ts'), consumer);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['consumer.ts'],
    };
    await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch }).catch((error) => error);
    assert.equal(result.code ?? 0, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
  });

  test('customElements names the manifest, and it lists every tag', async () => {
    const installed = join(scratch, 'node_modules/agora-relay-elements/');
    const own = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    const elements = JSON.parse(await readFile(join(installed, own.customElements), 'utf8'));
    const tags = elements.modules.flatMap((module) => module.declarations ?? []).map((d) => d.tagName).filter(Boolean);
    assert.deepEqual(tags.sort(), ['agora-relay-audience', 'agora-relay-destination', 'agora-relay-host']);
    const viaExports = await run(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('agora-relay-elements/custom-elements.json'))"],
      { cwd: scratch },
    );
    assert.match(viaExports.stdout, /node_modules\/agora-relay-elements\/dist\/custom-elements\.json/);
  });

  test('sideEffects: a bare import keeps the registration; a core-only import brings only what it uses', async () => {
    const bundle = async (contents) => {
      const result = await build({
        absWorkingDir: scratch,
        stdin: { contents, resolveDir: scratch, loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        metafile: true,
        minify: true,
        external: ['agora-rtc-sdk-ng'],
        logLevel: 'silent',
      });
      // The modules that put code into the bundle.
      const [output] = Object.values(result.metafile.outputs);
      const inputs = Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([path]) => path);
      return { code: result.outputFiles[0].text, inputs };
    };
    // One validation helper from the core: nothing else of the package comes along.
    const core = await bundle("import { parseUid } from 'agora-relay-elements/core'; console.log(parseUid('42'));");
    const ours = core.inputs.filter((path) => path.includes('agora-relay-elements/dist/'));
    assert.deepEqual(ours.map((path) => path.replace(/^.*\/dist\//, '')), ['core/validation.js']);
    assert.ok(!core.inputs.some((path) => /\/(lit|lit-html|lit-element)\//.test(path)), 'no Lit in a core-only bundle');
    assert.doesNotMatch(core.code, /agora-relay-host/, 'no element registration in a core-only bundle');
    const main = await bundle("import 'agora-relay-elements';");
    assert.match(main.code, /agora-relay-host/, 'importing the package for its side effect keeps the registration');
    assert.match(main.code, /agora-relay-destination/);
  });
});
