// For this repository's web-test-runner config, which is plain .mjs and cannot import TypeScript: compiles the
// stand-in's Node side (server/) with esbuild on every run into node_modules/.cache, imports it, and returns the
// runner plugin. No prior build needed; ws and selfsigned stay external (resolved from node_modules).
import { build } from 'esbuild';
import { readdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('./server/index.ts', import.meta.url));
const cacheDir = new URL('../../../node_modules/.cache/agora-stand-in/', import.meta.url);
// One file per process: checkouts that share a node_modules (git worktrees) must not import each other's build.
const outfile = fileURLToPath(new URL(`stand-in-${process.pid}.mjs`, cacheDir));
const STALE_MS = 24 * 3600_000;

/** Removes builds of processes long gone (best effort). */
async function removeStaleBuilds() {
  const names = await readdir(cacheDir).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const file = new URL(name, cacheDir);
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > STALE_MS) await rm(file, { force: true });
    }),
  );
}

/** Compiles the Node side and returns the file URL of the ES module (exports startAgoraStandIn, agoraStandInPlugin). */
export async function buildAgoraStandIn() {
  await removeStaleBuilds();
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
