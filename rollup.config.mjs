// The CDN build: one ES module a page loads with a single <script type="module"> tag, no build step of its own.
// Input is tsc's output (dist/index.js, from `tsc -p tsconfig.build.json`), so rollup only resolves and minifies.
//
// - One entry file plus lazily loaded chunks (e.g. managed mode, imported dynamically by the host element), so a
//   page that brings its own client never downloads them.
// - lit (our dependency) is bundled in: a CDN page has no node_modules to resolve `lit` from.
// - agora-rtc-sdk-ng (the app's peer dependency) is never bundled: load-sdk.ts reaches it only through a dynamic
//   `import('agora-rtc-sdk-ng')`, kept here as an external so it stays lazy. A page supplies the SDK itself
//   (`window.AgoraRTC` from Agora's script tag, or the `sdk` property), or maps the bare name with an import map.
//   Packaging the SDK as a lazily loaded chunk of its own comes later (issue 5).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const sdk = 'agora-rtc-sdk-ng';

export default {
  input: 'dist/index.js',
  // The entry may export extra bindings for its lazy chunks, so it holds the shared code itself instead of
  // re-exporting it from a shared chunk (which would cost the page a second request before anything runs).
  preserveEntrySignatures: 'allow-extension',
  external: (id) => id === sdk || id.startsWith(`${sdk}/`),
  plugins: [
    // `browser` picks each package's browser build; lit's default export condition is its production build.
    nodeResolve({ browser: true }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
  output: {
    dir: 'dist/cdn',
    entryFileNames: 'agora-relay-elements.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  onwarn(warning, warn) {
    // tsc's decorator helper reads a top-level `this` (`this && this.__decorate`); undefined in a module is correct.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    // The SDK is external on purpose: anything else unresolved would ship a broken bare import, so fail the build.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    warn(warning);
  },
};
