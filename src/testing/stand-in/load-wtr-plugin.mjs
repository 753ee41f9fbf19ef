// For this repository's web-test-runner config, which is plain .mjs and cannot import TypeScript: compiles the
// stand-in's Node side (server/) with esbuild on every run into node_modules/.cache, imports it, and returns the
// runner plugin. No prior build needed; ws and selfsigned stay external (resolved from node_modules).
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('./server/index.ts', import.meta.url));
const outfile = fileURLToPath(new URL('../../../node_modules/.cache/agora-stand-in/stand-in.mjs', import.meta.url));

/** Compiles the Node side and returns the file URL of the ES module (exports startAgoraStandIn, agoraStandInPlugin). */
export async function buildAgoraStandIn() {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return pathToFileURL(outfile).href;
}

/** @param {import('./server/wtr-plugin.js').AgoraStandInPluginOptions} [options] */
export async function loadAgoraStandInPlugin(options) {
  const { agoraStandInPlugin } = await import(await buildAgoraStandIn());
  return agoraStandInPlugin(options);
}
