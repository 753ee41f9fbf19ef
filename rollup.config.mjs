// The CDN build: one ES module a page loads with a single <script type="module"> tag, no build step of its own.
// Input is tsc's output (dist/index.js, from `tsc -p tsconfig.build.json`), so rollup only resolves and minifies.
//
// - One entry file (dist/cdn/agora-relay-elements.js) with Lit bundled in: a CDN page has no node_modules.
// - Lazily loaded chunks under dist/cdn/chunks/, fetched only when needed:
//   - managed mode (the host element imports it dynamically when `app-id` is set and no client is given);
//   - the SDK: load-sdk.js's `import('agora-rtc-sdk-ng')` is bound here to the SDK's ES module entry plus its relay
//     service, `AgoraRTC.use(ChannelMediaRelayService)` (reference §1; ~349 KB gzip, measured, against the default
//     entry's ~432 KB). load-sdk.js reaches for it only when a relay first needs the SDK and neither `sdk` nor
//     `window.AgoraRTC` supplies one, so a page with Agora's own script tag never fetches it.
// `npm run size` (scripts/size.mjs) measures the result against a budget and checks that no SDK code is in the entry.
import { readFileSync, readdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

const SDK = 'agora-rtc-sdk-ng';
/** The module the CDN build puts in place of `import('agora-rtc-sdk-ng')`. */
export const SDK_MODULE_ID = '\0agora-rtc-sdk-ng-with-relay';
/** The SDK chunk's name: dist/cdn/chunks/agora-rtc-sdk-[hash].js. */
export const SDK_CHUNK_NAME = 'agora-rtc-sdk';

// The SDK's ES module entry has named exports only (no default) and leaves the relay out until a service adds it.
// Every named export stays, so the chunk is the SDK's own namespace (what `window.AgoraRTC` offers), relay included.
const SDK_MODULE_SOURCE = `
import { AgoraRTC } from '${SDK}/esm';
import { ChannelMediaRelayService } from '${SDK}/services/channel-media-relay';
AgoraRTC.use(ChannelMediaRelayService);
export * from '${SDK}/esm';
`;

// What the SDK's chunk is made of: the SDK package, its own packages and its dependencies (see its package.json),
// and rollup's CommonJS helpers, which only the SDK's CommonJS dependencies need.
const SDK_PACKAGES = [
  SDK,
  '@agora-js',
  'agora-rte-extension',
  'agora-rte-extension-ng',
  'axios',
  'formdata-polyfill',
  'pako',
  'sdp',
  'ua-parser-js',
  'webrtc-adapter',
];

/** True for a module id that belongs in the SDK chunk (and must never be in the entry). */
export function isSdkModule(id) {
  if (id === SDK_MODULE_ID || id.startsWith('\0commonjs')) return true;
  const path = id.replace(/^\0/, '').replaceAll('\\', '/');
  return SDK_PACKAGES.some((name) => path.includes(`/node_modules/${name}/`));
}

/** Binds the bare `agora-rtc-sdk-ng` import of load-sdk.js to the ES module entry plus the relay service. */
function sdkWithRelay() {
  return {
    name: 'agora-rtc-sdk-ng-with-relay',
    resolveId(source) {
      return source === SDK ? SDK_MODULE_ID : null;
    },
    load(id) {
      return id === SDK_MODULE_ID ? SDK_MODULE_SOURCE : null;
    },
  };
}

/** Where a module id lives in node_modules: the package's folder, or undefined for our own code and virtual modules. */
function packageDir(id) {
  const path = id.replace(/^\0/, '').replaceAll('\\', '/').split('?')[0];
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match?.[1];
}

const NOTICES = 'THIRD-PARTY-LICENSES.txt';

/** For a package with no license file (the SDK's packages): the copyright line its own files open with. */
function ownNotice(dir, meta) {
  for (const file of [meta.module, meta.main].filter(Boolean)) {
    try {
      const line = /[^\n*]*Copyright[^\n*]*/.exec(readFileSync(`${dir}/${file}`, 'utf8').slice(0, 2000))?.[0];
      if (line) return `${line.trim()}\n(from ${file}; the package ships no license file)`;
    } catch {
      // a missing file: try the next
    }
  }
  return '(the package ships no license file)';
}
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Minifying strips the packages' own license comments, so the CDN build ships their notices beside it: one file
 * naming every bundled package, its version and license, the chunk it is in, and its license file's text.
 */
function thirdPartyNotices() {
  return {
    name: 'third-party-notices',
    generateBundle(_options, bundle) {
      const packages = new Map();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of Object.keys(chunk.modules)) {
          const dir = packageDir(id);
          if (!dir) continue;
          const entry = packages.get(dir) ?? { chunks: new Set() };
          entry.chunks.add(chunk.fileName);
          packages.set(dir, entry);
        }
      }
      const sections = [...packages]
        .map(([dir, { chunks }]) => {
          const meta = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
          const licenseFile = readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name));
          const text = licenseFile ? readFileSync(`${dir}/${licenseFile}`, 'utf8').trim() : ownNotice(dir, meta);
          return { name: `${meta.name}@${meta.version}`, text: `${meta.name}@${meta.version}\nLicense: ${meta.license}\nIn: ${[...chunks].sort().join(', ')}\n\n${text}\n` };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      this.emitFile({
        type: 'asset',
        fileName: NOTICES,
        source: [`agora-relay-elements ${version}: third-party code in this folder's files, and its licenses.\n`, ...sections.map((s) => s.text)].join(`\n${'-'.repeat(78)}\n\n`),
      });
    },
  };
}

/**
 * No source map for the SDK's chunk: its sources are the SDK's own minified files, so the map would add ~3.4 MB to
 * the package and explain nothing.
 */
function noSdkSourceMap() {
  return {
    name: 'no-sdk-source-map',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.name !== SDK_CHUNK_NAME) continue;
        Reflect.deleteProperty(bundle, `${chunk.fileName}.map`);
        chunk.code = chunk.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
        chunk.map = null;
        chunk.sourcemapFileName = null;
      }
    },
  };
}

export default {
  // Not dist/index.js: the npm entry also re-exports the core, which would put all of it in the script every page
  // loads. dist/cdn.js (src/cdn.ts) registers the tags and exports the classes, and loadAgoraRTC lazily.
  input: { 'agora-relay-elements': 'dist/cdn.js' },
  // The entry may export extra bindings for its lazy chunks, so it holds the shared code itself instead of
  // re-exporting it from a shared chunk (which would cost the page a second request before anything runs).
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    sdkWithRelay(),
    // `browser` picks each package's browser build (axios's browser adapters, for one); lit's default export
    // condition is its production build.
    nodeResolve({ browser: true }),
    // The SDK's dependencies include CommonJS modules (ua-parser-js, webrtc-adapter's main build).
    commonjs(),
    // Only `/*! … */` comments survive: the banner below.
    terser({ ecma: 2022, module: true, format: { comments: /^!/ } }),
    thirdPartyNotices(),
    noSdkSourceMap(),
  ],
  output: {
    dir: 'dist/cdn',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
    banner: `/*! agora-relay-elements ${version} | MIT | bundled third-party code and its licenses: ${NOTICES} */`,
    manualChunks: (id) => (isSdkModule(id) ? SDK_CHUNK_NAME : undefined),
  },
  onwarn(warning, warn) {
    // tsc's decorator helper reads a top-level `this` (`this && this.__decorate`); undefined in a module is correct.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    // Anything unresolved would ship a broken bare import: fail the build.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    warn(warning);
  },
};
