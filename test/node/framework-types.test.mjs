// The framework typings (types/react.d.ts, vue.d.ts, svelte.d.ts), each checked by compiling a small typed usage
// file with the framework's own types and checker: tsc with @types/react 19 (JSX), vue-tsc on a Vue SFC template
// (GlobalComponents), svelte-check on a Svelte 5 component and tsc on svelte/elements (SvelteHTMLElements). Each
// usage file also holds refusals (@ts-expect-error / @vue-expect-error) that must meet an error, so a typing that
// accepts anything fails too. The usage files import the package by name, so `exports` is what resolves them.
// Needs dist/ (npm run build) for the element types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = (path) => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));

async function check(script, args) {
  const result = await run(process.execPath, [bin(script), ...args], { cwd: repo }).catch((error) => error);
  assert.equal(result.code ?? 0, 0, `${script} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

test('React 19 JSX: tsc accepts interop/types/react-usage.tsx', async () => {
  await check('typescript/bin/tsc', ['-p', 'interop/types/tsconfig.react.json']);
});

test("Vue GlobalComponents: vue-tsc accepts interop/types/VueUsage.vue's template", async () => {
  await check('vue-tsc/bin/vue-tsc.js', ['-p', 'interop/types/tsconfig.vue.json']);
});

test('Svelte 5 svelte/elements: tsc accepts interop/types/svelte-usage.ts', async () => {
  await check('typescript/bin/tsc', ['-p', 'interop/types/tsconfig.svelte.json']);
});

test('Svelte 5 svelte/elements: svelte-check accepts interop/types/SvelteUsage.svelte', async () => {
  const out = await check('svelte-check/bin/svelte-check', [
    '--workspace',
    'interop/types',
    '--tsconfig',
    './tsconfig.svelte.json',
    '--fail-on-warnings',
    '--output',
    'machine',
  ]);
  // It must have checked the component, not an empty workspace.
  assert.match(out, /COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
});

test('the interop apps (interop/apps) type-check against each framework and the typings', async () => {
  await check('typescript/bin/tsc', ['-p', 'interop/apps/tsconfig.json']);
  const out = await check('svelte-check/bin/svelte-check', [
    '--workspace',
    'interop/apps',
    '--tsconfig',
    './tsconfig.json',
    '--fail-on-warnings',
    '--output',
    'machine',
  ]);
  assert.match(out, /COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
});
