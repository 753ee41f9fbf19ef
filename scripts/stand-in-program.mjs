// The `agora-relay-stand-in` program straight from src/ (for `npm start` and `npm run bench`): cli.ts bundled by
// esbuild, its packages (ws, selfsigned, werift) left to node_modules, so no `npm run build` is needed first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the program into node_modules/.cache and returns its path (it resolves its packages from there). */
export async function buildStandInProgram(root) {
  const out = join(root, 'node_modules/.cache/agora-relay-elements');
  mkdirSync(out, { recursive: true });
  const program = join(out, 'agora-relay-stand-in.mjs');
  await build({
    entryPoints: [join(root, 'src/testing/stand-in/server/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: program,
    logLevel: 'warning',
  });
  return program;
}
